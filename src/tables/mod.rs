//! Table text → the typed tables 2, 3 and 4: where a table starts in its
//! section, its layout, its rows, and the fitting of cells to columns.

mod cell;
mod fit;
mod identities;
mod layout;
mod place;
mod read;
mod region;
mod rows;
mod runs;
mod stream;
mod table2;
mod table3;
mod table4;
mod template;
#[cfg(test)]
mod tests;

use crate::ast::{SectionKind, Table};
use crate::context::Context;
use crate::span::Span;
use rows::{LogicalRow, logical_rows};

pub(crate) use region::{HeadingPlace, TableRegion, table_markers, table_regions};

pub(crate) fn build_table(
    ctx: &mut Context<'_>,
    kind: SectionKind,
    start: usize,
    end: usize,
) -> (Option<Table>, Option<usize>) {
    // The text as printed under each range, where widths are measured: the
    // original text. Inside a line a range is counted from just after the
    // char ending at `from`, so that text normalization removed between two
    // words (a zero-width char, a bookmark) counts, and widths add up along
    // a line.
    let source = ctx.source;
    let text = ctx.text();
    let map = ctx.norm.map().cursor();
    let printed = |from: usize, to: usize| {
        if to <= from {
            return "";
        }
        let range = map.to_original(Span::new(from, to));
        let at_line_start = from == 0 || text.as_bytes().get(from - 1) == Some(&b'\n');
        let printed_from = if at_line_start {
            range.start
        } else {
            map.to_original(Span::new(from, from)).start
        };
        source.get(printed_from..range.end).unwrap_or("")
    };
    let (layout, physical) = layout::physical_rows_with(text, start, end, &printed);
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
    // A drawn grid ends with its bottom border.
    let table_end = match layout {
        layout::Layout::Grid => table_end.map(|e| layout::grid_end(text, e, end)),
        _ => table_end,
    };
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
