//! How much a heading's title resembles the statutory title of each section.
//!
//! A title is scored against reference wordings — the 2019/2021 templates'
//! headings and the wording of Art. 50 of the Regulation — by a weighted
//! alignment of characters: the words that carry a section's meaning (总体,
//! 主动, 申请, 复议 and 诉讼, 问题 and 改进, 其他 and 事项) weigh more than the
//! filler around them. Real headings drop a word (`收到和处理信息公开申请情况`),
//! gain a character (`行政法复议`), reorder words (`需要说明的其他事项`) or
//! lose their separator; none of that needs a list of known variants here.

use crate::ast::SectionKind;

/// The reference wordings of each section title (no ordinal): the templates'
/// (format-spec §2.3), the Regulation's Art. 50 item, and the part names the
/// spec records in preambles (§9.2).
const REFERENCES: &[(SectionKind, &str)] = &[
    (SectionKind::Overview, "总体情况"),
    (SectionKind::Overview, "概述"),
    (SectionKind::ProactiveDisclosure, "主动公开政府信息情况"),
    (SectionKind::ProactiveDisclosure, "主动公开政府信息的情况"),
    (SectionKind::Requests, "收到和处理政府信息公开申请情况"),
    (SectionKind::Requests, "收到和处理政府信息公开申请的情况"),
    (SectionKind::Requests, "依申请公开政府信息情况"),
    (
        SectionKind::ReviewsAndLitigation,
        "政府信息公开行政复议、行政诉讼情况",
    ),
    (
        SectionKind::ReviewsAndLitigation,
        "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
    ),
    (
        SectionKind::ProblemsAndImprovements,
        "存在的主要问题及改进情况",
    ),
    (
        SectionKind::ProblemsAndImprovements,
        "政府信息公开工作存在的主要问题及改进情况",
    ),
    (SectionKind::OtherMatters, "其他需要报告的事项"),
];

/// The words that carry each section's meaning; their characters weigh
/// [`CONCEPT_WEIGHT`] in the alignment, every other character 1.
fn concepts(kind: SectionKind) -> &'static [&'static str] {
    match kind {
        SectionKind::Overview => &["总体", "概述"],
        SectionKind::ProactiveDisclosure => &["主动"],
        SectionKind::Requests => &["申请"],
        SectionKind::ReviewsAndLitigation => &["复议", "诉讼"],
        SectionKind::ProblemsAndImprovements => &["问题", "改进"],
        SectionKind::OtherMatters => &["其他", "事项"],
    }
}

const CONCEPT_WEIGHT: u16 = 3;

/// Other spellings of the concept words, each as long as the spelling the
/// reference wordings use: a title is scored with them read as the latter.
const CONCEPT_SPELLINGS: &[([char; 2], [char; 2])] =
    &[(['整', '改'], ['改', '进']), (['其', '它'], ['其', '他'])];

/// `title` with the other spellings of concept words read as the references'.
fn canonical(title: &[char]) -> Vec<char> {
    let mut out = title.to_vec();
    for (other, usual) in CONCEPT_SPELLINGS {
        for at in 0..out.len().saturating_sub(1) {
            if out.get(at..at + 2) == Some(&other[..]) {
                if let Some(pair) = out.get_mut(at..at + 2) {
                    pair.copy_from_slice(usual);
                }
            }
        }
    }
    out
}

/// Longest reference wording, in scored chars.
const MAX_REFERENCE: usize = 32;

/// Longest title scored, in chars: a reference wording with room for a few
/// inserted characters; what follows is body text.
pub const MAX_TITLE: usize = 40;

/// Characters that are not scored: list punctuation inside a title.
pub fn is_unscored(c: char) -> bool {
    matches!(c, '、' | '·' | '-' | '—')
}

/// How closely a title matches one section.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TitleScore {
    /// Which section.
    pub kind: SectionKind,
    /// 0 (nothing in common) to 1 (a reference wording exactly).
    pub similarity: f32,
    /// How many of the title's chars the heading covers.
    pub len: usize,
    /// Whether those chars are exactly a reference wording.
    pub exact: bool,
}

/// A reference wording as scored chars with their weights.
struct Reference {
    chars: Vec<char>,
    weights: Vec<u16>,
    total: u16,
}

impl Reference {
    fn new(kind: SectionKind, wording: &str) -> Reference {
        let chars: Vec<char> = wording.chars().filter(|c| !is_unscored(*c)).collect();
        let mut weights = vec![1u16; chars.len()];
        for concept in concepts(kind) {
            let word: Vec<char> = concept.chars().collect();
            for at in 0..chars.len() {
                if chars.get(at..at + word.len()) == Some(&word[..]) {
                    for w in weights.iter_mut().skip(at).take(word.len()) {
                        *w = CONCEPT_WEIGHT;
                    }
                }
            }
        }
        let total = weights.iter().sum();
        Reference {
            chars,
            weights,
            total,
        }
    }

