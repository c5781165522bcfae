//! Table 4 (行政复议、行政诉讼情况): one data row of 15 cells.

use super::Context;
use super::cells::{ExtraCells, Fit, Layout, LogicalRow, fit};
use crate::ast::{AmbiguousRow, ReviewGroup, ReviewOutcome, ReviewsTable};
use crate::diagnostic::DiagnosticCode;

/// Builds table 4: the first row with values is the data row.
pub fn build(ctx: &mut Context<'_>, layout: Layout, rows: &[LogicalRow]) -> Option<ReviewsTable> {
    let columns = ReviewGroup::ALL.len() * ReviewOutcome::ALL.len();
    let data = rows.iter().find(|r| r.has_values())?;
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
    let row_span = ctx.span_of_row(data);
    let mut table = ReviewsTable {
        cells: Vec::new(),
        ambiguous: None,
        span,
    };
    match fit(&data.values, columns, layout, ExtraCells::DropTrailing) {
        Fit::Cells {
            cells,
            dropped,
            padded,
        } => {
            ctx.note_fit("表四 data row", row_span, &dropped, padded);
            table.cells = cells.iter().map(|c| ctx.cell(c)).collect();
        }
        Fit::Empty => return None,
        Fit::Ambiguous => {
            ctx.diagnose(
                DiagnosticCode::RowAmbiguous,
                row_span,
                format!(
                    "表四 data row has {} cells for {columns} columns and blanks may have vanished; no value was taken",
                    data.values.len()
                ),
            );
            let raw = data.values.iter().map(|c| ctx.cell(c)).collect();
            table.ambiguous = Some(AmbiguousRow {
                cells: raw,
                expected: columns,
            });
        }
    }
    Some(table)
}
