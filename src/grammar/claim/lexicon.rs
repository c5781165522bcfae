//! The words a claim is read from: what each keyword of a narrative
//! sentence means to the claim reader.
//!
//! Keywords are matched longest first at each position, so a longer word
//! that contains a shorter one (`上年结转` and `上年`, `尚未审结` and `未`,
//! `无法提供` and `无`) always wins.

use super::{Period, RequestOutcome};
use crate::ast::{ReviewGroup, ReviewOutcome};
use crate::grammar::label::Keywords;
use std::sync::OnceLock;

/// What a keyword means to the claim reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Word {
    /// 新收: applications received this year.
    New,
    /// 收到, 受理: applications received (new, or new and carried over).
    Received,
    /// 上年结转: carried over from last year.
    CarriedOver,
    /// 结转下年度: carried forward to next year.
    CarriedForward,
    /// 办结, 办理完毕: handled to the end.
    Concluded,
    /// 答复: answered (handled, for a count).
    Replied,
    /// An outcome of table 3 (予以公开, 不予公开, …).
    Outcome(RequestOutcome),
    /// 申请, 依申请公开: the applications themselves.
    Application,
    /// 行政复议, 行政诉讼, 直接起诉, …: the case groups of table 4 named.
    Cases(&'static [ReviewGroup]),
    /// 维持, 纠正, 尚未审结, …: an outcome of a case.
    CaseResult(ReviewOutcome),
    /// 规章.
    Regulations,
    /// (行政)规范性文件.
    NormativeDocuments,
    /// 收费, 信息处理费, 减免.
    Fees,
    /// 制发, 印发, 发布: documents issued.
    Publish,
    /// 主动公开: proactive disclosure (also a way of issuing documents).
    Proactive,
    /// 未, 无, 没有, 未发生 …: the absence of what follows (or precedes).
    Negation,
    /// 均, 全部, 所有: every one of them.
    All,
    /// 各: each of the things named, one count for each.
    Each,
    /// 本年度, 上年, 明年, 累计, 同比 …: the period a claim is about.
    Period(Period),
    /// 本年度, 今年: the report year named as such (unlike 全年, which is
    /// the year the sentence speaks of).
    ThisYear,
    /// 将, 拟, 计划, 下一步 …: a plan, not a fact.
    Future,
    /// 工作计划, 工作打算 …: the heading of a plan.
    PlanHeading,
    /// 整改: the rectification of (last year's) problems.
    Rectify,
    /// 截至, 截止: a date the count runs up to.
    AsOf,
    /// 其中, 另有: what follows is part of what came before.
    Sub,
    /// A word that narrows a count to part of its quantity: an applicant
    /// type, a channel, another action on documents (废止), 其余 …
    Narrow,
    /// A word that narrows a count by the way it was done (按时, 逾期): it
    /// narrows a count but not a statement about every one.
    Manner,
    /// A word that adds nothing to a claim (政府信息公开, 共, 案件, 的 …).
    Filler,
    /// A word read as plain content, kept whole so that no shorter keyword
    /// is found inside it (规章制度, 复议机关, 无法, 计划生育 …).
    Neutral,
}

use Word::*;

const REVIEW: &[ReviewGroup] = &[ReviewGroup::Review];
const LAWSUITS: &[ReviewGroup] = &[
    ReviewGroup::LitigationDirect,
    ReviewGroup::LitigationAfterReview,
];
const DIRECT: &[ReviewGroup] = &[ReviewGroup::LitigationDirect];
const AFTER_REVIEW: &[ReviewGroup] = &[ReviewGroup::LitigationAfterReview];

