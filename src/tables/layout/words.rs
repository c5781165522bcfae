//! White-space words (one cell a line, columns aligned with spaces, PDF
//! text, a table flattened onto one line): every word is a cell, with where
//! it ends on its line for tables whose columns are aligned.

use crate::grammar::is_cjk;
use crate::grammar::number::is_page_number;
use crate::lines::Line;
use crate::tables::cell::{Edge, PhysicalRow, RawCell};

pub fn word_cells<'a>(
    lines: &[Line<'a>],
    width: &dyn Fn(usize, usize) -> usize,
) -> PhysicalRow<'a> {
    let mut cells: Vec<RawCell> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let first = cells.len();
        if is_page_number(line.text) {
            continue;
        }
        let mut word_start: Option<usize> = None;
        for (i, c) in line
            .text
            .char_indices()
            .chain(std::iter::once((line.text.len(), ' ')))
        {
            if c.is_whitespace() || c == '|' {
                if let Some(s) = word_start.take() {
                    let (a, b) = split_glued(line.text.get(s..i).unwrap_or(""));
                    if a > 0 && b > a {
                        cells.push(RawCell::from_piece(line.text, line.start, s, s + a));
                        cells.push(RawCell::from_piece(line.text, line.start, s + a, i));
                    } else {
                        cells.push(RawCell::from_piece(line.text, line.start, s, i));
                    }
                }
            } else if word_start.is_none() {
                word_start = Some(i);
            }
        }
        // Running counts from the line start, so a long line costs linear
        // time: each cell adds the chars and columns since the previous one.
        let (mut at, mut chars, mut columns) = (line.start, 0, 0);
        for cell in cells.iter_mut().skip(first) {
            let since = line
                .text
                .get(at.saturating_sub(line.start)..cell.end.saturating_sub(line.start))
                .unwrap_or("");
            chars += since.chars().count();
            columns += width(at, cell.end);
            at = cell.end.max(at);
            cell.edge = Some(Edge {
                line: index,
                chars,
                width: columns,
            });
        }
    }
    cells
}

/// Chars after a number that make it a unit or date, not a glued label.
const NUMBER_SUFFIXES: &str = "年月日号件条个项次人户份起元万";

/// Where a word glues a label and a number without a space (`规章2202`,
/// `4180规范性文件`, as PDF converters print narrow columns): returns the
/// split offset and the word length, or `(0, 0)` when the word is whole.
pub fn split_glued(word: &str) -> (usize, usize) {
    let has_cjk = word.chars().any(is_cjk);
    if !has_cjk || word.is_empty() {
        return (0, 0);
    }
    // Label then number: trailing ASCII digits after a CJK char.
    let digits = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let head = word.get(..word.len() - digits).unwrap_or("");
        if head.chars().next_back().is_some_and(is_cjk) {
            return (head.len(), word.len());
        }
    }
    // Number then label: leading digits directly before a CJK char that is
    // not a unit or date word.
    let lead = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if lead > 0
        && let Some(next) = word.get(lead..).and_then(|t| t.chars().next())
        && is_cjk(next)
        && !NUMBER_SUFFIXES.contains(next)
    {
        return (lead, word.len());
    }
    (0, 0)
}
