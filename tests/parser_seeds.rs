//! The five real seed reports: sections, heading spans, metadata, tables and
//! the diagnostics their damage should produce.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use gov_disclosure_report::{
    AnnualReport, ApplicantColumn, CellValue, DiagnosticCode, FactKey, ProactiveColumn,
    ProactiveItem, RequestsRowKey, SectionKind, Template, parse_report,
};

fn seed(prefix: &str) -> (String, AnnualReport) {
    let path = common::texts("seeds")
        .into_iter()
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let report = parse_report(&text);
    (text, report)
}

fn numbers(report: &AnnualReport) -> Vec<u8> {
    report.sections.iter().map(|s| s.kind.number()).collect()
}

fn has(report: &AnnualReport, code: DiagnosticCode) -> bool {
    report.diagnostics.iter().any(|d| d.code == code)
}

#[test]
fn seed_000_tab_cells_with_arabic_heading_and_garbled_rows() {
    let (text, r) = seed("000");
    assert_eq!(r.agency.as_ref().unwrap().value, "乌苏市农业农村局");
    assert_eq!(r.year.as_ref().unwrap().value, 2020);
    assert!(r.published.is_none(), "seed 000 has no signature date");
    assert_eq!(numbers(&r), vec![1, 2, 3, 4, 5, 6]);
    let requests = r.section(SectionKind::Requests).unwrap();
    assert_eq!(requests.heading.number, 3);
    assert_eq!(
        requests.heading.span.slice(&text),
        Some("3、 收到和处理政府信息公开申请情况")
    );
    let t2 = r.table2().unwrap();
    assert_eq!(t2.template, Template::V2019);
    let change = t2
        .cell(ProactiveItem::Licensing, ProactiveColumn::Change)
        .unwrap();
    assert_eq!(change.value, CellValue::Integer(-4));
    assert_eq!(change.span.slice(&text), Some("-4"));
    // （八）（九） rows carry three numbers under two headers: the extra is set aside.
    assert!(has(&r, DiagnosticCode::RowExtraCells));
    let t3 = r.table3().unwrap();
    assert_eq!(t3.template, Template::V2019);
    assert_eq!(t3.rows.len(), 23);
    // Sub-row labels replaced by numbers: rows read by position.
    assert!(has(&r, DiagnosticCode::RowByOrder));
    // 四、结转下年度继续办理 has no cells: present, all empty, never 0.
    let carried = t3.row(RequestsRowKey::CarriedForward).unwrap();
    assert!(carried.cells.iter().all(|c| c.value == CellValue::Empty));
    assert!(has(&r, DiagnosticCode::RowEmpty));
    assert_eq!(r.table4().unwrap().cells.len(), 15);
}

#[test]
fn seed_001_single_flat_line_without_tables() {
    let (text, r) = seed("001");
    assert_eq!(r.agency.as_ref().unwrap().value, "定西市农业农村局");
    assert_eq!(r.year.as_ref().unwrap().value, 2020);
    assert_eq!(
        r.published.as_ref().unwrap().value.to_string(),
        "2021-02-05"
    );
    assert_eq!(numbers(&r), vec![1, 2, 3, 4, 5]);
    let overview = r.section(SectionKind::Overview).unwrap();
    assert!(overview.heading.inline);
    assert_eq!(overview.heading.span.slice(&text), Some("一、总体情况"));
    assert_eq!(
        r.section(SectionKind::Requests)
            .unwrap()
            .heading
            .span
            .slice(&text),
        Some("三、收到和处理政务信息公开申请情况")
    );
    assert_eq!(
        r.section(SectionKind::ProblemsAndImprovements)
            .unwrap()
            .heading
            .span
            .slice(&text),
        Some("五、存在的主要问题及改进措施")
    );
    assert!(r.table2().is_none() && r.table3().is_none() && r.table4().is_none());
    assert!(has(&r, DiagnosticCode::TableMissing));
    assert!(has(&r, DiagnosticCode::SectionMissing));
    assert!(r.facts().all(|f| matches!(f.key, FactKey::Meta(_))));
    // The web page chrome is gone from the tree.
    let all_text: String = r
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    assert!(!all_text.contains("分享到") && !all_text.contains("打印本页"));
}

