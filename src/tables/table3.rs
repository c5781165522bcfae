//! Table 3 (收到和处理政府信息公开申请情况): 23 or 25 rows × 7 applicant columns.

use super::cell::RawCell;
use super::fit::{ColumnGrid, ExtraCells, Fit, fit};
use super::identities::{RowCells, requests_row_splits, solve_requests};
use super::layout::Layout;
use super::place::{Evidence, place};
use super::read::RowShape;
use super::rows::LogicalRow;
use super::runs::{Budget, Split, TABLE_STEPS};
use super::stream::{StreamTable, apply_split, detach_ordinals, glued_run, read_stream};
use super::template::requests_ordinal;
use crate::ast::{ApplicantColumn, RequestsRow, RequestsRowKey, RequestsTable, Template};
use crate::context::Context;
use crate::diagnostic::DiagnosticCode;
use crate::grammar::label::{
    RequestsLabel, T3_V2021_MARKERS, count_markers, last_label_ordinal, normalize_label,
    requests_label, requests_mentions,
};
use crate::grammar::number::parse_cell;

/// Words that only table headers carry.
const HEADER_WORDS: &[&str] = &[
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "申请人情况",
    "勾稽关系",
];

/// Detects the template from the labels of all rows.
fn detect_template(
    labels: &[String],
    matched: &[Option<RequestsLabel>],
    rows: &[LogicalRow],
) -> Template {
    let v2021_label = labels
        .iter()
        .any(|l| count_markers(l, T3_V2021_MARKERS) > 0);
    let v2021_row = matched.iter().any(|m| {
        matches!(
            m,
            Some(RequestsLabel::Row(
                RequestsRowKey::OtherNoCorrection
                    | RequestsRowKey::OtherFeeUnpaid
                    | RequestsRowKey::OtherOther
            ))
        )
    });
    // Without labels (rows read by position), 25 rows of values mean the
    // 2021 template; 23 the 2019 one. Labelled rows without any 2021 row
    // are the 2019 template, whatever else the table's text holds.
    let labelled = matched
        .iter()
        .filter(|m| matches!(m, Some(RequestsLabel::Row(_))))
        .count();
    let value_rows = rows.iter().filter(|r| r.has_values()).count();
    let unlabelled_2021 =
        labelled < 12 && value_rows == RequestsRowKey::rows(Template::V2021).len();
    if v2021_label || v2021_row || unlabelled_2021 {
        Template::V2021
    } else {
        Template::V2019
    }
}

/// What each row's label says about its template row.
fn evidence(
    rows: &[LogicalRow],
    labels: &[String],
    matched: &[Option<RequestsLabel>],
    template: Template,
    expected: &[RequestsRowKey],
) -> Vec<Evidence> {
    let index_of = |key: RequestsRowKey| expected.iter().position(|k| *k == key);
    rows.iter()
        .zip(labels)
        .zip(matched)
        .enumerate()
        .map(|(index, ((row, label), meaning))| {
            let has_values = row.has_values();
            let is_header = HEADER_WORDS.iter().any(|w| label.contains(w));
            // A sentence without values is a note, not a row.
            if !has_values && label.contains('。') {
                return Evidence::Skip;
            }
            // A group caption with values whose first child follows with its
            // own label is a subtotal line (T3.SUB), not the first child.
            let subtotal = matches!(meaning, Some(RequestsLabel::Group(k))
                if matched.get(index + 1) == Some(&Some(RequestsLabel::Row(*k))));
            let key = match meaning {
                Some(RequestsLabel::Row(k)) if has_values || !is_header => *k,
                Some(RequestsLabel::Group(k)) if has_values && !subtotal => *k,
                // A subtotal on a group caption: kept aside.
                Some(RequestsLabel::Group(_)) if has_values => return Evidence::Aside,
                // Header rows and captions without values.
                Some(_) => return Evidence::Skip,
                // Values under a header (merged onto it) or a lost or garbled
                // label: placed by position, if anywhere.
                None if has_values => {
                    let ordinal = if is_header {
                        None
                    } else {
                        last_label_ordinal(label)
                    };
                    return Evidence::Unkeyed(ordinal);
                }
                None => return Evidence::Skip,
            };
            // （六）其他处理 alone names the first sub-row in the 2021 template.
            let key = match (key, template) {
                (RequestsRowKey::Other, Template::V2021) => RequestsRowKey::OtherNoCorrection,
                (k, _) => k,
            };
            match index_of(key) {
                Some(i) => Evidence::Keyed(i),
                // A row of the other template: an unknown row.
                None if has_values => Evidence::Unkeyed(None),
                None => Evidence::Skip,
            }
        })
        .collect()
}

/// Whether a label was cut in the middle of a phrase (a line break inside
/// a cell): an unclosed bracket, or a trailing clause separator.
fn unfinished(label: &str) -> bool {
    let open = label.matches(['(', '（']).count();
    let close = label.matches([')', '）']).count();
    open > close || label.trim_end().ends_with(['，', ',', '、', '；'])
}

