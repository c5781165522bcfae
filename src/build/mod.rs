//! Lines and cells → the report tree, with recovery. Never fails.

pub mod cells;
pub mod meta;
pub mod sections;
pub mod table2;
pub mod table3;
pub mod table4;

use crate::ast::{
    AnnualReport, Cell, CellValue, ExtraRow, Heading, Label, Located, Paragraph, Section,
    SectionKind, Sentence, StatisticPeriod, Table, Title,
};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::grammar::number::parse_cell;
use crate::lines::lines_in;
use crate::normalize::{MapCursor, Normalized, normalize};
use crate::span::Span;
use cells::{LogicalRow, RawCell, logical_rows};

/// Shared state of one parse: the normalized text and the diagnostics sink.
pub struct Context<'a> {
    source: &'a str,
    norm: &'a Normalized,
    /// Span lookups in the offset map, which mostly move forward.
    cursor: MapCursor<'a>,
    diagnostics: Vec<Diagnostic>,
    /// The report year, once known (used to guess a template).
    pub year: Option<i32>,
}

impl<'a> Context<'a> {
    fn text(&self) -> &'a str {
        self.norm.text()
    }

    /// Original span of normalized offsets `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.cursor.to_original(Span::new(start, end))
    }

    /// Records a diagnostic.
    pub fn diagnose(&mut self, code: DiagnosticCode, span: Span, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::new(code, span, message));
    }

    /// Original span covering a logical row: the cover of its cells' spans,
    /// so every cell lies inside its row.
    pub fn span_of_row(&self, row: &LogicalRow) -> Span {
        row.labels
            .iter()
            .chain(row.values.iter())
            .map(|c| self.span(c.start, c.end))
            .reduce(|a, b| a.cover(b))
            .unwrap_or_default()
    }

    /// Original span covering several logical rows.
    pub fn span_of_rows(&self, rows: &[LogicalRow]) -> Span {
        rows.iter()
            .filter(|r| !r.labels.is_empty() || !r.values.is_empty())
            .map(|r| self.span_of_row(r))
            .reduce(|a, b| a.cover(b))
            .unwrap_or_default()
    }

    /// The label node of some label cells.
    pub fn label(&self, labels: &[RawCell]) -> Option<Label> {
        let first = labels.first()?;
        let last = labels.last()?;
        Some(Label {
            text: labels.iter().map(|c| c.text.as_ref()).collect(),
            span: self.span(first.start, last.end),
        })
    }

    /// Reads a cell, noting units and unreadable text.
    pub fn cell(&mut self, raw: &RawCell) -> Cell {
        let parsed = parse_cell(&raw.text);
        let span = self.span(raw.start, raw.end);
        if parsed.value == CellValue::Text {
            self.diagnose(
                DiagnosticCode::CellUnreadable,
                span,
                format!("cell {:?} is neither a number nor a placeholder", raw.text),
            );
        }
        if let Some(unit) = parsed.unit {
            self.diagnose(
                DiagnosticCode::CellUnit,
                span,
                format!("unit {unit:?} stripped from cell {:?}", raw.text),
            );
        }
        Cell {
            // The text as printed: the original bytes under the span.
            raw: span.slice(self.source).unwrap_or(&raw.text).to_string(),
            span,
            value: parsed.value,
            unit: parsed.unit.map(str::to_string),
        }
    }

    /// `n` empty cells at original offset `at`.
    pub fn empty_cells(&self, at: usize, n: usize) -> Vec<Cell> {
        (0..n)
            .map(|_| Cell {
                raw: String::new(),
                span: Span::new(at, at),
                value: CellValue::Empty,
                unit: None,
            })
            .collect()
    }

    /// A row kept aside as an extra row.
    pub fn extra_row(&mut self, row: &LogicalRow) -> ExtraRow {
        let cells = row.values.iter().map(|c| self.cell(c)).collect();
        ExtraRow {
            label: self.label(&row.labels),
            cells,
            span: self.span_of_row(row),
        }
    }

    /// Reads a row's cells for `columns` columns, naming the row `what` in
    /// diagnostics: the cells, empty cells for a row printed without any, or
    /// no cells and the row kept as ambiguous when they cannot be aligned.
    pub fn read_row(
        &mut self,
        what: &str,
        row: &LogicalRow,
        columns: usize,
        layout: cells::Layout,
        extra: cells::ExtraCells,
        grid: Option<&cells::ColumnGrid>,
    ) -> (Vec<Cell>, Option<crate::ast::AmbiguousRow>) {
        let span = self.span_of_row(row);
        match cells::fit(&row.values, columns, layout, extra, grid) {
            cells::Fit::Cells {
                cells,
                dropped,
                padded,
                aligned,
            } => {
                self.note_fit(what, span, &dropped, padded);
                if aligned > 0 {
                    self.diagnose(
                        DiagnosticCode::RowAligned,
                        span,
                        format!("{what}: {aligned} blank cell(s) placed by the column alignment of the table"),
                    );
                }
                (cells.iter().map(|c| self.cell(c)).collect(), None)
            }
            cells::Fit::Empty => {
                self.diagnose(
                    DiagnosticCode::RowEmpty,
                    span,
                    format!("{what} has no cells; its {columns} cells are read as empty"),
                );
                (self.empty_cells(span.end, columns), None)
            }
            cells::Fit::Ambiguous => {
                self.diagnose(
                    DiagnosticCode::RowAmbiguous,
                    span,
                    format!(
                        "{what} has {} cells for {columns} columns and blanks may have vanished; no value was taken",
                        row.values.len()
                    ),
                );
                let raw = row.values.iter().map(|c| self.cell(c)).collect();
                (
                    Vec::new(),
                    Some(crate::ast::AmbiguousRow {
                        cells: raw,
                        expected: columns,
                    }),
                )
            }
        }
    }

    /// Sets a row aside as an extra row, with a diagnostic.
    pub fn set_aside(
        &mut self,
        row: &LogicalRow,
        code: DiagnosticCode,
        message: String,
    ) -> ExtraRow {
        let extra = self.extra_row(row);
        self.diagnose(code, extra.span, message);
        extra
    }

    /// Admits `key` as a new row of a table whose rows are `expected`, or
    /// sets the row aside: an unknown label (when it has values) or a row
    /// seen before. Returns the key and the index of the next row by order.
    #[allow(clippy::too_many_arguments)]
    pub fn admit<K: Copy + PartialEq>(
        &mut self,
        table: &str,
        template: crate::ast::Template,
        key: Option<K>,
        expected: &[K],
        taken: &[K],
        row: &LogicalRow,
        name: impl Fn(K) -> &'static str,
        extras: &mut Vec<ExtraRow>,
    ) -> Option<(K, usize)> {
        let Some(key) = key.filter(|k| expected.contains(k)) else {
            if row.has_values() {
                let message = format!(
                    "{table} row {:?} matches no row of the {} template; kept as an extra row",
                    row.label_text(),
                    template.as_str()
                );
                extras.push(self.set_aside(row, DiagnosticCode::RowUnknown, message));
            }
            return None;
        };
        if taken.contains(&key) {
            let message = format!(
                "{table} row {} appears twice; the later one was set aside",
                name(key)
            );
            extras.push(self.set_aside(row, DiagnosticCode::RowDuplicate, message));
            return None;
        }
        let next = expected
            .iter()
            .position(|k| *k == key)
            .map(|p| p + 1)
            .unwrap_or(0);
        Some((key, next))
    }

    /// The next expected row for an unlabeled row, by template order.
    pub fn by_order<K: Copy>(
        &mut self,
        table: &str,
        expected: &[K],
        next: usize,
        row: &LogicalRow,
        name: impl Fn(K) -> &'static str,
    ) -> Option<K> {
        let key = expected.get(next).copied()?;
        let span = self.span_of_row(row);
        self.diagnose(
            DiagnosticCode::RowByOrder,
            span,
            format!(
                "{table} a row without label was read as {} by its position",
                name(key)
            ),
        );
        Some(key)
    }

    /// Reports the expected rows that were not found.
    pub fn report_missing(&mut self, table: &str, span: Span, missing: &[&str]) {
        if !missing.is_empty() {
            self.diagnose(
                DiagnosticCode::RowMissing,
                span,
                format!("{table} rows not found: {}", missing.join(", ")),
            );
        }
    }

    /// Reports cells set aside or padded while fitting a row.
    pub fn note_fit(&mut self, what: &str, span: Span, dropped: &[RawCell], padded: usize) {
        if !dropped.is_empty() {
            let texts: Vec<&str> = dropped.iter().map(|c| c.text.as_ref()).collect();
            // Point at the cells set aside, not the whole row.
            let at = dropped
                .iter()
                .map(|c| self.span(c.start, c.end))
                .reduce(|a, b| a.cover(b))
                .unwrap_or(span);
            self.diagnose(
                DiagnosticCode::RowExtraCells,
                at,
                format!(
                    "{what} has {} cell(s) more than its columns; set aside: {texts:?}",
                    dropped.len()
                ),
            );
        }
        if padded > 0 {
            self.diagnose(
                DiagnosticCode::RowShort,
                span,
                format!("{what} lacks {padded} trailing cell(s) in a grid row; read as empty"),
            );
        }
    }

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

