//! The tokens of a narrative sentence: years, counts with their units,
//! percentages, opaque spans (titles in 《》, asides in brackets, article
//! numbers such as 第二十条, ordinals), clause breaks and keywords.
//!
//! The lexer never fails: a char that starts no token is `Other`. Every
//! token parser looks at a bounded stretch of input, so lexing is linear.

use super::Period;
use super::lexicon::{FUTURE_AFTER_JIANG, Word, keyword_at, may_start_keyword};
use crate::grammar::is_cjk;
use crate::grammar::ordinal::chinese_digit;
use crate::grammar::title::title_year;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{anychar, char, digit1, one_of, satisfy, space0},
    combinator::{map, map_opt, not, opt, peek, recognize, value, verify},
    multi::many1,
    sequence::{pair, preceded, terminated},
};

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tok {
    /// `2020年`, `2020年度`, `二〇二〇年`; `dated` when a month follows.
    Year {
        /// The year.
        year: i32,
        /// Whether a month (a date) follows the year.
        dated: bool,
    },
    /// A number with a unit: `3件`, `十二条`, `100余件`, `0元`.
    Count {
        /// The number.
        value: f64,
        /// The unit as written (`件`, `条`, `万元` …), empty for `为零`.
        unit: &'static str,
        /// `余`, `多`, `近`, `约`, `左右`: the number is approximate.
        approx: bool,
    },
    /// `35%`, `百分之百`.
    Percent,
    /// A number without a unit.
    Number,
    /// A title in 《》, an aside in brackets, an article number (`第二十条`)
    /// or an ordinal (`1.`, `一、`, `二是`): read as nothing.
    Opaque,
    /// `，；。：！？`: the end of a clause.
    Break,
    /// White space.
    Space,
    /// A keyword.
    Word(Word),
    /// A subject: the agency speaking of itself (`我局`, `本机关`).
    Subject,
    /// Any other char.
    Other,
}

/// A token and its byte range in the sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Token {
    /// What it is.
    pub tok: Tok,
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset past its end.
    pub end: usize,
}

/// Units a count may carry; longest first where one is the start of another.
const UNITS: &[&str] = &[
    "个工作日",
    "工作日",
    "件次",
    "人次",
    "万元",
    "元",
    "件",
    "条",
    "起",
    "宗",
    "个",
    "次",
    "份",
    "项",
    "篇",
    "人",
    "家",
    "户",
    "期",
    "场",
    "天",
    "日",
    "个月",
    "小时",
    "周",
];

/// Units of things counted one by one, which a claim's count may carry.
pub(crate) const COUNT_UNITS: &[&str] = &["件", "条", "起", "宗", "个", "次", "份", "项", "件次"];

/// Units of money, which a fee claim may carry.
pub(crate) const MONEY_UNITS: &[&str] = &["元", "万元"];

/// How far (in bytes) an opaque span in brackets may reach.
const BRACKET_REACH: usize = 600;

/// A unit after a number; the first of [`UNITS`] that fits (the longer
/// ones come first, so `个工作日` is not read as `个`).
fn unit(input: &str) -> IResult<&str, &'static str> {
    UNITS
        .iter()
        .find_map(|u| input.strip_prefix(u).map(|rest| (rest, *u)))
        .ok_or(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )))
}

/// Value of a Chinese numeral char: a digit, or `十`/`百`/`千`/`万`.
fn numeral_char(c: char) -> bool {
    c == '两' || c == '十' || c == '百' || c == '千' || c == '万' || chinese_digit(c).is_some()
}

