//! Table labels: normalization (spaces, quotes, punctuation, annotations) and
//! the keywords that tell each row of tables 2 and 3.

use crate::ast::{ProactiveItem, RequestsRowKey};
pub use crate::grammar::ordinal::{Ordinal, last_label_ordinal};
use std::sync::OnceLock;

/// Normalizes a label for matching: drops white space and quotes, unifies the
/// sub-item separators `、．` to `.`, and removes parenthesized annotations
/// longer than an ordinal (`（区分处理的，只计这一情形…）`, `（单位：万元）`).
pub fn normalize_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut group = String::new();
    for c in text.chars() {
        let c = match c {
            '（' => '(',
            '）' => ')',
            '、' | '．' => '.',
            _ => c,
        };
        if c.is_whitespace() || matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’' | '「' | '」')
        {
            continue;
        }
        if c == '(' {
            depth += 1;
            if depth == 1 {
                group.clear();
            }
            group.push(c);
            continue;
        }
        if depth > 0 {
            group.push(c);
            if c == ')' {
                depth -= 1;
                if depth == 0 {
                    // Keep short groups: ordinals like (一) or (12).
                    if group.chars().count() <= 4 {
                        out.push_str(&group);
                    }
                    group.clear();
                }
            }
            continue;
        }
        out.push(c);
    }
    if depth > 0 {
        // An unclosed parenthesis: keep what followed it.
        out.push_str(&group);
    }
    out
}

/// A label's meaning in table 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestsLabel {
    /// A data row.
    Row(RequestsRowKey),
    /// A group caption whose first child shares its line: 三、本年度办理结果,
    /// （三）不予公开, （四）无法提供, （五）不予处理, and （六）其他处理 in V2021.
    Group(RequestsRowKey),
}

/// Keywords of table 3 rows; the latest keyword in a label decides.
static REQUEST_KEYWORDS: Keywords<RequestsLabel> = Keywords::new({
    use RequestsLabel::{Group, Row};
    use RequestsRowKey::*;
    &[
        ("本年新收", Row(NewReceived)),
        ("新收", Row(NewReceived)),
        ("上年结转", Row(CarriedOver)),
        ("本年度办理结果", Group(Granted)),
        ("办理结果", Group(Granted)),
        ("予以公开", Row(Granted)),
        ("部分公开", Row(Partial)),
        ("不予公开", Group(DeniedStateSecret)),
        ("国家秘密", Row(DeniedStateSecret)),
        ("禁止公开", Row(DeniedLawProhibited)),
        ("三安全一稳定", Row(DeniedThreeSecurity)),
        ("第三方", Row(DeniedThirdParty)),
        ("内部事务", Row(DeniedInternalAffairs)),
        ("过程性", Row(DeniedProcessInfo)),
        ("执法案卷", Row(DeniedEnforcementFile)),
        ("行政查询", Row(DeniedAdminQuery)),
        ("无法提供", Group(UnableNotHeld)),
        ("不掌握", Row(UnableNotHeld)),
        ("另行制作", Row(UnableNeedsCreation)),
        ("不明确", Row(UnableUnclear)),
        ("不予处理", Group(NotProcessedPetition)),
        ("信访", Row(NotProcessedPetition)),
        ("重复申请", Row(NotProcessedDuplicate)),
        ("出版物", Row(NotProcessedPublication)),
        ("大量反复", Row(NotProcessedMassive)),
        ("重新出具", Row(NotProcessedConfirm)),
        ("其他处理", Row(Other)),
        ("不补正", Row(OtherNoCorrection)),
        ("缴纳费用", Row(OtherFeeUnpaid)),
        ("收费通知", Row(OtherFeeUnpaid)),
        ("3.其他", Row(OtherOther)),
        ("总计", Row(TotalProcessed)),
        ("结转下", Row(CarriedForward)),
        ("继续办理", Row(CarriedForward)),
    ]
});

/// A keyword table with an index of its keywords by first char, built on
/// first use, so that a label is matched by looking only at the keywords
/// that start with each of its chars.
struct Keywords<T: 'static> {
    words: &'static [(&'static str, T)],
    by_first: OnceLock<Vec<(char, usize)>>,
}

