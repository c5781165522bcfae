//! Facts: every number and metadata field of a report under its canonical
//! dotted key, with a typed value, the span it was read from and whether it
//! was read or inferred.
//!
//! The keys, values and the facts dump are documented in `docs/fact-keys.md`,
//! included in [`Fact`]'s documentation.

use crate::ast::{
    AnnualReport, ApplicantColumn, Cell, CellValue, ProactiveColumn, ProactiveItem, RequestsRowKey,
    ReviewGroup, ReviewOutcome, SectionKind, Template,
};
use crate::span::Span;
use chrono::NaiveDate;
use std::fmt;

/// A metadata field of the report (`meta.*` keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum MetaKey {
    /// `meta.agency`: the agency named in the title.
    Agency,
    /// `meta.year`: the year the statistics cover.
    Year,
    /// `meta.published`: the signature date.
    Published,
    /// `meta.t2_template`: the template table 2 follows.
    T2Template,
    /// `meta.t3_template`: the template table 3 follows.
    T3Template,
    /// `meta.sections`: the statutory sections found.
    Sections,
}

impl MetaKey {
    /// Every metadata key, in the order [`AnnualReport::facts`] gives them.
    pub const ALL: &'static [MetaKey] = &[
        MetaKey::Agency,
        MetaKey::Year,
        MetaKey::Published,
        MetaKey::T2Template,
        MetaKey::T3Template,
        MetaKey::Sections,
    ];

    /// The key fragment after `meta.`, e.g. `t2_template`.
    pub fn key(self) -> &'static str {
        match self {
            MetaKey::Agency => "agency",
            MetaKey::Year => "year",
            MetaKey::Published => "published",
            MetaKey::T2Template => "t2_template",
            MetaKey::T3Template => "t3_template",
            MetaKey::Sections => "sections",
        }
    }
}

/// A canonical fact key. Its string form ([`Display`](fmt::Display),
/// [`FromStr`](std::str::FromStr), serde) is the dotted key:
/// `meta.<field>`, `t2.<item>.<column>`, `t3.<row>.<column>`,
/// `t4.<group>.<outcome>`, made of the `key()` fragments of the typed parts.
///
/// ```
/// use gov_disclosure_report::{ApplicantColumn, FactKey, RequestsRowKey};
/// let key: FactKey = "t3.denied.state_secret.total".parse()?;
/// assert_eq!(key, FactKey::Requests(RequestsRowKey::DeniedStateSecret, ApplicantColumn::Total));
/// assert_eq!(key.to_string(), "t3.denied.state_secret.total");
/// assert!("t3.granted.everyone".parse::<FactKey>().is_err());
/// # Ok::<(), gov_disclosure_report::UnknownFactKey>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum FactKey {
    /// `meta.*`.
    Meta(MetaKey),
    /// `t2.<item>.<column>`: a cell of table 2.
    Proactive(ProactiveItem, ProactiveColumn),
    /// `t3.<row>.<column>`: a cell of table 3.
    Requests(RequestsRowKey, ApplicantColumn),
    /// `t4.<group>.<outcome>`: a cell of table 4.
    Reviews(ReviewGroup, ReviewOutcome),
}

impl fmt::Display for FactKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (table, row, column) = match self {
            FactKey::Meta(m) => return write!(f, "meta.{}", m.key()),
            FactKey::Proactive(i, c) => ("t2", i.key(), c.key()),
            FactKey::Requests(r, c) => ("t3", r.key(), c.key()),
            FactKey::Reviews(g, o) => ("t4", g.key(), o.key()),
        };
        write!(f, "{table}.{row}.{column}")
    }
}

/// The error of parsing a [`FactKey`] from a string that is no fact key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown fact key `{key}`")]
pub struct UnknownFactKey {
    /// The string that was given.
    pub key: String,
}

/// The value of `all` whose `key()` is `fragment`.
fn by_key<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str, fragment: &str) -> Option<T> {
    all.iter().copied().find(|v| key(*v) == fragment)
}

impl std::str::FromStr for FactKey {
    type Err = UnknownFactKey;

