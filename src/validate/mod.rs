//! Consistency validation (勾稽关系) over a parsed [`AnnualReport`].
//!
//! Runs after parsing, on the tree alone. Rule ids, classes and sources are
//! those of the format specification, §8.

mod check;
mod cross_year;
mod finding;
mod more;
mod names;
mod narrative;
mod rule;
mod structure;
mod tables;

pub use finding::{Finding, FindingCell, Status};
pub use rule::{Rule, RuleClass, UnknownRule};

use crate::ast::AnnualReport;

/// Options of a validation run: the defaults, changed by setters.
///
/// ```
/// use gov_disclosure_report::validate::ValidateOptions;
/// let strict = ValidateOptions::default();
/// assert!(!strict.blanks_read_as_zero());
/// let lenient = ValidateOptions::default().blanks_as_zero(true);
/// assert!(lenient.blanks_read_as_zero());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct ValidateOptions {
    blanks_as_zero: bool,
}

impl ValidateOptions {
    /// Reads blank and placeholder cells as zero (lenient mode; every
    /// finding that relied on it says so in [`Finding::blanks_as_zero`]).
    /// Off by default: a blank makes a rule not assessable. Unreadable text
    /// is never read as zero.
    pub fn blanks_as_zero(mut self, on: bool) -> Self {
        self.blanks_as_zero = on;
        self
    }

    /// Whether blank and placeholder cells are read as zero.
    pub fn blanks_read_as_zero(&self) -> bool {
        self.blanks_as_zero
    }
}

/// Validates one report. Findings come in rule-family order — table 3, 4, 2,
/// structure, narrative — and within a table the EXACT rules before the
/// DERIVED ones, so the root failure is read first.
///
/// ```
/// use gov_disclosure_report::{parse_report, validate::{validate, Rule, Status}};
/// let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n\
/// 结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
/// let findings = validate(&parse_report(text));
/// let sum = findings.iter().find(|f| f.rule == Rule::T4Sum).unwrap();
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
