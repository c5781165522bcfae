//! Report metadata: title, agency, year, signature date, statistic period.

use crate::grammar::date::{FoundDate, find_dates};
use crate::grammar::title::{find_year, is_title_line, parse_title_line};
use crate::lines::{Line, lines_in};

/// The title as found in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundTitle {
    /// Title text (lines joined).
    pub text: String,
    /// Normalized offsets of the title.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// Agency and its offsets.
    pub agency: Option<(String, usize, usize)>,
    /// Year and its offsets.
    pub year: Option<(i32, usize, usize)>,
}

fn is_agency_line(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= 40
        && !t.contains(['。', '，', ',', '《', ':', '：', '〔', '['])
        && !t.contains(|c: char| c.is_ascii_digit())
        && !t.starts_with("附件")
        && t.chars().any(crate::grammar::is_cjk)
}

/// Finds the title among the lines before `limit` (the first heading).
/// A line without the Markdown marks around it (`# 标题`, `**标题**`,
/// `> 标题`), with its new start offset.
fn without_markup((start, text): (usize, &str)) -> (usize, &str) {
    const MARKS: [char; 3] = ['#', '>', '*'];
    let inner = text.trim_start_matches(MARKS).trim_start();
    let lead = text.len() - inner.len();
    (start + lead, inner.trim_end_matches('*').trim_end())
}

pub fn find_title(text: &str, limit: usize) -> Option<FoundTitle> {
    let lines: Vec<Line<'_>> = lines_in(text, 0, limit.min(text.len()));
    let mut previous: Option<Line<'_>> = None;
    for line in lines.iter().filter(|l| !l.is_blank()).take(12) {
        let (start, trimmed) = without_markup(line.trimmed());
        // In flattened text the title is the head of a long line, up to 报告.
        let head = match trimmed.find("报告") {
            Some(at) => trimmed.get(..at + "报告".len()).unwrap_or(trimmed),
            None => trimmed,
        };
        let head_trimmed = head.trim_end_matches(|c: char| c == '|' || c.is_whitespace());
        if !is_title_line(head_trimmed)
            && let Some(found) = spaced_title(trimmed, start)
        {
            return Some(found);
        }
        if is_title_line(head_trimmed) {
            let parts = parse_title_line(head_trimmed);
            let mut title_start = start;
            let mut agency = (!parts.agency.is_empty()).then(|| {
                (
                    parts.agency.to_string(),
                    start + parts.agency_range.0,
                    start + parts.agency_range.1,
                )
            });
            let mut year = parts.year.map(|(y, a, b)| (y, start + a, start + b));
            if let Some(prev) = previous.filter(|p| is_agency_line(p.text)) {
                let (prev_start, prev_text) = without_markup(prev.trimmed());
                let prev_text = prev_text.trim_end_matches(|c: char| c == '|' || c.is_whitespace());
                if agency.is_none() {
                    let prev_parts = parse_title_line(prev_text);
                    let name = if prev_parts.agency.is_empty() {
                        prev_text
                    } else {
                        prev_parts.agency
                    };
                    let offset = prev_text.find(name).unwrap_or(0);
                    agency = Some((
                        name.to_string(),
                        prev_start + offset,
                        prev_start + offset + name.len(),
                    ));
                    title_start = prev_start;
                }
                if year.is_none() {
                    year =
                        find_year(prev_text).map(|(y, a, b)| (y, prev_start + a, prev_start + b));
                    title_start = prev_start;
                }
            }
            let end = start + head_trimmed.len();
            let text_joined = text
                .get(title_start..end)
                .unwrap_or("")
                .split_whitespace()
                .collect::<String>();
            return Some(FoundTitle {
                text: text_joined,
                start: title_start,
                end,
                agency,
                year,
            });
        }
        previous = Some(*line);
    }
    None
}

/// A title printed with spaces between its characters (justified PDF text:
/// `某 县 民 政 局 2 0 2 0 年 政 府 信 息 公 开 …`): read without the spaces,
/// with the agency's span mapped back to the spaced text.
fn spaced_title(line: &str, start: usize) -> Option<FoundTitle> {
    if !line.contains(' ') {
        return None;
    }
    let mut compact = String::new();
    let mut offsets = Vec::new();
    for (i, c) in line.char_indices().filter(|(_, c)| !c.is_whitespace()) {
        compact.push(c);
        offsets.push((i, c.len_utf8()));
    }
    let head = compact.get(..compact.find("报告")? + "报告".len())?;
    if !is_title_line(head) {
        return None;
    }
    let parts = parse_title_line(head);
    // Byte offset in `compact` → byte offset in `line`.
    let char_index = |b: usize| compact.get(..b).map(|s| s.chars().count());
    let to_line_start = |b: usize| offsets.get(char_index(b)?).map(|(i, _)| *i);
    let to_line_end = |b: usize| {
        let k = char_index(b)?.checked_sub(1)?;
        offsets.get(k).map(|(i, len)| i + len)
    };
    let agency = if parts.agency.is_empty() {
        None
    } else {
        let (a, b) = parts.agency_range;
        Some((
            parts.agency.to_string(),
            start + to_line_start(a)?,
            start + to_line_end(b)?,
        ))
    };
    let year = parts
        .year
        .and_then(|(y, a, b)| Some((y, start + to_line_start(a)?, start + to_line_end(b)?)));
    let end = start + to_line_end(head.len())?;
    Some(FoundTitle {
        text: head.to_string(),
        start,
        end,
        agency,
        year,
    })
}

