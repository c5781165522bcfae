//! A table cell as a layout reader cuts it out of the normalized text, before
//! it is read as a label or a value.

use crate::ast::CellValue;
use crate::grammar::is_cjk;
use crate::grammar::number::parse_cell;
use std::borrow::Cow;

/// One cell's text (trimmed) and normalized offsets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawCell<'a> {
    /// Trimmed text (parts of a multi-line cell joined without separator),
    /// borrowed from the normalized text unless parts were joined.
    pub text: Cow<'a, str>,
    /// Normalized offset of the first char (or of the cell's place if empty).
    pub start: usize,
    /// Normalized offset past the last char.
    pub end: usize,
    /// In the `Words` layout: where the cell ends on its line, for tables whose
    /// columns are aligned with spaces.
    pub edge: Option<Edge>,
    /// In the `Words` layout: a number cut out of a word that also holds
    /// label text (`规章408178578190行政规范性文件`): the converter printed
    /// no separator, so it may hold several cells (a digit run).
    pub glued: bool,
    /// The layout could not tell which column the cell is in (a grid line
    /// whose strokes do not meet the table's columns): its row is ambiguous.
    pub unplaced: bool,
}

/// Where a word ends on its line, in chars and in display columns (CJK
/// characters two wide), and which line it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Edge {
    /// Line index within the table text.
    pub line: usize,
    /// Chars from the line start to the end of the word.
    pub chars: usize,
    /// Display columns from the line start to the end of the word.
    pub width: usize,
}

impl<'a> RawCell<'a> {
    pub fn from_piece(line: &'a str, base: usize, from: usize, to: usize) -> RawCell<'a> {
        let piece = line.get(from..to).unwrap_or("");
        let text = piece.trim();
        // An empty cell sits where its piece starts.
        let lead = if text.is_empty() {
            0
        } else {
            piece.len() - piece.trim_start().len()
        };
        RawCell {
            text: Cow::Borrowed(text),
            start: base + from + lead,
            end: base + from + lead + text.len(),
            edge: None,
            glued: false,
            unplaced: false,
        }
    }

    /// Whether the cell holds nothing.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether the cell reads as a row or column label rather than a value.
    pub fn is_label(&self) -> bool {
        self.text.chars().any(is_cjk) && matches!(parse_cell(&self.text).value, CellValue::Text)
    }
}

/// A row as the layout delimits it.
pub type PhysicalRow<'a> = Vec<RawCell<'a>>;

/// Display width of a run of text: chars that normalization drops (zero-width
/// spaces and joiners, byte order marks, soft hyphens, control chars other
/// than the tab) none, other ASCII one column, CJK and other non-ASCII chars
/// two.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            c if crate::normalize::is_dropped_char(c) => 0,
            c if c.is_ascii() => 1,
            _ => 2,
        })
        .sum()
}
