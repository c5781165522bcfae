//! `validate` never panics on any parsed input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use gov_disclosure_report::parse_report;
use gov_disclosure_report::validate::{ValidateOptions, validate, validate_series, validate_with};
use proptest::prelude::*;

fn seed_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/corpus/dev/text/r1021-tsv.txt"
    ))
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn validate_never_panics_on_arbitrary_text(text in "\\PC{0,400}") {
        let report = parse_report(&text);
        let _ = validate(&report);
        let _ = validate_with(&report, &ValidateOptions::default().blanks_as_zero(true));
    }

    #[test]
    fn validate_never_panics_on_mutated_reports(
        cut in 0usize..12_000,
        len in 0usize..200,
        insert in "[0-9/\\-\\t\\n|一二三四五、（）。总计新收结转 ]{0,40}",
    ) {
        let base = seed_text();
        let mut at = cut.min(base.len());
        while !base.is_char_boundary(at) { at -= 1; }
        let mut end = (at + len).min(base.len());
        while !base.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{}{}", &base[..at], insert, &base[end..]);
        let report = parse_report(&mutated);
        let findings = validate(&report);
        for f in &findings {
            prop_assert!(f.span.end <= mutated.len());
            for c in &f.cells {
                prop_assert_eq!(c.span.slice(&mutated), Some(c.raw.as_str()));
            }
        }
        let original = parse_report(&base);
        let _ = validate_series(&[&original, &report]);
    }
}
