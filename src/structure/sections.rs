//! Finding the six statutory section headings, whatever their numbering, at
//! line starts or inside one long flattened line.

use crate::ast::SectionKind;
use crate::grammar::ordinal::heading_ordinal;
use crate::grammar::section_title::{is_official_wording, section_title};

/// A heading found in the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundHeading {
    /// Which section.
    pub kind: SectionKind,
    /// The number as printed.
    pub number: u32,
    /// Offset of the ordinal.
    pub start: usize,
    /// Offset past the title words.
    pub end: usize,
    /// Found inside a line of running text.
    pub inline: bool,
}

/// A heading candidate that was not chosen because it came out of order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkippedHeading {
    /// The candidate.
    pub heading: FoundHeading,
}

/// Tries to read a heading at `at` (the offset of a possible ordinal).
fn heading_at(text: &str, at: usize, inline: bool) -> Option<FoundHeading> {
    let tail = text.get(at..)?;
    let (rest, (number, _style)) = heading_ordinal(tail).ok()?;
    let (kind, title, title_len) = match section_title(rest) {
        Ok((after, (kind, title))) => (kind, title.to_string(), rest.len() - after.len()),
        Err(_) => spaced_title(rest)?,
    };
    let number_matches = number == u32::from(kind.number());
    // Inline headings and unofficial wordings must carry their own number;
    // official wordings are accepted with any number (reported later).
    if (inline || !is_official_wording(kind, &title)) && !number_matches {
        return None;
    }
    Some(FoundHeading {
        kind,
        number,
        start: at,
        end: text.len() - rest.len() + title_len,
        inline,
    })
}

/// A title printed with spaces between its characters (`总 体 情 况`, as
/// justified PDF text comes out): read without the spaces. Returns the kind,
/// the compact title and the byte length of the spaced title in `rest`.
fn spaced_title(rest: &str) -> Option<(SectionKind, String, usize)> {
    // Only single spaces between CJK characters, within a heading's length.
    let mut compact = String::new();
    let mut ends = Vec::new();
    let mut previous_space = false;
    for (i, c) in rest.char_indices().take(40) {
        if c == ' ' {
            if previous_space || compact.is_empty() {
                break;
            }
            previous_space = true;
            continue;
        }
        if !crate::grammar::is_cjk(c) && !matches!(c, '、' | ',') {
            break;
        }
        previous_space = false;
        compact.push(c);
        ends.push(i + c.len_utf8());
    }
    let (after, (kind, title)) = section_title(&compact).ok()?;
    let consumed = compact.chars().count() - after.chars().count();
    let end = *ends.get(consumed.checked_sub(1)?)?;
    // Spaced only: a title without spaces was already tried.
    rest.get(..end)?
        .contains(' ')
        .then(|| (kind, title.to_string(), end))
}

/// Every heading candidate in `text`, in order. Linear: one byte scan finds
/// the places a heading may start (a line start, or after white space or
/// sentence punctuation), and each is tried once against grammars of bounded
/// length.
pub fn candidates(text: &str) -> Vec<FoundHeading> {
    const FULL_STOP: [u8; 3] = [0xE3, 0x80, 0x82]; // 。
    const LEFT_BRACKET: [u8; 3] = [0xE3, 0x80, 0x90]; // 【
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut skip_to = 0;
    let mut try_at = |at: usize, at_line_start: bool, found: &mut Vec<FoundHeading>| {
        if at < skip_to {
            return;
        }
        // Ordinals start with an ASCII digit or a CJK numeral (lead byte E4/E5).
        if !matches!(bytes.get(at), Some(b'0'..=b'9' | 0xE4 | 0xE5)) {
            return;
        }
        if let Some(h) = heading_at(text, at, !at_line_start) {
            skip_to = h.end;
            found.push(h);
        }
    };
    try_at(0, true, &mut found);
    // Whether only white space was seen since the last line break.
    let mut line_start = true;
    for (i, &b) in bytes.iter().enumerate() {
        let next = match b {
            b'\n' => {
                line_start = true;
                Some(i + 1)
            }
            b' ' | b'\t' | b'\r' => Some(i + 1),
            b';' | b':' | b'|' | b'*' | b'#' | b'[' | b'>' => {
                line_start = false;
                Some(i + 1)
            }
            0xE3 if matches!(bytes.get(i..i + 3), Some(s) if s == FULL_STOP || s == LEFT_BRACKET) =>
            {
                line_start = false;
                Some(i + 3)
            }
            _ => {
                line_start = false;
                None
            }
        };
        if let Some(at) = next {
            try_at(at, line_start, &mut found);
        }
    }
    found
}

/// Words that show a section's table follows its heading.
pub fn table_markers(kind: SectionKind) -> &'static [&'static str] {
    match kind {
        SectionKind::ProactiveDisclosure => &["第二十条", "信息内容"],
        SectionKind::Requests => &["勾稽关系", "申请人情况", "本年新收", "自然人"],
        SectionKind::ReviewsAndLitigation => &["结果维持", "尚未审结", "复议后起诉"],
        _ => &[],
    }
}

/// Chooses one heading per kind, in statutory order. Preference: a heading
/// whose number matches and, for 二/三/四, whose table follows it (so a
/// sub-topic of 总体情况 that reuses a statutory title loses to the real
/// section); then a matching number; then any. Returns the chosen headings
/// and the candidates left out because they came out of order.
pub fn choose(text: &str, candidates: &[FoundHeading]) -> (Vec<FoundHeading>, Vec<SkippedHeading>) {
    // Whether the table of the candidate's kind starts before the next candidate.
    let table_follows: Vec<bool> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let until = candidates.get(i + 1).map(|n| n.start).unwrap_or(text.len());
            let body = text.get(c.end..until).unwrap_or("");
            table_markers(c.kind).iter().any(|m| body.contains(m))
        })
        .collect();
    let mut chosen: Vec<FoundHeading> = Vec::new();
    let mut after = 0usize;
    for kind in SectionKind::ALL {
        let later: Vec<(usize, &FoundHeading)> = candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == kind && c.start >= after)
            .collect();
        let numbered = |c: &FoundHeading| c.number == u32::from(kind.number());
        let pick = later
            .iter()
            .find(|(i, c)| numbered(c) && table_follows.get(*i).copied().unwrap_or(false))
            .or_else(|| later.iter().find(|(_, c)| numbered(c)))
            .or_else(|| later.first())
            .map(|(_, c)| **c);
        if let Some(h) = pick {
            after = h.end;
            chosen.push(h);
        }
    }
    let skipped = candidates
        .iter()
        .filter(|c| !chosen.contains(c))
        .filter(|c| {
            // Only report candidates that sit after a later section began;
            // earlier ones are sub-topics or table-of-contents mentions.
            chosen.iter().any(|h| h.kind > c.kind && h.start < c.start)
        })
        .map(|&heading| SkippedHeading { heading })
        .collect();
    (chosen, skipped)
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
    fn sub_topics_and_table_rows_are_not_sections() {
        let text = "一、总体情况\n(二)主动公开政府信息情况。本单位…\n二、主动公开政府信息情况\n三、本年度办理结果\n四、结转下年度继续办理\n";
        assert_eq!(kinds(text), vec![(1, false), (2, false)]);
    }

    #[test]
    fn markdown_and_bracketed_headings() {
        let text = "**一、总体情况**\n正文\n## 二、主动公开政府信息情况\n【三、收到和处理政府信息公开申请情况】\n";
        assert_eq!(kinds(text), vec![(1, true), (2, true), (3, true)]);
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
}
