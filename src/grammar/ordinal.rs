//! Ordinals: `一` … `十`, `1` … `9`, with their separators (`、`, `.`).

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::take_while_m_n,
    character::complete::{char, one_of, satisfy, space0},
    combinator::{map, map_opt, not},
    sequence::{delimited, terminated},
};

/// Value of a Chinese numeral digit `一`…`九`, `〇`/`零` = 0.
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | 'О' | 'O' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A Chinese numeral from 1 to 99 (`三`, `十`, `十二`, `二十`, `二十三`).
pub fn chinese_number(input: &str) -> IResult<&str, u32> {
    map_opt(
        take_while_m_n(1, 3, |c: char| {
            c == '十' || matches!(chinese_digit(c), Some(1..=9))
        }),
        |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            match chars.as_slice() {
                [d] if *d != '十' => chinese_digit(*d),
                ['十'] => Some(10),
                ['十', d] => Some(10 + chinese_digit(*d)?),
                [d, '十'] => Some(10 * chinese_digit(*d)?),
                [a, '十', b] => Some(10 * chinese_digit(*a)? + chinese_digit(*b)?),
                _ => None,
            }
        },
    )
    .parse_complete(input)
}

/// One or two ASCII digits as a number.
fn arabic_number(input: &str) -> IResult<&str, u32> {
    map_opt(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        |s: &str| s.parse().ok(),
    )
    .parse_complete(input)
}

/// How an ordinal was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrdinalStyle {
    /// `三、`
    Chinese,
    /// `3、` or `3.`
    Arabic,
}

/// What may follow a heading ordinal's number.
const HEADING_SEPARATORS: &str = "、.,，";

/// A top-level heading ordinal: `三、`, `三.`, `3、`, `3.` with optional spaces
/// after. Returns the number and its style.
pub fn heading_ordinal(input: &str) -> IResult<&str, (u32, OrdinalStyle)> {
    // Numbers in tables are tried here at every cell: an Arabic ordinal is
    // one or two digits and a separator, so anything else is turned away
    // before the grammar runs.
    let bytes = input.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) {
        let digits = bytes
            .iter()
            .take(2)
            .take_while(|b| b.is_ascii_digit())
            .count();
        let after = input.get(digits..).and_then(|t| t.chars().next());
        if !after.is_some_and(|c| HEADING_SEPARATORS.contains(c)) {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::OneOf,
            )));
        }
    }
    terminated(
        alt((
            map(chinese_number, |n| (n, OrdinalStyle::Chinese)),
            map(arabic_number, |n| (n, OrdinalStyle::Arabic)),
        )),
        (one_of(HEADING_SEPARATORS), space0),
    )
    .parse_complete(input)
}

/// The ordinal a table row label prints, in one of the three numbering
/// levels of the templates: `一、本年新收…` ([`Ordinal::Top`]),
/// `（二）部分公开` ([`Ordinal::Paren`]), `3.危及…` ([`Ordinal::Item`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ordinal {
    /// A Chinese numeral and a separator: `一、`.
    Top(u32),
    /// A numeral in brackets: `（二）`, `(2)`.
    Paren(u32),
    /// An Arabic sub-item number and a separator: `3.`, `3、`, `3．`.
    Item(u32),
}

/// A bracketed ordinal `(二)` or `(2)` (brackets already folded to ASCII).
fn paren_ordinal(input: &str) -> IResult<&str, Ordinal> {
    map(
        delimited(char('('), alt((chinese_number, arabic_number)), char(')')),
        Ordinal::Paren,
    )
    .parse_complete(input)
}

/// An Arabic sub-item number and its separator, not followed by a digit
/// (`3.危及`, but not the decimal `3.5`).
fn item_ordinal(input: &str) -> IResult<&str, Ordinal> {
    map(
        terminated(
            arabic_number,
            (one_of(".、．"), not(satisfy(|c| c.is_ascii_digit()))),
        ),
        Ordinal::Item,
    )
    .parse_complete(input)
}

