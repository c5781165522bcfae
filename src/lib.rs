//! Parse and validate Chinese government information disclosure annual
//! reports (政府信息公开工作年度报告) from extracted text.
//!
//! Every agency publishes such a report each year in a national format: six
//! statutory sections and three tables of counts (table 2 主动公开, table 3
//! 收到和处理申请, table 4 行政复议、行政诉讼), in a 2019 or a 2021 template.
//! This crate reads the text as converters leave it — tabs, pipes, one cell a
//! line, space-aligned or flattened tables, HTML — into a typed
//! [`AnnualReport`] whose every node and cell carries a [`Span`] into the
//! original input, and checks the numbers against the template's identities.
//!
//! # Parse
//!
//! [`parse_report`] never fails and never panics: what it could not
//! understand is a [`Diagnostic`] with a stable [`DiagnosticCode`].
//! [`parse_report_strict`] turns error diagnostics into an `Err`. A
//! [`LineIndex`] turns spans into lines and columns.
//!
//! ```
//! use gov_disclosure_report::{LineIndex, SectionKind, parse_report};
//! let text = "某县民政局2021年度政府信息公开工作报告\n一、总体情况\n本年度…\n二、主动公开政府信息情况\n";
//! let report = parse_report(text);
//! assert_eq!(report.agency.as_ref().map(|a| a.value.as_str()), Some("某县民政局"));
//! assert_eq!(report.sections.len(), 2);
//! assert_eq!(report.sections[1].kind, SectionKind::ProactiveDisclosure);
//! // Every node points into the original text.
//! let heading = &report.sections[1].heading;
//! assert_eq!(heading.span.slice(text), Some("二、主动公开政府信息情况"));
//! let index = LineIndex::new(text);
//! assert_eq!(index.line_col_of(heading.span).to_string(), "4:1");
//! // Sections 三 to 六 are missing: each is a diagnostic, not an error.
//! for d in &report.diagnostics {
//!     println!("{} {d}", index.line_col_of(d.span));
//! }
//! ```
//!
//! # Tables and facts
//!
//! Tables are typed ([`ProactiveDisclosureTable`], [`RequestsTable`],
//! [`ReviewsTable`]); a [`Cell`] keeps its raw text, span and [`CellValue`]
//! — a blank or `/` is never `0`. [`AnnualReport::facts`] lists every number
//! and metadata field under its canonical dotted key, with a typed value and
//! its span; [`Fact::value_text`] writes it as a facts dump does.
//!
//! ```
//! use gov_disclosure_report::{ApplicantColumn, CellValue, FactKey, FactValue, RequestsRowKey, parse_report};
//! let text = "三、收到和处理政府信息公开申请情况\n\
//! 一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n\
//! 二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t\n";
//! let report = parse_report(text);
//! let table = report.table3().unwrap();
//! let blank = table.cell(RequestsRowKey::CarriedOver, ApplicantColumn::Total).unwrap();
//! assert_eq!(blank.value, CellValue::Empty);
//! let key = FactKey::Requests(RequestsRowKey::NewReceived, ApplicantColumn::Total);
//! let fact = report.facts().find(|f| f.key == key).unwrap();
//! assert_eq!(fact.value, FactValue::Integer(3));
//! assert_eq!(fact.span.and_then(|s| s.slice(text)), Some("3"));
//! // As a facts dump writes it.
//! assert_eq!(format!("{}\t{}", fact.key, fact.value_text()), "t3.new_received.total\t3");
//! ```
//!
//! # Validate
//!
//! [`validate::validate`] checks one report against the rule catalogue
//! ([`validate::Rule`]: table identities, derived checks, narrative against
//! tables, structure); [`validate::validate_series`] compares consecutive
//! years of one agency. A [`validate::Finding`] names its rule, scope,
//! severity, status (failed or not assessable), the values and every cell
//! involved. [`validate::ValidateOptions`] changes how blanks are read.
//!
//! ```
//! use gov_disclosure_report::parse_report;
//! use gov_disclosure_report::validate::{Rule, Status, ValidateOptions, validate, validate_with};
//! let text = "三、收到和处理政府信息公开申请情况\n\
//! 一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n\
//! 二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t/\n";
//! let report = parse_report(text);
//! // The `/` in row 二 makes its row sum not assessable — never read as 0 …
//! let col = validate(&report).into_iter().find(|f| f.rule == Rule::T3Col).unwrap();
//! assert_eq!((col.scope.as_str(), col.status), ("carried_over", Status::NotAssessable));
//! // … unless asked for, and then the finding says so.
//! let lenient = ValidateOptions::default().blanks_as_zero(true);
//! let findings = validate_with(&report, &lenient);
//! assert!(!findings.iter().any(|f| f.rule == Rule::T3Col));
//! ```
//!
//! # Render
//!
//! [`render::render_report`] writes a report back as canonical text with the
//! official labels, in one of four table layouts; parsing it again gives the
//! same facts.
//!
//! # Features
//!
//! `serde` (on by default): `Serialize` and `Deserialize` for the tree,
//! diagnostics, findings, rules and options (and `Serialize` for facts).
//! Fields added in later releases are `Option`, `Vec` or `bool` and default
//! when absent, so JSON written by an earlier release still reads.
//!
//! # Stability
//!
//! Types a later release may extend — templates, diagnostic codes, rules,
//! options, cell values, the tree's structs — are `#[non_exhaustive]`: match
//! them with a wildcard arm; the crate builds them, callers read them.
//! [`SectionKind`] (fixed by the Regulation) and [`Severity`] are exhaustive.
//! The only dependency types in the API are serde's traits and chrono's
//! `NaiveDate`.
#![forbid(unsafe_code)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod ast;
mod context;
mod diagnostic;
mod facts;
mod grammar;
mod lines;
mod markup;
mod normalize;
pub mod render;
mod span;
mod structure;
mod tables;
pub mod validate;

