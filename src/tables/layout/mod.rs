//! Layout readers: each turns the table text into physical rows of cells,
//! one reader a file. The layout is told from the text itself:
//! - [`Layout::Grid`]: tables drawn with rules, box-drawing (`w3m -dump`) or
//!   ASCII (pandoc grid tables, psql);
//! - [`Layout::Pipe`]: `a | b |` rows and Markdown tables;
//! - [`Layout::TabCell`]: Word export, one tab-led cell a line, blank line after a row;
//! - [`Layout::Tsv`]: browser copy, one row a line, tabs between cells;
//! - [`Layout::Words`]: anything else (one cell a line, columns aligned with
//!   spaces, PDF text, everything on one line): cells are white-space words.
//!
//! The first four are *grids*: an empty cell keeps its place. In `Words`, an
//! empty cell leaves no trace, so rows that come out short are ambiguous.

mod grid;
mod pipe;
mod tab_cell;
mod tsv;
mod words;

pub use grid::{grid_end, grid_top};
#[cfg(test)]
pub use words::glued_pieces;

use super::cell::PhysicalRow;
use crate::grammar::number::is_page_number;
use crate::lines::{Line, lines_in};

/// How a table was extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A table drawn with rules (box-drawing or ASCII): cells read between
    /// rules and strokes.
    Grid,
    /// Pipe-separated rows (HTML converters, Markdown).
    Pipe,
    /// One tab-led cell per line (Word export).
    TabCell,
    /// One row per line, tab-separated.
    Tsv,
    /// Cells separated by white space only.
    Words,
}

impl Layout {
    /// Whether empty cells keep their place.
    pub fn is_grid(self) -> bool {
        self != Layout::Words
    }
}

/// Detects the layout of the table lines.
pub fn detect_layout(lines: &[Line<'_>]) -> Layout {
    if grid::looks_like_grid(lines) {
        return Layout::Grid;
    }
    let (mut pipe, mut tab_lead, mut tab_inner) = (0usize, 0usize, 0usize);
    for line in lines.iter().filter(|l| !l.is_blank()) {
        if line.text.contains('|') {
            pipe += 1;
        }
        let inner = line.text.trim_end().trim_start_matches('\t');
        if line.text.starts_with('\t') && !inner.contains('\t') {
            tab_lead += 1;
        } else if inner.contains('\t') {
            tab_inner += 1;
        }
    }
    if pipe >= 2 && pipe >= tab_lead.max(tab_inner) {
        Layout::Pipe
    } else if tab_lead >= 2 && tab_lead > tab_inner {
        Layout::TabCell
    } else if tab_inner >= 2 {
        Layout::Tsv
    } else {
        Layout::Words
    }
}

/// Splits the table text `start..end` of `text` into physical rows.
#[cfg(test)]
pub fn physical_rows(text: &str, start: usize, end: usize) -> (Layout, Vec<PhysicalRow<'_>>) {
    let printed = |from: usize, to: usize| text.get(from..to).unwrap_or("");
    physical_rows_with(text, start, end, &printed)
}

/// [`physical_rows`] with the text as printed under a normalized byte range
/// given by the caller, so that display widths are those of the original
/// (full-width brackets and ideographic spaces are folded to one-column forms
/// by normalization). Widths are summed along a line, range by range
/// (`printed(line start, end of word 1)`, `printed(end of word 1, end of word
/// 2)`, …), so the ranges must add up: what normalization removed between
/// two ranges must be printed in one of them.
pub fn physical_rows_with<'a, 's>(
    text: &'a str,
    start: usize,
    end: usize,
    printed: &dyn Fn(usize, usize) -> &'s str,
) -> (Layout, Vec<PhysicalRow<'a>>) {
    let lines = lines_in(text, start, end);
    let layout = detect_layout(&lines);
    let width = |from: usize, to: usize| super::cell::display_width(printed(from, to));
    let rows = match layout {
        Layout::Grid => grid::grid_rows(&lines, printed),
        Layout::Pipe => lines
            .iter()
            .filter(|l| !l.is_blank() && !pipe::is_markdown_rule(l.text) && !is_page_number(l.text))
            .map(pipe::pipe_row)
            .collect(),
        Layout::Tsv => lines
            .iter()
            .filter(|l| !l.is_blank() && !is_page_number(l.text))
            .map(tsv::tsv_row)
            .collect(),
        Layout::TabCell => tab_cell::tab_cell_rows(&lines),
        Layout::Words => vec![words::word_cells(&lines, &width)],
    };
    (layout, rows)
}
