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
use gov_disclosure_report::{normalize, parse_report, validate::validate};
use std::hint::black_box;
use std::path::Path;

/// The corpus texts: the shared corpus when present, else the bundled fixtures.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for set in ["seeds", "canary", "dev"] {
        let shared = root.join("../shared/corpus").join(set).join("text");
        let bundled = root.join("tests/fixtures/corpus").join(set).join("text");
        let dir = if shared.is_dir() { shared } else { bundled };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        texts.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    texts
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
        b.iter(|| {
            texts
                .iter()
                .map(|t| validate(&parse_report(black_box(t))).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

/// Inputs whose time per byte must stay flat as they grow.
fn scaling_inputs() -> Vec<(String, String)> {
    let dev: String = corpus().concat();
    let mut inputs = Vec::new();
    for n in [1usize, 4, 16] {
        inputs.push((format!("corpus_x{n}"), dev.repeat(n)));
    }
    let mb = 1 << 20;
    let words = "政府信息公开工作扎实推进，主动公开 2021 年 各类信息 ";
    inputs.push(("one_line_1mb".into(), words.repeat(mb / words.len())));
    inputs.push((
        "pipes_100k".into(),
        format!(
            "二、主动公开政府信息情况\n第二十条\n{}",
            "|".repeat(100_000)
        ),
    ));
    inputs.push((
        "blank_lines_50k".into(),
        format!(
            "三、收到和处理政府信息公开申请情况\n自然人\n{}",
            "\n".repeat(50_000)
        ),
    ));
    inputs.push((
        "heading_every_line".into(),
        "三、收到和处理政府信息公开申请情况\n".repeat(20_000),
    ));
    let mut cells = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n");
    for i in 0..10_000 {
        cells.push_str(&format!("{}\t", i % 97));
        if i % 7 == 6 {
            cells.push('\n');
        }
    }
    inputs.push(("numeric_cells_10k".into(), cells));
    // A whole table flattened onto one line (a real extraction layout), at
    // three sizes: cells are read off one line in one pass.
    for n in [1_000usize, 4_000, 16_000] {
        let mut flat = String::from("三、收到和处理政府信息公开申请情况\n");
        for i in 0..n {
            flat.push_str(&format!("本年新收 {} ", i % 97));
        }
        inputs.push((format!("flattened_table_{n}_rows"), flat));
    }
    inputs
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
        b.iter(|| {
            texts
                .iter()
                .map(|t| validate(&parse_report(black_box(t))).len())
                .sum::<usize>()
        })
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
