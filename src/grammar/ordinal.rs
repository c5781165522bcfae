//! Ordinals: `一` … `十`, `1` … `9`, with their separators (`、`, `.`).

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::take_while_m_n,
    character::complete::{one_of, space0},
    combinator::{map, map_opt},
    sequence::terminated,
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
