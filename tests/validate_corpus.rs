//! Validation against the corpus: the findings of the table identities on the
//! dev reports are exactly those their truth numbers imply (computed here,
//! independently, from the truth files), and the seeds give the findings of
//! the specification's worked examples (§8.10).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unnecessary_unwrap
)]

mod common;

use gov_disclosure_report::parse_report;
use gov_disclosure_report::validate::{Status, validate};
use serde_json::Value;
use std::collections::BTreeMap;

const COLUMNS: [&str; 7] = [
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
    "total",
];
const HEAD: [&str; 2] = ["new_received", "carried_over"];
const LEAVES_2019: [&str; 19] = [
    "granted",
    "partial",
    "denied.state_secret",
    "denied.law_prohibited",
    "denied.three_security_one_stability",
    "denied.third_party",
    "denied.internal_affairs",
    "denied.process_info",
    "denied.enforcement_file",
    "denied.admin_query",
    "unable.not_held",
    "unable.needs_creation",
    "unable.unclear_after_correction",
    "not_processed.petition_complaint",
    "not_processed.duplicate",
    "not_processed.publication",
    "not_processed.massive_repeated",
    "not_processed.confirm_or_reissue",
    "other",
];

type Key = (String, String, &'static str);

fn status_name(s: Status) -> &'static str {
    s.as_str()
}

/// The findings the truth implies for the table identities.
fn expected(truth: &Value) -> Vec<Key> {
    let facts = truth["facts"].as_object().unwrap();
    let get = |k: String| -> Option<f64> { facts.get(&k).and_then(Value::as_f64) };
    let has = |k: &str| facts.contains_key(k);
    let mut out: Vec<Key> = Vec::new();
    let mut push = |rule: &str, scope: String, status: &'static str| {
        out.push((rule.to_string(), scope, status))
    };
    let v2021 = truth["meta"]["t3_template"] == "2021";
    let mut leaves: Vec<&str> = LEAVES_2019.to_vec();
    if v2021 {
        leaves.pop();
        leaves.extend(["other.no_correction", "other.fee_unpaid", "other.other"]);
    }
    let mut rows: Vec<&str> = HEAD.to_vec();
    rows.extend(&leaves);
    rows.extend(["total_processed", "carried_forward"]);
    let cell = |row: &str, col: &str| get(format!("t3.{row}.{col}"));
    if has("t3.new_received.total") {
        let mut blank_total = Vec::new();
        for row in &rows {
            let parts: Vec<Option<f64>> = COLUMNS[..6].iter().map(|c| cell(row, c)).collect();
            let total = cell(row, "total");
            if parts.iter().all(Option::is_none) && total.is_none() {
                continue;
            }
            if total.is_none() && parts.iter().all(Option::is_some) {
                blank_total.push(*row);
                push("T3.COL", row.to_string(), "not_assessable");
            } else if total.is_none() || parts.iter().any(Option::is_none) {
                push("T3.COL", row.to_string(), "not_assessable");
            } else if (total.unwrap() - parts.iter().map(|p| p.unwrap()).sum::<f64>()).abs() > 1e-9
            {
                push("T3.COL", row.to_string(), "fail");
            }
        }
        for col in COLUMNS {
            let skip = |r: &str| col == "total" && blank_total.contains(&r);
            let bal_rows = [
                "new_received",
                "carried_over",
                "total_processed",
                "carried_forward",
            ];
            let vals: Vec<Option<f64>> = bal_rows.iter().map(|r| cell(r, col)).collect();
            let bal_open = vals.iter().any(Option::is_none);
            if !bal_rows.iter().any(|r| skip(r)) {
                if bal_open {
                    push("T3.BAL", col.to_string(), "not_assessable");
                } else if (vals[0].unwrap() + vals[1].unwrap()
                    - vals[2].unwrap()
                    - vals[3].unwrap())
                .abs()
                    > 1e-9
                {
                    push("T3.BAL", col.to_string(), "fail");
                }
            }
            let tp = cell("total_processed", col);
            let leaf_vals: Vec<Option<f64>> = leaves.iter().map(|l| cell(l, col)).collect();
            let res_open = tp.is_none() || leaf_vals.iter().any(Option::is_none);
            if !(skip("total_processed") || leaves.iter().any(|l| skip(l))) {
                if res_open {
                    push("T3.RES", col.to_string(), "not_assessable");
                } else if (tp.unwrap() - leaf_vals.iter().map(|v| v.unwrap()).sum::<f64>()).abs()
                    > 1e-9
                {
                    push("T3.RES", col.to_string(), "fail");
                }
            }
            let inflow = match (cell("new_received", col), cell("carried_over", col)) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            };
            if bal_open {
                for r in ["total_processed", "carried_forward"] {
                    if let (Some(v), Some(i)) = (cell(r, col), inflow)
                        && v > i
                    {
                        push("T3.D1", col.to_string(), "fail");
                    }
                }
                if inflow == Some(0.0) {
                    for r in rows.iter().skip(2) {
                        if cell(r, col).is_some_and(|v| v > 0.0) {
                            push("T3.D2", format!("{r}.{col}"), "fail");
                        }
                    }
                }
            }
            if res_open {
                for l in &leaves {
                    if let (Some(v), Some(t)) = (cell(l, col), tp)
                        && v > t
                    {
                        push("T3.D3", format!("{l}.{col}"), "fail");
                    }
                }
            }
        }
    }
    if has("t4.review.total") {
        for g in ["review", "lit_direct", "lit_after_review"] {
            let parts: Vec<Option<f64>> = ["upheld", "corrected", "other", "pending"]
                .iter()
                .map(|o| get(format!("t4.{g}.{o}")))
                .collect();
            let total = get(format!("t4.{g}.total"));
            if total.is_none() || parts.iter().any(Option::is_none) {
                push("T4.SUM", g.to_string(), "not_assessable");
            } else if (total.unwrap() - parts.iter().map(|p| p.unwrap()).sum::<f64>()).abs() > 1e-9
            {
                push("T4.SUM", g.to_string(), "fail");
            }
        }
    }
    out.sort();
    out
}

