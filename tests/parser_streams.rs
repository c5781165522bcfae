//! Tables whose converter left a stream of labels and numbers instead of
//! rows: reading-order PDF text (labels and numbers apart, row by row or
//! column by column), pages flattened without separators (digit runs),
//! labels lost or garbled, labels wrapped over two lines. Each test builds
//! a report whose numbers satisfy every identity of the template (or breaks
//! one on purpose) and checks that every number the parser prints is right,
//! that inferred cells say so, and that it abstains where it cannot be sure.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::tables::{LABELS, consistent_table, key};
use gov_disclosure_report::{
    AnnualReport, ApplicantColumn, CellValue, DiagnosticCode, RequestsRowKey, parse_report,
};
use std::collections::BTreeMap;

const HEAD: &str =
    "某县交通运输局2020年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n";
const T3_HEADING: &str = "三、收到和处理政府信息公开申请情况\n";
const T3_HEADER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n";
const TAIL: &str = "五、存在的主要问题及改进情况\n人员不足。\n六、其他需要报告的事项\n无。\n";

fn facts(report: &AnnualReport) -> BTreeMap<String, String> {
    report
        .facts()
        .map(|f| (f.key.to_string(), f.value_text()))
        .collect()
}

/// Every table 3 number printed is the table's; returns how many were printed.
fn printed_right(report: &AnnualReport, table: &[[i64; 7]]) -> usize {
    let got = facts(report);
    let mut printed = 0;
    for (r, row) in table.iter().enumerate() {
        for (c, want) in row.iter().enumerate() {
            if let Some(have) = got.get(&key(r, c)) {
                assert_eq!(have, &want.to_string(), "{}", key(r, c));
                printed += 1;
            }
        }
    }
    let known: Vec<String> = (0..23)
        .flat_map(|r| (0..7).map(move |c| key(r, c)))
        .collect();
    for k in got.keys().filter(|k| k.starts_with("t3.")) {
        assert!(known.contains(k), "extra key {k}");
    }
    printed
}

/// Whether every fact of a table 3 cell says it was inferred exactly when its
/// cell does.
fn facts_tell_inferred(report: &AnnualReport) -> bool {
    report
        .facts()
        .filter_map(|f| f.cell.map(|c| (f.inferred, c.inferred)))
        .all(|(fact, cell)| fact == cell)
}

fn inferred_cells(report: &AnnualReport) -> usize {
    report
        .table3()
        .map(|t| {
            t.rows
                .iter()
                .flat_map(|r| &r.cells)
                .filter(|c| c.inferred)
                .count()
        })
        .unwrap_or(0)
}

fn has(report: &AnnualReport, code: DiagnosticCode) -> bool {
    report.diagnostics.iter().any(|d| d.code == code)
}

fn numbers(cells: impl IntoIterator<Item = i64>) -> String {
    cells.into_iter().map(|n| format!("{n}\n")).collect()
}

#[test]
fn reading_order_labels_then_numbers_are_read_by_template_order() {
    let table = consistent_table(7);
    let mut text = format!("{HEAD}{T3_HEADING}{T3_HEADER}");
    for label in LABELS.iter() {
        text.push_str(label);
        text.push('\n');
    }
    text.push_str(&numbers(table.iter().flatten().copied()));
    text.push_str(TAIL);
    let report = parse_report(&text);
    assert_eq!(printed_right(&report, &table), 161);
    assert_eq!(inferred_cells(&report), 161);
    assert!(facts_tell_inferred(&report));
    assert!(has(&report, DiagnosticCode::RowsByTemplateOrder));
}

#[test]
fn reading_order_with_numbers_column_by_column_is_read_when_the_sums_say_so() {
    let table = consistent_table(11);
    let mut text = format!("{HEAD}{T3_HEADING}{T3_HEADER}");
    for label in LABELS.iter() {
        text.push_str(label);
        text.push('\n');
    }
    text.push_str(&numbers(
        (0..7).flat_map(|c| table.iter().map(move |r| r[c])),
    ));
    text.push_str(TAIL);
    let report = parse_report(&text);
    assert_eq!(printed_right(&report, &table), 161);
}

