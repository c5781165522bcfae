//! Table 2 rules: T2.NN, T2.A19, T2.B19, T2.C19, T2.A21, T2.B21, T2.REG,
//! T2.FEE.

use super::identity::{Identity, Key, Place, Relation, Term, cell_of, simple};
use super::names;
use super::non_negative::{nn_suspect, non_negative};
use super::unassessable::{self, Outcome};
use super::{Finding, Rule, RuleClass, Status, ValidateOptions};
use crate::ast::{
    AnnualReport, ProactiveColumn, ProactiveDisclosureTable, ProactiveItem, Template,
};

fn t2_term(t: &ProactiveDisclosureTable, item: ProactiveItem, column: ProactiveColumn) -> Term<'_> {
    let (cz, ce) = names::proactive_column(column);
    let cell = t.cell(item, column);
    let near = match cell {
        Some(c) if !c.span.is_empty() => None,
        _ => t.rows.iter().find(|r| r.item == item).map(|r| r.span),
    };
    Term::new(Key::cell("t2", item.key(), column.key()), cz, ce, cell).near(near)
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
    // Heuristic rules stay silent when they cannot be assessed.
    let outcomes = identities
        .iter()
        .filter_map(|identity| identity.assess(options))
        .filter(|o| match o {
            Outcome::Fail(_) => true,
            Outcome::Unassessable(u) => u.rule.class() == RuleClass::Exact,
        })
        .collect();
    out.extend(unassessable::findings(outcomes));
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
