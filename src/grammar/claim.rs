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
//! The types are public through [`crate::validate`]: each narrative
//! finding carries the claim it compared ([`crate::validate::Finding::claim`]).

mod lexer;
mod lexicon;
mod opening;
mod reader;

use crate::ast::{ReviewGroup, ReviewOutcome};

/// An outcome of table 3 (三、本年度办理结果).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Scope {
    /// All of it.
    Whole,
    /// A part, named by the words that narrow it (`其中自然人`, `网上`, `按时`).
    Part(String),
}

/// The period a claim is about.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Tense {
    /// Something that happened.
    Done,
    /// Something planned (`将`, `拟`, `计划`, `下一步`, `今后` …).
    Planned,
}

/// One claim of a sentence.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
    if !may_claim(sentence) {
        return SentenceReading::default();
    }
    let toks = lexer::tokens(sentence);
    SentenceReading {
        claims: reader::claims(sentence, &toks, report_year),
        opening: opening::opening(&toks, report_year),
    }
}

/// Whether a sentence can hold a claim at all: a number (Arabic digits, or a
/// Chinese numeral before a counting word), a year, or a word of absence or
/// totality (`未`, `没有`, `无`, `零`, `〇`, `均`, `都`, `全部`, `所有`,
/// `一律`). Most narrative sentences hold none and are not lexed. One pass
/// over the bytes, decoding chars only where a CJK char starts.
fn may_claim(sentence: &str) -> bool {
    if sentence.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let numeral = |c: char| {
        matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '两'
                | '百'
                | '千'
                | '万'
        )
    };
    let mut previous = ' ';
    for c in sentence.chars() {
        let hit = match c {
            '未' | '没' | '无' | '零' | '〇' | '均' | '都' => true,
            '部' => previous == '全',
            '有' => previous == '所',
            '律' => previous == '一',
            '件' | '条' | '起' | '宗' | '个' | '次' | '项' | '份' | '例' | '余' | '多' => {
                numeral(previous)
            }
            _ => false,
        };
        if hit {
            return true;
        }
        previous = c;
    }
    false
}

/// A year written in a sentence, against the report year.
fn resolve(year: i32, report_year: Option<i32>) -> Period {
    match report_year {
        Some(r) if year == r => Period::ReportYear,
        Some(r) if r.checked_sub(1) == Some(year) => Period::PreviousYear,
        Some(r) if r.checked_add(1) == Some(year) => Period::NextYear,
        _ => Period::Year(year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<NarrativeClaim> {
        read_sentence(text, Some(2023)).claims
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
