//! The evaluation of one identity over cells: operands, assessability,
//! blanks read as zero on request, and the finding it yields.

use super::{Finding, FindingCell, RuleClass, Status, ValidateOptions};
use crate::ast::{Cell, CellValue};
use crate::span::Span;

/// One operand of an identity: a cell (if the table has it) and its names.
#[derive(Debug, Clone)]
pub struct Term<'a> {
    /// Fact key, e.g. `t3.new_received.total`.
    pub key: String,
    /// Chinese name as the report prints it, e.g. `本年新收`.
    pub zh: String,
    /// English name.
    pub en: String,
    /// The cell, when the table has it.
    pub cell: Option<&'a Cell>,
    /// The year of the report the cell comes from (cross-year rules only).
    pub year: Option<i32>,
}

impl<'a> Term<'a> {
    /// A term of the report under validation.
    pub fn new(
        key: String,
        zh: impl Into<String>,
        en: impl Into<String>,
        cell: Option<&'a Cell>,
    ) -> Self {
        Term {
            key,
            zh: zh.into(),
            en: en.into(),
            cell,
            year: None,
        }
    }

    /// The same term, marked as coming from the report of `year`.
    pub fn of_year(mut self, year: Option<i32>) -> Self {
        self.year = year;
        self
    }

    fn finding_cell(&self) -> Option<FindingCell> {
        self.cell.map(|c| FindingCell {
            key: self.key.clone(),
            raw: c.raw.clone(),
            span: c.span,
            year: self.year,
        })
    }
}

/// How a term reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Read {
    /// A number (or a blank read as zero when `lenient`).
    Number(f64, bool),
    /// Blank, placeholder or unreadable: not assessable.
    Blank,
    /// The cell is not in the table (row missing or ambiguous).
    Absent,
}

/// Reads a term under the options.
pub fn read(term: &Term<'_>, options: &ValidateOptions) -> Read {
    match term.cell.map(|c| &c.value) {
        None => Read::Absent,
        Some(v) => match v.as_f64() {
            Some(n) => Read::Number(n, false),
            None if options.blanks_as_zero && !matches!(v, CellValue::Text) => {
                Read::Number(0.0, true)
            }
            None => Read::Blank,
        },
    }
}

/// How the two sides are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// left = right
    Equal,
    /// left ≤ right
    AtMost,
    /// left ≥ right
    AtLeast,
}

impl Relation {
    fn holds(self, left: f64, right: f64) -> bool {
        let eps = 1e-9;
        match self {
            Relation::Equal => (left - right).abs() < eps,
            Relation::AtMost => left <= right + eps,
            Relation::AtLeast => left + eps >= right,
        }
    }

    fn broken(self) -> &'static str {
        match self {
            Relation::Equal => "≠",
            Relation::AtMost => ">",
            Relation::AtLeast => "<",
        }
    }
}

/// An identity `Σ left <relation> Σ right` to evaluate.
#[derive(Debug, Clone)]
pub struct Identity<'a> {
    /// Rule id.
    pub rule: &'static str,
    /// Rule class.
    pub class: RuleClass,
    /// Scope (column, row or group key).
    pub scope: String,
    /// Where the scope is named, in Chinese (`表三 总计列`).
    pub place_zh: String,
    /// The same in English.
    pub place_en: String,
    /// Left side.
    pub left: Vec<Term<'a>>,
    /// Right side.
    pub right: Vec<Term<'a>>,
    /// Comparison.
    pub relation: Relation,
}

