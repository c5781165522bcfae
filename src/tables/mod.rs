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

/// The numbers table 4 needs.
const REVIEW_CELLS: usize = 15;

/// In PDF text read in reading order, the right part of table 4 (the
/// litigation groups, with their header words) may come out after the
/// report's last sections. When the table's own region holds fewer than its
/// 15 numbers, the first such chunk after it — from the first litigation
/// header word, over lines of header words and numbers only — is joined to
/// it, if it holds exactly the numbers missing and each of its complete
/// groups adds up (总计 = the sum of the four outcomes). Its rows are marked
/// inferred; its cells keep their own spans, outside the table's section
/// (the one place where a cell lies outside its table and section).
fn join_displaced_reviews<'a>(
    ctx: &mut Context<'a>,
    rows: &mut Vec<LogicalRow<'a>>,
    end: usize,
    printed: &dyn Fn(usize, usize) -> &'a str,
) {
    let count = |rows: &[LogicalRow]| {
        rows.iter()
            .flat_map(|r| r.values.iter())
            .filter(|c| !c.is_empty())
            .count()
    };
    let have = count(rows);
    if have == 0 || have >= REVIEW_CELLS || !have.is_multiple_of(5) {
        return;
    }
    let text = ctx.text();
    let Some((from, to)) = region::displaced_reviews(text, end) else {
        return;
    };
    let (_, physical) = layout::physical_rows_with(text, from, to, printed);
    let mut more = logical_rows(layout::Layout::Words, physical);
    let values: Vec<i64> = more
        .iter()
        .flat_map(|r| r.values.iter())
        .filter(|c| !c.is_empty())
        .filter_map(|c| {
            crate::grammar::number::parse_cell(&c.text)
                .value
                .as_integer()
        })
        .collect();
    let groups_hold = values.len() == REVIEW_CELLS - have
        && values.chunks(5).all(|g| {
            g.split_last().is_some_and(|(total, parts)| {
                parts.len() == 4 && parts.iter().sum::<i64>() == *total
            })
        });
    if !groups_hold {
        return;
    }
    for row in &mut more {
        row.inferred = true;
    }
    let span = ctx.span_of_rows(&more);
    ctx.diagnose(
        crate::diagnostic::DiagnosticCode::RowsByTemplateOrder,
        span,
        format!(
            "表四 the numbers of its last {} groups were printed after the report's sections (PDF text in reading order); they were joined to the table, and each group's 总计 is the sum of its outcomes",
            values.len() / 5
        ),
    );
    rows.extend(more);
}

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
    let mut rows = logical_rows(layout, physical);
    // The rows inside the table's region; a displaced chunk joined after
    // them keeps its cells' own spans, outside the region and the section.
    let in_region = rows.len();
    if kind == SectionKind::ReviewsAndLitigation && layout == layout::Layout::Words {
        join_displaced_reviews(ctx, &mut rows, end, &printed);
    }
    // The table ends with its last row that holds values; the line holding
    // that row is part of the table.
    let last_value_end = rows
        .iter()
        .take(in_region)
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
        SectionKind::ReviewsAndLitigation => table4::build(ctx, layout, &rows).map(|mut t| {
            if rows.len() > in_region {
                t.span = ctx.span_of_rows(rows.get(..in_region).unwrap_or_default());
            }
            Table::ReviewsAndLitigation(t)
        }),
        _ => None,
    };
    let table_end = if table.is_some() { table_end } else { None };
    (table, table_end)
}
