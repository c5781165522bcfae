//! The report title: `{机关}政府信息公开工作{YYYY}年度报告`,
//! `{机关}{YYYY}年政府信息公开工作年度报告`, `{机关}{YYYY}年度政务信息公开年度工作报告` …

use super::ordinal::chinese_digit;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::space0,
    combinator::{map_opt, opt},
};

/// What a title line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleParts<'a> {
    /// The agency named before the year / subject words (may be empty when
    /// the agency sits on the line above).
    pub agency: &'a str,
    /// Byte range of `agency` within the line.
    pub agency_range: (usize, usize),
    /// The report year and its byte range within the line.
    pub year: Option<(i32, usize, usize)>,
}

/// Subject words that end the agency part of a title.
const SUBJECT_WORDS: &[&str] = &["政府信息公开", "政务信息公开", "政务公开", "信息公开"];

/// `2020年` / `2020年度` / `二〇二〇年度`: the year.
pub fn title_year(input: &str) -> IResult<&str, i32> {
    let (rest, year) = alt((
        map_opt(
            take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
            |s: &str| s.parse::<i32>().ok(),
        ),
        map_opt(
            take_while_m_n(4, 4, |c: char| chinese_digit(c).is_some()),
            |s: &str| {
                s.chars()
                    .try_fold(0i32, |acc, c| Some(acc * 10 + chinese_digit(c)? as i32))
            },
        ),
    ))
    .parse_complete(input)?;
    let (rest, _) = (space0, tag("年"), opt(tag("度"))).parse_complete(rest)?;
    Ok((rest, year))
}

/// Whether a line reads as a report title (subject words and 报告, no sentence).
pub fn is_title_line(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 80
        && line.contains("报告")
        && SUBJECT_WORDS.iter().any(|w| line.contains(w))
        && !line.contains('。')
        && !line.contains('《')
        && !line.contains("根据")
        && !line.contains("按照")
        && !line.contains("首页")
        && !line.contains("当前位置")
        && !line.contains(['>', '»', '›'])
}

/// Finds the first year (`2020年`, `2020年度`) in a line, with its byte range.
pub fn find_year(line: &str) -> Option<(i32, usize, usize)> {
    let mut previous_digit = false;
    for (i, c) in line.char_indices() {
        let digit = c.is_ascii_digit() || chinese_digit(c).is_some();
        if digit
            && !previous_digit
            && let Some(tail) = line.get(i..)
            && let Ok((rest, year)) = title_year(tail)
            && (1990..=2100).contains(&year)
        {
            return Some((year, i, line.len() - rest.len()));
        }
        previous_digit = digit;
    }
    None
}

/// Splits a title line into agency and year.
pub fn parse_title_line(full: &str) -> TitleParts<'_> {
    // Web pages print the title after a field name: `标题：…`, `名称:…`.
    let skip = full
        .rfind([':', '：'])
        .map(|i| {
            i + full
                .get(i..)
                .and_then(|t| t.chars().next())
                .map(char::len_utf8)
                .unwrap_or(1)
        })
        .unwrap_or(0);
    let line = full.get(skip..).unwrap_or(full);
    let mut parts = parse_title_tail(line);
    parts.agency_range = (parts.agency_range.0 + skip, parts.agency_range.1 + skip);
    parts.year = parts.year.map(|(y, a, b)| (y, a + skip, b + skip));
    parts
}

