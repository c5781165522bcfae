//! Where each table lies in the text: under its own heading, or — where that
//! heading is missing or unrecognisable — found by its content (header words,
//! row labels and the shape of its numbers) between the headings of the
//! sections before and after it. A table's region ends where the next
//! table's content begins, so one table's numbers are never read as
//! another's.

use crate::ast::SectionKind;

/// The sections that carry a table, in statutory order.
const TABLE_KINDS: [SectionKind; 3] = [
    SectionKind::ProactiveDisclosure,
    SectionKind::Requests,
    SectionKind::ReviewsAndLitigation,
];

/// Words that show a section's table follows its heading.
pub(crate) fn table_markers(kind: SectionKind) -> &'static [&'static str] {
    match kind {
        SectionKind::ProactiveDisclosure => &["第二十条", "信息内容"],
        SectionKind::Requests => &["勾稽关系", "申请人情况", "本年新收", "自然人"],
        SectionKind::ReviewsAndLitigation => &["结果维持", "尚未审结", "复议后起诉"],
        _ => &[],
    }
}

/// What identifies a table without its heading: its header words and row
/// labels (`need` distinct ones of `words` within [`CLUSTER_WINDOW`] bytes)
/// and at least `digits` digits from there on (a table of numbers, not a
/// sentence that names some of its rows).
struct Evidence {
    words: &'static [&'static str],
    need: usize,
    digits: usize,
}

fn evidence(kind: SectionKind) -> Option<Evidence> {
    Some(match kind {
        SectionKind::ProactiveDisclosure => Evidence {
            words: &[
                "第二十条",
                "信息内容",
                "规章",
                "规范性文件",
                "行政许可",
                "行政处罚",
                "行政强制",
                "行政事业性收费",
                "政府集中采购",
            ],
            need: 3,
            digits: 4,
        },
        SectionKind::Requests => Evidence {
            words: &[
                "申请人情况",
                "勾稽关系",
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "本年新收",
                "上年结转",
                "予以公开",
                "部分公开",
                "不予公开",
                "无法提供",
                "不予处理",
                "结转下年度",
            ],
            need: 4,
            digits: 20,
        },
        SectionKind::ReviewsAndLitigation => Evidence {
            words: &[
                "结果维持",
                "结果纠正",
                "其他结果",
                "尚未审结",
                "直接起诉",
                "复议后起诉",
            ],
            need: 3,
            digits: 10,
        },
        _ => return None,
    })
}

/// How far apart the words of one table's header and labels may be, in
/// bytes (a `pdftotext -layout` header pads its lines with spaces).
const CLUSTER_WINDOW: usize = 4000;

/// How many clusters of words are looked at before giving up (bounds the
/// digit counting on hostile input).
const MAX_CLUSTERS: usize = 64;

/// How far before table 4's first column word its `行政复议` caption may be.
const CAPTION_REACH: usize = 200;

/// A section heading as the region finder sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeadingPlace {
    /// Which section.
    pub(crate) kind: SectionKind,
    /// Offset of the heading.
    pub(crate) start: usize,
    /// Offset past the heading.
    pub(crate) end: usize,
}

/// Where one table lies in the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TableRegion {
    /// Which table.
    pub(crate) kind: SectionKind,
    /// Its first line (or, inside a flattened line, its first word).
    pub(crate) start: usize,
    /// Where the next heading or the next table begins.
    pub(crate) end: usize,
}

