//! Consistency validation (勾稽关系) over a parsed [`AnnualReport`].
//!
//! Runs after parsing, on the tree alone. Rule ids, classes and sources are
//! those of the format specification, §8.

use crate::ast::AnnualReport;
use crate::diagnostic::Severity;
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
    /// Where it is in the original input.
    pub span: Span,
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

/// Validates one report with default options (blanks are never read as 0).
pub fn validate(report: &AnnualReport) -> Vec<Finding> {
    validate_with(report, &ValidateOptions::default())
}

/// Validates one report.
pub fn validate_with(report: &AnnualReport, options: &ValidateOptions) -> Vec<Finding> {
    let _ = (report, options);
    Vec::new()
}

/// Cross-year rules (X.*) over reports of **one** agency, in any order; the
/// caller groups reports by agency. Returns findings of the later report of
/// each consecutive pair.
pub fn validate_series(reports: &[&AnnualReport]) -> Vec<Finding> {
    let _ = reports;
    Vec::new()
}
