//! Finding the six statutory section headings: an ordinal (Chinese or
//! Arabic, with or without its separator) followed by a title that resembles
//! a section's statutory wording, at a line start or inside one long
//! flattened line; then one heading per section, in statutory order.

use crate::ast::{HeadingMatch, SectionKind};
use crate::grammar::is_cjk;
use crate::grammar::ordinal::{OrdinalStyle, chinese_digit, chinese_number, heading_ordinal};
use crate::grammar::section_title::{MAX_TITLE, Title, TitleScore, is_unscored, starts_a_wording};
use crate::tables::table_markers;

/// A title at least this close to a wording of the section its ordinal
/// names makes a heading.
const RESEMBLES: f32 = 0.55;

/// A title at least this close makes a heading without a separator after its
/// ordinal, or under another section's number (at a line start).
const CLOSE: f32 = 0.85;

/// The longest bracketed annotation after a title (`(有关情况附表)`), in chars.
const MAX_ANNOTATION: usize = 16;

/// The longest rest of a heading line taken into the heading (`与附表`), in chars.
const MAX_LINE_REST: usize = 8;

/// A heading found in the normalized text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoundHeading {
    /// Which section.
    pub kind: SectionKind,
    /// The number as printed.
    pub number: u32,
    /// Offset of the ordinal.
    pub start: usize,
    /// Offset past the title words (and an annotation that follows them).
    pub end: usize,
    /// Found inside a line of running text.
    pub inline: bool,
    /// Official wording or a resemblance ([`HeadingMatch::Absent`] never).
    pub matched: HeadingMatch,
    /// How close the title is to the section's wording, 0 to 1.
    pub similarity: f32,
}

/// A heading candidate that was not chosen because it came out of order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SkippedHeading {
    /// The candidate.
    pub heading: FoundHeading,
}

/// An ordinal read at some offset.
struct Ordinal {
    number: u32,
    /// Followed by `、`, `.` or `,`.
    separated: bool,
    arabic: bool,
    /// Where the title starts (after the separator and spaces).
    title_at: usize,
}

/// Reads an ordinal at `at`: with its separator (`三、`, `3.`) by the
/// ordinal grammar, else a bare number (`一总体情况`).
fn ordinal_at(text: &str, at: usize) -> Option<Ordinal> {
    let tail = text.get(at..)?;
    if let Ok((title, (number, style))) = heading_ordinal(tail) {
        return Some(Ordinal {
            number,
            separated: true,
            arabic: style == OrdinalStyle::Arabic,
            title_at: text.len() - title.len(),
        });
    }
    let (rest, number, arabic) = if tail.starts_with(|c: char| c.is_ascii_digit()) {
        let digits = tail.bytes().take(3).take_while(u8::is_ascii_digit).count();
        if digits > 2 {
            return None;
        }
        (tail.get(digits..)?, tail.get(..digits)?.parse().ok()?, true)
    } else {
        let (rest, number) = chinese_number(tail).ok()?;
        (rest, number, false)
    };
    let title = rest.trim_start_matches([' ', '\t']);
    Some(Ordinal {
        number,
        separated: false,
        arabic,
        title_at: text.len() - title.len(),
    })
}

/// The chars a title may be made of from `from` to the end of its line,
/// with the offset past each: white space and list punctuation are skipped
/// (justified PDF text spaces titles out), anything else that is not a
/// letter or digit ends it. At most [`MAX_TITLE`] chars.
fn title_window(text: &str, from: usize) -> (Title, Vec<usize>) {
    let mut chars = Vec::with_capacity(MAX_TITLE);
    let mut ends = Vec::with_capacity(MAX_TITLE);
    let tail = text.get(from..).unwrap_or("");
    for (i, c) in tail.char_indices() {
        if c == '\n' || chars.len() == MAX_TITLE || i > MAX_TITLE * 8 {
            break;
        }
        if c.is_whitespace() || is_unscored(c) {
            continue;
        }
        if !(is_cjk(c) || c.is_ascii_alphanumeric()) {
            break;
        }
        chars.push(c);
        ends.push(from + i + c.len_utf8());
    }
    (Title::new(chars), ends)
}