/// The value of a Chinese numeral (`十二`, `二十`, `一百零五`, `两千`).
fn chinese_value(text: &str) -> Option<f64> {
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut previous_digit = false;
    for c in text.chars() {
        let place: Option<u64> = match c {
            '十' => Some(10),
            '百' => Some(100),
            '千' => Some(1000),
            '万' => Some(10_000),
            _ => None,
        };
        match place {
            Some(10_000) => {
                section = section.checked_add(digit.take().unwrap_or(0))?;
                total = total.checked_add(section.max(1))?.checked_mul(10_000)?;
                section = 0;
                previous_digit = false;
            }
            Some(p) => {
                let d = digit.take().unwrap_or(if p == 10 { 1 } else { 0 });
                if d == 0 {
                    return None;
                }
                section = section.checked_add(d.checked_mul(p)?)?;
                previous_digit = false;
            }
            None => {
                let d = if c == '两' {
                    2
                } else {
                    u64::from(chinese_digit(c)?)
                };
                // Two digits in a row (二〇二〇) are a year or a code, not a
                // count; `零` between places (一百零五) is allowed.
                if previous_digit && digit != Some(0) {
                    return None;
                }
                digit = Some(d);
                previous_digit = true;
            }
        }
    }
    section = section.checked_add(digit.unwrap_or(0))?;
    Some(total.checked_add(section)? as f64)
}

/// `1,234`: digits in groups of three (a comma here is not a clause break).
fn grouped_digits(input: &str) -> IResult<&str, &str> {
    recognize((
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        many1(preceded(
            char(','),
            terminated(
                take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
                not(satisfy(|c| c.is_ascii_digit())),
            ),
        )),
    ))
    .parse_complete(input)
}

fn arabic_value(input: &str) -> IResult<&str, f64> {
    map_opt(
        recognize(pair(
            alt((grouped_digits, digit1)),
            opt(pair(char('.'), digit1)),
        )),
        |s: &str| s.replace(',', "").parse::<f64>().ok(),
    )
    .parse_complete(input)
}

fn chinese_numeral(input: &str) -> IResult<&str, f64> {
    map_opt(take_while_m_n(1, 8, numeral_char), chinese_value).parse_complete(input)
}

/// A year: `2020年`, `2020年度`, `二〇二〇年`, and whether a month follows.
fn year(input: &str) -> IResult<&str, Tok> {
    let (rest, year) = verify(title_year, |y| (1949..=2100).contains(y)).parse_complete(input)?;
    let (rest, month) = opt(peek(terminated(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit() || numeral_char(c)),
        char('月'),
    )))
    .parse_complete(rest)?;
    Ok((
        rest,
        Tok::Year {
            year,
            dated: month.is_some(),
        },
    ))
}

/// A number of years that is not a year (`3年`, `三年来`, `020年` cut from
/// `2020年`): a period the sentence names but does not make out.
fn years_span(input: &str) -> IResult<&str, Tok> {
    value(
        Tok::Word(Word::Period(Period::Unclear)),
        (
            alt((
                take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
                recognize(chinese_numeral),
            )),
            space0,
            char('年'),
            opt(alt((tag("度"), tag("以来"), tag("来")))),
        ),
    )
    .parse_complete(input)
}

/// `近`, `约`, `逾`, `超过`, `将近`, `大约` before a number.
fn approx_before(input: &str) -> IResult<&str, &str> {
    alt((
        tag("将近"),
        tag("大约"),
        tag("超过"),
        tag("近"),
        tag("约"),
        tag("逾"),
    ))
    .parse_complete(input)
}

/// A number with a unit, Arabic or Chinese, with the marks of an
/// approximate number.
fn count(input: &str) -> IResult<&str, Tok> {
    let (rest, before) = opt(approx_before).parse_complete(input)?;
    let (rest, value) = alt((arabic_value, chinese_numeral)).parse_complete(rest)?;
    let (rest, (more, _, unit)) =
        (opt(alt((tag("余"), tag("多")))), space0, unit).parse_complete(rest)?;
    let (rest, after) = opt(alt((tag("左右"), tag("以上"), tag("多")))).parse_complete(rest)?;
    Ok((
        rest,
        Tok::Count {
            value,
            unit,
            approx: before.is_some() || more.is_some() || after.is_some(),
        },
    ))
}