    /// Scores `title` (scored chars only): the best prefix of the title by
    /// weighted alignment, then the same prefix compared as a bag of
    /// characters (a reordered wording keeps its words); the better of the
    /// two. Bounded: at most [`MAX_REFERENCE`] × [`MAX_TITLE`] cells.
    fn score(&self, kind: SectionKind, printed: &[char]) -> Option<TitleScore> {
        let printed = printed.get(..printed.len().min(MAX_TITLE))?;
        let canonical = canonical(printed);
        let title = canonical.as_slice();
        let (n, m) = (self.chars.len().min(MAX_REFERENCE), title.len());
        if n == 0 || m == 0 {
            return None;
        }
        // A heading's title starts with its own words: one of its first
        // three chars belongs to the wording.
        if !title.iter().take(3).any(|c| self.chars.contains(c)) {
            return None;
        }
        // cells[i][j]: best (weight, pairs) aligning the first i reference
        // chars with the first j title chars.
        let mut cells = [[(0u16, 0u8); MAX_TITLE + 1]; MAX_REFERENCE + 1];
        for i in 1..=n {
            let (Some(&rc), Some(&w)) = (self.chars.get(i - 1), self.weights.get(i - 1)) else {
                continue;
            };
            for j in 1..=m {
                let up = cell(&cells, i - 1, j);
                let left = cell(&cells, i, j - 1);
                let mut best = up.max(left);
                if title.get(j - 1) == Some(&rc) {
                    let diag = cell(&cells, i - 1, j - 1);
                    best = best.max((diag.0 + w, diag.1 + 1));
                }
                if let Some(slot) = cells.get_mut(i).and_then(|row| row.get_mut(j)) {
                    *slot = best;
                }
            }
        }
        let ratio = |j: usize| {
            let (weight, pairs) = cell(&cells, n, j);
            let inserted = j.saturating_sub(usize::from(pairs));
            f32::from(weight) / (f32::from(self.total) + inserted as f32)
        };
        let (mut len, mut similarity) = (0, 0.0f32);
        for j in 1..=m {
            let r = ratio(j);
            if r > similarity {
                (len, similarity) = (j, r);
            }
        }
        if len == 0 {
            return None;
        }
        // The wording's last word replaced by another (改进措施 for 改进情况):
        // the heading runs over as many title chars as reference chars were
        // left unmatched at its end, up to two.
        let matched = cell(&cells, n, len);
        let unmatched_tail = (0..=n)
            .rev()
            .take_while(|&i| cell(&cells, i, len) == matched)
            .count()
            .saturating_sub(1);
        let tail = unmatched_tail.min(2).min(m - len).min(
            title
                .get(len..)
                .unwrap_or(&[])
                .iter()
                .take_while(|c| crate::grammar::is_cjk(**c))
                .count(),
        );
        let prefix = title.get(..len).unwrap_or(&[]);
        let similarity = similarity.max(self.bag_similarity(prefix));
        let exact = tail == 0 && printed.get(..len) == Some(self.chars.as_slice());
        Some(TitleScore {
            kind,
            similarity,
            len: len + tail,
            exact,
        })
    }

    /// The weighted share of the reference's chars found anywhere in
    /// `prefix`, against the reference and the prefix's other chars.
    fn bag_similarity(&self, prefix: &[char]) -> f32 {
        let mut used = [false; MAX_TITLE];
        let (mut weight, mut pairs) = (0u16, 0usize);
        for (c, w) in self.chars.iter().zip(&self.weights) {
            let free = prefix
                .iter()
                .enumerate()
                .find(|(j, p)| *p == c && !used.get(*j).copied().unwrap_or(true));
            if let Some((j, _)) = free {
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
                weight += w;
                pairs += 1;
            }
        }
        let inserted = prefix.len().saturating_sub(pairs);
        f32::from(weight) / (f32::from(self.total) + inserted as f32)
    }
}

fn cell(cells: &[[(u16, u8); MAX_TITLE + 1]; MAX_REFERENCE + 1], i: usize, j: usize) -> (u16, u8) {
    cells
        .get(i)
        .and_then(|row| row.get(j))
        .copied()
        .unwrap_or((0, 0))
}