    fn from_str(text: &str) -> Result<FactKey, UnknownFactKey> {
        let parse = || -> Option<FactKey> {
            let (table, rest) = text.split_once('.')?;
            if table == "meta" {
                return by_key(MetaKey::ALL, MetaKey::key, rest).map(FactKey::Meta);
            }
            // Row keys may hold dots (`denied.state_secret`); columns never do.
            let (row, column) = rest.rsplit_once('.')?;
            match table {
                "t2" => {
                    let item = by_key(ProactiveItem::ALL, ProactiveItem::key, row)?;
                    let column = by_key(ProactiveColumn::ALL, ProactiveColumn::key, column)?;
                    let in_a_template = [Template::V2019, Template::V2021]
                        .iter()
                        .any(|t| item.columns(*t).contains(&column));
                    in_a_template.then_some(FactKey::Proactive(item, column))
                }
                "t3" => Some(FactKey::Requests(
                    by_key(RequestsRowKey::ALL, RequestsRowKey::key, row)?,
                    by_key(ApplicantColumn::ALL, ApplicantColumn::key, column)?,
                )),
                "t4" => Some(FactKey::Reviews(
                    by_key(ReviewGroup::ALL, ReviewGroup::key, row)?,
                    by_key(ReviewOutcome::ALL, ReviewOutcome::key, column)?,
                )),
                _ => None,
            }
        };
        parse().ok_or_else(|| UnknownFactKey {
            key: text.to_string(),
        })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for FactKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for FactKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The typed value of a fact.
///
/// Table cells give the first five kinds (as [`CellValue`]); metadata the
/// others. [`Display`](fmt::Display) writes the value as a facts dump does.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", content = "value", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum FactValue<'a> {
    /// A whole number, sign kept. Written `-4`.
    Integer(i64),
    /// A decimal (money) in plain dot notation, as in [`CellValue::Decimal`]. Written `12.5`.
    Decimal(&'a str),
    /// The cell exists but holds nothing. Written `empty`.
    Empty,
    /// The cell holds a placeholder (`/`, `—`, `无`, …). Written `na`.
    Placeholder,
    /// The cell holds something that is not a number. Written `text`.
    Unreadable,
    /// Metadata text (the agency). Written as is.
    Text(&'a str),
    /// A year. Written `2020`.
    Year(i32),
    /// A date. Written ISO `2021-01-22`.
    Date(NaiveDate),
    /// A template. Written `2019` or `2021`.
    Template(Template),
    /// The statutory sections found, in order. Written `1,2,3,4,5,6`.
    Sections(Vec<SectionKind>),
}

impl<'a> From<&'a CellValue> for FactValue<'a> {
    fn from(value: &'a CellValue) -> Self {
        match value {
            CellValue::Integer(n) => FactValue::Integer(*n),
            CellValue::Decimal(d) => FactValue::Decimal(d),
            CellValue::Empty => FactValue::Empty,
            CellValue::Placeholder => FactValue::Placeholder,
            CellValue::Text => FactValue::Unreadable,
        }
    }
}

impl FactValue<'_> {
    /// Whether the value is a number (integer or decimal).
    pub fn is_number(&self) -> bool {
        matches!(self, FactValue::Integer(_) | FactValue::Decimal(_))
    }
}

impl fmt::Display for FactValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactValue::Integer(n) => write!(f, "{n}"),
            FactValue::Decimal(d) | FactValue::Text(d) => f.write_str(d),
            FactValue::Empty => f.write_str("empty"),
            FactValue::Placeholder => f.write_str("na"),
            FactValue::Unreadable => f.write_str("text"),
            FactValue::Year(y) => write!(f, "{y}"),
            FactValue::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            FactValue::Template(t) => f.write_str(t.as_str()),
            FactValue::Sections(kinds) => {
                for (i, kind) in kinds.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{}", kind.number())?;
                }
                Ok(())
            }
        }
    }
}

/// One fact of a report: key, typed value, where it was read and how.
///
#[doc = include_str!("../docs/fact-keys.md")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Fact<'a> {
    /// The canonical key.
    pub key: FactKey,
    /// The typed value.
    pub value: FactValue<'a>,
    /// Where the value is in the original input: the cell (an empty span for
    /// an empty cell), the agency, year or date as read, the table whose
    /// template is given; none for `meta.sections`.
    pub span: Option<Span>,
    /// Whether the value was inferred (placed by the table's arithmetic or
    /// row order) rather than read; see [`Cell::inferred`].
    pub inferred: bool,
    /// The table cell, for table facts (raw text, unit).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub cell: Option<&'a Cell>,
}

