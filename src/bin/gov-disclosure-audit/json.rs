//! The JSON output: the tool's own records, documented in `docs/audit.md`
//! and versioned by [`SCHEMA_VERSION`], rather than the library's tree. One
//! type per field (a cell's `value` is a number or null, its `kind` says
//! which), table cells keyed by column name, snake_case names, one record
//! shape for every input (an input that could not be read has `error` set).

use crate::excerpt::LineIndex;
use crate::fold::rule_id;
use crate::lang::Lang;
use crate::summary::{Outcome, Summary, outcome};
use crate::{Audited, Unreadable};
use gov_disclosure_report::validate::{Finding, RuleClass, Status};
use gov_disclosure_report::{
    AnnualReport, ApplicantColumn, Cell, CellValue, ProactiveItem, ReviewGroup, ReviewOutcome, Span,
};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// The version of the record shapes; raised when a field changes meaning
/// or is removed (adding a field does not raise it).
pub const SCHEMA_VERSION: u32 = 2;

/// The `json` document.
#[derive(Serialize)]
pub struct Document<'a> {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `gov-disclosure-audit` and its version.
    pub tool: String,
    /// One record per input, in input order.
    pub records: Vec<Record<'a>>,
    /// Counts over the batch.
    pub summary: &'a Summary,
}

/// The `--summary --format json` document.
#[derive(Serialize)]
pub struct SummaryDocument<'a> {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `gov-disclosure-audit` and its version.
    pub tool: String,
    /// Counts over the batch.
    pub summary: &'a Summary,
}

/// The name and version of the tool.
pub fn tool() -> String {
    format!("gov-disclosure-audit {}", env!("CARGO_PKG_VERSION"))
}

/// One input: a report, or an input that could not be read (`error`).
#[derive(Serialize, Default)]
pub struct Record<'a> {
    /// [`SCHEMA_VERSION`], in every record so JSONL lines stand alone.
    pub schema_version: u32,
    /// The path as given (`<stdin>` for standard input).
    pub path: &'a str,
    /// Why the input could not be read; null when it was.
    pub error: Option<&'a str>,
    /// `text`, `docx` or `pdf`.
    pub input_format: Option<&'static str>,
    /// `utf-8`, `utf-16le`, `utf-16be` or `gb18030`.
    pub encoding: Option<&'static str>,
    /// Whether the input reads as an annual report.
    pub is_report: Option<bool>,
    /// `failed`, `not_assessable`, `warnings` or `clean`.
    pub outcome: Option<&'static str>,
    /// The title as printed.
    pub title: Option<&'a str>,
    /// The agency.
    pub agency: Option<&'a str>,
    /// The report year.
    pub year: Option<i32>,
    /// The signature date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// First day of the statistic period, `YYYY-MM-DD`.
    pub period_from: Option<String>,
    /// Last day of the statistic period, `YYYY-MM-DD`.
    pub period_to: Option<String>,
    /// Numbers (1–6) of the sections found, in order.
    pub sections: Vec<u8>,
    /// Table 2 (主动公开), if read.
    pub t2: Option<TableRecord<'a>>,
    /// Table 3 (收到和处理申请), if read.
    pub t3: Option<TableRecord<'a>>,
    /// Table 4 (行政复议、行政诉讼), if read.
    pub t4: Option<TableRecord<'a>>,
    /// Parse diagnostics.
    pub diagnostics: Vec<DiagnosticRecord<'a>>,
    /// Validation findings.
    pub findings: Vec<FindingRecord<'a>>,
}

/// Where something is: byte offsets into the decoded text, 1-based line
/// and column (in chars).
#[derive(Serialize, Clone, Copy)]
pub struct Place {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in chars.
    pub column: usize,
}

fn place(index: &LineIndex, span: Span) -> Place {
    let p = index.position(span.start);
    Place {
        start: span.start,
        end: span.end,
        line: p.line,
        column: p.column,
    }
}

/// A table.
#[derive(Serialize)]
pub struct TableRecord<'a> {
    /// `2019` or `2021` (table 4: `any`).
    pub template: &'static str,
    /// Rows in template order.
    pub rows: Vec<RowRecord<'a>>,
    /// Rows matching no row of the template, with their cells in order.
    pub extra_rows: Vec<ExtraRowRecord<'a>>,
    /// The whole table.
    pub place: Place,
}

/// A row: cells keyed by column name.
#[derive(Serialize)]
pub struct RowRecord<'a> {
    /// The row's key, as in the fact keys (`new_received`, `licensing`, `review`).
    pub row: &'static str,
    /// The label as printed.
    pub label: Option<&'a str>,
    /// Whether the cells could not be aligned with the columns (then `cells` is empty).
    pub ambiguous: bool,
    /// Cells by column name (`natural_person`, …, `total`).
    pub cells: Columns<'a>,
}

