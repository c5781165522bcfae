//! Cell values: signed integers with thousands separators, decimals, units
//! written in the cell, placeholders and empty cells.

use crate::ast::CellValue;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    character::complete::{char, digit1, one_of},
    combinator::{all_consuming, opt, recognize},
    multi::many1,
    sequence::preceded,
};

/// Units that may be written inside a numeric cell; longest first.
const UNITS: &[&str] = &[
    "万元", "元", "件", "条", "个", "项", "次", "人", "户", "份", "起",
];

/// Words that stand for "nothing here" in a cell.
const PLACEHOLDERS: &[&str] = &[
    "/",
    "\\",
    "-",
    "--",
    "—",
    "——",
    "–",
    "―",
    "─",
    "－",
    "无",
    "不适用",
    "空",
    "N/A",
    "n/a",
    "NA",
    "na",
    "×",
];

/// A cell's value and the unit written in it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedCell {
    /// What the cell holds.
    pub value: CellValue,
    /// The unit stripped from it.
    pub unit: Option<&'static str>,
}

fn grouped_digits(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            take_while1(|c: char| c.is_ascii_digit()),
            many1(preceded(char(','), digits3)),
        )),
        digit1,
    ))
    .parse_complete(input)
}

fn digits3(input: &str) -> IResult<&str, &str> {
    nom::bytes::complete::take_while_m_n(3, 3, |c: char| c.is_ascii_digit()).parse_complete(input)
}

fn unit(input: &str) -> IResult<&str, &'static str> {
    for u in UNITS {
        if let Some(rest) = input.strip_prefix(u) {
            return Ok((rest, u));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// A number as printed: optional sign, digits (with `,` groups), optional
/// fraction, optional unit. Returns (sign, integer digits, fraction, unit).
#[allow(clippy::type_complexity)]
fn number(input: &str) -> IResult<&str, (Option<char>, &str, Option<&str>, Option<&'static str>)> {
    (
        opt(one_of("+-")),
        grouped_digits,
        opt(preceded(char('.'), digit1)),
        opt(preceded(opt(char(' ')), unit)),
    )
        .parse_complete(input)
}

/// Whether `text` is a placeholder word.
pub fn is_placeholder(text: &str) -> bool {
    PLACEHOLDERS.contains(&text)
}

/// Reads one cell's text (already trimmed by the caller or not).
pub fn parse_cell(text: &str) -> ParsedCell {
    let text = text.trim();
    if text.is_empty() {
        return ParsedCell {
            value: CellValue::Empty,
            unit: None,
        };
    }
    if is_placeholder(text) {
        return ParsedCell {
            value: CellValue::Placeholder,
            unit: None,
        };
    }
    // The common cell, plain digits, needs no grammar.
    if text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) {
        let n = text.bytes().fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
        return ParsedCell {
            value: CellValue::Integer(n),
            unit: None,
        };
    }
    // A number starts with a sign or a digit; anything else is text.
    if !text
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'+' || b == b'-')
    {
        return ParsedCell {
            value: CellValue::Text,
            unit: None,
        };
    }
    match all_consuming(number).parse_complete(text) {
        Ok((_, (sign, int, fraction, unit))) => {
            let digits: String = int.chars().filter(|c| c.is_ascii_digit()).collect();
            let negative = sign == Some('-');
            let value = match fraction {
                Some(f) => {
                    let mut d = String::with_capacity(digits.len() + f.len() + 2);
                    if negative {
                        d.push('-');
                    }
                    d.push_str(digits.trim_start_matches('0'));
                    if d.is_empty() || d == "-" {
                        d.push('0');
                    }
                    d.push('.');
                    d.push_str(f);
                    CellValue::Decimal(d)
                }
                None => match digits.parse::<i64>() {
                    Ok(n) => CellValue::Integer(if negative { -n } else { n }),
                    Err(_) => CellValue::Text,
                },
            };
            ParsedCell { value, unit }
        }
        Err(_) => ParsedCell {
            value: CellValue::Text,
            unit: None,
        },
    }
}

