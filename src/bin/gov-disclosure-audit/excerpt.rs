//! Excerpts of a report's text for the messages: the lines a message needs,
//! and a window around the span on a long line (as rustc does), computed
//! from an index built once per file so that each message costs only the
//! size of what it shows.

use std::ops::Range;

/// A line wider than this many columns is shown as a window around the span.
const LONG_LINE_COLUMNS: usize = 100;
/// Columns of context kept on each side of a span in a window.
const WINDOW_CONTEXT_COLUMNS: usize = 24;
/// At most this many columns of a span are marked in a window.
const WINDOW_SPAN_COLUMNS: usize = 48;
/// A span over more lines than this is marked on its first line only.
const MAX_SPAN_LINES: usize = 8;
/// Two marked lines at most this far apart are shown in one excerpt.
const MAX_GAP_LINES: usize = 24;
/// Chars between two checkpoints of the char count.
const CHECKPOINT_BYTES: usize = 256;

/// Where lines start and how many chars precede a byte, for one text.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's first byte.
    starts: Vec<usize>,
    /// Chars before byte `k * CHECKPOINT_BYTES`.
    chars_at_checkpoint: Vec<usize>,
    /// Chars of each line, its line break included.
    line_chars: Vec<usize>,
}

/// A 1-based line and column (in chars) of a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in chars.
    pub column: usize,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A piece of text to show with its marks, ready for `annotate-snippets`.
pub struct Excerpt {
    /// The text shown (whole lines, or a window with `...` at a cut).
    pub source: String,
    /// 1-based number of the first line shown.
    pub first_line: usize,
    /// The marks: a range into `source` and the index of the mark asked for.
    pub marks: Vec<(Range<usize>, usize)>,
}

fn is_char_start(byte: u8) -> bool {
    (byte as i8) >= -0x40
}

