//! Fitting a row's value cells to the columns of its template row: padding
//! and surplus in grids, blanks placed by a column grid in space-aligned
//! text, and refusal where the cells cannot be aligned.

use super::cell::RawCell;
use super::layout::Layout;
use super::rows::LogicalRow;
use std::borrow::Cow;

/// The value columns of a table whose columns are aligned with spaces
/// (`pdftotext -layout`): where each column's values end on their lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnGrid {
    edges: Vec<usize>,
    display: bool,
}

impl ColumnGrid {
    /// Learns the grid from the rows that print all `columns` values on one
    /// line; `None` unless at least two such rows agree, within one column,
    /// in chars or in display width.
    pub fn learn(rows: &[LogicalRow], columns: usize) -> Option<ColumnGrid> {
        for display in [false, true] {
            let complete: Vec<Vec<usize>> = rows
                .iter()
                .filter(|r| r.values.len() == columns)
                .filter_map(|r| edges_on_one_line(&r.values, display))
                .collect();
            let Some(first) = complete.first() else {
                continue;
            };
            let agree = complete.len() >= 2
                && (0..columns).all(|j| {
                    let column = complete.iter().filter_map(|e| e.get(j).copied());
                    let (lo, hi) = (column.clone().min(), column.max());
                    matches!((lo, hi), (Some(lo), Some(hi)) if hi - lo <= 1)
                });
            if agree {
                return Some(ColumnGrid {
                    edges: first.clone(),
                    display,
                });
            }
        }
        None
    }

    /// The column of each value, when every value ends on a distinct column
    /// edge, left to right.
    fn place(&self, values: &[RawCell]) -> Option<Vec<usize>> {
        let edges = edges_on_one_line(values, self.display)?;
        let mut placed: Vec<usize> = Vec::with_capacity(edges.len());
        for e in edges {
            let j = self.edges.iter().position(|g| g.abs_diff(e) <= 1)?;
            if placed.last().is_some_and(|last| *last >= j) {
                return None;
            }
            placed.push(j);
        }
        Some(placed)
    }
}

fn edges_on_one_line(values: &[RawCell], display: bool) -> Option<Vec<usize>> {
    let line = values.first()?.edge?.line;
    values
        .iter()
        .map(|v| {
            let edge = v.edge?;
            (edge.line == line).then_some(if display { edge.width } else { edge.chars })
        })
        .collect()
}

/// What to do with cells beyond the column count in a grid row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtraCells {
    /// The first cells are a garbled label slot (table 3).
    DropLeading,
    /// The last cells are stray trailing cells (tables 2 and 4).
    DropTrailing,
    /// Nothing tells which cells are extra: the row is ambiguous.
    Refuse,
}

/// The outcome of fitting a row's value cells to its columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit<'a> {
    /// One cell per column. `dropped` cells were set aside; `padded` trailing
    /// cells were missing from a grid row and read as empty.
    Cells {
        /// One per column.
        cells: Vec<RawCell<'a>>,
        /// Cells set aside.
        dropped: Vec<RawCell<'a>>,
        /// How many trailing empty cells were added.
        padded: usize,
        /// How many blank cells were placed by column alignment.
        aligned: usize,
    },
    /// No cell at all.
    Empty,
    /// The cells cannot be aligned with the columns.
    Ambiguous,
}

/// Fits `values` to `columns` columns.
pub fn fit<'a>(
    values: &[RawCell<'a>],
    columns: usize,
    layout: Layout,
    extra: ExtraCells,
    grid: Option<&ColumnGrid>,
) -> Fit<'a> {
    if values.iter().any(|c| c.unplaced) {
        return Fit::Ambiguous;
    }
    // Trim padding: trailing empty cells first, then leading empty slots,
    // never below the column count. Index arithmetic keeps this linear.
    let mut end = values.len();
    while end > columns && values.get(end - 1).is_some_and(RawCell::is_empty) {
        end -= 1;
    }
    let mut start = 0;
    while end - start > columns && values.get(start).is_some_and(RawCell::is_empty) {
        start += 1;
    }
    let mut cells: Vec<RawCell> = values.get(start..end).unwrap_or_default().to_vec();
    if cells.iter().all(RawCell::is_empty) && !layout.is_grid() {
        return Fit::Empty;
    }
    if cells.is_empty() {
        return Fit::Empty;
    }
    if cells.len() == columns {
        return Fit::Cells {
            cells,
            dropped: Vec::new(),
            padded: 0,
            aligned: 0,
        };
    }
    if !layout.is_grid() {
        // Blanks left no trace, unless the table's columns are aligned with
        // spaces and every value sits on a known column.
        if cells.len() < columns
            && let Some(placed) = grid.and_then(|g| g.place(&cells))
        {
            let mut full: Vec<RawCell> = Vec::with_capacity(columns);
            let mut values = cells.into_iter().zip(placed).peekable();
            for j in 0..columns {
                match values.next_if(|(_, at)| *at == j) {
                    Some((cell, _)) => full.push(cell),
                    None => {
                        let at = full
                            .last()
                            .map(|c| c.end)
                            .or_else(|| values.peek().map(|(c, _)| c.start))
                            .unwrap_or(0);
                        full.push(RawCell {
                            text: Cow::Borrowed(""),
                            start: at,
                            end: at,
                            edge: None,
                            glued: false,
                            unplaced: false,
                        });
                    }
                }
            }
            let aligned = full.iter().filter(|c| c.is_empty()).count();
            return Fit::Cells {
                cells: full,
                dropped: Vec::new(),
                padded: 0,
                aligned,
            };
        }
        return Fit::Ambiguous;
    }
    if cells.len() > columns {
        let surplus = cells.len() - columns;
        let dropped: Vec<RawCell> = match extra {
            ExtraCells::DropLeading => cells.drain(..surplus).collect(),
            ExtraCells::DropTrailing => cells.drain(columns..).collect(),
            ExtraCells::Refuse => return Fit::Ambiguous,
        };
        return Fit::Cells {
            cells,
            dropped,
            padded: 0,
            aligned: 0,
        };
    }
    let padded = columns - cells.len();
    let at = cells.last().map(|c| c.end).unwrap_or(0);
    for _ in 0..padded {
        cells.push(RawCell {
            text: Cow::Borrowed(""),
            start: at,
            end: at,
            edge: None,
            glued: false,
            unplaced: false,
        });
    }
    Fit::Cells {
        cells,
        dropped: Vec::new(),
        padded,
        aligned: 0,
    }
}
