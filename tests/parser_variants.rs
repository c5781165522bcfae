//! Extraction variants beyond the corpus, one test each: blanks that vanished,
//! stray cells, units, placeholders, split headers, the 2021 （六） rows,
//! provincial extra rows, missing tables. Built from small texts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use gov_disclosure_report::{
    ApplicantColumn, CellValue, DiagnosticCode, FactKey, ProactiveColumn, ProactiveItem,
    RequestsRowKey, Template, parse_report,
};
use std::collections::BTreeMap;

fn facts(text: &str) -> BTreeMap<String, String> {
    common::fact_pairs(&parse_report(text))
        .into_iter()
        .collect()
}

/// A report whose table 3 rows are `row(i)` (one line each) under the headings.
fn report_with_t3(row: impl Fn(usize, &str) -> String) -> String {
    let mut text = String::from(
        "某县民政局2020年政府信息公开工作年度报告\n一、总体情况\n概况。\n三、收到和处理政府信息公开申请情况\n",
    );
    text.push_str(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）    申请人情况\n",
    );
    text.push_str("自然人    法人或其他组织    总计\n商业企业    科研机构    社会公益组织    法律服务机构    其他\n");
    for (i, label) in common::tables::t3_labels_2019(" ").iter().enumerate() {
        text.push_str(&row(i, label));
        text.push('\n');
    }
    text.push_str("五、存在的主要问题及改进情况\n无。\n");
    text
}

#[test]
fn words_layout_row_with_a_vanished_blank_is_ambiguous_and_yields_nothing() {
    let text = report_with_t3(|i, label| {
        if i == 0 {
            format!("{label}    5    1    2    3    4    15")
        } else {
            format!("{label}    0    0    0    0    0    0    0")
        }
    });
    let report = parse_report(&text);
    let f = facts(&text);
    assert!(
        !f.keys().any(|k| k.starts_with("t3.new_received.")),
        "no number may be guessed"
    );
    assert_eq!(
        f.get("t3.carried_over.total").map(String::as_str),
        Some("0")
    );
    let row = report
        .table3()
        .unwrap()
        .row(RequestsRowKey::NewReceived)
        .unwrap();
    assert!(row.cells.is_empty());
    assert_eq!(row.ambiguous.as_ref().unwrap().cells.len(), 6);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::RowAmbiguous)
    );
    assert!(report.has_errors());
}

#[test]
fn tsv_row_keeps_its_blank_in_place() {
    let text = report_with_t3(|i, label| {
        if i == 0 {
            format!("{label}\t5\t\t2\t3\t4\t1\t15")
        } else {
            format!("{label}\t0\t0\t0\t0\t0\t0\t0")
        }
    });
    let f = facts(&text);
    assert_eq!(
        f.get("t3.new_received.commercial").map(String::as_str),
        Some("empty")
    );
    assert_eq!(
        f.get("t3.new_received.research").map(String::as_str),
        Some("2")
    );
    assert_eq!(
        f.get("t3.new_received.total").map(String::as_str),
        Some("15")
    );
}

#[test]
fn placeholders_units_separators_and_full_width_digits() {
    let text = report_with_t3(|i, label| match i {
        0 => format!("{label}\t1,234\t/\t—\t无\t不适用\t２\t1236件"),
        _ => format!("{label}\t0\t0\t0\t0\t0\t0\t0"),
    });
    let report = parse_report(&text);
    let t3 = report.table3().unwrap();
    let cell = |c| &t3.cell(RequestsRowKey::NewReceived, c).unwrap().value;
    assert_eq!(
        cell(ApplicantColumn::NaturalPerson),
        &CellValue::Integer(1234)
    );
    assert_eq!(cell(ApplicantColumn::Commercial), &CellValue::Placeholder);
    assert_eq!(cell(ApplicantColumn::Research), &CellValue::Placeholder);
    assert_eq!(
        cell(ApplicantColumn::SocialWelfare),
        &CellValue::Placeholder
    );
    assert_eq!(cell(ApplicantColumn::LegalService), &CellValue::Placeholder);
    assert_eq!(cell(ApplicantColumn::OtherOrg), &CellValue::Integer(2));
    let total = t3
        .cell(RequestsRowKey::NewReceived, ApplicantColumn::Total)
        .unwrap();
    assert_eq!(total.value, CellValue::Integer(1236));
    assert_eq!(total.unit.as_deref(), Some("件"));
    assert_eq!(total.span.slice(&text), Some("1236件"));
    let f = facts(&text);
    assert_eq!(
        f.get("t3.new_received.commercial").map(String::as_str),
        Some("na")
    );
}