/// `为零`, `为0`, `是零`: a count of zero with no unit (a unit, if any,
/// follows as part of the count).
fn stated_zero(input: &str) -> IResult<&str, Tok> {
    let (rest, _) = (
        alt((tag("为"), tag("是"))),
        alt((tag("零"), tag("0"))),
        not(satisfy(|c| c.is_ascii_digit() || c == '.' || c == '%')),
    )
        .parse_complete(input)?;
    let (rest, unit) = opt(unit).parse_complete(rest)?;
    Ok((
        rest,
        Tok::Count {
            value: 0.0,
            unit: unit.unwrap_or(""),
            approx: false,
        },
    ))
}

fn percent(input: &str) -> IResult<&str, Tok> {
    value(
        Tok::Percent,
        alt((
            recognize((arabic_value, space0, one_of("%％"))),
            recognize(preceded(
                tag("百分之"),
                alt((recognize(arabic_value), recognize(chinese_numeral))),
            )),
        )),
    )
    .parse_complete(input)
}

/// [`years_span`] written in digits, tried before a bare number takes them.
fn arabic_years_span(input: &str) -> IResult<&str, Tok> {
    if input.starts_with(|c: char| c.is_ascii_digit()) {
        years_span(input)
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )))
    }
}

fn bare_number(input: &str) -> IResult<&str, Tok> {
    value(Tok::Number, arabic_value).parse_complete(input)
}

/// `1.` / `2、` before a year or a word (not a decimal), `一、`, `二是`,
/// `三)`: a list ordinal.
fn ordinal(input: &str) -> IResult<&str, Tok> {
    value(
        Tok::Opaque,
        alt((
            recognize((
                take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
                one_of(".、"),
                alt((
                    recognize(peek(year)),
                    recognize(peek(not(satisfy(|c| c.is_ascii_digit())))),
                )),
            )),
            recognize((
                take_while_m_n(1, 2, |c: char| {
                    c == '十' || matches!(chinese_digit(c), Some(1..=9))
                }),
                alt((tag("、"), tag("是"), tag(")"), tag("）"))),
            )),
        )),
    )
    .parse_complete(input)
}

/// `第二十条`, `第3次`, `第一季度`: an article or a rank, not a count.
fn article(input: &str) -> IResult<&str, Tok> {
    value(
        Tok::Opaque,
        recognize((
            char('第'),
            alt((recognize(digit1), take_while_m_n(1, 8, numeral_char))),
            opt(satisfy(is_cjk)),
        )),
    )
    .parse_complete(input)
}

/// A title in 《》 or an aside in brackets, up to its closing mark (or the
/// end of the sentence when it does not close).
fn bracketed(input: &str) -> IResult<&str, Tok> {
    let (rest, open) = one_of("《(（[【〈").parse_complete(input)?;
    let closes: &[char] = match open {
        '《' => &['》'],
        '(' | '（' => &[')', '）'],
        '[' => &[']'],
        '【' => &['】'],
        _ => &['〉'],
    };
    let mut end = 0;
    for (at, c) in rest.char_indices() {
        if at >= BRACKET_REACH {
            break;
        }
        end = at + c.len_utf8();
        if closes.contains(&c) {
            break;
        }
    }
    // A bracket left open (the text cut inside an aside) is an aside to the
    // end of the sentence, as it would have been had it closed.
    Ok((rest.get(end..).unwrap_or(""), Tok::Opaque))
}

/// `将` followed by an adverb or a verb: the future, not `将X纳入Y`.
fn future_jiang(input: &str) -> IResult<&str, Tok> {
    let (rest, _) = tag("将").parse_complete(input)?;
    if FUTURE_AFTER_JIANG.iter().any(|w| rest.starts_with(w)) {
        Ok((rest, Tok::Word(Word::Future)))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )))
    }
}

