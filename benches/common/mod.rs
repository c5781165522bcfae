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
    // Layouts of the stream and grid readers, grown row by row: a drawn
    // grid, labels then numbers in reading order, and digit runs glued to
    // their labels (get_text()), each with far more rows than a table has.
    for n in [1_000usize, 8_000] {
        let mut grid = String::from("三、收到和处理政府信息公开申请情况\n┌────────┬──┬──┐\n");
        for i in 0..n {
            grid.push_str(&format!(
                "│1.国家秘密│{}│{}│\n├────────┼──┼──┤\n",
                i % 10,
                i % 7
            ));
        }
        inputs.push((format!("box_grid_{n}_rows"), grid));
        let mut stream = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n");
        for _ in 0..n {
            stream.push_str("2.重复申请\n");
        }
        for i in 0..n * 7 {
            stream.push_str(&format!("{}\n", i % 13));
        }
        inputs.push((format!("reading_order_{n}_rows"), stream));
        let mut runs = String::from("三、收到和处理政府信息公开申请情况申请人情况");
        for i in 0..n {
            runs.push_str(&format!(
                "2、重复申请{}0{}0{}0{}",
                i % 9,
                i % 5,
                i % 3,
                i % 9 + i % 5 + i % 3
            ));
        }
        inputs.push((format!("digit_runs_{n}_rows"), runs));
        // One narrative sentence holding a long run of numeral chars (a
        // garbled extraction): the claim lexer looks ahead a bounded number
        // of chars from each token, so this stays linear.
        let numerals = format!("一、总体情况\n本年度收到申请{}件。\n", "一".repeat(n * 8));
        inputs.push((format!("numeral_run_{}_chars", n * 8), numerals));
    }
    inputs
}
