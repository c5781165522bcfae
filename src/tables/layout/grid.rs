//! Grid tables drawn with rules: box characters (`w3m -dump`: `┌─┬┐ │ ├┼┤
//! └┴┘` and the heavy, double and rounded variants) and ASCII (pandoc grid
//! tables `+---+` with `+===+` header rules and `:` alignment marks; psql
//! `---+---` with `|` between cells and no outer border).
//!
//! Read as pandoc reads a grid table. The rule lines' junctions give the
//! column boundaries; every line is cut at its vertical strokes, each stroke
//! matched to a boundary; a cell is the region between two rules and two
//! strokes, so a cell whose rule below is missing spans rows and one whose
//! stroke beside is missing spans columns. A cell's lines are joined (CJK
//! without separator). The cells that start on the same line form one
//! physical row, left to right: a row-spanning cell appears in its first row
//! only and a column-spanning cell once, the shape of the pipe layout read
//! from HTML. A band of lines where a cell holds a value on two lines (psql,
//! grids without rules between rows) gives one row per line.
//!
//! Positions are display columns of the text as printed: East Asian wide
//! chars take two, box-drawing chars one (or two, when a table says so).
//! Chars of ambiguous width (`“` `”` `·` …) take one column in w3m's output
//! and two in other tools: each table is read with the widths that make the
//! most of its lines meet its boundaries, a line that meets them only under
//! the other width is read with that one, and a line still off has each
//! stroke matched to the only boundary within one column per ambiguous char
//! before it.
//!
//! Never a value in a wrong column: a line whose strokes cannot be matched,
//! or that contradicts the cells around it, is left out, and the rows it
//! touches come out with every cell marked [`RawCell::unplaced`], which the
//! table builders read as an ambiguous row.

use super::pipe;
use crate::grammar::number::{is_page_number, is_value_word};
use crate::lines::Line;
use crate::normalize::is_dropped_char;
use crate::tables::cell::{PhysicalRow, RawCell};
use std::borrow::Cow;
use unicode_width::UnicodeWidthChar;

/// A stroke reaches the neighbour above.
const UP: u8 = 1;
/// A stroke reaches the neighbour to the right.
const RIGHT: u8 = 2;
/// A stroke reaches the neighbour below.
const DOWN: u8 = 4;
/// A stroke reaches the neighbour to the left.
const LEFT: u8 = 8;
/// The stroke does not draw its arms (ASCII `+`, `|`): any may be there.
const UNKNOWN: u8 = 16;

/// Arms of the box-drawing chars U+2500–U+257F (light, heavy, double,
/// dashed, rounded; diagonals have none): [`UP`] | [`RIGHT`] | [`DOWN`] |
/// [`LEFT`].
#[rustfmt::skip]
const BOX_ARMS: [u8; 128] = [
    10, 10, 5, 5, 10, 10, 5, 5, 10, 10, 5, 5, 6, 6, 6, 6,
    12, 12, 12, 12, 3, 3, 3, 3, 9, 9, 9, 9, 7, 7, 7, 7,
    7, 7, 7, 7, 13, 13, 13, 13, 13, 13, 13, 13, 14, 14, 14, 14,
    14, 14, 14, 14, 11, 11, 11, 11, 11, 11, 11, 11, 15, 15, 15, 15,
    15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 10, 10, 5, 5,
    10, 5, 6, 6, 6, 12, 12, 12, 3, 3, 3, 9, 9, 9, 7, 7,
    7, 13, 13, 13, 14, 14, 14, 11, 11, 11, 15, 15, 15, 6, 12, 9,
    3, 0, 0, 0, 8, 1, 2, 4, 8, 1, 2, 4, 10, 5, 10, 5,
];

/// The arms of a box-drawing char; `None` for any other char.
fn box_arms(c: char) -> Option<u8> {
    let index = u32::from(c).checked_sub(0x2500)?;
    BOX_ARMS
        .get(usize::try_from(index).ok()?)
        .copied()
        .filter(|&arms| arms != 0)
}

/// How a grid draws its rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Box-drawing chars; ASCII `|`, `+` and `-` are text.
    Boxed,
    /// `+`, `|`, `-` and `=`.
    Ascii,
}

/// What a line of a grid looks like before it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineStyle {
    /// Holds box-drawing chars.
    Boxed,
    /// An ASCII rule: `+---+`, `---+---`, `|:--+--:|`.
    AsciiRule,
    /// Holds a `|`: an ASCII grid's content line, or a pipe row.
    AsciiText,
}

/// Whether the text holds a box-drawing stroke. Looks at bytes: every such
/// char is encoded `E2 94 xx` or `E2 95 xx`.
fn has_box_char(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == 0xE2
            && matches!(bytes.get(i + 1), Some(0x94 | 0x95))
            && text
                .get(i..)
                .and_then(|t| t.chars().next())
                .is_some_and(|c| box_arms(c).is_some())
    })
}

fn line_style(text: &str) -> Option<LineStyle> {
    // Most lines hold no stroke at all: one pass turns them away.
    let bytes = text.as_bytes();
    let stroke = bytes.iter().enumerate().any(|(i, &b)| {
        b == b'|' || b == b'+' || (b == 0xE2 && matches!(bytes.get(i + 1), Some(0x94 | 0x95)))
    });
    if !stroke {
        return None;
    }
    if has_box_char(text) {
        Some(LineStyle::Boxed)
    } else if is_ascii_rule(text) {
        Some(LineStyle::AsciiRule)
    } else if text.contains('|') {
        Some(LineStyle::AsciiText)
    } else {
        None
    }
}

/// An ASCII rule line: only `+ - = : |` and spaces, a `+` joined to a `-` or `=`.
fn is_ascii_rule(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.bytes()
            .all(|b| matches!(b, b'+' | b'-' | b'=' | b':' | b'|' | b' '))
        && t.as_bytes()
            .windows(2)
            .any(|w| matches!(w, [b'+', b'-' | b'='] | [b'-' | b'=', b'+']))
}

