//! Layout readers, logical rows and fitting, tested together from table text.

use super::cell::{RawCell, display_width};
use super::fit::{ColumnGrid, ExtraCells, Fit, fit};
use super::layout::glued_pieces;
use super::layout::{Layout, physical_rows};
use super::rows::{LogicalRow, logical_rows};

#[test]
fn display_width_counts_cjk_twice_and_dropped_chars_none() {
    assert_eq!(display_width("规章 12"), 7);
    assert_eq!(display_width("规章\u{200B} 12"), 7);
}

fn texts<'r>(row: &'r [RawCell<'_>]) -> Vec<&'r str> {
    row.iter().map(|c| c.text.as_ref()).collect()
}

fn rows_of(text: &str) -> (Layout, Vec<LogicalRow<'_>>) {
    let (layout, physical) = physical_rows(text, 0, text.len());
    (layout, logical_rows(layout, physical))
}

#[test]
fn pipe_rows_with_padding_and_markdown() {
    let (layout, rows) = rows_of("第二十条第（一）项 ||||\n规范性文件 | 4180 | 1932 |  |\n");
    assert_eq!(layout, Layout::Pipe);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows.get(1).map(|r| texts(&r.values)),
        Some(vec!["4180", "1932", ""])
    );
    let (_, rows) = rows_of("| a规章 | b |\n|---|---|\n| 规章 | 179 |\n");
    assert_eq!(rows.last().map(|r| texts(&r.values)), Some(vec!["179"]));
}

#[test]
fn tab_cells_join_continuation_lines() {
    let text = "\t\n\t自\n然\n人\n\t总计\n\n\t规章\n\t0\n\t\n\t3\n";
    let (layout, rows) = rows_of(text);
    assert_eq!(layout, Layout::TabCell);
    assert_eq!(
        rows.first().map(|r| r.label_text()),
        Some("自然人总计".to_string())
    );
    assert_eq!(
        rows.get(1).map(|r| texts(&r.values)),
        Some(vec!["0", "", "3"])
    );
}

#[test]
fn tsv_keeps_empty_cells_in_place() {
    let (layout, rows) = rows_of("规章\t1\t\t3\n规范性文件\t4\t5\t\n");
    assert_eq!(layout, Layout::Tsv);
    assert_eq!(
        rows.first().map(|r| texts(&r.values)),
        Some(vec!["1", "", "3"])
    );
    assert_eq!(
        rows.get(1).map(|r| texts(&r.values)),
        Some(vec!["4", "5", ""])
    );
}

#[test]
fn words_split_rows_at_labels_and_join_wrapped_labels() {
    let text =
        "（二）部分公开（区分处理的，只计\n这一情形，不计其他情形）\n  353 6819 /\n  -3-\n规章 1 2";
    let (layout, rows) = rows_of(text);
    assert_eq!(layout, Layout::Words);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows.first().map(|r| texts(&r.values)),
        Some(vec!["353", "6819", "/"])
    );
}

#[test]
fn glued_labels_and_numbers_are_split_in_words_layout() {
    let pieces = |word: &'static str| -> Vec<&'static str> {
        glued_pieces(word)
            .into_iter()
            .filter_map(|(a, b)| word.get(a..b))
            .collect()
    };
    assert_eq!(pieces("规章2202"), vec!["规章", "2202"]);
    assert_eq!(pieces("4180规范性文件"), vec!["4180", "规范性文件"]);
    assert_eq!(pieces("2020年"), vec!["2020年"]);
    assert_eq!(pieces("5件"), vec!["5件"]);
    assert_eq!(pieces("1.属于国家秘密"), vec!["1.属于国家秘密"]);
    assert_eq!(pieces("2202"), vec!["2202"]);
    assert_eq!(pieces("(2)部分公开"), vec!["(2)部分公开"]);
    // A whole table flattened without separators: labels and digit runs.
    assert_eq!(
        pieces("规章408178578190行政规范性文件740545452975第二十条"),
        vec![
            "规章",
            "408178578190",
            "行政规范性文件",
            "740545452975",
            "第二十条"
        ]
    );
    // A run glued to the next row's sub-item number stays whole here: which
    // digits are the ordinal is decided with the next row's label.
    assert_eq!(
        pieces("部分公开00000001、属于国家秘密"),
        vec!["部分公开", "00000001", "、属于国家秘密"]
    );
    assert_eq!(
        pieces("收费79.05三、收到"),
        vec!["收费", "79.05", "三、收到"]
    );
    assert_eq!(pieces("金额1,234元"), vec!["金额1,234元"]);
    let (_, rows) = rows_of("规章2202  9326  1034\n规范性文件 1 2 3");
    assert_eq!(
        rows.first().map(|r| texts(&r.values)),
        Some(vec!["2202", "9326", "1034"])
    );
}