/// Chooses the section a title under `ordinal` belongs to: the section its
/// number names when the title resembles it; else, at a line start, the
/// section whose wording the title is very close to (its number is then
/// reported as a mismatch).
fn title_kind(ordinal: &Ordinal, title: &Title, line_start: bool) -> Option<TitleScore> {
    let numbered = u8::try_from(ordinal.number)
        .ok()
        .and_then(SectionKind::from_number);
    if !ordinal.separated {
        // Without a separator, only the section's own wording, nearly as printed.
        let kind = numbered?;
        if !starts_a_wording(kind, title.first()?) {
            return None;
        }
        return title.score(kind).filter(|s| s.similarity >= CLOSE);
    }
    let own = numbered
        .and_then(|kind| title.score(kind))
        .filter(|s| s.similarity >= RESEMBLES);
    if own.is_some_and(|o| o.exact) {
        return own;
    }
    let other = if line_start {
        SectionKind::ALL
            .iter()
            .filter(|k| Some(**k) != numbered)
            .filter_map(|k| title.score(*k))
            .filter(|s| s.similarity >= CLOSE)
            .max_by(|a, b| a.similarity.total_cmp(&b.similarity))
    } else {
        None
    };
    match (own, other) {
        (Some(o), Some(x)) if x.similarity >= o.similarity + 0.25 => Some(x),
        (Some(o), _) => Some(o),
        (None, x) => x,
    }
}

/// Offset past a bracketed annotation (`(有关情况附表)`) starting at `at`
/// after optional spaces, if there is one.
fn annotation_end(text: &str, at: usize) -> Option<usize> {
    let tail = text.get(at..)?;
    let open = tail.trim_start_matches([' ', '\t']);
    let inner = open.strip_prefix('(')?;
    for (i, c) in inner.char_indices().take(MAX_ANNOTATION + 1) {
        match c {
            // `(一)` after a heading is the ordinal of its first sub-topic.
            ')' if inner.get(..i).is_some_and(|words| {
                words.chars().filter(|c| !may_start_ordinal(*c)).count() >= 2
            }) =>
            {
                return Some(text.len() - inner.len() + i + 1);
            }
            ')' => return None,
            '\n' | '。' | ':' | ',' | ';' | '(' => return None,
            _ => {}
        }
    }
    None
}

/// Offset past the rest of the line at `at` when it is a short tail of the
/// heading's own words (`与附表`): two to [`MAX_LINE_REST`] ideographs right
/// after the title, followed by nothing but closing markup (`**`, `】`).
fn line_rest_end(text: &str, at: usize) -> Option<usize> {
    let tail = text.get(at..)?;
    let mut words = 0;
    let mut count = 0;
    for (i, c) in tail.char_indices() {
        if !is_cjk(c) {
            words = i;
            break;
        }
        count += 1;
        words = i + c.len_utf8();
        if count > MAX_LINE_REST {
            return None;
        }
    }
    // Then only closing markup and white space up to the line end, within a
    // few chars (markup closes right away).
    if !(2..=MAX_LINE_REST).contains(&count) {
        return None;
    }
    for (scanned, c) in tail.get(words..)?.chars().enumerate() {
        if c == '\n' {
            break;
        }
        let closing = c.is_whitespace() || is_markup(c) || matches!(c, '】' | ']');
        if !closing || scanned >= 4 * MAX_LINE_REST {
            return None;
        }
    }
    Some(at + words)
}

/// Tries to read a heading at `at` (the offset of a possible ordinal).
/// `line_start`: only white space before it on its line; `own_line`: only
/// white space and markup (`**`, `##`, `【`).
fn heading_at(text: &str, at: usize, line_start: bool, own_line: bool) -> Option<FoundHeading> {
    let ordinal = ordinal_at(text, at)?;
    // An Arabic number glued to text is a number in running text.
    if ordinal.arabic && !ordinal.separated && !line_start {
        return None;
    }
    if !ordinal.separated {
        // Cheap test first: the title must start with its section's first word.
        let kind = u8::try_from(ordinal.number)
            .ok()
            .and_then(SectionKind::from_number)?;
        let first = text.get(ordinal.title_at..)?.chars().next()?;
        if !starts_a_wording(kind, first) {
            return None;
        }
    }
    let (title, ends) = title_window(text, ordinal.title_at);
    let score = title_kind(&ordinal, &title, line_start)?;
    // Inside running text, a heading carries its own number.
    if !line_start && ordinal.number != u32::from(score.kind.number()) {
        return None;
    }
    let mut end = *ends.get(score.len.checked_sub(1)?)?;
    if let Some(after) = annotation_end(text, end) {
        end = after;
    }
    if own_line && let Some(after) = line_rest_end(text, end) {
        end = after;
    }
    let official = score.exact && ordinal.separated;
    Some(FoundHeading {
        kind: score.kind,
        number: ordinal.number,
        start: at,
        end,
        inline: !line_start,
        matched: if official {
            HeadingMatch::Official
        } else {
            HeadingMatch::Variant
        },
        similarity: score.similarity,
    })
}

