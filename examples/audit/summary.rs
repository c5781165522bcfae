//! The summary printed at the end of a text audit (and included in JSON).

use gov_disclosure_report::validate::Finding;
use gov_disclosure_report::{AnnualReport, Severity, Template};
use serde::Serialize;
use std::collections::BTreeMap;

/// Counts over a batch.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Reports read and parsed.
    pub reports: usize,
    /// Files that could not be read or decoded.
    pub unreadable: usize,
    /// Reports where all six sections were found.
    pub all_six_sections: usize,
    /// Tables found, by table and template: `t2_2019`, `t2_2021`, `t3_2019`, `t3_2021`, `t4`.
    pub tables: BTreeMap<String, usize>,
    /// Findings by rule, then by severity.
    pub findings: BTreeMap<String, BTreeMap<String, usize>>,
    /// Reports with at least one error-severity finding.
    pub reports_with_errors: usize,
    /// Reports with at least one warning-severity finding.
    pub reports_with_warnings: usize,
}

impl Summary {
    /// Adds one report and its findings.
    pub fn add(&mut self, report: &AnnualReport, findings: &[Finding]) {
        self.reports += 1;
        if report.sections.len() == 6 {
            self.all_six_sections += 1;
        }
        let template = |t: Template| t.as_str().to_string();
        if let Some(t) = report.table2() {
            *self
                .tables
                .entry(format!("t2_{}", template(t.template)))
                .or_default() += 1;
        }
        if let Some(t) = report.table3() {
            *self
                .tables
                .entry(format!("t3_{}", template(t.template)))
                .or_default() += 1;
        }
        if report.table4().is_some() {
            *self.tables.entry("t4".to_string()).or_default() += 1;
        }
        for f in findings {
            *self
                .findings
                .entry(f.rule.to_string())
                .or_default()
                .entry(f.severity.to_string())
                .or_default() += 1;
        }
        if findings.iter().any(|f| f.severity == Severity::Error) {
            self.reports_with_errors += 1;
        }
        if findings.iter().any(|f| f.severity == Severity::Warning) {
            self.reports_with_warnings += 1;
        }
    }

    /// A plain-text table.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("\nsummary\n");
        out.push_str(&format!(
            "  reports read                {:>6}\n",
            self.reports
        ));
        out.push_str(&format!(
            "  unreadable files            {:>6}\n",
            self.unreadable
        ));
        out.push_str(&format!(
            "  with all six sections       {:>6}\n",
            self.all_six_sections
        ));
        for (table, n) in &self.tables {
            out.push_str(&format!("  tables {table:<20} {n:>6}\n"));
        }
        out.push_str(&format!(
            "  reports with errors         {:>6}\n",
            self.reports_with_errors
        ));
        out.push_str(&format!(
            "  reports with warnings       {:>6}\n",
            self.reports_with_warnings
        ));
        if !self.findings.is_empty() {
            out.push_str("  findings by rule            error warning   info\n");
            for (rule, by) in &self.findings {
                let n = |s: &str| by.get(s).copied().unwrap_or(0);
                out.push_str(&format!(
                    "    {rule:<24} {:>6} {:>7} {:>6}\n",
                    n("error"),
                    n("warning"),
                    n("info")
                ));
            }
        }
        out
    }
}
