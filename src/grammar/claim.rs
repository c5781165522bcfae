//! What a narrative sentence claims: the quantity it speaks of, the number
//! or the absence it states, the scope (all of the quantity, or a part such
//! as one applicant type), the period and the tense.
//!
//! A sentence is lexed once ([`lexer`]) and read clause by clause: clauses
//! end at `，；。：` and a new one starts at `其中`/`另有`, so
//! "收到申请75件，其中自然人72件、商业企业3件" yields three claims, the last two
//! about a part of the first. A negation covers only the things it names:
//! "行政复议1件，未发生行政诉讼" denies lawsuits alone, and "未被纠错" denies a
//! correction, not a case.
//!
//! ```
//! use gov_disclosure_report::grammar::claim::{read_sentence, Amount, Quantity, Scope};
//! let reading = read_sentence("本年度共收到政府信息公开申请75件，其中自然人72件、商业企业3件。", Some(2023));
//! let claims = &reading.claims;
//! assert_eq!(claims.len(), 3);
//! assert_eq!(claims[0].quantity, Quantity::ReceivedApplications);
//! assert_eq!((claims[0].amount.clone(), claims[0].scope.clone()), (Amount::Count(75.0), Scope::Whole));
//! assert!(matches!(claims[1].scope, Scope::Part(_)));
//! ```

mod lexer;
mod lexicon;

use crate::ast::{ReviewGroup, ReviewOutcome};
use lexer::{COUNT_UNITS, MONEY_UNITS, Tok, Token, tokens};
use lexicon::Word;
use serde::{Deserialize, Serialize};

/// An outcome of table 3 (三、本年度办理结果).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestOutcome {
    /// 予以公开
    Granted,
    /// 部分公开
    Partial,
    /// 不予公开
    Denied,
    /// 无法提供
    Unable,
    /// 不予处理
    NotProcessed,
    /// 其他处理
    Other,
}

/// What a claim counts.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// 本年新收 … 申请: applications received this year.
    NewApplications,
    /// 收到 / 受理 … 申请: applications received (new alone, or new and
    /// carried over, as reports differ).
    ReceivedApplications,
    /// 上年结转: applications carried over from last year.
    CarriedOver,
    /// 办结 / 答复: applications handled.
    Handled,
    /// 结转下年度: applications carried forward to next year.
    CarriedForward,
    /// One outcome of table 3.
    RequestOutcome(RequestOutcome),
    /// Cases of table 4 (行政复议, 行政诉讼) of the claim's groups.
    Cases,
    /// Cases of table 4 with one outcome (维持, 纠正, 尚未审结 …).
    CaseOutcome(ReviewOutcome),
    /// 规章 issued or published.
    Regulations,
    /// (行政)规范性文件 issued or published.
    NormativeDocuments,
    /// 主动公开政府信息 N条: items proactively disclosed.
    ProactiveInformation,
    /// 收费, 信息处理费.
    Fees,
    /// A statement about the agency's own work, with no number (dates).
    Work,
}

/// The number a claim states, or what it says instead of one.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amount {
    /// An exact number.
    Count(f64),
    /// An approximate number (`100余件`, `近百件`).
    About(f64),
    /// None at all (`未收到`, `未发生`, `无`).
    Absent,
    /// Every one (`均已办结`, `均获维持`).
    All,
    /// No number stated.
    Unstated,
}

/// How much of its quantity a claim speaks of.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// All of it.
    Whole,
    /// A part, named by the words that narrow it (`其中自然人`, `网上`, `按时`).
    Part(String),
}

/// The period a claim is about.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Not stated: the report year, as in any sentence of a report.
    Unstated,
    /// The report year (`本年度`, `今年`, `全年`, or the year itself).
    ReportYear,
    /// The year before (`上年`, `去年`, or that year).
    PreviousYear,
    /// The year after (`明年`, `下一年度`, or that year).
    NextYear,
    /// Another year, or any year when the report year is unknown.
    Year(i32),
    /// Several years (`累计`, `以来`, `现行有效`).
    Cumulative,
    /// A change against another period (`同比增加`, `较上年减少`).
    Comparison,
    /// A period named but not made out: a span of years (`近3年`,
    /// `三年来`) or a year cut short by the extraction (`020年`).
    Unclear,
}

