//! One root cause, one finding: identities of one rule that cannot be
//! assessed because of the same blank or missing row (or column) of a table
//! are reported as one finding that lists every scope they leave
//! unassessable. Failures stay one finding per identity.

use super::identity::{Key, Place, Term};
use super::{Finding, FindingCell, Rule, Status};
use crate::ast::CellValue;
use crate::span::Span;
use std::collections::HashMap;

/// What assessing an identity that does not hold gives.
#[derive(Debug)]
pub enum Outcome<'a> {
    /// A finding that stands alone: the identity fails.
    Fail(Finding),
    /// A participating cell holds no number or is not in the table.
    Unassessable(Unassessable<'a>),
}

impl Outcome<'_> {
    /// The finding of this outcome alone.
    pub fn into_finding(self) -> Finding {
        match self {
            Outcome::Fail(f) => f,
            Outcome::Unassessable(u) => u.into_finding(),
        }
    }
}

/// An identity that cannot be assessed, with what stands in the way.
#[derive(Debug)]
pub struct Unassessable<'a> {
    /// The rule.
    pub rule: Rule,
    /// The identity's scope.
    pub scope: String,
    /// Where the identity applies.
    pub place: Place<'a>,
    /// Its terms that hold no number.
    pub blanks: Vec<Blank>,
    /// Every participating cell.
    pub cells: Vec<FindingCell>,
    /// The participating cells' extent.
    pub span: Span,
    /// Whether other blanks were read as zero.
    pub blanks_as_zero: bool,
}

/// A term that holds no number.
#[derive(Debug, Clone)]
pub struct Blank {
    key: Key,
    year: Option<i32>,
    zh: String,
    en: String,
    cell: Option<FindingCell>,
    near: Option<Span>,
}

impl Blank {
    /// The blank of `term`.
    pub fn of(term: &Term<'_>) -> Blank {
        Blank {
            key: term.key.clone(),
            year: term.year,
            zh: describe(term, false),
            en: describe(term, true),
            cell: term.finding_cell(),
            near: term.near,
        }
    }

    /// Where the blank is: its cell when the cell has text, else its row
    /// (or table), else its empty cell.
    fn span(&self) -> Option<Span> {
        let cell = self.cell.as_ref().map(|c| c.span);
        cell.filter(|s| !s.is_empty()).or(self.near).or(cell)
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

/// Pushes `item` unless an equal one is there already (lists of a few items).
fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

impl Unassessable<'_> {
    /// The finding of this identity alone.
    pub fn into_finding(self) -> Finding {
        let (mut zh, mut en) = (Vec::new(), Vec::new());
        for b in &self.blanks {
            zh.push(b.zh.as_str());
            en.push(b.en.as_str());
        }
        Finding {
            rule: self.rule,
            unassessable: vec![self.scope.clone()],
            scope: self.scope,
            class: self.rule.class(),
            severity: self.rule.class().severity(),
            status: Status::NotAssessable,
            expected: None,
            found: None,
            difference: None,
            blank_cells: self.blanks.iter().map(|b| b.key.render()).collect(),
            cells: self.cells,
            span: self.span,
            blanks_as_zero: self.blanks_as_zero,
            message: format!("{}：无法核对，{}", self.place.zh(), zh.join("、")),
            message_en: format!("{}: not assessable, {}", self.place.en(), en.join(", ")),
            claim: None,
            report_year: None,
        }
    }

    /// The rows and the columns (of one table of one year) its blanks lie
    /// in, when every blank is a table cell.
    fn lines(&self) -> Option<(Line, Line)> {
        let mut table = None;
        let mut year = None;
        let (mut rows, mut columns) = (Vec::new(), Vec::new());
        for (i, blank) in self.blanks.iter().enumerate() {
            let Key::Cell(t, row, column) = blank.key else {
                return None;
            };
            if i == 0 {
                (table, year) = (Some(t), blank.year);
            } else if table != Some(t) || year != blank.year {
                return None;
            }
            push_new(&mut rows, row);
            push_new(&mut columns, column);
        }
        let table = table?;
        rows.sort_unstable();
        columns.sort_unstable();
        let line = |axis, parts| Line {
            rule: self.rule,
            table,
            year,
            axis,
            parts,
        };
        Some((line(Axis::Row, rows), line(Axis::Column, columns)))
    }
}

/// Rows or columns of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Axis {
    Row,
    Column,
}

