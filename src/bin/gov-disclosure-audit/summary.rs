//! The summary of a batch: what each report came to, tables found, parse
//! diagnostics by severity and code, findings by rule — failed apart from
//! not assessable. Printed after a text audit, and part of the JSON.

use crate::Audited;
use crate::fold::rule_id;
use crate::lang::Lang;
use gov_disclosure_report::validate::Status;
use gov_disclosure_report::{Severity, Template};
use serde::Serialize;
use std::collections::BTreeMap;

/// What one report came to, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Not a report, a parse error, or an error-severity finding that fails.
    Failed,
    /// An error-severity rule that could not be assessed (blank or unreadable
    /// cells), and nothing failed.
    NotAssessable,
    /// Only warnings (findings or parse diagnostics).
    Warnings,
    /// Nothing above info.
    Clean,
}

/// The outcome of one audited report.
pub fn outcome(a: &Audited) -> Outcome {
    let error_finding = |status| {
        a.findings
            .iter()
            .any(|f| f.severity == Severity::Error && f.status == status)
    };
    if a.not_a_report || a.report.has_errors() || error_finding(Status::Fail) {
        Outcome::Failed
    } else if error_finding(Status::NotAssessable) {
        Outcome::NotAssessable
    } else if a.findings.iter().any(|f| f.severity == Severity::Warning)
        || a.report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning)
    {
        Outcome::Warnings
    } else {
        Outcome::Clean
    }
}

/// Reports that have a table of one template.
#[derive(Debug, Serialize)]
pub struct TableCount {
    /// `t2`, `t3` or `t4`.
    pub table: &'static str,
    /// `2019` or `2021` (table 4 has one form: `any`).
    pub template: &'static str,
    /// Reports with it.
    pub reports: usize,
}

/// Parse diagnostics of one code.
#[derive(Debug, Serialize)]
pub struct CodeCount {
    /// The code, e.g. `P-ROW-EMPTY`.
    pub code: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// How many, over all reports.
    pub count: usize,
}

/// Findings of one rule.
#[derive(Debug, Serialize)]
pub struct RuleCount {
    /// The rule id, e.g. `T3.BAL`.
    pub rule: String,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// Findings where the rule does not hold.
    pub fail: usize,
    /// Findings where it could not be assessed.
    pub not_assessable: usize,
}

/// Parse diagnostics by severity.
#[derive(Debug, Default, Serialize)]
pub struct BySeverity {
    /// Error-severity diagnostics.
    pub error: usize,
    /// Warning-severity diagnostics.
    pub warning: usize,
    /// Info-severity diagnostics (notes).
    pub info: usize,
}

/// Counts over a batch.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Inputs read and parsed (reports or not).
    pub reports: usize,
    /// Inputs that could not be read or decoded.
    pub unreadable: usize,
    /// Inputs read that are not annual reports.
    pub not_reports: usize,
    /// Reports where all six sections were found.
    pub all_six_sections: usize,
    /// Reports that failed: not a report, a parse error, or an
    /// error-severity finding that fails.
    pub failed: usize,
    /// Reports not failed where an error-severity rule could not be assessed.
    pub not_assessable: usize,
    /// Reports with warnings only.
    pub warnings_only: usize,
    /// Reports with nothing above info.
    pub clean: usize,
    /// Parse diagnostics by severity.
    pub diagnostics_by_severity: BySeverity,
    /// Tables found, by table and template.
    pub tables: Vec<TableCount>,
    /// Parse diagnostics by code.
    pub diagnostics: Vec<CodeCount>,
    /// Findings by rule.
    pub findings: Vec<RuleCount>,
}