/// Whether `c` is markup that may open a heading line (`**`, `##`, `【`, `>`).
fn is_markup(c: char) -> bool {
    matches!(c, '*' | '_' | '#' | '【' | '[' | '>' | '|')
}

/// Whether `c` may start a heading ordinal.
fn may_start_ordinal(c: char) -> bool {
    matches!(
        c,
        '1'..='9' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Whether an ordinal may start right after `previous`: not inside a
/// bracketed ordinal (`(二)`), a `第…` count, a longer Chinese number or
/// (for Arabic digits) a longer number or code.
fn may_follow(previous: Option<char>, c: char) -> bool {
    let Some(p) = previous else { return true };
    if matches!(p, '(' | '（' | '〔' | '第') || may_start_ordinal(p) && !p.is_ascii_digit() {
        return false;
    }
    !(c.is_ascii_digit() && (p.is_ascii_alphanumeric() || matches!(p, '.' | '/' | '-' | ':')))
}

/// What may follow a heading ordinal's number (as the ordinal grammar reads it).
fn is_separator(c: char) -> bool {
    matches!(c, '、' | '.' | ',' | '，')
}

/// Whether the char after a possible ordinal `c` may continue a heading:
/// a separator, more of the number, a space, or the first char of a wording
/// of the section the number names. Turns away most numerals of running
/// text (`一是`, `进一步`) before any grammar runs.
fn may_continue(c: char, next: char) -> bool {
    if is_separator(next) || next == ' ' || next == '\t' || may_start_ordinal(next) {
        return true;
    }
    let number = chinese_digit(c).or_else(|| c.to_digit(10));
    number
        .and_then(|n| u8::try_from(n).ok())
        .and_then(SectionKind::from_number)
        .is_some_and(|kind| starts_a_wording(kind, next))
}

/// Whether byte `b` may start an ordinal: an ASCII digit, or the lead byte
/// (`E4`, `E5`) of the Chinese numerals. One table lookup per byte.
fn may_start_ordinal_byte(b: u8) -> bool {
    // Evaluated at compile time: an index out of bounds would fail the
    // build, never panic at run time.
    #[allow(clippy::indexing_slicing)]
    const STARTS: [bool; 256] = {
        let mut table = [false; 256];
        let mut b: u8 = 0;
        loop {
            table[b as usize] = matches!(b, b'1'..=b'9' | 0xE4 | 0xE5);
            if b == u8::MAX {
                break;
            }
            b += 1;
        }
        table
    };
    STARTS.get(usize::from(b)).copied().unwrap_or(false)
}

/// Whether the bytes at `i` are one of 一七三九二五六八十四 or an ASCII digit 1–9.
fn is_ordinal_at(bytes: &[u8], i: usize) -> bool {
    matches!(
        (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)),
        (Some(b'1'..=b'9'), _, _)
            | (Some(0xE4), Some(0xB8), Some(0x80 | 0x83 | 0x89))
            | (Some(0xE4), Some(0xB9), Some(0x9D))
            | (Some(0xE4), Some(0xBA), Some(0x8C | 0x94))
            | (Some(0xE5), Some(0x85), Some(0xAB | 0xAD))
            | (Some(0xE5), Some(0x8D), Some(0x81))
            | (Some(0xE5), Some(0x9B), Some(0x9B))
    )
}

/// What stands before offset `at` on its line: `(line_start, own_line)` —
/// only white space, or only white space and markup (`**`, `##`, `【`).
/// Looks back only over such chars, so all calls of one scan stay linear.
fn line_position(text: &str, at: usize) -> (bool, bool) {
    let mut line_start = true;
    for c in text.get(..at).unwrap_or("").chars().rev() {
        match c {
            '\n' => return (line_start, true),
            ' ' | '\t' | '\r' => {}
            c if is_markup(c) => line_start = false,
            _ => return (false, false),
        }
    }
    (line_start, true)
}

/// Every heading candidate in `text`, in order. Linear: one byte scan finds
/// the chars that may start an ordinal (ASCII digits; the Chinese numerals,
/// matched as UTF-8 bytes so other ideographs are never decoded), each is
/// tried once, and each try looks at a bounded window ([`MAX_TITLE`] chars)
/// against a fixed set of wordings.
pub fn candidates(text: &str) -> Vec<FoundHeading> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut skip_to = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !may_start_ordinal_byte(b) || i < skip_to || !is_ordinal_at(bytes, i) {
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            continue;
        };
        let previous = text.get(..i).and_then(|t| t.chars().next_back());
        let next = text.get(i + c.len_utf8()..).and_then(|t| t.chars().next());
        if !may_follow(previous, c) || !next.is_some_and(|n| may_continue(c, n)) {
            continue;
        }
        let (line_start, own_line) = line_position(text, i);
        if let Some(h) = heading_at(text, i, line_start, own_line) {
            skip_to = h.end;
            found.push(h);
        }
    }
    found
}

