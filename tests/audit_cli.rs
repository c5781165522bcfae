//! The audit example as a user runs it: a batch of 1,000 reports, JSON read
//! back with serde, the facts and findings formats, GB18030 input, exit
//! statuses.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds (once) and returns the audit example binary.
fn audit() -> PathBuf {
    static BUILD: std::sync::Once = std::sync::Once::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    BUILD.call_once(|| {
        let status = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--release", "--example", "audit"])
            .current_dir(root)
            .status()
            .unwrap();
        assert!(status.success());
    });
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    target.join("release/examples/audit")
}

fn fixtures(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(set)
        .join("text")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gdr-audit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[derive(Deserialize)]
struct Document {
    format: String,
    reports: Vec<Record>,
    unreadable: Vec<serde_json::Value>,
    summary: Summary,
}

#[derive(Deserialize)]
struct Record {
    path: String,
    encoding: String,
    report: gov_disclosure_report::AnnualReport,
    findings: Vec<gov_disclosure_report::validate::Finding>,
}

#[derive(Deserialize)]
struct Summary {
    reports: usize,
    unreadable: usize,
    all_six_sections: usize,
    tables: std::collections::BTreeMap<String, usize>,
    findings: std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>>,
    reports_with_errors: usize,
    reports_with_warnings: usize,
}

#[test]
fn a_thousand_reports_in_one_batch_read_back_as_json() {
    let dir = temp_dir("batch");
    let sources: Vec<PathBuf> = std::fs::read_dir(fixtures("dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for i in 0..1000 {
        let source = &sources[i % sources.len()];
        let sub = dir.join(format!("{:02}", i % 10));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::copy(source, sub.join(format!("{i:04}.txt"))).unwrap();
    }
    std::fs::write(dir.join("broken.txt"), [0xFFu8, 0xFE, 0x00, 0x81, 0x00]).unwrap();
    let started = std::time::Instant::now();
    let output = Command::new(audit())
        .args(["--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(
        output.status.code(),
        Some(1),
        "error findings give status 1"
    );
    let doc: Document = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc.format, "gov-disclosure-report/audit/1");
    assert_eq!(doc.reports.len(), 1000);
    assert_eq!(doc.unreadable.len(), 1);
    assert_eq!(doc.summary.reports, 1000);
    assert_eq!(doc.summary.unreadable, 1);
    assert_eq!(doc.summary.all_six_sections, 1000);
    assert_eq!(doc.summary.tables.values().sum::<usize>(), 3000);
    assert!(doc.summary.reports_with_errors > 0 && doc.summary.reports_with_warnings <= 1000);
    assert!(doc.summary.findings.contains_key("T3.BAL"));
    // Stable order: sorted paths.
    let paths: Vec<&String> = doc.reports.iter().map(|r| &r.path).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert!(
        doc.reports
            .iter()
            .all(|r| r.encoding == "utf-8" && !r.findings.is_empty())
    );
    assert!(doc.reports[0].report.table3().is_some());
    eprintln!("1000 reports audited in {elapsed:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn jsonl_gives_one_record_per_line() {
    let output = Command::new(audit())
        .args(["--format", "jsonl"])
        .arg(fixtures("seeds"))
        .output()
        .unwrap();
    let lines: Vec<&str> = std::str::from_utf8(&output.stdout)
        .unwrap()
        .lines()
        .collect();
    assert_eq!(lines.len(), 5);
    for line in lines {
        let record: Record = serde_json::from_str(line).unwrap();
        assert!(record.path.ends_with(".txt"));
    }
}

#[test]
fn facts_and_findings_formats() {
    let output = Command::new(audit())
        .args(["--format", "facts"])
        .arg(fixtures("seeds"))
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.lines().all(|l| l.split('\t').count() == 3));
    assert!(
        text.lines()
            .any(|l| l.ends_with("\tt2.licensing.change\t-4"))
    );
    let output = Command::new(audit())
        .args(["--format", "findings"])
        .arg(fixtures("seeds"))
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    // Seed 000's blank 结转下年度 row: one finding for the seven columns.
    let bal: Vec<&str> = text.lines().filter(|l| l.contains("\tT3.BAL\t")).collect();
    assert_eq!(bal.len(), 1);
    for line in &bal {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 6);
        assert_eq!(
            (fields[2], fields[3], fields[4]),
            ("carried_forward", "error", "not_assessable")
        );
    }
}

#[test]
fn gb18030_copy_audits_like_the_utf8_original() {
    let dir = temp_dir("gb");
    let original = fixtures("seeds").join("004_ff8175c4a9c0c8a3.txt");
    let text = std::fs::read_to_string(&original).unwrap();
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the copy must really be GB18030"
    );
    let utf8 = dir.join("utf8.txt");
    let gb = dir.join("gb.txt");
    std::fs::write(&utf8, text.as_bytes()).unwrap();
    std::fs::write(&gb, &bytes).unwrap();
    for format in ["facts", "findings", "text"] {
        let run = |path: &Path| {
            let out = Command::new(audit())
                .args(["--format", format, "--color", "never"])
                .arg(path)
                .output()
                .unwrap();
            String::from_utf8(out.stdout)
                .unwrap()
                .replace(path.to_str().unwrap(), "PATH")
                .replace("gb18030", "utf-8")
        };
        assert_eq!(run(&utf8), run(&gb), "{format}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn text_output_renders_markers_and_a_summary_and_exit_statuses_are_documented() {
    let output = Command::new(audit())
        .args(["--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("error[T3.BAL carried_forward]"));
    assert!(
        text.contains("--> ") && text.contains("^"),
        "markers under cells"
    );
    assert!(text.contains("summary") && text.contains("reports read                     5"));
    assert!(!text.contains('\u{1b}'), "no colour when asked");
    // A clean report exits 0; a warning exits 0 unless warnings are denied.
    let seed_002 = fixtures("seeds").join("002_62687585584c4384.txt");
    let clean = Command::new(audit()).arg(&seed_002).output().unwrap();
    assert_eq!(clean.status.code(), Some(0));
    let seed_004 = fixtures("seeds").join("004_ff8175c4a9c0c8a3.txt");
    let strict = Command::new(audit())
        .args(["--deny", "warnings"])
        .arg(&seed_004)
        .arg(&seed_002)
        .output()
        .unwrap();
    let has_warning = String::from_utf8(
        Command::new(audit())
            .args(["--format", "findings"])
            .arg(&seed_004)
            .arg(&seed_002)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .contains("\twarning\t");
    assert_eq!(strict.status.code(), Some(if has_warning { 1 } else { 0 }));
    let usage = Command::new(audit())
        .arg("--format")
        .arg("xml")
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let missing = Command::new(audit())
        .arg("/nonexistent/report.txt")
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8(missing.stderr)
            .unwrap()
            .contains("cannot read")
    );
}

#[test]
fn output_file_and_cross_year_findings() {
    let dir = temp_dir("series");
    // Two years of one agency: r1019 (2020) and r1021 (2022) are two years apart,
    // so build a 2021 copy of the 2020 report's agency to make a series.
    let y2020 = std::fs::read_to_string(fixtures("dev").join("r1019-tsv.txt")).unwrap();
    let y2021 = y2020.replacen("2020年度报告", "2021年度报告", 1);
    std::fs::write(dir.join("a.txt"), &y2020).unwrap();
    std::fs::write(dir.join("b.txt"), &y2021).unwrap();
    let out_file = dir.join("out.tsv");
    let status = Command::new(audit())
        .args(["--format", "findings", "--output"])
        .arg(&out_file)
        .arg(&dir)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let written = std::fs::read_to_string(&out_file).unwrap();
    assert!(
        written.lines().any(|l| l.contains("b.txt\tX.CARRY\t")),
        "{written}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
