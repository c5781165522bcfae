//! The evaluation of one identity over cells: operands, assessability,
//! blanks read as zero on request, and the finding it yields.
//!
//! Identities are built for every rule of every table, and nearly all of them
//! hold: names, keys and places are therefore kept as borrowed parts and only
//! formatted when a finding is made.

use super::unassessable::{Blank, Outcome, Unassessable};
use super::{Finding, FindingCell, Rule, Status, ValidateOptions};
use crate::ast::{Cell, CellValue};
use crate::span::Span;
use std::borrow::Cow;
use std::fmt::Write as _;

/// A fact key, formatted only when a finding names it.
#[derive(Debug, Clone)]
pub enum Key {
    /// `table.row.column`, e.g. `t3` `new_received` `total`.
    Cell(&'static str, &'static str, &'static str),
    /// Any other key, already formatted.
    Text(String),
}

impl Key {
    /// The key of a table cell.
    pub fn cell(table: &'static str, row: &'static str, column: &'static str) -> Key {
        Key::Cell(table, row, column)
    }

    /// The dotted key.
    pub fn render(&self) -> String {
        match self {
            Key::Cell(table, row, column) => [*table, ".", row, ".", column].concat(),
            Key::Text(text) => text.clone(),
        }
    }
}

impl From<String> for Key {
    fn from(text: String) -> Key {
        Key::Text(text)
    }
}

/// One operand of an identity: a cell (if the table has it) and its names.
#[derive(Debug, Clone)]
pub struct Term<'a> {
    /// Fact key, e.g. `t3.new_received.total`.
    pub key: Key,
    /// Chinese name as the report prints it, e.g. `本年新收`.
    pub zh: Cow<'a, str>,
    /// English name.
    pub en: Cow<'a, str>,
    /// The cell, when the table has it.
    pub cell: Option<&'a Cell>,
    /// The year of the report the cell comes from (cross-year rules only).
    pub year: Option<i32>,
    /// Where the cell would be when the table does not have it: its row,
    /// when the row is in the table.
    pub near: Option<Span>,
}

impl<'a> Term<'a> {
    /// A term of the report under validation.
    pub fn new(
        key: impl Into<Key>,
        zh: impl Into<Cow<'a, str>>,
        en: impl Into<Cow<'a, str>>,
        cell: Option<&'a Cell>,
    ) -> Self {
        Term {
            key: key.into(),
            zh: zh.into(),
            en: en.into(),
            cell,
            year: None,
            near: None,
        }
    }

    /// The same term, placed near `span` (its row) in case it has no cell.
    pub fn near(mut self, span: Option<Span>) -> Self {
        self.near = span;
        self
    }

    /// The same term, marked as coming from the report of `year`.
    pub fn of_year(mut self, year: Option<i32>) -> Self {
        self.year = year;
        self
    }

    pub(super) fn finding_cell(&self) -> Option<FindingCell> {
        self.cell.map(|c| FindingCell {
            key: self.key.render(),
            raw: c.raw.clone(),
            span: c.span,
            year: self.year,
            inferred: c.inferred,
        })
    }
}