impl Fact<'_> {
    /// The value as a facts dump writes it: `-4`, `12.5`, `empty`, `na`,
    /// `text`, or the metadata as text (`2020`, `2021-01-22`, `1,2,3`).
    pub fn value_text(&self) -> String {
        self.value.to_string()
    }

    fn meta<'a>(key: MetaKey, value: FactValue<'a>, span: Option<Span>) -> Fact<'a> {
        Fact {
            key: FactKey::Meta(key),
            value,
            span,
            inferred: false,
            cell: None,
        }
    }

    fn of_cell(key: FactKey, cell: &Cell) -> Fact<'_> {
        Fact {
            key,
            value: FactValue::from(&cell.value),
            span: Some(cell.span),
            inferred: cell.inferred,
            cell: Some(cell),
        }
    }
}

/// The facts of a report, in a stable order; see [`AnnualReport::facts`].
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    facts: std::vec::IntoIter<Fact<'a>>,
}

impl<'a> Iterator for Facts<'a> {
    type Item = Fact<'a>;

    fn next(&mut self) -> Option<Fact<'a>> {
        self.facts.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.facts.size_hint()
    }
}

impl ExactSizeIterator for Facts<'_> {}

impl DoubleEndedIterator for Facts<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.facts.next_back()
    }
}

impl std::iter::FusedIterator for Facts<'_> {}

