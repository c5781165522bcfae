//! Section headings as real reports print them, recognised by ordinal,
//! position and resemblance to the statutory wording; look-alikes that are
//! not headings; and tables found by their content where their heading is
//! missing. Built from small reports written for these tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::tables::t3_labels_2021;

use gov_disclosure_report::{
    AnnualReport, ApplicantColumn, CellValue, DiagnosticCode, HeadingMatch, ProactiveColumn,
    ProactiveItem, RequestsRowKey, ReviewGroup, ReviewOutcome, SectionKind, parse_report,
};

const TITLE: &str = "某县文化旅游局2022年政府信息公开工作年度报告";

const OFFICIAL: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

const OVERVIEW: &str = "本局全年坚持以公开为常态、不公开为例外，稳步推进政务公开。\n";

/// Table 2 (2021 template), tab separated: every value 11–17.
fn table2() -> String {
    "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n\
规章\t11\t12\t13\n行政规范性文件\t14\t15\t16\n\
第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t17\n\
第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t15\n行政强制\t16\n\
第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t12\n"
        .to_string()
}

/// The six applicant cells of table 3's row `row` (0-based), and their total.
fn t3_row(row: usize) -> [u32; 7] {
    let six = [
        (row % 4) as u32,
        1,
        (row * 2 % 5) as u32,
        0,
        2,
        (row % 3) as u32,
    ];
    let total = six.iter().sum();
    [six[0], six[1], six[2], six[3], six[4], six[5], total]
}

/// Table 3 (2021 template), tab separated.
fn table3() -> String {
    let mut out = String::from(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n\
\t自然人\t法人或其他组织\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n",
    );
    for (row, label) in t3_labels_2021().iter().enumerate() {
        out.push_str(label);
        for value in t3_row(row) {
            out.push_str(&format!("\t{value}"));
        }
        out.push('\n');
    }
    out
}

/// Table 4's fifteen cells: three groups of four outcomes and their total.
const T4: [u32; 15] = [3, 1, 0, 2, 6, 1, 0, 1, 0, 2, 0, 1, 1, 1, 3];

/// Table 4, tab separated.
fn table4() -> String {
    let values: Vec<String> = T4.iter().map(u32::to_string).collect();
    format!(
        "行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n\
结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n{}\n",
        values.join("\t")
    )
}

/// A whole report with the given heading lines (an empty one leaves the
/// heading out, its section's content stays).
fn report(headings: [&str; 6]) -> String {
    let bodies = [
        OVERVIEW.to_string(),
        table2(),
        table3(),
        table4(),
        "（一）存在的问题。公开内容还不够全面。\n（二）改进措施。加强培训。\n".to_string(),
        "本年度未收取信息处理费。\n".to_string(),
    ];
    let mut text = format!("{TITLE}\n");
    for (heading, body) in headings.iter().zip(bodies) {
        if !heading.is_empty() {
            text.push_str(heading);
            text.push('\n');
        }
        text.push_str(&body);
    }
    text
}

fn with_heading(number: usize, heading: &'static str) -> [&'static str; 6] {
    let mut headings = OFFICIAL;
    headings[number - 1] = heading;
    headings
}

fn meta_sections(report: &AnnualReport) -> String {
    report
        .facts()
        .find(|f| f.key.to_string() == "meta.sections")
        .map(|f| f.value_text())
        .unwrap_or_default()
}

fn diagnostics(report: &AnnualReport, code: DiagnosticCode) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.message.clone())
        .collect()
}

fn number(value: &CellValue) -> Option<i64> {
    value.as_integer()
}

/// Every cell of the three tables read with the values written.
fn assert_tables_read(report: &AnnualReport) {
    let t2 = report.table2().expect("table 2");
    let cell = t2
        .cell(ProactiveItem::Regulations, ProactiveColumn::Issued)
        .unwrap();
    assert_eq!(number(&cell.value), Some(11));
    let t3 = report.table3().expect("table 3");
    for (row, key) in [
        (0, RequestsRowKey::NewReceived),
        (1, RequestsRowKey::CarriedOver),
        (24, RequestsRowKey::CarriedForward),
    ] {
        for (column, want) in ApplicantColumn::ALL.iter().zip(t3_row(row)) {
            let cell = t3.cell(key, *column).unwrap();
            assert_eq!(
                number(&cell.value),
                Some(i64::from(want)),
                "{key:?} {column:?}"
            );
        }
    }
    let t4 = report.table4().expect("table 4");
    let keys = ReviewGroup::ALL
        .iter()
        .flat_map(|g| ReviewOutcome::ALL.iter().map(move |o| (*g, *o)));
    for ((group, outcome), want) in keys.zip(T4) {
        let cell = t4.cell(group, outcome).unwrap();
        assert_eq!(
            number(&cell.value),
            Some(i64::from(want)),
            "{group:?} {outcome:?}"
        );
    }
    let count = |prefix: &str| {
        report
            .facts()
            .filter(|f| f.key.to_string().starts_with(prefix))
            .count()
    };
    assert_eq!(count("t2."), 10, "table 2 has its ten cells, no more");
    assert_eq!(count("t3."), 25 * 7, "table 3 has its 175 cells, no more");
    assert_eq!(count("t4."), 15);
}

