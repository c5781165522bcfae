//! Table 3 rules: T3.NN, T3.COL, T3.BAL, T3.RES and, where those cannot be
//! assessed, the derived checks T3.D1–D3.

use super::identity::{Identity, Key, Place, Relation, Term, cell_of, number, simple};
use super::names;
use super::non_negative::{nn_suspect, non_negative};
use super::{Finding, Rule, Status, ValidateOptions};
use crate::ast::{ApplicantColumn, CellValue, RequestsRowKey, RequestsTable};

fn t3_term(t: &RequestsTable, row: RequestsRowKey, column: ApplicantColumn) -> Term<'_> {
    let (zh, en) = names::requests_row(row);
    Term::new(
        Key::cell("t3", row.key(), column.key()),
        zh,
        en,
        t.cell(row, column),
    )
}

/// A table 3 term named by its column (for row sums).
fn t3_column_term(t: &RequestsTable, row: RequestsRowKey, column: ApplicantColumn) -> Term<'_> {
    let (zh, en) = names::applicant(column);
    Term::new(
        Key::cell("t3", row.key(), column.key()),
        zh,
        en,
        t.cell(row, column),
    )
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
    // T3.COL, with blank 总计 cells reported once per row.
    let mut blank_totals: Vec<RequestsRowKey> = Vec::new();
    let mut col_findings = Vec::new();
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
        let (rz, re) = names::requests_row(row);
        if total_blank && parts_filled && !options.blanks_read_as_zero() {
            blank_totals.push(row);
            let sum: f64 = parts_terms
                .iter()
                .filter_map(|p| p.cell.and_then(|c| c.value.as_f64()))
                .sum();
            let cells = parts_terms
                .iter()
                .chain(std::iter::once(&t3_column_term(
                    t,
                    row,
                    ApplicantColumn::Total,
                )))
                .filter_map(cell_of)
                .collect();
            let span = total.map(|c| c.span).unwrap_or_default();
            col_findings.push(simple(
                Rule::T3Col,
                Status::NotAssessable,
                row.key(),
                span,
                cells,
                format!("表三 {rz}行：总计为空，各类申请人合计为{}；涉及总计的核对从略", number(sum)),
                format!("Table 3, row {re}: the total is blank while the applicant columns sum to {}; checks on the total are skipped", number(sum)),
            ));
            continue;
        }
        let identity = Identity {
            rule: Rule::T3Col,
            scope: row.key().into(),
            place: Place::of(["表三 ", rz, "行"], ["Table 3, row ", re]),
            left: vec![t3_column_term(t, row, ApplicantColumn::Total)],
            right: parts_terms,
            relation: Relation::Equal,
        };
        col_findings.extend(identity.evaluate(options));
    }
    let skip_total = |row: RequestsRowKey, column: ApplicantColumn| {
        column == ApplicantColumn::Total && blank_totals.contains(&row)
    };
    // T3.BAL and T3.RES per column, derived checks where they cannot be assessed.
    let leaves: Vec<RequestsRowKey> = rows
        .iter()
        .copied()
        .filter(|r| r.is_result_leaf())
        .collect();
    let mut derived = Vec::new();
    let mut bal_findings = Vec::new();
    let mut res_findings = Vec::new();
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
        let bal_result = bal.evaluate(options);
        let bal_open = matches!(&bal_result, Some(f) if f.status == Status::NotAssessable);
        if !bal_rows.iter().any(|r| skip_total(*r, column)) {
            bal_findings.extend(bal_result);
        }
        let res = Identity {
            rule: Rule::T3Res,
            scope: column.key().into(),
            place,
            left: vec![t3_term(t, RequestsRowKey::TotalProcessed, column)],
            right: leaves.iter().map(|r| t3_term(t, *r, column)).collect(),
            relation: Relation::Equal,
        };
        let res_result = res.evaluate(options);
        let res_open = matches!(&res_result, Some(f) if f.status == Status::NotAssessable);
        let res_skipped = std::iter::once(RequestsRowKey::TotalProcessed)
            .chain(leaves.iter().copied())
            .any(|r| skip_total(r, column));
        if !res_skipped {
            res_findings.extend(res_result);
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
    out.extend(bal_findings);
    out.extend(res_findings);
    out.extend(col_findings);
    out.extend(derived);
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