/// The signature date: a date ending one of the last lines, after at most a
/// short signature (agency name), not inside a sentence.
pub fn signature_date(text: &str) -> Option<FoundDate> {
    // The lines from the last one up, split lazily; trailing blank lines
    // are skipped at once.
    let body = text.trim_end();
    let mut end = body.len();
    let lines_up = body.rsplit('\n').map(|piece| {
        let start = end.saturating_sub(piece.len());
        end = start.saturating_sub(1);
        Line { start, text: piece }
    });
    for line in lines_up.filter(|l| !l.is_blank()).take(3) {
        let dates = find_dates(line.text);
        if let Some(last) = dates.last() {
            let after = line.text.get(last.end..).unwrap_or("");
            let before = line.text.get(..last.start).unwrap_or("");
            let since_sentence = before
                .rfind(['。', '!', '！', '?', '？', ';', '；'])
                .map(|i| before.get(i..).unwrap_or(""))
                .unwrap_or(before);
            let tail_clean = after.chars().all(|c| c.is_whitespace() || c == '|');
            let signature_like =
                !since_sentence.contains(|c: char| c.is_ascii_digit() || c == '至');
            if tail_clean
                && signature_like
                && since_sentence
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count()
                    <= 40
            {
                return Some(FoundDate {
                    start: line.start + last.start,
                    end: line.start + last.end,
                    ..*last
                });
            }
        }
        if line.text.contains('。') {
            return None;
        }
    }
    None
}