/// A label wrapped over two lines of a grid with its numbers on the second
/// (a `<br>` in a cell that a converter turned into a line break): the
/// first line names the row and has no numbers, the second continues the
/// phrase and names nothing. The two are one row.
fn join_wrapped_labels(rows: &mut [LogicalRow], evidence: &mut [Evidence]) {
    for i in 1..rows.len() {
        let (Some(Evidence::Keyed(k)), Some(Evidence::Unkeyed(None))) =
            (evidence.get(i - 1).copied(), evidence.get(i).copied())
        else {
            continue;
        };
        let (Some(head), Some(tail)) = (rows.get(i - 1), rows.get(i)) else {
            continue;
        };
        if head.has_values()
            || !tail.has_values()
            || tail.labels.is_empty()
            || !unfinished(&head.label_text())
        {
            continue;
        }
        let labels = head.labels.clone();
        if let Some(tail) = rows.get_mut(i) {
            tail.labels.splice(0..0, labels);
        }
        if let Some(e) = evidence.get_mut(i) {
            *e = Evidence::Keyed(k);
        }
        if let Some(e) = evidence.get_mut(i - 1) {
            *e = Evidence::Skip;
        }
    }
}

/// The template rows a normalized text names anywhere in it (for checking
/// that rows re-read by order are all printed somewhere).
fn named_rows(text: &str, template: Template, expected: &[RequestsRowKey]) -> Vec<usize> {
    requests_mentions(text)
        .into_iter()
        .filter_map(|m| match m {
            RequestsLabel::Row(RequestsRowKey::Other) if template == Template::V2021 => {
                Some(RequestsRowKey::OtherNoCorrection)
            }
            RequestsLabel::Row(k) => Some(k),
            RequestsLabel::Group(_) => None,
        })
        .filter_map(|k| expected.iter().position(|e| *e == k))
        .collect()
}

/// Whether rows re-read by order look like table 3: most rows whose seven
/// cells are numbers have a 总计 that is the sum of the others (a shifted
/// reading breaks nearly every row; a report's own errors break a few).
fn arithmetic_holds(reread: &[(usize, Vec<RawCell>)]) -> bool {
    let mut checked = 0usize;
    let mut broken = 0usize;
    for (_, cells) in reread {
        let values: Option<Vec<i64>> = cells
            .iter()
            .map(|c| parse_cell(&c.text).value.as_integer())
            .collect();
        let Some(values) = values else { continue };
        let Some((total, parts)) = values.split_last() else {
            continue;
        };
        checked += 1;
        if parts.iter().sum::<i64>() != *total {
            broken += 1;
        }
    }
    broken <= 2.max(checked / 10)
}

/// Splits the rows printed as one digit run each (`get_text()`): a run is
/// split where exactly one joint split of all the table's runs satisfies
/// every identity that can be checked (row totals, column balance and
/// results); other runs are left whole, and their rows abstain.
fn split_runs(
    ctx: &mut Context<'_>,
    rows: &mut [LogicalRow],
    evidence: &[Evidence],
    expected: &[RequestsRowKey],
) {
    // One budget for all the rows' searches, one for the joint search.
    let mut rows_budget = Budget::with_steps(TABLE_STEPS);
    let mut budget = Budget::with_steps(TABLE_STEPS);
    let mut candidates: Vec<(usize, Vec<Split>)> = Vec::new();
    let mut cells: Vec<(RequestsRowKey, RowCells)> = Vec::new();
    for (i, (row, e)) in rows.iter().zip(evidence).enumerate() {
        let Evidence::Keyed(k) = e else { continue };
        let Some(key) = expected.get(*k).copied() else {
            continue;
        };
        if let Some(run) = glued_run(row) {
            // A row whose search ran out of budget has unknown candidates
            // and takes no part (it abstains).
            let splits = requests_row_splits(&run.text, &mut rows_budget).unwrap_or_default();
            let values = splits.iter().map(|s| to_row(&s.values)).collect();
            candidates.push((cells.len(), splits));
            cells.push((key, RowCells::Runs(values)));
        } else {
            let values: Vec<Option<i64>> = row
                .values
                .iter()
                .map(|c| parse_cell(&c.text).value.as_integer())
                .collect();
            if values.len() == ApplicantColumn::ALL.len() {
                let mut known = [None; 7];
                for (slot, v) in known.iter_mut().zip(values) {
                    *slot = v;
                }
                cells.push((key, RowCells::Known(known)));
            }
        }
        let _ = i;
    }
    if candidates.is_empty() {
        return;
    }
    let solved = solve_requests(expected, &cells, &mut budget);
    // Rows in the same order as `cells` entries that are runs.
    let run_rows: Vec<usize> = rows
        .iter()
        .zip(evidence)
        .enumerate()
        .filter(|(_, (row, e))| {
            matches!(e, Evidence::Keyed(k) if expected.get(*k).is_some())
                && glued_run(row).is_some()
        })
        .map(|(i, _)| i)
        .collect();
    for ((entry, splits), row_index) in candidates.iter().zip(run_rows) {
        let Some(row) = rows.get_mut(row_index) else {
            continue;
        };
        let key = cells.get(*entry).map(|(k, _)| k.key()).unwrap_or("");
        let run_text = glued_run(row)
            .map(|r| r.text.to_string())
            .unwrap_or_default();
        let span = ctx.span_of_row(row);
        match solved.get(*entry).copied().flatten().and_then(|i| splits.get(i)) {
            Some(split) => {
                apply_split(row, split);
                ctx.diagnose(
                    DiagnosticCode::RunSplit,
                    span,
                    format!(
                        "表三 row {key}: the digits {run_text} were split into 7 cells by the table's arithmetic (row total, column balance and results), the only split that satisfies it"
                    ),
                );
            }
            None => ctx.diagnose(
                DiagnosticCode::RunUnsplit,
                span,
                format!(
                    "表三 row {key}: the digits {run_text} could not be split into its 7 cells with certainty ({} split(s) satisfy the row total; the table's identities do not single one out); no value was taken",
                    splits.len()
                ),
            ),
        }
    }
}

