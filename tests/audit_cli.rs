//! The `gov-disclosure-audit` binary as a user runs it: a batch of 1,000
//! reports read back as JSON, the JSONL, facts and findings formats, text
//! encodings, standard input, Word input, exit statuses, a closed pipe.
//! Needs the `cli` feature (`cargo test --features cli`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde::Deserialize;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn audit() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gov-disclosure-audit"))
}

fn run(args: &[&str], paths: &[&Path]) -> Output {
    audit().args(args).args(paths).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn fixtures(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(set)
        .join("text")
}

fn seed(n: &str) -> PathBuf {
    std::fs::read_dir(fixtures("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(n))
        .unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gdr-audit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[derive(Deserialize)]
struct Document {
    schema_version: u32,
    tool: String,
    records: Vec<Record>,
    summary: Summary,
}

#[derive(Deserialize)]
struct Record {
    schema_version: u32,
    path: String,
    error: Option<String>,
    encoding: Option<String>,
    is_report: Option<bool>,
    t3: Option<Table>,
    findings: Vec<FindingRecord>,
}

#[derive(Deserialize)]
struct Table {
    rows: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    row: String,
    cells: std::collections::BTreeMap<String, CellRecord>,
}

#[derive(Deserialize)]
struct CellRecord {
    value: Option<f64>,
    kind: String,
    raw: String,
    inferred: bool,
}

#[derive(Deserialize)]
struct FindingRecord {
    rule: String,
    class: String,
    status: String,
}

#[derive(Deserialize)]
struct Summary {
    reports: usize,
    unreadable: usize,
    all_six_sections: usize,
    failed: usize,
    not_assessable: usize,
    tables: Vec<TableCount>,
    findings: Vec<RuleCount>,
}

#[derive(Deserialize)]
struct TableCount {
    reports: usize,
}

#[derive(Deserialize)]
struct RuleCount {
    rule: String,
    fail: usize,
    not_assessable: usize,
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
    std::fs::write(dir.join("broken.txt"), [0xFFu8, 0xFE, 0x00, 0xD8]).unwrap();
    let output = run(&["--format", "json"], &[&dir]);
    assert_eq!(output.status.code(), Some(2), "an unreadable input gives 2");
    let doc: Document = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc.schema_version, 2);
    assert!(doc.tool.starts_with("gov-disclosure-audit "));
    assert_eq!(doc.records.len(), 1001);
    let broken: Vec<&Record> = doc.records.iter().filter(|r| r.error.is_some()).collect();
    assert_eq!(broken.len(), 1);
    assert!(broken[0].path.ends_with("broken.txt") && broken[0].is_report.is_none());
    assert!(stderr(&output).contains("broken.txt"));
    assert_eq!(doc.summary.reports, 1000);
    assert_eq!(doc.summary.unreadable, 1);
    assert_eq!(doc.summary.all_six_sections, 1000);
    assert_eq!(
        doc.summary.tables.iter().map(|t| t.reports).sum::<usize>(),
        3000
    );
    assert!(doc.summary.failed > 0);
    assert!(doc.summary.failed + doc.summary.not_assessable <= doc.summary.reports);
    let bal = doc.summary.findings.iter().find(|r| r.rule == "T3.BAL");
    assert!(bal.is_some_and(|b| b.fail + b.not_assessable > 0));
    // Stable order: sorted paths.
    let paths: Vec<&String> = doc.records.iter().map(|r| &r.path).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    let reports = doc.records.iter().filter(|r| r.error.is_none());
    for r in reports {
        assert_eq!(r.schema_version, 2);
        assert_eq!(r.encoding.as_deref(), Some("utf-8"));
        assert!(!r.findings.is_empty());
        for f in &r.findings {
            assert!(["exact", "derived", "heur_strong", "heur_weak"].contains(&f.class.as_str()));
            assert!(["fail", "not_assessable"].contains(&f.status.as_str()));
            assert!(!f.rule.is_empty());
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_cells_are_keyed_by_column_with_one_type_per_field() {
    let output = run(&["--format", "json"], &[&seed("000")]);
    let doc: Document = serde_json::from_slice(&output.stdout).unwrap();
    let t3 = doc.records[0].t3.as_ref().unwrap();
    let new = t3.rows.iter().find(|r| r.row == "new_received").unwrap();
    let columns: Vec<&str> = new.cells.keys().map(String::as_str).collect();
    assert!(columns.contains(&"natural_person") && columns.contains(&"total"));
    assert_eq!(columns.len(), 7);
    // Read beside its label; a sub-row whose label this report lost was
    // placed by its position, and says so.
    assert!(new.cells.values().all(|c| !c.inferred));
    let placed = t3
        .rows
        .iter()
        .find(|r| r.row == "denied.law_prohibited")
        .unwrap();
    assert!(placed.cells.values().all(|c| c.inferred));
    for cell in t3.rows.iter().flat_map(|r| r.cells.values()) {
        match cell.kind.as_str() {
            "integer" | "decimal" => {
                assert_eq!(
                    cell.value,
                    cell.raw.trim().parse::<f64>().ok(),
                    "{}",
                    cell.raw
                )
            }
            "empty" | "placeholder" | "text" => assert_eq!(cell.value, None),
            other => panic!("unknown kind {other}"),
        }
    }
    // The blank 结转下年度 row of this report: empty cells, no numbers.
    let forward = t3.rows.iter().find(|r| r.row == "carried_forward").unwrap();
    assert!(forward.cells.values().all(|c| c.kind == "empty"));
}

#[test]
fn jsonl_has_one_record_shape_per_line_errors_included() {
    let dir = temp_dir("jsonl");
    for n in ["000", "002"] {
        let s = seed(n);
        std::fs::copy(&s, dir.join(s.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.join("zz-broken.txt"), [0x00u8, 0x00, 0x00]).unwrap();
    let output = run(&["--format", "jsonl"], &[&dir]);
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let keys = |v: &serde_json::Value| {
        v.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<String>>()
    };
    assert_eq!(keys(&lines[0]), keys(&lines[2]), "same shape for errors");
    assert!(lines[0]["error"].is_null());
    assert!(lines[2]["error"].as_str().unwrap().contains("NUL"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn facts_and_findings_formats() {
    let output = run(&["--format", "facts"], &[&fixtures("seeds")]);
    let text = stdout(&output);
    assert!(text.lines().all(|l| l.split('\t').count() == 3));
    assert!(
        text.lines()
            .any(|l| l.ends_with("\tt2.licensing.change\t-4"))
    );
    let output = run(&["--format", "findings"], &[&fixtures("seeds")]);
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("path\trule\tscope\tseverity\tstatus\tmessage")
    );
    // Seed 000's blank 结转下年度 row: one finding for the seven columns.
    let bal: Vec<&str> = lines.filter(|l| l.contains("\tT3.BAL\t")).collect();
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

/// The facts, findings and text of `path`, with the path and encoding names
/// taken out.
fn outputs(path: &Path) -> Vec<String> {
    ["facts", "findings", "text", "json"]
        .iter()
        .map(|format| {
            stdout(&run(&["--format", format, "--color", "never"], &[path]))
                .replace(path.to_str().unwrap(), "PATH")
                .replace("gb18030", "ENC")
                .replace("utf-16le", "ENC")
                .replace("utf-16be", "ENC")
                .replace("utf-8", "ENC")
        })
        .collect()
}

#[test]
fn gb18030_and_utf16_copies_audit_like_the_utf8_original() {
    let dir = temp_dir("encodings");
    let text = std::fs::read_to_string(seed("004")).unwrap();
    let utf8 = dir.join("utf8.txt");
    std::fs::write(&utf8, text.as_bytes()).unwrap();
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gb).is_err(), "really GB18030");
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    let expected = outputs(&utf8);
    assert!(expected[0].contains("t3."), "the original has facts");
    for (name, bytes) in [("gb.txt", &gb[..]), ("le.txt", &le), ("be.txt", &be)] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(outputs(&path), expected, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn standard_input_audits_like_the_file() {
    let path = seed("000");
    let bytes = std::fs::read(&path).unwrap();
    for format in ["text", "facts", "findings", "json"] {
        let mut child = audit()
            .args(["--format", format, "--color", "never", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&bytes).unwrap();
        let piped = child.wait_with_output().unwrap();
        let direct = run(&["--format", format, "--color", "never"], &[&path]);
        assert_eq!(piped.status.code(), direct.status.code());
        assert_eq!(
            stdout(&piped),
            stdout(&direct).replace(path.to_str().unwrap(), "<stdin>"),
            "{format}"
        );
    }
}

#[test]
fn text_output_marks_cells_and_ends_with_a_summary() {
    let output = run(&["--color", "never"], &[&fixtures("seeds")]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("error[T3.BAL carried_forward]"));
    assert!(
        text.contains("--> ") && text.contains('^'),
        "marks under cells"
    );
    assert!(text.contains("汇总") && text.contains("读取的报告                       5"));
    assert!(!text.contains('\u{1b}'), "no colour when asked");
    // A missing table is told once, as the finding that restates the parse warning.
    assert!(text.contains("[S.TABLES section2, P-TABLE-MISSING]"));
    assert!(!text.contains("warning[P-TABLE-MISSING]"));
    // Fourteen extra-cell warnings in one table are one entry.
    assert_eq!(text.matches("warning[P-ROW-EXTRA-CELLS]").count(), 2);
    assert!(text.contains("本表中另有同类警告 13 处"));
    let english = stdout(&run(&["--color", "never", "--lang", "en"], &[&seed("000")]));
    assert!(english.contains("has 1 cell(s) more than its columns"));
    assert!(english.contains("cannot be assessed") || english.contains("not assessable"));
    assert!(!english.contains("该行单元格"), "one language per run");
}

#[test]
fn a_long_line_is_shown_as_a_window() {
    let dir = temp_dir("long");
    let text = std::fs::read_to_string(seed("000")).unwrap();
    // The whole report on one line.
    let path = dir.join("one-line.txt");
    std::fs::write(&path, text.replace('\n', " ")).unwrap();
    let out = stdout(&run(&["--color", "never"], &[&path]));
    let shown: Vec<&str> = out.lines().filter(|l| l.starts_with("1 | ")).collect();
    assert!(!shown.is_empty());
    for line in shown {
        assert!(line.chars().count() < 120, "{line}");
        assert!(line.contains("..."), "{line}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn exit_statuses() {
    // A clean report exits 0; warnings exit 0 unless denied.
    let clean = run(&[], &[&seed("002")]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert_eq!(run(&[], &[&seed("003")]).status.code(), Some(0));
    let warned = run(&["--deny", "warnings"], &[&seed("003")]);
    assert_eq!(warned.status.code(), Some(1));
    assert_eq!(
        run(&["--format", "xml"], &[&seed("002")]).status.code(),
        Some(2)
    );
    let missing = run(&[], &[Path::new("/nonexistent/report.txt")]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no such file or folder"));
}

#[test]
fn an_empty_file_or_a_page_that_is_not_a_report_exits_1() {
    let dir = temp_dir("empty-file");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = run(&["--color", "never"], &[&empty]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[P-EMPTY]"));
    let page = dir.join("page.html");
    std::fs::write(&page, "<html><body><p>欢迎访问本站</p></body></html>").unwrap();
    let out = run(&["--color", "never"], &[&page]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[NOT-A-REPORT]"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn no_input_found_is_a_usage_error() {
    let dir = temp_dir("no-input");
    let out = run(&[], &[&dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no report files"), "{}", stderr(&out));
    std::fs::write(dir.join("notes.md"), "x").unwrap();
    assert_eq!(run(&[], &[&dir]).status.code(), Some(2));
    // A glob the shell left unexpanded.
    let glob = dir.join("*.txt");
    let out = run(&[], &[&glob]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no such file or folder"));
    let none = audit().output().unwrap();
    assert_eq!(none.status.code(), Some(2));
    assert!(stderr(&none).contains("no input"));
    assert!(none.stdout.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn version_and_help_go_to_stdout_with_status_0() {
    let version = audit().arg("--version").output().unwrap();
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        stdout(&version).trim(),
        format!("gov-disclosure-audit {}", env!("CARGO_PKG_VERSION"))
    );
    for flag in ["--help", "-h"] {
        let help = audit().arg(flag).output().unwrap();
        assert_eq!(help.status.code(), Some(0));
        assert!(stdout(&help).contains("--lang zh|en") && help.stderr.is_empty());
    }
}

#[test]
fn quiet_and_summary() {
    let quiet = run(&["--quiet"], &[&fixtures("seeds")]);
    assert_eq!(quiet.status.code(), Some(1));
    assert!(quiet.stdout.is_empty());
    let summary = stdout(&run(&["--summary", "--lang", "en"], &[&fixtures("seeds")]));
    assert!(summary.trim_start().starts_with("summary"));
    assert!(summary.contains("reports not assessable") && !summary.contains("==>"));
    let json = run(&["--summary", "--format", "json"], &[&fixtures("seeds")]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["summary"]["reports"], 5);
    assert!(doc["summary"]["findings"].is_array());
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_audits_status() {
    let dir = temp_dir("pipe");
    // 200 copies of a clean report, 200 of one whose identities break:
    // far more output than a pipe holds.
    for (name, source, status) in [
        ("clean", seed("002"), 0),
        ("broken", fixtures("dev").join("r1121-tsv.txt"), 1),
    ] {
        let sub = dir.join(name);
        std::fs::create_dir_all(&sub).unwrap();
        let bytes = std::fs::read(source).unwrap();
        for i in 0..200 {
            std::fs::write(sub.join(format!("{i:03}.txt")), &bytes).unwrap();
        }
        for format in ["text", "facts", "json"] {
            let mut child = audit()
                .args(["--format", format, "--color", "never"])
                .arg(&sub)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut first = String::new();
            BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut first)
                .unwrap();
            assert!(!first.is_empty());
            // The reader is gone (as with `| head -1`).
            let out = child.wait_with_output().unwrap();
            assert_eq!(out.status.code(), Some(status), "{name} {format}");
            assert_eq!(stderr(&out), "", "{name} {format}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_file_and_cross_year_findings() {
    let dir = temp_dir("series");
    // Two years of one agency: a 2021 copy of a 2020 report.
    let y2020 = std::fs::read_to_string(fixtures("dev").join("r1019-tsv.txt")).unwrap();
    let y2021 = y2020.replacen("2020年度报告", "2021年度报告", 1);
    std::fs::write(dir.join("a.txt"), &y2020).unwrap();
    std::fs::write(dir.join("b.txt"), &y2021).unwrap();
    let out_file = dir.join("out.tsv");
    let status = audit()
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
    // The same narrative in both years: X.DUP points at no cell and still
    // belongs to the later report.
    assert!(
        written.lines().any(|l| l.contains("b.txt\tX.DUP\t")),
        "{written}"
    );
    assert!(
        !written.lines().any(|l| l.contains("a.txt\tX.")),
        "{written}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A Word document (document.xml in a zip) holding table 4 with Word's
/// merged header cells.
fn docx(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#).unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn cell(text: &str, span: usize, merge: Option<&str>) -> String {
    let mut props = String::new();
    if span > 1 {
        props.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
    }
    match merge {
        Some("restart") => props.push_str(r#"<w:vMerge w:val="restart"/>"#),
        Some(_) => props.push_str("<w:vMerge/>"),
        None => {}
    }
    let content = if merge == Some("continue") {
        "<w:p/>".to_string()
    } else {
        paragraph(text)
    };
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
}

#[test]
fn a_word_document_reads_its_table_exactly() {
    let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut rows = vec![
        format!(
            "<w:tr>{}{}</w:tr>",
            cell("行政复议", 5, None),
            cell("行政诉讼", 10, None)
        ),
        format!(
            "<w:tr>{}{}{}</w:tr>",
            outcomes
                .iter()
                .map(|o| cell(o, 1, Some("restart")))
                .collect::<String>(),
            cell("未经复议直接起诉", 5, None),
            cell("复议后起诉", 5, None)
        ),
        format!(
            "<w:tr>{}{}</w:tr>",
            (0..5)
                .map(|_| cell("", 1, Some("continue")))
                .collect::<String>(),
            outcomes
                .iter()
                .chain(&outcomes)
                .map(|o| cell(o, 1, None))
                .collect::<String>()
        ),
    ];
    let values = [1, 2, 0, 1, 4, 0, 3, 1, 0, 4, 2, 0, 0, 1, 3];
    rows.push(format!(
        "<w:tr>{}</w:tr>",
        values
            .iter()
            .map(|v| cell(&v.to_string(), 1, None))
            .collect::<String>()
    ));
    let body = [
        paragraph("某县交通运输局2021年政府信息公开工作年度报告"),
        paragraph("一、总体情况"),
        paragraph("本年度工作有序开展。"),
        paragraph("四、政府信息公开行政复议、行政诉讼情况"),
        format!("<w:tbl>{}</w:tbl>", rows.concat()),
        paragraph("五、存在的主要问题及改进情况"),
        paragraph("无。"),
    ]
    .concat();
    let dir = temp_dir("docx");
    let path = dir.join("report.docx");
    std::fs::write(&path, docx(&body)).unwrap();
    let out = run(&["--format", "facts"], &[&path]);
    let facts: std::collections::BTreeMap<String, String> = stdout(&out)
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[1].to_string(), f[2].to_string())
        })
        .collect();
    assert_eq!(
        facts.get("meta.agency").map(String::as_str),
        Some("某县交通运输局")
    );
    let groups = ["review", "lit_direct", "lit_after_review"];
    let keys = ["upheld", "corrected", "other", "pending", "total"];
    let mut compared = 0;
    for (g, group) in groups.iter().enumerate() {
        for (k, key) in keys.iter().enumerate() {
            let want = values[g * 5 + k].to_string();
            assert_eq!(
                facts.get(&format!("t4.{group}.{key}")),
                Some(&want),
                "t4.{group}.{key}"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 15);
    let text = stdout(&run(&["--color", "never"], &[&path]));
    assert!(text.contains("docx"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_pdf_without_pdftotext_names_the_package_and_exits_2() {
    let dir = temp_dir("pdf");
    let pdf = dir.join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n%%EOF\n").unwrap();
    // An empty PATH: pdftotext cannot be found.
    let empty_path = dir.join("bin");
    std::fs::create_dir_all(&empty_path).unwrap();
    let out = audit().env("PATH", &empty_path).arg(&pdf).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("poppler-utils"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The facts of one input, keys and values, without the path.
fn facts_of(path: &Path) -> Vec<(String, String)> {
    stdout(&run(&["--format", "facts"], &[path]))
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[1].to_string(), f[2].to_string())
        })
        .collect()
}

/// On the published Word and PDF files of the shared wild corpus (when it
/// is beside the crate): each `.docx` gives the facts of its HTML
/// rendering (both carry the table structure), each `.pdf` those of its
/// `pdftotext -layout` rendering.
#[test]
fn published_word_and_pdf_files_read_like_their_renderings() {
    let wild = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/wild");
    let Ok(entries) = std::fs::read_dir(wild.join("docs")) else {
        eprintln!("skipped: {} not present", wild.join("docs").display());
        return;
    };
    let pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    let mut compared = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let rendering = match path.extension().and_then(|x| x.to_str()) {
            Some("docx") => "html",
            Some("pdf") if pdftotext => "pdf-layout",
            _ => continue,
        };
        let text = wild.join("text").join(format!("{stem}-{rendering}.txt"));
        let want = facts_of(&text);
        assert!(want.len() > 5, "{}", text.display());
        assert_eq!(facts_of(&path), want, "{}", path.display());
        compared += 1;
    }
    assert!(compared > 0);
    if !pdftotext {
        eprintln!("PDF files skipped: pdftotext not installed");
    }
}

/// A report flattened without separators, as `get_text()` prints a page: its
/// table 4 is one run of digits that only one split makes add up.
const FLATTENED: &str = "某县民政局2020年政府信息公开工作年度报告一、总体情况依法公开。四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计00121022490013078621五、存在的主要问题及改进情况无。";

#[test]
fn inferred_cells_say_so_in_facts_json_and_text() {
    let dir = temp_dir("inferred");
    let path = dir.join("flat.txt");
    std::fs::write(&path, FLATTENED).unwrap();
    let facts = stdout(&run(&["--format", "facts"], &[&path]));
    let lines: Vec<&str> = facts.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.ends_with("\tt4.review.total\t22"))
        .unwrap();
    assert!(lines[at + 1].ends_with("\tinferred\tt4.review.total"));
    assert!(lines.iter().all(|l| l.split('\t').count() == 3));
    let json = stdout(&run(&["--format", "jsonl"], &[&path]));
    let value: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    let review = &value["t4"]["rows"][0]["cells"]["total"];
    assert_eq!(review["value"], 22.0);
    assert_eq!(review["inferred"], true);
    // A table 4 cell read beside its label is not inferred.
    let seed_json = stdout(&run(&["--format", "jsonl"], &[&seed("002")]));
    let seed_record: serde_json::Value =
        serde_json::from_str(seed_json.lines().next().unwrap()).unwrap();
    assert_eq!(
        seed_record["t4"]["rows"][0]["cells"]["total"]["inferred"],
        false
    );
    let text = stdout(&run(&["--color", "never", "--lang", "en"], &[&path]));
    assert!(text.contains("P-RUN-SPLIT"), "{text}");
}