#[test]
fn garbled_cell_is_text_never_a_number() {
    let text = report_with_t3(|i, label| match i {
        1 => format!("{label}\t0\tl0\t0\t0\t0\t0\t0"),
        _ => format!("{label}\t0\t0\t0\t0\t0\t0\t0"),
    });
    let report = parse_report(&text);
    let f = facts(&text);
    assert_eq!(
        f.get("t3.carried_over.commercial").map(String::as_str),
        Some("text")
    );
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::CellUnreadable)
    );
}

#[test]
fn v2021_other_rows_and_template() {
    let mut text =
        String::from("某局2022年度政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n");
    for (i, label) in common::tables::t3_labels_2019(" ").iter().enumerate() {
        if *label == "（六）其他处理" {
            text.push_str("（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1\n");
            text.push_str("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2\n");
            text.push_str("3.其他\t3\t0\t0\t0\t0\t0\t3\n");
        } else {
            text.push_str(&format!("{label}\t{i}\t0\t0\t0\t0\t0\t{i}\n"));
        }
    }
    let report = parse_report(&text);
    let t3 = report.table3().unwrap();
    assert_eq!(t3.template, Template::V2021);
    assert_eq!(t3.rows.len(), 25);
    let f = facts(&text);
    assert_eq!(
        f.get("t3.other.no_correction.total").map(String::as_str),
        Some("1")
    );
    assert_eq!(
        f.get("t3.other.fee_unpaid.natural_person")
            .map(String::as_str),
        Some("2")
    );
    assert_eq!(f.get("t3.other.other.total").map(String::as_str), Some("3"));
    assert!(!f.contains_key("t3.other.total"));
    assert_eq!(f.get("meta.t3_template").map(String::as_str), Some("2021"));
}

#[test]
fn v2019_table2_with_annotated_labels_extra_row_and_stray_cell() {
    let text = "某市生态环境局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\
第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n\
规章（设区的市、自治州人民政府应提供相关数据）\t0\t0\t0\n规范性文件\t3\t3\t40\n\
其他主动公开文件（含政策解读）\t9\t9\t99\n\
第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n\
行政许可\t28\t+1036\t1782\n其他对外管理服务事项（行政确认、行政奖励、行政处罚、行政强制）\t5\t-8\t7\n\
第二十条第（八）项\n信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t1\t0\t0\n\
第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t2\t251000元\n";
    let report = parse_report(text);
    let t2 = report.table2().unwrap();
    assert_eq!(t2.template, Template::V2019);
    let cell = |i, c| t2.cell(i, c).map(|c| c.value.clone());
    assert_eq!(
        cell(ProactiveItem::Licensing, ProactiveColumn::Change),
        Some(CellValue::Integer(1036))
    );
    assert_eq!(
        cell(ProactiveItem::OtherServices, ProactiveColumn::Change),
        Some(CellValue::Integer(-8))
    );
    assert_eq!(
        cell(ProactiveItem::OtherServices, ProactiveColumn::Decisions),
        Some(CellValue::Integer(7))
    );
    assert_eq!(
        cell(ProactiveItem::Procurement, ProactiveColumn::Amount),
        Some(CellValue::Integer(251000))
    );
    assert_eq!(
        t2.cell(ProactiveItem::Procurement, ProactiveColumn::Amount)
            .unwrap()
            .unit
            .as_deref(),
        Some("元")
    );
    // 行政事业性收费 carries three numbers under two headers: the first two are kept.
    assert_eq!(
        cell(ProactiveItem::AdminFees, ProactiveColumn::Change),
        Some(CellValue::Integer(0))
    );
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::RowExtraCells)
    );
    // The provincial extra row is kept aside, not mapped onto a template row.
    assert_eq!(t2.extra_rows.len(), 1);
    assert!(
        t2.extra_rows[0]
            .label
            .as_ref()
            .unwrap()
            .text
            .starts_with("其他主动公开文件")
    );
    // Penalty and coercion rows are absent: no key, a diagnostic.
    let f = facts(text);
    assert!(!f.contains_key("t2.penalty.decisions"));
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::RowMissing)
    );
}