/// A box-drawn rule line: a junction joined to a horizontal stroke.
fn is_box_rule(text: &str) -> bool {
    let mut previous: Option<u8> = None;
    for c in text.chars() {
        let arms = box_arms(c);
        if let (Some(a), Some(b)) = (previous, arms) {
            let joined = a & RIGHT != 0 && b & LEFT != 0;
            let junction = |x: u8| x & (UP | DOWN) != 0;
            if joined && (junction(a) || junction(b)) {
                return true;
            }
        }
        previous = arms;
    }
    false
}

/// Whether the table lines are a grid: two rule lines, or one (psql) with
/// lines of strokes around it. A Markdown table's `|---|---|` is no rule.
pub fn looks_like_grid(lines: &[Line<'_>]) -> bool {
    let (mut rules, mut strokes) = (0usize, 0usize);
    for line in lines {
        match line_style(line.text) {
            Some(LineStyle::AsciiRule) => rules += 1,
            Some(LineStyle::Boxed) if is_box_rule(line.text) => rules += 1,
            Some(_) => strokes += 1,
            None => {}
        }
    }
    rules >= 2 || (rules == 1 && strokes >= 2)
}

/// The end of the grid around the line ending at `at` (a line end of
/// `text`): the end of the last grid line that follows without a break
/// (the bottom border), not beyond `end`.
pub fn grid_end(text: &str, at: usize, end: usize) -> usize {
    let mut at = at;
    while at < end {
        let start = at + 1;
        let Some(rest) = text.get(start..end) else {
            break;
        };
        let line = rest.split('\n').next().unwrap_or("");
        if line_style(line).is_none() {
            break;
        }
        at = start + line.len();
    }
    at
}

/// Where the grid holding the line that starts at `line_start` begins (its
/// top border), looking no further up than `floor`; `None` when that line is
/// not in a drawn grid.
pub fn grid_top(text: &str, line_start: usize, floor: usize) -> Option<usize> {
    let line_at = |start: usize| {
        text.get(start..)
            .and_then(|t| t.split('\n').next())
            .unwrap_or("")
    };
    let style = line_style(line_at(line_start))?;
    let boxed = style == LineStyle::Boxed;
    let mut top = match style {
        LineStyle::Boxed | LineStyle::AsciiRule => Some(line_start),
        LineStyle::AsciiText => None,
    };
    let mut at = line_start;
    while at > floor {
        let previous = text
            .get(..at - 1)
            .and_then(|t| t.rfind('\n'))
            .map(|i| i + 1)
            .unwrap_or(0)
            .max(floor);
        match (boxed, line_style(line_at(previous))) {
            (true, Some(LineStyle::Boxed)) | (false, Some(LineStyle::AsciiRule)) => {
                top = Some(previous);
            }
            (false, Some(LineStyle::AsciiText)) => {}
            _ => break,
        }
        at = previous;
    }
    top
}

/// Display widths of a char as printed, under each [`Policy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Widths {
    narrow: u8,
    wide: u8,
    all_wide: u8,
}

/// Which chars of ambiguous East Asian width take two columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Policy {
    /// None (w3m, most terminals): `“` one column, `─` one.
    Narrow,
    /// Text chars (`“` two columns), box-drawing chars one.
    Wide,
    /// All, box-drawing chars included (a CJK terminal).
    AllWide,
}

impl Policy {
    /// In the order preferred on a tie.
    const ALL: [Policy; 3] = [Policy::Narrow, Policy::Wide, Policy::AllWide];

    fn of(self, widths: Widths) -> usize {
        usize::from(match self {
            Policy::Narrow => widths.narrow,
            Policy::Wide => widths.wide,
            Policy::AllWide => widths.all_wide,
        })
    }

    /// The same policy with the other width for ambiguous text chars.
    fn other(self) -> Option<Policy> {
        match self {
            Policy::Narrow => Some(Policy::Wide),
            Policy::Wide => Some(Policy::Narrow),
            Policy::AllWide => None,
        }
    }
}

/// Columns a tab may take.
const TAB_DOUBT: usize = 8;

/// The widths of a char from the text printed for it, and by how many
/// columns tools may disagree on them: one for a char of ambiguous width
/// or of none (a combining mark), up to a tab stop for a tab.
fn measure(printed: &str) -> (Widths, u16) {
    let (mut narrow, mut wide, mut all_wide, mut doubt) = (0usize, 0usize, 0usize, 0usize);
    for c in printed.chars() {
        if box_arms(c).is_some() {
            narrow += 1;
            wide += 1;
            all_wide += 2;
        } else if c == '\t' {
            doubt += TAB_DOUBT;
        } else if !is_dropped_char(c) {
            let n = c.width().unwrap_or(0);
            let w = c.width_cjk().unwrap_or(0);
            doubt += usize::from(n != w || n == 0);
            narrow += n;
            wide += w;
            all_wide += w;
        }
    }
    // What one char of the normalized text stands for is short; a long
    // run (text that normalization removed) saturates.
    let small = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
    let widths = Widths {
        narrow: small(narrow),
        wide: small(wide),
        all_wide: small(all_wide),
    };
    (widths, u16::try_from(doubt).unwrap_or(u16::MAX))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A horizontal stroke: `─ ━ ═`, ASCII `-` and `=`.
    Rule,
    /// A vertical stroke or junction: `│ ┼ ├ ╬`, ASCII `|` and `+`.
    Stroke,
    /// An ASCII rule's alignment mark `:`.
    Colon,
    Space,
    Text,
}

/// One char of a grid line.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    /// Normalized byte offsets.
    from: usize,
    to: usize,
    kind: Kind,
    /// A stroke's arms.
    arms: u8,
    widths: Widths,
    /// Columns by which tools may disagree on its width.
    doubt: u16,
}

fn classify(c: char, style: Style) -> (Kind, u8) {
    match style {
        Style::Boxed => match box_arms(c) {
            Some(arms) if arms & (UP | DOWN) == 0 => (Kind::Rule, arms),
            Some(arms) => (Kind::Stroke, arms),
            None if c.is_whitespace() => (Kind::Space, 0),
            None => (Kind::Text, 0),
        },
        Style::Ascii => match c {
            '-' | '=' => (Kind::Rule, LEFT | RIGHT),
            '|' | '+' => (Kind::Stroke, UNKNOWN),
            ':' => (Kind::Colon, 0),
            c if c.is_whitespace() => (Kind::Space, 0),
            _ => (Kind::Text, 0),
        },
    }
}

