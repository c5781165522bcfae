//! The claim reader: a sentence's tokens read clause by clause into claims.
//!
//! A count takes the quantity named before it in its clause (or after it,
//! `1件结转下年度`), else the one of the count before it, as a part. A
//! negation denies what it names after it (or, when nothing follows, before
//! it, or in the clause before: `行政复议、行政诉讼情况：无`). `均`/`全部`
//! with `办结` or `维持` speaks of every one.

use super::lexer::{COUNT_UNITS, MONEY_UNITS, Tok, Token};
use super::lexicon::Word;
use super::{Amount, NarrativeClaim, Period, Quantity, RequestOutcome, Scope, Tense, resolve};
use crate::ast::{ReviewGroup, ReviewOutcome};

/// The claims of a sentence and its tokens.
pub(super) fn claims(text: &str, toks: &[Token], report_year: Option<i32>) -> Vec<NarrativeClaim> {
    Reader::new(text, toks, report_year).read()
}

fn word(t: &Token) -> Option<Word> {
    match t.tok {
        Tok::Word(w) => Some(w),
        _ => None,
    }
}

/// Table 3 quantity words and what they count.
fn application_quantity(w: Word) -> Option<Quantity> {
    Some(match w {
        Word::New => Quantity::NewApplications,
        Word::Received => Quantity::ReceivedApplications,
        Word::CarriedOver => Quantity::CarriedOver,
        Word::CarriedForward => Quantity::CarriedForward,
        Word::Concluded | Word::Replied => Quantity::Handled,
        Word::Outcome(o) => Quantity::RequestOutcome(o),
        _ => return None,
    })
}

/// The quantity words of the previous clause no count or negation used.
#[derive(Debug, Clone, Default)]
struct Unbound {
    words: Vec<Word>,
}

/// What the previous count was about, for a count that names no quantity.
#[derive(Debug, Clone)]
struct Last {
    quantity: Quantity,
    groups: Vec<ReviewGroup>,
    part: bool,
}

struct Reader<'a> {
    text: &'a str,
    toks: &'a [Token],
    report_year: Option<i32>,
    /// The sentence speaks of applications (a claim of receiving or
    /// handling needs that, so `办理许可13件` is not one).
    about_applications: bool,
    /// The sentence issues or publishes documents.
    publishes: bool,
    /// The period of the clauses before, when one was named.
    period: Period,
    planned: bool,
    last: Option<Last>,
    groups_named: Vec<ReviewGroup>,
    unbound: Unbound,
    out: Vec<NarrativeClaim>,
}

/// The tokens of one clause.
struct Clause {
    from: usize,
    to: usize,
    sub: bool,
}

