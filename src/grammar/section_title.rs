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
fn concepts(kind: SectionKind) -> &'static [[char; 2]] {
    match kind {
        SectionKind::Overview => &[['总', '体'], ['概', '述']],
        SectionKind::ProactiveDisclosure => &[['主', '动']],
        SectionKind::Requests => &[['申', '请']],
        SectionKind::ReviewsAndLitigation => &[['复', '议'], ['诉', '讼']],
        SectionKind::ProblemsAndImprovements => &[['问', '题'], ['改', '进']],
        SectionKind::OtherMatters => &[['其', '他'], ['事', '项']],
    }
}

const CONCEPT_WEIGHT: u16 = 3;

/// Other spellings of the concept words, each as long as the spelling the
/// reference wordings use: a title is scored with them read as the latter.
const CONCEPT_SPELLINGS: &[([char; 2], [char; 2])] = &[
    (['整', '改'], ['改', '进']),
    (['其', '它'], ['其', '他']),
    (['基', '本'], ['总', '体']),
];

/// The subject of the whole report, which any section title may repeat in
/// front of its own words (`政府信息公开工作总体情况`, `政务公开总体情况`),
/// longest first: a title is also scored without it.
const SUBJECTS: &[&str] = &[
    "政府信息公开工作",
    "政务信息公开工作",
    "政府信息公开",
    "政务信息公开",
    "政务公开工作",
    "政务公开",
    "信息公开工作",
    "信息公开",
];

/// How many chars of `title` a leading subject phrase takes (0 if none).
fn subject_len(title: &[char]) -> usize {
    SUBJECTS
        .iter()
        .find(|s| {
            let mut at = 0;
            s.chars().all(|c| {
                let same = title.get(at) == Some(&c);
                at += 1;
                same
            })
        })
        .map_or(0, |s| s.chars().count())
}