const IDENTITY_RULES: [&str; 7] = [
    "T3.BAL", "T3.RES", "T3.COL", "T3.D1", "T3.D2", "T3.D3", "T4.SUM",
];

#[test]
fn dev_findings_are_exactly_what_the_truth_implies() {
    dev_findings_in(&common::texts("dev"));
}

/// The same check on the shared corpus the task names
/// (`../shared/corpus/dev` beside the crate), when it is present.
#[test]
fn shared_dev_findings_are_exactly_what_the_truth_implies() {
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/dev/text"
    ));
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {} not present", dir.display());
        return;
    };
    let mut paths: Vec<std::path::PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    dev_findings_in(&paths);
}

fn dev_findings_in(paths: &[std::path::PathBuf]) {
    let mut compared = 0;
    let mut total_expected = 0;
    for path in paths {
        let path = path.as_path();
        let input = std::fs::read_to_string(path).unwrap();
        let report = parse_report(&input);
        let mut got: Vec<Key> = validate(&report)
            .into_iter()
            .filter(|f| IDENTITY_RULES.contains(&f.rule.as_str()))
            .map(|f| (f.rule.to_string(), f.scope, status_name(f.status)))
            .collect();
        got.sort();
        let want = expected(&common::truth_for(path));
        assert_eq!(got, want, "{}", path.display());
        compared += 1;
        total_expected += want.len();
    }
    assert_eq!(compared, 80);
    // The dev numbers are random: the identities break, so the test has teeth.
    assert!(total_expected > 500, "{total_expected}");
    eprintln!("{compared} reports, {total_expected} identity findings, all as implied");
}

#[test]
fn seed_findings_match_the_worked_examples() {
    let mut by_seed: BTreeMap<String, Vec<(String, String, &'static str)>> = BTreeMap::new();
    for path in common::texts("seeds") {
        let input = std::fs::read_to_string(&path).unwrap();
        let report = parse_report(&input);
        let findings = validate(&report);
        for f in &findings {
            for cell in &f.cells {
                assert_eq!(
                    cell.span.slice(&input),
                    Some(cell.raw.as_str()),
                    "{} {}",
                    f.rule,
                    cell.key
                );
            }
        }
        let table: Vec<_> = findings
            .into_iter()
            .filter(|f| f.rule.as_str().starts_with("T3.") || f.rule.as_str().starts_with("T4."))
            .map(|f| (f.rule.to_string(), f.scope, status_name(f.status)))
            .collect();
        by_seed.insert(
            path.file_name().unwrap().to_str().unwrap()[..3].to_string(),
            table,
        );
    }
    // Seed 000: the empty 结转 row makes T3.BAL not assessable in every column.
    let want: Vec<_> = COLUMNS
        .iter()
        .map(|c| ("T3.BAL".to_string(), c.to_string(), "not_assessable"))
        .collect();
    assert_eq!(by_seed["000"], want);
    // Seeds 002–004: zero reports, every table rule passes.
    for seed in ["002", "003", "004"] {
        assert!(by_seed[seed].is_empty(), "{seed}: {:?}", by_seed[seed]);
    }
}

#[test]
fn no_exact_finding_on_consistent_tables() {
    // The canary and seed tables of seeds 002–004 are all zero; their
    // renderings in every layout must stay silent on EXACT rules.
    for path in common::texts("seeds")
        .into_iter()
        .filter(|p| !p.to_str().unwrap().contains("000_"))
    {
        let report = parse_report(&std::fs::read_to_string(&path).unwrap());
        let exact: Vec<_> = validate(&report)
            .into_iter()
            .filter(|f| f.class == gov_disclosure_report::validate::RuleClass::Exact)
            .collect();
        assert!(exact.is_empty(), "{}: {exact:?}", path.display());
    }
}
