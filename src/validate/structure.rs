//! Structure rules (S.*) and the template version (X.VERSION).

use super::check::simple;
use super::{Finding, Rule, Status};
use crate::ast::{AnnualReport, CellValue, SectionKind, Template};
use crate::diagnostic::DiagnosticCode;
use crate::span::Span;

/// S.SIX, S.TABLES, S.HYBRID, X.VERSION, S.SEC5, S.EMPTY.
pub fn structure(report: &AnnualReport, out: &mut Vec<Finding>) {
    let end = Span::new(report.span.end, report.span.end);
    // S.SIX: each statutory section present, in order.
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
    // S.TABLES: sections 二/三/四 with a heading but no table.
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
    let t2 = report.table2().map(|t| t.template);
    let t3 = report.table3().map(|t| t.template);
    // S.HYBRID: tables 2 and 3 from different templates.
    if let (Some(a), Some(b)) = (t2, t3)
        && a != b
    {
        let span = report.table3().map(|t| t.span).unwrap_or_default();
        out.push(simple(
            Rule::SHybrid,
            Status::Fail,
            "templates",
            span,
            Vec::new(),
            format!("表二采用{}版格式，表三采用{}版格式", a.as_str(), b.as_str()),
            format!(
                "table 2 follows the {} template, table 3 the {} one",
                a.as_str(),
                b.as_str()
            ),
        ));
    }
    // X.VERSION: template against the report year.
    if let Some(year) = report.year.as_ref().map(|y| y.value) {
        let expected = if year >= 2021 {
            Template::V2021
        } else {
            Template::V2019
        };
        for (name, template, span) in [
            ("表二", t2, report.table2().map(|t| t.span)),
            ("表三", t3, report.table3().map(|t| t.span)),
        ] {
            if let Some(template) = template
                && template != expected
            {
                let en = if name == "表二" {
                    "table 2"
                } else {
                    "table 3"
                };
                out.push(simple(
                    Rule::XVersion,
                    Status::Fail,
                    if name == "表二" { "t2" } else { "t3" },
                    span.unwrap_or_default(),
                    Vec::new(),
                    format!(
                        "{year}年度报告的{name}采用{}版格式，应为{}版",
                        template.as_str(),
                        expected.as_str()
                    ),
                    format!(
                        "the {year} report's {en} follows the {} template instead of {}",
                        template.as_str(),
                        expected.as_str()
                    ),
                ));
            }
        }
    }
    // S.SEC5: section 五 without real content.
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
    // S.EMPTY: many blank or placeholder cells.
    let blanks = |cells: Vec<&CellValue>| {
        cells
            .into_iter()
            .filter(|v| matches!(v, CellValue::Empty | CellValue::Placeholder))
            .count()
    };
    if let Some(t) = report.table3() {
        let n = blanks(
            t.rows
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| &c.value))
                .collect(),
        );
        if n > 10 {
            out.push(simple(
                Rule::SEmpty,
                Status::Fail,
                "t3",
                t.span,
                Vec::new(),
                format!("表三有{n}个空白或“/”单元格"),
                format!("table 3 has {n} blank or placeholder cells"),
            ));
        }
    }
    if let Some(t) = report.table4() {
        let n = blanks(t.cells.iter().map(|c| &c.value).collect());
        if n > 5 {
            out.push(simple(
                Rule::SEmpty,
                Status::Fail,
                "t4",
                t.span,
                Vec::new(),
                format!("表四有{n}个空白或“/”单元格"),
                format!("table 4 has {n} blank or placeholder cells"),
            ));
        }
    }
}