/// Every table region of the text, in text order. `headings` are the chosen
/// section headings in statutory (and text) order. A table under its own
/// heading is looked for in that section's body; a table whose heading is
/// missing, by its content between the headings of the sections before and
/// after it and after the previous table.
pub(crate) fn table_regions(text: &str, headings: &[HeadingPlace]) -> Vec<TableRegion> {
    let next_heading_after = |at: usize| {
        headings
            .iter()
            .map(|h| h.start)
            .filter(|&s| s > at)
            .min()
            .unwrap_or(text.len())
    };
    let mut found: Vec<(SectionKind, Option<usize>, Option<&HeadingPlace>)> = Vec::new();
    let mut floor = 0;
    for kind in TABLE_KINDS {
        let own = headings.iter().find(|h| h.kind == kind);
        let start = match own {
            Some(h) => marker_start(text, h.end, next_heading_after(h.start), kind),
            None => {
                let lo = headings
                    .iter()
                    .filter(|h| h.kind < kind)
                    .map(|h| h.end)
                    .max()
                    .unwrap_or(0)
                    .max(floor);
                let hi = headings
                    .iter()
                    .filter(|h| h.kind > kind)
                    .map(|h| h.start)
                    .min()
                    .unwrap_or(text.len());
                content_start(text, lo, hi, kind)
            }
        };
        if let Some(s) = start {
            floor = s;
        }
        found.push((kind, start, own));
    }
    // A table under its heading but without its header words starts at the
    // first line of the body that is not a sentence, before any other table.
    let starts: Vec<usize> = found.iter().filter_map(|(_, s, _)| *s).collect();
    for (_, start, own) in found.iter_mut() {
        if let (None, Some(h)) = (*start, *own) {
            let bound = starts
                .iter()
                .copied()
                .filter(|&s| s > h.end)
                .min()
                .unwrap_or(text.len())
                .min(next_heading_after(h.start));
            *start = first_table_line(text, h.end, bound);
        }
    }
    let mut regions: Vec<TableRegion> = found
        .iter()
        .filter_map(|(kind, start, _)| {
            start.map(|start| TableRegion {
                kind: *kind,
                start,
                end: start,
            })
        })
        .collect();
    regions.sort_by_key(|r| r.start);
    let starts: Vec<usize> = regions.iter().map(|r| r.start).collect();
    for (i, region) in regions.iter_mut().enumerate() {
        let next_table = starts.get(i + 1).copied().unwrap_or(text.len());
        region.end = next_table.min(next_heading_after(region.start));
    }
    regions
}

/// Where the table of `kind` starts in the body `body_start..body_end` of
/// its own section, by its header words.
fn marker_start(
    text: &str,
    body_start: usize,
    body_end: usize,
    kind: SectionKind,
) -> Option<usize> {
    let body = text.get(body_start..body_end)?;
    let earliest = match kind {
        SectionKind::ProactiveDisclosure | SectionKind::Requests => table_markers(kind)
            .iter()
            .filter_map(|m| body.find(m))
            .min(),
        SectionKind::ReviewsAndLitigation => body.find("结果维持").map(|upheld| {
            let head = body.get(..upheld).unwrap_or("");
            // The 行政复议 caption just before the first 结果维持, if close.
            match head.rfind("行政复议") {
                Some(at) if upheld - at <= CAPTION_REACH => at,
                _ => upheld,
            }
        }),
        _ => None,
    }?;
    Some(line_start_before(text, body_start, body_start + earliest))
}

/// Without header words (broken by a PDF converter), a table under its
/// heading starts at the first line of `start..end` that is not a sentence.
fn first_table_line(text: &str, start: usize, end: usize) -> Option<usize> {
    let body = text.get(start..end)?;
    let mut offset = 0;
    for line in body.split('\n') {
        let t = line.trim();
        if !t.is_empty() && !t.contains(['。', '；', ';']) {
            return Some(start + offset + (line.len() - line.trim_start().len()));
        }
        offset += line.len() + 1;
    }
    None
}

/// The start of the line holding `marker` (not before `floor`), or just
/// after the last sentence end or colon before it on that line.
fn line_start_before(text: &str, floor: usize, marker: usize) -> usize {
    let line_start = text
        .get(..marker)
        .and_then(|t| t.rfind('\n'))
        .map(|i| i + 1)
        .unwrap_or(0)
        .max(floor);
    // A drawn grid starts at its top border, above the line of the marker.
    if let Some(top) = super::layout::grid_top(text, line_start, floor) {
        return top;
    }
    let prefix = text.get(line_start..marker).unwrap_or("");
    match prefix.rfind(['。', ':', '：']) {
        Some(i) => {
            line_start
                + i
                + prefix
                    .get(i..)
                    .and_then(|p| p.chars().next())
                    .map(char::len_utf8)
                    .unwrap_or(1)
        }
        None => line_start,
    }
}

