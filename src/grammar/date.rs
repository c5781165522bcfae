//! Dates as reports print them: `2021年1月22日`, `二〇二一年一月二十二日`,
//! `2021-01-22`, `2021.1.22`, `2021/1/22`.

use super::ordinal::{chinese_digit, chinese_number};
use chrono::NaiveDate;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::{one_of, space0},
    combinator::{map_opt, verify},
};

fn arabic(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, u32> {
    move |input| {
        map_opt(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            |s: &str| s.parse().ok(),
        )
        .parse_complete(input)
    }
}

/// A year written with four Chinese digits: `二〇二一`.
fn chinese_year(input: &str) -> IResult<&str, u32> {
    map_opt(
        take_while_m_n(4, 4, |c: char| chinese_digit(c).is_some()),
        |s: &str| {
            s.chars()
                .try_fold(0u32, |acc, c| Some(acc * 10 + chinese_digit(c)?))
        },
    )
    .parse_complete(input)
}

/// `YYYY年M月D日` in Arabic or Chinese digits. Returns (year, month, day).
pub fn cjk_date(input: &str) -> IResult<&str, (i32, u32, u32)> {
    let (rest, (year, _, _, (_, month), _, _, (_, day), _, _)) = alt((
        (
            arabic(4, 4),
            space0,
            tag("年"),
            (space0, arabic(1, 2)),
            space0,
            tag("月"),
            (space0, arabic(1, 2)),
            space0,
            alt((tag("日"), tag("号"))),
        ),
        (
            chinese_year,
            space0,
            tag("年"),
            (space0, chinese_number),
            space0,
            tag("月"),
            (space0, chinese_number),
            space0,
            alt((tag("日"), tag("号"))),
        ),
    ))
    .parse_complete(input)?;
    Ok((rest, (year as i32, month, day)))
}

/// `YYYY-MM-DD`, `YYYY.M.D` or `YYYY/M/D`.
pub fn numeric_date(input: &str) -> IResult<&str, (i32, u32, u32)> {
    let (rest, sep) = verify((arabic(4, 4), one_of("-./")), |_| true).parse_complete(input)?;
    let (rest, month) = arabic(1, 2)(rest)?;
    let (rest, _) = tag(sep.1.encode_utf8(&mut [0; 4]) as &str)(rest)?;
    let (rest, day) = arabic(1, 2)(rest)?;
    Ok((rest, (sep.0 as i32, month, day)))
}

/// Any date form; returns (year, month, day) — not yet checked as a calendar date.
pub fn date(input: &str) -> IResult<&str, (i32, u32, u32)> {
    alt((cjk_date, numeric_date)).parse_complete(input)
}

/// A date found in a text: byte range and the calendar date (or `None` when
/// the printed date does not exist, like `2月30日`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset past the last char.
    pub end: usize,
    /// The year as printed.
    pub year: i32,
    /// The date, when valid.
    pub date: Option<NaiveDate>,
}

/// Every date in `text`, left to right, not overlapping. Linear in `text`.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let mut found = Vec::new();
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        if i < skip_to || !(c.is_ascii_digit() || chinese_digit(c).is_some()) {
            continue;
        }
        // A date starts at a digit not preceded by another ASCII digit.
        if c.is_ascii_digit()
            && text
                .get(..i)
                .and_then(|p| p.chars().next_back())
                .is_some_and(|p| p.is_ascii_digit())
        {
            continue;
        }
        let Some(tail) = text.get(i..) else { continue };
        if let Ok((rest, (y, m, d))) = date(tail) {
            let end = text.len() - rest.len();
            found.push(FoundDate {
                start: i,
                end,
                year: y,
                date: NaiveDate::from_ymd_opt(y, m, d),
            });
            skip_to = end;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> Option<(i32, u32, u32)> {
        date(s).ok().map(|(_, d)| d)
    }

    #[test]
    fn arabic_and_chinese_dates() {
        assert_eq!(ymd("2021年1月22日"), Some((2021, 1, 22)));
        assert_eq!(ymd("2021 年 2 月 5 日"), Some((2021, 2, 5)));
        assert_eq!(ymd("二〇二一年一月二十二日"), Some((2021, 1, 22)));
        assert_eq!(ymd("二〇二〇年十二月三十一日"), Some((2020, 12, 31)));
        assert_eq!(ymd("2021-01-22"), Some((2021, 1, 22)));
        assert_eq!(ymd("2021.1.5"), Some((2021, 1, 5)));
        assert_eq!(ymd("2021-1.5"), None);
        assert_eq!(ymd("2020年度"), None);
    }

    #[test]
    fn finds_dates_in_text() {
        let text = "统计期限为2020年1月1日至2020年12月31日。落款 2021年2月30日";
        let found = find_dates(text);
        assert_eq!(found.len(), 3);
        assert_eq!(
            found.first().and_then(|f| f.date),
            NaiveDate::from_ymd_opt(2020, 1, 1)
        );
        assert_eq!(found.get(2).map(|f| f.date), Some(None));
        assert_eq!(
            found.get(1).and_then(|f| text.get(f.start..f.end)),
            Some("2020年12月31日")
        );
    }
}
