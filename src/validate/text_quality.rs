//! Text quality (S.TEXTQ): doubled words such as 资金资金.

use super::identity::simple;
use super::{Finding, Rule, Status};
use crate::ast::AnnualReport;

/// S.TEXTQ: a doubled word of two or more characters.
pub fn text_quality(report: &AnnualReport, out: &mut Vec<Finding>) {
    for p in report
        .preamble
        .iter()
        .chain(report.sections.iter().flat_map(|s| s.paragraphs.iter()))
    {
        if let Some(word) = doubled_word(&p.text) {
            out.push(simple(
                Rule::STextQ,
                Status::Fail,
                "text",
                p.span,
                Vec::new(),
                format!("疑似重复用词“{word}{word}”"),
                format!("doubled word \"{word}{word}\""),
            ));
        }
    }
}

/// A CJK word of 2–4 chars written twice in a row.
fn doubled_word(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for len in 2..=4usize {
        for start in 0..chars.len().saturating_sub(2 * len - 1) {
            // Cheap first test: the first chars of both halves agree.
            if chars.get(start) != chars.get(start + len) {
                continue;
            }
            let (Some(a), Some(b)) = (
                chars.get(start..start + len),
                chars.get(start + len..start + 2 * len),
            ) else {
                continue;
            };
            if a == b && a.iter().all(|c| crate::grammar::is_cjk(*c)) && a.first() != a.get(1) {
                return Some(a.iter().collect());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_words() {
        assert_eq!(doubled_word("加强资金资金管理").as_deref(), Some("资金"));
        assert_eq!(doubled_word("人人参与，常常检查"), None);
        assert_eq!(doubled_word("一是加强培训"), None);
    }
}
