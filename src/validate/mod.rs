//! Consistency validation (勾稽关系) over a parsed [`AnnualReport`].
//!
//! Runs after parsing, on the tree alone. The rules, their ids and classes
//! are the catalogue of [`Rule`]; a rule's class sets the severity of its
//! findings. A blank, placeholder or unreadable cell makes a rule not
//! assessable — it is never read as 0 unless
//! [`ValidateOptions::blanks_as_zero`] asks for it. One blank or missing row
//! or column of a table that leaves several scopes of a rule unassessable is
//! one finding listing them ([`Finding::unassessable`]); failures are one
//! finding per scope.

mod blank_cells;
mod cross_table;
mod cross_year;
mod finding;
mod identity;
mod names;
mod narrative;
mod non_negative;
mod outline;
mod proactive;
mod requests;
mod reviews;
mod rule;
mod section_content;
mod subtotals;
mod templates;
mod text_quality;
mod title_agreement;
mod unassessable;

pub use crate::grammar::claim::{
    Amount, NarrativeClaim, Period, Quantity, RequestOutcome, Scope, Tense,
};
pub use finding::{Finding, FindingCell, Status};
pub use rule::{Rule, RuleClass, UnknownRule};

use crate::ast::AnnualReport;
use std::collections::HashMap;

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

/// [`validate`] with options.
///
/// ```
/// use gov_disclosure_report::parse_report;
/// use gov_disclosure_report::validate::{Rule, ValidateOptions, validate_with};
/// let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n\
/// 结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t/\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
/// let lenient = ValidateOptions::default().blanks_as_zero(true);
/// let findings = validate_with(&parse_report(text), &lenient);
/// let sum = findings.iter().find(|f| f.rule == Rule::T4Sum).unwrap();
/// // `/` read as 0: 1 + 0 + 0 + 0 ≠ 2, and the finding says how it was read.
/// assert!(sum.blanks_as_zero);
/// assert_eq!(sum.difference, Some(-1.0));
/// ```
pub fn validate_with(report: &AnnualReport, options: &ValidateOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    // Table identities and counts: table 3, 4, 2, then table 3's subtotals.
    if let Some(t) = report.table3() {
        requests::requests(t, options, &mut out);
    }
    if let Some(t) = report.table4() {
        reviews::reviews(t, options, &mut out);
    }
    if let Some(t) = report.table2() {
        proactive::proactive(report, t, options, &mut out);
    }
    if let Some(t) = report.table3() {
        subtotals::subtotals(t, &mut out);
    }
    // Format compliance: outline, templates, section 五, blank cells.
    outline::six_sections(report, &mut out);
    outline::tables(report, &mut out);
    templates::templates(report, &mut out);
    section_content::section_five(report, &mut out);
    blank_cells::blank_cells(report, &mut out);
    // Plausibility across tables.
    cross_table::cross_table(report, &mut out);
    reviews::correction_rate(report, &mut out);
    // Report quality: numbering, title agreement, what sections 五 and 六
    // say, the text itself.
    outline::numbering(report, &mut out);
    title_agreement::title_agreement(report, &mut out);
    section_content::last_years_problems(report, &mut out);
    section_content::processing_fees(report, &mut out);
    text_quality::text_quality(report, &mut out);
    narrative::narrative(report, &mut out);
    out
}

/// Cross-year rules (X.*) over reports of **one** agency, in any order; the
/// caller groups reports by agency (see [`group_by_agency`]). Each pair of
/// consecutive years is compared; findings belong to the later report, whose
/// year they carry in [`Finding::report_year`], and cells of the earlier one
/// carry its year in [`FindingCell::year`].
///
/// ```
/// use gov_disclosure_report::parse_report;
/// use gov_disclosure_report::validate::{Rule, group_by_agency, validate_series};
/// let report = |year: i32, carried_over: &str, carried_forward: &str| {
///     parse_report(&format!(
///         "某局{year}年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\
///          二、上年结转政府信息公开申请数量\t{carried_over}\t0\t0\t0\t0\t0\t{carried_over}\n\
///          四、结转下年度继续办理\t{carried_forward}\t0\t0\t0\t0\t0\t{carried_forward}\n"
///     ))
/// };
/// // 2020 carries 2 forward; 2021 says it took over 3.
/// let reports = [report(2021, "3", "0"), report(2020, "0", "2")];
/// for series in group_by_agency(&reports) {
///     let findings = validate_series(&series);
///     let carry: Vec<&str> = findings
///         .iter()
///         .filter(|f| f.rule == Rule::XCarry)
///         .map(|f| f.scope.as_str())
///         .collect();
///     assert_eq!(carry, ["natural_person", "total"]);
///     assert!(findings.iter().all(|f| f.report_year == Some(2021)));
/// }
/// ```
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
            && py.checked_add(1) == Some(*cy)
        {
            cross_year::pair(previous, current, options, &mut out);
        }
    }
    out
}

/// Groups reports by their exact agency name (reports without one are left
/// out), in first-seen order. Never merges different names. Linear in the
/// number of reports.
///
/// ```
/// use gov_disclosure_report::{parse_report, validate::group_by_agency};
/// let reports = [
///     parse_report("某县民政局2020年政府信息公开工作年度报告\n"),
///     parse_report("某县财政局2020年政府信息公开工作年度报告\n"),
///     parse_report("某县民政局2021年政府信息公开工作年度报告\n"),
/// ];
/// let groups = group_by_agency(&reports);
/// let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
/// assert_eq!(sizes, [2, 1]);
/// ```
pub fn group_by_agency(reports: &[AnnualReport]) -> Vec<Vec<&AnnualReport>> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Vec<&AnnualReport>> = Vec::new();
    for report in reports {
        let Some(agency) = report.agency.as_ref() else {
            continue;
        };
        match index.get(agency.value.as_str()) {
            Some(&at) => {
                if let Some(members) = groups.get_mut(at) {
                    members.push(report);
                }
            }
            None => {
                index.insert(&agency.value, groups.len());
                groups.push(vec![report]);
            }
        }
    }
    groups
}
