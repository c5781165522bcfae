//! Table 3 rules: T3.NN, T3.COL, T3.BAL, T3.RES and, where those cannot be
//! assessed, the derived checks T3.D1–D3.

use super::identity::{Identity, Key, Place, Relation, Term, cell_of, number, simple};
use super::names;
use super::non_negative::{nn_suspect, non_negative};
use super::unassessable::{self, Outcome};
use super::{Finding, Rule, Status, ValidateOptions};
use crate::ast::{ApplicantColumn, CellValue, RequestsRowKey, RequestsTable};

/// A table 3 term named `zh`/`en`; a cell the table lacks, or an empty one
/// (whose span is empty), is placed at its row when the row is there.
fn term<'a>(
    t: &'a RequestsTable,
    row: RequestsRowKey,
    column: ApplicantColumn,
    (zh, en): (&'static str, &'static str),
) -> Term<'a> {
    let cell = t.cell(row, column);
    let near = match cell {
        Some(c) if !c.span.is_empty() => None,
        _ => t.row(row).map(|r| r.span),
    };
    Term::new(Key::cell("t3", row.key(), column.key()), zh, en, cell).near(near)
}

/// A table 3 term named by its row.
fn t3_term(t: &RequestsTable, row: RequestsRowKey, column: ApplicantColumn) -> Term<'_> {
    term(t, row, column, names::requests_row(row))
}

/// A table 3 term named by its column (for row sums).
fn t3_column_term(t: &RequestsTable, row: RequestsRowKey, column: ApplicantColumn) -> Term<'_> {
    term(t, row, column, names::applicant(column))
}

fn column_place(column: ApplicantColumn) -> Place<'static> {
    let (zh, en) = names::applicant(column);
    Place::of(["表三 ", zh, "列"], ["Table 3, column ", en])
}

