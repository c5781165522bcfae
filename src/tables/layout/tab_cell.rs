//! Tab-led cells (a Word export): one cell a line starting with a tab, a
//! cell's continuation lines without it, a blank line after each row.

use crate::lines::Line;
use crate::tables::cell::{PhysicalRow, RawCell};

pub fn tab_cell_rows<'a>(lines: &[Line<'a>]) -> Vec<PhysicalRow<'a>> {
    let mut rows = Vec::new();
    let mut row: PhysicalRow<'a> = Vec::new();
    for line in lines {
        if line.is_blank() && !line.text.starts_with('\t') {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            continue;
        }
        if let Some(rest) = line.text.strip_prefix('\t') {
            row.push(RawCell::from_piece(rest, line.start + 1, 0, rest.len()));
        } else if let Some(last) = row.last_mut() {
            // A continuation line of a multi-line cell.
            let (start, text) = line.trimmed();
            if last.text.is_empty() {
                last.start = start;
            }
            last.text.to_mut().push_str(text);
            last.end = start + text.len();
        } else {
            row.push(RawCell::from_piece(
                line.text,
                line.start,
                0,
                line.text.len(),
            ));
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}
