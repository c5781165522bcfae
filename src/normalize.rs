//! Text normalization: the first pipeline stage. Never fails.
//!
//! Extracted report text arrives with byte-order marks, zero-width and control
//! characters, Word converter artefacts (`[bookmark: _GoBack]`), web page
//! chrome (`分享到`, `[ 打印本页 | 关闭窗口 ]`, lines of `|||`), CRLF line ends and
//! full-width forms. [`normalize`] removes or folds all of these so the later
//! grammars see one spelling, and keeps an [`OffsetMap`] so every span of the
//! normalized text maps back to the original bytes.

use crate::markup::{self, TagText};
use crate::span::Span;
use unicode_normalization::char::decompose_compatible;

/// Normalized text together with the map back to the original input.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    map: OffsetMap,
}

impl Normalized {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The offset map from normalized to original byte offsets.
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// Maps a span of the normalized text to the original input.
    pub fn to_original(&self, span: Span) -> Span {
        self.map.to_original(span)
    }
}

/// One run of normalized bytes and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    norm_start: usize,
    norm_len: usize,
    orig_start: usize,
    orig_len: usize,
    /// Copied byte for byte (offsets map one to one) rather than replaced.
    copied: bool,
}

/// Maps byte offsets of the normalized text back to the original input.
///
/// Stored as runs, so it costs a few words per change rather than per byte.
/// Mapped offsets always fall on char boundaries of the original.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    norm_len: usize,
    orig_len: usize,
}

impl OffsetMap {
    fn copy(&mut self, orig_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut()
            && last.copied
            && last.orig_start + last.orig_len == orig_start
            && last.norm_start + last.norm_len == self.norm_len
        {
            last.norm_len += len;
            last.orig_len += len;
        } else {
            self.segments.push(Segment {
                norm_start: self.norm_len,
                norm_len: len,
                orig_start,
                orig_len: len,
                copied: true,
            });
        }
        self.norm_len += len;
    }

    fn replace(&mut self, orig_start: usize, orig_len: usize, norm_len: usize) {
        if norm_len == 0 {
            return;
        }
        self.segments.push(Segment {
            norm_start: self.norm_len,
            norm_len,
            orig_start,
            orig_len,
            copied: false,
        });
        self.norm_len += norm_len;
    }

    /// Original offset of the char starting at normalized offset `offset`.
    pub fn start_to_original(&self, offset: usize) -> usize {
        let index = self
            .segments
            .partition_point(|s| s.norm_start + s.norm_len <= offset);
        self.start_at(offset, index)
    }

    fn start_at(&self, offset: usize, index: usize) -> usize {
        match self.segments.get(index) {
            Some(s) if s.norm_start <= offset => {
                if s.copied {
                    s.orig_start + (offset - s.norm_start)
                } else {
                    s.orig_start
                }
            }
            Some(s) => s.orig_start,
            None => self.orig_len,
        }
    }

    /// Original offset just past the char ending at normalized offset `offset`.
    pub fn end_to_original(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.start_to_original(0);
        }
        let index = self
            .segments
            .partition_point(|s| s.norm_start + s.norm_len < offset);
        self.end_at(offset, index)
    }

    fn end_at(&self, offset: usize, index: usize) -> usize {
        match self.segments.get(index) {
            Some(s) if s.norm_start < offset => {
                if s.copied {
                    s.orig_start + (offset - s.norm_start)
                } else {
                    s.orig_start + s.orig_len
                }
            }
            _ => self
                .segments
                .last()
                .map(|s| s.orig_start + s.orig_len)
                .unwrap_or(self.orig_len),
        }
    }

    /// Maps a span of the normalized text to the original input.
    pub fn to_original(&self, span: Span) -> Span {
        span_to_original(
            span,
            |at| self.start_to_original(at),
            |at| self.end_to_original(at),
        )
    }

    /// A reader of the map for lookups that mostly move forward (a parse):
    /// it remembers the last run it used, so each lookup near the previous
    /// one takes constant time. Results equal [`OffsetMap::to_original`].
    pub fn cursor(&self) -> MapCursor<'_> {
        MapCursor {
            map: self,
            hint: std::cell::Cell::new(0),
        }
    }

    /// `partition_point(pred)`, tried first at `hint` and the run after it.
    fn index_near(&self, hint: usize, pred: impl Fn(&Segment) -> bool) -> usize {
        for i in [hint, hint + 1] {
            let before = i == 0 || self.segments.get(i - 1).is_some_and(&pred);
            let at = self.segments.get(i).is_none_or(|s| !pred(s));
            if before && at && i <= self.segments.len() {
                return i;
            }
        }
        self.segments.partition_point(pred)
    }
}

