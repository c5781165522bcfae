//! Subtotals (T3.SUB): a figure printed on a table 3 group caption
//! (（三）不予公开 …) equals the sum of its sub-rows.

use super::identity::{Key, Term, cell_of, number, simple};
use super::{Finding, FindingCell, Rule, Status};
use crate::ast::{ApplicantColumn, RequestsRowKey, RequestsTable, Template};
use crate::grammar::label::{RequestsLabel, normalize_label, requests_label};

/// The sub-rows of a table 3 group whose first child is `first`.
fn group_children(template: Template, first: RequestsRowKey) -> Vec<RequestsRowKey> {
    let rows = RequestsRowKey::rows(template);
    let group = |r: &RequestsRowKey| r.key().split('.').next().map(str::to_string);
    let name = group(&first);
    rows.into_iter()
        .filter(|r| r.is_result_leaf() && group(r) == name)
        .collect()
}

/// T3.SUB: a subtotal printed on a group caption equals its sub-rows.
pub fn subtotals(t: &RequestsTable, out: &mut Vec<Finding>) {
    for extra in &t.extra_rows {
        let Some(label) = &extra.label else { continue };
        let Some(RequestsLabel::Group(first)) = requests_label(&normalize_label(&label.text))
        else {
            continue;
        };
        let children = group_children(t.template, first);
        if children.len() < 2 || extra.cells.len() != ApplicantColumn::ALL.len() {
            continue;
        }
        for (column, cell) in ApplicantColumn::ALL.iter().zip(&extra.cells) {
            let Some(subtotal) = cell.value.as_f64() else {
                continue;
            };
            let parts: Option<f64> = children
                .iter()
                .map(|r| t.cell(*r, *column).and_then(|c| c.value.as_f64()))
                .sum();
            let Some(sum) = parts else { continue };
            if (sum - subtotal).abs() > 1e-9 {
                let mut cells = vec![FindingCell {
                    key: format!("t3.{}.{}", label.text, column.key()),
                    raw: cell.raw.clone(),
                    span: cell.span,
                    year: None,
                    inferred: cell.inferred,
                }];
                cells.extend(children.iter().filter_map(|r| {
                    cell_of(&Term::new(
                        Key::cell("t3", r.key(), column.key()),
                        "",
                        "",
                        t.cell(*r, *column),
                    ))
                }));
                out.push(Finding {
                    expected: Some(sum),
                    found: Some(subtotal),
                    difference: Some(subtotal - sum),
                    ..simple(
                        Rule::T3Sub,
                        Status::Fail,
                        format!(
                            "{}.{}",
                            first.key().split('.').next().unwrap_or(""),
                            column.key()
                        ),
                        cell.span,
                        cells,
                        format!(
                            "表三 {} 小计({})不等于其分项之和({})",
                            label.text,
                            number(subtotal),
                            number(sum)
                        ),
                        format!(
                            "Table 3, subtotal on {} ({}) differs from its sub-rows ({})",
                            label.text,
                            number(subtotal),
                            number(sum)
                        ),
                    )
                });
            }
        }
    }
}