/// Where an identity applies (`表三 总计列`), in Chinese and English, kept
/// as up to four parts that are joined only when a finding is made.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place<'a> {
    zh: [&'a str; 4],
    en: [&'a str; 4],
}

impl<'a> Place<'a> {
    /// A place from its Chinese and English parts (at most four each).
    pub fn of<const N: usize, const M: usize>(zh: [&'a str; N], en: [&'a str; M]) -> Self {
        const { assert!(N <= 4 && M <= 4) };
        let mut place = Place::default();
        for (slot, part) in place.zh.iter_mut().zip(zh) {
            *slot = part;
        }
        for (slot, part) in place.en.iter_mut().zip(en) {
            *slot = part;
        }
        place
    }

    fn parts(&self, english: bool) -> [&'a str; 4] {
        if english { self.en } else { self.zh }
    }

    /// The Chinese name.
    pub fn zh(&self) -> String {
        self.zh.concat()
    }

    /// The English name.
    pub fn en(&self) -> String {
        self.en.concat()
    }

    /// Several places in one phrase: the first in full, the others without
    /// the leading parts they share with it (`表三 自然人列、商业企业列`).
    pub fn join(places: &[Place<'_>], english: bool) -> String {
        let mut out = String::new();
        let Some(first) = places.first() else {
            return out;
        };
        let first_parts = first.parts(english);
        out.push_str(&first_parts.concat());
        for place in places.iter().skip(1) {
            let own = place.parts(english);
            let shared = own
                .iter()
                .zip(&first_parts)
                .take_while(|(a, b)| a == b)
                .count();
            out.push_str(if english { "; " } else { "、" });
            for part in own.iter().skip(shared) {
                out.push_str(part);
            }
        }
        out
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
            None if options.blanks_read_as_zero() && !matches!(v, CellValue::Text) => {
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
    /// The rule.
    pub rule: Rule,
    /// Scope (column, row or group key).
    pub scope: Cow<'a, str>,
    /// Where the scope is named (`表三 总计列`).
    pub place: Place<'a>,
    /// Left side.
    pub left: Vec<Term<'a>>,
    /// Right side.
    pub right: Vec<Term<'a>>,
    /// Comparison.
    pub relation: Relation,
}

fn side(terms: &[Term<'_>], values: &[f64], english: bool) -> String {
    let mut out = String::new();
    for (k, (t, v)) in terms.iter().zip(values).enumerate() {
        if k > 0 {
            out.push_str(if english { " + " } else { "+" });
        }
        out.push_str(if english { &t.en } else { &t.zh });
        out.push_str(if english { " (" } else { "(" });
        push_number(&mut out, *v);
        out.push(')');
    }
    out
}

/// A number as a report prints it (no `.0` for whole numbers).
pub fn number(v: f64) -> String {
    let mut out = String::new();
    push_number(&mut out, v);
    out
}

/// Appends [`number`]`(v)` to `out`.
fn push_number(out: &mut String, v: f64) {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        // Whole numbers, digit by digit: the common case in messages.
        let mut n = v as i64;
        if n < 0 {
            out.push('-');
            n = -n;
        }
        let mut digits = [0u8; 20];
        let mut len = 0;
        loop {
            if let Some(slot) = digits.get_mut(len) {
                *slot = b'0' + (n % 10) as u8;
            }
            len += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for d in digits.iter().take(len).rev() {
            out.push(char::from(*d));
        }
    } else {
        let _ = write!(out, "{v}");
    }
}

impl<'a> Identity<'a> {
    fn all_terms(&self) -> impl Iterator<Item = &Term<'a>> {
        self.left.iter().chain(self.right.iter())
    }

    /// Evaluates the identity: `None` when it holds (or when no cell of it is
    /// in the table), else a finding.
    pub fn evaluate(&self, options: &ValidateOptions) -> Option<Finding> {
        self.assess(options).map(Outcome::into_finding)
    }

    /// Assesses the identity: `None` when it holds (or when no cell of it is
    /// in the table), else a failure or what keeps it from being assessed.
    pub fn assess(&self, options: &ValidateOptions) -> Option<Outcome<'a>> {
        // The common case, an identity that holds, is decided in one pass
        // without allocating.
        let (mut present, mut readable, mut left, mut right) = (false, true, 0.0, 0.0);
        for (k, term) in self.all_terms().enumerate() {
            let value = match read(term, options) {
                Read::Absent => {
                    readable = false;
                    continue;
                }
                Read::Blank => {
                    present = true;
                    readable = false;
                    continue;
                }
                Read::Number(n, _) => n,
            };
            present = true;
            if k < self.left.len() {
                left += value;
            } else {
                right += value;
            }
        }
        if !present || (readable && self.relation.holds(left, right)) {
            return None;
        }
        let reads: Vec<Read> = self.all_terms().map(|t| read(t, options)).collect();
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
            return Some(Outcome::Unassessable(Unassessable {
                rule: self.rule,
                scope: self.scope.to_string(),
                place: self.place,
                blanks: unreadable.iter().map(|t| Blank::of(t)).collect(),
                cells,
                span,
                blanks_as_zero,
            }));
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
        Some(Outcome::Fail(Finding {
            rule: self.rule,
            scope: self.scope.to_string(),
            class: self.rule.class(),
            severity: self.rule.class().severity(),
            status: Status::Fail,
            expected: Some(expected),
            found: Some(found),
            difference: Some(found - expected),
            unassessable: Vec::new(),
            blank_cells: Vec::new(),
            cells,
            span,
            blanks_as_zero,
            message: format!(
                "{}：{} {} {}{lenient_zh}",
                self.place.zh(),
                side(&self.left, &left_values, false),
                self.relation.broken(),
                side(&self.right, &right_values, false)
            ),
            message_en: format!(
                "{}: {} {} {}{lenient_en}",
                self.place.en(),
                side(&self.left, &left_values, true),
                self.relation.broken(),
                side(&self.right, &right_values, true)
            ),
            claim: None,
            report_year: None,
        }))
    }
}

/// A finding about one place that is not an identity (non-negativity,
/// structure, narrative).
#[allow(clippy::too_many_arguments)]
pub fn simple(
    rule: Rule,
    status: Status,
    scope: impl Into<String>,
    span: Span,
    cells: Vec<FindingCell>,
    message: String,
    message_en: String,
) -> Finding {
    Finding {
        rule,
        scope: scope.into(),
        class: rule.class(),
        severity: rule.class().severity(),
        status,
        expected: None,
        found: None,
        difference: None,
        cells,
        unassessable: Vec::new(),
        blank_cells: Vec::new(),
        span,
        blanks_as_zero: false,
        message,
        message_en,
        claim: None,
        report_year: None,
    }
}

/// The finding cell of a term, if it has a cell.
pub fn cell_of(term: &Term<'_>) -> Option<FindingCell> {
    term.finding_cell()
}

#[cfg(test)]
mod tests {
    use super::{Place, number};

    #[test]
    fn places_joined_drop_the_parts_they_share_with_the_first() {
        let places = [
            Place::of(
                ["表三 ", "自然人", "列"],
                ["Table 3, column ", "natural person"],
            ),
            Place::of(["表三 ", "总计", "列"], ["Table 3, column ", "total"]),
        ];
        assert_eq!(Place::join(&places, false), "表三 自然人列、总计列");
        assert_eq!(
            Place::join(&places, true),
            "Table 3, column natural person; total"
        );
        assert_eq!(Place::join(&places[..1], false), "表三 自然人列");
        assert_eq!(Place::join(&[], true), "");
    }

    #[test]
    fn numbers_print_as_reports_print_them() {
        assert_eq!(number(0.0), "0");
        assert_eq!(number(1203.0), "1203");
        assert_eq!(number(-40.0), "-40");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(-0.25), "-0.25");
        assert_eq!(number(1e16), "10000000000000000");
    }
}