/// Where the table of a section starts in its body, if it has one.
fn table_start(text: &str, body_start: usize, body_end: usize, kind: SectionKind) -> Option<usize> {
    if !matches!(
        kind,
        SectionKind::ProactiveDisclosure
            | SectionKind::Requests
            | SectionKind::ReviewsAndLitigation
    ) {
        return None;
    }
    let body = text.get(body_start..body_end)?;
    let earliest = match kind {
        SectionKind::ProactiveDisclosure | SectionKind::Requests => sections::table_markers(kind)
            .iter()
            .filter_map(|m| body.find(m))
            .min(),
        SectionKind::ReviewsAndLitigation => body.find("结果维持").map(|upheld| {
            let head = body.get(..upheld).unwrap_or("");
            // The 行政复议 caption just before the first 结果维持, if close.
            match head.rfind("行政复议") {
                Some(at) if upheld - at <= 200 => at,
                _ => upheld,
            }
        }),
        _ => None,
    };
    // Without a marker (header words broken by a PDF converter), the table
    // starts at the first line of the body that is not a sentence.
    let earliest = match earliest {
        Some(e) => e,
        None => {
            let mut offset = 0;
            let mut found = None;
            for line in body.split('\n') {
                let t = line.trim();
                if !t.is_empty() && !t.contains(['。', '；', ';']) {
                    found = Some(offset + (line.len() - line.trim_start().len()));
                    break;
                }
                offset += line.len() + 1;
            }
            found?
        }
    };
    let marker = body_start + earliest;
    let line_start = text
        .get(..marker)
        .and_then(|t| t.rfind('\n'))
        .map(|i| i + 1)
        .unwrap_or(0)
        .max(body_start);
    let prefix = text.get(line_start..marker).unwrap_or("");
    Some(match prefix.rfind(['。', ':', '：']) {
        Some(i) => {
            line_start
                + i
                + prefix
                    .get(i..)
                    .and_then(|p| p.chars().next())
                    .map(char::len_utf8)
                    .unwrap_or(1)
        }
        None => line_start,
    })
}

