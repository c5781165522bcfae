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
use gov_disclosure_report::validate::{Finding, Rule, Status, validate};
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

/// Rule, scope, status, and the scopes a not-assessable finding covers.
type Key = (String, String, &'static str, Vec<String>);

/// An identity that cannot be assessed: rule, scope and its cells (row,
/// column) that hold no number.
struct Unassessed {
    rule: &'static str,
    scope: String,
    blanks: Vec<(String, String)>,
}

/// The findings of the identities that cannot be assessed, one per cause:
/// identities of one rule whose blank cells lie in the same rows (or the
/// same columns) as another's make one finding, scoped to those rows (or
/// columns) and listing the identities; the others one finding each. Each
/// identity goes with the rows or the columns, whichever more identities
/// share (rows on a tie).
fn one_per_cause(unassessed: &[Unassessed]) -> Vec<Key> {
    let lines = |u: &Unassessed| {
        let mut rows: Vec<String> = u.blanks.iter().map(|(r, _)| r.clone()).collect();
        let mut columns: Vec<String> = u.blanks.iter().map(|(_, c)| c.clone()).collect();
        for list in [&mut rows, &mut columns] {
            list.sort();
            list.dedup();
        }
        (
            (u.rule, "rows", rows.join(",")),
            (u.rule, "columns", columns.join(",")),
        )
    };
    let mut shared: BTreeMap<(&str, &str, String), usize> = BTreeMap::new();
    for u in unassessed {
        let (rows, columns) = lines(u);
        *shared.entry(rows).or_default() += 1;
        *shared.entry(columns).or_default() += 1;
    }
    let mut groups: BTreeMap<(&str, &str, String), Vec<String>> = BTreeMap::new();
    let mut out = Vec::new();
    for u in unassessed {
        let (rows, columns) = lines(u);
        let cause = if shared[&columns] > shared[&rows] {
            columns
        } else {
            rows
        };
        if shared[&cause] >= 2 {
            groups.entry(cause).or_default().push(u.scope.clone());
        } else {
            out.push((
                u.rule.to_string(),
                u.scope.clone(),
                "not_assessable",
                vec![u.scope.clone()],
            ));
        }
    }
    for ((rule, _, parts), mut scopes) in groups {
        scopes.sort();
        out.push((rule.to_string(), parts, "not_assessable", scopes));
    }
    out
}

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
        out.push((rule.to_string(), scope, status, Vec::new()))
    };
    let mut unassessed: Vec<Unassessed> = Vec::new();
    let mut blank_totals: Option<Key> = None;
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
    // The cells among `cells` that hold no number.
    let blanks = |cells: &[(&str, &str)], get: &dyn Fn(&str, &str) -> Option<f64>| {
        cells
            .iter()
            .filter(|(r, c)| get(r, c).is_none())
            .map(|(r, c)| (r.to_string(), c.to_string()))
            .collect::<Vec<_>>()
    };
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
            } else if total.is_none() || parts.iter().any(Option::is_none) {
                let cells: Vec<(&str, &str)> = COLUMNS.iter().map(|c| (*row, *c)).collect();
                unassessed.push(Unassessed {
                    rule: "T3.COL",
                    scope: row.to_string(),
                    blanks: blanks(&cells, &cell),
                });
            } else if (total.unwrap() - parts.iter().map(|p| p.unwrap()).sum::<f64>()).abs() > 1e-9
            {
                push("T3.COL", row.to_string(), "fail");
            }
        }
        // A blank total with its parts filled: one finding for all such rows.
        blank_totals = match blank_total.as_slice() {
            [] => None,
            [row] => Some((
                "T3.COL".to_string(),
                row.to_string(),
                "not_assessable",
                vec![row.to_string()],
            )),
            many => {
                let mut scopes: Vec<String> = many.iter().map(|r| r.to_string()).collect();
                scopes.sort();
                Some((
                    "T3.COL".to_string(),
                    "total".to_string(),
                    "not_assessable",
                    scopes,
                ))
            }
        };
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
                    let cells: Vec<(&str, &str)> = bal_rows.iter().map(|r| (*r, col)).collect();
                    unassessed.push(Unassessed {
                        rule: "T3.BAL",
                        scope: col.to_string(),
                        blanks: blanks(&cells, &cell),
                    });
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
                    let cells: Vec<(&str, &str)> = std::iter::once("total_processed")
                        .chain(leaves.iter().copied())
                        .map(|r| (r, col))
                        .collect();
                    unassessed.push(Unassessed {
                        rule: "T3.RES",
                        scope: col.to_string(),
                        blanks: blanks(&cells, &cell),
                    });
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
        let t4 = |g: &str, o: &str| get(format!("t4.{g}.{o}"));
        for g in ["review", "lit_direct", "lit_after_review"] {
            let outcomes = ["upheld", "corrected", "other", "pending", "total"];
            let values: Vec<Option<f64>> = outcomes.iter().map(|o| t4(g, o)).collect();
            if values.iter().any(Option::is_none) {
                let cells: Vec<(&str, &str)> = outcomes.iter().map(|o| (g, *o)).collect();
                unassessed.push(Unassessed {
                    rule: "T4.SUM",
                    scope: g.to_string(),
                    blanks: blanks(&cells, &t4),
                });
            } else if (values[4].unwrap() - values[..4].iter().map(|p| p.unwrap()).sum::<f64>())
                .abs()
                > 1e-9
            {
                push("T4.SUM", g.to_string(), "fail");
            }
        }
    }
    out.extend(blank_totals);
    out.extend(one_per_cause(&unassessed));
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
            .map(|f| {
                let mut covered = f.unassessable;
                covered.sort();
                (f.rule.to_string(), f.scope, status_name(f.status), covered)
            })
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
    let mut by_seed: BTreeMap<String, (String, Vec<Finding>)> = BTreeMap::new();
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
        let table: Vec<Finding> = findings
            .into_iter()
            .filter(|f| f.rule.as_str().starts_with("T3.") || f.rule.as_str().starts_with("T4."))
            .collect();
        by_seed.insert(
            path.file_name().unwrap().to_str().unwrap()[..3].to_string(),
            (input, table),
        );
    }
    // Seed 000: the empty 结转 row makes T3.BAL not assessable in every
    // column: one root cause, one finding, listing the seven columns.
    let (input, findings) = &by_seed["000"];
    let [bal] = findings.as_slice() else {
        panic!("one finding expected: {findings:#?}")
    };
    assert_eq!(
        (bal.rule, bal.scope.as_str(), bal.status),
        (Rule::T3Bal, "carried_forward", Status::NotAssessable)
    );
    assert_eq!(bal.unassessable, COLUMNS);
    let keys: Vec<String> = COLUMNS
        .iter()
        .map(|c| format!("t3.carried_forward.{c}"))
        .collect();
    assert_eq!(bal.blank_cells, keys);
    // Its cells are the row's seven empty cells; it points at the row.
    let cell_keys: Vec<&str> = bal.cells.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(cell_keys, keys);
    assert!(bal.cells.iter().all(|c| c.raw.is_empty()));
    let row = bal.span.slice(input).unwrap();
    assert!(row.contains("结转下年度"), "{row}");
    // Seeds 002–004: zero reports, every table rule passes.
    for seed in ["002", "003", "004"] {
        assert!(by_seed[seed].1.is_empty(), "{seed}: {:?}", by_seed[seed].1);
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
