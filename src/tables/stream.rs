//! Stream layouts — one cell a line, PDF text in reading order, a table
//! flattened onto one line — print labels and numbers as one stream. Read
//! row-wise, a row runs from its label to the last number before the next
//! label. That holds until the converter lets labels and numbers come apart
//! (a run of labels, then a run of numbers; a caption printed after its
//! rows); from the first sign of it, the rest of the table is re-read by the
//! template's row order — only when the count of numbers is exactly what
//! the remaining rows need and every remaining row is named somewhere in
//! the text. Digit runs glued to their labels are split by arithmetic
//! elsewhere ([`super::runs`]); this module gives a run back the sub-item
//! number it swallowed from the next label.

use super::cell::RawCell;
use super::place::Evidence;
use super::rows::LogicalRow;
use super::runs::Split;
use crate::ast::ExtraRow;
use crate::context::Context;
use crate::diagnostic::DiagnosticCode;
use crate::grammar::label::{Ordinal, normalize_label};
use std::borrow::Cow;

/// Separators a sub-item number is printed with.
const ORDINAL_SEPARATORS: [char; 3] = ['.', '、', '．'];

/// A row's values when they are exactly one digit run glued to label text.
pub fn glued_run<'r, 'a>(row: &'r LogicalRow<'a>) -> Option<&'r RawCell<'a>> {
    let mut values = row.values.iter().filter(|c| !c.is_empty());
    let run = values.next()?;
    (values.next().is_none() && run.glued).then_some(run)
}

