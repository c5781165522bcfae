//! Table rules: T3.NN, T3.BAL, T3.RES, T3.COL, T3.D1–D3; T4.NN, T4.SUM;
//! T2.NN, T2.A19, T2.B19, T2.C19, T2.A21, T2.B21, T2.REG, T2.FEE.

use super::check::{Identity, Key, Place, Relation, Term, cell_of, number, simple};
use super::names;
use super::{Finding, Rule, RuleClass, Status, ValidateOptions};
use crate::ast::{
    AnnualReport, ApplicantColumn, Cell, CellValue, ProactiveColumn, ProactiveDisclosureTable,
    ProactiveItem, RequestsRowKey, RequestsTable, ReviewGroup, ReviewOutcome, ReviewsTable,
    Template,
};

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

/// Non-negative integer counts; `allow_negative` for 本年增/减,
/// `allow_decimal` for money amounts.
/// Whether a cell breaks non-negativity (or is unreadable): cheap, so the
/// names of a finding are only built for the cells that need one.
fn nn_suspect(cell: &Cell, allow_negative: bool, allow_decimal: bool) -> bool {
    match &cell.value {
        CellValue::Integer(n) => *n < 0 && !allow_negative,
        CellValue::Decimal(d) => !allow_decimal || (d.starts_with('-') && !allow_negative),
        CellValue::Text => true,
        _ => false,
    }
}

fn non_negative(
    rule: Rule,
    table_zh: &str,
    key: String,
    name: (String, String),
    cell: &Cell,
    allow_negative: bool,
    allow_decimal: bool,
) -> Option<Finding> {
    let term = Term::new(key.clone(), name.0.clone(), name.1.clone(), Some(cell));
    let cells: Vec<_> = cell_of(&term).into_iter().collect();
    let (status, zh, en) = match &cell.value {
        CellValue::Integer(n) if *n < 0 && !allow_negative => (
            Status::Fail,
            format!("{n} 为负数"),
            format!("{n} is negative"),
        ),
        CellValue::Decimal(d) if !allow_decimal => (
            Status::Fail,
            format!("{d} 不是整数"),
            format!("{d} is not a whole number"),
        ),
        CellValue::Decimal(d) if d.starts_with('-') && !allow_negative => (
            Status::Fail,
            format!("{d} 为负数"),
            format!("{d} is negative"),
        ),
        CellValue::Text => (
            Status::NotAssessable,
            format!("“{}”无法识别为数字", cell.raw),
            format!("\"{}\" is not a number", cell.raw),
        ),
        _ => return None,
    };
    Some(simple(
        rule,
        status,
        key,
        cell.span,
        cells,
        format!("{table_zh} {}：{zh}", name.0),
        format!("{} {}: {en}", table_en(table_zh), name.1),
    ))
}

fn table_en(table_zh: &str) -> &'static str {
    match table_zh {
        "表二" => "Table 2",
        "表三" => "Table 3",
        _ => "Table 4",
    }
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

/// Table 4 rules.
pub fn reviews(t: &ReviewsTable, options: &ValidateOptions, out: &mut Vec<Finding>) {
    let term = |g: ReviewGroup, o: ReviewOutcome| {
        let (gz, ge) = names::review_group(g);
        let (oz, oe) = names::review_outcome(o);
        Term::new(
            Key::cell("t4", g.key(), o.key()),
            format!("{gz}·{oz}"),
            format!("{ge}, {oe}"),
            t.cell(g, o),
        )
    };
    for &g in ReviewGroup::ALL {
        for &o in ReviewOutcome::ALL {
            if !t.cell(g, o).is_some_and(|c| nn_suspect(c, false, false)) {
                continue;
            }
            let tm = term(g, o);
            if let Some(cell) = tm.cell
                && let Some(f) = non_negative(
                    Rule::T4Nn,
                    "表四",
                    tm.key.render(),
                    (tm.zh.to_string(), tm.en.to_string()),
                    cell,
                    false,
                    false,
                )
            {
                out.push(f);
            }
        }
    }
    for &g in ReviewGroup::ALL {
        let (gz, ge) = names::review_group(g);
        let short = |o: ReviewOutcome| {
            let mut tm = term(g, o);
            let (oz, oe) = names::review_outcome(o);
            tm.zh = oz.into();
            tm.en = oe.into();
            tm
        };
        let identity = Identity {
            rule: Rule::T4Sum,
            scope: g.key().into(),
            place: Place::of(["表四 ", gz], ["Table 4, ", ge]),
            left: [
                ReviewOutcome::Upheld,
                ReviewOutcome::Corrected,
                ReviewOutcome::Other,
                ReviewOutcome::Pending,
            ]
            .into_iter()
            .map(short)
            .collect(),
            right: vec![short(ReviewOutcome::Total)],
            relation: Relation::Equal,
        };
        out.extend(identity.evaluate(options));
    }
}