#[test]
fn v2021_table2_decimal_fee_in_pipe_rows() {
    let text = "某局2021年度政府信息公开工作报告\n二、主动公开政府信息情况\n\
第二十条第(一)项 | | | |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n\
规章 | 0 | 0 | 0 |\n规范性文件 | 2 | 1 | 9 |\n\
第二十条第(五)项 | | | |\n信息内容 | 本年处理决定数量 | | |\n行政许可 | 12 | | |\n\
第二十条第(六)项 | | | |\n信息内容 | 本年处理决定数量 | | |\n行政处罚 | 3 | | |\n行政强制 | | | |\n\
第二十条第(八)项 | | | |\n信息内容 | 本年收费金额(单位:万元) | | |\n行政事业性收费 | 12.50 | | |\n";
    let f = facts(text);
    assert_eq!(f.get("meta.t2_template").map(String::as_str), Some("2021"));
    assert_eq!(
        f.get("t2.normative_documents.in_force").map(String::as_str),
        Some("9")
    );
    assert_eq!(
        f.get("t2.licensing.decisions").map(String::as_str),
        Some("12")
    );
    assert_eq!(
        f.get("t2.coercion.decisions").map(String::as_str),
        Some("empty")
    );
    assert_eq!(
        f.get("t2.admin_fees.amount").map(String::as_str),
        Some("12.50")
    );
}

#[test]
fn table4_header_one_character_per_line_and_flat_data() {
    let text = "某局2020年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
行 政 复 议\n结\n果\n维\n持\n结果纠正 其他结果 尚未审结 总计\n\
0 1 0 0 1 0 0 0 0 0 2 0 0 0 2\n五、存在的主要问题及改进情况\n无。\n";
    let f = facts(text);
    assert_eq!(f.get("t4.review.corrected").map(String::as_str), Some("1"));
    assert_eq!(
        f.get("t4.lit_after_review.upheld").map(String::as_str),
        Some("2")
    );
    assert_eq!(
        f.get("t4.lit_after_review.total").map(String::as_str),
        Some("2")
    );
}

#[test]
fn sections_without_tables_give_no_numbers() {
    let text = "某局2020年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";
    let report = parse_report(text);
    assert_eq!(report.sections.len(), 6);
    assert!(report.facts().all(|f| matches!(f.key, FactKey::Meta(_))));
    let missing = report
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::TableMissing)
        .count();
    assert_eq!(missing, 3);
}

#[test]
fn title_year_and_period_disagree() {
    let text = "某局2021年政府信息公开工作年度报告\n本报告所列数据统计期限为2020年1月1日至2020年12月31日。\n一、总体情况\n正文。\n";
    let report = parse_report(text);
    assert_eq!(report.year.as_ref().unwrap().value, 2021);
    let period = report.period.as_ref().unwrap();
    assert_eq!(period.to.to_string(), "2020-12-31");
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::YearMismatch)
    );
}

