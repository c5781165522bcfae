//! Time per byte of every scaling input against the corpus mix, measured
//! interleaved, and single passes for counting instructions.
//!
//! `cargo bench --bench per_byte` times parse + validate over the corpus mix
//! (report by report) and over each scaling input of the `throughput` bench,
//! in rounds that visit every input in turn, so that drift in the machine's
//! speed hits all inputs alike. It prints each input's best time per byte
//! and its ratio to the corpus mix's (the target: at most 1.25).
//!
//! `cargo bench --bench per_byte -- INPUT STAGE` runs one pass of one stage
//! over one input, for a deterministic instruction count:
//!
//! ```sh
//! cargo bench --bench per_byte --no-run
//! valgrind --tool=cachegrind --cache-sim=no target/release/deps/per_byte-* corpus_mix parse_and_validate
//! valgrind --tool=cachegrind --cache-sim=no target/release/deps/per_byte-* corpus_mix none
//! ```
//!
//! The difference between a stage and `none` (which only builds the input)
//! is the stage's count; divided by the printed byte count it gives
//! instructions per byte. Inputs: `corpus_mix`, `real_seeds` and the scaling
//! inputs' names.
//! Stages: `none`, `normalize`, `parse`, `parse_and_validate`.
//!
//! Under `cargo test --benches` one round runs, as a smoke test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use common::{corpus, corpus_of, scaling_inputs};
use gov_disclosure_report::unstable_internals::normalize;
use gov_disclosure_report::{parse_report, validate::validate};
use std::hint::black_box;
use std::time::{Duration, Instant};

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

/// The corpus mix (reports one by one) and every scaling input.
fn inputs() -> Vec<(String, Vec<String>)> {
    let mut inputs = vec![
        ("corpus_mix".to_string(), corpus()),
        // The five real reports alone: few findings, unlike the renderings
        // with random numbers that make up most of the mix.
        ("real_seeds".to_string(), corpus_of(&["seeds"])),
    ];
    inputs.extend(
        scaling_inputs()
            .into_iter()
            .map(|(name, text)| (name, vec![text])),
    );
    inputs
}

/// One pass of `stage` over the input named `name`.
fn single_pass(name: &str, stage: &str) {
    let (_, texts) = inputs()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no input named {name:?}"));
    let bytes: usize = texts.iter().map(String::len).sum();
    let result = run(stage, &texts);
    println!("{name}\t{stage}\t{bytes} bytes\t(result {result})");
}

/// Interleaved rounds of parse + validate; prints best time per byte.
fn compare(rounds: usize) {
    let inputs = inputs();
    let mut best = vec![Duration::MAX; inputs.len()];
    for _ in 0..rounds {
        for ((_, texts), best) in inputs.iter().zip(best.iter_mut()) {
            let start = Instant::now();
            black_box(run("parse_and_validate", texts));
            *best = (*best).min(start.elapsed());
        }
    }
    let per_byte = |k: usize| {
        let bytes: usize = inputs[k].1.iter().map(String::len).sum();
        best[k].as_secs_f64() / bytes as f64
    };
    let reference = per_byte(0);
    println!("best of {rounds} interleaved rounds, parse + validate");
    println!(
        "{:<28} {:>10} {:>10} {:>8}",
        "input", "bytes", "MiB/s", "vs mix"
    );
    for (k, (name, texts)) in inputs.iter().enumerate() {
        let bytes: usize = texts.iter().map(String::len).sum();
        println!(
            "{:<28} {:>10} {:>10.1} {:>8.2}",
            name,
            bytes,
            1.0 / per_byte(k) / 1_048_576.0,
            per_byte(k) / reference
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing.
    let benchmarking = args.iter().any(|a| a == "--bench");
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    match positional.as_slice() {
        [name, stage] => single_pass(name, stage),
        [] => compare(if benchmarking { 15 } else { 1 }),
        _ => panic!("usage: per_byte [INPUT STAGE]"),
    }
}
