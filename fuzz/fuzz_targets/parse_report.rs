//! Any bytes → UTF-8 (or rejected) → parse; every span in bounds, on char
//! boundaries, children inside parents.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("check.rs");

fuzz_target!(|data: &[u8]| {
    if let Ok(input) = std::str::from_utf8(data) {
        let report = gov_disclosure_report::parse_report(input);
        check_report(input, &report);
    }
});