/// The groups named by several case words: a specific kind of lawsuit
/// (`未经复议直接起诉的行政诉讼`) is that kind, not every lawsuit.
fn named_groups(words: &[&'static [ReviewGroup]]) -> Vec<ReviewGroup> {
    let lawsuits = [
        ReviewGroup::LitigationDirect,
        ReviewGroup::LitigationAfterReview,
    ];
    let specific = words
        .iter()
        .any(|g| matches!(g, [one] if lawsuits.contains(one)));
    let mut groups = Vec::new();
    for g in words {
        if specific && g.len() > 1 {
            continue;
        }
        union(&mut groups, g);
    }
    groups
}

fn union(into: &mut Vec<ReviewGroup>, groups: &[ReviewGroup]) {
    for g in groups {
        if !into.contains(g) {
            into.push(*g);
        }
    }
    into.sort();
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, toks: &'a [Token], report_year: Option<i32>) -> Self {
        let words = || toks.iter().filter_map(word);
        Reader {
            text,
            toks,
            report_year,
            about_applications: words().any(|w| {
                matches!(
                    w,
                    Word::Application
                        | Word::New
                        | Word::CarriedOver
                        | Word::CarriedForward
                        | Word::Outcome(_)
                )
            }),
            publishes: words().any(|w| matches!(w, Word::Publish | Word::Proactive)),
            period: Period::Unstated,
            planned: false,
            last: None,
            groups_named: Vec::new(),
            unbound: Unbound::default(),
            out: Vec::new(),
        }
    }

    fn text_of(&self, from: usize, to: usize) -> &'a str {
        let start = self.toks.get(from).map_or(0, |t| t.start);
        let end = to
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or(start, |t| t.end);
        self.text.get(start..end.max(start)).unwrap_or("").trim()
    }

    fn clauses(&self) -> Vec<Clause> {
        let mut out = Vec::new();
        let mut from = 0;
        let mut sub = false;
        for (i, t) in self.toks.iter().enumerate() {
            match t.tok {
                Tok::Break => {
                    // `其中，…` / `其中：…`: the part follows the break.
                    let only_sub = sub
                        && self
                            .toks
                            .get(from + 1..i)
                            .is_some_and(|rest| rest.iter().all(|t| t.tok == Tok::Space));
                    if !only_sub {
                        out.push(Clause { from, to: i, sub });
                        sub = false;
                    }
                    from = i + 1;
                }
                Tok::Word(Word::Sub) => {
                    if i > from {
                        out.push(Clause { from, to: i, sub });
                    }
                    from = i;
                    sub = true;
                }
                _ => {}
            }
        }
        out.push(Clause {
            from,
            to: self.toks.len(),
            sub,
        });
        out.retain(|c| c.to > c.from);
        out
    }

    fn read(mut self) -> Vec<NarrativeClaim> {
        for clause in self.clauses() {
            self.clause(&clause);
        }
        self.out
    }

    fn clause(&mut self, clause: &Clause) {
        let mut period = self.period;
        let mut named: Option<Period> = None;
        let mut comparison = false;
        let mut cumulative = false;
        let mut segment = clause.from;
        let mut counted = false;
        for i in clause.from..clause.to {
            let Some(t) = self.toks.get(i) else { break };
            match t.tok {
                Tok::Year { year, dated } => {
                    // `2023年3月`: a month, not the year; `截至2023年12月31日`:
                    // the year up to its end.
                    let as_of = (clause.from..i)
                        .rev()
                        .filter_map(|k| self.toks.get(k))
                        .find(|t| t.tok != Tok::Space)
                        .is_some_and(|t| t.tok == Tok::Word(Word::AsOf));
                    period = if dated && !as_of {
                        Period::Unclear
                    } else {
                        resolve(year, self.report_year)
                    };
                    named = Some(period);
                }
                Tok::Word(Word::Period(Period::Comparison)) => comparison = true,
                Tok::Word(Word::Period(Period::Cumulative)) => cumulative = true,
                Tok::Word(Word::Period(p)) => {
                    period = p;
                    named = Some(p);
                }
                Tok::Word(Word::ThisYear) => {
                    period = Period::ReportYear;
                    named = Some(period);
                }
                Tok::Word(Word::Future | Word::PlanHeading) => self.planned = true,
                Tok::Count {
                    value,
                    unit,
                    approx,
                } => {
                    let at = if comparison {
                        Period::Comparison
                    } else if cumulative {
                        Period::Cumulative
                    } else {
                        period
                    };
                    let first_of_sub = clause.sub && !counted;
                    if self.count(clause, segment, i, (value, unit, approx), at, first_of_sub) {
                        segment = i + 1;
                        counted = true;
                    }
                }
                _ => {}
            }
            if let Tok::Word(Word::Cases(g)) = t.tok {
                union(&mut self.groups_named, g);
            }
        }
        let tail_period = if comparison {
            Period::Comparison
        } else if cumulative {
            Period::Cumulative
        } else {
            period
        };
        self.tail(clause, segment, tail_period, counted);
        if let Some(p) = named {
            self.period = p;
        }
    }

    fn claim(
        &self,
        (quantity, groups): (Quantity, Vec<ReviewGroup>),
        amount: Amount,
        unit: Option<&str>,
        scope: Scope,
        period: Period,
        (from, to): (usize, usize),
    ) -> NarrativeClaim {
        NarrativeClaim {
            quantity,
            groups,
            amount,
            unit: unit.filter(|u| !u.is_empty()).map(str::to_string),
            scope,
            period,
            tense: if self.planned {
                Tense::Planned
            } else {
                Tense::Done
            },
            // The words the claim was read from, not the whole clause, so
            // that many claims of one long clause take linear room.
            clause: self
                .text_of(from, to)
                .trim_matches(|c: char| c == '、' || c == ',' || c == '，')
                .to_string(),
        }
    }

    /// The words that narrow a count in `from..to`, as text, if any.
    fn narrowing(&self, from: usize, to: usize, manner: bool) -> Option<String> {
        // `涉及本单位的申请`: about the agency itself, which is all of them.
        let about_itself = |i: usize| {
            self.toks
                .get(i + 1..)
                .and_then(|rest| rest.iter().find(|t| t.tok != Tok::Space))
                .is_some_and(|t| t.tok == Tok::Subject)
        };
        let parts: Vec<&str> = (from..to)
            .filter(|i| !about_itself(*i))
            .filter_map(|i| self.toks.get(i))
            .filter(|t| {
                matches!(t.tok, Tok::Word(Word::Narrow))
                    || (manner && matches!(t.tok, Tok::Word(Word::Manner)))
            })
            .filter_map(|t| self.text.get(t.start..t.end))
            .collect();
        (!parts.is_empty()).then(|| parts.join(""))
    }

    /// Content (words the lexicon does not know) in `from..to`.
    fn content(&self, from: usize, to: usize) -> bool {
        (from..to)
            .filter_map(|i| self.toks.get(i))
            .any(|t| matches!(t.tok, Tok::Other | Tok::Word(Word::Neutral)))
    }

    /// Reads a count at `at` whose own words are `from..at`. Returns whether
    /// the count is one a claim may state (its unit counts things).
    fn count(
        &mut self,
        clause: &Clause,
        from: usize,
        at: usize,
        (value, unit, approx): (f64, &'static str, bool),
        period: Period,
        first_of_sub: bool,
    ) -> bool {
        let piece = unit.is_empty() || COUNT_UNITS.contains(&unit);
        let money = MONEY_UNITS.contains(&unit);
        if !piece && !money {
            // 15个工作日, 20人次: not a count of anything a claim counts.
            return false;
        }
        // A count names its quantity before it (`收到申请3件`) or, when
        // nothing before it does, after it (`1件结转下年度`, `3件申请`).
        let ahead_end = (at + 1..clause.to)
            .find(|i| matches!(self.toks.get(*i).map(|t| t.tok), Some(Tok::Count { .. })))
            .unwrap_or(clause.to);
        let quantity_in = |a: usize, b: usize| {
            (a..b)
                .filter_map(|i| self.toks.get(i).and_then(word))
                .any(is_quantity_word)
        };
        let ahead = !quantity_in(from, at) && quantity_in(at + 1, ahead_end);
        let (words_from, words_to) = if ahead {
            (at + 1, ahead_end)
        } else {
            (from, at)
        };
        let seg: Vec<(usize, Word)> = (words_from..words_to)
            .filter_map(|i| self.toks.get(i).and_then(word).map(|w| (i, w)))
            .collect();
        let negated = |a: usize, b: usize| {
            (a..b).any(|i| self.toks.get(i).and_then(word) == Some(Word::Negation))
        };
        if negated(from, at) || negated(words_from, words_to) {
            // `未按时办结的申请2件`, `1件未办结`: a count of what did not happen.
            return true;
        }
        let each = seg.iter().any(|(_, w)| matches!(w, Word::All | Word::Each));
        let mut cases: Vec<&'static [ReviewGroup]> = Vec::new();
        let mut result = None;
        let mut requests: Vec<Quantity> = Vec::new();
        let mut documents: Vec<Quantity> = Vec::new();
        let mut fees = false;
        let mut proactive = false;
        let mut first_word: Option<usize> = None;
        let mut own_words: Vec<Word> = seg.iter().map(|(_, w)| *w).collect();
        let unbound_used =
            !seg.iter().any(|(_, w)| is_quantity_word(*w)) && !self.content(from, at) && {
                own_words.extend(self.unbound.words.iter().copied());
                !self.unbound.words.is_empty()
            };
        for (k, w) in own_words.iter().enumerate() {
            let index = seg.get(k).map_or(from, |(i, _)| *i);
            let is_quantity = is_quantity_word(*w);
            if is_quantity && first_word.is_none() {
                first_word = Some(index);
            }
            match *w {
                Word::Cases(g) => cases.push(g),
                Word::CaseResult(o) => result = Some(o),
                Word::Regulations if !documents.contains(&Quantity::Regulations) => {
                    documents.push(Quantity::Regulations)
                }
                Word::NormativeDocuments if !documents.contains(&Quantity::NormativeDocuments) => {
                    documents.push(Quantity::NormativeDocuments)
                }
                Word::Fees => fees = true,
                Word::Proactive => proactive = true,
                w => {
                    if let Some(q) = application_quantity(w)
                        && !requests.contains(&q)
                    {
                        requests.push(q);
                    }
                }
            }
        }
        if unbound_used {
            self.unbound = Unbound::default();
        }
        let mut inherited = false;
        let targets: Vec<(Quantity, Vec<ReviewGroup>)> = if let Some(o) = result {
            let mut groups = named_groups(&cases);
            if groups.is_empty() {
                groups = self.groups_named.clone();
            }
            vec![(Quantity::CaseOutcome(o), groups)]
        } else if !cases.is_empty() {
            if each && cases.len() > 1 {
                cases
                    .iter()
                    .map(|g| (Quantity::Cases, g.to_vec()))
                    .collect()
            } else {
                vec![(Quantity::Cases, named_groups(&cases))]
            }
        } else if !requests.is_empty() {
            if requests.len() > 1 && !each {
                // `办结上年结转申请2件`: which quantity the number counts is
                // not said.
                return true;
            }
            if requests
                .iter()
                .any(|q| matches!(q, Quantity::ReceivedApplications | Quantity::Handled))
                && !self.about_applications
            {
                return true;
            }
            requests.iter().map(|q| (*q, Vec::new())).collect()
        } else if !documents.is_empty() {
            if !self.publishes {
                return true;
            }
            if documents.len() > 1 && !each {
                return true;
            }
            documents.iter().map(|q| (*q, Vec::new())).collect()
        } else if fees {
            vec![(Quantity::Fees, Vec::new())]
        } else if proactive {
            vec![(Quantity::ProactiveInformation, Vec::new())]
        } else if let Some(last) = &self.last {
            inherited = true;
            vec![(last.quantity, last.groups.clone())]
        } else {
            return true;
        };
        let fee_claim = targets.iter().any(|(q, _)| *q == Quantity::Fees);
        if money && !fee_claim {
            return false;
        }
        // `发布信息2356条，其中规范性文件28件`: documents counted among
        // something else are a part of it, not the documents of the year;
        // among the items proactively disclosed they are those published.
        let documents_in_part = first_of_sub
            && !self
                .last
                .as_ref()
                .is_some_and(|l| l.quantity == Quantity::ProactiveInformation)
            && targets
                .iter()
                .any(|(q, _)| matches!(q, Quantity::Regulations | Quantity::NormativeDocuments));
        // `行政诉讼2件，其中1件为上年结转`: a part of the cases, not the
        // applications carried over.
        let other_domain = (first_of_sub || ahead)
            && self.last.as_ref().is_some_and(|l| {
                targets.iter().any(|(q, _)| {
                    domain(*q) != domain(l.quantity)
                        && !(l.quantity == Quantity::ProactiveInformation
                            && domain(*q) == Domain::Disclosure)
                })
            });
        // `上年结转的行政复议案件1件`: cases of one kind.
        let cases_of_a_kind = !cases.is_empty()
            && requests
                .iter()
                .any(|q| *q != Quantity::ReceivedApplications);
        let narrowed = self
            .narrowing(from, at, true)
            .or_else(|| {
                (other_domain || cases_of_a_kind).then(|| {
                    self.text_of(from.min(words_from), words_to.max(at))
                        .to_string()
                })
            })
            .or_else(|| {
                ahead
                    .then(|| self.narrowing(words_from, words_to, true))
                    .flatten()
            })
            .or_else(|| documents_in_part.then(|| "其中".to_string()));
        let scope = if let Some(words) = narrowed {
            Scope::Part(words)
        } else if inherited {
            // A number that names no quantity of its own (`自然人72件`,
            // `10件均已办结`) is never the whole of the one before.
            let label = self.text_of(from, at);
            Scope::Part(if label.is_empty() {
                "其中".to_string()
            } else {
                label.to_string()
            })
        } else if ahead {
            match first_word {
                Some(f) if self.content(at + 1, f) => {
                    Scope::Part(self.text_of(at + 1, f + 1).to_string())
                }
                _ => Scope::Whole,
            }
        } else {
            match first_word {
                Some(f) if self.content(f + 1, at) => Scope::Part(self.text_of(f, at).to_string()),
                _ => Scope::Whole,
            }
        };
        let amount = if approx {
            Amount::About(value)
        } else {
            Amount::Count(value)
        };
        let part = matches!(scope, Scope::Part(_));
        for (quantity, groups) in targets {
            let claim = self.claim(
                (quantity, groups.clone()),
                amount.clone(),
                Some(unit),
                scope.clone(),
                period,
                (from.min(words_from), (at + 1).max(words_to)),
            );
            self.out.push(claim);
            self.last = Some(Last {
                quantity,
                groups,
                part,
            });
        }
        true
    }

    /// Claims of the words after the last count of a clause: negations and
    /// statements about every one.
    fn tail(&mut self, clause: &Clause, from: usize, period: Period, counted: bool) {
        // The words a negation, an `every one` or the next clause may use;
        // most clauses have none, and then nothing is allocated.
        let words: Vec<(usize, Word)> = (from..clause.to)
            .filter_map(|i| self.toks.get(i).and_then(word).map(|w| (i, w)))
            .filter(|(_, w)| {
                matches!(
                    w,
                    Word::Negation
                        | Word::All
                        | Word::CaseResult(_)
                        | Word::Concluded
                        | Word::Cases(_)
                        | Word::Application
                        | Word::Received
                        | Word::New
                )
            })
            .collect();
        let negations: Vec<usize> = words
            .iter()
            .filter(|(_, w)| *w == Word::Negation)
            .map(|(i, _)| *i)
            .collect();
        let mut clause_groups = Vec::new();
        if !negations.is_empty() {
            for (_, w) in &words {
                if let Word::Cases(g) = w {
                    union(&mut clause_groups, g);
                }
            }
        }
        let mut used = false;
        for (k, n) in negations.iter().enumerate() {
            let end = negations.get(k + 1).copied().unwrap_or(clause.to);
            let start = if k == 0 {
                from
            } else {
                negations.get(k - 1).map_or(from, |p| p + 1)
            };
            let mut targets = self.absent_targets(n + 1, end, &clause_groups);
            if targets.is_empty() {
                targets = self.absent_targets(start, *n, &clause_groups);
            }
            if targets.is_empty() && !counted && k == 0 {
                targets = self.unbound_targets();
            }
            for (quantity, groups, scope) in targets {
                used = true;
                let claim = self.claim(
                    (quantity, groups),
                    Amount::Absent,
                    None,
                    scope,
                    period,
                    (start, end),
                );
                self.out.push(claim);
            }
        }
        if negations.is_empty() {
            self.every(clause, from, &words, period);
        }
        self.unbound = if used || counted {
            Unbound::default()
        } else {
            Unbound {
                words: words
                    .iter()
                    .map(|(_, w)| *w)
                    .filter(|w| {
                        matches!(
                            w,
                            Word::Cases(_) | Word::Application | Word::Received | Word::New
                        )
                    })
                    .collect(),
            }
        };
    }

    /// What a negation over `from..to` denies.
    fn absent_targets(
        &self,
        from: usize,
        to: usize,
        clause_groups: &[ReviewGroup],
    ) -> Vec<(Quantity, Vec<ReviewGroup>, Scope)> {
        let words: Vec<Word> = (from..to)
            .filter_map(|i| self.toks.get(i).and_then(word))
            .collect();
        let scope = match self.narrowing(from, to, true) {
            Some(words) => Scope::Part(words),
            None => Scope::Whole,
        };
        let mut out = Vec::new();
        if let Some(o) = words.iter().find_map(|w| match w {
            Word::CaseResult(o) => Some(*o),
            _ => None,
        }) {
            // `未被纠错`: no case was corrected, whether or not there were cases.
            let groups = if clause_groups.is_empty() {
                self.groups_named.clone()
            } else {
                clause_groups.to_vec()
            };
            out.push((Quantity::CaseOutcome(o), groups, scope));
            return out;
        }
        let cases: Vec<&'static [ReviewGroup]> = words
            .iter()
            .filter_map(|w| match w {
                Word::Cases(g) => Some(*g),
                _ => None,
            })
            .collect();
        let named = named_groups(&cases);
        for g in cases {
            if g.iter().all(|one| named.contains(one)) {
                out.push((Quantity::Cases, g.to_vec(), scope.clone()));
            }
        }
        let outcomes: Vec<RequestOutcome> = words
            .iter()
            .filter_map(|w| match w {
                Word::Outcome(o) => Some(*o),
                _ => None,
            })
            .collect();
        for o in &outcomes {
            out.push((Quantity::RequestOutcome(*o), Vec::new(), scope.clone()));
        }
        // `未按时办结的申请`, `因…申请引起的行政复议`, `依申请公开收费`: the
        // applications qualify what is denied; they are not denied themselves.
        let qualified = words.iter().any(|w| {
            matches!(
                w,
                Word::Concluded | Word::Replied | Word::Manner | Word::Cases(_) | Word::Fees
            )
        });
        if outcomes.is_empty() && !qualified {
            // `未收到涉密申请`: words before the applications narrow them.
            let applications_at = (from..to).find(|i| {
                matches!(
                    self.toks.get(*i).and_then(word),
                    Some(Word::Application | Word::New)
                )
            });
            let scope = match applications_at {
                Some(at) if scope == Scope::Whole && self.content(from, at) => {
                    Scope::Part(self.text_of(from, at).to_string())
                }
                _ => scope.clone(),
            };
            if words.contains(&Word::New) {
                out.push((Quantity::NewApplications, Vec::new(), scope));
            } else if words.contains(&Word::Application) {
                out.push((Quantity::ReceivedApplications, Vec::new(), scope));
            }
        }
        if words.contains(&Word::Fees) {
            out.push((Quantity::Fees, Vec::new(), scope.clone()));
        }
        if words
            .iter()
            .any(|w| matches!(w, Word::Publish | Word::Proactive))
        {
            for (w, q) in [
                (Word::Regulations, Quantity::Regulations),
                (Word::NormativeDocuments, Quantity::NormativeDocuments),
            ] {
                if words.contains(&w) {
                    out.push((q, Vec::new(), scope.clone()));
                }
            }
        }
        out
    }

    /// A negation standing alone (`行政复议、行政诉讼情况：无`) denies what the
    /// clause before named.
    fn unbound_targets(&mut self) -> Vec<(Quantity, Vec<ReviewGroup>, Scope)> {
        let words = std::mem::take(&mut self.unbound.words);
        let mut out = Vec::new();
        for w in &words {
            match w {
                Word::Cases(g) => out.push((Quantity::Cases, g.to_vec(), Scope::Whole)),
                Word::Application | Word::Received | Word::New
                    if !out
                        .iter()
                        .any(|(q, _, _)| *q == Quantity::ReceivedApplications) =>
                {
                    out.push((Quantity::ReceivedApplications, Vec::new(), Scope::Whole));
                }
                _ => {}
            }
        }
        out
    }

    /// `所有申请均已办结`, `复议案件均获维持`: a statement about every one.
    fn every(&mut self, clause: &Clause, from: usize, words: &[(usize, Word)], period: Period) {
        let Some(all) = words.iter().position(|(_, w)| *w == Word::All) else {
            return;
        };
        let after = words.get(all..).unwrap_or_default();
        if after
            .iter()
            .any(|(_, w)| *w == Word::CaseResult(ReviewOutcome::Upheld))
        {
            let mut groups = Vec::new();
            for i in clause.from..clause.to {
                if let Some(Word::Cases(g)) = self.toks.get(i).and_then(word) {
                    union(&mut groups, g);
                }
            }
            if groups.is_empty() {
                groups = self.groups_named.clone();
            }
            let claim = self.claim(
                (Quantity::CaseOutcome(ReviewOutcome::Upheld), groups),
                Amount::All,
                None,
                Scope::Whole,
                period,
                (clause.from, clause.to),
            );
            self.out.push(claim);
        }
        if after.iter().any(|(_, w)| *w == Word::Concluded) && self.about_applications {
            let clause_words: Vec<Word> = (clause.from..clause.to)
                .filter_map(|i| self.toks.get(i).and_then(word))
                .collect();
            let names_applications = clause_words.contains(&Word::Application);
            // `引发行政复议2件，均已办结`: every case, not every application.
            let about_cases = !names_applications
                && self
                    .last
                    .as_ref()
                    .is_some_and(|l| domain(l.quantity) != Domain::Applications);
            let part = self.narrowing(clause.from, clause.to, false);
            let scope = if about_cases {
                Scope::Part(self.text_of(clause.from, clause.to).to_string())
            } else if let Some(words) = part {
                Scope::Part(words)
            } else if clause_words.contains(&Word::CarriedOver) {
                Scope::Part(self.text_of(clause.from, from.max(clause.from)).to_string())
            } else if clause.sub
                || (!names_applications && self.last.as_ref().is_some_and(|l| l.part))
            {
                Scope::Part(self.text_of(clause.from, clause.to).to_string())
            } else {
                Scope::Whole
            };
            let claim = self.claim(
                (Quantity::Handled, Vec::new()),
                Amount::All,
                None,
                scope,
                period,
                (clause.from, clause.to),
            );
            self.out.push(claim);
        }
    }
}

/// What a quantity belongs to: applications (table 3), cases (table 4),
/// documents and items disclosed (table 2), fees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Domain {
    Applications,
    Cases,
    Disclosure,
    Fees,
    Work,
}

fn domain(q: Quantity) -> Domain {
    match q {
        Quantity::NewApplications
        | Quantity::ReceivedApplications
        | Quantity::CarriedOver
        | Quantity::Handled
        | Quantity::CarriedForward
        | Quantity::RequestOutcome(_) => Domain::Applications,
        Quantity::Cases | Quantity::CaseOutcome(_) => Domain::Cases,
        Quantity::Regulations | Quantity::NormativeDocuments | Quantity::ProactiveInformation => {
            Domain::Disclosure
        }
        Quantity::Fees => Domain::Fees,
        Quantity::Work => Domain::Work,
    }
}

fn is_quantity_word(w: Word) -> bool {
    matches!(
        w,
        Word::Cases(_)
            | Word::CaseResult(_)
            | Word::Regulations
            | Word::NormativeDocuments
            | Word::Fees
            | Word::Proactive
    ) || application_quantity(w).is_some()
}