/// Whether a claim reports a fact or a plan.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tense {
    /// Something that happened.
    Done,
    /// Something planned (`将`, `拟`, `计划`, `下一步`, `今后` …).
    Planned,
}

/// One claim of a sentence.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NarrativeClaim {
    /// What it counts.
    pub quantity: Quantity,
    /// For cases of table 4: the groups it names (empty: not named, all).
    pub groups: Vec<ReviewGroup>,
    /// The number, its absence, or every one.
    pub amount: Amount,
    /// The unit written after the number (`件`, `条`, `起` …).
    pub unit: Option<String>,
    /// All of the quantity or a part of it.
    pub scope: Scope,
    /// The period it is about.
    pub period: Period,
    /// Fact or plan.
    pub tense: Tense,
    /// The clause it was read from.
    pub clause: String,
}

/// A sentence that opens with a year (`2020年，我局…`, `（二）2021年工作计划`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedOpening {
    /// The year written.
    pub year: i32,
    /// That year against the report year.
    pub period: Period,
    /// The year heads a plan (`工作计划`, `工作打算`, `工作安排`, `工作思路`).
    pub plan_heading: bool,
    /// A plan: a future marker anywhere in the sentence, or a plan heading.
    pub tense: Tense,
    /// The agency speaks of its own work (`2020年，我局…`, `2020年我局…`).
    pub own_work: bool,
    /// The sentence compares periods (`同比`, `较上年`, another year named).
    pub compares: bool,
    /// The sentence is about rectifying problems (`整改`).
    pub rectification: bool,
}

/// Everything read from one sentence.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SentenceReading {
    /// Its claims, in order.
    pub claims: Vec<NarrativeClaim>,
    /// The year it opens with, if any.
    pub opening: Option<DatedOpening>,
}

impl NarrativeClaim {
    /// A statement about the agency's own work, with no number: what a
    /// sentence that opens with a year says (read for N.YEAR).
    pub fn statement(period: Period, tense: Tense, clause: String) -> Self {
        NarrativeClaim {
            quantity: Quantity::Work,
            groups: Vec::new(),
            amount: Amount::Unstated,
            unit: None,
            scope: Scope::Whole,
            period,
            tense,
            clause,
        }
    }

    /// Whether the claim states a fact of the report year: done, and dated
    /// in the report year or not dated.
    pub fn is_fact_of_report_year(&self) -> bool {
        self.tense == Tense::Done && matches!(self.period, Period::Unstated | Period::ReportYear)
    }

    /// The claim in Chinese, for a finding's message.
    pub fn describe_zh(&self) -> String {
        let amount = match &self.amount {
            Amount::Count(v) => format!("{}{}", number(*v), self.unit.as_deref().unwrap_or("")),
            Amount::About(v) => format!("约{}{}", number(*v), self.unit.as_deref().unwrap_or("")),
            Amount::Absent => "无".to_string(),
            Amount::All => "全部".to_string(),
            Amount::Unstated => "未述数量".to_string(),
        };
        let scope = match &self.scope {
            Scope::Whole => "全部".to_string(),
            Scope::Part(p) => format!("部分（{p}）"),
        };
        let period = match self.period {
            Period::Unstated => "未写明（按报告年度）".to_string(),
            Period::ReportYear => "报告年度".to_string(),
            Period::PreviousYear => "上一年度".to_string(),
            Period::NextYear => "下一年度".to_string(),
            Period::Year(y) => format!("{y}年"),
            Period::Cumulative => "累计".to_string(),
            Period::Comparison => "与其他期间比较".to_string(),
            Period::Unclear => "不明".to_string(),
        };
        let tense = match self.tense {
            Tense::Done => "已发生",
            Tense::Planned => "计划",
        };
        format!(
            "数量={}；数值={amount}；范围={scope}；期间={period}；时态={tense}",
            self.quantity_name(false)
        )
    }

