//! Cross-year rules (X.*) over consecutive reports of one agency.

use super::check::{Identity, Relation, Term};
use super::names;
use super::{Finding, RuleClass, Status, ValidateOptions};
use crate::ast::{
    AnnualReport, ApplicantColumn, ProactiveColumn, ProactiveDisclosureTable, ProactiveItem,
    RequestsRowKey, Template,
};

fn t2_term(
    t: &ProactiveDisclosureTable,
    item: ProactiveItem,
    column: ProactiveColumn,
    year: i32,
) -> Term<'_> {
    let (cz, ce) = names::proactive_column(column);
    Term::new(
        format!("t2.{}.{}", item.key(), column.key()),
        format!("{year}年{cz}"),
        format!("{ce} in {year}"),
        t.cell(item, column),
    )
    .of_year(Some(year))
}

/// X.CARRY, X.DOCS, X.ITEMS, X.PUB19 between the report of year Y−1
/// (`previous`) and that of year Y (`current`).
pub fn pair(
    previous: &AnnualReport,
    current: &AnnualReport,
    options: &ValidateOptions,
    out: &mut Vec<Finding>,
) {
    let (py, cy) = (
        previous.year.as_ref().map(|y| y.value),
        current.year.as_ref().map(|y| y.value),
    );
    let (Some(py), Some(cy)) = (py, cy) else {
        return;
    };
    let mut found = Vec::new();
    if let (Some(p3), Some(c3)) = (previous.table3(), current.table3()) {
        for &column in ApplicantColumn::ALL {
            let (cz, ce) = names::applicant(column);
            let identity = Identity {
                rule: "X.CARRY",
                class: RuleClass::HeurStrong,
                scope: column.key().to_string(),
                place_zh: format!("表三 {cz}列 {py}→{cy}"),
                place_en: format!("Table 3, column {ce}, {py}→{cy}"),
                left: vec![
                    Term::new(
                        format!("t3.carried_over.{}", column.key()),
                        format!("{cy}年上年结转"),
                        format!("carried over in {cy}"),
                        c3.cell(RequestsRowKey::CarriedOver, column),
                    )
                    .of_year(Some(cy)),
                ],
                right: vec![
                    Term::new(
                        format!("t3.carried_forward.{}", column.key()),
                        format!("{py}年结转下年度"),
                        format!("carried forward in {py}"),
                        p3.cell(RequestsRowKey::CarriedForward, column),
                    )
                    .of_year(Some(py)),
                ],
                relation: Relation::Equal,
            };
            found.extend(identity.evaluate(options));
        }
    }
    if let (Some(p2), Some(c2)) = (previous.table2(), current.table2()) {
        for item in [
            ProactiveItem::Regulations,
            ProactiveItem::NormativeDocuments,
        ] {
            let (iz, ie) = names::item(item);
            let term = |t, column, year| t2_term(t, item, column, year);
            match (p2.template, c2.template) {
                (Template::V2021, Template::V2021) => {
                    // 现行有效(Y) + 废止(Y) = 现行有效(Y−1) + 制发(Y)
                    let identity = Identity {
                        rule: "X.DOCS",
                        class: RuleClass::HeurStrong,
                        scope: item.key().to_string(),
                        place_zh: format!("表二 {iz} {py}→{cy}"),
                        place_en: format!("Table 2, {ie}, {py}→{cy}"),
                        left: vec![
                            term(c2, ProactiveColumn::InForce, cy),
                            term(c2, ProactiveColumn::Repealed, cy),
                        ],
                        right: vec![
                            term(p2, ProactiveColumn::InForce, py),
                            term(c2, ProactiveColumn::Issued, cy),
                        ],
                        relation: Relation::Equal,
                    };
                    found.extend(identity.evaluate(options));
                }
                (Template::V2019, Template::V2019) => {
                    let identity = Identity {
                        rule: "X.PUB19",
                        class: RuleClass::HeurWeak,
                        scope: item.key().to_string(),
                        place_zh: format!("表二 {iz} {py}→{cy}"),
                        place_en: format!("Table 2, {ie}, {py}→{cy}"),
                        left: vec![term(c2, ProactiveColumn::TotalPublished, cy)],
                        right: vec![term(p2, ProactiveColumn::TotalPublished, py)],
                        relation: Relation::AtLeast,
                    };
                    found.extend(
                        identity
                            .evaluate(options)
                            .filter(|f| f.status == Status::Fail),
                    );
                }
                _ => {}
            }
        }
        if (p2.template, c2.template) == (Template::V2019, Template::V2019) {
            for item in [
                ProactiveItem::Licensing,
                ProactiveItem::OtherServices,
                ProactiveItem::Penalty,
                ProactiveItem::Coercion,
                ProactiveItem::AdminFees,
            ] {
                let (iz, ie) = names::item(item);
                let term = |t, column, year| t2_term(t, item, column, year);
                let identity = Identity {
                    rule: "X.ITEMS",
                    class: RuleClass::HeurStrong,
                    scope: item.key().to_string(),
                    place_zh: format!("表二 {iz} {py}→{cy}"),
                    place_en: format!("Table 2, {ie}, {py}→{cy}"),
                    left: vec![term(c2, ProactiveColumn::PrevItems, cy)],
                    right: vec![
                        term(p2, ProactiveColumn::PrevItems, py),
                        term(p2, ProactiveColumn::Change, py),
                    ],
                    relation: Relation::Equal,
                };
                found.extend(identity.evaluate(options));
            }
        }
    }
    out.extend(found);
}
