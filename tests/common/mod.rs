//! Helpers shared by the parser integration tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod tables;

use gov_disclosure_report::unstable_internals::normalize;
use gov_disclosure_report::{AnnualReport, Span, Table, parse_report};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const BLANK: [&str; 3] = ["empty", "na", "text"];

pub fn truth_for(text_path: &Path) -> Value {
    let name = text_path.file_name().unwrap().to_str().unwrap();
    let stem = name.split(['-', '.']).next().unwrap();
    let beside = text_path.with_extension("json");
    let truth = if beside.exists() {
        beside
    } else {
        text_path
            .parent()
            .unwrap()
            .parent()
            .unwrap()
            .join("truth")
            .join(format!("{stem}.json"))
    };
    serde_json::from_str(&std::fs::read_to_string(truth).unwrap()).unwrap()
}

/// The facts of a report as a dump writes them: (key, value) pairs.
pub fn fact_pairs(report: &AnnualReport) -> Vec<(String, String)> {
    report
        .facts()
        .map(|f| (f.key.to_string(), f.value_text()))
        .collect()
}

fn same_number(have: &str, want: &Value) -> bool {
    match (have.parse::<f64>(), want.as_f64()) {
        (Ok(h), Some(w)) => (h - w).abs() < 1e-9,
        _ => false,
    }
}

/// Compares one report with its truth; returns the problems.
pub fn problems(path: &Path) -> Vec<String> {
    let input = std::fs::read_to_string(path).unwrap();
    let report = parse_report(&input);
    let got: BTreeMap<String, String> = fact_pairs(&report).into_iter().collect();
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

/// The corpus fixtures bundled with the crate.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// Every `text/*.txt` of a corpus set (`seeds`, `canary`, `dev`), sorted.
pub fn texts(set: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join(set).join("text"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// All fixture texts of all sets.
pub fn all_texts() -> Vec<PathBuf> {
    ["seeds", "canary", "dev"]
        .iter()
        .flat_map(|s| texts(s))
        .collect()
}

fn check(input: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    assert!(
        span.end <= input.len(),
        "{what}: span {span:?} out of bounds ({})",
        input.len()
    );
    assert!(
        input.is_char_boundary(span.start),
        "{what}: start {span:?} not on a char boundary"
    );
    assert!(
        input.is_char_boundary(span.end),
        "{what}: end {span:?} not on a char boundary"
    );
}

fn within(outer: Span, inner: Span, what: &str) {
    assert!(
        outer.contains(inner),
        "{what}: {inner:?} not inside {outer:?}"
    );
}

fn compact(s: &str) -> String {
    normalize(s)
        .text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Asserts the span invariants of a parsed report: every span in bounds and on
/// char boundaries, children inside parents, sections in order, and cell and
/// heading spans slicing the original text to what was read.
pub fn assert_span_invariants(input: &str, report: &AnnualReport) {
    let markup = gov_disclosure_report::unstable_internals::looks_like_html(input);
    check(input, report.span, "report");
    assert_eq!(report.span, Span::new(0, input.len()));
    for d in &report.diagnostics {
        check(input, d.span, "diagnostic");
    }
    for p in &report.preamble {
        check(input, p.span, "preamble");
    }
    if let Some(t) = &report.title {
        check(input, t.span, "title");
    }
    for located in [
        report.agency.as_ref().map(|a| a.span),
        report.year.as_ref().map(|y| y.span),
    ]
    .into_iter()
    .flatten()
    {
        check(input, located, "meta");
    }
    let mut previous_end = 0;
    for s in &report.sections {
        check(input, s.span, "section");
        assert!(
            s.span.start >= previous_end,
            "sections overlap or are out of order"
        );
        previous_end = s.span.end;
        within(s.span, s.heading.span, "heading");
        let printed = s.heading.span.slice(input).unwrap();
        if !markup {
            assert_eq!(normalize(printed).text(), s.heading.text, "heading slice");
        }
        let mut paragraph_start = 0;
        for p in &s.paragraphs {
            assert!(p.span.start >= paragraph_start, "paragraphs out of order");
            paragraph_start = p.span.start;
            check(input, p.span, "paragraph");
            within(s.span, p.span, "paragraph");
            for sentence in &p.sentences {
                check(input, sentence.span, "sentence");
                within(p.span, sentence.span, "sentence");
                assert!(!p.sentence_text(sentence).is_empty());
            }
            if !markup {
                assert_eq!(
                    compact(p.span.slice(input).unwrap()),
                    p.text
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                );
            }
        }
        let Some(table) = &s.table else { continue };
        let (table_span, rows): (Span, Vec<(Span, Vec<&gov_disclosure_report::Cell>)>) = match table
        {
            Table::ProactiveDisclosure(t) => (
                t.span,
                t.rows
                    .iter()
                    .map(|r| (r.span, r.cells.iter().collect()))
                    .collect(),
            ),
            Table::Requests(t) => (
                t.span,
                t.rows
                    .iter()
                    .map(|r| (r.span, r.cells.iter().collect()))
                    .collect(),
            ),
            Table::ReviewsAndLitigation(t) => (t.span, vec![(t.span, t.cells.iter().collect())]),
            other => panic!("a table kind this check does not know: {other:?}"),
        };
        check(input, table_span, "table");
        within(s.span, table_span, "table");
        // Rows are kept in template order (they are keyed), so only their
        // cells are checked for source order.
        for (row_span, cells) in rows {
            check(input, row_span, "row");
            within(table_span, row_span, "row");
            let mut cell_start = 0;
            for cell in &cells {
                assert!(cell.span.start >= cell_start, "cells out of order");
                cell_start = cell.span.start;
            }
            for cell in cells {
                check(input, cell.span, "cell");
                // A cell the converter printed elsewhere (table 4's
                // litigation groups after the last section) keeps its own
                // span; only inferred cells may lie outside their row.
                if !cell.inferred || row_span.contains(cell.span) {
                    within(row_span, cell.span, "cell");
                }
                assert_eq!(
                    cell.span.slice(input),
                    Some(cell.raw.as_str()),
                    "cell span must slice to its raw text"
                );
            }
        }
    }
}