/// Whether a stroke's arms may reach toward `arm`.
fn joins(arms: u8, arm: u8) -> bool {
    arms & (arm | UNKNOWN) != 0
}

/// Whether `piece`, the glyphs between two strokes (`None`: the line's
/// edge), is a horizontal rule joined to its strokes. At an edge, white space
/// before the rule is indentation.
fn is_rule_piece(piece: &[Glyph], left: Option<&Glyph>, right: Option<&Glyph>) -> bool {
    let from = if left.is_none() {
        piece
            .iter()
            .position(|g| g.kind != Kind::Space)
            .unwrap_or(piece.len())
    } else {
        0
    };
    let to = if right.is_none() {
        piece
            .iter()
            .rposition(|g| g.kind != Kind::Space)
            .map_or(from, |i| i + 1)
    } else {
        piece.len()
    };
    let piece = piece.get(from..to.max(from)).unwrap_or_default();
    piece.iter().any(|g| g.kind == Kind::Rule)
        && piece
            .iter()
            .all(|g| matches!(g.kind, Kind::Rule | Kind::Colon))
        && left.is_none_or(|g| joins(g.arms, RIGHT))
        && right.is_none_or(|g| joins(g.arms, LEFT))
}

/// One line of a grid, its chars measured.
struct GridLine<'a> {
    line: Line<'a>,
    glyphs: Vec<Glyph>,
    /// Holds a horizontal rule.
    rule: bool,
    /// A rule runs to the left edge without a stroke (psql).
    open_left: bool,
    /// A rule runs to the right edge without a stroke.
    open_right: bool,
}

impl<'a> GridLine<'a> {
    fn new<'s>(line: Line<'a>, style: Style, printed: &dyn Fn(usize, usize) -> &'s str) -> Self {
        let mut glyphs = Vec::with_capacity(line.text.len());
        let mut printed_from = line.start;
        for (i, c) in line.text.char_indices() {
            let from = line.start + i;
            let to = from + c.len_utf8();
            let (widths, doubt) = measure(printed(printed_from, to));
            printed_from = to;
            let (kind, arms) = classify(c, style);
            glyphs.push(Glyph {
                from,
                to,
                kind,
                arms,
                widths,
                doubt,
            });
        }
        let strokes: Vec<usize> = glyphs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.kind == Kind::Stroke)
            .map(|(i, _)| i)
            .collect();
        let (mut rule, mut open_left, mut open_right) = (false, false, false);
        if let (Some(&first), Some(&last)) = (strokes.first(), strokes.last()) {
            let stroke = |i: usize| glyphs.get(i);
            for pair in strokes.windows(2) {
                if let [a, b] = *pair {
                    let piece = glyphs.get(a + 1..b).unwrap_or_default();
                    rule |= is_rule_piece(piece, stroke(a), stroke(b));
                }
            }
            let head = glyphs.get(..first).unwrap_or_default();
            let tail = glyphs.get(last + 1..).unwrap_or_default();
            open_left = is_rule_piece(head, None, stroke(first));
            open_right = is_rule_piece(tail, stroke(last), None);
            rule |= open_left || open_right;
        }
        GridLine {
            line,
            glyphs,
            rule,
            open_left,
            open_right,
        }
    }

    /// The strokes of the line: glyph index, column (from 1) under `policy`,
    /// and by how many columns the widths of the chars before it are in doubt.
    fn strokes(&self, policy: Policy) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let (mut column, mut doubt) = (1usize, 0usize);
        for (i, g) in self.glyphs.iter().enumerate() {
            if g.kind == Kind::Stroke {
                out.push((i, column, doubt));
            }
            column += policy.of(g.widths);
            doubt += usize::from(g.doubt);
        }
        out
    }

    /// Whether only white space lies before glyph `to` (or after glyph `from`).
    fn blank(&self, from: usize, to: usize) -> bool {
        self.glyphs
            .get(from..to.max(from))
            .unwrap_or_default()
            .iter()
            .all(|g| g.kind == Kind::Space)
    }
}

/// The column boundaries of a grid: stroke columns of its rule lines, from
/// 1; a psql grid's open edges are column 0 and `usize::MAX`.
struct Boundaries {
    columns: Vec<usize>,
    open_left: bool,
    open_right: bool,
}

impl Boundaries {
    fn learn(lines: &[GridLine], policy: Policy) -> Option<Boundaries> {
        let rules = || lines.iter().filter(|l| l.rule);
        rules().next()?;
        let open_left = rules().all(|l| l.open_left);
        let open_right = rules().all(|l| l.open_right);
        // Only strokes whose column no ambiguous char before them puts in doubt.
        let mut columns: Vec<usize> = rules()
            .flat_map(|l| l.strokes(policy))
            .filter(|&(_, _, doubt)| doubt == 0)
            .map(|(_, column, _)| column)
            .collect();
        if open_left {
            columns.push(0);
        }
        if open_right {
            columns.push(usize::MAX);
        }
        columns.sort_unstable();
        columns.dedup();
        (columns.len() >= 2).then_some(Boundaries {
            columns,
            open_left,
            open_right,
        })
    }

    /// The last boundary's index.
    fn last(&self) -> usize {
        self.columns.len().saturating_sub(1)
    }

    /// The indices real strokes may match (not the open edges).
    fn real(&self) -> (usize, usize) {
        (
            usize::from(self.open_left),
            self.columns.len() - usize::from(self.open_right),
        )
    }

    /// Each stroke's boundary by its exact column under `policy`.
    fn exact(&self, line: &GridLine, policy: Policy) -> Option<Vec<(usize, usize)>> {
        let (lo, hi) = self.real();
        let real = self.columns.get(lo..hi)?;
        let matched: Option<Vec<(usize, usize)>> = line
            .strokes(policy)
            .into_iter()
            .map(|(glyph, column, _)| real.binary_search(&column).ok().map(|k| (k + lo, glyph)))
            .collect();
        matched.filter(|m| increasing(m))
    }

