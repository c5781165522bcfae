//! What sections 五 and 六 say: section 五 has content (S.SEC5) and reports
//! on last year's problems (S.SEC5-PREV); section 六 of a 2021-template
//! report states the information processing fees (S.SEC6-FEE).

use super::identity::simple;
use super::{Finding, Rule, Status};
use crate::ast::{AnnualReport, SectionKind, Template};

/// The narrative of section `kind`, its paragraphs joined.
pub fn section_text(report: &AnnualReport, kind: SectionKind) -> Option<String> {
    report
        .section(kind)
        .map(|s| s.paragraphs.iter().map(|p| p.text.as_str()).collect())
}

/// S.SEC5: section 五 without real content.
pub fn section_five(report: &AnnualReport, out: &mut Vec<Finding>) {
    if let Some(section) = report.section(SectionKind::ProblemsAndImprovements) {
        let content: String = section.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let chars = content
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '。' | '.' | '无'))
            .count();
        if chars < 10 {
            out.push(simple(
                Rule::SSec5,
                Status::Fail,
                "section5",
                section.span,
                Vec::new(),
                "第五部分“存在的主要问题及改进情况”没有实质内容".to_string(),
                "section 5 (problems and improvements) has no real content".to_string(),
            ));
        }
    }
}

/// S.SEC5-PREV: section 五 silent on last year's problems.
pub fn last_years_problems(report: &AnnualReport, out: &mut Vec<Finding>) {
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
}

/// S.SEC6-FEE: section 六 of a 2021-template report silent on 信息处理费.
pub fn processing_fees(report: &AnnualReport, out: &mut Vec<Finding>) {
    let v2021 = report.table3().map(|t| t.template) == Some(Template::V2021)
        || report.table2().map(|t| t.template) == Some(Template::V2021);
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
}