/// Table 3 rules.
pub fn requests(t: &RequestsTable, options: &ValidateOptions, out: &mut Vec<Finding>) {
    let rows = RequestsRowKey::rows(t.template);
    let parts: Vec<ApplicantColumn> = ApplicantColumn::ALL
        .iter()
        .copied()
        .filter(|c| *c != ApplicantColumn::Total)
        .collect();
    // T3.NN
    for row in &t.rows {
        for (column, cell) in ApplicantColumn::ALL.iter().zip(&row.cells) {
            if !nn_suspect(cell, false, false) {
                continue;
            }
            let (rz, re) = names::requests_row(row.key);
            let (cz, ce) = names::applicant(*column);
            let key = format!("t3.{}.{}", row.key.key(), column.key());
            if let Some(f) = non_negative(
                Rule::T3Nn,
                "表三",
                key,
                (format!("{cz}·{rz}"), format!("{ce}, {re}")),
                cell,
                false,
                false,
            ) {
                out.push(f);
            }
        }
    }
    // T3.COL. A blank 总计 with its parts filled is said once (for every
    // row where it happens), and the checks on that total are skipped.
    let mut blank_totals: Vec<(RequestsRowKey, f64)> = Vec::new();
    let mut col_outcomes = Vec::new();
    for &row in &rows {
        let total = t.cell(row, ApplicantColumn::Total);
        let parts_terms: Vec<Term<'_>> = parts.iter().map(|c| t3_column_term(t, row, *c)).collect();
        // A row with no number at all is left to the column rules.
        let all_blank = ApplicantColumn::ALL
            .iter()
            .all(|c| !t.cell(row, *c).is_some_and(|cell| cell.value.is_number()));
        if all_blank {
            continue;
        }
        let parts_filled = parts_terms
            .iter()
            .all(|p| p.cell.is_some_and(|c| c.value.is_number()));
        let total_blank =
            total.is_some_and(|c| matches!(c.value, CellValue::Empty | CellValue::Placeholder));
        if total_blank && parts_filled && !options.blanks_read_as_zero() {
            let sum: f64 = parts_terms
                .iter()
                .filter_map(|p| p.cell.and_then(|c| c.value.as_f64()))
                .sum();
            blank_totals.push((row, sum));
            continue;
        }
        let (rz, re) = names::requests_row(row);
        let identity = Identity {
            rule: Rule::T3Col,
            scope: row.key().into(),
            place: Place::of(["表三 ", rz, "行"], ["Table 3, row ", re]),
            left: vec![t3_column_term(t, row, ApplicantColumn::Total)],
            right: parts_terms,
            relation: Relation::Equal,
        };
        col_outcomes.extend(identity.assess(options));
    }
    let mut col_findings: Vec<Finding> =
        blank_total_finding(t, &blank_totals).into_iter().collect();
    col_findings.extend(unassessable::findings(col_outcomes));
    let skip_total = |row: RequestsRowKey, column: ApplicantColumn| {
        column == ApplicantColumn::Total && blank_totals.iter().any(|(r, _)| *r == row)
    };
    // T3.BAL and T3.RES per column, derived checks where they cannot be assessed.
    let leaves: Vec<RequestsRowKey> = rows
        .iter()
        .copied()
        .filter(|r| r.is_result_leaf())
        .collect();
    let mut derived = Vec::new();
    let mut bal_outcomes = Vec::new();
    let mut res_outcomes = Vec::new();
    for &column in ApplicantColumn::ALL {
        let place = column_place(column);
        let bal_rows = [
            RequestsRowKey::NewReceived,
            RequestsRowKey::CarriedOver,
            RequestsRowKey::TotalProcessed,
            RequestsRowKey::CarriedForward,
        ];
        let bal = Identity {
            rule: Rule::T3Bal,
            scope: column.key().into(),
            place,
            left: vec![
                t3_term(t, RequestsRowKey::NewReceived, column),
                t3_term(t, RequestsRowKey::CarriedOver, column),
            ],
            right: vec![
                t3_term(t, RequestsRowKey::TotalProcessed, column),
                t3_term(t, RequestsRowKey::CarriedForward, column),
            ],
            relation: Relation::Equal,
        };
        let bal_result = bal.assess(options);
        let bal_open = matches!(&bal_result, Some(Outcome::Unassessable(_)));
        if !bal_rows.iter().any(|r| skip_total(*r, column)) {
            bal_outcomes.extend(bal_result);
        }
        let res = Identity {
            rule: Rule::T3Res,
            scope: column.key().into(),
            place,
            left: vec![t3_term(t, RequestsRowKey::TotalProcessed, column)],
            right: leaves.iter().map(|r| t3_term(t, *r, column)).collect(),
            relation: Relation::Equal,
        };
        let res_result = res.assess(options);
        let res_open = matches!(&res_result, Some(Outcome::Unassessable(_)));
        let res_skipped = std::iter::once(RequestsRowKey::TotalProcessed)
            .chain(leaves.iter().copied())
            .any(|r| skip_total(r, column));
        if !res_skipped {
            res_outcomes.extend(res_result);
        }
        if bal_open {
            derived.extend(derived_balance(t, column, options));
        }
        if res_open {
            for &leaf in &leaves {
                let (lz, le) = names::requests_row(leaf);
                let (cz, ce) = names::applicant(column);
                let d3 = Identity {
                    rule: Rule::T3D3,
                    scope: format!("{}.{}", leaf.key(), column.key()).into(),
                    place: Place::of(["表三 ", cz, "列 ", lz], ["Table 3, column ", ce, ", ", le]),
                    left: vec![t3_term(t, leaf, column)],
                    right: vec![t3_term(t, RequestsRowKey::TotalProcessed, column)],
                    relation: Relation::AtMost,
                };
                derived.extend(d3.evaluate(options).filter(|f| f.status == Status::Fail));
            }
        }
    }
    out.extend(unassessable::findings(bal_outcomes));
    out.extend(unassessable::findings(res_outcomes));
    out.extend(col_findings);
    out.extend(derived);
}

