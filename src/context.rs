//! The state one parse shares between its stages: the original input, the
//! normalized text with its offset map, and the diagnostics sink.

use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::normalize::{MapCursor, Normalized};
use crate::span::Span;

/// Shared state of one parse: the normalized text and the diagnostics sink.
pub(crate) struct Context<'a> {
    /// The original input.
    pub(crate) source: &'a str,
    /// The normalized text and its offset map.
    pub(crate) norm: &'a Normalized,
    /// Span lookups in the offset map, which mostly move forward.
    cursor: MapCursor<'a>,
    diagnostics: Vec<Diagnostic>,
    /// The report year, once known (used to guess a template).
    pub(crate) year: Option<i32>,
}

impl<'a> Context<'a> {
    /// A context for one parse of `source`, normalized as `norm`.
    pub(crate) fn new(source: &'a str, norm: &'a Normalized) -> Self {
        Context {
            source,
            norm,
            cursor: norm.map().cursor(),
            diagnostics: Vec::new(),
            year: None,
        }
    }

    /// The normalized text.
    pub(crate) fn text(&self) -> &'a str {
        self.norm.text()
    }

    /// Original span of normalized offsets `start..end`.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        self.cursor.to_original(Span::new(start, end))
    }

    /// Records a diagnostic.
    pub(crate) fn diagnose(
        &mut self,
        code: DiagnosticCode,
        span: Span,
        message: impl Into<String>,
    ) {
        self.diagnostics.push(Diagnostic::new(code, span, message));
    }

    /// The diagnostics recorded, in input order.
    pub(crate) fn into_diagnostics(self) -> Vec<Diagnostic> {
        let mut diagnostics = self.diagnostics;
        diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
        diagnostics
    }
}
