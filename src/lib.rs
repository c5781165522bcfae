//! Parse and validate Chinese government information disclosure annual
//! reports (政府信息公开工作年度报告) from extracted text.
//!
//! ```
//! use gov_disclosure_report::{parse_report, SectionKind};
//! let text = "某县民政局2021年度政府信息公开工作报告\n一、总体情况\n本年度…\n二、主动公开政府信息情况\n";
//! let report = parse_report(text);
//! assert_eq!(report.agency.as_ref().map(|a| a.value.as_str()), Some("某县民政局"));
//! assert_eq!(report.sections.len(), 2);
//! assert_eq!(report.sections[1].kind, SectionKind::ProactiveDisclosure);
//! // Every node points into the original text.
//! let heading = &report.sections[1].heading;
//! assert_eq!(heading.span.slice(text), Some("二、主动公开政府信息情况"));
//! ```
//!
//! The pipeline, each stage its own private module: `normalize` (never
//! fails, keeps an offset map to the original text) → `lines` → small nom
//! `grammar`s (ordinals, titles, numbers, dates, labels) → `structure` (the
//! skeleton: title, metadata, sections, paragraphs; recovers) and `tables`
//! (tables 2, 3 and 4 in any extraction layout) → the typed [`AnnualReport`].
//! [`validate`] runs over the finished tree.
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