/// A line as `pdftotext -layout` prints it: the label padded to 40
/// display columns (CJK two wide), values right-aligned in 8 columns.
fn aligned_line(label: &str, values: &[&str]) -> String {
    let width = display_width(label);
    let mut line = format!("{label}{}", " ".repeat(40 - width));
    for v in values {
        line.push_str(&format!("{v:>8}"));
    }
    line.push('\n');
    line
}

#[test]
fn space_aligned_rows_place_their_blanks_by_the_column_grid() {
    // Columns end at the same display columns on every line; row 二 has blanks.
    let text = [
        aligned_line(
            "一、本年新收政府信息公开申请数量",
            &["5201", "502", "366", "417", "8871", "151", "7514"],
        ),
        aligned_line(
            "二、上年结转政府信息公开申请数量",
            &["3549", "", "476", "", "3633", "175", "7833"],
        ),
        aligned_line(
            "（七）总计",
            &["9059", "3819", "5664", "3783", "3585", "7531", "4748"],
        ),
    ]
    .concat();
    let text = text.as_str();
    let (layout, physical) = physical_rows(text, 0, text.len());
    let rows = logical_rows(layout, physical);
    let grid = ColumnGrid::learn(&rows, 7);
    assert!(grid.is_some());
    let short = &rows[1];
    assert_eq!(short.values.len(), 5);
    match fit(
        &short.values,
        7,
        layout,
        ExtraCells::DropLeading,
        grid.as_ref(),
    ) {
        Fit::Cells { cells, aligned, .. } => {
            assert_eq!(
                texts(&cells),
                vec!["3549", "", "476", "", "3633", "175", "7833"]
            );
            assert_eq!(aligned, 2);
        }
        other => panic!("{other:?}"),
    }
    // Without agreeing complete rows there is no grid, and no guess.
    assert_eq!(ColumnGrid::learn(&rows[..1], 7), None);
    assert_eq!(
        fit(&short.values, 7, layout, ExtraCells::DropLeading, None),
        Fit::Ambiguous
    );
}

#[test]
fn misaligned_values_stay_ambiguous() {
    let text = "甲行  1  2  3\n乙行  4  5  6\n丙行  7    9\n丁行 1 2\n";
    let (layout, physical) = physical_rows(text, 0, text.len());
    let rows = logical_rows(layout, physical);
    let grid = ColumnGrid::learn(&rows, 3).unwrap();
    match fit(
        &rows[2].values,
        3,
        layout,
        ExtraCells::DropLeading,
        Some(&grid),
    ) {
        Fit::Cells { cells, .. } => assert_eq!(texts(&cells), vec!["7", "", "9"]),
        other => panic!("{other:?}"),
    }
    // "1 2" ends between columns: not placed.
    assert_eq!(
        fit(
            &rows[3].values,
            3,
            layout,
            ExtraCells::DropLeading,
            Some(&grid)
        ),
        Fit::Ambiguous
    );
}

#[test]
fn fitting_rules() {
    let cell = |t: &'static str| RawCell {
        text: t.into(),
        start: 0,
        end: t.len(),
        edge: None,
        glued: false,
        unplaced: false,
    };
    let eight: Vec<RawCell> = ["1", "2", "3", "4", "5", "6", "7", "8"]
        .iter()
        .map(|t| cell(t))
        .collect();
    match fit(&eight, 7, Layout::TabCell, ExtraCells::DropLeading, None) {
        Fit::Cells { cells, dropped, .. } => {
            assert_eq!(texts(&cells).first(), Some(&"2"));
            assert_eq!(texts(&dropped), vec!["1"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        fit(&eight, 7, Layout::Words, ExtraCells::DropLeading, None),
        Fit::Ambiguous
    );
    assert_eq!(
        fit(&eight[..6], 7, Layout::Words, ExtraCells::DropLeading, None),
        Fit::Ambiguous
    );
    match fit(&eight[..6], 7, Layout::Tsv, ExtraCells::DropLeading, None) {
        Fit::Cells { padded, .. } => assert_eq!(padded, 1),
        other => panic!("{other:?}"),
    }
    let padded_row = vec![cell("400"), cell(""), cell("")];
    assert!(matches!(
        fit(&padded_row, 1, Layout::Pipe, ExtraCells::DropTrailing, None),
        Fit::Cells { padded: 0, .. }
    ));
}
