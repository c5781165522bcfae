//! Table 2 (主动公开政府信息情况): item rows in blocks, V2019 or V2021 columns.

use super::Context;
use super::fit::{ColumnGrid, ExtraCells};
use super::fit::{Fit, fit};
use super::layout::Layout;
use super::place::{Evidence, place};
use super::read::{RowName, RowShape};
use super::rows::LogicalRow;
use super::runs::{Budget, unique_split};
use super::stream::{StreamTable, apply_cells, glued_run, read_stream};
use crate::ast::{
    ProactiveColumn, ProactiveDisclosureTable, ProactiveItem, ProactiveRow, Template,
};
use crate::diagnostic::DiagnosticCode;
use crate::grammar::label::{
    T2_V2019_MARKERS, T2_V2021_MARKERS, count_markers, normalize_label, proactive_item,
    proactive_mentions,
};

/// Words that only captions and header rows carry.
const HEADER_WORDS: &[&str] = &["信息内容", "第二十条"];

/// Detects the template from header words, then from item rows, then from the year.
fn detect_template(
    ctx: &mut Context<'_>,
    all_labels: &str,
    items: &[Option<ProactiveItem>],
    rows: &[LogicalRow],
) -> Template {
    let v2021 = count_markers(all_labels, T2_V2021_MARKERS);
    let v2019 = count_markers(all_labels, T2_V2019_MARKERS);
    if v2021 != v2019 {
        return if v2021 > v2019 {
            Template::V2021
        } else {
            Template::V2019
        };
    }
    let (guess, why) = if items.iter().any(|i| {
        matches!(
            i,
            Some(ProactiveItem::OtherServices | ProactiveItem::Procurement)
        )
    }) {
        (Template::V2019, "its 2019-only item rows")
    } else if items.iter().zip(rows).any(|(i, r)| {
        *i == Some(ProactiveItem::Licensing)
            && r.values.iter().filter(|v| !v.is_empty()).count() >= 2
    }) {
        (Template::V2019, "the column count of 行政许可")
    } else if ctx.year.is_some_and(|y| y >= 2021) {
        (Template::V2021, "the report year")
    } else {
        (Template::V2019, "the report year")
    };
    let span = ctx.span_of_rows(rows);
    ctx.diagnose(
        DiagnosticCode::TemplateGuessed,
        span,
        format!(
            "表二 header labels do not tell the template; {} was taken from {why}",
            guess.as_str()
        ),
    );
    guess
}

/// Splits the rows printed as one digit run each (`get_text()`). Table 2 has
/// no identities: a run is split only where exactly one split into the row's
/// cells exists (canonical numbers, a decimal point only in an amount);
/// a one-column row keeps its run as its cell.
fn split_runs(
    ctx: &mut Context<'_>,
    rows: &mut [LogicalRow],
    evidence: &[Evidence],
    expected: &[ProactiveItem],
    template: Template,
) {
    let mut budget = Budget::new();
    for (row, e) in rows.iter_mut().zip(evidence) {
        let Evidence::Keyed(k) = e else { continue };
        let Some(item) = expected.get(*k) else {
            continue;
        };
        let columns = item.columns(template);
        if columns.len() < 2 {
            continue;
        }
        let Some(run) = glued_run(row) else { continue };
        let run_text = run.text.to_string();
        let decimals: Vec<bool> = columns
            .iter()
            .map(|c| *c == ProactiveColumn::Amount)
            .collect();
        let span = ctx.span_of_row(row);
        match unique_split(&run_text, &decimals, &mut budget) {
            Some(cells) => {
                apply_cells(row, &cells);
                ctx.diagnose(
                    DiagnosticCode::RunSplit,
                    span,
                    format!(
                        "表二 item {}: the digits {run_text} were split into {} cells, the only way to spell them with numbers without leading zeros (or blanks)",
                        item.key(),
                        columns.len()
                    ),
                );
            }
            None => ctx.diagnose(
                DiagnosticCode::RunUnsplit,
                span,
                format!(
                    "表二 item {}: the digits {run_text} could be split into its {} cells in more than one way (table 2 has no sums to tell which); no value was taken",
                    item.key(),
                    columns.len()
                ),
            ),
        }
    }
}