/// Gives back the sub-item number a digit run swallowed from the next label
/// (`…情形）00000001、属于国家秘密`: the run is `0000000`, the label
/// `1、属于国家秘密`), where the next row's label starts with the separator
/// and its template row prints that number.
pub fn detach_ordinals(
    rows: &mut [LogicalRow<'_>],
    evidence: &[Evidence],
    ordinals: &[Option<Ordinal>],
) {
    for i in 1..rows.len() {
        let Some(Evidence::Keyed(k)) = evidence.get(i) else {
            continue;
        };
        let Some(Some(Ordinal::Item(n))) = ordinals.get(*k) else {
            continue;
        };
        let digits = n.to_string();
        let Some(label) = rows.get(i).and_then(|r| r.labels.first()) else {
            continue;
        };
        if !label.text.starts_with(ORDINAL_SEPARATORS) {
            continue;
        }
        let label_start = label.start;
        let Some(previous) = rows.get_mut(i - 1) else {
            continue;
        };
        let Some(run) = previous.values.last_mut() else {
            continue;
        };
        if !run.glued || run.end != label_start || !run.text.ends_with(digits.as_str()) {
            continue;
        }
        let keep = run.text.len() - digits.len();
        run.text = match &run.text {
            Cow::Borrowed(t) => Cow::Borrowed(t.get(..keep).unwrap_or("")),
            Cow::Owned(t) => Cow::Owned(t.get(..keep).unwrap_or("").to_string()),
        };
        run.end -= digits.len();
        if run.text.is_empty() {
            previous.values.pop();
        }
        if let Some(label) = rows.get_mut(i).and_then(|r| r.labels.first_mut()) {
            label.start -= digits.len();
            label.text = Cow::Owned(format!("{digits}{}", label.text));
        }
    }
}

/// Replaces a row's digit run by the cells of `split`.
pub fn apply_split(row: &mut LogicalRow<'_>, split: &Split) {
    let cells: Vec<Option<(usize, usize)>> = split.ranges.iter().copied().map(Some).collect();
    apply_cells(row, &cells);
}

/// Replaces a row's digit run by cells at byte ranges of the run, `None`
/// for a blank cell (placed where the run ends).
pub fn apply_cells(row: &mut LogicalRow<'_>, ranges: &[Option<(usize, usize)>]) {
    let Some(run) = glued_run(row).cloned() else {
        return;
    };
    let blank = (run.text.len(), run.text.len());
    let cells = ranges
        .iter()
        .map(|range| range.unwrap_or(blank))
        .map(|(a, b)| RawCell {
            text: match &run.text {
                Cow::Borrowed(t) => Cow::Borrowed(t.get(a..b).unwrap_or("")),
                Cow::Owned(t) => Cow::Owned(t.get(a..b).unwrap_or("").to_string()),
            },
            start: run.start + a,
            end: run.start + b,
            edge: None,
            glued: true,
            unplaced: false,
        })
        .collect();
    row.values = cells;
    row.inferred = true;
}

/// Where the row-wise reading of a stream stops being trustworthy: the
/// index of the first row after the last row read cleanly, and the template
/// index after that row's. `None` when every row reads cleanly.
///
/// The reading breaks at a row whose label names a template row at or
/// before the previous one, at a row with more numbers than its columns,
/// and at numbers without any label. A named row without values is a blank
/// row, and a row with fewer numbers than columns abstains on its own;
/// neither is a break. A row reads cleanly when its numbers fit (`fits`).
pub fn first_break<'a>(
    rows: &[LogicalRow<'a>],
    evidence: &[Evidence],
    columns: &[usize],
    fits: &dyn Fn(&LogicalRow<'a>, usize) -> bool,
) -> Option<(usize, usize)> {
    let mut last_key: Option<usize> = None;
    // After the last row whose values were read cleanly.
    let mut resume = (0usize, 0usize);
    for (i, (row, e)) in rows.iter().zip(evidence).enumerate() {
        let broken = match e {
            Evidence::Keyed(k) => {
                let out_of_order = last_key.is_some_and(|l| *k <= l);
                // More numbers than the row has columns: rows ran together.
                // A row with fewer (a blank that left no trace) or a digit
                // run left whole abstains by itself; neither breaks the
                // reading of its neighbours.
                let n = columns.get(*k).copied().unwrap_or(0);
                let numbers = row.values.iter().filter(|c| !c.is_empty()).count();
                let misfit = numbers > n && glued_run(row).is_none() && !fits(row, n);
                last_key = Some(*k);
                if !out_of_order && !misfit && row.has_values() {
                    resume = (i + 1, k + 1);
                }
                out_of_order || misfit
            }
            // Numbers without any label: they belong to labels printed elsewhere.
            Evidence::Unkeyed(_) => row.labels.is_empty(),
            Evidence::Skip | Evidence::Aside => false,
        };
        if broken {
            return Some(resume);
        }
    }
    None
}

/// How the remaining numbers were laid out by the converter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Row after row.
    RowMajor,
    /// Column after column (every row has the same column count).
    ColumnMajor,
}

/// The rows `keys` (template indices, in order) re-read from all the values
/// of `rows`, in `orientation`; `None` unless the count is exact.
pub fn reread<'a>(
    rows: &[LogicalRow<'a>],
    keys: &[usize],
    columns: &[usize],
    orientation: Orientation,
) -> Option<Vec<(usize, Vec<RawCell<'a>>)>> {
    let values: Vec<&RawCell<'a>> = rows
        .iter()
        .flat_map(|r| r.values.iter())
        .filter(|c| !c.is_empty())
        .collect();
    let widths: Vec<usize> = keys
        .iter()
        .map(|k| columns.get(*k).copied().unwrap_or(0))
        .collect();
    if widths.iter().sum::<usize>() != values.len() || keys.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(keys.len());
    match orientation {
        Orientation::RowMajor => {
            let mut at = 0;
            for (k, w) in keys.iter().zip(&widths) {
                let cells = values
                    .get(at..at + w)?
                    .iter()
                    .map(|c| (*c).clone())
                    .collect();
                out.push((*k, cells));
                at += w;
            }
        }
        Orientation::ColumnMajor => {
            let width = *widths.first()?;
            if widths.iter().any(|w| *w != width) {
                return None;
            }
            let height = keys.len();
            for (i, k) in keys.iter().enumerate() {
                let cells = (0..width)
                    .map(|j| values.get(j * height + i).map(|c| (*c).clone()))
                    .collect::<Option<Vec<_>>>()?;
                out.push((*k, cells));
            }
        }
    }
    Some(out)
}

/// Rows re-read by order: each template row with its cells.
pub type Reread<'a> = [(usize, Vec<RawCell<'a>>)];