fn trim_end_offset(text: &str, start: usize, end: usize) -> usize {
    text.get(start..end)
        .map(|s| start + s.trim_end().len())
        .unwrap_or(end)
}

/// Parses report text into the tree. See [`crate::parse_report`].
pub fn parse(input: &str) -> AnnualReport {
    let norm = normalize(input);
    let mut ctx = Context {
        source: input,
        norm: &norm,
        cursor: norm.map().cursor(),
        diagnostics: Vec::new(),
        year: None,
    };
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
        report.diagnostics = ctx.diagnostics;
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

    let mut diagnostics = ctx.diagnostics;
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    report.diagnostics = diagnostics;
    report
}

fn build_table(
    ctx: &mut Context<'_>,
    kind: SectionKind,
    start: usize,
    end: usize,
) -> (Option<Table>, Option<usize>) {
    // Widths as printed: measured on the original text under each range.
    // Inside a line a range is counted from just after the char ending at
    // `from`, so that text normalization removed between two words (a
    // zero-width char, a bookmark) counts, and widths add up along a line.
    let source = ctx.source;
    let text = ctx.text();
    let widths = ctx.norm.map().cursor();
    let width = |from: usize, to: usize| {
        if to <= from {
            return 0;
        }
        let range = widths.to_original(Span::new(from, to));
        let at_line_start = from == 0 || text.as_bytes().get(from - 1) == Some(&b'\n');
        let printed_from = if at_line_start {
            range.start
        } else {
            widths.to_original(Span::new(from, from)).start
        };
        source
            .get(printed_from..range.end)
            .map(cells::display_width)
            .unwrap_or(0)
    };
    let (layout, physical) = cells::physical_rows_with(text, start, end, &width);
    let rows = logical_rows(layout, physical);
    // The table ends with its last row that holds values; the line holding
    // that row is part of the table.
    let last_value_end = rows
        .iter()
        .filter(|r| r.has_values())
        .filter_map(LogicalRow::range)
        .map(|(_, e)| e)
        .max();
    let table_end = last_value_end.map(|e| {
        ctx.text()
            .get(e..end)
            .and_then(|t| t.find('\n'))
            .map(|i| e + i)
            .unwrap_or(end)
    });
    let table = match kind {
        SectionKind::ProactiveDisclosure => {
            table2::build(ctx, layout, &rows).map(Table::ProactiveDisclosure)
        }
        SectionKind::Requests => table3::build(ctx, layout, &rows).map(Table::Requests),
        SectionKind::ReviewsAndLitigation => {
            table4::build(ctx, layout, &rows).map(Table::ReviewsAndLitigation)
        }
        _ => None,
    };
    let table_end = if table.is_some() { table_end } else { None };
    (table, table_end)
}
