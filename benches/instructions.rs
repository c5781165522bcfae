//! One pass of one stage over one benchmark input, for counting instructions
//! per byte with a deterministic tool rather than timing:
//!
//! ```sh
//! cargo bench --bench instructions --no-run
//! valgrind --tool=cachegrind --cache-sim=no target/release/deps/instructions-* corpus_mix parse_and_validate
//! valgrind --tool=cachegrind --cache-sim=no target/release/deps/instructions-* corpus_mix none
//! ```
//!
//! The difference between a stage and `none` (which only builds the input)
//! is the stage's instruction count; divided by the printed byte count it
//! gives instructions per byte, which, unlike time, does not drift with the
//! machine's load. Inputs: `corpus_mix` (the reports one by one) and the
//! scaling inputs of the `throughput` bench. Stages: `none`, `normalize`,
//! `parse`, `parse_and_validate`. Without arguments (as under
//! `cargo test --benches`) every stage runs once over every input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use common::{corpus, scaling_inputs};
use gov_disclosure_report::{normalize, parse_report, validate::validate};
use std::hint::black_box;

const STAGES: [&str; 4] = ["none", "normalize", "parse", "parse_and_validate"];

/// Runs `stage` once over `texts`; returns a value that depends on the work.
fn run(stage: &str, texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| match stage {
            "none" => black_box(t).len(),
            "normalize" => normalize(black_box(t)).text().len(),
            "parse" => parse_report(black_box(t)).sections.len(),
            "parse_and_validate" => validate(&parse_report(black_box(t))).len(),
            other => panic!("unknown stage {other:?}; stages: {STAGES:?}"),
        })
        .sum()
}

fn inputs(only: Option<&str>) -> Vec<(String, Vec<String>)> {
    let mut inputs = Vec::new();
    if only.is_none_or(|name| name == "corpus_mix") {
        inputs.push(("corpus_mix".to_string(), corpus()));
    }
    if only != Some("corpus_mix") {
        inputs.extend(
            scaling_inputs()
                .into_iter()
                .filter(|(name, _)| only.is_none_or(|o| o == name))
                .map(|(name, text)| (name, vec![text])),
        );
    }
    assert!(!inputs.is_empty(), "no input named {only:?}");
    inputs
}

fn main() {
    // `cargo bench` passes `--bench`; only the positional arguments count.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let stages: Vec<&str> = match args.get(1) {
        Some(stage) => vec![stage.as_str()],
        None => STAGES.to_vec(),
    };
    for (name, texts) in inputs(args.first().map(String::as_str)) {
        let bytes: usize = texts.iter().map(String::len).sum();
        for stage in &stages {
            let result = run(stage, &texts);
            println!("{name}\t{stage}\t{bytes} bytes\t(result {result})");
        }
    }
}
