//! The benchmark inputs, shared by the `throughput` and `per_byte`
//! benches: the corpus mix and the scaling inputs.

use std::path::Path;

/// The corpus texts: the shared corpus when present, else the bundled fixtures.
pub fn corpus() -> Vec<String> {
    corpus_of(&["seeds", "canary", "dev"])
}

/// The texts of the named corpus sets (`seeds`, `canary`, `dev`).
pub fn corpus_of(sets: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for set in sets {
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

/// Inputs whose time per byte must stay flat as they grow.
pub fn scaling_inputs() -> Vec<(String, String)> {
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
    // Openings without their close: each once scanned the rest of the input.
    inputs.push(("unclosed_bookmarks_80k".into(), "[bookmark:".repeat(80_000)));
    inputs.push((
        "unclosed_angles_800k".into(),
        format!("<td{}", "<".repeat(800_000)),
    ));
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
