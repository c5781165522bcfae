//! Audit report text files: `cargo run --release --example audit -- [--format text|json|facts] PATH…`
use gov_disclosure_report::{LineIndex, parse_report};
use std::path::{Path, PathBuf};

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension().is_some_and(|x| x == "txt") {
                collect(&e, out);
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
}

fn main() {
    let mut format = "text".to_string();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => format = args.next().unwrap_or_default(),
            _ => paths.push(PathBuf::from(a)),
        }
    }
    if paths.is_empty() {
        paths.push(PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/samples"
        )));
    }
    let mut files = Vec::new();
    for p in &paths {
        collect(p, &mut files);
    }
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            eprintln!("{}: unreadable", file.display());
            continue;
        };
        let report = parse_report(&text);
        match format.as_str() {
            "facts" => {
                for (k, v) in report.facts() {
                    println!("{}\t{k}\t{v}", file.display());
                }
            }
            "json" => println!("{}", serde_json::to_string(&report).unwrap_or_default()),
            "findings" => {
                for f in gov_disclosure_report::validate::validate(&report) {
                    let status = match f.status {
                        gov_disclosure_report::validate::Status::Fail => "fail",
                        gov_disclosure_report::validate::Status::NotAssessable => "not_assessable",
                    };
                    println!(
                        "{}\t{}\t{}\t{}\t{status}\t{}",
                        file.display(),
                        f.rule,
                        f.scope,
                        f.severity,
                        f.message
                    );
                }
            }
            _ => {
                let index = LineIndex::new(&text);
                println!("{}", file.display());
                for d in &report.diagnostics {
                    println!("  {} {d}", index.line_col(&text, d.span.start));
                }
            }
        }
    }
}
