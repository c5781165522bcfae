//! The canonical dotted keys of every number (`../shared/spec/fact-keys.md`).

use crate::ast::{AnnualReport, ApplicantColumn, ReviewGroup, ReviewOutcome};

impl AnnualReport {
    /// Every fact the report states, as `(key, value)` pairs in a stable order:
    /// `meta.*`, then `t2.*`, `t3.*`, `t4.*`. Values are written as in a facts
    /// dump: `-4`, `12.5`, `empty`, `na`, `text`. A cell not in the text
    /// (missing table or row, ambiguous row) has no key.
    ///
    /// ```
    /// let report = gov_disclosure_report::parse_report("某局政府信息公开工作2020年度报告\n一、总体情况\n无");
    /// let facts = report.facts();
    /// assert!(facts.contains(&("meta.year".to_string(), "2020".to_string())));
    /// assert!(facts.contains(&("meta.agency".to_string(), "某局".to_string())));
    /// ```
    pub fn facts(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut push = |k: String, v: String| out.push((k, v));
        if let Some(a) = &self.agency {
            push("meta.agency".into(), a.value.clone());
        }
        if let Some(y) = &self.year {
            push("meta.year".into(), y.value.to_string());
        }
        if let Some(p) = &self.published {
            push(
                "meta.published".into(),
                p.value.format("%Y-%m-%d").to_string(),
            );
        }
        if let Some(t) = self.table2() {
            push("meta.t2_template".into(), t.template.as_str().into());
        }
        if let Some(t) = self.table3() {
            push("meta.t3_template".into(), t.template.as_str().into());
        }
        // The sections whose heading is in the text; a section known only
        // by its table (heading absent) is not listed.
        let numbers: Vec<String> = self
            .sections
            .iter()
            .filter(|s| s.heading.matched.is_found())
            .map(|s| s.kind.number().to_string())
            .collect();
        push("meta.sections".into(), numbers.join(","));

        if let Some(t) = self.table2() {
            for row in &t.rows {
                for (column, cell) in row.item.columns(t.template).iter().zip(&row.cells) {
                    push(
                        format!("t2.{}.{}", row.item.key(), column.key()),
                        cell.value.fact_text(),
                    );
                }
            }
        }
        if let Some(t) = self.table3() {
            for row in &t.rows {
                for (column, cell) in ApplicantColumn::ALL.iter().zip(&row.cells) {
                    push(
                        format!("t3.{}.{}", row.key.key(), column.key()),
                        cell.value.fact_text(),
                    );
                }
            }
        }
        if let Some(t) = self.table4() {
            let keys = ReviewGroup::ALL.iter().flat_map(|g| {
                ReviewOutcome::ALL
                    .iter()
                    .map(move |o| format!("t4.{}.{}", g.key(), o.key()))
            });
            for (key, cell) in keys.zip(&t.cells) {
                push(key, cell.value.fact_text());
            }
        }
        out
    }
}
