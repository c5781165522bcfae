//! Every bundled corpus report (seeds, canary, dev in eight layouts) against
//! its truth file: every cell right, no extra cell, metadata right. This is
//! the scorer of `../shared/tools/score` as a test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use gov_disclosure_report::parse_report;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const BLANK: [&str; 3] = ["empty", "na", "text"];

fn truth_for(text_path: &Path) -> Value {
    let name = text_path.file_name().unwrap().to_str().unwrap();
    let stem = name.split(['-', '.']).next().unwrap();
    let truth = text_path
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("truth")
        .join(format!("{stem}.json"));
    serde_json::from_str(&std::fs::read_to_string(truth).unwrap()).unwrap()
}

fn same_number(have: &str, want: &Value) -> bool {
    match (have.parse::<f64>(), want.as_f64()) {
        (Ok(h), Some(w)) => (h - w).abs() < 1e-9,
        _ => false,
    }
}

/// Compares one report with its truth; returns the problems.
fn problems(path: &Path) -> Vec<String> {
    let input = std::fs::read_to_string(path).unwrap();
    let report = parse_report(&input);
    let got: BTreeMap<String, String> = report.facts().into_iter().collect();
    let truth = truth_for(path);
    let mut out = Vec::new();
    let facts = truth["facts"].as_object().unwrap();
    for (key, want) in facts {
        let have = got.get(key).map(String::as_str);
        match (want.is_null(), have) {
            (true, Some(h)) if !BLANK.contains(&h) => {
                out.push(format!("{key}: want blank, got {h}"))
            }
            (true, _) => {}
            (false, None) => out.push(format!("{key}: want {want}, got nothing")),
            (false, Some(h)) if !same_number(h, want) => {
                out.push(format!("{key}: want {want}, got {h}"))
            }
            (false, Some(_)) => {}
        }
    }
    for key in got
        .keys()
        .filter(|k| k.starts_with('t') && !facts.contains_key(*k))
    {
        out.push(format!("{key}: not in the report"));
    }
    let meta = truth["meta"].as_object().unwrap();
    for (field, want) in meta {
        let want = match want {
            Value::Array(items) => items
                .iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join(","),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let have = got
            .get(&format!("meta.{field}"))
            .cloned()
            .unwrap_or_default();
        if have != want {
            out.push(format!("meta.{field}: want {want}, got {have}"));
        }
    }
    out
}

fn assert_set(set: &str) {
    let files = common::texts(set);
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for path in &files {
        let p = problems(path);
        if !p.is_empty() {
            failures.push(format!("{}:\n  {}", path.display(), p.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} reports differ from truth:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn seeds_match_truth() {
    assert_set("seeds");
}

#[test]
fn canary_matches_truth_so_no_cell_is_misplaced() {
    assert_set("canary");
}

#[test]
fn dev_matches_truth_in_all_eight_layouts() {
    let layouts: std::collections::BTreeSet<String> = common::texts("dev")
        .iter()
        .filter_map(|p| {
            p.file_stem()?
                .to_str()?
                .split_once('-')
                .map(|(_, l)| l.to_string())
        })
        .collect();
    assert_eq!(layouts.len(), 8, "{layouts:?}");
    assert_set("dev");
}