/// Every keyword and its meaning.
const LIST: &[(&str, Word)] = &[
    // Table 3 quantities.
    ("新收", New),
    ("新收到", New),
    ("新受理", New),
    ("新接收", New),
    ("收到", Received),
    ("受理", Received),
    ("接收", Received),
    ("接到", Received),
    ("收悉", Received),
    ("上年结转", CarriedOver),
    ("上年度结转", CarriedOver),
    ("上一年度结转", CarriedOver),
    ("上一年结转", CarriedOver),
    ("去年结转", CarriedOver),
    ("往年结转", CarriedOver),
    ("上年转结", CarriedOver),
    ("上年度转结", CarriedOver),
    ("上年度遗留", CarriedOver),
    ("上年遗留", CarriedOver),
    ("结转下年度", CarriedForward),
    ("结转下一年度", CarriedForward),
    ("结转下年", CarriedForward),
    ("结转下一年", CarriedForward),
    ("结转至", CarriedForward),
    ("结转到", CarriedForward),
    ("结转入", CarriedForward),
    ("结转次年", CarriedForward),
    ("结转明年", CarriedForward),
    ("转入下年度", CarriedForward),
    ("转入下一年度", CarriedForward),
    ("转下年度", CarriedForward),
    ("转至下年度", CarriedForward),
    ("办结", Concluded),
    ("办理完毕", Concluded),
    ("办理完成", Concluded),
    ("处理完毕", Concluded),
    ("完成办理", Concluded),
    ("答复", Replied),
    ("予以公开", Outcome(RequestOutcome::Granted)),
    ("同意公开", Outcome(RequestOutcome::Granted)),
    ("部分公开", Outcome(RequestOutcome::Partial)),
    ("不予公开", Outcome(RequestOutcome::Denied)),
    ("无法提供", Outcome(RequestOutcome::Unable)),
    ("不予处理", Outcome(RequestOutcome::NotProcessed)),
    ("其他处理", Outcome(RequestOutcome::Other)),
    ("申请", Application),
    ("申请件", Application),
    ("依申请", Application),
    ("依申请公开", Application),
    ("申请公开", Application),
    ("申请人", Neutral),
    ("申请表", Neutral),
    ("申请渠道", Neutral),
    ("申请方式", Neutral),
    ("申请程序", Neutral),
    ("申请范围", Neutral),
    ("申请登记", Neutral),
    ("公开申请", Application),
    // Table 4 groups.
    ("行政复议", Cases(REVIEW)),
    ("复议", Cases(REVIEW)),
    ("申请行政复议", Cases(REVIEW)),
    ("被申请行政复议", Cases(REVIEW)),
    ("申请复议", Cases(REVIEW)),
    ("行政复议申请", Cases(REVIEW)),
    ("复议申请", Cases(REVIEW)),
    ("复议机关", Neutral),
    ("复议机构", Neutral),
    ("复议审查机关", Neutral),
    ("行政复议机关", Neutral),
    ("行政复议机构", Neutral),
    ("复议决定", Neutral),
    ("行政复议决定", Neutral),
    ("行政诉讼", Cases(LAWSUITS)),
    ("提起行政诉讼", Cases(LAWSUITS)),
    ("被提起行政诉讼", Cases(LAWSUITS)),
    ("行政应诉", Cases(LAWSUITS)),
    ("应诉", Cases(LAWSUITS)),
    ("诉讼", Cases(LAWSUITS)),
    ("起诉", Cases(LAWSUITS)),
    ("诉讼请求", Neutral),
    ("诉讼费", Neutral),
    ("直接起诉", Cases(DIRECT)),
    ("直接提起诉讼", Cases(DIRECT)),
    ("直接提起行政诉讼", Cases(DIRECT)),
    ("未经复议直接起诉", Cases(DIRECT)),
    ("未经复议直接提起诉讼", Cases(DIRECT)),
    ("未经复议直接提起行政诉讼", Cases(DIRECT)),
    ("复议后起诉", Cases(AFTER_REVIEW)),
    ("复议后提起诉讼", Cases(AFTER_REVIEW)),
    ("复议后提起行政诉讼", Cases(AFTER_REVIEW)),
    ("复议后又提起行政诉讼", Cases(AFTER_REVIEW)),
    ("经复议后起诉", Cases(AFTER_REVIEW)),
    ("经复议后提起行政诉讼", Cases(AFTER_REVIEW)),
    // Table 4 outcomes.
    ("维持", CaseResult(ReviewOutcome::Upheld)),
    ("驳回", CaseResult(ReviewOutcome::Upheld)),
    ("胜诉", CaseResult(ReviewOutcome::Upheld)),
    ("纠正", CaseResult(ReviewOutcome::Corrected)),
    ("纠错", CaseResult(ReviewOutcome::Corrected)),
    ("撤销", CaseResult(ReviewOutcome::Corrected)),
    ("确认违法", CaseResult(ReviewOutcome::Corrected)),
    ("败诉", CaseResult(ReviewOutcome::Corrected)),
    ("尚未审结", CaseResult(ReviewOutcome::Pending)),
    ("未审结", CaseResult(ReviewOutcome::Pending)),
    ("正在审理", CaseResult(ReviewOutcome::Pending)),
    ("审理中", CaseResult(ReviewOutcome::Pending)),
    ("未结案", CaseResult(ReviewOutcome::Pending)),
    ("其他结果", CaseResult(ReviewOutcome::Other)),
    // Documents and fees.
    ("规章", Regulations),
    ("规章制度", Neutral),
    ("规范性文件", NormativeDocuments),
    ("行政规范性文件", NormativeDocuments),
    ("收费", Fees),
    ("信息处理费", Fees),
    ("减免", Fees),
    ("收取", Fees),
    ("制发", Publish),
    ("印发", Publish),
    ("出台", Publish),
    ("制定", Publish),
    ("发布", Publish),
    ("新制作", Publish),
    ("新公开", Publish),
    ("主动公开", Proactive),
    // Negation.
    ("未", Negation),
    ("未发生", Negation),
    ("未出现", Negation),
    ("未有", Negation),
    ("没有", Negation),
    ("没有发生", Negation),
    ("没有出现", Negation),
    ("无", Negation),
    ("暂无", Negation),
    ("尚无", Negation),
    ("均无", Negation),
    ("不存在", Negation),
    ("无法", Neutral),
    ("无论", Neutral),
    ("无需", Neutral),
    ("无须", Neutral),
    ("无偿", Neutral),
    ("无缝", Neutral),
    ("无纸", Neutral),
    ("无障碍", Neutral),
    ("无正当理由", Neutral),
    ("未经", Neutral),
    ("未来", Neutral),
    ("未成年", Neutral),
    ("没有现成信息", Neutral),
    // Every one, each.
    ("均", All),
    ("全部", All),
    ("所有", All),
    ("一律", All),
    ("都", All),
    ("悉数", All),
    ("平均", Neutral),
    ("人均", Neutral),
    ("均衡", Neutral),
    ("首都", Neutral),
    ("各", Each),
    ("各类", Filler),
    ("各项", Filler),
    // Periods.
    ("本年", ThisYear),
    ("本年度", ThisYear),
    ("今年", ThisYear),
    ("今年以来", ThisYear),
    ("全年", Period(Period::ReportYear)),
    ("年内", Period(Period::ReportYear)),
    ("本年内", ThisYear),
    ("年度内", Period(Period::ReportYear)),
    ("当年", Period(Period::ReportYear)),
    ("一年来", Period(Period::ReportYear)),
    ("报告期内", ThisYear),
    ("本报告期", ThisYear),
    ("上年", Period(Period::PreviousYear)),
    ("上年度", Period(Period::PreviousYear)),
    ("上一年", Period(Period::PreviousYear)),
    ("上一年度", Period(Period::PreviousYear)),
    ("去年", Period(Period::PreviousYear)),
    ("前一年", Period(Period::PreviousYear)),
    ("明年", Period(Period::NextYear)),
    ("下一年", Period(Period::NextYear)),
    ("下一年度", Period(Period::NextYear)),
    ("下年度", Period(Period::NextYear)),
    ("下年", Period(Period::NextYear)),
    ("来年", Period(Period::NextYear)),
    ("次年", Period(Period::NextYear)),
    ("新的一年", Period(Period::NextYear)),
    ("新一年", Period(Period::NextYear)),
    ("累计", Period(Period::Cumulative)),
    ("历年", Period(Period::Cumulative)),
    ("以来", Period(Period::Cumulative)),
    ("迄今", Period(Period::Cumulative)),
    ("至今", Period(Period::Cumulative)),
    ("截至目前", Period(Period::Cumulative)),
    ("截止目前", Period(Period::Cumulative)),
    ("现行有效", Period(Period::Cumulative)),
    ("对外公开总数", Period(Period::Cumulative)),
    ("同比", Period(Period::Comparison)),
    ("环比", Period(Period::Comparison)),
    ("上年同期", Period(Period::Comparison)),
    ("去年同期", Period(Period::Comparison)),
    ("相比", Period(Period::Comparison)),
    ("相较", Period(Period::Comparison)),
    ("增加", Period(Period::Comparison)),
    ("减少", Period(Period::Comparison)),
    ("增长", Period(Period::Comparison)),
    ("下降", Period(Period::Comparison)),
    ("上升", Period(Period::Comparison)),
    ("降低", Period(Period::Comparison)),
    ("持平", Period(Period::Comparison)),
    ("增幅", Period(Period::Comparison)),
    ("降幅", Period(Period::Comparison)),
    ("翻番", Period(Period::Comparison)),
    ("多出", Period(Period::Comparison)),
    ("新增", Filler),
    // Plans.
    ("下一步", Future),
    ("今后", Future),
    ("力争", Future),
    ("争取", Future),
    ("预计", Future),
    ("打算", Future),
    ("拟", Future),
    ("计划", Future),
    ("拟定", Neutral),
    ("拟制", Neutral),
    ("拟稿", Neutral),
    ("草拟", Neutral),
    ("计划生育", Neutral),
    ("计划单列", Neutral),
    ("按计划", Neutral),
    ("按照计划", Neutral),
    ("年度计划", Neutral),
    ("工作计划", PlanHeading),
    ("工作打算", PlanHeading),
    ("工作安排", PlanHeading),
    ("工作思路", PlanHeading),
    ("整改", Rectify),
    ("截至", AsOf),
    ("截止", AsOf),
    ("截止到", AsOf),
    ("截至到", AsOf),
    // Parts of a quantity.
    ("其中", Sub),
    ("另有", Sub),
    ("自然人", Narrow),
    ("法人", Narrow),
    ("其他组织", Narrow),
    ("商业企业", Narrow),
    ("科研机构", Narrow),
    ("社会公益组织", Narrow),
    ("法律服务机构", Narrow),
    ("个人", Narrow),
    ("企业", Narrow),
    ("公民", Narrow),
    ("群众", Narrow),
    ("律师", Narrow),
    ("网上", Narrow),
    ("网络", Narrow),
    ("在线", Narrow),
    ("当面", Narrow),
    ("现场", Narrow),
    ("信函", Narrow),
    ("邮寄", Narrow),
    ("传真", Narrow),
    ("邮件", Narrow),
    ("电子邮件", Narrow),
    ("电话", Narrow),
    ("涉及", Narrow),
    ("关于", Narrow),
    ("其余", Narrow),
    ("剩余", Narrow),
    ("除", Narrow),
    ("本级", Narrow),
    ("各部门", Narrow),
    ("各单位", Narrow),
    ("各乡镇", Narrow),
    ("各街道", Narrow),
    ("乡镇", Narrow),
    ("下属", Narrow),
    ("所属", Narrow),
    ("直属", Narrow),
    ("废止", Narrow),
    ("修订", Narrow),
    ("修改", Narrow),
    ("清理", Narrow),
    ("备案", Narrow),
    ("审查", Narrow),
    ("解读", Narrow),
    ("按时", Manner),
    ("按期", Manner),
    ("逾期", Manner),
    ("超期", Manner),
    ("延期", Manner),
    ("当场", Manner),
    ("当日", Manner),
    // The formula for everyone who may apply, and words that add nothing.
    ("公民、法人或者其他组织", Filler),
    ("公民、法人或其他组织", Filler),
    ("公民、法人和其他组织", Filler),
    ("公民、法人及其他组织", Filler),
    ("自然人、法人或者其他组织", Filler),
    ("自然人、法人或其他组织", Filler),
    ("自然人、法人和其他组织", Filler),
    ("政府信息公开", Filler),
    ("政府信息", Filler),
    ("信息公开", Filler),
    ("政务公开", Filler),
    ("政务信息", Filler),
    ("公开", Filler),
    ("共", Filler),
    ("共计", Filler),
    ("合计", Filler),
    ("总计", Filler),
    ("总共", Filler),
    ("一共", Filler),
    ("总数", Filler),
    ("了", Filler),
    ("的", Filler),
    ("为", Filler),
    ("是", Filler),
    ("达", Filler),
    ("达到", Filler),
    ("有", Filler),
    ("件数", Filler),
    ("数量", Filler),
    ("数", Filler),
    ("案件", Filler),
    ("案", Filler),
    ("件", Filler),
    ("起", Filler),
    ("情况", Filler),
    ("情形", Filler),
    ("事项", Filler),
    ("相关", Filler),
    ("有关", Filler),
    ("其", Filler),
    ("因", Filler),
    ("被", Filler),
    ("引起", Filler),
    ("引发", Filler),
    ("提起", Filler),
    ("提出", Filler),
    ("提交", Filler),
    ("发生", Filler),
    ("出现", Filler),
    ("依法", Filler),
    ("及时", Filler),
    ("并", Filler),
    ("和", Filler),
    ("与", Filler),
    ("及", Filler),
    ("以及", Filler),
    ("或", Filler),
    ("或者", Filler),
    ("、", Filler),
    ("已", Filler),
    ("已经", Filler),
    ("获", Filler),
    ("予以", Filler),
    ("办理", Filler),
    ("继续办理", Filler),
    ("继续处理", Filler),
    ("处理", Filler),
    ("件次", Filler),
    ("结果", Filler),
    ("原", Filler),
    ("行政行为", Filler),
    ("向", Filler),
    ("对", Filler),
    ("任何", Filler),
    ("过", Filler),
    ("到", Filler),
    ("我", Filler),
    ("本", Filler),
];