impl AnnualReport {
    /// Every fact the report states, in a stable order: `meta.*`, then
    /// `t2.*`, `t3.*`, `t4.*`, each table in template order.
    ///
    /// A fact is a [`FactKey`] (the canonical dotted key, e.g.
    /// `t3.new_received.total`), a typed [`FactValue`], the span it was read
    /// from and whether it was inferred. The metadata keys are
    /// `meta.agency`, `meta.year`, `meta.published` (when the report is
    /// signed with a date), `meta.t2_template`, `meta.t3_template` (when the
    /// table was read) and `meta.sections` (always). Table cells are
    /// `t2.<item>.<column>`, `t3.<row>.<column>` and
    /// `t4.<group>.<outcome>`, made of the `key()` fragments of
    /// [`ProactiveItem`], [`ProactiveColumn`], [`RequestsRowKey`],
    /// [`ApplicantColumn`], [`ReviewGroup`] and [`ReviewOutcome`]. A cell
    /// that is not in the text (missing table or row, ambiguous row, a key of
    /// the other template) has no fact: a blank is `empty`, never `0`. The
    /// full key list, with each key's label in the report, is in
    /// `docs/fact-keys.md` of the crate.
    ///
    /// A facts dump writes one fact a line as `path⇥key⇥value`, with
    /// [`Fact::value_text`] as the value.
    ///
    /// ```
    /// use gov_disclosure_report::{FactKey, FactValue, MetaKey, parse_report};
    /// let text = "某局2020年度政府信息公开工作报告\n一、总体情况\n无\n";
    /// let report = parse_report(text);
    /// let year = report.facts().find(|f| f.key == FactKey::Meta(MetaKey::Year)).unwrap();
    /// assert_eq!(year.value, FactValue::Year(2020));
    /// // Where the year was read: the title's `2020年度`.
    /// let read = year.span.and_then(|s| s.slice(text)).unwrap();
    /// assert!(read.starts_with("2020"));
    /// let dump: Vec<String> = report
    ///     .facts()
    ///     .map(|f| format!("{}\t{}", f.key, f.value_text()))
    ///     .collect();
    /// assert_eq!(dump, ["meta.agency\t某局", "meta.year\t2020", "meta.sections\t1"]);
    /// ```
    pub fn facts(&self) -> Facts<'_> {
        let mut out: Vec<Fact<'_>> = Vec::new();
        if let Some(a) = &self.agency {
            out.push(Fact::meta(
                MetaKey::Agency,
                FactValue::Text(&a.value),
                Some(a.span),
            ));
        }
        if let Some(y) = &self.year {
            out.push(Fact::meta(
                MetaKey::Year,
                FactValue::Year(y.value),
                Some(y.span),
            ));
        }
        if let Some(p) = &self.published {
            out.push(Fact::meta(
                MetaKey::Published,
                FactValue::Date(p.value),
                Some(p.span),
            ));
        }
        if let Some(t) = self.table2() {
            out.push(Fact::meta(
                MetaKey::T2Template,
                FactValue::Template(t.template),
                Some(t.span),
            ));
        }
        if let Some(t) = self.table3() {
            out.push(Fact::meta(
                MetaKey::T3Template,
                FactValue::Template(t.template),
                Some(t.span),
            ));
        }
        // The sections whose heading is in the text; a section known only
        // by its table (heading absent) is not listed.
        out.push(Fact::meta(
            MetaKey::Sections,
            FactValue::Sections(
                self.sections
                    .iter()
                    .filter(|s| s.heading.matched.is_found())
                    .map(|s| s.kind)
                    .collect(),
            ),
            None,
        ));
        if let Some(t) = self.table2() {
            for row in &t.rows {
                for (column, cell) in row.item.columns(t.template).iter().zip(&row.cells) {
                    out.push(Fact::of_cell(FactKey::Proactive(row.item, *column), cell));
                }
            }
        }
        if let Some(t) = self.table3() {
            for row in &t.rows {
                for (column, cell) in ApplicantColumn::ALL.iter().zip(&row.cells) {
                    out.push(Fact::of_cell(FactKey::Requests(row.key, *column), cell));
                }
            }
        }
        if let Some(t) = self.table4() {
            let keys = ReviewGroup::ALL.iter().flat_map(|g| {
                ReviewOutcome::ALL
                    .iter()
                    .map(move |o| FactKey::Reviews(*g, *o))
            });
            for (key, cell) in keys.zip(&t.cells) {
                out.push(Fact::of_cell(key, cell));
            }
        }
        Facts {
            facts: out.into_iter(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_every_template_parses_back() {
        let mut keys: Vec<FactKey> = MetaKey::ALL.iter().map(|m| FactKey::Meta(*m)).collect();
        for template in [Template::V2019, Template::V2021] {
            for item in ProactiveItem::items(template) {
                for column in item.columns(template) {
                    keys.push(FactKey::Proactive(*item, *column));
                }
            }
            for row in RequestsRowKey::rows(template) {
                for column in ApplicantColumn::ALL {
                    keys.push(FactKey::Requests(row, *column));
                }
            }
        }
        for group in ReviewGroup::ALL {
            for outcome in ReviewOutcome::ALL {
                keys.push(FactKey::Reviews(*group, *outcome));
            }
        }
        for key in keys {
            assert_eq!(key.to_string().parse::<FactKey>(), Ok(key));
        }
    }

    #[test]
    fn strings_that_are_no_key_are_refused() {
        for text in [
            "",
            "meta",
            "meta.title",
            "t2.regulations.decisions",
            "t3.granted",
            "t3.granted.total.x",
            "t4.review.granted",
            "t5.a.b",
        ] {
            assert_eq!(
                text.parse::<FactKey>(),
                Err(UnknownFactKey {
                    key: text.to_string()
                }),
                "{text}"
            );
        }
    }

    #[test]
    fn values_are_written_as_a_facts_dump_writes_them() {
        let date = NaiveDate::from_ymd_opt(2021, 1, 22).unwrap();
        for (value, text) in [
            (FactValue::Integer(-4), "-4"),
            (FactValue::Decimal("12.5"), "12.5"),
            (FactValue::Empty, "empty"),
            (FactValue::Placeholder, "na"),
            (FactValue::Unreadable, "text"),
            (FactValue::Text("某局"), "某局"),
            (FactValue::Year(2020), "2020"),
            (FactValue::Date(date), "2021-01-22"),
            (FactValue::Template(Template::V2019), "2019"),
            (
                FactValue::Sections(vec![SectionKind::Overview, SectionKind::Requests]),
                "1,3",
            ),
            (FactValue::Sections(Vec::new()), ""),
        ] {
            assert_eq!(value.to_string(), text);
        }
    }
}