#[test]
fn reading_order_with_a_vanished_blank_takes_nothing_after_the_break() {
    let table = consistent_table(13);
    let mut text = format!("{HEAD}{T3_HEADING}{T3_HEADER}");
    for label in LABELS.iter() {
        text.push_str(label);
        text.push('\n');
    }
    // One cell was blank in the PDF: it left no trace in the text.
    let mut cells: Vec<i64> = table.iter().flatten().copied().collect();
    cells.remove(40);
    text.push_str(&numbers(cells));
    text.push_str(TAIL);
    let report = parse_report(&text);
    assert_eq!(printed_right(&report, &table), 0);
    assert!(has(&report, DiagnosticCode::RowsUnaligned));
}

#[test]
fn captions_printed_out_of_place_break_the_row_wise_reading_only_from_there() {
    // Row by row until 2.重复申请; then the numbers of three rows run
    // together and the captions come after them, as PDF text of merged
    // cells comes out.
    let table = consistent_table(17);
    let mut text = format!("{HEAD}{T3_HEADING}{T3_HEADER}");
    for r in 0..16 {
        text.push_str(&LABELS[r]);
        text.push('\n');
        text.push_str(&numbers(table[r].iter().copied()));
    }
    text.push_str("2.重复申请\n");
    text.push_str(&numbers(table[16..19].iter().flatten().copied()));
    text.push_str("（五）不予处理\n3.要求提供公开出版物\n4.无正当理由大量反复申请\n");
    text.push_str(&numbers(table[19].iter().copied()));
    text.push_str("（六）其他处理\n5.要求行政机关确认或重新出具已获取信息\n");
    text.push_str(&numbers(table[20..23].iter().flatten().copied()));
    text.push_str("（七）总计\n四、结转下年度继续办理\n");
    text.push_str(TAIL);
    let report = parse_report(&text);
    assert_eq!(printed_right(&report, &table), 161);
    // The rows before the break were read beside their labels.
    assert_eq!(inferred_cells(&report), 7 * 7);
}

/// The whole report on one line without separators, as `get_text()` prints
/// a page.
fn flattened(table: &[[i64; 7]], t4: &[i64; 15]) -> String {
    let mut text = String::from(
        "某县交通运输局2020年政府信息公开工作年度报告一、总体情况本年度依法公开政府信息。二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件408178578190第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费010",
    );
    text.push_str("。三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他");
    for (label, row) in LABELS.iter().zip(table) {
        text.push_str(label);
        for n in row {
            text.push_str(&n.to_string());
        }
    }
    text.push_str("。四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计");
    for n in t4 {
        text.push_str(&n.to_string());
    }
    text.push_str("。五、存在的主要问题及改进情况人员不足。六、其他需要报告的事项无。");
    text
}

/// How many ways `run` splits into `cells` numbers without leading zeros
/// whose last is the sum of the others (brute force, for the test's oracle).
fn row_total_splits(run: &str, cells: usize) -> usize {
    fn go(rest: &str, left: usize, parts: &mut Vec<i64>) -> usize {
        if left == 0 {
            let (total, others) = parts.split_last().unwrap();
            return usize::from(rest.is_empty() && others.iter().sum::<i64>() == *total);
        }
        let mut count = 0;
        for len in 1..=rest.len().min(9) {
            let piece = &rest[..len];
            if piece.len() > 1 && piece.starts_with('0') {
                break;
            }
            parts.push(piece.parse().unwrap());
            count += go(&rest[len..], left - 1, parts);
            parts.pop();
        }
        count
    }
    go(run, cells, &mut Vec::new())
}

const T4: [i64; 15] = [0, 0, 12, 10, 22, 4, 9, 0, 0, 13, 0, 7, 8, 6, 21];

#[test]
fn digit_runs_are_split_by_the_tables_own_arithmetic() {
    let table = consistent_table(23);
    let text = flattened(&table, &T4);
    let report = parse_report(&text);
    // Every number printed is right, and every row whose run has one split
    // satisfying its own row total is read (the table's identities can only
    // narrow the choice further).
    let printed = printed_right(&report, &table);
    let f = facts(&report);
    let mut certain = 0;
    for (r, row) in table.iter().enumerate() {
        let run: String = row.iter().map(i64::to_string).collect();
        if row_total_splits(&run, 7) == 1 {
            certain += 1;
            assert!(f.contains_key(&key(r, 6)), "row {r} ({run}) not read");
        }
    }
    assert!(
        certain >= 15,
        "the fixture should exercise mostly certain rows"
    );
    assert!(printed >= certain * 7);
    assert_eq!(inferred_cells(&report), printed);
    assert!(facts_tell_inferred(&report));
    assert!(has(&report, DiagnosticCode::RunSplit));
    let t4 = report.table4().unwrap();
    let values: Vec<i64> = t4
        .cells
        .iter()
        .map(|c| c.value.as_integer().unwrap())
        .collect();
    assert_eq!(values, T4);
    assert!(t4.cells.iter().all(|c| c.inferred));
    // A cell's span points at its digits in the run.
    let cell = &t4.cells[2];
    assert_eq!(cell.span.slice(&text), Some("12"));
}