    /// The claim in English, for a finding's message.
    pub fn describe_en(&self) -> String {
        let unit = self
            .unit
            .as_deref()
            .filter(|u| !u.is_empty())
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let amount = match &self.amount {
            Amount::Count(v) => format!("{}{unit}", number(*v)),
            Amount::About(v) => format!("about {}{unit}", number(*v)),
            Amount::Absent => "none".to_string(),
            Amount::All => "all".to_string(),
            Amount::Unstated => "no number".to_string(),
        };
        let scope = match &self.scope {
            Scope::Whole => "whole".to_string(),
            Scope::Part(p) => format!("part ({p})"),
        };
        let period = match self.period {
            Period::Unstated => "unstated (report year)".to_string(),
            Period::ReportYear => "report year".to_string(),
            Period::PreviousYear => "previous year".to_string(),
            Period::NextYear => "next year".to_string(),
            Period::Year(y) => y.to_string(),
            Period::Cumulative => "cumulative".to_string(),
            Period::Comparison => "change against another period".to_string(),
            Period::Unclear => "unclear".to_string(),
        };
        let tense = match self.tense {
            Tense::Done => "done",
            Tense::Planned => "planned",
        };
        format!(
            "quantity={}; amount={amount}; scope={scope}; period={period}; tense={tense}",
            self.quantity_name(true)
        )
    }

    /// The name of the claim's quantity (with its groups for cases).
    pub fn quantity_name(&self, english: bool) -> String {
        let pick = |zh: &str, en: &str| if english { en } else { zh }.to_string();
        match self.quantity {
            Quantity::NewApplications => pick("本年新收申请", "new applications"),
            Quantity::ReceivedApplications => pick("收到申请", "applications received"),
            Quantity::CarriedOver => pick("上年结转申请", "applications carried over"),
            Quantity::Handled => pick("办结申请", "applications handled"),
            Quantity::CarriedForward => pick("结转下年度申请", "applications carried forward"),
            Quantity::RequestOutcome(o) => {
                let (zh, en) = match o {
                    RequestOutcome::Granted => ("予以公开", "granted"),
                    RequestOutcome::Partial => ("部分公开", "partly granted"),
                    RequestOutcome::Denied => ("不予公开", "denied"),
                    RequestOutcome::Unable => ("无法提供", "unable to provide"),
                    RequestOutcome::NotProcessed => ("不予处理", "not processed"),
                    RequestOutcome::Other => ("其他处理", "other handling"),
                };
                pick(zh, en)
            }
            Quantity::Cases => groups_name(&self.groups, english),
            Quantity::CaseOutcome(o) => {
                let (zh, en) = match o {
                    ReviewOutcome::Upheld => ("结果维持", "upheld"),
                    ReviewOutcome::Corrected => ("结果纠正", "corrected"),
                    ReviewOutcome::Other => ("其他结果", "other outcome"),
                    ReviewOutcome::Pending => ("尚未审结", "pending"),
                    ReviewOutcome::Total => ("总计", "total"),
                };
                if english {
                    format!("{} {en}", groups_name(&self.groups, true))
                } else {
                    format!("{}{zh}", groups_name(&self.groups, false))
                }
            }
            Quantity::Regulations => pick("规章", "regulations"),
            Quantity::NormativeDocuments => pick("规范性文件", "normative documents"),
            Quantity::ProactiveInformation => pick("主动公开政府信息", "items disclosed"),
            Quantity::Fees => pick("收费", "fees"),
            Quantity::Work => pick("本机关工作", "the agency's work"),
        }
    }
}

