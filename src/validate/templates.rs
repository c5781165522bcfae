//! Template versions: tables 2 and 3 from one template (S.HYBRID), and the
//! template the report year calls for (X.VERSION).

use super::identity::simple;
use super::{Finding, Rule, Status};
use crate::ast::{AnnualReport, Template};

/// S.HYBRID and X.VERSION.
pub fn templates(report: &AnnualReport, out: &mut Vec<Finding>) {
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
}