/// Builds table 2 from its logical rows; `None` when no item row was recognized.
pub fn build(
    ctx: &mut Context<'_>,
    layout: Layout,
    rows: &[LogicalRow],
) -> Option<ProactiveDisclosureTable> {
    let labels: Vec<String> = rows
        .iter()
        .map(|r| normalize_label(&r.label_text()))
        .collect();
    let items: Vec<Option<ProactiveItem>> = labels.iter().map(|l| proactive_item(l)).collect();
    let all_labels: String = labels.concat();
    let template = detect_template(ctx, &all_labels, &items, rows);
    let expected = ProactiveItem::items(template);
    let mut table = ProactiveDisclosureTable {
        template,
        rows: Vec::new(),
        extra_rows: Vec::new(),
        span: ctx.span_of_rows(rows),
    };
    // Values without any label of this table (a body saying only "无") are
    // not a table.
    let recognized = items.iter().any(Option::is_some)
        || labels
            .iter()
            .any(|l| HEADER_WORDS.iter().any(|w| l.contains(w)));
    if !recognized {
        return None;
    }
    // Space-aligned layouts: one column grid per column count (blocks of
    // three columns share one when their columns line up).
    let grid_3 = ColumnGrid::learn(rows, 3);
    let grid_for = |columns: usize| if columns == 3 { grid_3.as_ref() } else { None };
    let mut evidence: Vec<Evidence> = rows
        .iter()
        .zip(&labels)
        .zip(&items)
        .map(|((row, label), item)| {
            let has_values = row.has_values();
            let header_words = HEADER_WORDS.iter().any(|w| label.contains(w));
            // A sentence without values is a note, not a row.
            if !has_values && (label.contains('。') || header_words) {
                return Evidence::Skip;
            }
            match item.and_then(|i| expected.iter().position(|e| *e == i)) {
                Some(index) => Evidence::Keyed(index),
                // Unlabeled values (a caption may have been merged onto
                // them), a garbled label, or a row of the other template.
                None if has_values => Evidence::Unkeyed(None),
                None => Evidence::Skip,
            }
        })
        .collect();
    let mut rows: std::borrow::Cow<'_, [LogicalRow]> = std::borrow::Cow::Borrowed(rows);
    if layout == Layout::Words {
        let mut owned = rows.into_owned();
        split_runs(ctx, &mut owned, &evidence, expected, template);
        let columns: Vec<usize> = expected.iter().map(|i| i.columns(template).len()).collect();
        let fits = |row: &LogicalRow, n: usize| {
            matches!(
                fit(
                    &row.values,
                    n,
                    layout,
                    ExtraCells::DropTrailing,
                    grid_for(n)
                ),
                Fit::Cells { .. } | Fit::Empty
            )
        };
        let named = |text: &str| -> Vec<usize> {
            proactive_mentions(text)
                .into_iter()
                .filter_map(|i| expected.iter().position(|e| *e == i))
                .collect()
        };
        let key_name = |k: usize| expected.get(k).map_or("", |item| item.key());
        let stream = StreamTable {
            name: "表二",
            columns: &columns,
            key_name: &key_name,
            fits: &fits,
            named: &named,
            unnamed: 0,
            distinct_rows: false,
            // Table 2 has no identities to check a re-reading against: it is
            // taken on the count alone, never when a page number may be in it.
            sane: &|_, strict| !strict,
        };
        let read;
        (read, evidence) = read_stream(ctx, &stream, owned, evidence, &mut table.extra_rows);
        rows = std::borrow::Cow::Owned(read);
    }
    let placements = place(&evidence, &vec![None; expected.len()]);
    for (row, placement) in rows.iter().zip(placements) {
        let taken: Vec<ProactiveItem> = table.rows.iter().map(|r| r.item).collect();
        let Some((item, by_position)) = ctx.admit(
            "表二",
            placement,
            expected,
            &taken,
            row,
            ProactiveItem::key,
            &mut table.extra_rows,
        ) else {
            continue;
        };
        let columns = item.columns(template).len();
        let span = ctx.span_of_row(row);
        let label_node = ctx.label(&row.labels);
        let what = RowName {
            table: "表二",
            kind: "item",
            key: item.key(),
        };
        let (cells, ambiguous) = ctx.read_row(
            what,
            row,
            RowShape {
                columns,
                layout,
                extra: ExtraCells::DropTrailing,
                grid: grid_for(columns),
            },
            by_position || row.inferred,
        );
        table.rows.push(ProactiveRow {
            item,
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
        "表二",
        table.span,
        &mut table.rows,
        expected,
        |r| r.item,
        ProactiveItem::key,
    );
    Some(table)
}
