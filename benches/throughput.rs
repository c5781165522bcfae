//! Throughput (MB/s) of each stage over the corpus, and a scaling group that
//! shows time per byte stays flat on large and pathological inputs.
//!
//! `cargo bench` runs it; `cargo test --benches` runs each benchmark once as
//! a smoke test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gov_disclosure_report::unstable_internals::normalize;
use gov_disclosure_report::{parse_report, validate::validate};
use std::hint::black_box;
mod common;

use common::{corpus, scaling_inputs};

/// Parses and validates each text; returns the number of findings.
fn parse_and_validate_each(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| validate(&parse_report(black_box(t))).len())
        .sum()
}

fn stages(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let reports: Vec<_> = texts.iter().map(|t| parse_report(t)).collect();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("normalize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| normalize(black_box(t)).text().len())
                .sum::<usize>()
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| parse_report(black_box(t)).sections.len())
                .sum::<usize>()
        })
    });
    group.bench_function("validate", |b| {
        b.iter(|| {
            reports
                .iter()
                .map(|r| validate(black_box(r)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("parse_and_validate", |b| {
        b.iter(|| parse_and_validate_each(&texts))
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    // The reference: the corpus mix report by report, measured in this group
    // so that its time per byte is taken close in time to the others'.
    let texts = corpus();
    group.throughput(Throughput::Bytes(
        texts.iter().map(String::len).sum::<usize>() as u64,
    ));
    group.bench_function("parse_and_validate/corpus_mix_reference", |b| {
        b.iter(|| parse_and_validate_each(&texts))
    });
    for (name, input) in scaling_inputs() {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("parse_and_validate", &name),
            &input,
            |b, input| b.iter(|| validate(&parse_report(black_box(input))).len()),
        );
    }
    group.finish();
}

criterion_group!(benches, stages, scaling);
criterion_main!(benches);