    /// Each stroke's boundary: the only one within its doubt (one column per
    /// char of ambiguous width before it), after the previous stroke's.
    fn within_doubt(&self, line: &GridLine, policy: Policy) -> Option<Vec<(usize, usize)>> {
        let (lo, hi) = self.real();
        let mut next = lo;
        let mut out = Vec::new();
        for (glyph, column, doubt) in line.strokes(policy) {
            let (from, to) = (column.saturating_sub(doubt), column.saturating_add(doubt));
            let first = self.columns.partition_point(|&c| c < from).max(next);
            let end = self.columns.partition_point(|&c| c <= to).min(hi);
            if end != first + 1 {
                return None;
            }
            out.push((first, glyph));
            next = first + 1;
        }
        Some(out)
    }

    /// Whether the strokes complete a line from the first boundary to the last.
    fn complete(&self, line: &GridLine, strokes: &[(usize, usize)]) -> Option<Vec<Matched>> {
        let mut all: Vec<Matched> = Vec::with_capacity(strokes.len() + 2);
        if self.open_left {
            all.push(Matched {
                boundary: 0,
                glyph: None,
            });
        } else if !line.blank(0, strokes.first().map_or(0, |s| s.1)) {
            return None;
        }
        all.extend(strokes.iter().map(|&(boundary, glyph)| Matched {
            boundary,
            glyph: Some(glyph),
        }));
        if self.open_right {
            all.push(Matched {
                boundary: self.last(),
                glyph: None,
            });
        } else if !line.blank(strokes.last().map_or(0, |s| s.1 + 1), line.glyphs.len()) {
            return None;
        }
        let spans = all.first().map(|m| m.boundary) == Some(0)
            && all.last().map(|m| m.boundary) == Some(self.last())
            && all.windows(2).all(|w| match w {
                [a, b] => a.boundary < b.boundary,
                _ => true,
            });
        spans.then_some(all)
    }

    /// Whether every stroke of the line stands exactly on a boundary.
    fn meets(&self, line: &GridLine, policy: Policy) -> bool {
        self.exact(line, policy)
            .and_then(|s| self.complete(line, &s))
            .is_some()
    }

    /// The line's strokes matched to boundaries: exactly under `policy`,
    /// else exactly under the other width of ambiguous chars, else within
    /// their doubt.
    fn matched(&self, line: &GridLine, policy: Policy) -> Option<Vec<Matched>> {
        let exact = |p: Policy| self.exact(line, p).and_then(|s| self.complete(line, &s));
        exact(policy)
            .or_else(|| policy.other().and_then(exact))
            .or_else(|| {
                self.within_doubt(line, policy)
                    .and_then(|s| self.complete(line, &s))
            })
    }
}

fn increasing(matched: &[(usize, usize)]) -> bool {
    matched.windows(2).all(|w| match w {
        [a, b] => a.0 < b.0,
        _ => true,
    })
}

/// A stroke matched to a boundary (`glyph: None`: an open edge).
#[derive(Debug, Clone, Copy)]
struct Matched {
    boundary: usize,
    glyph: Option<usize>,
}

/// The part of a line between two matched strokes.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// First and past-last interval (interval `j` lies between boundaries
    /// `j` and `j + 1`).
    k1: usize,
    k2: usize,
    rule: bool,
    /// Normalized byte offsets of the text between the strokes.
    from: usize,
    to: usize,
}

/// A read line: its segments left to right, covering every interval, and
/// its strokes: boundary and arms, in order.
struct ReadLine {
    segments: Vec<Segment>,
    marks: Vec<(usize, u8)>,
}

impl ReadLine {
    /// The segments overlapping intervals `k1..k2`.
    fn overlapping(&self, k1: usize, k2: usize) -> &[Segment] {
        let from = self.segments.partition_point(|s| s.k2 <= k1);
        let to = self.segments.partition_point(|s| s.k1 < k2);
        self.segments.get(from..to.max(from)).unwrap_or_default()
    }

    /// Whether rules of this line cover intervals `k1..k2`.
    fn ruled(&self, k1: usize, k2: usize) -> bool {
        self.overlapping(k1, k2).iter().all(|s| s.rule)
    }
}

fn read_line(line: &GridLine, bounds: &Boundaries, policy: Policy) -> Option<ReadLine> {
    let matched = bounds.matched(line, policy)?;
    let marks = matched
        .iter()
        .map(|m| {
            let arms = m
                .glyph
                .and_then(|g| line.glyphs.get(g))
                .map_or(UNKNOWN, |g| g.arms);
            (m.boundary, arms)
        })
        .collect();
    let line_end = line.line.start + line.line.text.len();
    let segments = matched
        .windows(2)
        .filter_map(|w| {
            let [a, b] = w else { return None };
            let left = a.glyph.and_then(|g| line.glyphs.get(g));
            let right = b.glyph.and_then(|g| line.glyphs.get(g));
            let first = a.glyph.map_or(0, |g| g + 1);
            let end = b.glyph.unwrap_or(line.glyphs.len());
            let piece = line.glyphs.get(first..end.max(first)).unwrap_or_default();
            Some(Segment {
                k1: a.boundary,
                k2: b.boundary,
                rule: is_rule_piece(piece, left, right),
                from: left.map_or(line.line.start, |g| g.to),
                to: right.map_or(line_end, |g| g.from),
            })
        })
        .collect();
    Some(ReadLine { segments, marks })
}

/// What a line's stroke at `boundary` says about an arm: `None` when no
/// stroke stands there or its arms are not drawn.
fn arm(marks: &[(usize, u8)], boundary: usize, arm: u8) -> Option<bool> {
    let at = marks.binary_search_by_key(&boundary, |m| m.0).ok()?;
    let arms = marks.get(at)?.1;
    (arms & UNKNOWN == 0).then_some(arms & arm != 0)
}

