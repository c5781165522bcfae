//! Span invariants over every bundled fixture: in bounds, on char boundaries,
//! children inside parents, in order, slicing to what was read.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use gov_disclosure_report::parse_report;

#[test]
fn every_fixture_satisfies_the_span_invariants() {
    let files = common::all_texts();
    assert!(files.len() >= 90, "fixtures missing: {}", files.len());
    for path in files {
        let input = std::fs::read_to_string(&path).unwrap();
        let report = parse_report(&input);
        common::assert_span_invariants(&input, &report);
    }
}

#[test]
fn crlf_and_full_width_copies_keep_their_spans() {
    for path in common::texts("seeds") {
        let input = std::fs::read_to_string(&path).unwrap();
        let crlf = input.replace('\n', "\r\n");
        let report = parse_report(&crlf);
        common::assert_span_invariants(&crlf, &report);
        let wide: String = input
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    char::from_u32(c as u32 - 0x30 + 0xFF10).unwrap()
                } else {
                    c
                }
            })
            .collect();
        let wide_report = parse_report(&wide);
        common::assert_span_invariants(&wide, &wide_report);
        assert_eq!(
            common::fact_pairs(&parse_report(&input)),
            common::fact_pairs(&wide_report),
            "{}",
            path.display()
        );
        assert_eq!(
            common::fact_pairs(&parse_report(&input)),
            common::fact_pairs(&report),
            "{}",
            path.display()
        );
    }
}