/// What a table tells the stream reader about itself.
pub struct StreamTable<'s, 'a> {
    /// The table's name in diagnostics (`表三`).
    pub name: &'s str,
    /// Value columns of each template row.
    pub columns: &'s [usize],
    /// The fact-key name of each template row.
    pub key_name: &'s dyn Fn(usize) -> &'static str,
    /// Whether a row's values fit `n` columns as they are.
    pub fits: &'s dyn Fn(&LogicalRow<'a>, usize) -> bool,
    /// The template rows a normalized label text names, anywhere in it.
    pub named: &'s dyn Fn(&str) -> Vec<usize>,
    /// How many re-read rows may go unnamed in the text (garbled labels).
    pub unnamed: usize,
    /// Whether a re-reading is consistent with the table's arithmetic.
    pub sane: &'s dyn Fn(&Reread<'a>) -> bool,
}

/// Reads a stream table's rows: row-wise up to the first break, then the
/// rest by template order when the numbers allow exactly that, else nothing
/// from the break on (kept as an extra row, with a diagnostic). Returns the
/// rows and their evidence, ready for placement.
pub fn read_stream<'a>(
    ctx: &mut Context<'_>,
    table: &StreamTable<'_, 'a>,
    mut rows: Vec<LogicalRow<'a>>,
    mut evidence: Vec<Evidence>,
    extras: &mut Vec<ExtraRow>,
) -> (Vec<LogicalRow<'a>>, Vec<Evidence>) {
    let Some((from, next_key)) = first_break(&rows, &evidence, table.columns, table.fits) else {
        return (rows, evidence);
    };
    let rest = rows.split_off(from.min(rows.len()));
    evidence.truncate(from);
    let keys: Vec<usize> = (next_key..table.columns.len()).collect();
    let rest_span = ctx.span_of_rows(&rest);
    let text: String = rest
        .iter()
        .map(|r| normalize_label(&r.label_text()))
        .collect();
    let named = (table.named)(&text);
    let unnamed = keys.iter().filter(|k| !named.contains(k)).count();
    let numbers = rest
        .iter()
        .flat_map(|r| r.values.iter())
        .filter(|c| !c.is_empty())
        .count();
    let needed: usize = keys.iter().filter_map(|k| table.columns.get(*k)).sum();
    let reread = [Orientation::RowMajor, Orientation::ColumnMajor]
        .into_iter()
        .filter(|_| unnamed <= table.unnamed)
        .filter_map(|o| reread(&rest, &keys, table.columns, o))
        .find(|r| (table.sane)(r));
    let Some(reread) = reread else {
        let message = format!(
            "{} labels and numbers come apart here and cannot be aligned with the template's rows: {numbers} numbers for {needed} cells of {} rows, {unnamed} of them not named in the text; no value was taken from here on",
            table.name,
            keys.len()
        );
        ctx.diagnose(DiagnosticCode::RowsUnaligned, rest_span, message);
        let cells = rest
            .iter()
            .flat_map(|r| r.values.iter())
            .filter(|c| !c.is_empty())
            .map(|c| ctx.cell(c))
            .collect();
        extras.push(ExtraRow {
            label: None,
            cells,
            span: rest_span,
        });
        return (rows, evidence);
    };
    let first = keys.first().map(|k| (table.key_name)(*k)).unwrap_or("");
    let message = format!(
        "{} labels and numbers come apart here; the {} rows from {first} on were read by the template's row order, the only reading the {numbers} numbers allow",
        table.name,
        keys.len()
    );
    ctx.diagnose(DiagnosticCode::RowsByTemplateOrder, rest_span, message);
    for (key, values) in reread {
        // The label cells of the first row that names this row, if any.
        let labels = rest
            .iter()
            .find(|r| (table.named)(&normalize_label(&r.label_text())).last() == Some(&key))
            .map(|r| r.labels.clone())
            .unwrap_or_default();
        rows.push(LogicalRow {
            labels,
            values,
            inferred: true,
        });
        evidence.push(Evidence::Keyed(key));
    }
    (rows, evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &'static str, start: usize, glued: bool) -> RawCell<'static> {
        RawCell {
            text: Cow::Borrowed(text),
            start,
            end: start + text.len(),
            edge: None,
            glued,
            unplaced: false,
        }
    }

    fn row(labels: Vec<RawCell<'static>>, values: Vec<RawCell<'static>>) -> LogicalRow<'static> {
        LogicalRow {
            labels,
            values,
            inferred: false,
        }
    }

    #[test]
    fn a_run_gives_back_the_next_labels_number() {
        let mut rows = vec![
            row(
                vec![cell("部分公开", 0, true)],
                vec![cell("00000001", 12, true)],
            ),
            row(
                vec![cell("、属于国家秘密", 20, true)],
                vec![cell("0000000", 41, true)],
            ),
        ];
        let ordinals = [None, Some(Ordinal::Item(1))];
        detach_ordinals(
            &mut rows,
            &[Evidence::Keyed(0), Evidence::Keyed(1)],
            &ordinals,
        );
        assert_eq!(rows[0].values[0].text, "0000000");
        assert_eq!(rows[0].values[0].end, 19);
        assert_eq!(rows[1].labels[0].text, "1、属于国家秘密");
        assert_eq!(rows[1].labels[0].start, 19);
        // A run that does not end with the number keeps its digits.
        let mut rows = vec![
            row(
                vec![cell("部分公开", 0, true)],
                vec![cell("00000002", 12, true)],
            ),
            row(vec![cell("、属于国家秘密", 20, true)], vec![]),
        ];
        detach_ordinals(
            &mut rows,
            &[Evidence::Keyed(0), Evidence::Keyed(1)],
            &ordinals,
        );
        assert_eq!(rows[0].values[0].text, "00000002");
    }

    #[test]
    fn the_row_wise_reading_breaks_where_labels_go_back() {
        let fits = |r: &LogicalRow<'_>, n: usize| r.values.len() == n;
        let v = |t: &'static str| cell(t, 0, false);
        let rows = vec![
            row(vec![v("甲")], vec![v("1"), v("2")]),
            row(vec![v("乙")], vec![v("3"), v("4"), v("5"), v("6")]),
            row(vec![v("丙")], vec![]),
            row(vec![v("丁")], vec![v("7"), v("8")]),
        ];
        let evidence = [
            Evidence::Keyed(0),
            Evidence::Keyed(1),
            Evidence::Keyed(3),
            Evidence::Keyed(2),
        ];
        assert_eq!(
            first_break(&rows, &evidence, &[2, 2, 2, 2], &fits),
            Some((1, 1))
        );
        let clean = [Evidence::Keyed(0), Evidence::Keyed(1)];
        let rows2 = vec![
            row(vec![v("甲")], vec![v("1"), v("2")]),
            row(vec![v("乙")], vec![v("3"), v("4")]),
        ];
        assert_eq!(first_break(&rows2, &clean, &[2, 2], &fits), None);
    }

    #[test]
    fn rereading_needs_the_exact_count() {
        let v = |t: &'static str| cell(t, 0, false);
        let rows = vec![row(vec![v("甲乙")], vec![v("1"), v("2"), v("3"), v("4")])];
        let texts = |r: Option<Vec<(usize, Vec<RawCell<'static>>)>>| {
            r.map(|rows| {
                rows.into_iter()
                    .map(|(k, cells)| {
                        (
                            k,
                            cells.iter().map(|c| c.text.to_string()).collect::<Vec<_>>(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            texts(reread(&rows, &[0, 1], &[2, 2], Orientation::RowMajor)),
            Some(vec![
                (0, vec!["1".into(), "2".into()]),
                (1, vec!["3".into(), "4".into()])
            ])
        );
        assert_eq!(
            texts(reread(&rows, &[0, 1], &[2, 2], Orientation::ColumnMajor)),
            Some(vec![
                (0, vec!["1".into(), "3".into()]),
                (1, vec!["2".into(), "4".into()])
            ])
        );
        assert_eq!(
            texts(reread(&rows, &[0, 1, 2], &[2, 2, 2], Orientation::RowMajor)),
            None
        );
    }
}