/// The T3.COL finding of the rows whose 总计 is blank while their applicant
/// columns are filled (`sums`): one finding for all of them.
fn blank_total_finding(t: &RequestsTable, sums: &[(RequestsRowKey, f64)]) -> Option<Finding> {
    if sums.is_empty() {
        return None;
    }
    let terms: Vec<Term<'_>> = sums
        .iter()
        .map(|(row, _)| t3_column_term(t, *row, ApplicantColumn::Total))
        .collect();
    let (mut rows_zh, mut rows_en, mut totals_zh) = (Vec::new(), Vec::new(), Vec::new());
    for (row, sum) in sums {
        let (zh, en) = names::requests_row(*row);
        rows_zh.push(zh);
        rows_en.push(format!("{en} ({})", number(*sum)));
        totals_zh.push(number(*sum));
    }
    let (message, message_en, scope, cells) = if let [(row, sum)] = sums {
        // One row: every cell of it, as for any other row finding.
        let cells = ApplicantColumn::ALL
            .iter()
            .filter_map(|c| cell_of(&t3_column_term(t, *row, *c)))
            .collect();
        let (rz, re) = names::requests_row(*row);
        (
            format!(
                "表三 {rz}行：总计为空，各类申请人合计为{}；涉及总计的核对从略",
                number(*sum)
            ),
            format!(
                "Table 3, row {re}: the total is blank while the applicant columns sum to {}; checks on the total are skipped",
                number(*sum)
            ),
            row.key(),
            cells,
        )
    } else {
        (
            format!(
                "表三 总计列：{}行总计为空，各类申请人合计分别为{}；涉及总计的核对从略",
                rows_zh.join("、"),
                totals_zh.join("、")
            ),
            format!(
                "Table 3, column total: blank in rows {} while the applicant columns are filled (their sums in brackets); checks on the total are skipped",
                rows_en.join(", ")
            ),
            ApplicantColumn::Total.key(),
            terms.iter().filter_map(cell_of).collect(),
        )
    };
    let span = terms
        .iter()
        .filter_map(|term| term.cell.map(|c| c.span))
        .reduce(|a, b| a.cover(b))
        .unwrap_or_default();
    Some(Finding {
        unassessable: sums.iter().map(|(row, _)| row.key().to_string()).collect(),
        blank_cells: terms.iter().map(|term| term.key.render()).collect(),
        ..simple(
            Rule::T3Col,
            Status::NotAssessable,
            scope,
            span,
            cells,
            message,
            message_en,
        )
    })
}

/// T3.D1 and T3.D2 for a column whose balance cannot be assessed.
fn derived_balance(
    t: &RequestsTable,
    column: ApplicantColumn,
    options: &ValidateOptions,
) -> Vec<Finding> {
    let place = column_place(column);
    let inflow = || {
        vec![
            t3_term(t, RequestsRowKey::NewReceived, column),
            t3_term(t, RequestsRowKey::CarriedOver, column),
        ]
    };
    let mut out = Vec::new();
    for row in [
        RequestsRowKey::TotalProcessed,
        RequestsRowKey::CarriedForward,
    ] {
        let d1 = Identity {
            rule: Rule::T3D1,
            scope: column.key().into(),
            place,
            left: vec![t3_term(t, row, column)],
            right: inflow(),
            relation: Relation::AtMost,
        };
        out.extend(d1.evaluate(options).filter(|f| f.status == Status::Fail));
    }
    // T3.D2: nothing received and nothing carried over, yet results.
    let zero_in = inflow()
        .iter()
        .all(|term| term.cell.and_then(|c| c.value.as_f64()) == Some(0.0));
    if zero_in {
        for row in RequestsRowKey::rows(t.template)
            .into_iter()
            .filter(|r| !matches!(r, RequestsRowKey::NewReceived | RequestsRowKey::CarriedOver))
        {
            let term = t3_term(t, row, column);
            if let Some(v) = term
                .cell
                .and_then(|c| c.value.as_f64())
                .filter(|v| *v > 0.0)
            {
                let mut cells: Vec<_> = inflow().iter().filter_map(cell_of).collect();
                cells.extend(cell_of(&term));
                out.push(super::Finding {
                    expected: Some(0.0),
                    found: Some(v),
                    difference: Some(v),
                    ..simple(
                        Rule::T3D2,
                        Status::Fail,
                        format!("{}.{}", row.key(), column.key()),
                        term.cell.map(|c| c.span).unwrap_or_default(),
                        cells,
                        format!(
                            "{}：本年新收与上年结转均为0，{}却为{}",
                            place.zh(),
                            term.zh,
                            number(v)
                        ),
                        format!(
                            "{}: nothing new or carried over, yet {} is {}",
                            place.en(),
                            term.en,
                            number(v)
                        ),
                    )
                });
            }
        }
    }
    out
}