/// A row outside the template.
#[derive(Serialize)]
pub struct ExtraRowRecord<'a> {
    /// The label as printed.
    pub label: Option<&'a str>,
    /// Its cells in order.
    pub cells: Vec<CellRecord<'a>>,
}

/// Cells keyed by column name, in column order.
pub struct Columns<'a>(Vec<(&'static str, CellRecord<'a>)>);

impl Serialize for Columns<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A cell.
#[derive(Serialize)]
pub struct CellRecord<'a> {
    /// The number, or null when the cell holds none.
    pub value: Option<f64>,
    /// `integer`, `decimal`, `empty`, `placeholder` or `text`.
    pub kind: &'static str,
    /// The text as printed.
    pub raw: &'a str,
    /// A unit stripped from the text (`元`, `万元`, `件`).
    pub unit: Option<&'a str>,
    /// Whether the value was inferred rather than read: split from a run of
    /// digits by the table's arithmetic, or placed by the template's row
    /// order where the text lost the row structure (each has a diagnostic).
    pub inferred: bool,
    /// Where it is.
    pub place: Place,
}

fn cell<'a>(index: &LineIndex, c: &'a Cell) -> CellRecord<'a> {
    #[allow(unreachable_patterns)] // kinds may be added to the library
    let kind = match &c.value {
        CellValue::Integer(_) => "integer",
        CellValue::Decimal(_) => "decimal",
        CellValue::Empty => "empty",
        CellValue::Placeholder => "placeholder",
        CellValue::Text => "text",
        _ => "text",
    };
    CellRecord {
        value: c.value.as_f64(),
        kind,
        raw: &c.raw,
        unit: c.unit.as_deref(),
        inferred: c.inferred,
        place: place(index, c.span),
    }
}

fn columns<'a>(index: &LineIndex, keys: &[&'static str], cells: &'a [Cell]) -> Columns<'a> {
    Columns(
        keys.iter()
            .zip(cells)
            .map(|(k, c)| (*k, cell(index, c)))
            .collect(),
    )
}

fn tables<'a>(index: &LineIndex, r: &'a AnnualReport, out: &mut Record<'a>) {
    let extra = |rows: &'a [gov_disclosure_report::ExtraRow]| {
        rows.iter()
            .map(|x| ExtraRowRecord {
                label: x.label.as_ref().map(|l| l.text.as_str()),
                cells: x.cells.iter().map(|c| cell(index, c)).collect(),
            })
            .collect()
    };
    if let Some(t) = r.table2() {
        let rows = t
            .rows
            .iter()
            .map(|row| {
                let keys: Vec<&'static str> = ProactiveItem::columns(row.item, t.template)
                    .iter()
                    .map(|c| c.key())
                    .collect();
                RowRecord {
                    row: row.item.key(),
                    label: row.label.as_ref().map(|l| l.text.as_str()),
                    ambiguous: row.ambiguous.is_some(),
                    cells: columns(index, &keys, &row.cells),
                }
            })
            .collect();
        out.t2 = Some(TableRecord {
            template: t.template.as_str(),
            rows,
            extra_rows: extra(&t.extra_rows),
            place: place(index, t.span),
        });
    }
    if let Some(t) = r.table3() {
        let keys: Vec<&'static str> = ApplicantColumn::ALL.iter().map(|c| c.key()).collect();
        let rows = t
            .rows
            .iter()
            .map(|row| RowRecord {
                row: row.key.key(),
                label: row.label.as_ref().map(|l| l.text.as_str()),
                ambiguous: row.ambiguous.is_some(),
                cells: columns(index, &keys, &row.cells),
            })
            .collect();
        out.t3 = Some(TableRecord {
            template: t.template.as_str(),
            rows,
            extra_rows: extra(&t.extra_rows),
            place: place(index, t.span),
        });
    }
    if let Some(t) = r.table4() {
        let keys: Vec<&'static str> = ReviewOutcome::ALL.iter().map(|c| c.key()).collect();
        let width = keys.len();
        let rows = ReviewGroup::ALL
            .iter()
            .enumerate()
            .map(|(g, group)| RowRecord {
                row: group.key(),
                label: None,
                ambiguous: t.ambiguous.is_some(),
                cells: columns(
                    index,
                    &keys,
                    t.cells.get(g * width..(g + 1) * width).unwrap_or_default(),
                ),
            })
            .collect();
        out.t4 = Some(TableRecord {
            template: "any",
            rows,
            extra_rows: Vec::new(),
            place: place(index, t.span),
        });
    }
}

/// A parse diagnostic.
#[derive(Serialize)]
pub struct DiagnosticRecord<'a> {
    /// Its stable code, e.g. `P-ROW-EMPTY`.
    pub code: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// The message in the run's language.
    pub message: &'a str,
    /// Where it is.
    pub place: Place,
}