/// An [`OffsetMap`] reader with a memory of the last run it used; see
/// [`OffsetMap::cursor`].
#[derive(Debug, Clone)]
pub struct MapCursor<'a> {
    map: &'a OffsetMap,
    hint: std::cell::Cell<usize>,
}

impl MapCursor<'_> {
    fn start(&self, offset: usize) -> usize {
        let index = self
            .map
            .index_near(self.hint.get(), |s| s.norm_start + s.norm_len <= offset);
        self.hint.set(index);
        self.map.start_at(offset, index)
    }

    fn end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.start(0);
        }
        let index = self
            .map
            .index_near(self.hint.get(), |s| s.norm_start + s.norm_len < offset);
        self.hint.set(index);
        self.map.end_at(offset, index)
    }

    /// Maps a span of the normalized text to the original input, as
    /// [`OffsetMap::to_original`] does.
    pub fn to_original(&self, span: Span) -> Span {
        span_to_original(span, |at| self.start(at), |at| self.end(at))
    }
}

/// A span's original offsets from the original offsets of the char starting
/// at a normalized offset (`start`) and of the char ending there (`end`).
fn span_to_original(
    span: Span,
    start: impl Fn(usize) -> usize,
    end: impl Fn(usize) -> usize,
) -> Span {
    if span.is_empty() {
        // An empty span sits just after the char before it, so it never
        // lands past text that was removed after that char.
        let at = if span.start == 0 {
            start(0)
        } else {
            end(span.start)
        };
        return Span::new(at, at);
    }
    Span::new(start(span.start), end(span.end))
}

/// Lines made only of these words (after `|`, brackets and spaces are trimmed)
/// are web page chrome.
const CHROME_PREFIXES: &[&str] = &[
    "分享到",
    "打印本页",
    "关闭窗口",
    "责任编辑",
    "【打印】",
    "【关闭】",
    "扫一扫",
    "上一篇",
    "下一篇",
    "字号:",
    "字号：",
    "【字体",
];

/// Whether `line` is web page chrome; `first_special` is where its first
/// byte that [`may_be_special`] is, if any.
fn is_chrome_line(line: &str, first_special: Option<usize>) -> bool {
    let is_trimmed =
        |c: char| c == '|' || c == '[' || c == ']' || c.is_whitespace() || c == '\u{3000}';
    // Most lines are answered by their first char that cleaning and trimming
    // keep: no chrome prefix starts with it.
    let lead = line
        .chars()
        .find(|&c| !(is_dropped_char(c) || is_trimmed(c) || c == '｜'));
    if let Some(lead) = lead
        && !CHROME_PREFIXES.iter().any(|p| p.starts_with(lead))
    {
        return false;
    }
    // Judged on the line as normalization leaves it (dropped chars gone,
    // full-width pipes folded), so that normalizing twice changes nothing.
    let cleaned: std::borrow::Cow<'_, str> =
        if first_special.is_some() && line.chars().any(|c| is_dropped_char(c) || c == '｜') {
            line.chars()
                .filter(|c| !is_dropped_char(*c))
                .map(|c| if c == '｜' { '|' } else { c })
                .collect::<String>()
                .into()
        } else {
            line.into()
        };
    let trimmed = cleaned.trim_matches(is_trimmed);
    if trimmed.is_empty() {
        // A line of pipes only; an empty line is not chrome.
        return cleaned.contains('|');
    }
    CHROME_PREFIXES.iter().any(|p| trimmed.starts_with(p))
}

/// Whether normalization drops `c` as invisible or as noise: byte order
/// marks, zero-width spaces and joiners, soft hyphens, replacement chars and
/// control chars other than the tab and the line feed.
pub(crate) fn is_dropped_char(c: char) -> bool {
    matches!(
        c,
        '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}' | '\u{FFFD}'
    ) || (c.is_control() && c != '\t' && c != '\n')
}