/// `title` with the other spellings of concept words read as the references'.
fn canonical(title: &[char]) -> Vec<char> {
    let mut out = title.to_vec();
    for (other, usual) in CONCEPT_SPELLINGS {
        for at in 0..out.len().saturating_sub(1) {
            if out.get(at..at + 2) == Some(&other[..])
                && let Some(pair) = out.get_mut(at..at + 2)
            {
                pair.copy_from_slice(usual);
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
        for word in concepts(kind) {
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
    /// `printed` and `canonical` are the same title (see [`Title`]).
    fn score(&self, kind: SectionKind, printed: &[char], canonical: &[char]) -> Option<TitleScore> {
        let n = self.chars.len().min(MAX_REFERENCE);
        // A title longer than twice its wording (and a few chars) is not
        // that wording; what follows is body text.
        let m = canonical.len().min(MAX_TITLE).min(2 * n + 6);
        let title = canonical.get(..m)?;
        if n == 0 || m == 0 {
            return None;
        }
        // A heading's title starts with its own words: one of its first
        // three chars belongs to the wording.
        if !title.iter().take(3).any(|c| self.chars.contains(c)) {
            return None;
        }
        // table[i * stride + j]: best (weight, pairs) aligning the first i
        // reference chars with the first j title chars; row 0 and column 0
        // stay empty.
        let stride = m + 1;
        let mut table = vec![(0u16, 0u8); (n + 1) * stride];
        for (i, (&rc, &w)) in self.chars.iter().zip(&self.weights).take(n).enumerate() {
            let (done, rest) = table.split_at_mut((i + 1) * stride);
            let above = done.get(i * stride..).unwrap_or(&[]);
            let Some(row) = rest.get_mut(..stride) else {
                break;
            };
            let mut left = (0u16, 0u8);
            for ((&tc, pair), slot) in title
                .iter()
                .zip(above.windows(2))
                .zip(row.iter_mut().skip(1))
            {
                let &[diag, up] = pair else { break };
                let mut best = up.max(left);
                if tc == rc {
                    best = best.max((diag.0 + w, diag.1 + 1));
                }
                *slot = best;
                left = best;
            }
        }
        let cell = |i: usize, j: usize| table.get(i * stride + j).copied().unwrap_or((0, 0));
        let ratio = |j: usize| {
            let (weight, pairs) = cell(n, j);
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
        let matched = cell(n, len);
        let unmatched_tail = (0..=n)
            .rev()
            .take_while(|&i| cell(i, len) == matched)
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

/// The chars of a possible title (scored chars only, see [`is_unscored`]),
/// as printed and with other spellings of concept words read as the
/// references' (`整改` as `改进`).
pub struct Title {
    printed: Vec<char>,
    canonical: Vec<char>,
    /// Chars of a leading subject phrase (see [`SUBJECTS`]).
    subject: usize,
}

impl Title {
    /// A title from its scored chars.
    pub fn new(printed: Vec<char>) -> Title {
        let canonical = canonical(&printed);
        let subject = subject_len(&printed);
        Title {
            printed,
            canonical,
            subject,
        }
    }

    /// The first char as printed.
    pub fn first(&self) -> Option<char> {
        self.printed.first().copied()
    }

    /// Whether one of the words that carry the meaning of `kind` is there: a
    /// title without any of them is not scored against that section.
    fn mentions(&self, kind: SectionKind) -> bool {
        let words = concepts(kind);
        self.canonical
            .windows(2)
            .any(|pair| words.iter().any(|word| pair == word))
    }

    /// The best score of the title against the reference wordings of
    /// `kind`; `None` when none of the section's meaning words is there.
    /// A title that starts with the report's subject (`政府信息公开工作…`)
    /// is scored with and without it; without it, the subject's chars
    /// belong to the heading but the wording is not the official one.
    pub fn score(&self, kind: SectionKind) -> Option<TitleScore> {
        if !self.mentions(kind) {
            return None;
        }
        let whole = self.score_from(kind, 0);
        if self.subject == 0 {
            return whole;
        }
        let after_subject = self.score_from(kind, self.subject).map(|s| TitleScore {
            len: s.len + self.subject,
            exact: false,
            ..s
        });
        match (whole, after_subject) {
            (Some(w), Some(a)) if a.similarity > w.similarity => Some(a),
            (None, a) => a,
            (w, _) => w,
        }
    }

    /// [`Title::score`] of the title's chars from `skip` on.
    fn score_from(&self, kind: SectionKind, skip: usize) -> Option<TitleScore> {
        let printed = self.printed.get(skip..)?;
        let canonical = self.canonical.get(skip..)?;
        let wordings = || references().iter().filter(move |(k, _)| *k == kind);
        // A wording as printed needs no alignment.
        if let Some((_, r)) = wordings().find(|(_, r)| printed.starts_with(&r.chars)) {
            return Some(TitleScore {
                kind,
                similarity: 1.0,
                len: r.chars.len(),
                exact: true,
            });
        }
        wordings()
            .filter_map(|(k, r)| r.score(*k, printed, canonical))
            .max_by(|a, b| {
                a.similarity
                    .total_cmp(&b.similarity)
                    .then(a.exact.cmp(&b.exact))
            })
    }
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

    fn title(text: &str) -> Title {
        Title::new(text.chars().filter(|c| !is_unscored(*c)).collect())
    }

    fn score(kind: SectionKind, text: &str) -> f32 {
        title(text).score(kind).map_or(0.0, |s| s.similarity)
    }

    fn covered(kind: SectionKind, text: &str) -> String {
        title(text)
            .score(kind)
            .map(|s| {
                text.chars()
                    .filter(|c| !is_unscored(*c))
                    .take(s.len)
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn official_titles_are_exact() {
        for kind in SectionKind::ALL {
            let heading = kind.official_heading();
            let s = title(heading.split_once('、').map_or("", |(_, t)| t)).score(kind);
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
        assert!(score(Overview, "基本情况") > 0.9);
    }

    #[test]
    fn a_title_may_repeat_the_reports_subject() {
        use SectionKind::*;
        for text in [
            "政府信息公开工作总体情况",
            "政府信息公开总体情况",
            "政务公开工作总体情况",
        ] {
            let s = title(text).score(Overview);
            assert!(s.is_some_and(|s| s.similarity > 0.9 && !s.exact), "{text}");
            assert_eq!(covered(Overview, text), text);
        }
        assert!(score(ProactiveDisclosure, "政务公开主动公开政府信息情况") > 0.9);
        // A wording that itself starts with the subject stays exact.
        let own = title("政府信息公开行政复议、行政诉讼情况").score(ReviewsAndLitigation);
        assert!(own.is_some_and(|s| s.exact));
        // The subject alone names no section.
        assert!(score(Overview, "政府信息公开工作") < 0.1);
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
