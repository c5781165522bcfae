//! Compiler-style rendering of diagnostics and findings with
//! `annotate-snippets`: file, line:column, the source lines and a marker
//! under each cell involved (wide CJK characters are measured by the crate).

use annotate_snippets::{Level, Renderer, Snippet};
use gov_disclosure_report::validate::Finding;
use gov_disclosure_report::{Diagnostic, Severity, Span};

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// Whether a span can be shown in `text` (annotate-snippets wants ranges
/// inside the source).
fn showable(text: &str, span: Span) -> bool {
    span.start < text.len()
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Renders one parse diagnostic.
pub fn diagnostic(renderer: &Renderer, path: &str, text: &str, d: &Diagnostic) -> String {
    let level = level(d.severity);
    let title = d.message.clone();
    let mut message = level.title(&title).id(d.code.as_str());
    if showable(text, d.span) {
        message = message.snippet(
            Snippet::source(text)
                .origin(path)
                .line_start(1)
                .fold(true)
                .annotation(level.span(d.span.start..d.span.end)),
        );
    } else {
        message = message.footer(Level::Note.title(path));
    }
    renderer.render(message).to_string()
}

/// Renders one finding; `year` is the report's own year, so cells of another
/// year's report (cross-year rules) are named in a note instead of marked.
pub fn finding(
    renderer: &Renderer,
    path: &str,
    text: &str,
    f: &Finding,
    year: Option<i32>,
    english: bool,
) -> String {
    let level = level(f.severity);
    // Not-assessable messages say so themselves.
    let title = (if english { &f.message_en } else { &f.message }).clone();
    let id = format!("{} {}", f.rule, f.scope);
    let own: Vec<_> = f
        .cells
        .iter()
        .filter(|c| c.year.is_none() || c.year == year)
        .filter(|c| showable(text, c.span))
        .collect();
    let other: Vec<String> = f
        .cells
        .iter()
        .filter(|c| c.year.is_some() && c.year != year)
        .map(|c| {
            format!(
                "{} = {} ({})",
                c.key,
                c.raw,
                c.year.map(|y| y.to_string()).unwrap_or_default()
            )
        })
        .collect();
    let other_note = other.join(", ");
    let mut message = level.title(&title).id(&id);
    if !own.is_empty() {
        let mut snippet = Snippet::source(text).origin(path).line_start(1).fold(true);
        for cell in &own {
            snippet =
                snippet.annotation(level.span(cell.span.start..cell.span.end).label(&cell.key));
        }
        message = message.snippet(snippet);
    } else if showable(text, f.span) {
        message = message.snippet(
            Snippet::source(text)
                .origin(path)
                .line_start(1)
                .fold(true)
                .annotation(level.span(f.span.start..f.span.end)),
        );
    } else {
        message = message.footer(Level::Note.title(path));
    }
    if !other.is_empty() {
        message = message.footer(Level::Note.title(&other_note));
    }
    renderer.render(message).to_string()
}
