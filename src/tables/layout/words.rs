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
            if c.is_whitespace() || c == '|' || is_box_drawing(c) {
                if let Some(s) = word_start.take() {
                    let pieces = glued_pieces(line.text.get(s..i).unwrap_or(""));
                    let glued = pieces.len() > 1;
                    for (a, b) in pieces {
                        let mut cell = RawCell::from_piece(line.text, line.start, s + a, s + b);
                        cell.glued = glued;
                        cells.push(cell);
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

/// Box-drawing chars (`│ ┼ ─`, U+2500–U+257F): rules of a text table, never
/// part of a cell.
fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// Chars after a number that make it a unit or date, not a glued label.
const NUMBER_SUFFIXES: &str = "年月日号件条个项次人户份起元万";

/// Separators after a sub-item number (`1.`, `1、`, `1．`).
const ORDINAL_SEPARATORS: &str = ".、．";

/// The end of the number starting at byte `at` of `word`: digits, with one
/// decimal point or thousands separators (`,ddd`) between digits.
fn number_end(word: &str, at: usize) -> usize {
    let bytes = word.as_bytes();
    let digits_from = |i: usize| {
        bytes
            .get(i..)
            .map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let mut end = at + digits_from(at);
    let mut point = false;
    loop {
        match bytes.get(end) {
            Some(b'.') if !point && digits_from(end + 1) > 0 => {
                point = true;
                end += 1 + digits_from(end + 1);
            }
            Some(b',') if !point && digits_from(end + 1) == 3 && digits_from(end + 4) == 0 => {
                end += 4;
            }
            _ => return end,
        }
    }
}

/// The pieces of a word that glues labels and numbers without spaces
/// (`规章2202`, `4180规范性文件`, as PDF converters print narrow columns, or
/// a whole table flattened by `get_text()`): byte ranges, each a label or a
/// number, in order. A word without CJK text, a number that is a unit or a
/// date (`2020年`, `5件`) and a sub-item number (`1.属于国家秘密`) stay with
/// their text.
pub fn glued_pieces(word: &str) -> Vec<(usize, usize)> {
    if !word.chars().any(is_cjk) {
        return vec![(0, word.len())];
    }
    let mut pieces = Vec::new();
    let mut text_from = 0;
    let mut at = 0;
    while at < word.len() {
        let starts_number = word.as_bytes().get(at).is_some_and(u8::is_ascii_digit)
            && (at == 0 || !word.as_bytes().get(at - 1).is_some_and(u8::is_ascii_digit));
        if !starts_number {
            at += word
                .get(at..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            continue;
        }
        let end = number_end(word, at);
        let next = word.get(end..).and_then(|t| t.chars().next());
        let unit = next.is_some_and(|c| NUMBER_SUFFIXES.contains(c));
        // A sub-item number (`1.属于`, `│2、其他`): one or two digits and
        // a separator. A longer number before a separator is a digit run
        // glued to the next label's number; the table reader splits it.
        let ordinal = end - at <= 2 && next.is_some_and(|c| ORDINAL_SEPARATORS.contains(c));
        let bracketed =
            at > 0 && word.get(..at).is_some_and(|h| h.ends_with('(')) && next == Some(')');
        if unit || ordinal || bracketed {
            at = end;
            continue;
        }
        if text_from < at {
            pieces.push((text_from, at));
        }
        pieces.push((at, end));
        text_from = end;
        at = end;
    }
    if text_from < word.len() {
        pieces.push((text_from, word.len()));
    }
    pieces
}
