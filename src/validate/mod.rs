//! Consistency validation (勾稽关系) over a parsed [`AnnualReport`].
//!
//! Runs after parsing, on the tree alone. Rule ids, classes and sources are
//! those of the format specification, §8.

mod check;
mod cross_year;
mod more;
mod names;
mod narrative;
mod structure;
mod tables;

use crate::ast::AnnualReport;
use crate::diagnostic::Severity;
pub use crate::grammar::claim::NarrativeClaim;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A rule's class in the catalogue; it sets the finding's severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleClass {
    /// Must hold by construction of the template.
    Exact,
    /// Follows from EXACT rules plus non-negativity.
    Derived,
    /// Should hold; legitimate exceptions exist.
    HeurStrong,
    /// A plausibility signal only.
    HeurWeak,
}

impl RuleClass {
    /// EXACT/DERIVED → error, HEUR-STRONG → warning, HEUR-WEAK → info.
    pub fn severity(self) -> Severity {
        match self {
            RuleClass::Exact | RuleClass::Derived => Severity::Error,
            RuleClass::HeurStrong => Severity::Warning,
            RuleClass::HeurWeak => Severity::Info,
        }
    }
}

/// Whether a rule failed or could not be assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The identity does not hold.
    Fail,
    /// A participating cell is blank, a placeholder or unreadable.
    NotAssessable,
}

/// A cell that takes part in a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingCell {
    /// Its fact key, e.g. `t3.new_received.total`.
    pub key: String,
    /// The cell text as printed.
    pub raw: String,
    /// Where it is in the original input (of the report of `year` when set).
    pub span: Span,
    /// For cross-year findings: the year of the report the cell belongs to.
    pub year: Option<i32>,
}

/// One result of a rule that did not pass.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id from the catalogue, e.g. `T3.BAL`.
    pub rule: String,
    /// What the rule was applied to: a column for T3.BAL/T3.RES, a row for
    /// T3.COL, a group for T4.SUM, … (a fact-key fragment such as `total`).
    pub scope: String,
    /// The rule's class.
    pub class: RuleClass,
    /// Severity, from the class.
    pub severity: Severity,
    /// Fail or not assessable.
    pub status: Status,
    /// The value the rule expects, when computable.
    pub expected: Option<f64>,
    /// The value found, when computable.
    pub found: Option<f64>,
    /// `found - expected`, when both are known.
    pub difference: Option<f64>,
    /// Every participating cell.
    pub cells: Vec<FindingCell>,
    /// Where the finding points when it has no cell (a section, a sentence).
    pub span: Span,
    /// Whether blanks were read as zero for this finding (lenient mode).
    pub blanks_as_zero: bool,
    /// One-line message in Chinese.
    pub message: String,
    /// The same message in English.
    pub message_en: String,
    /// For a narrative rule (N.*): the claim read from the sentence that the
    /// rule compared with the tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<NarrativeClaim>,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Options of a validation run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidateOptions {
    /// Read blank and placeholder cells as zero (marked in every finding).
    pub blanks_as_zero: bool,
}

/// Validates one report. Findings come in rule-family order — table 3, 4, 2,
/// structure, narrative — and within a table the EXACT rules before the
/// DERIVED ones, so the root failure is read first.
///
/// ```
/// use gov_disclosure_report::{parse_report, validate::{validate, Status}};
/// let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n\
/// 结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
/// let findings = validate(&parse_report(text));
/// let sum = findings.iter().find(|f| f.rule == "T4.SUM").unwrap();
/// assert_eq!((sum.scope.as_str(), sum.status), ("review", Status::Fail));
/// assert_eq!(sum.difference, Some(-1.0));
/// ```
pub fn validate(report: &AnnualReport) -> Vec<Finding> {
    validate_with(report, &ValidateOptions::default())
}

/// Validates one report.
pub fn validate_with(report: &AnnualReport, options: &ValidateOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(t) = report.table3() {
        tables::requests(t, options, &mut out);
    }
    if let Some(t) = report.table4() {
        tables::reviews(t, options, &mut out);
    }
    if let Some(t) = report.table2() {
        tables::proactive(report, t, options, &mut out);
    }
    if let Some(t) = report.table3() {
        more::subtotals(t, &mut out);
    }
    structure::structure(report, &mut out);
    more::cross_table(report, &mut out);
    more::quality(report, &mut out);
    narrative::narrative(report, &mut out);
    out
}

/// Cross-year rules (X.*) over reports of **one** agency, in any order; the
/// caller groups reports by agency (see [`group_by_agency`]). Each pair of
/// consecutive years is compared; findings belong to the later report, and
/// cells of the earlier one carry its year in [`FindingCell::year`].
pub fn validate_series(reports: &[&AnnualReport]) -> Vec<Finding> {
    validate_series_with(reports, &ValidateOptions::default())
}

/// [`validate_series`] with options.
pub fn validate_series_with(reports: &[&AnnualReport], options: &ValidateOptions) -> Vec<Finding> {
    let mut dated: Vec<(i32, &AnnualReport)> = reports
        .iter()
        .filter_map(|r| r.year.as_ref().map(|y| (y.value, *r)))
        .collect();
    dated.sort_by_key(|(y, _)| *y);
    let mut out = Vec::new();
    for pair in dated.windows(2) {
        if let [(py, previous), (cy, current)] = pair
            && *cy == py + 1
        {
            cross_year::pair(previous, current, options, &mut out);
        }
    }
    out
}

/// Groups reports by their exact agency name (reports without one are left
/// out), in first-seen order. Never merges different names.
pub fn group_by_agency(reports: &[AnnualReport]) -> Vec<Vec<&AnnualReport>> {
    let mut groups: Vec<(String, Vec<&AnnualReport>)> = Vec::new();
    for report in reports {
        let Some(agency) = report.agency.as_ref().map(|a| a.value.clone()) else {
            continue;
        };
        match groups.iter_mut().find(|(name, _)| *name == agency) {
            Some((_, members)) => members.push(report),
            None => groups.push((agency, vec![report])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}
