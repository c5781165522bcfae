//! Lines → the report skeleton, with recovery: the title and its metadata,
//! the six section headings, narrative paragraphs and sentences; each
//! section's table is handed to [`crate::tables`]. Never fails.

mod meta;
pub(crate) mod sections;

use crate::ast::{
    AnnualReport, Heading, HeadingMatch, Located, Paragraph, Section, SectionKind, Sentence,
    StatisticPeriod, Title,
};
use crate::context::Context;
use crate::diagnostic::DiagnosticCode;
use crate::lines::lines_in;
use crate::normalize::normalize;
use crate::span::Span;
use crate::tables::{HeadingPlace, TableRegion, build_table, table_regions};
use sections::FoundHeading;

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
    let places: Vec<HeadingPlace> = headings
        .iter()
        .map(|h| HeadingPlace {
            kind: h.kind,
            start: h.start,
            end: h.end,
        })
        .collect();
    let regions = table_regions(text, &places);
    let slots = section_slots(&headings, &regions);
    let first_heading = slots.first().map(|s| s.start).unwrap_or(text.len());

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
    let overview_end = slots
        .iter()
        .find(|s| s.kind > SectionKind::Overview)
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
    for (i, slot) in slots.iter().enumerate() {
        let next = slots.get(i + 1).map(|n| n.start).unwrap_or(text.len());
        let section = match slot.heading {
            Some(h) => headed_section(&mut ctx, &h, slot.region, next),
            None => headless_section(&mut ctx, slot.kind, slot.region, next),
        };
        report.sections.push(section);
    }
    for kind in SectionKind::ALL {
        if !slots.iter().any(|s| s.kind == kind) {
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
            format!("the title names no agency; the signer “{name}” was taken"),
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

/// One section of the report as laid out in the text: a chosen heading, or a
/// table found by its content where the section's heading is missing.
struct Slot {
    kind: SectionKind,
    heading: Option<FoundHeading>,
    /// Where the section starts: its heading, or its table.
    start: usize,
    /// The section's table, when one was found in its body.
    region: Option<TableRegion>,
}

/// The sections in statutory order: every chosen heading with the table in
/// its body, and a headless section for each table found without its
/// heading. A headless table lies between the sections before and after it
/// by construction; one that would not is left out.
fn section_slots(headings: &[FoundHeading], regions: &[TableRegion]) -> Vec<Slot> {
    let mut slots: Vec<Slot> = headings
        .iter()
        .map(|h| Slot {
            kind: h.kind,
            heading: Some(*h),
            start: h.start,
            region: None,
        })
        .collect();
    for r in regions {
        if !headings.iter().any(|h| h.kind == r.kind) {
            slots.push(Slot {
                kind: r.kind,
                heading: None,
                start: r.start,
                region: Some(*r),
            });
        }
    }
    slots.sort_by_key(|s| s.kind);
    let mut ordered: Vec<Slot> = Vec::with_capacity(slots.len());
    for slot in slots {
        let in_order = ordered.last().is_none_or(|last| {
            let last_end = last.heading.map_or(last.start, |h| h.end);
            slot.start >= last_end
        });
        if in_order || slot.heading.is_some() {
            ordered.push(slot);
        }
    }
    // A headed section's table: the region of its kind inside its body.
    let starts: Vec<usize> = ordered.iter().map(|s| s.start).skip(1).collect();
    for (i, slot) in ordered.iter_mut().enumerate() {
        if let Some(h) = slot.heading {
            let next = starts.get(i).copied().unwrap_or(usize::MAX);
            slot.region = regions
                .iter()
                .find(|r| r.kind == slot.kind && r.start >= h.end && r.start < next)
                .copied();
        }
    }
    ordered
}

/// A section under its heading: narrative, then its table (if any), then
/// notes printed after the table.
fn headed_section(
    ctx: &mut Context<'_>,
    h: &FoundHeading,
    region: Option<TableRegion>,
    next: usize,
) -> Section {
    let text = ctx.text();
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
            format!("heading “{heading_text}” was found inside a line of running text"),
        );
    }
    if h.matched == HeadingMatch::Variant {
        ctx.diagnose(
            DiagnosticCode::HeadingVariant,
            heading_span,
            format!(
                "heading “{heading_text}” only resembles the wording of section {} ({})",
                h.kind.number(),
                h.kind.official_heading()
            ),
        );
    }
    let (paragraphs, table, table_end) = section_body(ctx, h.kind, h.end, region, next);
    if is_table_kind(h.kind) && table.is_none() {
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
    Section {
        kind: h.kind,
        heading: Heading {
            number: u8::try_from(h.number).unwrap_or(u8::MAX),
            text: heading_text,
            span: heading_span,
            inline: h.inline,
            matched: h.matched,
        },
        span: ctx.span(h.start, end),
        paragraphs,
        table,
    }
}

/// A section whose heading is missing, made of the table found by its
/// content (and notes printed after it).
fn headless_section(
    ctx: &mut Context<'_>,
    kind: SectionKind,
    region: Option<TableRegion>,
    next: usize,
) -> Section {
    let text = ctx.text();
    let start = region.map_or(next, |r| r.start);
    let end = trim_end_offset(text, start, next);
    // The absent heading is an empty span where the section starts.
    let section_start = ctx.span(start, end.max(start)).start;
    let heading_span = Span::new(section_start, section_start);
    let (paragraphs, table, table_end) = section_body(ctx, kind, start, region, next);
    let message = if table.is_some() {
        format!(
            "table {} was found by its content, without the heading {}",
            kind.number(),
            kind.official_heading()
        )
    } else {
        format!(
            "the content of table {} was found without the heading {}, but no table could be read",
            kind.number(),
            kind.official_heading()
        )
    };
    ctx.diagnose(DiagnosticCode::TableWithoutHeading, heading_span, message);
    let end = end.max(table_end.unwrap_or(start));
    Section {
        kind,
        heading: Heading {
            number: 0,
            text: String::new(),
            span: heading_span,
            inline: false,
            matched: HeadingMatch::Absent,
        },
        span: ctx.span(start, end),
        paragraphs,
        table,
    }
}

/// Whether sections of `kind` carry a table.
fn is_table_kind(kind: SectionKind) -> bool {
    matches!(
        kind,
        SectionKind::ProactiveDisclosure
            | SectionKind::Requests
            | SectionKind::ReviewsAndLitigation
    )
}

/// A section body from `body_start` to `next`: its narrative paragraphs up
/// to the table, the table read from its region, and the sentences printed
/// after the table. Returns the paragraphs, the table and where it ends.
fn section_body(
    ctx: &mut Context<'_>,
    kind: SectionKind,
    body_start: usize,
    region: Option<TableRegion>,
    next: usize,
) -> (Vec<Paragraph>, Option<crate::ast::Table>, Option<usize>) {
    let region = region.filter(|_| is_table_kind(kind));
    let paragraphs_end = region.map_or(next, |r| r.start.min(next));
    let mut paragraphs = ctx.paragraphs(body_start, paragraphs_end);
    let (table, table_end) = match region {
        Some(r) => build_table(ctx, kind, r.start, r.end.min(next)),
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
    (paragraphs, table, table_end)
}
