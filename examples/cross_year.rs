//! Cross-year rules: group reports by agency and compare consecutive years
//! (上年结转 must equal last year's 结转下年度, and so on).
//!
//! ```text
//! cargo run --example cross_year [REPORT.txt...]
//! ```
//!
//! With no arguments it compares a bundled sample with a copy of itself
//! dated one year later, so the rules have a series to look at.

use gov_disclosure_report::parse_report;
use gov_disclosure_report::validate::{group_by_agency, validate_series};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/samples/002_62687585584c4384.txt"
);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<String> = if paths.is_empty() {
        let text = std::fs::read_to_string(SAMPLE)?;
        let year = parse_report(&text).year.map(|y| y.value).unwrap_or(2020);
        let next = text.replacen(&year.to_string(), &(year + 1).to_string(), 1);
        vec![text, next]
    } else {
        paths
            .iter()
            .map(std::fs::read_to_string)
            .collect::<Result<_, _>>()?
    };
    let reports: Vec<_> = texts.iter().map(|t| parse_report(t)).collect();
    for series in group_by_agency(&reports) {
        let agency = series.first().and_then(|r| r.agency.as_ref());
        let years: Vec<i32> = series
            .iter()
            .filter_map(|r| r.year.as_ref().map(|y| y.value))
            .collect();
        println!("{:?}: years {years:?}", agency.map(|a| a.value.as_str()));
        for f in validate_series(&series) {
            println!("  {} {} {:?}: {}", f.rule, f.scope, f.status, f.message_en);
        }
    }
    Ok(())
}