/// `较上年`, `比2019年`, `与去年`: a comparison with another period.
fn compared_with(input: &str) -> IResult<&str, Tok> {
    value(
        Tok::Word(Word::Period(Period::Comparison)),
        pair(
            alt((tag("较"), tag("比"), tag("与"))),
            peek(alt((
                recognize(year),
                tag("上年"),
                tag("上一年"),
                tag("去年"),
                tag("前一年"),
                tag("同期"),
            ))),
        ),
    )
    .parse_complete(input)
}

/// Units of an agency speaking of itself after `本`.
const OWN_UNITS: &[&str] = &[
    "行政机关",
    "机关",
    "单位",
    "部门",
    "系统",
    "中心",
    "街道",
    "局",
    "委",
    "办",
    "院",
    "厅",
    "乡",
    "镇",
    "区",
    "县",
    "市",
    "站",
    "所",
    "馆",
    "队",
    "处",
];

/// `本机关`, `本单位`, `本局`: the agency speaking of itself.
fn own_unit(input: &str) -> IResult<&str, Tok> {
    let (rest, _) = char('本').parse_complete(input)?;
    match OWN_UNITS.iter().find(|u| rest.starts_with(**u)) {
        Some(u) => Ok((rest.get(u.len()..).unwrap_or(""), Tok::Subject)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// `我局`, `我们`, `本机关`: the agency speaking of itself (`我国` is not).
fn subject(input: &str) -> IResult<&str, Tok> {
    alt((
        value(
            Tok::Subject,
            pair(char('我'), satisfy(|c| is_cjk(c) && c != '国')),
        ),
        own_unit,
    ))
    .parse_complete(input)
}

fn keyword(input: &str) -> IResult<&str, Tok> {
    match keyword_at(input) {
        Some((word, len)) => Ok((input.get(len..).unwrap_or(""), Tok::Word(word))),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

fn clause_break(input: &str) -> IResult<&str, Tok> {
    value(Tok::Break, one_of(",，;；。:：!！?？")).parse_complete(input)
}

fn space(input: &str) -> IResult<&str, Tok> {
    value(Tok::Space, take_while1(char::is_whitespace)).parse_complete(input)
}

fn other(input: &str) -> IResult<&str, Tok> {
    map(anychar, |_| Tok::Other).parse_complete(input)
}

/// One token. The first char tells which parsers may apply, so a char that
/// starts nothing but a keyword costs one keyword lookup.
fn token(input: &str) -> IResult<&str, Tok> {
    let Some(c) = input.chars().next() else {
        return other(input);
    };
    if c.is_ascii_digit() {
        return alt((
            year,
            ordinal,
            percent,
            count,
            arabic_years_span,
            bare_number,
        ))
        .parse_complete(input);
    }
    if numeral_char(c) {
        // Chinese numerals are mostly words (`进一步`, `统一`, `一是`): a
        // number needs a year, a unit, a list mark or 百分之 after the run.
        // A numeral reads at most 8 chars, so a longer run is no number and
        // the scan stops there: each token start looks at 9 chars at most,
        // which keeps a long run of 一 or 〇 linear.
        let run_end = input
            .char_indices()
            .take(9)
            .find(|(_, c)| !numeral_char(*c))
            .map_or(input.len(), |(i, _)| i);
        let after = input.get(run_end..).and_then(|t| t.chars().next());
        let may_be_number = after.is_some_and(|a| {
            matches!(
                a,
                '年' | '月' | '、' | '是' | ')' | '）' | '余' | '多' | '分' | '〇' | ' '
            ) || UNITS.iter().any(|u| u.starts_with(a))
        });
        if !may_be_number {
            return alt((keyword, other)).parse_complete(input);
        }
        return alt((year, ordinal, percent, count, keyword, years_span, other))
            .parse_complete(input);
    }
    if c.is_whitespace() {
        return space(input);
    }
    match c {
        '《' | '(' | '（' | '[' | '【' | '〈' => bracketed(input),
        ',' | '，' | ';' | '；' | '。' | ':' | '：' | '!' | '！' | '?' | '？' => {
            clause_break(input)
        }
        '第' => alt((article, keyword, other)).parse_complete(input),
        '将' => alt((count, future_jiang, keyword, other)).parse_complete(input),
        '较' | '比' | '与' => alt((compared_with, keyword, other)).parse_complete(input),
        '我' | '本' => alt((subject, keyword, other)).parse_complete(input),
        '为' | '是' => alt((stated_zero, keyword, other)).parse_complete(input),
        '近' | '约' | '逾' | '超' | '大' => alt((count, keyword, other)).parse_complete(input),
        // Most chars start nothing: one bit lookup, no parser.
        _ if !may_start_keyword(c) => Ok((input.get(c.len_utf8()..).unwrap_or(""), Tok::Other)),
        _ => alt((keyword, other)).parse_complete(input),
    }
}

/// The tokens of `text`, in order, covering it entirely.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    // A CJK char is three bytes: about one token for each.
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    let mut rest = text;
    while !rest.is_empty() {
        let start = text.len() - rest.len();
        let Ok((after, tok)) = token(rest) else {
            break;
        };
        // Every alternative consumes at least one char; the guard keeps the
        // loop finite whatever a parser does.
        if after.len() >= rest.len() {
            break;
        }
        rest = after;
        out.push(Token {
            tok,
            start,
            end: text.len() - rest.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Tok> {
        tokens(text).into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_value("十二"), Some(12.0));
        assert_eq!(chinese_value("二十"), Some(20.0));
        assert_eq!(chinese_value("一百零五"), Some(105.0));
        assert_eq!(chinese_value("两千"), Some(2000.0));
        assert_eq!(chinese_value("零"), Some(0.0));
        assert_eq!(chinese_value("二〇二〇"), None);
    }

    #[test]
    fn counts_years_and_articles() {
        assert_eq!(
            kinds("3件"),
            vec![Tok::Count {
                value: 3.0,
                unit: "件",
                approx: false
            }]
        );
        assert_eq!(
            kinds("100余件"),
            vec![Tok::Count {
                value: 100.0,
                unit: "件",
                approx: true
            }]
        );
        assert_eq!(
            kinds("2020年度"),
            vec![Tok::Year {
                year: 2020,
                dated: false
            }]
        );
        assert_eq!(kinds("第二十条"), vec![Tok::Opaque]);
        assert_eq!(kinds("1.2020年")[0], Tok::Opaque);
        assert_eq!(kinds("35.5%"), vec![Tok::Percent]);
        assert_eq!(kinds("《2020年工作要点》"), vec![Tok::Opaque]);
    }

    #[test]
    fn grouped_digits_and_spans_of_years() {
        assert_eq!(
            kinds("1,234件"),
            vec![Tok::Count {
                value: 1234.0,
                unit: "件",
                approx: false
            }]
        );
        assert_eq!(kinds("5,3件")[1], Tok::Break);
        assert_eq!(kinds("近3年")[1], Tok::Word(Word::Period(Period::Unclear)));
        assert_eq!(kinds("三年来")[0], Tok::Word(Word::Period(Period::Unclear)));
        assert_eq!(kinds("020年")[0], Tok::Word(Word::Period(Period::Unclear)));
    }

    #[test]
    fn jiang_is_future_only_before_a_verb() {
        assert_eq!(kinds("将进一步")[0], Tok::Word(Word::Future));
        assert_ne!(kinds("将政务公开")[0], Tok::Word(Word::Future));
    }

    #[test]
    fn tokens_cover_any_input() {
        for text in [
            "",
            "(",
            "《未闭合",
            "第",
            "1.",
            "为0.5",
            "将",
            "我",
            "十万万",
        ] {
            let toks = tokens(text);
            assert_eq!(toks.last().map_or(0, |t| t.end), text.len(), "{text}");
        }
    }
}
