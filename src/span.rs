//! Byte spans into the original input and on-demand line/column lookup.

/// A half-open byte range `start..end` into the **original** input text.
///
/// Spans always fall on UTF-8 char boundaries of the text they were made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Whether `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers in `source`, or `None` when out of bounds or
    /// not on char boundaries.
    pub fn slice<'a>(&self, source: &'a str) -> Option<&'a str> {
        source.get(self.start..self.end)
    }
}

/// A 1-based line and 1-based column counted in chars (not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
}

impl std::fmt::Display for LineCol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Maps byte offsets of one text to lines and char columns.
///
/// The index borrows the text it was built from, so it can never be asked
/// about another text. Built once per text in linear time; each lookup is a
/// binary search plus a char count within one line.
///
/// ```
/// use gov_disclosure_report::{LineIndex, parse_report};
/// let text = "一、总体情况\n二、主动公开政府信息情况\n";
/// let report = parse_report(text);
/// let index = LineIndex::new(text);
/// let at = index.line_col_of(report.sections[1].heading.span);
/// assert_eq!((at.line, at.column), (2, 1));
/// assert_eq!(at.to_string(), "2:1");
/// assert_eq!(index.line_text(2), Some("二、主动公开政府信息情况"));
/// ```
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text` (lines end at `\n`).
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, line_starts }
    }

    /// The text this index was built from.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Line and char column of byte `offset`. Offsets past the end are
    /// clamped; an offset inside a char counts as that char.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..)
            .map(|rest| {
                rest.char_indices()
                    .take_while(|(i, _)| start + i < offset)
                    .count()
            })
            .unwrap_or(0);
        LineCol {
            line,
            column: column + 1,
        }
    }

    /// Line and char column where `span` starts.
    pub fn line_col_of(&self, span: Span) -> LineCol {
        self.line_col(span.start)
    }

    /// Byte range of 1-based `line`, without its line break.
    pub fn line_span(&self, line: usize) -> Option<Span> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .map(|next| next - 1)
            .unwrap_or(self.text.len());
        Some(Span::new(start, end))
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line_text(&self, line: usize) -> Option<&'a str> {
        self.line_span(line)?.slice(self.text)
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars_not_bytes() {
        let text = "甲乙丙\nab一c";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(6), LineCol { line: 1, column: 3 });
        let c = text.find('c').unwrap_or(0);
        assert_eq!(index.line_col(c), LineCol { line: 2, column: 4 });
        assert_eq!(
            index.line_col_of(Span::new(c, c + 1)),
            LineCol { line: 2, column: 4 }
        );
    }

    #[test]
    fn offsets_past_end_are_clamped() {
        let text = "一\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(99), LineCol { line: 2, column: 1 });
        assert_eq!(index.line_span(1), Some(Span::new(0, 3)));
        assert_eq!(index.line_text(1), Some("一"));
        assert_eq!(index.line_text(2), Some(""));
        assert_eq!(index.line_span(3), None);
    }
}
