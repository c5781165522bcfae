//! The title against the rest of the report: the statistic period against
//! the report year (S.PERIOD), the signature against the agency (S.AGENCY).

use super::identity::simple;
use super::{Finding, Rule, Status};
use crate::ast::AnnualReport;
use crate::diagnostic::DiagnosticCode;

/// S.PERIOD and S.AGENCY.
pub fn title_agreement(report: &AnnualReport, out: &mut Vec<Finding>) {
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
}
