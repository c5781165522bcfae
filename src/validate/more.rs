//! The remaining catalogue rules: subtotal lines (T3.SUB), cross-table
//! checks (C.FEE6, C.T3T4), correction rate (T4.W1), and report-quality
//! audits (S.NUMBERING, S.PERIOD, S.AGENCY, S.SEC5-PREV, S.SEC6-FEE, S.TEXTQ).

use super::check::{Key, Term, cell_of, number, simple};
use super::{Finding, Rule, Status};
use crate::ast::{
    AnnualReport, ApplicantColumn, RequestsRowKey, RequestsTable, ReviewGroup, ReviewOutcome,
    SectionKind, Template,
};
use crate::diagnostic::DiagnosticCode;
use crate::grammar::label::{RequestsLabel, normalize_label, requests_label};

/// The sub-rows of a table 3 group whose first child is `first`.
fn group_children(template: Template, first: RequestsRowKey) -> Vec<RequestsRowKey> {
    let rows = RequestsRowKey::rows(template);
    let group = |r: &RequestsRowKey| r.key().split('.').next().map(str::to_string);
    let name = group(&first);
    rows.into_iter()
        .filter(|r| r.is_result_leaf() && group(r) == name)
        .collect()
}

/// T3.SUB: a subtotal printed on a group caption equals its sub-rows.
pub fn subtotals(t: &RequestsTable, out: &mut Vec<Finding>) {
    for extra in &t.extra_rows {
        let Some(label) = &extra.label else { continue };
        let Some(RequestsLabel::Group(first)) = requests_label(&normalize_label(&label.text))
        else {
            continue;
        };
        let children = group_children(t.template, first);
        if children.len() < 2 || extra.cells.len() != ApplicantColumn::ALL.len() {
            continue;
        }
        for (column, cell) in ApplicantColumn::ALL.iter().zip(&extra.cells) {
            let Some(subtotal) = cell.value.as_f64() else {
                continue;
            };
            let parts: Option<f64> = children
                .iter()
                .map(|r| t.cell(*r, *column).and_then(|c| c.value.as_f64()))
                .sum();
            let Some(sum) = parts else { continue };
            if (sum - subtotal).abs() > 1e-9 {
                let mut cells = vec![super::FindingCell {
                    key: format!("t3.{}.{}", label.text, column.key()),
                    raw: cell.raw.clone(),
                    span: cell.span,
                    year: None,
                }];
                cells.extend(children.iter().filter_map(|r| {
                    cell_of(&Term::new(
                        Key::cell("t3", r.key(), column.key()),
                        "",
                        "",
                        t.cell(*r, *column),
                    ))
                }));
                out.push(Finding {
                    expected: Some(sum),
                    found: Some(subtotal),
                    difference: Some(subtotal - sum),
                    ..simple(
                        Rule::T3Sub,
                        Status::Fail,
                        format!(
                            "{}.{}",
                            first.key().split('.').next().unwrap_or(""),
                            column.key()
                        ),
                        cell.span,
                        cells,
                        format!(
                            "表三 {} 小计({})不等于其分项之和({})",
                            label.text,
                            number(subtotal),
                            number(sum)
                        ),
                        format!(
                            "Table 3, subtotal on {} ({}) differs from its sub-rows ({})",
                            label.text,
                            number(subtotal),
                            number(sum)
                        ),
                    )
                });
            }
        }
    }
}

fn total_of(report: &AnnualReport, row: RequestsRowKey) -> Option<(f64, Term<'_>)> {
    let cell = report.table3()?.cell(row, ApplicantColumn::Total);
    let term = Term::new(
        Key::cell("t3", row.key(), "total"),
        row.key(),
        row.key(),
        cell,
    );
    Some((cell?.value.as_f64()?, term))
}

fn section_text(report: &AnnualReport, kind: SectionKind) -> Option<String> {
    report
        .section(kind)
        .map(|s| s.paragraphs.iter().map(|p| p.text.as_str()).collect())
}