/// The signer of the report: the text before the signature date on its line,
/// or the line above it, when it reads as an agency name.
pub fn signer(text: &str, date: &FoundDate) -> Option<(String, usize, usize)> {
    let line_start = text
        .get(..date.start)?
        .rfind('\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let before = text.get(line_start..date.start)?;
    let (start, candidate) = if before.trim().is_empty() {
        let previous_end = line_start.checked_sub(1)?;
        let previous_start = text
            .get(..previous_end)?
            .rfind('\n')
            .map(|i| i + 1)
            .unwrap_or(0);
        (previous_start, text.get(previous_start..previous_end)?)
    } else {
        (line_start, before)
    };
    let lead = candidate.len() - candidate.trim_start().len();
    let name = candidate.trim();
    is_agency_line(name).then(|| (name.to_string(), start + lead, start + lead + name.len()))
}

/// Words that introduce the statistic period.
const PERIOD_WORDS: [&str; 4] = ["统计", "期限", "期间", "时限"];

/// Connectors between the two dates of a period.
const PERIOD_JOINERS: [&str; 9] = ["至", "到", "-", "—", "~", "～", "－", "起至", "——"];

/// `M月D日` after a period connector (the year left out, as in
/// `2022年1月1日至12月31日`).
fn month_day(text: &str) -> Option<(u32, u32, usize)> {
    use crate::grammar::ordinal::chinese_number;
    use nom::{
        Parser, branch::alt, bytes::complete::tag, character::complete::digit1, combinator::map_res,
    };
    let number =
        |i| alt((map_res(digit1, |d: &str| d.parse::<u32>()), chinese_number)).parse_complete(i);
    let (rest, (m, _, d, _)) = (number, tag("月"), number, alt((tag("日"), tag("号"))))
        .parse_complete(text)
        .ok()?;
    Some((m, d, text.len() - rest.len()))
}

/// The statistic period: two dates joined by 至/到/-/— shortly after
/// 统计/期限/期间/时限. Only those short windows are scanned for dates.
pub fn statistic_period(text: &str, start: usize, end: usize) -> Option<(FoundDate, FoundDate)> {
    let region = text.get(start..end)?;
    for word in PERIOD_WORDS {
        for (at, _) in region.match_indices(word) {
            let mut window_end = (at + 150).min(region.len());
            while !region.is_char_boundary(window_end) {
                window_end -= 1;
            }
            let Some(window) = region.get(at..window_end) else {
                continue;
            };
            let dates = find_dates(window);
            let Some(first) = dates.first() else { continue };
            let after = window.get(first.end..).unwrap_or("");
            let Some(joiner) = PERIOD_JOINERS
                .iter()
                .filter(|j| after.trim_start().starts_with(**j))
                .max_by_key(|j| j.len())
            else {
                continue;
            };
            let second_at = first.end + (after.len() - after.trim_start().len()) + joiner.len();
            let tail = window.get(second_at..).unwrap_or("");
            let tail_trimmed = tail.trim_start();
            let second_at = second_at + (tail.len() - tail_trimmed.len());
            let second = match dates.get(1).filter(|d| d.start == second_at) {
                Some(d) => *d,
                None => {
                    let (m, d, len) = month_day(tail_trimmed)?;
                    FoundDate {
                        start: second_at,
                        end: second_at + len,
                        year: first.year,
                        date: chrono::NaiveDate::from_ymd_opt(first.year, m, d),
                    }
                }
            };
            if first.date.is_some() && second.date.is_some() {
                let shift = |d: &FoundDate| FoundDate {
                    start: d.start + start + at,
                    end: d.end + start + at,
                    ..*d
                };
                return Some((shift(first), shift(&second)));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_markdown_title_is_read_without_its_marks() {
        let text = "# 某县民政局2020年政府信息公开工作年度报告\n\n**一、总体情况**\n";
        let title = find_title(text, text.len()).unwrap();
        assert_eq!(
            title.agency.as_ref().map(|a| a.0.as_str()),
            Some("某县民政局")
        );
        let (_, start, end) = title.agency.unwrap();
        assert_eq!(text.get(start..end), Some("某县民政局"));
    }

    #[test]
    fn two_line_title() {
        let text = "吉尔格勒特郭楞蒙古民族乡\n\n政府信息公开工作2020年度报告\n\n2020年，…\n";
        let t = find_title(text, text.len());
        let t = t.as_ref();
        assert_eq!(
            t.and_then(|t| t.agency.as_ref()).map(|a| a.0.as_str()),
            Some("吉尔格勒特郭楞蒙古民族乡")
        );
        assert_eq!(t.and_then(|t| t.year).map(|y| y.0), Some(2020));
    }

    #[test]
    fn title_spaced_out_by_justified_pdf_text() {
        let text = "某 县 民 政 局 2 0 2 0 年 政 府 信 息 公 开 工 作 年 度 报 告\n一、总体情况\n";
        let t = find_title(text, text.len()).unwrap();
        let (agency, a, b) = t.agency.unwrap();
        assert_eq!(agency, "某县民政局");
        assert_eq!(text.get(a..b), Some("某 县 民 政 局"));
        assert_eq!(t.year.map(|y| y.0), Some(2020));
    }

    #[test]
    fn flat_title_is_the_head_of_the_line() {
        let text = "乌苏市农业农村局政府信息公开工作2020年度报告 2020年，我局…本报告。";
        let t = find_title(text, text.len());
        assert_eq!(
            t.map(|t| t.text),
            Some("乌苏市农业农村局政府信息公开工作2020年度报告".to_string())
        );
    }

    #[test]
    fn signature_dates() {
        let d = signature_date("六、其他\n无。\n定西市农业农村局 2021年2月5日\n|\n");
        assert_eq!(
            d.and_then(|d| d.date).map(|d| d.to_string()),
            Some("2021-02-05".to_string())
        );
        assert_eq!(signature_date("六、其他\n无\t\n"), None);
        assert_eq!(
            signature_date("本报告统计期限为2020年1月1日至2020年12月31日。"),
            None
        );
        let flat = "…未收到人大建议。 安丘市农机服务中心 2021年1月22日 ";
        assert!(signature_date(flat).is_some());
    }

    #[test]
    fn period_with_the_second_year_left_out() {
        let text = "本年度报告中所列数据统计期限为2022年1月1日至12月31日。";
        let p = statistic_period(text, 0, text.len());
        assert_eq!(
            p.and_then(|(_, b)| b.date).map(|d| d.to_string()),
            Some("2022-12-31".to_string())
        );
        let (a, b) = p.unwrap();
        assert_eq!(text.get(a.start..b.end), Some("2022年1月1日至12月31日"));
    }

    #[test]
    fn periods() {
        let text = "本报告所列数据统计期限为2020年1月1日至2020年12月31日。";
        let p = statistic_period(text, 0, text.len());
        assert_eq!(
            p.map(|(a, b)| (a.year, b.date.map(|d| d.to_string()))),
            Some((2020, Some("2020-12-31".to_string())))
        );
    }
}
