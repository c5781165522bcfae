//! The year a sentence opens with (`2020年，我局…`, `（二）2021年工作计划`),
//! read for N.YEAR.

use super::lexer::{Tok, Token};
use super::lexicon::Word;
use super::{DatedOpening, Period, Tense, resolve};

/// The year a sentence opens with, read for N.YEAR.
pub(super) fn opening(toks: &[Token], report_year: Option<i32>) -> Option<DatedOpening> {
    let mut rest = toks
        .iter()
        .enumerate()
        .skip_while(|(_, t)| matches!(t.tok, Tok::Space | Tok::Opaque));
    let (at, first) = rest.next()?;
    let Tok::Year { year, dated: false } = first.tok else {
        return None;
    };
    let next = toks
        .iter()
        .skip(at + 1)
        .find(|t| t.tok != Tok::Space)
        .map(|t| t.tok);
    let plan_heading = next == Some(Tok::Word(Word::PlanHeading));
    let opens_statement = matches!(next, Some(Tok::Break | Tok::Subject));
    let own_work = opens_statement && toks.iter().any(|t| t.tok == Tok::Subject);
    // A future marker anywhere makes the sentence a plan.
    let planned = plan_heading || toks.iter().any(|t| t.tok == Tok::Word(Word::Future));
    // `2022年…，本年度…`, `…较上年…`: two periods set side by side.
    let compares = toks.iter().any(|t| match t.tok {
        Tok::Word(Word::Period(Period::Comparison | Period::PreviousYear | Period::NextYear))
        | Tok::Word(Word::ThisYear) => true,
        Tok::Year { year: other, .. } => other != year,
        _ => false,
    });
    let rectification = toks.iter().any(|t| t.tok == Tok::Word(Word::Rectify));
    Some(DatedOpening {
        year,
        period: resolve(year, report_year),
        plan_heading,
        tense: if planned { Tense::Planned } else { Tense::Done },
        own_work,
        compares,
        rectification,
    })
}