/// The rows (or the columns) of one table of one year where the blanks of
/// an identity of `rule` lie.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Line {
    rule: Rule,
    table: &'static str,
    year: Option<i32>,
    axis: Axis,
    parts: Vec<&'static str>,
}

/// The findings of the outcomes of one rule's identities, in their order:
/// failures one each; not-assessable identities whose blanks lie in the same
/// rows (or the same columns) as those of another identity of the family,
/// one finding per such cause, where its first member was.
pub fn findings(outcomes: Vec<Outcome<'_>>) -> Vec<Finding> {
    // Each identity's candidate causes, and how many identities share each.
    let candidates: Vec<Option<(Line, Line)>> = outcomes
        .iter()
        .map(|o| match o {
            Outcome::Unassessable(u) => u.lines(),
            Outcome::Fail(_) => None,
        })
        .collect();
    let mut shared: HashMap<&Line, usize> = HashMap::new();
    for (rows, columns) in candidates.iter().flatten() {
        *shared.entry(rows).or_default() += 1;
        *shared.entry(columns).or_default() += 1;
    }
    // The cause of each: the candidate most identities share (rows first),
    // when at least two do.
    let count = |line: &Line| shared.get(line).copied().unwrap_or(0);
    let causes: Vec<Option<Line>> = candidates
        .iter()
        .map(|c| {
            let (rows, columns) = c.as_ref()?;
            let best = if count(columns) > count(rows) {
                columns
            } else {
                rows
            };
            (count(best) >= 2).then(|| best.clone())
        })
        .collect();
    enum Slot {
        Finding(Finding),
        Group(Line),
    }
    let mut slots = Vec::new();
    let mut groups: HashMap<Line, Vec<Unassessable<'_>>> = HashMap::new();
    for (outcome, cause) in outcomes.into_iter().zip(causes) {
        match (outcome, cause) {
            (Outcome::Unassessable(u), Some(line)) => {
                let members = groups.entry(line.clone()).or_default();
                if members.is_empty() {
                    slots.push(Slot::Group(line));
                }
                members.push(u);
            }
            (outcome, _) => slots.push(Slot::Finding(outcome.into_finding())),
        }
    }
    slots
        .into_iter()
        .filter_map(|slot| match slot {
            Slot::Finding(f) => Some(f),
            Slot::Group(line) => grouped(&line, groups.remove(&line)?),
        })
        .collect()
}

/// One finding for the identities that `line` leaves unassessable.
fn grouped(line: &Line, members: Vec<Unassessable<'_>>) -> Option<Finding> {
    let rule = members.first()?.rule;
    let places: Vec<Place<'_>> = members.iter().map(|m| m.place).collect();
    let (mut zh, mut en, mut keys) = (Vec::new(), Vec::new(), Vec::new());
    let mut cells: Vec<FindingCell> = Vec::new();
    let mut blank_spans: Vec<Span> = Vec::new();
    for blank in members.iter().flat_map(|m| &m.blanks) {
        push_new(&mut zh, blank.zh.as_str());
        push_new(&mut en, blank.en.as_str());
        push_new(&mut keys, blank.key.render());
        if let Some(cell) = &blank.cell {
            push_new(&mut cells, cell.clone());
        }
        blank_spans.extend(blank.span());
    }
    let cover = |spans: &mut dyn Iterator<Item = Span>| spans.reduce(|a, b| a.cover(b));
    // Where the blanks are (cells, or rows without cells), else the
    // identities' cells.
    let span = cover(&mut blank_spans.into_iter())
        .or_else(|| cover(&mut members.iter().map(|m| m.span)))
        .unwrap_or_default();
    let (what_zh, what_en) = (zh.join("、"), en.join(", "));
    Some(Finding {
        rule,
        scope: line.parts.join(","),
        class: rule.class(),
        severity: rule.class().severity(),
        status: Status::NotAssessable,
        expected: None,
        found: None,
        difference: None,
        cells,
        unassessable: members.iter().map(|m| m.scope.clone()).collect(),
        blank_cells: keys,
        span,
        blanks_as_zero: members.iter().any(|m| m.blanks_as_zero),
        message: format!("{}：无法核对，{what_zh}", Place::join(&places, false)),
        message_en: format!("{}: not assessable, {what_en}", Place::join(&places, true)),
        claim: None,
        report_year: None,
    })
}