/// Whether a rule line's strokes agree with a cell over intervals
/// `k1..k2` below (`toward` = [`DOWN`]) or above it ([`UP`]): strokes reach
/// it at its edges and none inside.
fn arms_agree(marks: &[(usize, u8)], k1: usize, k2: usize, toward: u8) -> bool {
    let from = marks.partition_point(|m| m.0 <= k1);
    let to = marks.partition_point(|m| m.0 < k2);
    arm(marks, k1, toward) != Some(false)
        && arm(marks, k2, toward) != Some(false)
        && marks
            .get(from..to.max(from))
            .unwrap_or_default()
            .iter()
            .all(|&(_, arms)| arms & UNKNOWN != 0 || arms & toward == 0)
}

/// A cell traced between rules.
struct TracedCell<'a> {
    k1: usize,
    k2: usize,
    /// First line.
    top: usize,
    /// The line of the rule below it (`None`: the grid ended first).
    bottom: Option<usize>,
    /// Its text on each line it was read on.
    pieces: Vec<(usize, RawCell<'a>)>,
    /// Its rules or strokes disagree with it.
    broken: bool,
}

/// The cells starting on one line, or a left-out line outside every cell.
struct Group {
    first_cell: usize,
    /// Cells crossing a left-out line run on into this row: its own cells
    /// may have been read into them.
    swallowed: bool,
    /// A left-out line where no cell was open: its row, unreadable.
    orphan: Option<usize>,
}

/// The cells of a grid and the lines left out.
struct Traced<'a> {
    cells: Vec<TracedCell<'a>>,
    groups: Vec<Group>,
    /// Left-out lines before each line (one entry per line and one more).
    failed_before: Vec<usize>,
}

/// The cells open across a line, by first interval.
type Open = std::collections::BTreeMap<usize, usize>;

/// The open cell over interval `k`.
fn open_at(open: &Open, cells: &[TracedCell], k: usize) -> Option<usize> {
    let (_, &c) = open.range(..=k).next_back()?;
    cells.get(c).is_some_and(|cell| cell.k2 > k).then_some(c)
}

/// Whether a read line agrees with the open cells: a content segment
/// either starts new cells or continues exactly one open cell; a rule
/// closes whole cells only. Costs the segments and cells it meets.
fn agrees(read: &ReadLine, open: &Open, cells: &[TracedCell]) -> bool {
    read.segments.iter().all(|seg| {
        if seg.rule {
            // Each cell starting under this rule is ruled all along; one
            // starting before it was judged at its own first segment.
            open.range(seg.k1..seg.k2).all(|(_, &c)| {
                cells
                    .get(c)
                    .is_some_and(|cell| read.ruled(cell.k1, cell.k2))
            })
        } else {
            match open_at(open, cells, seg.k1).and_then(|c| cells.get(c)) {
                Some(cell) => cell.k1 == seg.k1 && cell.k2 == seg.k2,
                None => open.range(seg.k1..seg.k2).next().is_none(),
            }
        }
    })
}

fn trace<'a>(lines: &[GridLine<'a>], bounds: &Boundaries, policy: Policy) -> Traced<'a> {
    let intervals = bounds.last();
    let mut cells: Vec<TracedCell<'a>> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut open = Open::new();
    // How many intervals open cells cover.
    let mut covered = 0usize;
    // The line just above, when it was read.
    let mut above: Option<ReadLine> = None;
    let mut failed_before: Vec<usize> = Vec::with_capacity(lines.len() + 1);
    failed_before.push(0);
    let mut last_group_start = 0usize;
    for (i, line) in lines.iter().enumerate() {
        let failed_so_far = failed_before.last().copied().unwrap_or(0);
        let read = read_line(line, bounds, policy).filter(|r| agrees(r, &open, &cells));
        let Some(read) = read else {
            failed_before.push(failed_so_far + 1);
            above = None;
            // Text where no cell is open belongs to a row of its own.
            if covered < intervals {
                groups.push(Group {
                    first_cell: cells.len(),
                    swallowed: false,
                    orphan: Some(i),
                });
            }
            continue;
        };
        let first_new = cells.len();
        for seg in &read.segments {
            if seg.rule {
                let closing: Vec<usize> = open.range(seg.k1..seg.k2).map(|(&k, _)| k).collect();
                for k in closing {
                    let Some(cell) = open.remove(&k).and_then(|c| cells.get_mut(c)) else {
                        continue;
                    };
                    cell.bottom = Some(i);
                    cell.broken |= !arms_agree(&read.marks, cell.k1, cell.k2, UP);
                    covered = covered.saturating_sub(cell.k2 - cell.k1);
                }
                continue;
            }
            let piece = RawCell::from_piece(
                line.line.text,
                line.line.start,
                seg.from.saturating_sub(line.line.start),
                seg.to.saturating_sub(line.line.start),
            );
            if let Some(cell) = open_at(&open, &cells, seg.k1).and_then(|c| cells.get_mut(c)) {
                cell.pieces.push((i, piece));
                continue;
            }
            // A new cell: the line above must be its top rule (the grid's
            // top edge for the first line).
            let topped = match &above {
                Some(rule) => {
                    rule.ruled(seg.k1, seg.k2) && arms_agree(&rule.marks, seg.k1, seg.k2, DOWN)
                }
                None => i == 0,
            };
            open.insert(seg.k1, cells.len());
            covered += seg.k2 - seg.k1;
            cells.push(TracedCell {
                k1: seg.k1,
                k2: seg.k2,
                top: i,
                bottom: None,
                pieces: vec![(i, piece)],
                broken: !topped,
            });
        }
        failed_before.push(failed_so_far);
        if cells.len() > first_new {
            // A value cell that ran on across a left-out line since the
            // previous row may hold this row's text (a row-spanning label
            // runs on by design).
            let failed_since = |from: usize| {
                failed_so_far.saturating_sub(failed_before.get(from).copied().unwrap_or(0)) > 0
            };
            let swallowed = failed_since(last_group_start)
                && open.values().any(|&c| {
                    cells.get(c).is_some_and(|cell| {
                        cell.top < i
                            && failed_since(cell.top.max(last_group_start))
                            && !cell
                                .pieces
                                .iter()
                                .map(|(_, p)| p)
                                .find(|p| !p.is_empty())
                                .is_some_and(RawCell::is_label)
                    })
                });
            groups.push(Group {
                first_cell: first_new,
                swallowed,
                orphan: None,
            });
            last_group_start = i;
        }
        above = Some(read);
    }
    Traced {
        cells,
        groups,
        failed_before,
    }
}

