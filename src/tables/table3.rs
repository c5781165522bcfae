//! Table 3 (收到和处理政府信息公开申请情况): 23 or 25 rows × 7 applicant columns.

use super::cell::RawCell;
use super::fit::{ColumnGrid, ExtraCells, Fit, fit};
use super::identities::{RowCells, requests_row_splits, solve_requests};
use super::layout::Layout;
use super::place::{Evidence, Placement, place};
use super::read::{RowName, RowShape};
use super::rows::LogicalRow;
use super::runs::{self, Budget, Split, TABLE_STEPS};
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
    headers: &[bool],
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
            let is_header = headers.get(index).copied().unwrap_or(false);
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

/// The ordinals the row （七）总计 is printed with.
const TOTAL_ORDINALS: [&str; 3] = ["(七)", "七.", "(7)"];

/// A (normalized) label without the table's header words, so that a header
/// printed in front of a row's label (a page break, a header merged onto the
/// first row) does not name the row: 总计 among header words is the header
/// of the total column, unless the row's ordinal （七） comes with it.
fn without_header_words(label: &str, is_header: bool) -> std::borrow::Cow<'_, str> {
    if !is_header {
        return std::borrow::Cow::Borrowed(label);
    }
    let mut out = label.to_string();
    for w in HEADER_WORDS {
        out = out.replace(w, "");
    }
    if !TOTAL_ORDINALS.iter().any(|o| out.contains(o)) {
        out = out.replace("总计", "");
    }
    std::borrow::Cow::Owned(out)
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
/// phrase and names nothing. The two are one row. So are a row's label and
/// its numbers with the table's header words printed again between them
/// (a page break in PDF text).
fn join_wrapped_labels(
    rows: &mut std::borrow::Cow<'_, [LogicalRow<'_>]>,
    evidence: &mut [Evidence],
    headers: &[bool],
) {
    // The joins, found first: most tables have none and keep their rows
    // borrowed.
    let joins: Vec<(usize, usize)> = (1..rows.len())
        .filter_map(|i| {
            let (Some(Evidence::Keyed(k)), Some(Evidence::Unkeyed(None))) =
                (evidence.get(i - 1).copied(), evidence.get(i).copied())
            else {
                return None;
            };
            let (head, tail) = (rows.get(i - 1)?, rows.get(i)?);
            // The table's header printed again (a page break) between a
            // row's label and its numbers also leaves the numbers to that row.
            let header_between = headers.get(i).copied().unwrap_or(false);
            let joined = !head.has_values()
                && tail.has_values()
                && !tail.labels.is_empty()
                && (header_between || unfinished(&head.label_text()));
            joined.then_some((i, k))
        })
        .collect();
    for (i, k) in joins {
        let rows = rows.to_mut();
        let labels = rows
            .get(i - 1)
            .map(|r| r.labels.clone())
            .unwrap_or_default();
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
    // 总计 among the header words names the total column, not the row
    // （七）总计, unless the text prints that row's ordinal.
    let header_total = has_header_words(text) && !TOTAL_ORDINALS.iter().any(|o| text.contains(o));
    requests_mentions(text)
        .into_iter()
        .filter(|m| !(header_total && *m == RequestsLabel::Row(RequestsRowKey::TotalProcessed)))
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

/// Whether rows (some re-read by order) are consistent with table 3's
/// arithmetic: every row total, column balance and column result that can
/// be checked holds — or, unless `strict`, the ones that fail all share one
/// cell, as a report's own misprint makes them. A reading shifted by a
/// vanished blank or a stray number breaks identities all over the table.
fn arithmetic_holds(
    rows: &[(usize, Vec<RawCell>)],
    expected: &[RequestsRowKey],
    strict: bool,
) -> bool {
    let mut values: Vec<Option<[Option<i64>; 7]>> = vec![None; expected.len()];
    for (k, cells) in rows {
        if cells.len() != 7 {
            continue;
        }
        let mut row = [None; 7];
        for (slot, c) in row.iter_mut().zip(cells) {
            *slot = parse_cell(&c.text).value.as_integer();
        }
        if let Some(v) = values.get_mut(*k) {
            *v = Some(row);
        }
    }
    let cell = |key: RequestsRowKey, c: usize| -> Option<i64> {
        let k = expected.iter().position(|e| *e == key)?;
        values.get(k).copied().flatten()?.get(c).copied().flatten()
    };
    // Each failing identity as the cells it involves.
    let mut failures: Vec<Vec<(usize, usize)>> = Vec::new();
    let at = |key: RequestsRowKey, c: usize| {
        (
            expected
                .iter()
                .position(|e| *e == key)
                .unwrap_or(usize::MAX),
            c,
        )
    };
    for key in expected {
        let parts: Option<Vec<i64>> = (0..6).map(|c| cell(*key, c)).collect();
        if let (Some(parts), Some(total)) = (parts, cell(*key, 6))
            && parts.iter().sum::<i64>() != total
        {
            failures.push((0..7).map(|c| at(*key, c)).collect());
        }
    }
    let leaves: Vec<RequestsRowKey> = expected
        .iter()
        .copied()
        .filter(|k| k.is_result_leaf())
        .collect();
    for c in 0..7 {
        use RequestsRowKey::{CarriedForward, CarriedOver, NewReceived, TotalProcessed};
        if let (Some(new), Some(over), Some(done), Some(forward)) = (
            cell(NewReceived, c),
            cell(CarriedOver, c),
            cell(TotalProcessed, c),
            cell(CarriedForward, c),
        ) && new + over != done + forward
        {
            failures.push(vec![
                at(NewReceived, c),
                at(CarriedOver, c),
                at(TotalProcessed, c),
                at(CarriedForward, c),
            ]);
        }
        let results: Option<Vec<i64>> = leaves.iter().map(|k| cell(*k, c)).collect();
        if let (Some(results), Some(done)) = (results, cell(TotalProcessed, c))
            && results.iter().sum::<i64>() != done
        {
            let mut cells: Vec<(usize, usize)> = leaves.iter().map(|k| at(*k, c)).collect();
            cells.push(at(TotalProcessed, c));
            failures.push(cells);
        }
    }
    match failures.split_first() {
        None => true,
        Some(_) if strict => false,
        Some((first, others)) => first
            .iter()
            .any(|cell| others.iter().all(|f| f.contains(cell))),
    }
}

/// Splits the rows printed as one digit run each (`get_text()`): a run is
/// split where exactly one joint split of all the table's runs satisfies
/// every identity that can be checked (row totals, column balance and
/// results); other runs are left whole, and their rows abstain.
fn split_runs(
    ctx: &mut Context<'_>,
    rows: &mut [LogicalRow],
    placements: &[Placement],
    expected: &[RequestsRowKey],
) {
    // One budget for all the rows' searches, one for the joint search.
    let mut rows_budget = Budget::with_steps(TABLE_STEPS);
    let mut budget = Budget::with_steps(TABLE_STEPS);
    // Each run row: its index among the rows, its entry in `cells`, its splits.
    let mut runs: Vec<(usize, usize, Vec<Split>)> = Vec::new();
    let mut cells: Vec<(RequestsRowKey, RowCells)> = Vec::new();
    for (i, (row, placement)) in rows.iter().zip(placements).enumerate() {
        let (Placement::Keyed(k) | Placement::ByPosition(k)) = placement else {
            continue;
        };
        let Some(key) = expected.get(*k).copied() else {
            continue;
        };
        if let Some(run) = glued_run(row) {
            // A row whose search ran out of budget has unknown candidates
            // and takes no part (it abstains).
            let splits = requests_row_splits(&run.text, &mut rows_budget).unwrap_or_default();
            let values = splits.iter().map(|s| to_row(&s.values)).collect();
            runs.push((i, cells.len(), splits));
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
    }
    if runs.is_empty() {
        return;
    }
    let solved = solve_requests(expected, &cells, &mut budget);
    for (row_index, entry, splits) in &runs {
        let Some(row) = rows.get_mut(*row_index) else {
            continue;
        };
        let key = cells.get(*entry).map(|(k, _)| k.key()).unwrap_or("");
        let run_text = glued_run(row)
            .map(|r| r.text.to_string())
            .unwrap_or_default();
        let span = ctx.span_of_row(row);
        // A run with one spelling only is certain whatever the arithmetic.
        let only_spelling = || {
            let mut budget = Budget::new();
            let found = runs::splits(&run_text, &[false; 7], 2, &mut budget, &|_| false, &|_| {
                true
            });
            (found.len() == 1 && !budget.exhausted())
                .then(|| found.into_iter().next())
                .flatten()
        };
        let chosen = solved
            .get(*entry)
            .copied()
            .flatten()
            .and_then(|i| splits.get(i).cloned())
            .or_else(only_spelling);
        match chosen.as_ref() {
            Some(split) => {
                apply_split(row, split);
                ctx.diagnose(
                    DiagnosticCode::RunSplit,
                    span,
                    format!(
                        "表三 row {key}: the digits {run_text} were split into 7 cells, the only split that satisfies the table's arithmetic (row total, column balance and results) or the only way to spell them"
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

/// Whether a (normalized) label holds one of the table's header words. Most
/// labels hold none of the header words' first chars, and are told in one
/// pass.
fn has_header_words(label: &str) -> bool {
    label.contains(['自', '法', '商', '科', '申', '勾'])
        && HEADER_WORDS.iter().any(|w| label.contains(w))
}

/// Builds table 3 from its logical rows; `None` when no row was recognized.
pub fn build(ctx: &mut Context<'_>, layout: Layout, rows: &[LogicalRow]) -> Option<RequestsTable> {
    let labels: Vec<String> = rows
        .iter()
        .map(|r| normalize_label(&r.label_text()))
        .collect();
    let headers: Vec<bool> = labels.iter().map(|l| has_header_words(l)).collect();
    let matched: Vec<Option<RequestsLabel>> = labels
        .iter()
        .zip(&headers)
        .map(|(l, h)| requests_label(&without_header_words(l, *h)))
        .collect();
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
    let recognized = matched.iter().any(Option::is_some) || headers.contains(&true);
    if !recognized {
        return None;
    }
    let grid = ColumnGrid::learn(rows, columns);
    let ordinals: Vec<_> = expected
        .iter()
        .map(|k| Some(requests_ordinal(*k)))
        .collect();
    let mut evidence = evidence(rows, &labels, &headers, &matched, template, &expected);
    let mut rows: std::borrow::Cow<'_, [LogicalRow]> = std::borrow::Cow::Borrowed(rows);
    join_wrapped_labels(&mut rows, &mut evidence, &headers);
    if layout == Layout::Words {
        let mut owned = rows.into_owned();
        detach_ordinals(&mut owned, &mut evidence, &ordinals);
        let placed = place(&evidence, &ordinals);
        split_runs(ctx, &mut owned, &placed, &expected);
        let fits = |row: &LogicalRow, n: usize| {
            matches!(
                fit(&row.values, n, layout, extra_policy, grid.as_ref()),
                Fit::Cells { .. } | Fit::Empty
            )
        };
        let named = |text: &str| named_rows(text, template, &expected);
        let key_name = |k: usize| expected.get(k).map_or("", |key| key.key());
        let table_columns = vec![columns; expected.len()];
        let sane =
            |all: &[(usize, Vec<RawCell>)], strict: bool| arithmetic_holds(all, &expected, strict);
        let stream = StreamTable {
            name: "表三",
            columns: &table_columns,
            key_name: &key_name,
            fits: &fits,
            named: &named,
            unnamed: 2,
            distinct_rows: true,
            sane: &sane,
        };
        let read;
        (read, evidence) = read_stream(ctx, &stream, owned, evidence, &mut table.extra_rows);
        rows = std::borrow::Cow::Owned(read);
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
        let what = RowName {
            table: "表三",
            kind: "row",
            key: key.key(),
        };
        let (cells, ambiguous) = ctx.read_row(
            what,
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
    ctx.order_rows(
        "表三",
        table.span,
        &mut table.rows,
        &expected,
        |r| r.key,
        RequestsRowKey::key,
    );
    Some(table)
}