/// A Chinese numeral and its separator (`一、`, `四.`).
fn top_ordinal(input: &str) -> IResult<&str, Ordinal> {
    map(terminated(chinese_number, one_of(".、．")), Ordinal::Top).parse_complete(input)
}

/// The last ordinal printed in a row label — the row's own number, after any
/// group caption merged in front of it (`（三）不予公开1.属于国家秘密` → `1.`).
/// Digits inside a number (`12.5`) are not ordinals.
pub fn last_label_ordinal(label: &str) -> Option<Ordinal> {
    let mut last = None;
    let mut previous: Option<char> = None;
    for (at, c) in label.char_indices() {
        let after_digit = previous.is_some_and(|p| p.is_ascii_digit());
        let after_numeral = previous.is_some_and(|p| p == '十' || chinese_digit(p).is_some());
        previous = Some(c);
        let Some(rest) = label.get(at..) else {
            continue;
        };
        let found = match c {
            '(' => paren_ordinal(rest).ok(),
            '0'..='9' if !after_digit => item_ordinal(rest).ok(),
            c if !after_numeral && (c == '十' || chinese_digit(c).is_some()) => {
                top_ordinal(rest).ok()
            }
            _ => None,
        };
        if let Some((_, ordinal)) = found {
            last = Some(ordinal);
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ordinal_doc_examples() {
        use crate::grammar::ordinal::{OrdinalStyle, heading_ordinal};
        assert_eq!(
            heading_ordinal("三、 收到"),
            Ok(("收到", (3, OrdinalStyle::Chinese)))
        );
        assert!(heading_ordinal("2020年").is_err());
        assert!(heading_ordinal("(三)不予公开").is_err());
    }

    #[test]
    fn label_ordinals_name_the_rows_own_number() {
        assert_eq!(last_label_ordinal("1.属于国秘密"), Some(Ordinal::Item(1)));
        assert_eq!(
            last_label_ordinal("(三)不予公开2.其他法律行政止公开"),
            Some(Ordinal::Item(2))
        );
        assert_eq!(last_label_ordinal("(二)部分公"), Some(Ordinal::Paren(2)));
        assert_eq!(last_label_ordinal("四.结转下年度"), Some(Ordinal::Top(4)));
        assert_eq!(last_label_ordinal("收费12.5万元"), None);
        assert_eq!(last_label_ordinal("第二十条"), None);
        assert_eq!(last_label_ordinal("申请人"), None);
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("三"), Ok(("", 3)));
        assert_eq!(chinese_number("十"), Ok(("", 10)));
        assert_eq!(chinese_number("十二、"), Ok(("、", 12)));
        assert_eq!(chinese_number("二十三"), Ok(("", 23)));
        assert!(chinese_number("总体").is_err());
    }

    #[test]
    fn heading_ordinals_in_both_styles() {
        assert_eq!(
            heading_ordinal("六、其他"),
            Ok(("其他", (6, OrdinalStyle::Chinese)))
        );
        assert_eq!(
            heading_ordinal("5、 存在"),
            Ok(("存在", (5, OrdinalStyle::Arabic)))
        );
        assert_eq!(
            heading_ordinal("3.收到"),
            Ok(("收到", (3, OrdinalStyle::Arabic)))
        );
        assert!(heading_ordinal("2020年").is_err());
        assert!(heading_ordinal("一是").is_err());
    }

    #[test]
    fn arabic_ordinals_need_their_separator_right_after_the_digits() {
        assert_eq!(
            heading_ordinal("12，其他"),
            Ok(("其他", (12, OrdinalStyle::Arabic)))
        );
        assert_eq!(heading_ordinal("4,x"), Ok(("x", (4, OrdinalStyle::Arabic))));
        for rejected in ["123、", "5\t6", "7 、", "8", "3。"] {
            let result = heading_ordinal(rejected);
            assert!(result.is_err(), "{rejected:?}: {result:?}");
        }
    }
}