fn references() -> &'static [(SectionKind, Reference)] {
    static REFERENCE_CHARS: std::sync::OnceLock<Vec<(SectionKind, Reference)>> =
        std::sync::OnceLock::new();
    REFERENCE_CHARS.get_or_init(|| {
        REFERENCES
            .iter()
            .map(|&(kind, wording)| (kind, Reference::new(kind, wording)))
            .collect()
    })
}

/// The best score of `title` (scored chars, see [`is_unscored`]) against the
/// reference wordings of `kind`; `None` when nothing of it is there.
pub fn score_title(kind: SectionKind, title: &[char]) -> Option<TitleScore> {
    references()
        .iter()
        .filter(|(k, _)| *k == kind)
        .filter_map(|(k, r)| r.score(*k, title))
        .max_by(|a, b| {
            a.similarity
                .total_cmp(&b.similarity)
                .then(a.exact.cmp(&b.exact))
        })
}

/// Whether `c` starts some reference wording of `kind`: a title written
/// without a separator after its ordinal must start with its own first word.
pub fn starts_a_wording(kind: SectionKind, c: char) -> bool {
    REFERENCES
        .iter()
        .any(|(k, w)| *k == kind && w.starts_with(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(kind: SectionKind, title: &str) -> f32 {
        let chars: Vec<char> = title.chars().filter(|c| !is_unscored(*c)).collect();
        score_title(kind, &chars).map_or(0.0, |s| s.similarity)
    }

    fn covered(kind: SectionKind, title: &str) -> String {
        let chars: Vec<char> = title.chars().filter(|c| !is_unscored(*c)).collect();
        score_title(kind, &chars)
            .map(|s| chars.iter().take(s.len).collect())
            .unwrap_or_default()
    }

    #[test]
    fn official_titles_are_exact() {
        for kind in SectionKind::ALL {
            let heading = kind.official_heading();
            let title: Vec<char> = heading
                .split_once('、')
                .map_or("", |(_, t)| t)
                .chars()
                .filter(|c| !is_unscored(*c))
                .collect();
            let s = score_title(kind, &title);
            assert!(
                s.is_some_and(|s| s.exact && s.similarity >= 1.0),
                "{heading}"
            );
        }
    }

    #[test]
    fn a_dropped_word_or_an_inserted_char_still_resembles_its_section() {
        use SectionKind::*;
        assert!(score(Requests, "收到和处理信息公开申请情况") > 0.85);
        assert!(score(ProactiveDisclosure, "主动公开信息情况") > 0.8);
        assert!(score(ReviewsAndLitigation, "政府信息公开行政法复议、行政诉讼情况") > 0.9);
        assert!(score(OtherMatters, "其他需报告的事项") > 0.9);
        assert!(score(ProblemsAndImprovements, "存在问题及改进情况") > 0.8);
        // Another spelling of a concept word counts as the word.
        assert!(score(ProblemsAndImprovements, "存在的主要问题及整改措施") > 0.85);
        assert!(score(OtherMatters, "其它需要报告的事项") > 0.9);
    }

    #[test]
    fn reordered_wordings_keep_their_words() {
        assert!(score(SectionKind::OtherMatters, "需要说明的其他事项") > 0.7);
        assert!(
            score(
                SectionKind::ReviewsAndLitigation,
                "因政府信息公开申请提起行政复议、行政诉讼情况"
            ) > 0.8
        );
    }

    #[test]
    fn the_title_ends_where_the_wording_ends() {
        assert_eq!(
            covered(SectionKind::Overview, "总体情况2020年,我局"),
            "总体情况"
        );
        assert_eq!(
            covered(
                SectionKind::ReviewsAndLitigation,
                "政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持"
            ),
            "政府信息公开行政复议行政诉讼情况"
        );
        // A replaced last word belongs to the title.
        assert_eq!(
            covered(
                SectionKind::ProblemsAndImprovements,
                "存在的主要问题及改进措施"
            ),
            "存在的主要问题及改进措施"
        );
    }

    #[test]
    fn table_rows_and_sentences_score_low() {
        use SectionKind::*;
        assert!(score(Requests, "本年度办理结果") < 0.3);
        assert!(score(Requests, "补正后申请内容仍不明确") < 0.4);
        assert!(score(Requests, "2020年,我局收到政府信息公开申请") < 0.1);
        assert!(score(ProblemsAndImprovements, "存在的问题") < 0.55);
        assert!(score(Overview, "强化组织领导") < 0.1);
    }

    #[test]
    fn starting_words() {
        assert!(starts_a_wording(SectionKind::Overview, '总'));
        assert!(!starts_a_wording(SectionKind::ProactiveDisclosure, '是'));
    }
}
