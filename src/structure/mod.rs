//! Lines → the report skeleton, with recovery: the title and its metadata,
//! the six section headings, narrative paragraphs and sentences; each
//! section's table is handed to [`crate::tables`]. Never fails.

mod meta;
pub(crate) mod sections;

use crate::ast::{
    AnnualReport, Heading, Located, Paragraph, Section, SectionKind, Sentence, StatisticPeriod,
    Title,
};
use crate::context::Context;
use crate::diagnostic::DiagnosticCode;
use crate::lines::lines_in;
use crate::normalize::normalize;
use crate::span::Span;
use crate::tables::{build_table, table_start};

impl Context<'_> {
    /// Splits a paragraph's text (at normalized offset `at`) into sentences.
    fn sentences(&self, at: usize, text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut from = 0;
        for (i, c) in text.char_indices() {
            if matches!(c, '。' | '!' | '！' | '?' | '？' | ';' | '；') {
                let to = i + c.len_utf8();
                out.push((from, to));
                from = to;
            }
        }
        if text.get(from..).is_some_and(|rest| !rest.trim().is_empty()) {
            out.push((from, text.len()));
        }
        out.into_iter()
            .map(|(a, b)| {
                let lead = text
                    .get(a..b)
                    .map(|s| s.len() - s.trim_start().len())
                    .unwrap_or(0);
                let a = a + lead;
                Sentence {
                    start: a,
                    end: b,
                    span: self.span(at + a, at + b),
                }
            })
            .collect()
    }

    fn paragraphs(&self, start: usize, end: usize) -> Vec<Paragraph> {
        // A line (or the rest of a heading line) made only of table pipes is
        // separator debris, as normalization treats a line of pipes, not text.
        let is_debris = |text: &str| text.chars().all(|c| c == '|' || c.is_whitespace());
        lines_in(self.text(), start, end)
            .iter()
            .filter(|l| !is_debris(l.text))
            .map(|l| {
                let (at, text) = l.trimmed();
                Paragraph {
                    text: text.to_string(),
                    span: self.span(at, at + text.len()),
                    sentences: self.sentences(at, text),
                }
            })
            .collect()
    }
}

fn trim_end_offset(text: &str, start: usize, end: usize) -> usize {
    text.get(start..end)
        .map(|s| start + s.trim_end().len())
        .unwrap_or(end)
}