/// Whether byte `b` can start a char that normalization drops, folds or
/// looks at (`[`, `&`): ASCII controls, `[`, `&`, and the lead bytes of the
/// U+0080–U+00BF, U+2000–U+2FFF, U+3000–U+3FFF and U+F000–U+FFFF blocks.
/// Every other byte (CJK ideographs, plain ASCII, continuation bytes) is
/// copied as it is. One table lookup per byte.
fn may_be_special(b: u8) -> bool {
    // Evaluated at compile time: an index out of bounds would fail the
    // build, never panic at run time.
    #[allow(clippy::indexing_slicing)]
    const SPECIAL: [bool; 256] = {
        let mut table = [false; 256];
        let mut b: u8 = 0;
        loop {
            table[b as usize] = (b < 0x20 && b != b'\t')
                || matches!(b, b'[' | b'&' | 0x7F | 0xC2 | 0xE2 | 0xE3 | 0xEF);
            if b == u8::MAX {
                break;
            }
            b += 1;
        }
        table
    };
    SPECIAL.get(usize::from(b)).copied().unwrap_or(false)
}

/// Whether a line's char `c` needs more than a copy: it is dropped, folded,
/// or may start a bookmark (`[`) or an entity (`&`).
fn is_special_char(c: char) -> bool {
    matches!(c, '[' | '&') || is_dropped_char(c) || is_folded_char(c)
}

/// Whether `c` is folded to its compatibility form (full-width ASCII, odd spaces).
fn is_folded_char(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}')
}

/// Byte offset of the first ASCII-case-insensitive occurrence of `needle`.
fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let first = n.first()?;
    (0..h.len()).find(|&i| {
        h.get(i).is_some_and(|b| b.eq_ignore_ascii_case(first))
            && h.get(i..i + n.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(n))
    })
}

const BOOKMARK_OPEN: &str = "[bookmark:";
const NBSP_ENTITY: &str = "&nbsp;";

struct Builder {
    text: String,
    map: OffsetMap,
}

impl Builder {
    fn copy(&mut self, orig_start: usize, s: &str) {
        self.text.push_str(s);
        self.map.copy(orig_start, s.len());
    }

    fn replace(&mut self, orig_start: usize, orig_len: usize, s: &str) {
        self.text.push_str(s);
        self.map.replace(orig_start, orig_len, s.len());
    }

    /// Normalizes one line's content (no line break) starting at `base`;
    /// `first_special` is where its first byte that [`may_be_special`] is.
    fn line(&mut self, base: usize, line: &str, first_special: Option<usize>) {
        // Plain chars are copied in runs: one push and one map entry per run.
        // Bytes are scanned, and only those that can start a special char
        // (see `may_be_special`) are decoded and looked at.
        let bytes = line.as_bytes();
        let mut run_start = 0;
        let Some(mut i) = first_special else {
            if !line.is_empty() {
                self.copy(base, line);
            }
            return;
        };
        // Once no `]` is left on the line, no later bookmark looks for one.
        let mut close_left = true;
        while let Some(&b) = bytes.get(i) {
            if !may_be_special(b) {
                i += 1;
                continue;
            }
            let Some(c) = line.get(i..).and_then(|t| t.chars().next()) else {
                i += 1;
                continue;
            };
            if !is_special_char(c) {
                i += c.len_utf8();
                continue;
            }
            if let Some(run) = line.get(run_start..i) {
                self.copy(base + run_start, run);
            }
            // A bookmark without its `]` is text.
            let bookmark_close = if c == '['
                && close_left
                && let Some(tail) = line.get(i..)
                && tail.starts_with(BOOKMARK_OPEN)
            {
                let close = tail.find(']');
                close_left = close.is_some();
                close
            } else {
                None
            };
            if let Some(close) = bookmark_close {
                i += close + 1;
            } else if c == '&'
                && line
                    .get(i..)
                    .is_some_and(|tail| tail.starts_with(NBSP_ENTITY))
            {
                self.replace(base + i, NBSP_ENTITY.len(), " ");
                i += NBSP_ENTITY.len();
            } else {
                self.char_at(base + i, c);
                i += c.len_utf8();
            }
            run_start = i;
        }
        if let Some(run) = line.get(run_start..) {
            self.copy(base + run_start, run);
        }
    }