fn parse_title_tail(line: &str) -> TitleParts<'_> {
    let year = find_year(line);
    let subject = SUBJECT_WORDS
        .iter()
        .filter_map(|w| line.find(w))
        .min()
        .map(|at| {
            // `某县人民政府信息公开工作…`: the 政府 belongs to the agency.
            let shares = line.get(..at).is_some_and(|h| h.ends_with("人民"))
                && line.get(at..).is_some_and(|t| t.starts_with("政府"));
            if shares { at + "政府".len() } else { at }
        });
    // A title that opens with its year names the agency after it:
    // `2020年某县民政局政府信息公开工作年度报告`.
    if let (Some((_, y_start, y_end)), Some(subject_at)) = (year, subject)
        && line.get(..y_start).is_some_and(|h| h.trim().is_empty())
        && subject_at > y_end
    {
        let between = line.get(y_end..subject_at).unwrap_or("");
        let start = y_end + (between.len() - between.trim_start().len());
        let end = y_end + between.trim_end().len();
        return TitleParts {
            agency: line.get(start..end).unwrap_or(""),
            agency_range: (start, end),
            year,
        };
    }
    let cut = match (year.map(|y| y.1), subject) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => 0,
    };
    // `{机关}关于{…}年度报告`: the agency is what stands before 关于.
    let cut = line.get(..cut).and_then(|h| h.find("关于")).unwrap_or(cut);
    let head = line.get(..cut).unwrap_or("");
    let trimmed_end = head
        .trim_end_matches(|c: char| c.is_whitespace())
        .trim_end_matches("关于")
        .trim_end_matches(|c: char| c.is_whitespace());
    let start = head.len()
        - head
            .trim_start_matches(|c: char| c.is_whitespace() || "|《【[".contains(c))
            .len();
    let end = trimmed_end.len().max(start);
    TitleParts {
        agency: line.get(start..end).unwrap_or(""),
        agency_range: (start, end),
        year,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_title_line_doc_examples() {
        use crate::grammar::title::parse_title_line;
        let t = parse_title_line("乌苏市农业农村局政府信息公开工作2020年度报告");
        assert_eq!(t.agency, "乌苏市农业农村局");
        assert_eq!(t.year.map(|y| y.0), Some(2020));
        let t = parse_title_line("2020年政府信息公开工作年度报告");
        assert_eq!(t.agency, "");
    }

    #[test]
    fn title_shapes() {
        let cases = [
            (
                "乌苏市农业农村局政府信息公开工作2020年度报告",
                "乌苏市农业农村局",
                Some(2020),
            ),
            (
                "安丘市农机服务中心2020年政府信息公开工作年度报告",
                "安丘市农机服务中心",
                Some(2020),
            ),
            (
                "鼎城区乡村振兴局2021年度政府信息公开工作报告",
                "鼎城区乡村振兴局",
                Some(2021),
            ),
            (
                "定西市农业农村局2020年度政务信息公开年度工作报告 |",
                "定西市农业农村局",
                Some(2020),
            ),
            ("政府信息公开工作2020年度报告", "", Some(2020)),
            (
                "某县民政局2020 年度政府信息公开工作报告",
                "某县民政局",
                Some(2020),
            ),
            (
                "某县人民政府信息公开工作2020年度报告",
                "某县人民政府",
                Some(2020),
            ),
            (
                "2021年度某县人民政府信息公开工作年度报告",
                "某县人民政府",
                Some(2021),
            ),
            (
                "某市人民政府办公室关于某市2020年政府信息公开工作年度报告",
                "某市人民政府办公室",
                Some(2020),
            ),
            (
                "标题：某县民政局2020年政府信息公开工作年度报告",
                "某县民政局",
                Some(2020),
            ),
            (
                "2020年某县民政局政府信息公开工作年度报告",
                "某县民政局",
                Some(2020),
            ),
            (
                "某县人民政府关于二〇二二年度政府信息公开工作的年度报告",
                "某县人民政府",
                Some(2022),
            ),
        ];
        for (line, agency, year) in cases {
            let t = parse_title_line(line);
            assert_eq!(t.agency, agency, "{line}");
            assert_eq!(t.year.map(|y| y.0), year, "{line}");
            assert!(is_title_line(line), "{line}");
        }
    }

    #[test]
    fn sentences_are_not_titles() {
        assert!(!is_title_line("根据《条例》要求，特编制本报告。"));
        assert!(!is_title_line("一、总体情况"));
        assert!(!is_title_line("首页 > 政府信息公开 > 年度报告"));
    }
}