/// The names of case groups (`行政复议`, `行政诉讼` …).
pub fn groups_name(groups: &[ReviewGroup], english: bool) -> String {
    let review = groups.contains(&ReviewGroup::Review);
    let direct = groups.contains(&ReviewGroup::LitigationDirect);
    let after = groups.contains(&ReviewGroup::LitigationAfterReview);
    let mut names: Vec<&str> = Vec::new();
    if review || groups.is_empty() {
        names.push(if english {
            "reconsiderations"
        } else {
            "行政复议"
        });
    }
    match (direct, after) {
        (true, true) => names.push(if english { "lawsuits" } else { "行政诉讼" }),
        (true, false) => names.push(if english {
            "direct lawsuits"
        } else {
            "未经复议直接起诉的行政诉讼"
        }),
        (false, true) => names.push(if english {
            "lawsuits after reconsideration"
        } else {
            "复议后起诉的行政诉讼"
        }),
        (false, false) if groups.is_empty() => {
            names.push(if english { "lawsuits" } else { "行政诉讼" })
        }
        (false, false) => {}
    }
    names.join(if english { " and " } else { "、" })
}

/// A number as reports print it (no trailing `.0`).
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Reads one sentence: its claims and the year it opens with.
///
/// `report_year` places the years the sentence names (`2020年` in a report
/// on 2020 is the report year).
pub fn read_sentence(sentence: &str, report_year: Option<i32>) -> SentenceReading {
    let toks = tokens(sentence);
    let claims = Reader::new(sentence, &toks, report_year).read();
    SentenceReading {
        claims,
        opening: opening(&toks, report_year),
    }
}

/// The claims of one sentence (see [`read_sentence`]).
pub fn read_claims(sentence: &str, report_year: Option<i32>) -> Vec<NarrativeClaim> {
    read_sentence(sentence, report_year).claims
}

fn resolve(year: i32, report_year: Option<i32>) -> Period {
    match report_year {
        Some(r) if year == r => Period::ReportYear,
        Some(r) if year == r - 1 => Period::PreviousYear,
        Some(r) if year == r + 1 => Period::NextYear,
        _ => Period::Year(year),
    }
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
    #[allow(clippy::too_many_arguments)]
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

/// The year a sentence opens with, read for N.YEAR.
fn opening(toks: &[Token], report_year: Option<i32>) -> Option<DatedOpening> {
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
    let compares = toks.iter().any(|t| match t.tok {
        Tok::Word(Word::Period(Period::Comparison)) => true,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<NarrativeClaim> {
        read_claims(text, Some(2023))
    }

    #[test]
    fn sub_clauses_are_parts() {
        let c = claims("收到申请75件，其中自然人72件、商业企业3件。");
        assert_eq!(c.len(), 3, "{c:#?}");
        assert_eq!(c[0].scope, Scope::Whole);
        assert_eq!(c[1].scope, Scope::Part("自然人".to_string()));
        assert_eq!(c[2].scope, Scope::Part("商业企业".to_string()));
        assert!(
            c.iter()
                .all(|c| c.quantity == Quantity::ReceivedApplications)
        );
    }

    #[test]
    fn a_negation_covers_what_it_names() {
        let c = claims("政府信息公开行政复议1条，未发生行政诉讼情况。");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!(
            (c[0].quantity, &c[0].groups, &c[0].amount),
            (
                Quantity::Cases,
                &vec![ReviewGroup::Review],
                &Amount::Count(1.0)
            )
        );
        assert_eq!(c[1].amount, Amount::Absent);
        assert_eq!(
            c[1].groups,
            vec![
                ReviewGroup::LitigationDirect,
                ReviewGroup::LitigationAfterReview
            ]
        );
    }

    #[test]
    fn not_corrected_is_about_the_outcome() {
        let c = claims("该行政复议件未被复议审查机关纠错。");
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(
            c[0].quantity,
            Quantity::CaseOutcome(ReviewOutcome::Corrected)
        );
        assert_eq!(c[0].groups, vec![ReviewGroup::Review]);
    }

    #[test]
    fn plans_and_comparisons() {
        let c = claims("下一步，我局将力争办结申请100件。");
        assert_eq!(c[0].tense, Tense::Planned);
        let c = claims("收到申请75件，较上年增加10件。");
        assert_eq!(c[1].period, Period::Comparison);
        let c = claims("2022年收到申请60件。");
        assert_eq!(c[0].period, Period::PreviousYear);
    }
}