    /// Drops, folds or copies one char found at original offset `at`.
    fn char_at(&mut self, at: usize, c: char) {
        if is_dropped_char(c) {
            return;
        }
        if is_folded_char(c) {
            let mut folded = String::new();
            decompose_compatible(c, |d| folded.push(d));
            if folded.chars().all(|d| d.is_whitespace()) {
                folded = " ".to_string();
            }
            self.replace(at, c.len_utf8(), &folded);
            return;
        }
        let mut buffer = [0u8; 4];
        self.copy(at, c.encode_utf8(&mut buffer));
    }

    /// Normalizes HTML markup: rows become lines, cells `|`-separated, block
    /// tags line breaks (spaces inside tables), entities decoded, source line
    /// breaks spaces.
    fn html(&mut self, input: &str) {
        let mut table_depth = 0usize;
        let mut skip_to = 0;
        // Once no `>` is left, no later `<` looks for one (linear time).
        let mut gt_left = true;
        for (i, c) in input.char_indices() {
            if i < skip_to {
                continue;
            }
            let rest = input.get(i..).unwrap_or("");
            match c {
                '<' if rest.starts_with("<!--") => {
                    skip_to = rest.find("-->").map(|e| i + e + 3).unwrap_or(input.len());
                }
                '<' => {
                    let close = if gt_left { rest.find('>') } else { None };
                    let Some(close) = close else {
                        gt_left = false;
                        self.char_at(i, c);
                        continue;
                    };
                    let inner = rest.get(1..close).unwrap_or("");
                    let mut end = i + close + 1;
                    let text = match markup::classify_tag(inner) {
                        TagText::Row => "\n",
                        TagText::Cell => "|",
                        TagText::Block if table_depth > 0 => " ",
                        TagText::Block => "\n",
                        TagText::Table(open) => {
                            table_depth = if open {
                                table_depth + 1
                            } else {
                                table_depth.saturating_sub(1)
                            };
                            "\n"
                        }
                        TagText::Skip(closing) => {
                            end = find_ignore_ascii_case(rest, closing)
                                .and_then(|at| rest.get(at..)?.find('>').map(|gt| i + at + gt + 1))
                                .unwrap_or(input.len());
                            ""
                        }
                        TagText::Nothing => "",
                    };
                    self.replace(i, end - i, text);
                    skip_to = end;
                }
                '&' => match markup::entity(rest) {
                    Some((decoded, len)) => {
                        skip_to = i + len;
                        if is_folded_char(decoded) || decoded.is_whitespace() {
                            self.replace(i, len, " ");
                        } else {
                            let mut buffer = [0u8; 4];
                            self.replace(i, len, decoded.encode_utf8(&mut buffer));
                        }
                    }
                    None => self.char_at(i, c),
                },
                '\n' | '\r' | '\t' => self.replace(i, 1, " "),
                _ => self.char_at(i, c),
            }
        }
    }
}

