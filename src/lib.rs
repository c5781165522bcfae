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
//! The pipeline: [`normalize()`] (never fails, keeps an offset map) →
//! [`lines`] → small nom [`grammar`]s → [`build`] (recovers, collects
//! diagnostics) → the typed [`AnnualReport`].
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

pub mod ast;
pub mod build;
pub mod diagnostic;
mod facts;
pub mod grammar;
pub mod lines;
pub mod markup;
pub mod normalize;
pub mod render;
pub mod span;
pub mod validate;

pub use ast::*;
pub use diagnostic::{Diagnostic, DiagnosticCode, ParseError, Severity};
pub use normalize::{MapCursor, Normalized, OffsetMap, normalize};
pub use span::{LineCol, LineIndex, Span};

/// Parses report text into an [`AnnualReport`]. Never fails and never
/// panics: whatever could not be understood is reported in
/// [`AnnualReport::diagnostics`]. Time is linear in the input size.
pub fn parse_report(input: &str) -> AnnualReport {
    build::parse(input)
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
