//! Cross-year rules (X.*) over consecutive reports of one agency.

use super::identity::{Identity, Key, Place, Relation, Term};
use super::names;
use super::unassessable::{self, Outcome};
use super::{Finding, Rule, Status, ValidateOptions};
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
        Key::cell("t2", item.key(), column.key()),
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
    let years = format!("{py}→{cy}");
    let mut outcomes = Vec::new();
    if let (Some(p3), Some(c3)) = (previous.table3(), current.table3()) {
        for &column in ApplicantColumn::ALL {
            let (cz, ce) = names::applicant(column);
            let identity = Identity {
                rule: Rule::XCarry,
                scope: column.key().into(),
                place: Place::of(
                    ["表三 ", cz, "列 ", &years],
                    ["Table 3, column ", ce, ", ", &years],
                ),
                left: vec![
                    Term::new(
                        Key::cell("t3", "carried_over", column.key()),
                        format!("{cy}年上年结转"),
                        format!("carried over in {cy}"),
                        c3.cell(RequestsRowKey::CarriedOver, column),
                    )
                    .of_year(Some(cy)),
                ],
                right: vec![
                    Term::new(
                        Key::cell("t3", "carried_forward", column.key()),
                        format!("{py}年结转下年度"),
                        format!("carried forward in {py}"),
                        p3.cell(RequestsRowKey::CarriedForward, column),
                    )
                    .of_year(Some(py)),
                ],
                relation: Relation::Equal,
            };
            outcomes.extend(identity.assess(options));
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
                        rule: Rule::XDocs,
                        scope: item.key().into(),
                        place: Place::of(
                            ["表二 ", iz, " ", &years],
                            ["Table 2, ", ie, ", ", &years],
                        ),
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
                    outcomes.extend(identity.assess(options));
                }
                (Template::V2019, Template::V2019) => {
                    let identity = Identity {
                        rule: Rule::XPub19,
                        scope: item.key().into(),
                        place: Place::of(
                            ["表二 ", iz, " ", &years],
                            ["Table 2, ", ie, ", ", &years],
                        ),
                        left: vec![term(c2, ProactiveColumn::TotalPublished, cy)],
                        right: vec![term(p2, ProactiveColumn::TotalPublished, py)],
                        relation: Relation::AtLeast,
                    };
                    outcomes.extend(
                        identity
                            .assess(options)
                            .filter(|o| matches!(o, Outcome::Fail(_))),
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
                    rule: Rule::XItems,
                    scope: item.key().into(),
                    place: Place::of(["表二 ", iz, " ", &years], ["Table 2, ", ie, ", ", &years]),
                    left: vec![term(c2, ProactiveColumn::PrevItems, cy)],
                    right: vec![
                        term(p2, ProactiveColumn::PrevItems, py),
                        term(p2, ProactiveColumn::Change, py),
                    ],
                    relation: Relation::Equal,
                };
                outcomes.extend(identity.assess(options));
            }
        }
    }
    let mut found = unassessable::findings(outcomes);
    jumps(previous, current, py, cy, &mut found);
    duplicate_text(previous, current, py, cy, &mut found);
    out.extend(found.into_iter().map(|f| Finding {
        report_year: Some(cy),
        ..f
    }));
}

/// X.JUMP: a key figure grows more than 5× or falls below 0.2× in a year.
fn jumps(
    previous: &AnnualReport,
    current: &AnnualReport,
    py: i32,
    cy: i32,
    out: &mut Vec<Finding>,
) {
    use crate::ast::{ReviewGroup, ReviewOutcome};
    let t3 = |r: &AnnualReport, row: RequestsRowKey| {
        r.table3()
            .and_then(|t| t.cell(row, ApplicantColumn::Total))
            .cloned()
    };
    let t4 = |r: &AnnualReport| {
        r.table4()
            .and_then(|t| t.cell(ReviewGroup::Review, ReviewOutcome::Total))
            .cloned()
    };
    let figures = [
        (
            "t3.new_received.total",
            "本年新收申请",
            "new applications",
            t3(previous, RequestsRowKey::NewReceived),
            t3(current, RequestsRowKey::NewReceived),
        ),
        (
            "t3.total_processed.total",
            "办结申请",
            "applications handled",
            t3(previous, RequestsRowKey::TotalProcessed),
            t3(current, RequestsRowKey::TotalProcessed),
        ),
        (
            "t4.review.total",
            "行政复议",
            "reconsiderations",
            t4(previous),
            t4(current),
        ),
    ];
    for (key, zh, en, before, after) in figures {
        let (Some(before), Some(after)) = (before, after) else {
            continue;
        };
        let (Some(a), Some(b)) = (before.value.as_f64(), after.value.as_f64()) else {
            continue;
        };
        // Small counts jump by chance; only figures of some size are compared.
        if a.max(b) < 20.0 || a <= 0.0 {
            continue;
        }
        let ratio = b / a;
        if !(0.2..=5.0).contains(&ratio) {
            let cells = vec![
                super::FindingCell {
                    key: key.to_string(),
                    raw: before.raw.clone(),
                    span: before.span,
                    year: Some(py),
                    inferred: before.inferred,
                },
                super::FindingCell {
                    key: key.to_string(),
                    raw: after.raw.clone(),
                    span: after.span,
                    year: Some(cy),
                    inferred: after.inferred,
                },
            ];
            out.push(super::identity::simple(
                Rule::XJump,
                Status::Fail,
                key,
                after.span,
                cells,
                format!(
                    "{zh}由{py}年的{}变为{cy}年的{}（{ratio:.1}倍）",
                    before.raw, after.raw
                ),
                format!(
                    "{en} went from {} in {py} to {} in {cy} ({ratio:.1}×)",
                    before.raw, after.raw
                ),
            ));
        }
    }
}

/// X.DUP: the narrative is nearly the same as last year's (shared char bigrams).
fn duplicate_text(
    previous: &AnnualReport,
    current: &AnnualReport,
    py: i32,
    cy: i32,
    out: &mut Vec<Finding>,
) {
    use std::collections::HashSet;
    let narrative = |r: &AnnualReport| -> String {
        r.sections
            .iter()
            .filter(|s| s.table.is_none())
            .flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str()))
            .collect()
    };
    let bigrams = |text: &str| -> HashSet<(char, char)> {
        let chars: Vec<char> = text
            .chars()
            .filter(|c| crate::grammar::is_cjk(*c))
            .collect();
        chars
            .windows(2)
            .filter_map(|w| Some((*w.first()?, *w.get(1)?)))
            .collect()
    };
    let (a, b) = (bigrams(&narrative(previous)), bigrams(&narrative(current)));
    if a.len() < 200 || b.len() < 200 {
        return;
    }
    let shared = a.intersection(&b).count() as f64;
    let similarity = shared / (a.len() + b.len()) as f64 * 2.0;
    if similarity > 0.9 {
        out.push(super::identity::simple(
            Rule::XDup,
            Status::Fail,
            "text",
            current
                .section(crate::ast::SectionKind::Overview)
                .map(|s| s.span)
                .unwrap_or_default(),
            Vec::new(),
            format!(
                "{cy}年报告正文与{py}年报告高度雷同（相似度{:.0}%）",
                similarity * 100.0
            ),
            format!(
                "the {cy} narrative is nearly the same as {py}'s ({:.0}% similar)",
                similarity * 100.0
            ),
        ));
    }
}