/// Normalizes report text. Never fails; linear in the input size.
pub fn normalize(input: &str) -> Normalized {
    let mut builder = Builder {
        text: String::with_capacity(input.len()),
        map: OffsetMap {
            orig_len: input.len(),
            ..OffsetMap::default()
        },
    };
    if markup::looks_like_html(input) {
        builder.html(input);
        return Normalized {
            text: builder.text,
            map: builder.map,
        };
    }
    let bytes = input.as_bytes();
    // Without carriage returns a line ends at `\n`, found with `memchr`.
    let has_cr = input.contains('\r');
    let mut start = 0;
    while start < input.len() {
        let rel_end = if has_cr {
            bytes
                .get(start..)
                .and_then(|b| b.iter().position(|&b| b == b'\n' || b == b'\r'))
        } else {
            input.get(start..).and_then(|t| t.find('\n'))
        };
        let (line_end, break_len) = match rel_end {
            Some(rel) => {
                let at = start + rel;
                let crlf = bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n');
                (at, if crlf { 2 } else { 1 })
            }
            None => (input.len(), 0),
        };
        let line = input.get(start..line_end).unwrap_or("");
        let first_special = line.bytes().position(may_be_special);
        if !is_chrome_line(line, first_special) {
            builder.line(start, line, first_special);
        }
        if break_len > 0 {
            if break_len == 1 && bytes.get(line_end) == Some(&b'\n') {
                builder.copy(line_end, "\n");
            } else {
                builder.replace(line_end, break_len, "\n");
            }
        }
        start = line_end + break_len;
    }
    Normalized {
        text: builder.text,
        map: builder.map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_doc_example() {
        use super::normalize;
        let original = "\u{FEFF}一、总体情况\r\n（一）主动公开：１２条";
        let normalized = normalize(original);
        assert_eq!(normalized.text(), "一、总体情况\n(一)主动公开:12条");
        let at = normalized.text().find("12").unwrap_or(0);
        let span = normalized.to_original(crate::span::Span::new(at, at + 2));
        assert_eq!(span.slice(original), Some("１２"));
    }

    #[test]
    fn every_char_normalization_touches_starts_with_a_special_byte() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lead = c.encode_utf8(&mut buf).as_bytes().first().copied();
            if is_special_char(c) {
                assert!(
                    lead.is_some_and(may_be_special),
                    "{c:?} would be copied as is"
                );
            }
        }
    }

    fn round_trip(original: &str, needle: &str, printed: &str) {
        let normalized = normalize(original);
        let at = normalized.text().find(needle).unwrap_or(usize::MAX);
        assert_ne!(at, usize::MAX, "{needle} not in {:?}", normalized.text());
        let span = normalized.to_original(Span::new(at, at + needle.len()));
        assert_eq!(span.slice(original), Some(printed));
    }

    #[test]
    fn strips_bom_zero_width_and_controls() {
        let n = normalize("\u{FEFF}一\u{200B}、总\u{0007}体情况");
        assert_eq!(n.text(), "一、总体情况");
        round_trip("\u{FEFF}一\u{200B}、总体", "一、总体", "一\u{200B}、总体");
    }

    #[test]
    fn folds_full_width_and_ideographic_space() {
        let n = normalize("\u{3000}\u{3000}（一）１，２３４：");
        assert_eq!(n.text(), "  (一)1,234:");
        round_trip("\u{3000}（一）", "(一)", "（一）");
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        let n = normalize("a\r\nb\rc\n");
        assert_eq!(n.text(), "a\nb\nc\n");
        round_trip("a\r\nb", "\nb", "\r\nb");
    }

    #[test]
    fn removes_bookmarks_and_chrome_lines() {
        let original =
            "[bookmark: _GoBack]根据条例\n|||||\n| 分享到: |\n[ 打印本页 | 关闭窗口 ]\n正文";
        let n = normalize(original);
        assert_eq!(n.text(), "根据条例\n\n\n\n正文");
        round_trip(original, "正文", "正文");
        round_trip(original, "根据", "根据");
    }

    #[test]
    fn a_pipe_line_with_a_dropped_char_is_chrome_too() {
        // Found by the normalize fuzz target: without this, the first pass
        // left a line of pipes that the second pass removed.
        let once = normalize("标题 |\n|| |\u{200B}||\n正文");
        assert_eq!(once.text(), "标题 |\n\n正文");
        assert_eq!(normalize(once.text()).text(), once.text());
        assert_eq!(normalize("｜｜｜\n").text(), "\n");
    }

    #[test]
    fn chrome_is_told_by_the_first_char_that_cleaning_keeps() {
        // Dropped chars, full-width pipes and brackets before the words.
        assert_eq!(
            normalize("\u{200B}｜ [\u{3000}分享到：微信\n正文").text(),
            "\n正文"
        );
        assert_eq!(normalize("\u{FEFF}【打印】\n").text(), "\n");
        // Chrome words that do not start the line are text.
        assert_eq!(normalize("请分享到微信\n").text(), "请分享到微信\n");
        assert_eq!(normalize("| 1 | 分享到 |\n").text(), "| 1 | 分享到 |\n");
    }

    #[test]
    fn nbsp_entity_becomes_space() {
        assert_eq!(normalize("a&nbsp;b").text(), "a b");
    }

    #[test]
    fn empty_and_lone_chrome() {
        assert_eq!(normalize("").text(), "");
        assert_eq!(normalize("|").text(), "");
        let n = normalize("\u{FEFF}");
        assert_eq!(n.to_original(Span::new(0, 0)), Span::new(3, 3));
    }
}
