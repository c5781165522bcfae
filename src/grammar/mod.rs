//! Small nom grammars for the pieces of a report: ordinals, section titles,
//! cell values, dates, report titles and table labels.
//!
//! Every parser here is a `complete` parser over `&str`; callers use
//! [`nom::Parser::parse_complete`] or the wrappers each module offers.

pub mod claim;
pub mod date;
pub mod label;
pub mod number;
pub mod ordinal;
pub mod section_title;
pub mod title;

/// Whether `c` is a CJK ideograph (the letters of report text).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}' | '〇')
}
