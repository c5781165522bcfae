//! Physical rows → logical rows: a row's label parts and its value cells.

use super::cell::{PhysicalRow, RawCell};
use super::layout::Layout;
use crate::grammar::number::is_value_word;

/// A logical table row: its label parts and its value cells.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LogicalRow<'a> {
    /// Label cells, in order.
    pub labels: Vec<RawCell<'a>>,
    /// Value cells, in order (empty cells included in grid layouts).
    pub values: Vec<RawCell<'a>>,
    /// Whether the values were placed on this row by inference (split from
    /// a digit run by arithmetic, or re-read by template order) rather than
    /// read beside its label.
    pub inferred: bool,
}

impl LogicalRow<'_> {
    /// The label parts joined without separator.
    pub fn label_text(&self) -> String {
        self.labels.iter().map(|c| c.text.as_ref()).collect()
    }

    /// Whether the row has at least one non-empty value cell (or one the
    /// layout could not place, which may have held a value).
    pub fn has_values(&self) -> bool {
        self.values.iter().any(|c| !c.is_empty() || c.unplaced)
    }

    /// Normalized offsets covering the row.
    pub fn range(&self) -> Option<(usize, usize)> {
        let all = self.labels.iter().chain(self.values.iter());
        let start = all.clone().map(|c| c.start).min()?;
        let end = all.map(|c| c.end).max()?;
        Some((start, end))
    }
}

fn grid_logical(mut row: PhysicalRow<'_>) -> LogicalRow<'_> {
    // The label zone is the longest prefix of labels and empty slots that
    // ends with a label; everything after it is a value cell.
    let mut zone_end = 0;
    for (k, cell) in row.iter().enumerate() {
        if cell.is_label() {
            zone_end = k + 1;
        } else if !cell.is_empty() {
            break;
        }
    }
    // Cells are moved, not copied: a row without labels keeps its vector.
    let mut out = if zone_end == 0 {
        LogicalRow {
            labels: Vec::new(),
            values: row,
            inferred: false,
        }
    } else {
        let values = row.split_off(zone_end.min(row.len()));
        row.retain(RawCell::is_label);
        LogicalRow {
            labels: row,
            values,
            inferred: false,
        }
    };
    if !out.has_values() {
        out.values.clear();
    }
    out
}

/// Groups physical rows into logical rows.
///
/// In grids a row keeps its cells; a label-only row followed by a value-only
/// row is one row (a wrapped label). In `Words`, a row runs from a label to
/// the last value before the next label.
pub fn logical_rows(layout: Layout, rows: Vec<PhysicalRow<'_>>) -> Vec<LogicalRow<'_>> {
    let mut out: Vec<LogicalRow> = Vec::new();
    if layout.is_grid() {
        for row in rows {
            let row = grid_logical(row);
            if row.labels.is_empty() && !row.has_values() {
                continue;
            }
            if let Some(previous) = out.last_mut()
                && !previous.has_values()
                && row.labels.is_empty()
            {
                previous.values = row.values;
                continue;
            }
            out.push(row);
        }
    } else {
        let mut current = LogicalRow::default();
        for cell in rows.into_iter().flatten() {
            // A digit run too long for one number is still numbers.
            let run = cell.glued && cell.text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            if run || is_value_word(&cell.text) {
                current.values.push(cell);
            } else {
                if current.has_values() {
                    out.push(std::mem::take(&mut current));
                }
                current.labels.push(cell);
            }
        }
        if !current.labels.is_empty() || current.has_values() {
            out.push(current);
        }
    }
    out
}