/// The section of `kind`, whose heading must be found with `matched` and
/// print as `heading`.
fn assert_heading(
    report: &AnnualReport,
    text: &str,
    kind: SectionKind,
    heading: &str,
    matched: HeadingMatch,
) {
    let section = report
        .section(kind)
        .unwrap_or_else(|| panic!("section {kind:?} missing"));
    assert_eq!(section.heading.matched, matched, "{heading}");
    assert_eq!(section.heading.text, heading);
    assert_eq!(section.heading.span.slice(text), Some(heading));
}

/// A heading that only resembles the template is a variant, reported with
/// its section and its wording.
fn assert_variant(report: &AnnualReport, text: &str, kind: SectionKind, heading: &str) {
    assert_heading(report, text, kind, heading, HeadingMatch::Variant);
    let messages = diagnostics(report, DiagnosticCode::HeadingVariant);
    assert!(
        messages
            .iter()
            .any(|m| m.contains(heading) && m.contains(&format!("section {}", kind.number()))),
        "{messages:?}"
    );
}

#[test]
fn the_official_headings_are_official_and_quiet() {
    let text = report(OFFICIAL);
    let r = parse_report(&text);
    for (kind, heading) in SectionKind::ALL.iter().zip(OFFICIAL) {
        assert_heading(&r, &text, *kind, heading, HeadingMatch::Official);
    }
    assert!(diagnostics(&r, DiagnosticCode::HeadingVariant).is_empty());
    assert_eq!(meta_sections(&r), "1,2,3,4,5,6");
    assert_tables_read(&r);
}

#[test]
fn an_ordinal_without_its_separator() {
    let text = report(with_heading(1, "一总体情况"));
    let r = parse_report(&text);
    assert_variant(&r, &text, SectionKind::Overview, "一总体情况");
    assert_eq!(meta_sections(&r), "1,2,3,4,5,6");
}

#[test]
fn a_character_inserted_into_the_title_keeps_its_table() {
    let heading = "四、政府信息公开行政法复议、行政诉讼情况";
    let text = report(with_heading(4, heading));
    let r = parse_report(&text);
    assert_variant(&r, &text, SectionKind::ReviewsAndLitigation, heading);
    assert_tables_read(&r);
}

#[test]
fn a_word_dropped_from_the_title_keeps_its_table() {
    let mut headings = OFFICIAL;
    headings[1] = "二、主动公开信息情况";
    headings[2] = "三、收到和处理信息公开申请情况";
    let text = report(headings);
    let r = parse_report(&text);
    assert_variant(&r, &text, SectionKind::ProactiveDisclosure, headings[1]);
    assert_variant(&r, &text, SectionKind::Requests, headings[2]);
    assert_eq!(meta_sections(&r), "1,2,3,4,5,6");
    assert_tables_read(&r);
}

#[test]
fn other_wordings_of_sections_four_to_six() {
    let mut headings = OFFICIAL;
    headings[3] = "四、因政府信息公开工作申请行政复议、提起行政诉讼的情况";
    headings[4] = "五、工作中存在的主要问题和整改措施";
    headings[5] = "六、其它需要说明的事项";
    let text = report(headings);
    let r = parse_report(&text);
    assert_variant(&r, &text, SectionKind::ReviewsAndLitigation, headings[3]);
    assert_variant(&r, &text, SectionKind::ProblemsAndImprovements, headings[4]);
    assert_variant(&r, &text, SectionKind::OtherMatters, headings[5]);
    assert_eq!(meta_sections(&r), "1,2,3,4,5,6");
    assert_tables_read(&r);
}

#[test]
fn a_reordered_wording_with_a_tail_on_its_line() {
    let heading = "六、需要说明的其他事项及附件";
    let text = report(with_heading(6, heading));
    let r = parse_report(&text);
    assert_variant(&r, &text, SectionKind::OtherMatters, heading);
}