static WORDS: Keywords<Word> = Keywords::new(LIST);

/// Bits of the chars of the Basic Multilingual Plane that start a keyword,
/// so that the many chars that start none are turned away at once.
static FIRST_CHARS: OnceLock<Vec<u64>> = OnceLock::new();

pub(crate) fn may_start_keyword(c: char) -> bool {
    let bits = FIRST_CHARS.get_or_init(|| {
        let mut bits = vec![0u64; 1024];
        for (word, _) in LIST {
            if let Some(first) = word.chars().next()
                && let Some(slot) = bits.get_mut(first as usize / 64)
            {
                *slot |= 1 << (first as usize % 64);
            }
        }
        bits
    });
    bits.get(c as usize / 64)
        .is_some_and(|slot| slot & (1 << (c as usize % 64)) != 0)
}

/// The longest keyword at the start of `input`, and its length in bytes.
pub(crate) fn keyword_at(input: &str) -> Option<(Word, usize)> {
    let first = input.chars().next()?;
    if !may_start_keyword(first) {
        return None;
    }
    WORDS
        .starting_with(first)
        .filter(|(word, _)| input.starts_with(word))
        .max_by_key(|(word, _)| word.len())
        .map(|(word, meaning)| (*meaning, word.len()))
}

/// Words after `将` that make it a future marker ("will"), not the object
/// marker of `将X纳入Y` ("puts X into Y").
pub(crate) const FUTURE_AFTER_JIANG: &[&str] = &[
    "进一步",
    "继续",
    "持续",
    "不断",
    "着力",
    "切实",
    "重点",
    "加强",
    "加大",
    "加快",
    "强化",
    "深化",
    "深入",
    "推进",
    "推动",
    "完善",
    "健全",
    "提升",
    "提高",
    "做好",
    "抓好",
    "严格",
    "全面",
    "积极",
    "认真",
    "坚持",
    "采取",
    "围绕",
    "按照",
    "结合",
    "以",
    "从",
    "在",
    "聚焦",
    "进行",
    "开展",
    "组织",
    "建立",
    "落实",
    "优化",
    "规范",
    "扎实",
    "紧紧",
    "始终",
    "努力",
    "力争",
    "更加",
    "大力",
    "着重",
    "注重",
    "重视",
    "依托",
    "充分",
    "及时",
    "定期",
    "逐步",
    "适时",
    "尽快",
    "会",
    "要",
    "对",
    "把",
    "通过",
    "针对",
    "立足",
    "紧扣",
    "紧密",
    "着眼",
    "探索",
    "研究",
    "拓展",
    "丰富",
    "发挥",
    "用好",
    "主动",
    "于",
    "陆续",
    "集中",
    "统筹",
    "不折不扣",
    "一如既往",
    "高度",
    "牢固",
    "始终坚持",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_is_found_whole_at_its_start() {
        for (word, meaning) in LIST {
            assert_eq!(keyword_at(word), Some((*meaning, word.len())), "{word}");
        }
    }

    #[test]
    fn no_keyword_is_listed_twice() {
        for (i, (word, _)) in LIST.iter().enumerate() {
            assert!(
                LIST.iter().skip(i + 1).all(|(other, _)| other != word),
                "{word}"
            );
        }
    }
}
