//! The serialized forms (feature `serde`): reports and findings read back
//! equal; rule ids, fact keys and options have their documented string and
//! default forms.
#![cfg(feature = "serde")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use gov_disclosure_report::validate::{Finding, Rule, ValidateOptions, validate};
use gov_disclosure_report::{AnnualReport, FactKey, parse_report};

#[test]
fn reports_and_findings_read_back_equal() {
    let mut compared = 0;
    for path in common::texts("seeds") {
        let text = std::fs::read_to_string(&path).unwrap();
        let report = parse_report(&text);
        let json = serde_json::to_string(&report).unwrap();
        let back: AnnualReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report, "{}", path.display());
        let findings = validate(&report);
        let json = serde_json::to_string(&findings).unwrap();
        let back: Vec<Finding> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, findings, "{}", path.display());
        compared += 1;
    }
    assert_eq!(compared, 5);
}

#[test]
fn rules_and_fact_keys_are_their_string_ids() {
    assert_eq!(serde_json::to_string(&Rule::T3Bal).unwrap(), "\"T3.BAL\"");
    for rule in Rule::ALL {
        let json = serde_json::to_string(rule).unwrap();
        assert_eq!(serde_json::from_str::<Rule>(&json).unwrap(), *rule);
    }
    assert!(serde_json::from_str::<Rule>("\"T3.BLA\"").is_err());
    let report = parse_report(&std::fs::read_to_string(&common::texts("seeds")[0]).unwrap());
    for fact in report.facts() {
        let json = serde_json::to_string(&fact.key).unwrap();
        assert_eq!(json, format!("\"{}\"", fact.key));
        assert_eq!(serde_json::from_str::<FactKey>(&json).unwrap(), fact.key);
    }
    assert!(serde_json::from_str::<FactKey>("\"t3.nothing.total\"").is_err());
}

#[test]
fn options_and_fields_added_later_default_when_absent() {
    let options: ValidateOptions = serde_json::from_str("{}").unwrap();
    assert_eq!(options, ValidateOptions::default());
    let lenient: ValidateOptions = serde_json::from_str(r#"{"blanks_as_zero":true}"#).unwrap();
    assert!(lenient.blanks_read_as_zero());
    // A finding written before `unassessable` and `blank_cells` existed.
    let old = r#"{"rule":"T4.SUM","scope":"review","class":"exact","severity":"error",
        "status":"fail","expected":2.0,"found":1.0,"difference":-1.0,"cells":[],
        "span":{"start":0,"end":0},"blanks_as_zero":false,"message":"m","message_en":"m"}"#;
    let finding: Finding = serde_json::from_str(old).unwrap();
    assert_eq!(finding.rule, Rule::T4Sum);
    assert!(finding.unassessable.is_empty() && finding.blank_cells.is_empty());
}