#[test]
fn digit_runs_of_table_2_are_split_only_where_one_spelling_exists() {
    let table = consistent_table(29);
    let text = flattened(&table, &T4);
    let f = facts(&parse_report(&text));
    // 000 can only be 0 / 0 / 0.
    for column in ["made", "published", "total_published"] {
        assert_eq!(
            f.get(&format!("t2.regulations.{column}"))
                .map(String::as_str),
            Some("0")
        );
    }
    // 408178578190 has many spellings: nothing is taken.
    assert!(!f.keys().any(|k| k.starts_with("t2.normative_documents.")));
    // 010 in two columns: only 0 / 10 spells it with numbers (010 and 01
    // are not numbers as tables print them).
    assert_eq!(
        f.get("t2.admin_fees.prev_items").map(String::as_str),
        Some("0")
    );
    assert_eq!(
        f.get("t2.admin_fees.change").map(String::as_str),
        Some("10")
    );
}

#[test]
fn digit_runs_with_a_broken_identity_are_never_guessed() {
    for seed in [31, 37, 41, 43] {
        let mut table = consistent_table(seed);
        // The report's own error: one cell off by one breaks a column balance.
        table[21][2] += 1;
        table[21][6] += 1;
        let text = flattened(&table, &T4);
        let report = parse_report(&text);
        printed_right(&report, &table);
        let mut t4 = T4;
        // A table 4 whose group total is wrong has no split.
        t4[4] = 23;
        let report = parse_report(&flattened(&table, &t4));
        assert!(report.table4().is_none_or(|t| t.cells.is_empty()));
    }
}

/// A report whose table 3 rows are tab-separated lines.
fn tsv_report(row: impl Fn(usize, &str, &[i64; 7]) -> String, table: &[[i64; 7]]) -> String {
    let mut text = format!("{HEAD}{T3_HEADING}");
    text.push_str(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n",
    );
    for (r, label) in LABELS.iter().enumerate() {
        text.push_str(&row(r, label, &table[r]));
        text.push('\n');
    }
    text.push_str(TAIL);
    text
}

fn tsv(label: &str, row: &[i64; 7]) -> String {
    let cells: Vec<String> = row.iter().map(i64::to_string).collect();
    format!("{label}\t{}", cells.join("\t"))
}

#[test]
fn a_garbled_label_is_placed_by_its_ordinal_and_neighbours() {
    let table = consistent_table(47);
    let text = tsv_report(
        |r, label, row| match r {
            // A PDF font lost characters of two labels.
            4 => tsv("1.属于国秘密", row),
            5 => tsv("2.其他法律行政止公开", row),
            _ => tsv(label, row),
        },
        &table,
    );
    let report = parse_report(&text);
    assert_eq!(printed_right(&report, &table), 161);
    assert_eq!(inferred_cells(&report), 14);
    assert!(has(&report, DiagnosticCode::RowByOrder));
}

#[test]
fn rows_whose_labels_were_lost_are_placed_only_where_the_gap_leaves_no_doubt() {
    let table = consistent_table(53);
    let text = tsv_report(
        |r, label, row| match r {
            // Two unlabelled rows between 1.属于国家秘密 and 4.保护第三方合法权益:
            // they can only be rows 2 and 3.
            5 | 6 => tsv("", row),
            // Half the labels of the 不予处理 group lost, one row missing:
            // three unlabelled rows for the four free rows — none is placed.
            16 | 18 | 19 => tsv("", row),
            17 => String::new(),
            _ => tsv(label, row),
        },
        &table,
    );
    let report = parse_report(&text);
    let printed = printed_right(&report, &table);
    assert_eq!(printed, 161 - 4 * 7);
    let f = facts(&report);
    assert!(f.contains_key("t3.denied.law_prohibited.total"));
    assert!(
        !f.keys()
            .any(|k| k.starts_with("t3.not_processed.duplicate."))
    );
    assert!(has(&report, DiagnosticCode::RowUnplaced));
}