fn t2_term(t: &ProactiveDisclosureTable, item: ProactiveItem, column: ProactiveColumn) -> Term<'_> {
    let (cz, ce) = names::proactive_column(column);
    Term::new(
        Key::cell("t2", item.key(), column.key()),
        cz,
        ce,
        t.cell(item, column),
    )
}

/// Table 2 rules.
pub fn proactive(
    report: &AnnualReport,
    t: &ProactiveDisclosureTable,
    options: &ValidateOptions,
    out: &mut Vec<Finding>,
) {
    use ProactiveColumn::*;
    use ProactiveItem::*;
    for row in &t.rows {
        let (iz, ie) = names::item(row.item);
        for (column, cell) in row.item.columns(t.template).iter().zip(&row.cells) {
            if !nn_suspect(cell, *column == Change, *column == Amount) {
                continue;
            }
            let (cz, ce) = names::proactive_column(*column);
            let key = format!("t2.{}.{}", row.item.key(), column.key());
            let name = (format!("{iz}·{cz}"), format!("{ie}, {ce}"));
            if let Some(f) = non_negative(
                Rule::T2Nn,
                "表二",
                key,
                name,
                cell,
                *column == Change,
                *column == Amount,
            ) {
                out.push(f);
            }
        }
    }
    let rule = |rule: Rule,
                item: ProactiveItem,
                left: Vec<ProactiveColumn>,
                right: Vec<ProactiveColumn>,
                relation| {
        let (iz, ie) = names::item(item);
        Identity {
            rule,
            scope: item.key().into(),
            place: Place::of(["表二 ", iz], ["Table 2, ", ie]),
            left: left.into_iter().map(|c| t2_term(t, item, c)).collect(),
            right: right.into_iter().map(|c| t2_term(t, item, c)).collect(),
            relation,
        }
    };
    let mut identities = Vec::new();
    match t.template {
        Template::V2019 => {
            for item in [Regulations, NormativeDocuments] {
                identities.push(rule(
                    Rule::T2A19,
                    item,
                    vec![TotalPublished],
                    vec![Published],
                    Relation::AtLeast,
                ));
                identities.push(rule(
                    Rule::T2B19,
                    item,
                    vec![Published],
                    vec![Made],
                    Relation::AtMost,
                ));
            }
            for item in [Licensing, OtherServices, Penalty, Coercion, AdminFees] {
                identities.push(rule(
                    Rule::T2C19,
                    item,
                    vec![PrevItems, Change],
                    vec![],
                    Relation::AtLeast,
                ));
            }
        }
        Template::V2021 => {
            for item in [Regulations, NormativeDocuments] {
                identities.push(rule(
                    Rule::T2A21,
                    item,
                    vec![InForce, Repealed],
                    vec![Issued],
                    Relation::AtLeast,
                ));
                identities.push(rule(
                    Rule::T2B21,
                    item,
                    vec![InForce],
                    vec![Issued],
                    Relation::AtLeast,
                ));
            }
        }
    }
    for identity in identities {
        // Heuristic rules stay silent when they cannot be assessed.
        out.extend(
            identity
                .evaluate(options)
                .filter(|f| f.status == Status::Fail || f.class == RuleClass::Exact),
        );
    }
    // T2.REG: 规章 by an agency that cannot make them.
    let made_column = if t.template == Template::V2019 {
        Made
    } else {
        Issued
    };
    let agency = report
        .agency
        .as_ref()
        .map(|a| a.value.as_str())
        .unwrap_or("");
    if let Some(cell) = t.cell(Regulations, made_column)
        && cell.value.as_f64().is_some_and(|v| v > 0.0)
        && !agency.contains("人民政府")
        && !agency.is_empty()
    {
        let term = t2_term(t, Regulations, made_column);
        out.push(simple(
            Rule::T2Reg,
            Status::Fail,
            "regulations",
            cell.span,
            cell_of(&term).into_iter().collect(),
            format!("表二 规章：{agency}报告本年制发规章{}件，规章通常只由国务院部门和省、设区的市人民政府制定", cell.raw),
            format!("Table 2, regulations: {agency} reports {} regulations; only State Council departments and provincial or city governments make them", cell.raw),
        ));
    }
    // T2.FEE: a V2021 fee amount written in 元 instead of 万元.
    if t.template == Template::V2021
        && let Some(cell) = t.cell(AdminFees, Amount)
        && cell.unit.as_deref() == Some("元")
    {
        let term = t2_term(t, AdminFees, Amount);
        out.push(simple(
            Rule::T2Fee,
            Status::Fail,
            "admin_fees",
            cell.span,
            cell_of(&term).into_iter().collect(),
            format!("表二 行政事业性收费：金额“{}”以元标注，表头单位为万元", cell.raw),
            format!("Table 2, administrative fees: \"{}\" is given in yuan; the column is in 10,000 yuan", cell.raw),
        ));
    }
}