/// C.FEE6, C.T3T4, T4.W1.
pub fn cross_table(report: &AnnualReport, out: &mut Vec<Finding>) {
    // C.FEE6: fee notices issued (V2021 （六）2) but section 六 is silent on 信息处理费.
    if let Some((fees, term)) = total_of(report, RequestsRowKey::OtherFeeUnpaid)
        && fees > 0.0
        && let Some(six) = section_text(report, SectionKind::OtherMatters)
        && !six.contains("信息处理费")
    {
        let span = report
            .section(SectionKind::OtherMatters)
            .map(|s| s.span)
            .unwrap_or_default();
        out.push(simple(
            Rule::CFee6,
            Status::Fail,
            "section6",
            span,
            cell_of(&term).into_iter().collect(),
            format!("表三有{}件因逾期未缴费不再处理，第六部分未提及信息处理费", number(fees)),
            format!("table 3 counts {} applications dropped for unpaid fees; section 6 does not mention 信息处理费", number(fees)),
        ));
    }
    // C.T3T4: review or litigation cases while no application was received or carried over.
    if let (Some((new, a)), Some((over, b))) = (
        total_of(report, RequestsRowKey::NewReceived),
        total_of(report, RequestsRowKey::CarriedOver),
    ) && new + over == 0.0
        && let Some(t4) = report.table4()
    {
        let totals: Vec<_> = ReviewGroup::ALL
            .iter()
            .filter_map(|g| t4.cell(*g, ReviewOutcome::Total))
            .collect();
        let cases: f64 = totals.iter().filter_map(|c| c.value.as_f64()).sum();
        if cases > 0.0 {
            let mut cells: Vec<_> = [a, b].iter().filter_map(cell_of).collect();
            cells.extend(totals.iter().map(|c| super::FindingCell {
                key: "t4.total".into(),
                raw: c.raw.clone(),
                span: c.span,
                year: None,
            }));
            out.push(simple(
                Rule::CT3T4,
                Status::Fail,
                "t4",
                t4.span,
                cells,
                format!("本年无新收和结转申请，表四却有{}件复议、诉讼（可能源于往年案件）", number(cases)),
                format!("no application this year or carried over, yet {} review or litigation cases (possibly older cases)", number(cases)),
            ));
        }
    }
    // T4.W1: a high correction rate (纠错率) in reconsideration.
    if let Some(t4) = report.table4()
        && let (Some(corrected), Some(total)) = (
            t4.cell(ReviewGroup::Review, ReviewOutcome::Corrected),
            t4.cell(ReviewGroup::Review, ReviewOutcome::Total),
        )
        && let (Some(c), Some(n)) = (corrected.value.as_f64(), total.value.as_f64())
        && n >= 5.0
        && c / n > 0.15
    {
        let cells = vec![
            super::FindingCell {
                key: "t4.review.corrected".into(),
                raw: corrected.raw.clone(),
                span: corrected.span,
                year: None,
            },
            super::FindingCell {
                key: "t4.review.total".into(),
                raw: total.raw.clone(),
                span: total.span,
                year: None,
            },
        ];
        out.push(simple(
            Rule::T4W1,
            Status::Fail,
            "review",
            corrected.span,
            cells,
            format!(
                "行政复议纠错率{:.0}%（{}/{}），偏高",
                100.0 * c / n,
                number(c),
                number(n)
            ),
            format!(
                "reconsideration correction rate {:.0}% ({}/{}) is high",
                100.0 * c / n,
                number(c),
                number(n)
            ),
        ));
    }
}

