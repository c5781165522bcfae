//! Parse then validate: never panics; finding cells slice to their raw text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let report = gov_disclosure_report::parse_report(input);
    for f in gov_disclosure_report::validate::validate(&report) {
        for c in &f.cells {
            assert_eq!(c.span.slice(input), Some(c.raw.as_str()));
        }
    }
    let options = gov_disclosure_report::validate::ValidateOptions::default().blanks_as_zero(true);
    let _ = gov_disclosure_report::validate::validate_with(&report, &options);
});
