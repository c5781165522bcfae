//! Validate one report: every rule that does not hold or cannot be
//! assessed, with the cells it involves.
//!
//! ```text
//! cargo run --example validate [REPORT.txt]
//! ```

use gov_disclosure_report::parse_report;
use gov_disclosure_report::validate::{Status, validate};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/samples/000_7d73dc49b45dd84d.txt"
);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| SAMPLE.to_string());
    let text = std::fs::read_to_string(&path)?;
    let report = parse_report(&text);
    let findings = validate(&report);
    println!("{path}: {} finding(s)", findings.len());
    for f in &findings {
        let status = match f.status {
            Status::Fail => "fails",
            _ => "cannot be assessed",
        };
        println!(
            "{} {} ({}) {status}: {}",
            f.rule, f.scope, f.severity, f.message_en
        );
        for cell in &f.cells {
            // A cell's raw text is exactly the bytes under its span.
            println!(
                "    {} = {:?} at bytes {}..{}",
                cell.key, cell.raw, cell.span.start, cell.span.end
            );
        }
    }
    Ok(())
}