#[test]
fn chinese_numeral_signature_date() {
    let text = "某局2020年政府信息公开工作年度报告\n一、总体情况\n正文。\n六、其他需要报告的事项\n无。\n某局\n二〇二一年一月二十日\n";
    let report = parse_report(text);
    assert_eq!(
        report.published.as_ref().unwrap().value.to_string(),
        "2021-01-20"
    );
}

#[test]
fn unofficial_subtotal_column_makes_eight_cell_rows_ambiguous() {
    let mut text =
        String::from("某局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n");
    text.push_str("\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t法人或其他组织小计\t总计\n");
    for label in common::tables::t3_labels_2019(" ") {
        text.push_str(&format!("{label}\t1\t0\t0\t0\t0\t0\t0\t1\n"));
    }
    let report = parse_report(&text);
    let t3 = report.table3().unwrap();
    assert!(
        t3.rows
            .iter()
            .all(|r| r.cells.is_empty() && r.ambiguous.is_some())
    );
    assert!(!facts(&text).keys().any(|k| k.starts_with("t3.")));
}

#[test]
fn subtotal_on_a_group_caption_is_kept_aside() {
    let text = report_with_t3(|i, label| match i {
        4 => "（三）不予公开\t9\t0\t0\t0\t0\t0\t9\n1.属于国家秘密\t4\t0\t0\t0\t0\t0\t4".to_string(),
        _ => format!("{label}\t0\t0\t0\t0\t0\t0\t0"),
    });
    let report = parse_report(&text);
    let t3 = report.table3().unwrap();
    let secret = t3
        .cell(RequestsRowKey::DeniedStateSecret, ApplicantColumn::Total)
        .unwrap();
    assert_eq!(secret.value, CellValue::Integer(4));
    assert_eq!(t3.extra_rows.len(), 1);
    assert_eq!(t3.rows.len(), 23);
}

#[test]
fn unlabeled_rows_count_tells_the_2021_template() {
    let mut text = String::from(
        "某局2022年度政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n",
    );
    for i in 0..25 {
        text.push_str(&format!("\t{i}\t0\t0\t0\t0\t0\t{i}\n"));
    }
    let report = parse_report(&text);
    let t3 = report.table3().unwrap();
    assert_eq!(t3.template, Template::V2021);
    let f = facts(&text);
    assert_eq!(
        f.get("t3.other.other.total").map(String::as_str),
        Some("22")
    );
    assert_eq!(
        f.get("t3.carried_forward.natural_person")
            .map(String::as_str),
        Some("24")
    );
}

#[test]
fn section_four_saying_none_has_no_table_and_no_error() {
    let text = "某局2020年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n无\n五、存在的主要问题及改进情况\n无。\n";
    let report = parse_report(text);
    assert!(report.table4().is_none());
    assert!(!report.has_errors());
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::TableMissing)
    );
}

#[test]
fn table_sections_saying_none_have_no_table_and_no_error() {
    let text = "某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n无\n三、收到和处理政府信息公开申请情况\n无\n四、政府信息公开行政复议、行政诉讼情况\n0\n";
    let report = parse_report(text);
    assert!(report.table2().is_none() && report.table3().is_none() && report.table4().is_none());
    assert!(!report.has_errors(), "{:#?}", report.diagnostics);
}

#[test]
fn a_note_under_a_table_is_a_paragraph_not_a_row() {
    let text = "某局2021年度政府信息公开工作报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t1\t0\t5\n注：行政许可事项由县行政审批局统一办理。\n三、收到和处理政府信息公开申请情况\n";
    let report = parse_report(text);
    let t2 = report.table2().unwrap();
    assert!(
        t2.cell(ProactiveItem::Licensing, ProactiveColumn::Decisions)
            .is_none()
    );
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::RowEmpty)
    );
    let section = &report.sections[0];
    assert!(section.paragraphs.iter().any(|p| p.text.starts_with("注")));
}