#[test]
fn seed_002_two_line_title_and_lead_in() {
    let (text, r) = seed("002");
    assert_eq!(r.agency.as_ref().unwrap().value, "吉尔格勒特郭楞蒙古民族乡");
    assert_eq!(
        r.agency.as_ref().unwrap().span.slice(&text),
        Some("吉尔格勒特郭楞蒙古民族乡")
    );
    assert_eq!(r.year.as_ref().unwrap().value, 2020);
    assert_eq!(numbers(&r), vec![1, 2, 3, 4, 5, 6]);
    let t2 = r.table2().unwrap();
    let amount = t2
        .cell(ProactiveItem::Procurement, ProactiveColumn::Amount)
        .unwrap();
    assert_eq!(amount.value, CellValue::Integer(799100));
    // The lead-in sentence is a paragraph of section 二, not a table row.
    let proactive = r.section(SectionKind::ProactiveDisclosure).unwrap();
    assert!(
        proactive
            .paragraphs
            .iter()
            .any(|p| p.text.contains("该部分以表格形式报告"))
    );
    assert!(
        r.preamble
            .iter()
            .any(|p| p.text.contains("中华人民共和国政府信息公开条例"))
    );
}

#[test]
fn seed_003_pipe_rows_and_hybrid_templates() {
    let (_, r) = seed("003");
    assert_eq!(r.agency.as_ref().unwrap().value, "鼎城区乡村振兴局");
    assert_eq!(r.year.as_ref().unwrap().value, 2021);
    assert_eq!(numbers(&r), vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(r.table2().unwrap().template, Template::V2021);
    assert_eq!(r.table3().unwrap().template, Template::V2019);
    // “（二）主动公开政府信息情况。” inside 总体情况 is a sub-topic, not section 二.
    let overview = r.section(SectionKind::Overview).unwrap();
    assert!(
        overview
            .paragraphs
            .iter()
            .any(|p| p.text.starts_with("(二)主动公开政府信息情况"))
    );
    let regs = r
        .table2()
        .unwrap()
        .cell(ProactiveItem::Regulations, ProactiveColumn::InForce)
        .unwrap();
    assert_eq!(regs.value, CellValue::Integer(95));
}

#[test]
fn seed_004_ideographic_indent_and_signature() {
    let (text, r) = seed("004");
    assert_eq!(r.agency.as_ref().unwrap().value, "安丘市农机服务中心");
    assert_eq!(
        r.published.as_ref().unwrap().value.to_string(),
        "2021-01-22"
    );
    assert_eq!(
        r.published.as_ref().unwrap().span.slice(&text),
        Some("2021年1月22日")
    );
    assert_eq!(numbers(&r), vec![1, 2, 3, 4, 5, 6]);
    let problems = r.section(SectionKind::ProblemsAndImprovements).unwrap();
    assert_eq!(problems.heading.number, 5);
    assert_eq!(
        problems.heading.span.slice(&text),
        Some("5、 存在的主要问题及改进情况")
    );
    let proactive = r.section(SectionKind::ProactiveDisclosure).unwrap();
    assert_eq!(
        proactive.heading.span.slice(&text),
        Some("二、主动公开政府信息情况")
    );
    let t3 = r.table3().unwrap();
    let total = t3
        .cell(RequestsRowKey::TotalProcessed, ApplicantColumn::Total)
        .unwrap();
    assert_eq!(total.value, CellValue::Integer(0));
    assert_eq!(t3.rows.len(), 23);
}

#[test]
fn every_seed_heading_slices_to_the_heading_as_printed() {
    for path in common::texts("seeds") {
        let text = std::fs::read_to_string(&path).unwrap();
        let r = parse_report(&text);
        for s in &r.sections {
            let printed = s.heading.span.slice(&text).unwrap();
            assert!(
                printed.trim() == printed && !printed.is_empty(),
                "{printed:?}"
            );
            let title = printed.split(['、', '.']).nth(1).unwrap_or("").trim();
            assert!(!title.is_empty(), "{printed:?}");
            assert!(s.span.contains(s.heading.span));
        }
    }
}

#[test]
fn narrative_sections_keep_every_line() {
    for path in common::texts("seeds") {
        let text = std::fs::read_to_string(&path).unwrap();
        let r = parse_report(&text);
        for s in r.sections.iter().filter(|s| s.table.is_none()) {
            // Every non-blank line of the section body is a paragraph.
            let body = &text[s.heading.span.end..s.span.end];
            let lines = body
                .lines()
                .skip(1)
                .filter(|l| {
                    !gov_disclosure_report::unstable_internals::normalize(l)
                        .text()
                        .trim()
                        .is_empty()
                })
                .count();
            assert!(
                s.paragraphs.len() >= lines,
                "{}: {:?} has {} paragraphs for {lines} lines",
                path.display(),
                s.kind,
                s.paragraphs.len()
            );
        }
    }
    let (_, r) = seed("004");
    let problems = r.section(SectionKind::ProblemsAndImprovements).unwrap();
    assert!(problems.paragraphs.len() >= 5);
    assert!(
        problems
            .paragraphs
            .iter()
            .any(|p| p.text.contains("改进措施"))
    );
}