/// Parses report text into the tree. See [`crate::parse_report`].
pub(crate) fn parse(input: &str) -> AnnualReport {
    let norm = normalize(input);
    let mut ctx = Context::new(input, &norm);
    let text = norm.text();
    let mut report = AnnualReport {
        span: Span::new(0, input.len()),
        title: None,
        agency: None,
        year: None,
        published: None,
        period: None,
        preamble: Vec::new(),
        sections: Vec::new(),
        diagnostics: Vec::new(),
    };
    if text.trim().is_empty() {
        ctx.diagnose(
            DiagnosticCode::EmptyInput,
            report.span,
            "the input holds no text",
        );
        report.diagnostics = ctx.into_diagnostics();
        return report;
    }

    let candidates = sections::candidates(text);
    let (headings, skipped) = sections::choose(text, &candidates);
    let first_heading = headings.first().map(|h| h.start).unwrap_or(text.len());

    // Title, agency and year.
    let title = meta::find_title(text, first_heading);
    if let Some(t) = &title {
        report.title = Some(Title {
            text: t.text.clone(),
            span: ctx.span(t.start, t.end),
        });
        report.agency = t.agency.as_ref().map(|(a, s, e)| Located {
            value: a.clone(),
            span: ctx.span(*s, *e),
        });
        report.year = t.year.map(|(y, s, e)| Located {
            value: y,
            span: ctx.span(s, e),
        });
    } else {
        ctx.diagnose(
            DiagnosticCode::TitleMissing,
            Span::new(0, 0),
            "no report title (…政府信息公开…报告) was found",
        );
    }
    let overview_end = headings
        .iter()
        .find(|h| h.kind > SectionKind::Overview)
        .map(|h| h.start)
        .unwrap_or(text.len());
    if let Some((from, to)) = meta::statistic_period(text, 0, overview_end)
        && let (Some(f), Some(t)) = (from.date, to.date)
    {
        let span = ctx.span(from.start, to.end);
        report.period = Some(StatisticPeriod {
            from: f,
            to: t,
            span,
        });
        match &report.year {
            None => {
                report.year = Some(Located {
                    value: to.year,
                    span,
                })
            }
            Some(y) if y.value != to.year => {
                let message = format!(
                    "the title says {} but the statistic period ends in {}",
                    y.value, to.year
                );
                ctx.diagnose(DiagnosticCode::YearMismatch, span, message);
            }
            Some(_) => {}
        }
    }
    if report.year.is_none() {
        let span = report.title.as_ref().map(|t| t.span).unwrap_or_default();
        ctx.diagnose(
            DiagnosticCode::YearMissing,
            span,
            "no report year in the title or statistic period",
        );
    }
    ctx.year = report.year.as_ref().map(|y| y.value);

    // Preamble.
    // Everything before the first heading but the title itself.
    let (title_start, title_end) = title
        .as_ref()
        .map(|t| (t.start.min(first_heading), t.end.min(first_heading)))
        .unwrap_or((0, 0));
    report.preamble = ctx.paragraphs(0, title_start);
    report
        .preamble
        .extend(ctx.paragraphs(title_end, first_heading));

    // Sections.
    for (i, h) in headings.iter().enumerate() {
        let next = headings.get(i + 1).map(|n| n.start).unwrap_or(text.len());
        let heading_text = text.get(h.start..h.end).unwrap_or("").to_string();
        let heading_span = ctx.span(h.start, h.end);
        if h.number != u32::from(h.kind.number()) {
            ctx.diagnose(
                DiagnosticCode::SectionNumberMismatch,
                heading_span,
                format!(
                    "section {} is numbered {} in the report",
                    h.kind.number(),
                    h.number
                ),
            );
        }
        if h.inline {
            ctx.diagnose(
                DiagnosticCode::InlineHeading,
                heading_span,
                format!("heading {heading_text:?} was found inside a line of running text"),
            );
        }
        let table_at = table_start(text, h.end, next, h.kind);
        let paragraphs_end = table_at.unwrap_or(next);
        let mut paragraphs = ctx.paragraphs(h.end, paragraphs_end);
        let (table, table_end) = match table_at {
            Some(at) => build_table(&mut ctx, h.kind, at, next),
            None => (None, None),
        };
        if let Some(after) = table_end {
            // Sentences printed after the table (notes) stay in the tree.
            paragraphs.extend(
                ctx.paragraphs(after, next)
                    .into_iter()
                    .filter(|p| p.text.contains('。')),
            );
        }
        if matches!(
            h.kind,
            SectionKind::ProactiveDisclosure
                | SectionKind::Requests
                | SectionKind::ReviewsAndLitigation
        ) && table.is_none()
        {
            ctx.diagnose(
                DiagnosticCode::TableMissing,
                heading_span,
                format!(
                    "section {} has no table the parser could read",
                    h.kind.number()
                ),
            );
        }
        let end = trim_end_offset(text, h.start, next)
            .max(h.end)
            .max(table_end.unwrap_or(0));
        report.sections.push(Section {
            kind: h.kind,
            heading: Heading {
                number: u8::try_from(h.number).unwrap_or(u8::MAX),
                text: heading_text,
                span: heading_span,
                inline: h.inline,
            },
            span: ctx.span(h.start, end),
            paragraphs,
            table,
        });
    }
    for kind in SectionKind::ALL {
        if !headings.iter().any(|h| h.kind == kind) {
            ctx.diagnose(
                DiagnosticCode::SectionMissing,
                Span::new(input.len(), input.len()),
                format!(
                    "section {} ({}) was not found",
                    kind.number(),
                    kind.official_heading()
                ),
            );
        }
    }
    for s in skipped {
        let span = ctx.span(s.heading.start, s.heading.end);
        ctx.diagnose(
            DiagnosticCode::SectionOutOfOrder,
            span,
            format!(
                "a heading of section {} appears after a later section; kept as text",
                s.heading.kind.number()
            ),
        );
    }

    // Signature date, and the signer when the title names no agency.
    let signature = meta::signature_date(text);
    if report.agency.is_none()
        && let Some((name, start, end)) = signature.as_ref().and_then(|d| meta::signer(text, d))
    {
        let span = ctx.span(start, end);
        ctx.diagnose(
            DiagnosticCode::AgencyFromSignature,
            span,
            format!("the title names no agency; the signer {name:?} was taken"),
        );
        report.agency = Some(Located { value: name, span });
    }
    if report.agency.is_none() {
        let span = report.title.as_ref().map(|t| t.span).unwrap_or_default();
        ctx.diagnose(
            DiagnosticCode::AgencyMissing,
            span,
            "no agency in the title or signature",
        );
    }
    if let Some(found) = signature {
        let span = ctx.span(found.start, found.end);
        match found.date {
            Some(date) => report.published = Some(Located { value: date, span }),
            None => ctx.diagnose(
                DiagnosticCode::DateInvalid,
                span,
                "the signature date is not a calendar date",
            ),
        }
    }

    report.diagnostics = ctx.into_diagnostics();
    report
}
