//! Findings: what a rule reports when it does not pass.

use super::rule::{Rule, RuleClass};
use crate::diagnostic::Severity;
use crate::grammar::claim::NarrativeClaim;
use crate::span::Span;

/// Whether a rule failed or could not be assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Status {
    /// The identity does not hold.
    Fail,
    /// A participating cell is blank, a placeholder or unreadable.
    NotAssessable,
}

impl Status {
    /// `fail` or `not_assessable` (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Fail => "fail",
            Status::NotAssessable => "not_assessable",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cell that takes part in a finding.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FindingCell {
    /// Its fact key, e.g. `t3.new_received.total`.
    pub key: String,
    /// The cell text as printed.
    pub raw: String,
    /// Where it is in the original input (of the report of `year` when set).
    pub span: Span,
    /// For cross-year findings: the year of the report the cell belongs to.
    #[cfg_attr(feature = "serde", serde(default))]
    pub year: Option<i32>,
    /// Whether the cell's value was inferred rather than read
    /// ([`crate::Cell::inferred`]).
    #[cfg_attr(feature = "serde", serde(default))]
    pub inferred: bool,
}

/// One result of a rule that did not pass.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Finding {
    /// The rule, e.g. [`Rule::T3Bal`] (serialized as its id, `T3.BAL`).
    pub rule: Rule,
    /// What the rule was applied to: a column for T3.BAL/T3.RES, a row for
    /// T3.COL, a group for T4.SUM, … (a fact-key fragment such as `total`).
    /// For a not-assessable finding grouped by its cause, the row or column
    /// that caused it (see [`Finding::unassessable`]).
    pub scope: String,
    /// The rule's class.
    pub class: RuleClass,
    /// Severity, from the class.
    pub severity: Severity,
    /// Fail or not assessable.
    pub status: Status,
    /// The value the rule expects, when computable.
    #[cfg_attr(feature = "serde", serde(default))]
    pub expected: Option<f64>,
    /// The value found, when computable.
    #[cfg_attr(feature = "serde", serde(default))]
    pub found: Option<f64>,
    /// `found - expected`, when both are known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub difference: Option<f64>,
    /// Every participating cell. For a not-assessable finding grouped by
    /// its cause (see [`Finding::unassessable`]), the cells of the cause that
    /// are in the table.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cells: Vec<FindingCell>,
    /// For a not-assessable finding: the scopes of its rule that it leaves
    /// unassessable. One scope, its own, unless a blank or missing row or
    /// column of a table leaves several scopes of the rule unassessable: then
    /// one finding lists them all and [`Finding::scope`] names that row or
    /// column (several, comma-separated, when the cause spans several).
    /// Empty for a failure: failures stay one finding per scope.
    #[cfg_attr(feature = "serde", serde(default))]
    pub unassessable: Vec<String>,
    /// For a not-assessable finding: the fact keys of the participating cells
    /// that hold no number (blank, placeholder, unreadable) or are not in the
    /// table. Empty for a failure.
    #[cfg_attr(feature = "serde", serde(default))]
    pub blank_cells: Vec<String>,
    /// Where the finding points when it has no cell (a section, a sentence).
    pub span: Span,
    /// Whether blanks were read as zero for this finding (lenient mode).
    #[cfg_attr(feature = "serde", serde(default))]
    pub blanks_as_zero: bool,
    /// One-line message in Chinese.
    pub message: String,
    /// The same message in English.
    pub message_en: String,
    /// For a narrative rule (N.*): the claim read from the sentence that the
    /// rule compared with the tables (quantity, number, scope, period, tense);
    /// boxed, as most findings have none.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub claim: Option<Box<NarrativeClaim>>,
    /// For a cross-year finding (X.*): the year of the later report of the
    /// pair, the report the finding belongs to. `None` for a finding of one
    /// report.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub report_year: Option<i32>,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
