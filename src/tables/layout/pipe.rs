//! Pipe rows (HTML converters, Markdown tables): `a | b |`, one row a line.

use crate::lines::Line;
use crate::tables::cell::{PhysicalRow, RawCell};

pub fn is_markdown_rule(text: &str) -> bool {
    let t = text.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

pub fn pipe_row<'a>(line: &Line<'a>) -> PhysicalRow<'a> {
    let text = line.text;
    let mut bounds = vec![0];
    bounds.extend(text.match_indices('|').map(|(i, _)| i));
    bounds.push(text.len());
    let mut cells: Vec<RawCell> = bounds
        .windows(2)
        .enumerate()
        .filter_map(|(k, w)| {
            let (&a, &b) = (w.first()?, w.get(1)?);
            let from = if k == 0 { a } else { a + 1 };
            Some(RawCell::from_piece(text, line.start, from, b))
        })
        .collect();
    if text.trim_start().starts_with('|') && cells.first().is_some_and(RawCell::is_empty) {
        cells.remove(0);
    }
    if text.contains('|') && cells.last().is_some_and(RawCell::is_empty) {
        cells.pop();
    }
    cells
}
