//! Table 4 rules: T4.NN, T4.SUM and the correction rate T4.W1.

use super::identity::{Identity, Key, Place, Relation, Term, number, simple};
use super::names;
use super::non_negative::{nn_suspect, non_negative};
use super::unassessable;
use super::{Finding, FindingCell, Rule, Status, ValidateOptions};
use crate::ast::{AnnualReport, ReviewGroup, ReviewOutcome, ReviewsTable};

/// Table 4 rules.
pub fn reviews(t: &ReviewsTable, options: &ValidateOptions, out: &mut Vec<Finding>) {
    let term = |g: ReviewGroup, o: ReviewOutcome| {
        let (gz, ge) = names::review_group(g);
        let (oz, oe) = names::review_outcome(o);
        let cell = t.cell(g, o);
        Term::new(
            Key::cell("t4", g.key(), o.key()),
            format!("{gz}·{oz}"),
            format!("{ge}, {oe}"),
            cell,
        )
        // For a cell without text, or a table without cells (an ambiguous
        // row), the table is the place to look.
        .near(cell.is_none_or(|c| c.span.is_empty()).then_some(t.span))
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
    let mut outcomes = Vec::new();
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
        outcomes.extend(identity.assess(options));
    }
    out.extend(unassessable::findings(outcomes));
}

/// T4.W1: a high correction rate (纠错率) in reconsideration.
pub fn correction_rate(report: &AnnualReport, out: &mut Vec<Finding>) {
    if let Some(t4) = report.table4()
        && let (Some(corrected), Some(total)) = (
            t4.cell(ReviewGroup::Review, ReviewOutcome::Corrected),
            t4.cell(ReviewGroup::Review, ReviewOutcome::Total),
        )
        && let (Some(c), Some(n)) = (corrected.value.as_f64(), total.value.as_f64())
        && n >= 5.0
        && c / n > 0.15
    {
        let cells = vec![
            FindingCell {
                key: "t4.review.corrected".into(),
                raw: corrected.raw.clone(),
                span: corrected.span,
                year: None,
                inferred: corrected.inferred,
            },
            FindingCell {
                key: "t4.review.total".into(),
                raw: total.raw.clone(),
                span: total.span,
                year: None,
                inferred: total.inferred,
            },
        ];
        out.push(simple(
            Rule::T4W1,
            Status::Fail,
            "review",
            corrected.span,
            cells,
            format!(
                "行政复议纠错率{:.0}%（{}/{}），偏高",
                100.0 * c / n,
                number(c),
                number(n)
            ),
            format!(
                "reconsideration correction rate {:.0}% ({}/{}) is high",
                100.0 * c / n,
                number(c),
                number(n)
            ),
        ));
    }
}