/// S.NUMBERING, S.PERIOD, S.AGENCY, S.SEC5-PREV, S.SEC6-FEE, S.TEXTQ.
pub fn quality(report: &AnnualReport, out: &mut Vec<Finding>) {
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::SectionNumberMismatch)
    {
        out.push(simple(
            Rule::SNumbering,
            Status::Fail,
            "heading",
            d.span,
            Vec::new(),
            format!("章节序号与法定顺序不符：{}", d.message),
            d.message.clone(),
        ));
    }
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::YearMismatch)
    {
        out.push(simple(
            Rule::SPeriod,
            Status::Fail,
            "period",
            d.span,
            Vec::new(),
            format!("统计期限与报告年度不符：{}", d.message),
            d.message.clone(),
        ));
    }
    // S.AGENCY: the signature names another agency than the title.
    if let (Some(agency), Some(published)) = (&report.agency, &report.published)
        && let Some(last) = report.sections.last()
        && let Some(line) = last
            .paragraphs
            .iter()
            .rev()
            .find(|p| p.span.contains(published.span))
    {
        let signer: String = line
            .text
            .chars()
            .take_while(|c| {
                !c.is_ascii_digit() && crate::grammar::ordinal::chinese_digit(*c).is_none()
            })
            .filter(|c| !c.is_whitespace())
            .collect();
        let signer = signer
            .rsplit(['。', ':', '：'])
            .next()
            .unwrap_or("")
            .to_string();
        if signer.chars().count() >= 4
            && !signer.contains(&agency.value)
            && !agency.value.contains(&signer)
        {
            out.push(simple(
                Rule::SAgency,
                Status::Fail,
                "signature",
                line.span,
                Vec::new(),
                format!("落款单位“{signer}”与标题中的“{}”不一致", agency.value),
                format!(
                    "the signature names \"{signer}\", the title \"{}\"",
                    agency.value
                ),
            ));
        }
    }
    let v2021 = report.table3().map(|t| t.template) == Some(Template::V2021)
        || report.table2().map(|t| t.template) == Some(Template::V2021);
    if let Some(five) = section_text(report, SectionKind::ProblemsAndImprovements)
        && five.chars().count() >= 10
        && !["上年", "上一年", "去年", "整改"]
            .iter()
            .any(|w| five.contains(w))
        && let Some(section) = report.section(SectionKind::ProblemsAndImprovements)
    {
        out.push(simple(
            Rule::SSec5Prev,
            Status::Fail,
            "section5",
            section.heading.span,
            Vec::new(),
            "第五部分未提及上年问题的整改情况".to_string(),
            "section 5 does not mention how last year's problems were rectified".to_string(),
        ));
    }
    if v2021
        && let Some(section) = report.section(SectionKind::OtherMatters)
        && !section
            .paragraphs
            .iter()
            .any(|p| p.text.contains("信息处理费") || p.text.contains("处理费"))
    {
        out.push(simple(
            Rule::SSec6Fee,
            Status::Fail,
            "section6",
            section.heading.span,
            Vec::new(),
            "第六部分未报告信息处理费收取情况".to_string(),
            "section 6 does not report information processing fees (信息处理费)".to_string(),
        ));
    }
    // S.TEXTQ: a doubled word of two or more characters (资金资金).
    for p in report
        .preamble
        .iter()
        .chain(report.sections.iter().flat_map(|s| s.paragraphs.iter()))
    {
        if let Some(word) = doubled_word(&p.text) {
            out.push(simple(
                Rule::STextQ,
                Status::Fail,
                "text",
                p.span,
                Vec::new(),
                format!("疑似重复用词“{word}{word}”"),
                format!("doubled word \"{word}{word}\""),
            ));
        }
    }
}

/// A CJK word of 2–4 chars written twice in a row.
fn doubled_word(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for len in 2..=4usize {
        for start in 0..chars.len().saturating_sub(2 * len - 1) {
            // Cheap first test: the first chars of both halves agree.
            if chars.get(start) != chars.get(start + len) {
                continue;
            }
            let (Some(a), Some(b)) = (
                chars.get(start..start + len),
                chars.get(start + len..start + 2 * len),
            ) else {
                continue;
            };
            if a == b && a.iter().all(|c| crate::grammar::is_cjk(*c)) && a.first() != a.get(1) {
                return Some(a.iter().collect());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_words() {
        assert_eq!(doubled_word("加强资金资金管理").as_deref(), Some("资金"));
        assert_eq!(doubled_word("人人参与，常常检查"), None);
        assert_eq!(doubled_word("一是加强培训"), None);
    }
}
