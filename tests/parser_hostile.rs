//! Random and hostile input: every call returns a report with diagnostics and
//! keeps the span invariants; nothing panics.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use gov_disclosure_report::unstable_internals::normalize;
use gov_disclosure_report::{DiagnosticCode, parse_report, parse_report_strict};

fn survives(input: &str) -> gov_disclosure_report::AnnualReport {
    let report = parse_report(input);
    common::assert_span_invariants(input, &report);
    report
}

#[test]
fn empty_and_blank_input_report_empty() {
    for input in ["", " ", "\n\n\n", "\u{FEFF}", "\u{3000}\t\r\n", "|||\n|"] {
        let report = survives(input);
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::EmptyInput),
            "{input:?}"
        );
        assert!(parse_report_strict(input).is_err());
    }
}

#[test]
fn binary_looking_input() {
    // A deterministic pseudo-random byte soup, decoded lossily.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    survives(&text);
}

#[test]
fn one_megabyte_without_a_newline() {
    let unit = "一、总体情况 三、本年度办理结果 12 / 第二十条 | 4 | 信息内容 2021年1月1日 ";
    let text: String = unit.repeat(1_000_000 / unit.len() + 1);
    assert!(text.len() > 1_000_000 && !text.contains('\n'));
    survives(&text);
}

#[test]
fn tables_of_noise() {
    let pipes = "|".repeat(100_000);
    survives(&format!("二、主动公开政府信息情况\n第二十条\n{pipes}\n"));
    survives(&format!(
        "三、收到和处理政府信息公开申请情况\n自然人\n{}",
        "\t\n".repeat(50_000)
    ));
    survives(&format!(
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议 结果维持\n{}",
        "0 ".repeat(100_000)
    ));
    survives(&"\n".repeat(50_000));
    survives(&"三、收到和处理政府信息公开申请情况\n".repeat(10_000));
    survives(&"（（（（（（（（（（".repeat(10_000));
    survives(&"99999999999999999999999 -- ,,, 1,2,3 +-1 .5 1.".repeat(1_000));
}

#[test]
fn unclosed_markup_and_bookmarks_are_kept_as_text() {
    // Each opening without its close once scanned the rest of the input
    // (quadratic); the `per_byte` bench times these inputs.
    let bookmarks = "[bookmark:".repeat(20_000);
    survives(&bookmarks);
    assert_eq!(normalize(&bookmarks).text(), bookmarks);
    let angles = format!("<td{}", "<".repeat(200_000));
    survives(&angles);
    assert_eq!(normalize(&angles).text(), angles);
}

#[test]
fn control_characters_and_odd_line_breaks() {
    let text = "某局\u{0}2020年政府信息公开工作年度报告\r一、总体情况\r\r\n\u{200B}二、主动公开政府信息情况\u{7}\n[bookmark: _GoBack";
    let report = survives(text);
    assert_eq!(report.year.as_ref().map(|y| y.value), Some(2020));
    assert_eq!(report.sections.len(), 2);
}

#[test]
fn normalization_is_idempotent_on_the_fixtures() {
    for path in common::all_texts() {
        let input = std::fs::read_to_string(path).unwrap();
        let once = normalize(&input);
        let twice = normalize(once.text());
        assert_eq!(once.text(), twice.text());
    }
}