#[test]
fn an_annotation_after_the_heading_belongs_to_it() {
    let mut headings = OFFICIAL;
    headings[1] = "二、主动公开政府信息情况（附表）";
    headings[2] = "三、收到和处理政府信息公开申请情况(统计表)";
    let text = report(headings);
    let r = parse_report(&text);
    // The wording itself is the template's: the annotation does not make it a variant.
    let proactive = r.section(SectionKind::ProactiveDisclosure).unwrap();
    assert_eq!(proactive.heading.matched, HeadingMatch::Official);
    assert_eq!(proactive.heading.span.slice(&text), Some(headings[1]));
    let requests = r.section(SectionKind::Requests).unwrap();
    assert_eq!(requests.heading.text, headings[2]);
    assert!(
        proactive
            .paragraphs
            .iter()
            .all(|p| !p.text.contains("附表"))
    );
    assert_tables_read(&r);
}

#[test]
fn headings_inside_one_long_flattened_line() {
    let text = format!(
        "{TITLE} 一总体情况本局全年稳步推进政务公开。二、主动公开信息情况全年主动公开信息120条。\
三、收到和处理政府信息公开申请情况全年收到申请5件,均已办结。\
四、政府信息公开行政复议、行政诉讼情况未发生。五、存在的主要问题及改进措施公开内容不够全面。\
六、其他需报告的事项无。"
    );
    let r = parse_report(&text);
    assert_eq!(meta_sections(&r), "1,2,3,4,5,6");
    let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.text.as_str()).collect();
    assert_eq!(
        headings,
        vec![
            "一总体情况",
            "二、主动公开信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进措施",
            "六、其他需报告的事项"
        ]
    );
    assert!(r.sections.iter().all(|s| s.heading.inline));
}

#[test]
fn row_labels_sub_topics_and_sentences_with_ordinals_are_not_headings() {
    let overview = "一是主动公开政府信息，全年发布信息120条。\n\
（二）主动公开政府信息情况。本局通过门户网站公开信息。\n\
二是依申请公开，全年办理申请5件。\n\
三、2022年共收到政府信息公开申请5件，均按时答复。\n\
四、本局没有因政府信息公开被申请行政复议的案件。\n\
六、严格保密审查，未发生泄密事件。\n";
    let mut text = report(OFFICIAL);
    text = text.replacen(OVERVIEW, overview, 1);
    let r = parse_report(&text);
    for (kind, heading) in SectionKind::ALL.iter().zip(OFFICIAL) {
        assert_heading(&r, &text, *kind, heading, HeadingMatch::Official);
    }
    assert_eq!(r.sections.len(), 6);
    assert!(diagnostics(&r, DiagnosticCode::SectionOutOfOrder).is_empty());
    assert!(diagnostics(&r, DiagnosticCode::HeadingVariant).is_empty());
    // The sub-topics stay in the overview's text.
    let overview = r.section(SectionKind::Overview).unwrap();
    assert_eq!(overview.paragraphs.len(), 6);
    assert_tables_read(&r);
}

#[test]
fn a_table_of_contents_in_the_preamble_is_not_the_sections() {
    let contents = "本报告由总体情况、主动公开政府信息情况等部分组成,目录如下:一、总体情况;二、主动公开政府信息情况;\
三、收到和处理政府信息公开申请情况;四、政府信息公开行政复议、行政诉讼情况;五、存在的主要问题及改进情况;\
六、其他需要报告的事项。\n";
    let mut text = report(OFFICIAL);
    text = text.replacen('\n', &format!("\n{contents}"), 1);
    let r = parse_report(&text);
    let toc_end = text.find(contents).unwrap() + contents.len();
    for (kind, heading) in SectionKind::ALL.iter().zip(OFFICIAL) {
        assert_heading(&r, &text, *kind, heading, HeadingMatch::Official);
        let section = r.section(*kind).unwrap();
        assert!(
            section.heading.span.start >= toc_end,
            "{heading} taken from the contents"
        );
        assert!(!section.heading.inline);
    }
    assert!(r.preamble.iter().any(|p| p.text.contains("目录如下")));
    assert!(diagnostics(&r, DiagnosticCode::SectionOutOfOrder).is_empty());
}