pub use ast::*;
pub use diagnostic::{Diagnostic, DiagnosticCode, ParseError, Severity};
pub use facts::{Fact, FactKey, FactValue, Facts, MetaKey, UnknownFactKey};
pub use span::{LineCol, LineIndex, Span};

/// Not part of the public API: the normalization stage, exposed only for
/// this crate's own fuzz targets, tests and benches. It may change in any
/// release without notice.
#[doc(hidden)]
pub mod unstable_internals {
    pub use crate::markup::looks_like_html;
    pub use crate::normalize::{MapCursor, Normalized, OffsetMap, normalize};
}

/// Parses report text into an [`AnnualReport`]. Never fails and never
/// panics: whatever could not be understood is reported in
/// [`AnnualReport::diagnostics`]. Time is linear in the input size.
///
/// ```
/// use gov_disclosure_report::{DiagnosticCode, SectionKind, parse_report};
/// let report = parse_report("某县民政局2021年度政府信息公开工作报告\n一、总体情况\n正文。\n");
/// assert_eq!(report.year.as_ref().map(|y| y.value), Some(2021));
/// assert!(report.section(SectionKind::Overview).is_some());
/// // Sections 二 to 六 are missing, and said so.
/// let missing = report
///     .diagnostics
///     .iter()
///     .filter(|d| d.code == DiagnosticCode::SectionMissing)
///     .count();
/// assert_eq!(missing, 5);
/// ```
pub fn parse_report(input: &str) -> AnnualReport {
    structure::parse(input)
}

/// Like [`parse_report`], but error-severity diagnostics become an `Err`.
///
/// ```
/// assert!(gov_disclosure_report::parse_report_strict("").is_err());
/// ```
pub fn parse_report_strict(input: &str) -> Result<AnnualReport, ParseError> {
    let report = parse_report(input);
    let errors: Vec<Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    if errors.is_empty() {
        Ok(report)
    } else {
        Err(ParseError { errors })
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