impl<T: Copy> Keywords<T> {
    const fn new(words: &'static [(&'static str, T)]) -> Self {
        Keywords {
            words,
            by_first: OnceLock::new(),
        }
    }

    /// The keywords whose first char is `c`.
    fn starting_with(&self, c: char) -> impl Iterator<Item = &(&'static str, T)> {
        let index = self.by_first.get_or_init(|| {
            let mut index: Vec<(char, usize)> = self
                .words
                .iter()
                .enumerate()
                .filter_map(|(i, (word, _))| word.chars().next().map(|first| (first, i)))
                .collect();
            index.sort_unstable();
            index
        });
        let from = index.partition_point(|(first, _)| *first < c);
        index
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |(first, _)| *first == c)
            .filter_map(|(_, i)| self.words.get(*i))
    }
}

/// Finds the keyword that ends latest in `normalized`; ties go to the longer
/// keyword. Returns the keyword's value and its end offset.
///
/// One forward pass; at each char only the keywords starting with that char
/// are compared. Linear in the label for a fixed keyword set.
fn latest_keyword<T: Copy>(normalized: &str, keywords: &Keywords<T>) -> Option<(T, usize)> {
    let mut best: Option<(T, usize, usize)> = None;
    for (at, c) in normalized.char_indices() {
        let Some(tail) = normalized.get(at..) else {
            continue;
        };
        for (word, meaning) in keywords.starting_with(c) {
            if !tail.starts_with(word) {
                continue;
            }
            let end = at + word.len();
            let better = match best {
                None => true,
                Some((_, best_end, best_len)) => {
                    end > best_end || (end == best_end && word.len() > best_len)
                }
            };
            if better {
                best = Some((*meaning, end, word.len()));
            }
        }
    }
    best.map(|(m, end, _)| (m, end))
}

/// Every keyword meaning found anywhere in `normalized`, in order of their
/// ends (with repeats). Linear, like [`latest_keyword`].
fn all_keywords<T: Copy>(normalized: &str, keywords: &Keywords<T>) -> Vec<T> {
    let mut out = Vec::new();
    for (at, c) in normalized.char_indices() {
        let Some(tail) = normalized.get(at..) else {
            continue;
        };
        out.extend(
            keywords
                .starting_with(c)
                .filter(|(word, _)| tail.starts_with(word))
                .map(|(_, meaning)| *meaning),
        );
    }
    out
}

/// Every table 3 row or group a (normalized) text mentions, anywhere in it.
pub fn requests_mentions(normalized: &str) -> Vec<RequestsLabel> {
    all_keywords(normalized, &REQUEST_KEYWORDS)
}

/// Every table 2 item a (normalized) text mentions, anywhere in it.
pub fn proactive_mentions(normalized: &str) -> Vec<ProactiveItem> {
    all_keywords(normalized, &PROACTIVE_KEYWORDS)
}

/// What a (normalized) label of table 3 names, by its latest keyword.
pub fn requests_label(normalized: &str) -> Option<RequestsLabel> {
    latest_keyword(normalized, &REQUEST_KEYWORDS).map(|(m, _)| m)
}

/// Keywords of table 2 item rows.
static PROACTIVE_KEYWORDS: Keywords<ProactiveItem> = Keywords::new({
    use ProactiveItem::*;
    &[
        ("规章", Regulations),
        ("规范性文件", NormativeDocuments),
        ("行政许可", Licensing),
        ("对外管理服务", OtherServices),
        ("行政处罚", Penalty),
        ("行政强制", Coercion),
        ("事业性收费", AdminFees),
        ("集中采购", Procurement),
    ]
});

/// Which item row of table 2 a (normalized) label names.
pub fn proactive_item(normalized: &str) -> Option<ProactiveItem> {
    latest_keyword(normalized, &PROACTIVE_KEYWORDS).map(|(m, _)| m)
}

