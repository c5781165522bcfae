//! Parse one report and print what was read: agency, year, sections,
//! tables and the parse diagnostics with their line and column.
//!
//! ```text
//! cargo run --example parse_one [REPORT.txt]
//! ```

use gov_disclosure_report::{LineIndex, parse_report};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/samples/002_62687585584c4384.txt"
);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| SAMPLE.to_string());
    let text = std::fs::read_to_string(&path)?;
    let report = parse_report(&text);

    let agency = report.agency.as_ref().map(|a| a.value.as_str());
    let year = report.year.as_ref().map(|y| y.value);
    println!("{path}: {agency:?}, year {year:?}");
    for section in &report.sections {
        println!(
            "  section {}: {}",
            section.kind.number(),
            section.heading.text
        );
    }
    if let Some(t) = report.table3() {
        println!(
            "  table 3: {} template, {} rows",
            t.template.as_str(),
            t.rows.len()
        );
    }
    // Spans are byte ranges into `text`; a line index turns them into lines.
    let index = LineIndex::new(&text);
    for d in &report.diagnostics {
        println!("  {} {d}", index.line_col_of(d.span));
    }
    Ok(())
}