#[test]
fn agency_from_the_signature_when_the_title_has_none() {
    let text = "2021年度政府信息公开工作年度报告\n一、总体情况\n正文。\n六、其他需要报告的事项\n无。\n某县交通运输局\n2022年1月20日\n";
    let report = parse_report(text);
    assert_eq!(
        report.agency.as_ref().map(|a| a.value.as_str()),
        Some("某县交通运输局")
    );
    assert_eq!(
        report.agency.as_ref().unwrap().span.slice(text),
        Some("某县交通运输局")
    );
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::AgencyFromSignature)
    );
    let unsigned = "2021年度政府信息公开工作年度报告\n一、总体情况\n正文。\n";
    assert!(
        parse_report(unsigned)
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::AgencyMissing)
    );
}

/// A line as `pdftotext -layout` prints it: the label padded to 60 display
/// columns (CJK and full-width forms two wide), values right-aligned in 8.
fn aligned(label: &str, values: &[&str]) -> String {
    let width: usize = label
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum();
    let mut line = format!("　　{label}{}", " ".repeat(60 - width));
    for v in values {
        line.push_str(&format!("{v:>8}"));
    }
    line.push('\n');
    line
}

#[test]
fn space_aligned_pdf_text_keeps_blank_cells_in_their_columns() {
    let mut text =
        String::from("某局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n");
    for (i, label) in common::tables::t3_labels_2019(" ").iter().enumerate() {
        let label = label.replace('\t', " ");
        let row: Vec<&str> = match i {
            0 => vec!["3", "", "", "1", "", "", "4"],
            2 => vec!["3", "", "", "1", "", "", ""],
            _ => vec!["0"; 7],
        };
        text.push_str(&aligned(&label, &row));
    }
    let report = parse_report(&text);
    let f = facts(&text);
    assert_eq!(
        f.get("t3.new_received.natural_person").map(String::as_str),
        Some("3")
    );
    assert_eq!(
        f.get("t3.new_received.commercial").map(String::as_str),
        Some("empty")
    );
    assert_eq!(
        f.get("t3.new_received.social_welfare").map(String::as_str),
        Some("1")
    );
    assert_eq!(
        f.get("t3.new_received.total").map(String::as_str),
        Some("4")
    );
    assert_eq!(f.get("t3.granted.total").map(String::as_str), Some("empty"));
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::RowAligned)
    );
    // Flattened onto one line, the same table loses its columns: no guess.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let f = facts(&flat);
    assert!(!f.keys().any(|k| k.starts_with("t3.new_received.")));
}

#[test]
fn table4_data_row_wrapped_over_two_lines() {
    let text = "某局2020年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t0\t0\t0\t1\t0\t0\t0\n0\t0\t2\t0\t0\t0\t2\n五、存在的主要问题及改进情况\n无。\n";
    let f = facts(text);
    assert_eq!(f.get("t4.review.total").map(String::as_str), Some("1"));
    assert_eq!(
        f.get("t4.lit_after_review.upheld").map(String::as_str),
        Some("2")
    );
    assert_eq!(
        f.get("t4.lit_after_review.total").map(String::as_str),
        Some("2")
    );
}

#[test]
fn labelled_2019_rows_keep_their_template_whatever_follows_them() {
    // The next section's heading was missed, so two rows of table 4 follow
    // table 3's: 25 rows with values, but every label is a 2019 one.
    let mut text = report_with_t3(|_, label| format!("{label}\t0\t0\t0\t0\t0\t0\t0"));
    let tail = text.split_off(text.find("五、").unwrap());
    text.push_str("因公开申请提起复议和诉讼的情况\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n");
    text.push_str("0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n1\t0\t0\t0\t1\n");
    text.push_str(&tail);
    let report = parse_report(&text);
    assert_eq!(report.table3().unwrap().template, Template::V2019);
    let f = facts(&text);
    assert_eq!(f.get("t3.other.total").map(String::as_str), Some("0"));
    assert!(!f.keys().any(|k| k.starts_with("t3.other.no_correction")));
}