/// Whether `word` reads as a value (number or placeholder), as opposed to a
/// label fragment, when cells are separated by white space only.
pub fn is_value_word(word: &str) -> bool {
    matches!(
        parse_cell(word).value,
        CellValue::Integer(_) | CellValue::Decimal(_) | CellValue::Placeholder
    )
}

/// Dashes around a page number (`-3-`, `— 3 —`).
const PAGE_DASHES: &str = "-—–";

/// A page number line printed inside a table by PDF converters: `-3-`, `— 3 —`,
/// `第3页`, `第 3 页 共 10 页`.
pub fn is_page_number(text: &str) -> bool {
    let text = text.trim();
    // Page numbers are short and hold a digit: most lines fail here cheaply.
    if text.len() > 40
        || !text.starts_with(|c: char| PAGE_DASHES.contains(c) || c == '第')
        || !text.bytes().any(|b| b.is_ascii_digit())
    {
        return false;
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let dashed = (
        one_of::<_, _, nom::error::Error<&str>>(PAGE_DASHES),
        digit1,
        one_of(PAGE_DASHES),
    );
    let paged = (
        tag::<_, _, nom::error::Error<&str>>("第"),
        digit1,
        tag("页"),
        opt((tag("共"), digit1, tag("页"))),
    );
    all_consuming(alt((recognize(dashed), recognize(paged))))
        .parse_complete(compact.as_str())
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_cell_doc_examples() {
        use crate::CellValue;
        use crate::grammar::number::parse_cell;
        assert_eq!(parse_cell("-4").value, CellValue::Integer(-4));
        assert_eq!(parse_cell("+1,036").value, CellValue::Integer(1036));
        assert_eq!(parse_cell("251000元").unit, Some("元"));
        assert_eq!(
            parse_cell("12.50").value,
            CellValue::Decimal("12.50".into())
        );
        assert_eq!(parse_cell("/").value, CellValue::Placeholder);
        assert_eq!(parse_cell("").value, CellValue::Empty);
        assert_eq!(parse_cell("l0").value, CellValue::Text);
    }

    #[test]
    fn integers_signs_and_separators() {
        assert_eq!(parse_cell("0").value, CellValue::Integer(0));
        assert_eq!(parse_cell(" 1782 ").value, CellValue::Integer(1782));
        assert_eq!(parse_cell("-4").value, CellValue::Integer(-4));
        assert_eq!(parse_cell("+1036").value, CellValue::Integer(1036));
        assert_eq!(parse_cell("1,234,567").value, CellValue::Integer(1_234_567));
        assert_eq!(parse_cell("1,23").value, CellValue::Text);
    }

    #[test]
    fn decimals_and_units() {
        assert_eq!(parse_cell("0.5").value, CellValue::Decimal("0.5".into()));
        assert_eq!(
            parse_cell("-3.25").value,
            CellValue::Decimal("-3.25".into())
        );
        let c = parse_cell("12.5万元");
        assert_eq!(c.value, CellValue::Decimal("12.5".into()));
        assert_eq!(c.unit, Some("万元"));
        assert_eq!(parse_cell("5 件").unit, Some("件"));
    }

    #[test]
    fn placeholders_empty_and_text() {
        for p in ["/", "-", "—", "--", "无", "不适用", "N/A"] {
            assert_eq!(parse_cell(p).value, CellValue::Placeholder, "{p}");
        }
        assert_eq!(parse_cell("  ").value, CellValue::Empty);
        assert_eq!(parse_cell("O").value, CellValue::Text);
        assert_eq!(parse_cell("1.").value, CellValue::Text);
        assert_eq!(parse_cell("99999999999999999999").value, CellValue::Text);
    }

    #[test]
    fn value_words_and_page_numbers() {
        assert!(is_value_word("2202"));
        assert!(is_value_word("/"));
        assert!(!is_value_word("规章"));
        assert!(!is_value_word("1.属于国家秘密"));
        assert!(is_page_number("-3-"));
        assert!(is_page_number("— 12 —"));
        assert!(is_page_number("第 3 页 共 10 页"));
        assert!(!is_page_number("-3"));
    }
}