/// Header words that mark a table 2 of the 2021 template.
pub const T2_V2021_MARKERS: &[&str] = &[
    "制发件数",
    "废止件数",
    "现行有效",
    "收费金额",
    "本年处理决定",
];
/// Header words that mark a table 2 of the 2019 template.
pub const T2_V2019_MARKERS: &[&str] = &[
    "新制作",
    "新公开数量",
    "公开总数",
    "项目数量",
    "增/减",
    "集中采购",
    "对外管理服务",
    "第二十条第(九)项",
];
/// Labels that mark a table 3 of the 2021 template (（六） split in three).
pub const T3_V2021_MARKERS: &[&str] = &["不补正", "缴纳费用", "收费通知"];

/// Counts how many of `markers` occur in `normalized`.
pub fn count_markers(normalized: &str, markers: &[&str]) -> usize {
    markers.iter().filter(|m| normalized.contains(*m)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use RequestsLabel::{Group, Row};
    use RequestsRowKey::*;

    #[test]
    fn label_doc_examples() {
        use crate::grammar::label::normalize_label;
        assert_eq!(
            normalize_label("（二）部分公开（区分处理的，只计这一情形）"),
            "(二)部分公开"
        );
        assert_eq!(
            normalize_label("3、危及“三安全一稳定”"),
            "3.危及三安全一稳定"
        );
        assert_eq!(normalize_label("自\n然 人"), "自然人");
        use crate::RequestsRowKey;
        use crate::grammar::label::{RequestsLabel, requests_label};
        let label = normalize_label("（三）不予公开 1.属于国家秘密");
        assert_eq!(
            requests_label(&label),
            Some(RequestsLabel::Row(RequestsRowKey::DeniedStateSecret))
        );
    }

    fn t3(label: &str) -> Option<RequestsLabel> {
        requests_label(&normalize_label(label))
    }

    #[test]
    fn requests_rows_by_latest_keyword() {
        assert_eq!(
            t3("一、本年新收政府信息公开申请数量"),
            Some(Row(NewReceived))
        );
        assert_eq!(t3("三、本年度办理结果（一）予以公开"), Some(Row(Granted)));
        assert_eq!(
            t3("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            Some(Row(Partial))
        );
        assert_eq!(t3("（三）不予公开"), Some(Group(DeniedStateSecret)));
        assert_eq!(
            t3("2.其他法律行政法规禁止公开"),
            Some(Row(DeniedLawProhibited))
        );
        assert_eq!(t3("3.危及\"三安全一稳定\""), Some(Row(DeniedThreeSecurity)));
        assert_eq!(
            t3("4、无正当理由大量反复申请"),
            Some(Row(NotProcessedMassive))
        );
        assert_eq!(
            t3("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            Some(Row(OtherNoCorrection))
        );
        assert_eq!(
            t3("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            Some(Row(OtherFeeUnpaid))
        );
        assert_eq!(t3("3.其他"), Some(Row(OtherOther)));
        assert_eq!(t3("（七）总计"), Some(Row(TotalProcessed)));
        assert_eq!(t3("四、结转下年度继续办理"), Some(Row(CarriedForward)));
        assert_eq!(t3("四、结转下一年度继续办理"), Some(Row(CarriedForward)));
        assert_eq!(t3("申请人情况"), None);
    }

    #[test]
    fn header_run_before_first_row_picks_the_row() {
        let run = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量";
        assert_eq!(t3(run), Some(Row(NewReceived)));
    }

    #[test]
    fn proactive_items() {
        let item = |s: &str| proactive_item(&normalize_label(s));
        assert_eq!(item("规章"), Some(ProactiveItem::Regulations));
        assert_eq!(
            item("行政规范性文件"),
            Some(ProactiveItem::NormativeDocuments)
        );
        assert_eq!(
            item("其他对外管理服务事项（行政确认、行政奖励、行政处罚、行政强制）"),
            Some(ProactiveItem::OtherServices)
        );
        assert_eq!(
            item("第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可"),
            Some(ProactiveItem::Licensing)
        );
        assert_eq!(item("信息内容"), None);
    }
}