/// A cell taking part in a finding.
#[derive(Serialize)]
pub struct FindingCellRecord<'a> {
    /// Its fact key, e.g. `t3.new_received.total`.
    pub key: &'a str,
    /// The text as printed.
    pub raw: &'a str,
    /// For cross-year findings: the year of the report it belongs to.
    pub year: Option<i32>,
    /// Whether its value was inferred rather than read.
    pub inferred: bool,
    /// First byte, in the text of its report.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A validation finding.
#[derive(Serialize)]
pub struct FindingRecord<'a> {
    /// Rule id, e.g. `T3.BAL`.
    pub rule: &'a str,
    /// What the rule was applied to (a column, a row, a group…).
    pub scope: &'a str,
    /// `exact`, `derived`, `heur_strong` or `heur_weak`.
    pub class: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// `fail` or `not_assessable`.
    pub status: &'static str,
    /// The value the rule expects, when computable.
    pub expected: Option<f64>,
    /// The value found, when computable.
    pub found: Option<f64>,
    /// `found - expected`, when both are known.
    pub difference: Option<f64>,
    /// Whether blanks were read as zero (`--blanks-as-zero`).
    pub blanks_as_zero: bool,
    /// The message in the run's language.
    pub message: &'a str,
    /// The participating cells.
    pub cells: Vec<FindingCellRecord<'a>>,
    /// Where the finding points (its first cell of this report, else the
    /// section or sentence).
    pub place: Place,
}

/// `exact`, `derived`, `heur_strong`, `heur_weak`.
pub fn class_name(class: RuleClass) -> &'static str {
    #[allow(unreachable_patterns)] // classes may be added to the library
    match class {
        RuleClass::Exact => "exact",
        RuleClass::Derived => "derived",
        RuleClass::HeurStrong => "heur_strong",
        RuleClass::HeurWeak => "heur_weak",
        _ => "other",
    }
}

/// `fail`, `not_assessable`.
pub fn status_name(status: Status) -> &'static str {
    status.as_str()
}

fn finding<'a>(
    index: &LineIndex,
    year: Option<i32>,
    lang: Lang,
    f: &'a Finding,
) -> FindingRecord<'a> {
    let at = f
        .cells
        .iter()
        .find(|c| c.year.is_none() || c.year == year)
        .map_or(f.span, |c| c.span);
    FindingRecord {
        rule: rule_id(f),
        scope: &f.scope,
        class: class_name(f.class),
        severity: f.severity.as_str(),
        status: status_name(f.status),
        expected: f.expected,
        found: f.found,
        difference: f.difference,
        blanks_as_zero: f.blanks_as_zero,
        message: lang.finding(f),
        cells: f
            .cells
            .iter()
            .map(|c| FindingCellRecord {
                key: &c.key,
                raw: &c.raw,
                year: c.year,
                inferred: c.inferred,
                start: c.span.start,
                end: c.span.end,
            })
            .collect(),
        place: place(index, at),
    }
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Failed => "failed",
        Outcome::NotAssessable => "not_assessable",
        Outcome::Warnings => "warnings",
        Outcome::Clean => "clean",
    }
}

/// The record of an audited report.
pub fn report_record<'a>(a: &'a Audited, lang: Lang) -> Record<'a> {
    let index = LineIndex::new(&a.text);
    let r = &a.report;
    let date = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let year = r.year.as_ref().map(|y| y.value);
    let mut out = Record {
        schema_version: SCHEMA_VERSION,
        path: &a.path,
        input_format: Some(a.format),
        encoding: Some(a.encoding),
        is_report: Some(!a.not_a_report),
        outcome: Some(outcome_name(outcome(a))),
        title: r.title.as_ref().map(|t| t.text.as_str()),
        agency: r.agency.as_ref().map(|x| x.value.as_str()),
        year,
        published: r.published.as_ref().map(|p| date(p.value)),
        period_from: r.period.as_ref().map(|p| date(p.from)),
        period_to: r.period.as_ref().map(|p| date(p.to)),
        sections: r.sections.iter().map(|s| s.kind.number()).collect(),
        diagnostics: r
            .diagnostics
            .iter()
            .map(|d| DiagnosticRecord {
                code: d.code.as_str(),
                severity: d.severity.as_str(),
                message: lang.diagnostic(d),
                place: place(&index, d.span),
            })
            .collect(),
        findings: a
            .findings
            .iter()
            .map(|f| finding(&index, year, lang, f))
            .collect(),
        ..Record::default()
    };
    tables(&index, r, &mut out);
    out
}

/// The record of an input that could not be read.
pub fn unreadable_record(u: &Unreadable) -> Record<'_> {
    Record {
        schema_version: SCHEMA_VERSION,
        path: &u.path,
        error: Some(&u.error),
        ..Record::default()
    }
}