/// Whether a space must separate two pieces of a cell joined across lines:
/// only between ASCII letters or digits (CJK text wraps anywhere).
fn needs_space(before: &str, after: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// A cell's pieces joined into one cell.
fn joined<'a>(pieces: &[(usize, RawCell<'a>)]) -> RawCell<'a> {
    let mut filled = pieces.iter().map(|(_, p)| p).filter(|p| !p.is_empty());
    let Some(first) = filled.next() else {
        return pieces.first().map(|(_, p)| p.clone()).unwrap_or_default();
    };
    let Some(second) = filled.next() else {
        return first.clone();
    };
    let mut text = first.text.to_string();
    let mut end = first.end;
    for piece in std::iter::once(second).chain(filled) {
        if needs_space(&text, &piece.text) {
            text.push(' ');
        }
        text.push_str(&piece.text);
        end = piece.end;
    }
    RawCell {
        text: Cow::Owned(text),
        start: first.start,
        end,
        ..RawCell::default()
    }
}

/// The text of a left-out line cut at its strokes, every cell unplaced.
fn orphan_row<'a>(line: &GridLine<'a>) -> PhysicalRow<'a> {
    let mut row = Vec::new();
    let mut from = 0usize;
    let glyph_end = |i: usize| {
        line.glyphs
            .get(i)
            .map_or(line.line.text.len(), |g| g.from - line.line.start)
    };
    let strokes = line
        .glyphs
        .iter()
        .enumerate()
        .filter(|(_, g)| g.kind == Kind::Stroke)
        .map(|(i, _)| Some(i))
        .chain(std::iter::once(None));
    let mut previous: Option<usize> = None;
    for stroke in strokes {
        let to = stroke.unwrap_or(line.glyphs.len());
        let piece = line.glyphs.get(from..to.max(from)).unwrap_or_default();
        let left = previous.and_then(|p| line.glyphs.get(p));
        let right = stroke.and_then(|s| line.glyphs.get(s));
        if !is_rule_piece(piece, left, right) {
            let mut cell = RawCell::from_piece(
                line.line.text,
                line.line.start,
                glyph_end(from),
                glyph_end(to),
            );
            let edge = previous.is_none() || stroke.is_none();
            if !(edge && cell.is_empty()) {
                cell.unplaced = true;
                row.push(cell);
            }
        }
        from = to + 1;
        previous = stroke;
    }
    row
}

/// The physical rows of a traced grid.
fn rows_of<'a>(traced: Traced<'a>, lines: &[GridLine<'a>]) -> Vec<PhysicalRow<'a>> {
    let line_count = lines.len();
    let Traced {
        cells,
        groups,
        failed_before,
    } = traced;
    let failed_within = |cell: &TracedCell| {
        let before = |i: usize| failed_before.get(i).copied().unwrap_or(0);
        before(cell.bottom.unwrap_or(line_count)) > before(cell.top)
    };
    let mut rows = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if let Some(line) = group.orphan.and_then(|i| lines.get(i)) {
            let row = orphan_row(line);
            if !row.is_empty() {
                rows.push(row);
            }
            continue;
        }
        let end = groups.get(g + 1).map_or(cells.len(), |n| n.first_cell);
        let Some(members) = cells.get(group.first_cell..end) else {
            continue;
        };
        let mut row: PhysicalRow<'a> = members.iter().map(|c| joined(&c.pieces)).collect();
        // A row-spanning label keeps the text read; a value never does.
        let mut ambiguous = group.swallowed
            || members
                .iter()
                .zip(&row)
                .any(|(c, raw)| c.broken || (failed_within(c) && !raw.is_label()));
        let split = members.iter().any(|c| {
            c.pieces
                .iter()
                .filter(|(_, p)| is_value_word(&p.text))
                .count()
                >= 2
        });
        if split && !ambiguous {
            match line_rows(members) {
                Some(split_rows) => {
                    rows.extend(split_rows);
                    continue;
                }
                None => ambiguous = true,
            }
        }
        if ambiguous {
            for cell in &mut row {
                cell.unplaced = true;
            }
        }
        rows.push(row);
    }
    rows
}

/// One row per line of a band whose cells hold a value on several lines
/// (no rules between rows): `None` unless its cells share their lines and
/// every line has a label.
fn line_rows<'a>(members: &[TracedCell<'a>]) -> Option<Vec<PhysicalRow<'a>>> {
    let first = members.first()?;
    let lines: Vec<usize> = first.pieces.iter().map(|(i, _)| *i).collect();
    let same = members.iter().all(|c| {
        c.top == first.top
            && c.bottom == first.bottom
            && c.pieces.iter().map(|(i, _)| *i).eq(lines.iter().copied())
    });
    if !same {
        return None;
    }
    let mut rows = Vec::new();
    for index in 0..lines.len() {
        let row: PhysicalRow<'a> = members
            .iter()
            .filter_map(|c| c.pieces.get(index).map(|(_, p)| p.clone()))
            .collect();
        if row.iter().all(RawCell::is_empty) {
            continue;
        }
        if !row.iter().any(RawCell::is_label) {
            return None;
        }
        rows.push(row);
    }
    Some(rows)
}

/// Reads one grid: `None` when its rules give no column boundaries.
fn read_grid<'a, 's>(
    lines: &[Line<'a>],
    style: Style,
    printed: &dyn Fn(usize, usize) -> &'s str,
) -> Option<Vec<PhysicalRow<'a>>> {
    let grid: Vec<GridLine<'a>> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| GridLine::new(*l, style, printed))
        .collect();
    let policies: &[Policy] = match style {
        Style::Boxed => &Policy::ALL,
        Style::Ascii => &[Policy::Narrow, Policy::Wide],
    };
    // The widths under which most lines meet the boundaries (first on a
    // tie; no need to look further once every line does).
    let mut best: Option<(usize, Policy, Boundaries)> = None;
    for &policy in policies {
        if best.as_ref().is_some_and(|(m, _, _)| *m == grid.len()) {
            break;
        }
        let Some(bounds) = Boundaries::learn(&grid, policy) else {
            continue;
        };
        let meeting = grid.iter().filter(|l| bounds.meets(l, policy)).count();
        if best.as_ref().is_none_or(|(m, _, _)| meeting > *m) {
            best = Some((meeting, policy, bounds));
        }
    }
    let (_, policy, bounds) = best?;
    let traced = trace(&grid, &bounds, policy);
    Some(rows_of(traced, &grid))
}

