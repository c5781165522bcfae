//! Table 4 (行政复议、行政诉讼情况): one data row of 15 cells.

use super::Context;
use super::fit::ExtraCells;
use super::layout::Layout;
use super::read::RowShape;
use super::rows::LogicalRow;
use crate::ast::{ReviewGroup, ReviewOutcome, ReviewsTable};

/// Builds table 4: the first row with values is the data row.
pub fn build(ctx: &mut Context<'_>, layout: Layout, rows: &[LogicalRow]) -> Option<ReviewsTable> {
    let columns = ReviewGroup::ALL.len() * ReviewOutcome::ALL.len();
    let first = rows.iter().position(|r| r.has_values())?;
    let mut data = rows.get(first)?.clone();
    // A data row wrapped over several lines: value-only rows that follow make
    // it up to the 15 cells (never beyond).
    if data.values.len() < columns {
        let mut joined = data.clone();
        for next in rows.iter().skip(first + 1) {
            if !next.labels.is_empty() || joined.values.len() >= columns {
                break;
            }
            joined.values.extend(next.values.iter().cloned());
        }
        if joined.values.len() == columns {
            data = joined;
        }
    }
    let data = &data;
    // Without any table 4 header word, a lone value (a body that says only
    // "无") is not a table.
    let has_header = rows.iter().any(|r| {
        let label = r.label_text();
        ["维持", "纠正", "审结", "复议", "诉讼"]
            .iter()
            .any(|w| label.contains(w))
    });
    if !has_header && data.values.len() < columns {
        return None;
    }
    let span = ctx.span_of_rows(rows);
    let mut table = ReviewsTable {
        cells: Vec::new(),
        ambiguous: None,
        span,
    };
    let (cells, ambiguous) = ctx.read_row(
        "表四 data row",
        data,
        RowShape {
            columns,
            layout,
            extra: ExtraCells::DropTrailing,
            grid: None,
        },
        false,
    );
    table.cells = cells;
    table.ambiguous = ambiguous;
    Some(table)
}
