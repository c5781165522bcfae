//! Compiler-style messages for parse diagnostics and findings, drawn with
//! `annotate-snippets` from excerpts of the report (see [`crate::excerpt`]):
//! the location, the lines involved and a mark under each cell, labelled
//! with its fact key.

use crate::excerpt::LineIndex;
use crate::fold::{Entry, rule_id};
use crate::lang::{Lang, words};
use annotate_snippets::renderer::{AnsiColor, Effects};
use annotate_snippets::{Level, Renderer, Snippet};
use gov_disclosure_report::validate::Finding;
use gov_disclosure_report::{Diagnostic, Severity, Span};
use std::fmt::Write as _;
use std::ops::Range;

/// How messages are drawn.
pub struct Style {
    renderer: Renderer,
    colored: bool,
    /// The language of the messages.
    pub lang: Lang,
}

impl Style {
    /// Plain or coloured messages in `lang`.
    pub fn new(colored: bool, lang: Lang) -> Self {
        Style {
            renderer: if colored {
                Renderer::styled()
            } else {
                Renderer::plain()
            },
            colored,
            lang,
        }
    }
}

/// One report's text, with its path as shown and its line index.
pub struct Source<'a> {
    /// The path shown in locations.
    pub path: &'a str,
    /// The line index of the text.
    pub index: LineIndex<'a>,
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// One mark: where, and its label (may be empty).
struct Mark {
    range: Range<usize>,
    label: String,
}

/// What one message says.
struct Message<'a> {
    level: Level,
    id: String,
    title: &'a str,
    marks: Vec<Mark>,
    /// Shown as the location when no mark can be drawn.
    at: usize,
    notes: Vec<String>,
}

fn digits(n: usize) -> usize {
    n.to_string().len()
}

fn draw(source: &Source, style: &Style, m: Message) -> String {
    let marks: Vec<&Mark> = m
        .marks
        .iter()
        .filter(|k| source.index.showable(&k.range))
        .collect();
    let ranges: Vec<Range<usize>> = marks.iter().map(|k| k.range.clone()).collect();
    let excerpts = source.index.excerpts(&ranges);
    let location = source
        .index
        .position(ranges.first().map_or(m.at, |r| r.start));
    let mut width = digits(location.line);
    let mut message = m.level.title(m.title).id(&m.id);
    for e in &excerpts {
        let last = e.first_line + e.source.matches('\n').count();
        width = width.max(digits(last));
        let mut snippet = Snippet::source(&e.source)
            .line_start(e.first_line)
            .fold(true);
        for (range, i) in &e.marks {
            let mut annotation = m.level.span(range.clone());
            if let Some(mark) = marks.get(*i).filter(|k| !k.label.is_empty()) {
                annotation = annotation.label(&mark.label);
            }
            snippet = snippet.annotation(annotation);
        }
        message = message.snippet(snippet);
    }
    for note in &m.notes {
        message = message.footer(Level::Note.title(note));
    }
    let drawn = style.renderer.render(message).to_string();
    // The location line: drawn here because an excerpt may be a window of
    // its line, where the renderer would count columns from the window.
    let arrow = if style.colored {
        let s = AnsiColor::BrightBlue.on_default().effects(Effects::BOLD);
        format!("{s}-->{s:#}")
    } else {
        "-->".to_string()
    };
    let place = format!(
        "{:width$}{arrow} {}:{location}",
        "",
        source.path,
        width = width
    );
    match drawn.split_once('\n') {
        Some((title, rest)) => format!("{title}\n{place}\n{rest}\n"),
        None => format!("{drawn}\n{place}\n"),
    }
}

/// A note listing where the folded look-alikes are.
fn alike_note(source: &Source, lang: Lang, alike: &[Span]) -> Option<String> {
    if alike.is_empty() {
        return None;
    }
    const LISTED: usize = 12;
    let mut lines: Vec<String> = alike
        .iter()
        .take(LISTED)
        .map(|s| source.index.position(s.start).line.to_string())
        .collect();
    if alike.len() > LISTED {
        lines.push("…".to_string());
    }
    let (more, at) = (
        lang.pick(words::MORE_ALIKE.0, words::MORE_ALIKE.1),
        lang.pick(words::AT_LINES.0, words::AT_LINES.1),
    );
    Some(match lang {
        Lang::Zh => format!("{more} {} 处（第 {} {at}）", alike.len(), lines.join("、")),
        Lang::En => format!("{} {more} ({at} {})", alike.len(), lines.join(", ")),
    })
}

/// Draws one entry of the folded output; `year` is the report's own year,
/// so cells of another year's report (cross-year rules) are named in a note.
pub fn entry(source: &Source, style: &Style, e: &Entry, year: Option<i32>) -> String {
    match e {
        Entry::Diagnostic { diagnostic, alike } => draw(
            source,
            style,
            diagnostic_message(source, style, diagnostic, alike),
        ),
        Entry::Finding {
            finding,
            alike,
            restates,
        } => {
            let mut m = finding_message(source, style, finding, year, alike);
            for code in restates {
                let _ = write!(m.id, ", {}", code.as_str());
            }
            draw(source, style, m)
        }
    }
}

fn diagnostic_message<'a>(
    source: &Source,
    style: &Style,
    d: &'a Diagnostic,
    alike: &[Span],
) -> Message<'a> {
    Message {
        level: level(d.severity),
        id: d.code.as_str().to_string(),
        title: style.lang.diagnostic(d),
        marks: vec![Mark {
            range: d.span.start..d.span.end,
            label: String::new(),
        }],
        at: d.span.start,
        notes: alike_note(source, style.lang, alike).into_iter().collect(),
    }
}

fn finding_message<'a>(
    source: &Source,
    style: &Style,
    f: &'a Finding,
    year: Option<i32>,
    alike: &[Span],
) -> Message<'a> {
    let own = f
        .cells
        .iter()
        .filter(|c| c.year.is_none() || c.year == year);
    let mut marks: Vec<Mark> = own
        .map(|c| Mark {
            range: c.span.start..c.span.end,
            // A cell the parser inferred says so under its mark.
            label: if c.inferred {
                format!("{} ({})", c.key, style.lang.pick("推断", "inferred"))
            } else {
                c.key.clone()
            },
        })
        .collect();
    if marks.is_empty() {
        marks.push(Mark {
            range: f.span.start..f.span.end,
            label: String::new(),
        });
    }
    let other: Vec<String> = f
        .cells
        .iter()
        .filter(|c| c.year.is_some() && c.year != year)
        .map(|c| {
            let y = c.year.map(|y| y.to_string()).unwrap_or_default();
            format!("{} = {} ({y})", c.key, c.raw)
        })
        .collect();
    let mut notes = Vec::new();
    if !other.is_empty() {
        let what = style.lang.pick(words::OTHER_YEAR.0, words::OTHER_YEAR.1);
        notes.push(format!("{what}: {}", other.join(", ")));
    }
    notes.extend(alike_note(source, style.lang, alike));
    Message {
        level: level(f.severity),
        id: format!("{} {}", rule_id(f), f.scope),
        title: style.lang.finding(f),
        marks,
        at: f.span.start,
        notes,
    }
}

/// The message for a file that is not an annual report.
pub fn not_a_report(source: &Source, style: &Style) -> String {
    draw(
        source,
        style,
        Message {
            level: Level::Error,
            id: "NOT-A-REPORT".to_string(),
            title: style
                .lang
                .pick(words::NOT_A_REPORT.0, words::NOT_A_REPORT.1),
            marks: Vec::new(),
            at: 0,
            notes: Vec::new(),
        },
    )
}