/// Chooses at most one heading per kind, in statutory order and text order:
/// the chain of candidates with the greatest merit, where a candidate is worth
/// more when its number matches its section, its title is closer to the
/// wording, its table follows it (so a sub-topic of 总体情况 that reuses a
/// statutory title loses to the real section), it starts a line, and text
/// follows it before the next candidate (so a table of contents loses to the
/// headings it lists). Linear in the candidates. Returns the chosen headings
/// and the candidates left out because they came after a later section.
pub fn choose(text: &str, candidates: &[FoundHeading]) -> (Vec<FoundHeading>, Vec<SkippedHeading>) {
    let merit = |i: usize, c: &FoundHeading| {
        let until = candidates.get(i + 1).map(|n| n.start).unwrap_or(text.len());
        let body = text.get(c.end..until).unwrap_or("");
        let mut merit = 2.0 + c.similarity;
        if c.number == u32::from(c.kind.number()) {
            merit += 1.0;
        }
        if table_markers(c.kind).iter().any(|m| body.contains(m)) {
            merit += 1.0;
        }
        if !c.inline {
            merit += 0.5;
        }
        if body.chars().any(|ch| is_cjk(ch) || ch.is_ascii_digit()) {
            merit += 0.5;
        }
        merit
    };
    // best[k]: the best chain so far ending with a heading of kind k: its
    // merit and last candidate; back[i]: the candidate before i in its chain.
    let listed = listed(text, candidates);
    let mut best: [Option<(f32, usize)>; 6] = [None; 6];
    let mut back: Vec<Option<usize>> = vec![None; candidates.len()];
    for (i, c) in candidates.iter().enumerate() {
        if listed.get(i).copied().unwrap_or(false) {
            continue;
        }
        let k = usize::from(c.kind.number()).saturating_sub(1);
        let before = first_best(best.iter().take(k));
        let total = merit(i, c) + before.map_or(0.0, |(m, _)| m);
        if let Some(slot) = back.get_mut(i) {
            *slot = before.map(|(_, j)| j);
        }
        if let Some(slot) = best.get_mut(k)
            && slot.is_none_or(|(m, _)| total > m)
        {
            *slot = Some((total, i));
        }
    }
    let mut chain = Vec::new();
    let mut at = first_best(best.iter()).map(|(_, i)| i);
    while let Some(i) = at {
        if let Some(c) = candidates.get(i) {
            chain.push(*c);
        }
        at = back.get(i).copied().flatten();
    }
    chain.reverse();
    let skipped = candidates
        .iter()
        .filter(|c| !chain.contains(c))
        .filter(|c| {
            // Only report candidates that sit after a later section began;
            // earlier ones are sub-topics or table-of-contents mentions.
            chain.iter().any(|h| h.kind > c.kind && h.start < c.start)
        })
        .map(|&heading| SkippedHeading { heading })
        .collect();
    (chain, skipped)
}