/// Where the grid starting at line `i` ends and how it is drawn; `None`
/// when line `i` starts no grid. Blank lines after a content line of an
/// ASCII grid (lines of strokes only, dropped as page chrome by
/// normalization) do not end it.
fn grid_at(lines: &[Line<'_>], i: usize) -> Option<(usize, Style)> {
    let style_of = |k: usize| lines.get(k).and_then(|l| line_style(l.text));
    match style_of(i)? {
        LineStyle::Boxed => {
            let mut end = i + 1;
            while style_of(end) == Some(LineStyle::Boxed) {
                end += 1;
            }
            Some((end, Style::Boxed))
        }
        LineStyle::AsciiRule | LineStyle::AsciiText => {
            let ascii = |s: Option<LineStyle>| {
                matches!(s, Some(LineStyle::AsciiRule | LineStyle::AsciiText))
            };
            let (mut end, mut has_rule) = (i, false);
            loop {
                let style = style_of(end);
                if ascii(style) {
                    has_rule |= style == Some(LineStyle::AsciiRule);
                    end += 1;
                    continue;
                }
                // Blank lines after a content line, when the grid goes on.
                let after_text = end > i && style_of(end - 1) == Some(LineStyle::AsciiText);
                let next = lines
                    .get(end..)
                    .and_then(|rest| rest.iter().position(|l| !l.is_blank()))
                    .map(|k| end + k);
                match next {
                    Some(k) if k > end && after_text && ascii(style_of(k)) => end = k,
                    _ => break,
                }
            }
            has_rule.then_some((end, Style::Ascii))
        }
    }
}

/// Reads the table lines of a grid layout: each drawn grid into its rows.
/// Lines outside the grids (a caption, a note, psql's `(3 rows)`) are no
/// rows of the table.
pub fn grid_rows<'a, 's>(
    lines: &[Line<'a>],
    printed: &dyn Fn(usize, usize) -> &'s str,
) -> Vec<PhysicalRow<'a>> {
    let mut rows = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((end, style)) = grid_at(lines, i) else {
            i += 1;
            continue;
        };
        let block = lines.get(i..end).unwrap_or_default();
        match read_grid(block, style, printed) {
            Some(grid) => rows.extend(grid),
            // Not a grid after all: ASCII lines are read as pipe rows;
            // box-drawing lines without rules are decoration.
            None if style == Style::Ascii => rows.extend(
                block
                    .iter()
                    .filter(|l| {
                        !l.is_blank() && !pipe::is_markdown_rule(l.text) && !is_page_number(l.text)
                    })
                    .map(pipe::pipe_row),
            ),
            None => {}
        }
        i = end.max(i + 1);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::lines_in;

    /// Each row's cell texts, and whether its cells are unplaced.
    fn read(text: &str) -> Vec<(Vec<String>, bool)> {
        let printed = |from: usize, to: usize| text.get(from..to).unwrap_or("");
        grid_rows(&lines_in(text, 0, text.len()), &printed)
            .iter()
            .map(|r| {
                let texts = r.iter().map(|c| c.text.to_string()).collect();
                (texts, r.iter().any(|c| c.unplaced))
            })
            .collect()
    }

    /// The rows of a grid read without doubt.
    fn rows(text: &str) -> Vec<Vec<String>> {
        read(text)
            .into_iter()
            .map(|(texts, unplaced)| {
                assert!(!unplaced, "{texts:?} is unplaced");
                texts
            })
            .collect()
    }

    fn unplaced(text: &str) -> Vec<bool> {
        read(text).into_iter().map(|(_, u)| u).collect()
    }

    #[test]
    fn box_arms_cover_light_heavy_double_and_rounded_strokes() {
        assert_eq!(box_arms('┼'), Some(UP | RIGHT | DOWN | LEFT));
        assert_eq!(box_arms('┴'), Some(UP | RIGHT | LEFT));
        assert_eq!(box_arms('╦'), Some(RIGHT | DOWN | LEFT));
        assert_eq!(box_arms('┃'), Some(UP | DOWN));
        assert_eq!(box_arms('╰'), Some(UP | RIGHT));
        assert_eq!(box_arms('═'), Some(LEFT | RIGHT));
        assert_eq!(box_arms('╱'), None);
        assert_eq!(box_arms('a'), None);
    }

    #[test]
    fn markdown_rules_are_no_grid_rules() {
        let table = "| a | b |\n|---|:--:|\n| 1 | 2 |\n";
        assert!(!looks_like_grid(&lines_in(table, 0, table.len())));
        let psql = " a | b\n---+---\n 1 | 2\n";
        assert!(looks_like_grid(&lines_in(psql, 0, psql.len())));
    }

    #[test]
    fn spans_are_seen_from_missing_rules_and_strokes() {
        let text = "\
┌────┬─────────┐
│    │甲乙     │
│名称├────┬────┤
│    │丙  │丁  │
├────┼────┼────┤
│城东│3   │    │
├────┴────┼────┤
│合计     │8   │
└─────────┴────┘
";
        assert_eq!(
            rows(text),
            vec![
                vec!["名称", "甲乙"],
                vec!["丙", "丁"],
                vec!["城东", "3", ""],
                vec!["合计", "8"],
            ]
        );
    }

    #[test]
    fn a_cell_s_lines_are_joined_and_numbers_stay_on_their_row() {
        let text = "\
╔══════╦═══╗
║长标签║12 ║
║接着写║   ║
╠══════╬═══╣
║短    ║7  ║
╚══════╩═══╝
";
        assert_eq!(
            rows(text),
            vec![vec!["长标签接着写", "12"], vec!["短", "7"]]
        );
    }

    #[test]
    fn ascii_rules_omit_junctions_where_no_stroke_meets_them() {
        // As pandoc writes spans: `+` only where a stroke goes up or down.
        let text = "\
+----+----+----+
| 甲      | 9  |
+----+----+    |
| 乙 | 3  |    |
|    +----+----+
|    | 4  | 5  |
+----+----+----+
";
        assert_eq!(
            rows(text),
            vec![vec!["甲", "9"], vec!["乙", "3"], vec!["4", "5"]]
        );
    }

    #[test]
    fn english_words_wrapped_in_a_cell_keep_a_space() {
        let text = "+-------+\n| total |\n| count |\n+-------+\n";
        assert_eq!(rows(text), vec![vec!["total count"]]);
    }

    #[test]
    fn pandoc_header_rules_and_alignment_marks_are_rules() {
        let text = "\
+:-----+-----:+
| 名称 | 数量 |
+:=====+=====:+
| 城西 | 41   |
+------+------+
";
        assert_eq!(rows(text), vec![vec!["名称", "数量"], vec!["城西", "41"]]);
    }

    #[test]
    fn lines_of_strokes_dropped_as_page_chrome_leave_an_ascii_grid_whole() {
        // `|      |     |` lines are blank once normalized.
        let text = "+------+-----+\n| 长标 | 7   |\n\n\n| 签   |     |\n+------+-----+\n";
        assert_eq!(rows(text), vec![vec!["长标签", "7"]]);
    }

    #[test]
    fn psql_rows_are_lines_between_open_edges() {
        let text = " 名称 | 甲 | 乙\n------+----+----\n 城西 | 1  | 2\n 城东 |    | 5\n(2 rows)\n";
        assert_eq!(
            rows(text),
            vec![
                vec!["名称", "甲", "乙"],
                vec!["城西", "1", "2"],
                vec!["城东", "", "5"],
            ]
        );
    }

    #[test]
    fn a_value_wrapped_over_two_lines_without_labels_is_ambiguous() {
        let text = "+------+-----+\n| 名称 | 123 |\n|      | 45  |\n+------+-----+\n";
        assert_eq!(unplaced(text), vec![true]);
    }

    #[test]
    fn ambiguous_width_chars_are_calibrated_per_table() {
        // Printed with “ ” two columns wide: the rule lines say so.
        let wide = "┌────────┬──┐\n│“甲”  │1 │\n├────────┼──┤\n│乙      │2 │\n└────────┴──┘\n";
        assert_eq!(rows(wide), vec![vec!["“甲”", "1"], vec!["乙", "2"]]);
        // Printed one column wide (w3m).
        let narrow = "┌──────┬──┐\n│“甲”  │1 │\n├──────┼──┤\n│乙    │2 │\n└──────┴──┘\n";
        assert_eq!(rows(narrow), vec![vec!["“甲”", "1"], vec!["乙", "2"]]);
    }

    #[test]
    fn box_chars_printed_two_columns_wide_are_calibrated() {
        // A CJK terminal: every box-drawing char takes two columns, so the
        // rules hold half as many strokes as their boxes are wide.
        let text = "┌──┬─┐\n│甲乙│1 │\n├──┼─┤\n│丙  │23│\n└──┴─┘\n";
        assert_eq!(rows(text), vec![vec!["甲乙", "1"], vec!["丙", "23"]]);
    }

    #[test]
    fn heavy_and_rounded_boxes_are_grids() {
        let text = "╭────┬───╮\n│甲  │1  │\n┝━━━━┿━━━┥\n│乙  │2  │\n╰────┴───╯\n";
        assert_eq!(rows(text), vec![vec!["甲", "1"], vec!["乙", "2"]]);
        let heavy = "┏━━━━┳━━━┓\n┃甲  ┃1  ┃\n┗━━━━┻━━━┛\n";
        assert_eq!(rows(heavy), vec![vec!["甲", "1"]]);
    }

    #[test]
    fn the_top_of_a_grid_is_its_first_rule() {
        let text = "说明。\n+---+---+\n| a | b |\n+---+---+\n";
        let content = text.find("| a").unwrap();
        assert_eq!(grid_top(text, content, 0), text.find('+'));
        // A psql header has no rule above: the table starts where it did.
        let psql = "说明。\n a | b\n---+---\n";
        assert_eq!(grid_top(psql, psql.find(" a").unwrap(), 0), None);
        // A Markdown table is no drawn grid.
        let markdown = "| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(grid_top(markdown, markdown.find("| 1").unwrap(), 0), None);
        let boxed = "┌─┐\n│a│\n└─┘\n后记\n";
        assert_eq!(
            grid_end(boxed, boxed.find("\n└").unwrap(), boxed.len()),
            boxed.find("\n后").unwrap()
        );
    }

    #[test]
    fn a_line_off_without_any_doubtful_char_leaves_its_row_ambiguous() {
        // The value line lost a space: its second stroke stands on no boundary.
        let text =
            "┌────┬───┬───┐\n│甲  │1  │2  │\n├────┼───┼───┤\n│乙  │3 │4  │\n└────┴───┴───┘\n";
        let read = read(text);
        let row = |texts: &[&str], unplaced: bool| {
            (
                texts.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
                unplaced,
            )
        };
        assert_eq!(
            read,
            vec![row(&["甲", "1", "2"], false), row(&["乙", "3", "4"], true)]
        );
    }

    #[test]
    fn a_stroke_contradicting_its_rule_breaks_the_cell() {
        // The rule above says the column is split; the line below does not.
        let text = "┌────┬───┬───┐\n│甲  │1      │\n└────┴───┴───┘\n";
        assert_eq!(unplaced(text), vec![true]);
    }

    #[test]
    fn a_line_outside_the_boundaries_is_left_out_and_its_row_abstains() {
        let text = "┌────┬───┐\n│甲  │1  │\n│乙  │2  │ x\n└────┴───┘\n";
        assert_eq!(unplaced(text), vec![true]);
    }
}