#[test]
fn a_label_wrapped_inside_its_cell_keeps_its_numbers() {
    let table = consistent_table(59);
    let text = tsv_report(
        |r, label, row| match r {
            // A <br> in the label cell became a line break.
            3 => format!(
                "（二）部分公开（区分处理的，\n{}",
                tsv("只计这一情形，不计其他情形）", row)
            ),
            _ => tsv(label, row),
        },
        &table,
    );
    let report = parse_report(&text);
    assert_eq!(printed_right(&report, &table), 161);
    let partial = report
        .table3()
        .unwrap()
        .cell(RequestsRowKey::Partial, ApplicantColumn::Total)
        .unwrap();
    assert_eq!(partial.value, CellValue::Integer(table[3][6]));
    assert!(!partial.inferred);
}

/// A report whose table 4 is read in PDF reading order: the review group's
/// numbers under its heading, the litigation groups' after the last section.
fn displaced_table_4(litigation: &[i64; 10]) -> String {
    let mut text = format!(
        "{HEAD}四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
    );
    text.push_str(&numbers([1, 2, 0, 0, 3]));
    text.push_str(TAIL);
    text.push_str("未经复议直接起诉\n复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n");
    text.push_str(&numbers(litigation.iter().copied()));
    text
}

#[test]
fn table_4_groups_printed_after_the_last_section_are_joined_when_their_sums_hold() {
    let text = displaced_table_4(&[0, 1, 0, 0, 1, 2, 0, 0, 1, 3]);
    let report = parse_report(&text);
    // The joined cells keep their own spans, after the last section.
    common::assert_span_invariants(&text, &report);
    let t4 = report.table4().unwrap();
    let values: Vec<i64> = t4
        .cells
        .iter()
        .map(|c| c.value.as_integer().unwrap())
        .collect();
    assert_eq!(values, vec![1, 2, 0, 0, 3, 0, 1, 0, 0, 1, 2, 0, 0, 1, 3]);
    assert!(t4.cells.iter().all(|c| c.inferred));
    // A chunk whose group totals do not add up is not joined: nothing is taken.
    let report = parse_report(&displaced_table_4(&[0, 1, 0, 0, 1, 2, 0, 0, 1, 4]));
    assert!(report.table4().is_none_or(|t| t.cells.is_empty()));
}

#[test]
fn a_page_break_repeating_the_header_leaves_a_rows_numbers_to_its_label() {
    let table = consistent_table(61);
    let mut text = format!("{HEAD}{T3_HEADING}{T3_HEADER}");
    for r in 0..23 {
        text.push_str(&LABELS[r]);
        text.push('\n');
        if r == 9 {
            // Page 2 starts between the label and its numbers.
            text.push_str("- 1 -\n\u{C}自然人\n法人或其他组织\n总计\n");
        }
        text.push_str(&numbers(table[r].iter().copied()));
    }
    text.push_str(TAIL);
    let report = parse_report(&text);
    assert_eq!(printed_right(&report, &table), 161);
    assert_eq!(inferred_cells(&report), 0);
}

#[test]
fn two_labels_run_together_break_the_row_wise_reading() {
    // Row 8's label was printed after row 9's, and row 7's label is garbled:
    // read row-wise, row 9's numbers would sit under row 8's label.
    let table = consistent_table(67);
    let mut text = format!("{HEAD}{T3_HEADING}{T3_HEADER}");
    for r in 0..23 {
        match r {
            7 => text.push_str("3.危及三安全稳定\n"),
            8 => {}
            9 => text.push_str(&format!("{}\n{}\n", LABELS[9], LABELS[8])),
            _ => {
                text.push_str(&LABELS[r]);
                text.push('\n');
            }
        }
        text.push_str(&numbers(table[r].iter().copied()));
    }
    text.push_str(TAIL);
    let report = parse_report(&text);
    printed_right(&report, &table);
    assert!(
        has(&report, DiagnosticCode::RowsByTemplateOrder)
            || has(&report, DiagnosticCode::RowsUnaligned)
    );
}