/// The most text (in bytes, white space aside) between two entries of a
/// list of the sections (`;`, a page number after leader dots).
const LIST_GAP: usize = 24;

/// Which candidates are entries of a list of the sections (a table of
/// contents, a preamble naming the parts): three or more in statutory order
/// with almost nothing between them, each listing a section that appears
/// again later. Such entries are never chosen. Linear.
fn listed(text: &str, candidates: &[FoundHeading]) -> Vec<bool> {
    let mut out = vec![false; candidates.len()];
    let mut last_of_kind = [0usize; 6];
    for (i, c) in candidates.iter().enumerate() {
        if let Some(last) = last_of_kind.get_mut(usize::from(c.kind.number()).saturating_sub(1)) {
            *last = i;
        }
    }
    let close = |a: &FoundHeading, b: &FoundHeading| {
        let gap = text.get(a.end..b.start).unwrap_or("");
        b.kind > a.kind && gap.len() <= 4 * LIST_GAP && {
            gap.bytes().filter(|b| !b.is_ascii_whitespace()).count() <= LIST_GAP
        }
    };
    let mut start = 0;
    while start < candidates.len() {
        let mut end = start;
        while let (Some(a), Some(b)) = (candidates.get(end), candidates.get(end + 1))
            && close(a, b)
        {
            end += 1;
        }
        if end - start >= 2 {
            for (i, c) in candidates.iter().enumerate().take(end + 1).skip(start) {
                let k = usize::from(c.kind.number()).saturating_sub(1);
                if let (Some(flag), Some(&last)) = (out.get_mut(i), last_of_kind.get(k)) {
                    *flag = last > end;
                }
            }
        }
        start = end + 1;
    }
    out
}

