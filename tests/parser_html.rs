//! Raw HTML pages (scraped without conversion to text): rows, cells with
//! rowspan/colspan, `<br>` inside header cells, entities, scripts and styles.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use gov_disclosure_report::parse_report;

fn fixture() -> std::path::PathBuf {
    common::corpus_dir()
        .parent()
        .unwrap()
        .join("html/r1021.html")
}

#[test]
fn html_report_matches_its_truth() {
    let problems = common::problems(&fixture());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn html_report_keeps_span_invariants_and_sections() {
    let input = std::fs::read_to_string(fixture()).unwrap();
    let report = parse_report(&input);
    common::assert_span_invariants(&input, &report);
    assert_eq!(report.sections.len(), 6);
    let overview = &report.sections[0];
    assert!(
        overview
            .paragraphs
            .iter()
            .any(|p| p.text.contains("“要求”"))
    );
    // Script and style contents are not text.
    let all: String = report.preamble.iter().map(|p| p.text.as_str()).collect();
    assert!(!all.contains("var x") && !all.contains("border"));
    let cell = report.table3().unwrap().rows[0].cells[0].clone();
    assert_eq!(cell.span.slice(&input), Some(cell.raw.as_str()));
}