/// Columns a char takes as drawn: wide (CJK, full-width) chars two, a tab
/// four (the renderer draws it as four spaces).
fn char_columns(c: char) -> usize {
    match c as u32 {
        0x09 => 4,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut line_chars = Vec::new();
        let mut chars_at_checkpoint = Vec::with_capacity(bytes.len() / CHECKPOINT_BYTES + 2);
        let mut count = 0;
        let mut line_start_count = 0;
        for (i, b) in bytes.iter().enumerate() {
            if i.is_multiple_of(CHECKPOINT_BYTES) {
                chars_at_checkpoint.push(count);
            }
            count += usize::from(is_char_start(*b));
            if *b == b'\n' {
                starts.push(i + 1);
                line_chars.push(count - line_start_count);
                line_start_count = count;
            }
        }
        if bytes.len().is_multiple_of(CHECKPOINT_BYTES) {
            chars_at_checkpoint.push(count);
        }
        line_chars.push(count - line_start_count);
        LineIndex {
            text,
            starts,
            chars_at_checkpoint,
            line_chars,
        }
    }

    /// Chars before byte `offset`, in time bounded by the checkpoint distance.
    fn chars_before(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let block = offset / CHECKPOINT_BYTES;
        let base = self.chars_at_checkpoint.get(block).copied().unwrap_or(0);
        let from = block * CHECKPOINT_BYTES;
        base + self
            .text
            .as_bytes()
            .get(from..offset)
            .map_or(0, |s| s.iter().filter(|b| is_char_start(**b)).count())
    }

    /// 0-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1)
    }

    /// Byte range of 0-based line `line`, without its line break.
    fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.starts.get(line).copied().unwrap_or(self.text.len());
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    /// Whether a line is too wide to show whole, in time bounded by
    /// [`LONG_LINE_COLUMNS`] (its char count decides most lines).
    fn is_long(&self, line: usize) -> bool {
        let chars = self.line_chars.get(line).copied().unwrap_or(0);
        if chars > LONG_LINE_COLUMNS + 2 {
            return true;
        }
        if chars * 2 <= LONG_LINE_COLUMNS {
            return false;
        }
        let text = self.text.get(self.line_range(line)).unwrap_or_default();
        text.chars().map(char_columns).sum::<usize>() > LONG_LINE_COLUMNS
    }

    /// Line and column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let line = self.line_of(offset);
        let start = self.line_range(line).start;
        Position {
            line: line + 1,
            column: self.chars_before(offset) - self.chars_before(start) + 1,
        }
    }

    /// Whether `range` can be marked: inside the text, on char boundaries.
    pub fn showable(&self, range: &Range<usize>) -> bool {
        range.start <= range.end
            && range.end <= self.text.len()
            && self.text.is_char_boundary(range.start)
            && self.text.is_char_boundary(range.end)
    }

    /// Moves `from` by up to `columns` columns of chars (back when
    /// `back`), staying in `limit`.
    fn step_columns(&self, from: usize, columns: usize, back: bool, limit: &Range<usize>) -> usize {
        let mut at = from;
        let mut used = 0;
        loop {
            let next = if back {
                self.text
                    .get(limit.start..at)
                    .and_then(|s| s.chars().next_back())
            } else {
                self.text.get(at..limit.end).and_then(|s| s.chars().next())
            };
            let Some(c) = next else { break };
            used += char_columns(c);
            if used > columns {
                break;
            }
            if back {
                at -= c.len_utf8();
            } else {
                at += c.len_utf8();
            }
        }
        at
    }

    /// Excerpts showing `spans` (byte ranges, already checked with
    /// [`LineIndex::showable`]): runs of nearby short lines as they are, a
    /// mark on a long line as a window around it. Each mark keeps the index
    /// of its span.
    pub fn excerpts(&self, spans: &[Range<usize>]) -> Vec<Excerpt> {
        // Clip spans over many lines (or over a long line) to their first
        // line; drop an empty mark at the very end (nothing to show).
        let mut marks: Vec<(Range<usize>, usize, usize, usize)> = spans
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let first = self.line_of(r.start);
                let mut last = self.line_of(r.end.saturating_sub(1).max(r.start));
                let long = (first..=last).any(|l| self.is_long(l));
                let mut range = r.clone();
                if last > first && (last - first >= MAX_SPAN_LINES || long) {
                    range.end = self.line_range(first).end.max(range.start);
                    last = first;
                }
                (range, i, first, last)
            })
            .filter(|(r, _, _, _)| !(r.is_empty() && r.start >= self.text.len()))
            .collect();
        marks.sort_by_key(|(r, i, _, _)| (r.start, *i));
        let mut out: Vec<Excerpt> = Vec::new();
        let mut run: Vec<(Range<usize>, usize)> = Vec::new();
        let mut run_lines: Option<(usize, usize)> = None;
        for (range, i, first, last) in marks {
            let long = first == last && self.is_long(first);
            if long {
                self.flush_run(&mut run, &mut run_lines, &mut out);
                self.push_window(range, i, first, &mut out);
                continue;
            }
            if let Some((from, to)) = run_lines {
                let joinable =
                    first <= to + MAX_GAP_LINES && (to + 1..first).all(|l| !self.is_long(l));
                if joinable {
                    run_lines = Some((from, to.max(last)));
                    run.push((range, i));
                    continue;
                }
                self.flush_run(&mut run, &mut run_lines, &mut out);
            }
            run_lines = Some((first, last));
            run.push((range, i));
        }
        self.flush_run(&mut run, &mut run_lines, &mut out);
        out
    }

    /// Whole lines `from..=to` with the marks of `run`.
    fn flush_run(
        &self,
        run: &mut Vec<(Range<usize>, usize)>,
        lines: &mut Option<(usize, usize)>,
        out: &mut Vec<Excerpt>,
    ) {
        let Some((from, to)) = lines.take() else {
            return;
        };
        let start = self.line_range(from).start;
        let end = self.line_range(to).end;
        let source = self.text.get(start..end).unwrap_or_default().to_string();
        let marks = run
            .drain(..)
            .map(|(r, i)| {
                let a = r.start.clamp(start, end) - start;
                let b = r.end.clamp(start, end) - start;
                (a..b.max(a), i)
            })
            .collect();
        out.push(Excerpt {
            source,
            first_line: from + 1,
            marks,
        });
    }

    /// A window of long line `line` around one mark.
    fn push_window(&self, range: Range<usize>, i: usize, line: usize, out: &mut Vec<Excerpt>) {
        let bounds = self.line_range(line);
        let mark_end = self
            .step_columns(range.start, WINDOW_SPAN_COLUMNS, false, &bounds)
            .min(range.end.max(range.start))
            .max(range.start);
        let from = self.step_columns(range.start, WINDOW_CONTEXT_COLUMNS, true, &bounds);
        let to = self.step_columns(mark_end, WINDOW_CONTEXT_COLUMNS, false, &bounds);
        let mut source = String::new();
        if from > bounds.start {
            source.push_str("...");
        }
        let offset = source.len();
        source.push_str(self.text.get(from..to).unwrap_or_default());
        if to < bounds.end {
            source.push_str("...");
        }
        let a = offset + (range.start - from);
        let b = offset + (mark_end - from);
        out.push(Excerpt {
            source,
            first_line: line + 1,
            marks: vec![(a..b, i)],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_across_checkpoints() {
        let line = "表".repeat(2000);
        let text = format!("ab\n{line}x\n");
        let index = LineIndex::new(&text);
        let x = text.find('x').unwrap_or_default();
        assert_eq!(
            index.position(x),
            Position {
                line: 2,
                column: 2001
            }
        );
        assert_eq!(index.position(1), Position { line: 1, column: 2 });
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_with_the_marked_text() {
        let text = format!("{}7{}", "字".repeat(3000), "字".repeat(3000));
        let at = text.find('7').unwrap_or_default();
        let index = LineIndex::new(&text);
        let excerpts = index.excerpts(std::slice::from_ref(&(at..at + 1)));
        assert_eq!(excerpts.len(), 1);
        let e = &excerpts[0];
        assert!(e.source.starts_with("...") && e.source.ends_with("..."));
        assert!(e.source.chars().count() < 80, "{}", e.source);
        let (range, _) = &e.marks[0];
        assert_eq!(&e.source[range.clone()], "7");
    }

    #[test]
    fn nearby_short_lines_share_one_excerpt_and_far_ones_do_not() {
        let text: String = (1..=100).map(|i| format!("line {i}\n")).collect();
        let index = LineIndex::new(&text);
        let at = |s: &str| {
            let p = text.find(s).unwrap_or_default();
            p..p + s.len()
        };
        let excerpts = index.excerpts(&[at("line 3\n"), at("line 5\n"), at("line 90\n")]);
        assert_eq!(excerpts.len(), 2);
        assert_eq!(excerpts[0].first_line, 3);
        assert_eq!(excerpts[0].marks.len(), 2);
        assert_eq!(excerpts[1].first_line, 90);
        assert!(excerpts[1].source.starts_with("line 90"));
    }
}
