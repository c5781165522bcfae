//! Reading logical rows into the typed cells of a table: fitting values to
//! columns, admitting rows by key or by order, and the diagnostics of each
//! decision.

use super::cell::RawCell;
use super::fit::{self, ColumnGrid, ExtraCells, Fit};
use super::layout::Layout;
use super::place::Placement;
use super::rows::LogicalRow;
use crate::ast::{Cell, CellValue, ExtraRow, Label};
use crate::context::Context;
use crate::diagnostic::DiagnosticCode;
use crate::grammar::number::parse_cell;
use crate::span::Span;

/// A row's name in diagnostics (`表三 row new_received`), written only
/// when a diagnostic is made.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowName {
    /// The table (`表三`).
    pub table: &'static str,
    /// What the row is called (`row`, `item`).
    pub kind: &'static str,
    /// The row's key.
    pub key: &'static str,
}

impl std::fmt::Display for RowName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.table, self.kind, self.key)
    }
}

/// How a row's values are fitted to its columns.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowShape<'g> {
    /// How many value columns the row has.
    pub columns: usize,
    /// The table's layout.
    pub layout: Layout,
    /// What to do with cells beyond the columns.
    pub extra: ExtraCells,
    /// The column grid of a space-aligned table.
    pub grid: Option<&'g ColumnGrid>,
}

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
                format!("cell “{}” is neither a number nor a placeholder", raw.text),
            );
        }
        if let Some(unit) = parsed.unit {
            self.diagnose(
                DiagnosticCode::CellUnit,
                span,
                format!("unit “{unit}” stripped from cell “{}”", raw.text),
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
        what: RowName,
        row: &LogicalRow,
        shape: RowShape<'_>,
        inferred: bool,
    ) -> (Vec<Cell>, Option<crate::ast::AmbiguousRow>) {
        let span = self.span_of_row(row);
        let RowShape {
            columns,
            layout,
            extra,
            grid,
        } = shape;
        match fit::fit(&row.values, columns, layout, extra, grid) {
            Fit::Cells {
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
                let cells = cells
                    .iter()
                    .map(|c| Cell {
                        inferred,
                        ..self.cell(c)
                    })
                    .collect();
                (cells, None)
            }
            Fit::Empty => {
                self.diagnose(
                    DiagnosticCode::RowEmpty,
                    span,
                    format!("{what} has no cells; its {columns} cells are read as empty"),
                );
                (self.empty_cells(span.end, columns), None)
            }
            Fit::Ambiguous => {
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

    /// Admits a placed row as template row `expected[k]`, or sets it aside:
    /// a data row that could not be placed (when it has values) or a row
    /// placed on a template row already taken. Returns the key and whether
    /// it was placed by position rather than named by its label.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn admit<K: Copy + PartialEq>(
        &mut self,
        table: &str,
        placement: Placement,
        expected: &[K],
        taken: &[K],
        row: &LogicalRow,
        name: impl Fn(K) -> &'static str,
        extras: &mut Vec<ExtraRow>,
    ) -> Option<(K, bool)> {
        let (index, by_position) = match placement {
            Placement::Keyed(k) => (k, false),
            Placement::ByPosition(k) => (k, true),
            Placement::Skip => return None,
            Placement::Unplaced => {
                if row.has_values() {
                    let label = row.label_text();
                    let extra = if label.trim().is_empty() {
                        let message = format!(
                            "{table} a row without label could not be placed: its position between the rows around it does not tell which row it is; kept as an extra row"
                        );
                        self.set_aside(row, DiagnosticCode::RowUnplaced, message)
                    } else {
                        let message = format!(
                            "{table} row “{label}” matches no row of the template and its position does not tell which row it is; kept as an extra row"
                        );
                        self.set_aside(row, DiagnosticCode::RowUnknown, message)
                    };
                    extras.push(extra);
                }
                return None;
            }
        };
        let key = *expected.get(index)?;
        if taken.contains(&key) {
            let message = format!(
                "{table} row {} appears twice; the later one was set aside",
                name(key)
            );
            extras.push(self.set_aside(row, DiagnosticCode::RowDuplicate, message));
            return None;
        }
        if by_position {
            let span = self.span_of_row(row);
            let label = row.label_text();
            let message = if label.trim().is_empty() {
                format!(
                    "{table} a row without label was read as {} by its position between the rows around it",
                    name(key)
                )
            } else {
                format!(
                    "{table} row “{label}” names no row of the template; it was read as {} by its position between the rows around it and its ordinal",
                    name(key)
                )
            };
            self.diagnose(DiagnosticCode::RowByOrder, span, message);
        }
        Some((key, by_position))
    }

    /// Orders a table's rows as the template does and reports the template
    /// rows that were not found.
    pub(crate) fn order_rows<R, K: Copy + PartialEq>(
        &mut self,
        table: &str,
        span: Span,
        rows: &mut [R],
        expected: &[K],
        key: impl Fn(&R) -> K,
        name: impl Fn(K) -> &'static str,
    ) {
        rows.sort_by_key(|r| expected.iter().position(|k| *k == key(r)));
        let missing: Vec<&str> = expected
            .iter()
            .filter(|k| !rows.iter().any(|r| key(r) == **k))
            .map(|k| name(*k))
            .collect();
        self.report_missing(table, span, &missing);
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
    pub(crate) fn note_fit(
        &mut self,
        what: RowName,
        span: Span,
        dropped: &[RawCell],
        padded: usize,
    ) {
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
                    "{what} has {} cell(s) more than its columns; set aside: “{}”",
                    dropped.len(),
                    texts.join("”, “")
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
