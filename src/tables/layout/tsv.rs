//! Tab-separated rows (a browser copy): one row a line, tabs between cells.

use crate::lines::Line;
use crate::tables::cell::{PhysicalRow, RawCell};

pub fn tsv_row<'a>(line: &Line<'a>) -> PhysicalRow<'a> {
    let text = line.text;
    let mut cells = Vec::new();
    let mut from = 0;
    for (i, _) in text.match_indices('\t') {
        cells.push(RawCell::from_piece(text, line.start, from, i));
        from = i + 1;
    }
    cells.push(RawCell::from_piece(text, line.start, from, text.len()));
    cells
}
