//! Write the facts (every number with its canonical key) of some reports
//! as CSV on standard output: `file,key,value`.
//!
//! ```text
//! cargo run --example facts_csv [REPORT.txt...] > facts.csv
//! ```

use gov_disclosure_report::parse_report;
use std::io::Write;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/samples");

/// A CSV field, quoted when it needs to be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        for entry in std::fs::read_dir(SAMPLES)? {
            paths.push(entry?.path().display().to_string());
        }
        paths.sort();
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "file,key,value")?;
    for path in &paths {
        let report = parse_report(&std::fs::read_to_string(path)?);
        let name = path.rsplit('/').next().unwrap_or(path);
        for fact in report.facts() {
            let key = fact.key.to_string();
            writeln!(
                out,
                "{},{},{}",
                field(name),
                field(&key),
                field(&fact.value_text())
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