fn to_row(values: &[i64]) -> [i64; 7] {
    let mut row = [0i64; 7];
    for (slot, v) in row.iter_mut().zip(values) {
        *slot = *v;
    }
    row
}

/// Builds table 3 from its logical rows; `None` when no row was recognized.
pub fn build(ctx: &mut Context<'_>, layout: Layout, rows: &[LogicalRow]) -> Option<RequestsTable> {
    let labels: Vec<String> = rows
        .iter()
        .map(|r| normalize_label(&r.label_text()))
        .collect();
    let matched: Vec<Option<RequestsLabel>> = labels.iter().map(|l| requests_label(l)).collect();
    let template = detect_template(&labels, &matched, rows);
    let expected = RequestsRowKey::rows(template);
    // A table with an unofficial 小计 (subtotal) column has one more value
    // column at an unknown place: rows with an extra cell are ambiguous.
    let extra_policy = if labels.iter().any(|l| l.contains("小计")) {
        ExtraCells::Refuse
    } else {
        ExtraCells::DropLeading
    };
    let columns = ApplicantColumn::ALL.len();

    let mut table = RequestsTable {
        template,
        rows: Vec::new(),
        extra_rows: Vec::new(),
        span: ctx.span_of_rows(rows),
    };
    // Values without any label of this table (a body saying only "无") are
    // not a table.
    let recognized = matched.iter().any(Option::is_some)
        || labels
            .iter()
            .any(|l| HEADER_WORDS.iter().any(|w| l.contains(w)));
    if !recognized {
        return None;
    }
    let grid = ColumnGrid::learn(rows, columns);
    let ordinals: Vec<_> = expected
        .iter()
        .map(|k| Some(requests_ordinal(*k)))
        .collect();
    let mut evidence = evidence(rows, &labels, &matched, template, &expected);
    let mut rows: Vec<LogicalRow> = rows.to_vec();
    join_wrapped_labels(&mut rows, &mut evidence);
    if layout == Layout::Words {
        detach_ordinals(&mut rows, &evidence, &ordinals);
        split_runs(ctx, &mut rows, &evidence, &expected);
        let fits = |row: &LogicalRow, n: usize| {
            matches!(
                fit(&row.values, n, layout, extra_policy, grid.as_ref()),
                Fit::Cells { .. } | Fit::Empty
            )
        };
        let named = |text: &str| named_rows(text, template, &expected);
        let key_name = |k: usize| expected.get(k).map_or("", |key| key.key());
        let table_columns = vec![columns; expected.len()];
        let sane = |reread: &[(usize, Vec<RawCell>)]| arithmetic_holds(reread);
        let stream = StreamTable {
            name: "表三",
            columns: &table_columns,
            key_name: &key_name,
            fits: &fits,
            named: &named,
            unnamed: 2,
            sane: &sane,
        };
        (rows, evidence) = read_stream(ctx, &stream, rows, evidence, &mut table.extra_rows);
    }
    let placements = place(&evidence, &ordinals);
    for (row, placement) in rows.iter().zip(placements) {
        let taken: Vec<RequestsRowKey> = table.rows.iter().map(|r| r.key).collect();
        let Some((key, by_position)) = ctx.admit(
            "表三",
            placement,
            &expected,
            &taken,
            row,
            RequestsRowKey::key,
            &mut table.extra_rows,
        ) else {
            continue;
        };
        let span = ctx.span_of_row(row);
        let label_node = ctx.label(&row.labels);
        let what = format!("表三 row {}", key.key());
        let (cells, ambiguous) = ctx.read_row(
            &what,
            row,
            RowShape {
                columns,
                layout,
                extra: extra_policy,
                grid: grid.as_ref(),
            },
            by_position || row.inferred,
        );
        table.rows.push(RequestsRow {
            key,
            label: label_node,
            cells,
            ambiguous,
            span,
        });
    }
    if table.rows.is_empty() {
        return None;
    }
    table
        .rows
        .sort_by_key(|r| expected.iter().position(|k| *k == r.key));
    let missing: Vec<&str> = expected
        .iter()
        .filter(|k| !table.rows.iter().any(|r| r.key == **k))
        .map(|k| k.key())
        .collect();
    ctx.report_missing("表三", table.span, &missing);
    Some(table)
}
