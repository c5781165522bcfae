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

fn assert_set(set: &str) {
    let files = common::texts(set);
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for path in &files {
        let p = common::problems(path);
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