fn side(terms: &[Term<'_>], values: &[f64], english: bool) -> String {
    terms
        .iter()
        .zip(values)
        .map(|(t, v)| {
            if english {
                format!("{} ({})", t.en, number(*v))
            } else {
                format!("{}({})", t.zh, number(*v))
            }
        })
        .collect::<Vec<_>>()
        .join(if english { " + " } else { "+" })
}

/// A number as a report prints it (no `.0` for whole numbers).
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

impl<'a> Identity<'a> {
    fn all_terms(&self) -> impl Iterator<Item = &Term<'a>> {
        self.left.iter().chain(self.right.iter())
    }

    /// Evaluates the identity: `None` when it holds (or when no cell of it is
    /// in the table), else a finding.
    pub fn evaluate(&self, options: &ValidateOptions) -> Option<Finding> {
        let reads: Vec<Read> = self.all_terms().map(|t| read(t, options)).collect();
        if reads.iter().all(|r| *r == Read::Absent) {
            return None;
        }
        // The common case, an identity that holds, allocates nothing more.
        if reads.iter().all(|r| matches!(r, Read::Number(..))) {
            let value = |r: &Read| if let Read::Number(n, _) = r { *n } else { 0.0 };
            let left: f64 = reads.iter().take(self.left.len()).map(value).sum();
            let right: f64 = reads.iter().skip(self.left.len()).map(value).sum();
            if self.relation.holds(left, right) {
                return None;
            }
        }
        let cells: Vec<FindingCell> = self.all_terms().filter_map(Term::finding_cell).collect();
        let span = cells
            .iter()
            .map(|c| c.span)
            .reduce(|a, b| a.cover(b))
            .unwrap_or_default();
        let blanks_as_zero = reads.iter().any(|r| matches!(r, Read::Number(_, true)));
        let unreadable: Vec<&Term<'_>> = self
            .all_terms()
            .zip(&reads)
            .filter(|(_, r)| matches!(r, Read::Blank | Read::Absent))
            .map(|(t, _)| t)
            .collect();
        if !unreadable.is_empty() {
            let names_zh: Vec<String> = unreadable.iter().map(|t| describe(t, false)).collect();
            let names_en: Vec<String> = unreadable.iter().map(|t| describe(t, true)).collect();
            return Some(Finding {
                rule: self.rule.to_string(),
                scope: self.scope.clone(),
                class: self.class,
                severity: self.class.severity(),
                status: Status::NotAssessable,
                expected: None,
                found: None,
                difference: None,
                cells,
                span,
                blanks_as_zero,
                message: format!("{}：无法核对，{}", self.place_zh, names_zh.join("、")),
                message_en: format!("{}: not assessable, {}", self.place_en, names_en.join(", ")),
            });
        }
        let value = |r: &Read| match r {
            Read::Number(n, _) => *n,
            _ => 0.0,
        };
        let left_values: Vec<f64> = reads.iter().take(self.left.len()).map(value).collect();
        let right_values: Vec<f64> = reads.iter().skip(self.left.len()).map(value).collect();
        let found: f64 = left_values.iter().sum();
        let expected: f64 = right_values.iter().sum();
        if self.relation.holds(found, expected) {
            return None;
        }
        let lenient_zh = if blanks_as_zero {
            "（空白按0计）"
        } else {
            ""
        };
        let lenient_en = if blanks_as_zero {
            " (blanks read as 0)"
        } else {
            ""
        };
        Some(Finding {
            rule: self.rule.to_string(),
            scope: self.scope.clone(),
            class: self.class,
            severity: self.class.severity(),
            status: Status::Fail,
            expected: Some(expected),
            found: Some(found),
            difference: Some(found - expected),
            cells,
            span,
            blanks_as_zero,
            message: format!(
                "{}：{} {} {}{lenient_zh}",
                self.place_zh,
                side(&self.left, &left_values, false),
                self.relation.broken(),
                side(&self.right, &right_values, false)
            ),
            message_en: format!(
                "{}: {} {} {}{lenient_en}",
                self.place_en,
                side(&self.left, &left_values, true),
                self.relation.broken(),
                side(&self.right, &right_values, true)
            ),
        })
    }
}

/// How a term that cannot be read is named in a message.
fn describe(term: &Term<'_>, english: bool) -> String {
    let name = if english { &term.en } else { &term.zh };
    match term.cell {
        None if english => format!("{name} is missing"),
        None => format!("{name}缺失"),
        Some(c) => {
            let what = match (&c.value, english) {
                (CellValue::Empty, false) => "为空".to_string(),
                (CellValue::Empty, true) => "is blank".to_string(),
                (CellValue::Placeholder, false) => format!("为“{}”", c.raw),
                (CellValue::Placeholder, true) => format!("is \"{}\"", c.raw),
                (_, false) => format!("无法识别“{}”", c.raw),
                (_, true) => format!("is unreadable \"{}\"", c.raw),
            };
            if english {
                format!("{name} {what}")
            } else {
                format!("{name}{what}")
            }
        }
    }
}

/// A finding about one place that is not an identity (non-negativity,
/// structure, narrative).
#[allow(clippy::too_many_arguments)]
pub fn simple(
    rule: &str,
    class: RuleClass,
    status: Status,
    scope: impl Into<String>,
    span: Span,
    cells: Vec<FindingCell>,
    message: String,
    message_en: String,
) -> Finding {
    Finding {
        rule: rule.to_string(),
        scope: scope.into(),
        class,
        severity: class.severity(),
        status,
        expected: None,
        found: None,
        difference: None,
        cells,
        span,
        blanks_as_zero: false,
        message,
        message_en,
    }
}

/// The finding cell of a term, if it has a cell.
pub fn cell_of(term: &Term<'_>) -> Option<FindingCell> {
    term.finding_cell()
}