/// The greatest merit among chains, the earliest on a tie.
fn first_best<'a>(chains: impl Iterator<Item = &'a Option<(f32, usize)>>) -> Option<(f32, usize)> {
    chains
        .flatten()
        .fold(None, |acc: Option<(f32, usize)>, &(m, i)| match acc {
            Some((best, j)) if best > m || (best == m && j < i) => Some((best, j)),
            _ => Some((m, i)),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(u8, bool)> {
        choose(text, &candidates(text))
            .0
            .iter()
            .map(|h| (h.kind.number(), h.inline))
            .collect()
    }

    fn headings(text: &str) -> Vec<&str> {
        choose(text, &candidates(text))
            .0
            .iter()
            .map(|h| text.get(h.start..h.end).unwrap_or(""))
            .collect()
    }

    #[test]
    fn line_start_headings_with_arabic_and_indent() {
        let text = "一、总体情况\n正文\n  二、主动公开政府信息情况\n3、 收到和处理政府信息公开申请情况\n\t一、本年新收政府信息公开申请数量\n";
        assert_eq!(kinds(text), vec![(1, false), (2, false), (3, false)]);
    }

    #[test]
    fn inline_headings_in_a_flat_line() {
        let text = "报告如下: 一、总体情况 2020年,我局… 扩大影响力。 二、主动公开政务信息情况 三、收到和处理政务信息公开申请情况";
        assert_eq!(kinds(text), vec![(1, true), (2, true), (3, true)]);
    }

    #[test]
    fn headings_glued_to_the_text_around_them() {
        let text = "某局2020年度报告一总体情况2020年,我局…。二、主动公开政府信息情况第二十条第(一)项信息内容规章5\
三、收到和处理政府信息公开申请情况申请人情况自然人本年新收…结转下年度继续办理00280515四、政府信息公开行政复议、行政诉讼情况行政复议结果维持";
        assert_eq!(
            headings(text),
            vec![
                "一总体情况",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况"
            ]
        );
    }

    #[test]
    fn sub_topics_and_table_rows_are_not_sections() {
        let text = "一、总体情况\n(二)主动公开政府信息情况。本单位…\n二、主动公开政府信息情况\n三、本年度办理结果\n四、结转下年度继续办理\n";
        assert_eq!(kinds(text), vec![(1, false), (2, false)]);
    }

    #[test]
    fn look_alikes_are_not_candidates() {
        for line in [
            "一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5",
            "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
            "三、本年度办理结果 (一)予以公开",
            "四、结转下年度继续办理 0 0 0 0 0 0 0",
            "3.补正后申请内容仍不明确",
            "5.要求行政机关确认或重新出具已获取信息",
            "(二)主动公开政府信息情况。",
            "二是主动公开政府信息情况",
            "三、2022年共收到政府信息公开申请5件。",
            "六、严格保密审查,未发生泄密事件。",
            "五、存在的问题。",
            "2.申请行政复议、提起行政诉讼情况。全年未发生。",
            "进一步主动公开政府信息",
        ] {
            assert_eq!(candidates(line), vec![], "{line}");
        }
    }

    #[test]
    fn markdown_and_bracketed_headings() {
        let text = "**一、总体情况**\n正文\n## 二、主动公开政府信息情况\n【三、收到和处理政府信息公开申请情况】\n\
**六、需要说明的其他事项与附表**\n";
        assert_eq!(
            kinds(text),
            vec![(1, true), (2, true), (3, true), (6, true)]
        );
        assert_eq!(headings(text).first(), Some(&"一、总体情况"));
        assert_eq!(headings(text).last(), Some(&"六、需要说明的其他事项与附表"));
    }

    #[test]
    fn overview_sub_topics_reusing_statutory_titles_lose_to_the_real_sections() {
        let text = "一、总体情况\n二、主动公开政府信息情况\n主动公开53条。\n三、收到和处理政府信息公开申请情况\n未收到。\n\
二、主动公开政府信息情况\n第二十条第（一）项\n三、收到和处理政府信息公开申请情况\n申请人情况\n";
        let chosen = choose(text, &candidates(text)).0;
        let starts: Vec<usize> = chosen.iter().map(|h| h.start).collect();
        let second = text.rfind("二、主动").unwrap_or(0);
        let third = text.rfind("三、收到").unwrap_or(0);
        assert_eq!(starts.get(1..), Some(&[second, third][..]));
    }

    #[test]
    fn headings_spaced_out_by_justified_pdf_text() {
        let text = "一、总 体 情 况\n正文\n二、主 动 公 开 政 府 信 息 情 况\n";
        let chosen = choose(text, &candidates(text)).0;
        assert_eq!(
            chosen.iter().map(|h| h.kind.number()).collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert_eq!(
            chosen.first().and_then(|h| text.get(h.start..h.end)),
            Some("一、总 体 情 况")
        );
    }

    #[test]
    fn inline_heading_needs_its_own_number() {
        let text = "一、总体情况 见下文 五、主动公开政府信息情况";
        assert_eq!(kinds(text), vec![(1, false)]);
    }

    #[test]
    fn an_official_wording_under_another_number_at_a_line_start() {
        let text = "一、总体情况\n正文\n三、主动公开政府信息情况\n第二十条\n";
        let chosen = choose(text, &candidates(text)).0;
        assert_eq!(
            chosen
                .iter()
                .map(|h| (h.kind.number(), h.number))
                .collect::<Vec<_>>(),
            vec![(1, 1), (2, 3)]
        );
    }

    #[test]
    fn annotations_and_short_line_tails_belong_to_the_heading() {
        let text = "二、主动公开政府信息情况(有关情况附表)\n第二十条\n\
五、存在的主要问题及改进措施 (一)问题。\n六、需要说明的其他事项与附表\n无\n";
        assert_eq!(
            headings(text),
            vec![
                "二、主动公开政府信息情况(有关情况附表)",
                "五、存在的主要问题及改进措施",
                "六、需要说明的其他事项与附表"
            ]
        );
    }

    #[test]
    fn exact_wordings_are_official_and_the_rest_variants() {
        let text = "一总体情况\n正文\n二、主动公开政府信息情况\n三、收到和处理信息公开申请情况\n";
        let matched: Vec<HeadingMatch> = choose(text, &candidates(text))
            .0
            .iter()
            .map(|h| h.matched)
            .collect();
        assert_eq!(
            matched,
            vec![
                HeadingMatch::Variant,
                HeadingMatch::Official,
                HeadingMatch::Variant
            ]
        );
    }
}
