//! The report's outline: the six statutory sections in order (S.SIX), the
//! tables under sections 二, 三 and 四 (S.TABLES), heading numbers against
//! the statutory order (S.NUMBERING).

use super::identity::simple;
use super::{Finding, Rule, Status};
use crate::ast::{AnnualReport, SectionKind};
use crate::diagnostic::DiagnosticCode;
use crate::span::Span;

/// S.SIX: each statutory section present, none out of order.
pub fn six_sections(report: &AnnualReport, out: &mut Vec<Finding>) {
    let end = Span::new(report.span.end, report.span.end);
    for kind in SectionKind::ALL {
        if report.section(kind).is_none() {
            out.push(simple(
                Rule::SSix,
                Status::Fail,
                format!("section{}", kind.number()),
                end,
                Vec::new(),
                format!("缺少第{}部分“{}”", kind.number(), kind.official_heading()),
                format!(
                    "section {} ({}) is missing",
                    kind.number(),
                    kind.official_heading()
                ),
            ));
        }
    }
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::SectionOutOfOrder)
    {
        out.push(simple(
            Rule::SSix,
            Status::Fail,
            "order",
            d.span,
            Vec::new(),
            "章节顺序错乱：一个章节标题出现在后面的章节之后".to_string(),
            format!("sections out of order: {}", d.message),
        ));
    }
}

/// S.TABLES: sections 二/三/四 with a heading but no table.
pub fn tables(report: &AnnualReport, out: &mut Vec<Finding>) {
    for kind in [
        SectionKind::ProactiveDisclosure,
        SectionKind::Requests,
        SectionKind::ReviewsAndLitigation,
    ] {
        if let Some(section) = report.section(kind)
            && section.table.is_none()
        {
            out.push(simple(
                Rule::STables,
                Status::Fail,
                format!("section{}", kind.number()),
                section.heading.span,
                Vec::new(),
                format!("第{}部分有标题但没有可识别的表格", kind.number()),
                format!(
                    "section {} has a heading but no readable table",
                    kind.number()
                ),
            ));
        }
    }
}

/// S.NUMBERING: a heading numbered otherwise than its statutory place.
pub fn numbering(report: &AnnualReport, out: &mut Vec<Finding>) {
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
}