impl Summary {
    /// Counts a batch.
    pub fn of(audited: &[Audited], unreadable: usize) -> Summary {
        let mut s = Summary {
            unreadable,
            ..Summary::default()
        };
        let mut tables: BTreeMap<(&'static str, &'static str), usize> = BTreeMap::new();
        let mut codes: BTreeMap<&'static str, (Severity, usize)> = BTreeMap::new();
        let mut rules: BTreeMap<String, (Severity, usize, usize)> = BTreeMap::new();
        let template = |t: Template| t.as_str();
        for a in audited {
            s.reports += 1;
            s.not_reports += usize::from(a.not_a_report);
            s.all_six_sections += usize::from(a.report.sections.len() == 6);
            match outcome(a) {
                Outcome::Failed => s.failed += 1,
                Outcome::NotAssessable => s.not_assessable += 1,
                Outcome::Warnings => s.warnings_only += 1,
                Outcome::Clean => s.clean += 1,
            }
            if let Some(t) = a.report.table2() {
                *tables.entry(("t2", template(t.template))).or_default() += 1;
            }
            if let Some(t) = a.report.table3() {
                *tables.entry(("t3", template(t.template))).or_default() += 1;
            }
            if a.report.table4().is_some() {
                *tables.entry(("t4", "any")).or_default() += 1;
            }
            for d in &a.report.diagnostics {
                match d.severity {
                    Severity::Error => s.diagnostics_by_severity.error += 1,
                    Severity::Warning => s.diagnostics_by_severity.warning += 1,
                    Severity::Info => s.diagnostics_by_severity.info += 1,
                }
                codes.entry(d.code.as_str()).or_insert((d.severity, 0)).1 += 1;
            }
            for f in &a.findings {
                let entry = rules
                    .entry(rule_id(f).to_string())
                    .or_insert((f.severity, 0, 0));
                match f.status {
                    Status::Fail => entry.1 += 1,
                    Status::NotAssessable => entry.2 += 1,
                    _ => {}
                }
            }
        }
        s.tables = tables
            .into_iter()
            .map(|((table, template), reports)| TableCount {
                table,
                template,
                reports,
            })
            .collect();
        s.diagnostics = codes
            .into_iter()
            .map(|(code, (severity, count))| CodeCount {
                code,
                severity: severity.as_str(),
                count,
            })
            .collect();
        s.findings = rules
            .into_iter()
            .map(|(rule, (severity, fail, not_assessable))| RuleCount {
                rule,
                severity: severity.as_str(),
                fail,
                not_assessable,
            })
            .collect();
        s
    }

    /// A plain-text table in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let l = |zh, en| lang.pick(zh, en);
        let mut out = String::new();
        let mut line = |label: &str, n: usize| {
            out.push_str(&format!("  {label}{:>pad$}\n", n, pad = 34 - width(label)));
        };
        let title = l("汇总", "summary");
        line(l("读取的报告", "reports read"), self.reports);
        line(l("无法读取的文件", "files not read"), self.unreadable);
        line(l("不是年度报告", "not reports"), self.not_reports);
        line(
            l("六个部分齐全", "with all six sections"),
            self.all_six_sections,
        );
        for t in &self.tables {
            let label = match t.table {
                "t4" => l("表四", "table 4").to_string(),
                other => format!(
                    "{} {}",
                    match other {
                        "t2" => l("表二", "table 2"),
                        _ => l("表三", "table 3"),
                    },
                    t.template
                ),
            };
            line(&label, t.reports);
        }
        line(l("未通过（错误）", "reports failed (errors)"), self.failed);
        line(
            l("无法评估（错误规则）", "reports not assessable"),
            self.not_assessable,
        );
        line(
            l("仅有警告", "reports with warnings only"),
            self.warnings_only,
        );
        line(l("无问题", "reports clean"), self.clean);
        let d = &self.diagnostics_by_severity;
        out.push_str(&format!(
            "  {} error {}  warning {}  info {}\n",
            l("解析诊断", "parse diagnostics"),
            d.error,
            d.warning,
            d.info
        ));
        if !self.findings.is_empty() {
            out.push_str(&format!(
                "  {}{}{:>8}{:>16}\n",
                pad(l("规则", "rule"), 22),
                pad(l("严重性", "severity"), 10),
                "fail",
                "not_assessable"
            ));
            for r in &self.findings {
                out.push_str(&format!(
                    "    {:<20}{:<10}{:>8}{:>16}\n",
                    r.rule, r.severity, r.fail, r.not_assessable
                ));
            }
        }
        if !self.diagnostics.is_empty() {
            out.push_str(&format!(
                "  {}{}{:>8}\n",
                pad(l("解析诊断代码", "parse diagnostic"), 22),
                pad(l("严重性", "severity"), 10),
                "count"
            ));
            for c in &self.diagnostics {
                out.push_str(&format!(
                    "    {:<20}{:<10}{:>8}\n",
                    c.code, c.severity, c.count
                ));
            }
        }
        format!("\n{title}\n{out}")
    }
}

/// `s` padded with spaces to `columns` display columns.
fn pad(s: &str, columns: usize) -> String {
    format!("{s}{}", " ".repeat(columns.saturating_sub(width(s))))
}

/// Display width: wide (CJK) chars take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}