#[test]
fn a_table_of_contents_does_not_stand_in_for_a_missing_heading() {
    let contents = "目  录\n一、总体情况……………1\n二、主动公开政府信息情况……2\n三、收到和处理政府信息公开申请情况……3\n\
四、政府信息公开行政复议、行政诉讼情况……5\n五、存在的主要问题及改进情况……6\n六、其他需要报告的事项……6\n";
    let mut text = report(with_heading(3, ""));
    text = text.replacen('\n', &format!("\n{contents}"), 1);
    let r = parse_report(&text);
    let toc_end = text.find(contents).unwrap() + contents.len();
    assert!(r.sections.iter().all(|s| s.heading.span.start >= toc_end));
    assert_eq!(meta_sections(&r), "1,2,4,5,6");
    let requests = r.section(SectionKind::Requests).unwrap();
    assert_eq!(requests.heading.matched, HeadingMatch::Absent);
    assert_tables_read(&r);
}

#[test]
fn table_four_under_a_garbled_heading_is_found_by_its_content() {
    // The heading's characters came out as mojibake.
    let text = report(with_heading(4, "四、ÕþÎñÐÅÏ¢¹«¿ªÐÐÕþ¸´Òé"));
    let r = parse_report(&text);
    assert_eq!(meta_sections(&r), "1,2,3,5,6");
    let section = r.section(SectionKind::ReviewsAndLitigation).unwrap();
    assert_eq!(section.heading.matched, HeadingMatch::Absent);
    assert!(section.heading.text.is_empty());
    assert!(section.heading.span.is_empty());
    let table_at = text.rfind("行政复议\t行政诉讼").unwrap();
    assert_eq!(section.heading.span.start, table_at);
    assert!(
        diagnostics(&r, DiagnosticCode::TableWithoutHeading)
            .iter()
            .any(|m| m.contains("table 4"))
    );
    assert!(diagnostics(&r, DiagnosticCode::SectionMissing).is_empty());
    // Table 3 ends where table 4 begins: all its cells, none of table 4's.
    assert_tables_read(&r);
    let kinds: Vec<SectionKind> = r.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, SectionKind::ALL.to_vec());
}

#[test]
fn table_three_without_its_heading_follows_table_two_and_is_not_merged_into_it() {
    let text = report(with_heading(3, ""));
    let r = parse_report(&text);
    assert_eq!(meta_sections(&r), "1,2,4,5,6");
    let requests = r.section(SectionKind::Requests).unwrap();
    assert_eq!(requests.heading.matched, HeadingMatch::Absent);
    let proactive = r.section(SectionKind::ProactiveDisclosure).unwrap();
    assert!(
        proactive.span.end <= requests.span.start,
        "table 2's section ends where table 3 begins"
    );
    assert!(!diagnostics(&r, DiagnosticCode::TableWithoutHeading).is_empty());
    assert!(diagnostics(&r, DiagnosticCode::TableMissing).is_empty());
    assert_tables_read(&r);
}

#[test]
fn tables_without_any_section_heading() {
    let text = format!("{TITLE}\n{}{}{}", table2(), table3(), table4());
    let r = parse_report(&text);
    assert_eq!(meta_sections(&r), "");
    let kinds: Vec<SectionKind> = r.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        vec![
            SectionKind::ProactiveDisclosure,
            SectionKind::Requests,
            SectionKind::ReviewsAndLitigation
        ]
    );
    assert!(
        r.sections
            .iter()
            .all(|s| s.heading.matched == HeadingMatch::Absent)
    );
    assert_eq!(
        diagnostics(&r, DiagnosticCode::TableWithoutHeading).len(),
        3
    );
    assert_tables_read(&r);
}

#[test]
fn a_sentence_naming_table_rows_is_not_a_table() {
    let mut headings = OFFICIAL;
    headings[2] = "";
    let text = report(headings).replacen(
        &table3(),
        "本年新收政府信息公开申请5件,上年结转1件,予以公开3件,部分公开1件,不予公开2件,结转下年度0件。\n",
        1,
    );
    let r = parse_report(&text);
    assert!(r.section(SectionKind::Requests).is_none());
    assert!(r.table3().is_none());
    assert!(diagnostics(&r, DiagnosticCode::TableWithoutHeading).is_empty());
}

#[test]
fn heading_match_serializes_in_snake_case() {
    for (matched, name) in [
        (HeadingMatch::Official, "\"official\""),
        (HeadingMatch::Variant, "\"variant\""),
        (HeadingMatch::Absent, "\"absent\""),
    ] {
        assert_eq!(serde_json::to_string(&matched).unwrap(), name);
    }
}
