//! Table 4 (行政复议、行政诉讼情况): one data row of 15 cells.

use super::Context;
use super::fit::ExtraCells;
use super::identities::reviews_split;
use super::layout::Layout;
use super::read::{RowName, RowShape};
use super::rows::LogicalRow;
use super::runs::Budget;
use super::stream::{apply_split, glued_run};
use crate::ast::{ReviewGroup, ReviewOutcome, ReviewsTable};
use crate::diagnostic::DiagnosticCode;

/// Whether a label is one of table 4's header words (group or outcome).
fn is_header(label: &str) -> bool {
    ["维持", "纠正", "审结", "复议", "诉讼", "其他结果", "总计"]
        .iter()
        .any(|w| label.contains(w))
}

/// Builds table 4: the first row with values is the data row.
pub fn build(ctx: &mut Context<'_>, layout: Layout, rows: &[LogicalRow]) -> Option<ReviewsTable> {
    let columns = ReviewGroup::ALL.len() * ReviewOutcome::ALL.len();
    let first = rows.iter().position(|r| r.has_values())?;
    let mut data = rows.get(first)?.clone();
    // A data row wrapped over several lines: value-only rows that follow make
    // it up to the 15 cells (never beyond). In a stream layout (reading-order
    // PDF text) the header words of the litigation groups may come between
    // the groups' numbers: the numbers are then joined across them, when the
    // table holds exactly 15 numbers in all, and marked inferred.
    if data.values.len() < columns {
        let all_numbers = rows
            .iter()
            .flat_map(|r| r.values.iter())
            .filter(|c| !c.is_empty())
            .count();
        let across_headers = layout == Layout::Words && all_numbers == columns;
        let mut joined = data.clone();
        for next in rows.iter().skip(first + 1) {
            let header_only = next.labels.iter().all(|l| is_header(&l.text));
            let stops = !(next.labels.is_empty() || (across_headers && header_only));
            if stops || joined.values.len() >= columns {
                break;
            }
            joined.inferred |= !next.labels.is_empty();
            joined.values.extend(next.values.iter().cloned());
        }
        if joined.values.len() == columns {
            data = joined;
        }
    }
    // Fifteen cells printed as one run of digits (`get_text()`): split where
    // exactly one split makes each group's 总计 the sum of its outcomes.
    if layout == Layout::Words
        && let Some(run) = glued_run(&data)
    {
        let run_text = run.text.to_string();
        let span = ctx.span_of_row(&data);
        match reviews_split(&run_text, &mut Budget::new()) {
            Some(split) => {
                apply_split(&mut data, &split);
                ctx.diagnose(
                    DiagnosticCode::RunSplit,
                    span,
                    format!(
                        "表四 data row: the digits {run_text} were split into 15 cells by the group totals, the only split that satisfies them"
                    ),
                );
            }
            None => ctx.diagnose(
                DiagnosticCode::RunUnsplit,
                span,
                format!(
                    "表四 data row: the digits {run_text} could not be split into its 15 cells with certainty; no value was taken"
                ),
            ),
        }
    }
    let data = &data;
    // Without any table 4 header word, a lone value (a body that says only
    // "无") is not a table.
    let has_header = rows.iter().any(|r| is_header(&r.label_text()));
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
        RowName {
            table: "表四",
            kind: "data",
            key: "row",
        },
        data,
        RowShape {
            columns,
            layout,
            extra: ExtraCells::DropTrailing,
            grid: None,
        },
        data.inferred,
    );
    table.cells = cells;
    table.ambiguous = ambiguous;
    Some(table)
}