/// Where a table of `kind` starts in `lo..hi` when its heading is missing:
/// the first place where enough of its header words and row labels come
/// together, followed by enough digits. Linear in `hi - lo`.
fn content_start(text: &str, lo: usize, hi: usize, kind: SectionKind) -> Option<usize> {
    let evidence = evidence(kind)?;
    let range = text.get(lo..hi)?;
    let mut hits: Vec<(usize, usize)> = evidence
        .words
        .iter()
        .enumerate()
        .flat_map(|(w, word)| range.match_indices(word).map(move |(at, _)| (at, w)))
        .collect();
    hits.sort_unstable();
    let mut counts = vec![0usize; evidence.words.len()];
    let mut distinct = 0;
    let mut right = 0;
    let mut clusters = 0;
    for &(at, word) in &hits {
        while let Some(&(next_at, next_word)) = hits.get(right)
            && next_at < at + CLUSTER_WINDOW
        {
            if let Some(c) = counts.get_mut(next_word) {
                if *c == 0 {
                    distinct += 1;
                }
                *c += 1;
            }
            right += 1;
        }
        if distinct >= evidence.need {
            clusters += 1;
            let window = range.get(at..).unwrap_or("");
            let digits = window
                .bytes()
                .take(CLUSTER_WINDOW)
                .filter(u8::is_ascii_digit)
                .count();
            if digits >= evidence.digits {
                return Some(headless_start(text, lo, lo + at, kind));
            }
            if clusters >= MAX_CLUSTERS {
                return None;
            }
        }
        if let Some(c) = counts.get_mut(word) {
            *c = c.saturating_sub(1);
            if *c == 0 {
                distinct -= 1;
            }
        }
    }
    None
}

/// The start of a table found by its content at `marker`: table 4 from its
/// `行政复议` caption; then its line, unless that line holds digits before
/// the marker (the previous table's cells, in a flattened line).
fn headless_start(text: &str, lo: usize, marker: usize, kind: SectionKind) -> usize {
    let mut marker = marker;
    if kind == SectionKind::ReviewsAndLitigation {
        let reach = marker.saturating_sub(CAPTION_REACH).max(lo);
        let head = (reach..=marker)
            .find(|&at| text.is_char_boundary(at))
            .and_then(|from| text.get(from..marker));
        if let Some(caption) = head.and_then(|h| h.rfind("行政复议")) {
            marker -= head.map_or(0, str::len) - caption;
        }
    }
    let line = line_start_before(text, lo, marker);
    let prefix = text.get(line..marker).unwrap_or("");
    if prefix.bytes().any(|b| b.is_ascii_digit()) {
        marker
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, kind: SectionKind, heading: &str) -> HeadingPlace {
        let start = text.find(heading).unwrap_or(0);
        HeadingPlace {
            kind,
            start,
            end: start + heading.len(),
        }
    }

    const TABLE3: &str = "申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n\
一、本年新收政府信息公开申请数量 1 2 3 0 0 0 6\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n\
（一）予以公开 1 1 1 0 0 0 3\n四、结转下年度继续办理 0 1 2 0 0 0 3\n";

    #[test]
    fn a_table_without_its_heading_is_found_after_the_previous_table() {
        let text = format!(
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数\n规章 1 2 3\n{TABLE3}四、政府信息公开行政复议、行政诉讼情况\n"
        );
        let headings = [
            place(
                &text,
                SectionKind::ProactiveDisclosure,
                "二、主动公开政府信息情况",
            ),
            place(
                &text,
                SectionKind::ReviewsAndLitigation,
                "四、政府信息公开行政复议、行政诉讼情况",
            ),
        ];
        let regions = table_regions(&text, &headings);
        let kinds: Vec<SectionKind> = regions.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![SectionKind::ProactiveDisclosure, SectionKind::Requests]
        );
        let table3_at = text.find("申请人情况").unwrap_or(0);
        assert_eq!(regions.first().map(|r| r.end), Some(table3_at));
        assert_eq!(regions.get(1).map(|r| r.start), Some(table3_at));
    }

    #[test]
    fn a_sentence_naming_rows_is_not_a_table() {
        let text = "一、总体情况\n本年新收政府信息公开申请5件，上年结转1件，予以公开3件，部分公开1件，不予公开2件。\n";
        let headings = [place(text, SectionKind::Overview, "一、总体情况")];
        assert!(table_regions(text, &headings).is_empty());
    }

    #[test]
    fn table_four_starts_at_its_caption_in_a_flattened_line() {
        let text = "结转下年度继续办理0123行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计000000000000000";
        let regions = table_regions(text, &[]);
        assert_eq!(
            regions.first().map(|r| (r.kind, r.start)),
            Some((
                SectionKind::ReviewsAndLitigation,
                text.find("行政复议").unwrap_or(0)
            ))
        );
    }
}
