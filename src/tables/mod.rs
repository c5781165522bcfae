//! Table text → the typed tables 2, 3 and 4: where a table starts in its
//! section, its layout, its rows, and the fitting of cells to columns.

mod cells;
mod table2;
mod table3;
mod table4;

use crate::ast::{Cell, CellValue, ExtraRow, Label, SectionKind, Table};
use crate::context::Context;
use crate::diagnostic::DiagnosticCode;
use crate::grammar::number::parse_cell;
use crate::span::Span;
use cells::{LogicalRow, RawCell, logical_rows};

impl Context<'_> {
    /// so every cell lies inside its row.
    pub(crate) fn span_of_row(&self, row: &LogicalRow) -> Span {
        row.labels
            .iter()
            .chain(row.values.iter())
            .map(|c| self.span(c.start, c.end))
            .reduce(|a, b| a.cover(b))
            .unwrap_or_default()
    }

    /// Original span covering several logical rows.
    pub(crate) fn span_of_rows(&self, rows: &[LogicalRow]) -> Span {
        rows.iter()
            .filter(|r| !r.labels.is_empty() || !r.values.is_empty())
            .map(|r| self.span_of_row(r))
            .reduce(|a, b| a.cover(b))
            .unwrap_or_default()
    }

    /// The label node of some label cells.
    pub(crate) fn label(&self, labels: &[RawCell]) -> Option<Label> {
        let first = labels.first()?;
        let last = labels.last()?;
        Some(Label {
            text: labels.iter().map(|c| c.text.as_ref()).collect(),
            span: self.span(first.start, last.end),
        })
    }

    /// Reads a cell, noting units and unreadable text.
    pub(crate) fn cell(&mut self, raw: &RawCell) -> Cell {
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
            inferred: false,
        }
    }

    /// `n` empty cells at original offset `at`.
    pub(crate) fn empty_cells(&self, at: usize, n: usize) -> Vec<Cell> {
        (0..n)
            .map(|_| Cell {
                raw: String::new(),
                span: Span::new(at, at),
                value: CellValue::Empty,
                unit: None,
                inferred: false,
            })
            .collect()
    }

    /// A row kept aside as an extra row.
    pub(crate) fn extra_row(&mut self, row: &LogicalRow) -> ExtraRow {
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
    pub(crate) fn read_row(
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
    pub(crate) fn set_aside(
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
    pub(crate) fn admit<K: Copy + PartialEq>(
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
    pub(crate) fn by_order<K: Copy>(
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
    pub(crate) fn report_missing(&mut self, table: &str, span: Span, missing: &[&str]) {
        if !missing.is_empty() {
            self.diagnose(
                DiagnosticCode::RowMissing,
                span,
                format!("{table} rows not found: {}", missing.join(", ")),
            );
        }
    }

    /// Reports cells set aside or padded while fitting a row.
    pub(crate) fn note_fit(&mut self, what: &str, span: Span, dropped: &[RawCell], padded: usize) {
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
}

/// Where the table of a section starts in its body, if it has one.
pub(crate) fn table_start(
    text: &str,
    body_start: usize,
    body_end: usize,
    kind: SectionKind,
) -> Option<usize> {
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
        SectionKind::ProactiveDisclosure | SectionKind::Requests => {
            crate::structure::sections::table_markers(kind)
                .iter()
                .filter_map(|m| body.find(m))
                .min()
        }
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

pub(crate) fn build_table(
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
