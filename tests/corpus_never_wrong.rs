//! Every report of the shared corpus (`../shared/corpus/{seeds,canary,dev,wild}`,
//! every rendering) against its truth: no table cell may be wrong and none may
//! be printed that the report does not have. Cells the parser abstains on are
//! allowed here (the bundled corpora test exact scores in `parser_corpus.rs`);
//! a wrong number never is; every report keeps the span invariants. Skipped,
//! saying so, when the shared corpus is not
//! beside the crate (as in the published package).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::{Path, PathBuf};

fn shared_texts(set: &str) -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(set)
        .join("text");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(files)
}

#[test]
fn no_shared_corpus_report_gets_a_wrong_or_extra_cell() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for set in ["seeds", "canary", "dev", "wild"] {
        let Some(files) = shared_texts(set) else {
            eprintln!("../shared/corpus/{set} not found: skipped");
            continue;
        };
        for path in files {
            checked += 1;
            let input = std::fs::read_to_string(&path).unwrap();
            common::assert_span_invariants(&input, &gov_disclosure_report::parse_report(&input));
            let wrong: Vec<String> = common::problems(&path)
                .into_iter()
                .filter(|p| !p.starts_with("meta.") && !p.ends_with("got nothing"))
                .collect();
            if !wrong.is_empty() {
                failures.push(format!("{}:\n  {}", path.display(), wrong.join("\n  ")));
            }
        }
    }
    eprintln!("{checked} shared corpus reports checked");
    assert!(
        failures.is_empty(),
        "{} reports with wrong or extra cells:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
