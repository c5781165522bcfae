//! Table text → cells → logical rows, whatever the extraction layout.
//!
//! Layouts are told from the text itself:
//! - [`Layout::Pipe`]: `a | b |` rows and Markdown tables;
//! - [`Layout::TabCell`]: Word export, one tab-led cell a line, blank line after a row;
//! - [`Layout::Tsv`]: browser copy, one row a line, tabs between cells;
//! - [`Layout::Words`]: anything else (one cell a line, columns aligned with
//!   spaces, PDF text, everything on one line): cells are white-space words.
//!
//! The first three are *grids*: an empty cell keeps its place. In `Words`, an
//! empty cell leaves no trace, so rows that come out short are ambiguous.

use crate::ast::CellValue;
use crate::grammar::is_cjk;
use crate::grammar::number::{is_page_number, is_value_word, parse_cell};
use crate::lines::{Line, lines_in};
use std::borrow::Cow;

/// How a table was extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Pipe-separated rows (HTML converters, Markdown).
    Pipe,
    /// One tab-led cell per line (Word export).
    TabCell,
    /// One row per line, tab-separated.
    Tsv,
    /// Cells separated by white space only.
    Words,
}

impl Layout {
    /// Whether empty cells keep their place.
    pub fn is_grid(self) -> bool {
        self != Layout::Words
    }
}

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
    fn from_piece(line: &'a str, base: usize, from: usize, to: usize) -> RawCell<'a> {
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

/// Detects the layout of the table lines.
pub fn detect_layout(lines: &[Line<'_>]) -> Layout {
    let (mut pipe, mut tab_lead, mut tab_inner) = (0usize, 0usize, 0usize);
    for line in lines.iter().filter(|l| !l.is_blank()) {
        if line.text.contains('|') {
            pipe += 1;
        }
        let inner = line.text.trim_end().trim_start_matches('\t');
        if line.text.starts_with('\t') && !inner.contains('\t') {
            tab_lead += 1;
        } else if inner.contains('\t') {
            tab_inner += 1;
        }
    }
    if pipe >= 2 && pipe >= tab_lead.max(tab_inner) {
        Layout::Pipe
    } else if tab_lead >= 2 && tab_lead > tab_inner {
        Layout::TabCell
    } else if tab_inner >= 2 {
        Layout::Tsv
    } else {
        Layout::Words
    }
}

fn is_markdown_rule(text: &str) -> bool {
    let t = text.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn pipe_row<'a>(line: &Line<'a>) -> PhysicalRow<'a> {
    let text = line.text;
    let mut bounds = vec![0];
    bounds.extend(text.match_indices('|').map(|(i, _)| i));
    bounds.push(text.len());
    let mut cells: Vec<RawCell> = bounds
        .windows(2)
        .enumerate()
        .filter_map(|(k, w)| {
            let (&a, &b) = (w.first()?, w.get(1)?);
            let from = if k == 0 { a } else { a + 1 };
            Some(RawCell::from_piece(text, line.start, from, b))
        })
        .collect();
    if text.trim_start().starts_with('|') && cells.first().is_some_and(RawCell::is_empty) {
        cells.remove(0);
    }
    if text.contains('|') && cells.last().is_some_and(RawCell::is_empty) {
        cells.pop();
    }
    cells
}

fn tsv_row<'a>(line: &Line<'a>) -> PhysicalRow<'a> {
    let text = line.text;
    let mut cells = Vec::new();
    let mut from = 0;
    for (i, _) in text.match_indices('\t') {
        cells.push(RawCell::from_piece(text, line.start, from, i));
        from = i + 1;
    }
    cells.push(RawCell::from_piece(text, line.start, from, text.len()));
    cells
}

fn tab_cell_rows<'a>(lines: &[Line<'a>]) -> Vec<PhysicalRow<'a>> {
    let mut rows = Vec::new();
    let mut row: PhysicalRow<'a> = Vec::new();
    for line in lines {
        if line.is_blank() && !line.text.starts_with('\t') {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            continue;
        }
        if let Some(rest) = line.text.strip_prefix('\t') {
            row.push(RawCell::from_piece(rest, line.start + 1, 0, rest.len()));
        } else if let Some(last) = row.last_mut() {
            // A continuation line of a multi-line cell.
            let (start, text) = line.trimmed();
            if last.text.is_empty() {
                last.start = start;
            }
            last.text.to_mut().push_str(text);
            last.end = start + text.len();
        } else {
            row.push(RawCell::from_piece(
                line.text,
                line.start,
                0,
                line.text.len(),
            ));
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

fn word_cells<'a>(lines: &[Line<'a>], width: &dyn Fn(usize, usize) -> usize) -> PhysicalRow<'a> {
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
fn split_glued(word: &str) -> (usize, usize) {
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

/// Splits the table text `start..end` of `text` into physical rows.
#[cfg(test)]
fn physical_rows(text: &str, start: usize, end: usize) -> (Layout, Vec<PhysicalRow<'_>>) {
    let width = |from: usize, to: usize| text.get(from..to).map(display_width).unwrap_or(0);
    physical_rows_with(text, start, end, &width)
}

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

/// [`physical_rows`] with the display width of a normalized byte range given
/// by the caller, so that widths are those of the text as printed (full-width
/// brackets and ideographic spaces are folded to one-column forms by
/// normalization). Widths are summed along a line, range by range
/// (`width(line start, end of word 1)`, `width(end of word 1, end of word 2)`,
/// …), so `width` must add up: what normalization removed between two
/// ranges must be counted in one of them.
pub fn physical_rows_with<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    width: &dyn Fn(usize, usize) -> usize,
) -> (Layout, Vec<PhysicalRow<'a>>) {
    let lines = lines_in(text, start, end);
    let layout = detect_layout(&lines);
    let rows = match layout {
        Layout::Pipe => lines
            .iter()
            .filter(|l| !l.is_blank() && !is_markdown_rule(l.text) && !is_page_number(l.text))
            .map(pipe_row)
            .collect(),
        Layout::Tsv => lines
            .iter()
            .filter(|l| !l.is_blank() && !is_page_number(l.text))
            .map(tsv_row)
            .collect(),
        Layout::TabCell => tab_cell_rows(&lines),
        Layout::Words => vec![word_cells(&lines, width)],
    };
    (layout, rows)
}

/// A logical table row: its label parts and its value cells.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LogicalRow<'a> {
    /// Label cells, in order.
    pub labels: Vec<RawCell<'a>>,
    /// Value cells, in order (empty cells included in grid layouts).
    pub values: Vec<RawCell<'a>>,
}

impl LogicalRow<'_> {
    /// The label parts joined without separator.
    pub fn label_text(&self) -> String {
        self.labels.iter().map(|c| c.text.as_ref()).collect()
    }

    /// Whether the row has at least one non-empty value cell.
    pub fn has_values(&self) -> bool {
        self.values.iter().any(|c| !c.is_empty())
    }

    /// Normalized offsets covering the row.
    pub fn range(&self) -> Option<(usize, usize)> {
        let all = self.labels.iter().chain(self.values.iter());
        let start = all.clone().map(|c| c.start).min()?;
        let end = all.map(|c| c.end).max()?;
        Some((start, end))
    }
}

fn grid_logical(mut row: PhysicalRow<'_>) -> LogicalRow<'_> {
    // The label zone is the longest prefix of labels and empty slots that
    // ends with a label; everything after it is a value cell.
    let mut zone_end = 0;
    for (k, cell) in row.iter().enumerate() {
        if cell.is_label() {
            zone_end = k + 1;
        } else if !cell.is_empty() {
            break;
        }
    }
    // Cells are moved, not copied: a row without labels keeps its vector.
    let mut out = if zone_end == 0 {
        LogicalRow {
            labels: Vec::new(),
            values: row,
        }
    } else {
        let values = row.split_off(zone_end.min(row.len()));
        row.retain(RawCell::is_label);
        LogicalRow {
            labels: row,
            values,
        }
    };
    if !out.has_values() {
        out.values.clear();
    }
    out
}

/// Groups physical rows into logical rows.
///
/// In grids a row keeps its cells; a label-only row followed by a value-only
/// row is one row (a wrapped label). In `Words`, a row runs from a label to
/// the last value before the next label.
pub fn logical_rows(layout: Layout, rows: Vec<PhysicalRow<'_>>) -> Vec<LogicalRow<'_>> {
    let mut out: Vec<LogicalRow> = Vec::new();
    if layout.is_grid() {
        for row in rows {
            let row = grid_logical(row);
            if row.labels.is_empty() && !row.has_values() {
                continue;
            }
            if let Some(previous) = out.last_mut()
                && !previous.has_values()
                && row.labels.is_empty()
            {
                previous.values = row.values;
                continue;
            }
            out.push(row);
        }
    } else {
        let mut current = LogicalRow::default();
        for cell in rows.into_iter().flatten() {
            if is_value_word(&cell.text) {
                current.values.push(cell);
            } else {
                if current.has_values() {
                    out.push(std::mem::take(&mut current));
                }
                current.labels.push(cell);
            }
        }
        if !current.labels.is_empty() || current.has_values() {
            out.push(current);
        }
    }
    out
}

/// The value columns of a table whose columns are aligned with spaces
/// (`pdftotext -layout`): where each column's values end on their lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnGrid {
    edges: Vec<usize>,
    display: bool,
}

impl ColumnGrid {
    /// Learns the grid from the rows that print all `columns` values on one
    /// line; `None` unless at least two such rows agree, within one column,
    /// in chars or in display width.
    pub fn learn(rows: &[LogicalRow], columns: usize) -> Option<ColumnGrid> {
        for display in [false, true] {
            let complete: Vec<Vec<usize>> = rows
                .iter()
                .filter(|r| r.values.len() == columns)
                .filter_map(|r| edges_on_one_line(&r.values, display))
                .collect();
            let Some(first) = complete.first() else {
                continue;
            };
            let agree = complete.len() >= 2
                && (0..columns).all(|j| {
                    let column = complete.iter().filter_map(|e| e.get(j).copied());
                    let (lo, hi) = (column.clone().min(), column.max());
                    matches!((lo, hi), (Some(lo), Some(hi)) if hi - lo <= 1)
                });
            if agree {
                return Some(ColumnGrid {
                    edges: first.clone(),
                    display,
                });
            }
        }
        None
    }

    /// The column of each value, when every value ends on a distinct column
    /// edge, left to right.
    fn place(&self, values: &[RawCell]) -> Option<Vec<usize>> {
        let edges = edges_on_one_line(values, self.display)?;
        let mut placed: Vec<usize> = Vec::with_capacity(edges.len());
        for e in edges {
            let j = self.edges.iter().position(|g| g.abs_diff(e) <= 1)?;
            if placed.last().is_some_and(|last| *last >= j) {
                return None;
            }
            placed.push(j);
        }
        Some(placed)
    }
}

fn edges_on_one_line(values: &[RawCell], display: bool) -> Option<Vec<usize>> {
    let line = values.first()?.edge?.line;
    values
        .iter()
        .map(|v| {
            let edge = v.edge?;
            (edge.line == line).then_some(if display { edge.width } else { edge.chars })
        })
        .collect()
}

/// What to do with cells beyond the column count in a grid row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtraCells {
    /// The first cells are a garbled label slot (table 3).
    DropLeading,
    /// The last cells are stray trailing cells (tables 2 and 4).
    DropTrailing,
    /// Nothing tells which cells are extra: the row is ambiguous.
    Refuse,
}

/// The outcome of fitting a row's value cells to its columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit<'a> {
    /// One cell per column. `dropped` cells were set aside; `padded` trailing
    /// cells were missing from a grid row and read as empty.
    Cells {
        /// One per column.
        cells: Vec<RawCell<'a>>,
        /// Cells set aside.
        dropped: Vec<RawCell<'a>>,
        /// How many trailing empty cells were added.
        padded: usize,
        /// How many blank cells were placed by column alignment.
        aligned: usize,
    },
    /// No cell at all.
    Empty,
    /// The cells cannot be aligned with the columns.
    Ambiguous,
}

/// Fits `values` to `columns` columns.
pub fn fit<'a>(
    values: &[RawCell<'a>],
    columns: usize,
    layout: Layout,
    extra: ExtraCells,
    grid: Option<&ColumnGrid>,
) -> Fit<'a> {
    // Trim padding: trailing empty cells first, then leading empty slots,
    // never below the column count. Index arithmetic keeps this linear.
    let mut end = values.len();
    while end > columns && values.get(end - 1).is_some_and(RawCell::is_empty) {
        end -= 1;
    }
    let mut start = 0;
    while end - start > columns && values.get(start).is_some_and(RawCell::is_empty) {
        start += 1;
    }
    let mut cells: Vec<RawCell> = values.get(start..end).unwrap_or_default().to_vec();
    if cells.iter().all(RawCell::is_empty) && !layout.is_grid() {
        return Fit::Empty;
    }
    if cells.is_empty() {
        return Fit::Empty;
    }
    if cells.len() == columns {
        return Fit::Cells {
            cells,
            dropped: Vec::new(),
            padded: 0,
            aligned: 0,
        };
    }
    if !layout.is_grid() {
        // Blanks left no trace, unless the table's columns are aligned with
        // spaces and every value sits on a known column.
        if cells.len() < columns
            && let Some(placed) = grid.and_then(|g| g.place(&cells))
        {
            let mut full: Vec<RawCell> = Vec::with_capacity(columns);
            let mut values = cells.into_iter().zip(placed).peekable();
            for j in 0..columns {
                match values.next_if(|(_, at)| *at == j) {
                    Some((cell, _)) => full.push(cell),
                    None => {
                        let at = full
                            .last()
                            .map(|c| c.end)
                            .or_else(|| values.peek().map(|(c, _)| c.start))
                            .unwrap_or(0);
                        full.push(RawCell {
                            text: Cow::Borrowed(""),
                            start: at,
                            end: at,
                            edge: None,
                        });
                    }
                }
            }
            let aligned = full.iter().filter(|c| c.is_empty()).count();
            return Fit::Cells {
                cells: full,
                dropped: Vec::new(),
                padded: 0,
                aligned,
            };
        }
        return Fit::Ambiguous;
    }
    if cells.len() > columns {
        let surplus = cells.len() - columns;
        let dropped: Vec<RawCell> = match extra {
            ExtraCells::DropLeading => cells.drain(..surplus).collect(),
            ExtraCells::DropTrailing => cells.drain(columns..).collect(),
            ExtraCells::Refuse => return Fit::Ambiguous,
        };
        return Fit::Cells {
            cells,
            dropped,
            padded: 0,
            aligned: 0,
        };
    }
    let padded = columns - cells.len();
    let at = cells.last().map(|c| c.end).unwrap_or(0);
    for _ in 0..padded {
        cells.push(RawCell {
            text: Cow::Borrowed(""),
            start: at,
            end: at,
            edge: None,
        });
    }
    Fit::Cells {
        cells,
        dropped: Vec::new(),
        padded,
        aligned: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_width_counts_cjk_twice_and_dropped_chars_none() {
        use super::display_width;
        assert_eq!(display_width("规章 12"), 7);
        assert_eq!(display_width("规章\u{200B} 12"), 7);
    }

    fn texts<'r>(row: &'r [RawCell<'_>]) -> Vec<&'r str> {
        row.iter().map(|c| c.text.as_ref()).collect()
    }

    fn rows_of(text: &str) -> (Layout, Vec<LogicalRow<'_>>) {
        let (layout, physical) = physical_rows(text, 0, text.len());
        (layout, logical_rows(layout, physical))
    }

    #[test]
    fn pipe_rows_with_padding_and_markdown() {
        let (layout, rows) = rows_of("第二十条第（一）项 ||||\n规范性文件 | 4180 | 1932 |  |\n");
        assert_eq!(layout, Layout::Pipe);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows.get(1).map(|r| texts(&r.values)),
            Some(vec!["4180", "1932", ""])
        );
        let (_, rows) = rows_of("| a规章 | b |\n|---|---|\n| 规章 | 179 |\n");
        assert_eq!(rows.last().map(|r| texts(&r.values)), Some(vec!["179"]));
    }

    #[test]
    fn tab_cells_join_continuation_lines() {
        let text = "\t\n\t自\n然\n人\n\t总计\n\n\t规章\n\t0\n\t\n\t3\n";
        let (layout, rows) = rows_of(text);
        assert_eq!(layout, Layout::TabCell);
        assert_eq!(
            rows.first().map(|r| r.label_text()),
            Some("自然人总计".to_string())
        );
        assert_eq!(
            rows.get(1).map(|r| texts(&r.values)),
            Some(vec!["0", "", "3"])
        );
    }

    #[test]
    fn tsv_keeps_empty_cells_in_place() {
        let (layout, rows) = rows_of("规章\t1\t\t3\n规范性文件\t4\t5\t\n");
        assert_eq!(layout, Layout::Tsv);
        assert_eq!(
            rows.first().map(|r| texts(&r.values)),
            Some(vec!["1", "", "3"])
        );
        assert_eq!(
            rows.get(1).map(|r| texts(&r.values)),
            Some(vec!["4", "5", ""])
        );
    }

    #[test]
    fn words_split_rows_at_labels_and_join_wrapped_labels() {
        let text = "（二）部分公开（区分处理的，只计\n这一情形，不计其他情形）\n  353 6819 /\n  -3-\n规章 1 2";
        let (layout, rows) = rows_of(text);
        assert_eq!(layout, Layout::Words);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows.first().map(|r| texts(&r.values)),
            Some(vec!["353", "6819", "/"])
        );
    }

    #[test]
    fn glued_labels_and_numbers_are_split_in_words_layout() {
        assert_eq!(split_glued("规章2202"), (6, 10));
        assert_eq!(split_glued("4180规范性文件"), (4, 19));
        assert_eq!(split_glued("2020年"), (0, 0));
        assert_eq!(split_glued("5件"), (0, 0));
        assert_eq!(split_glued("1.属于国家秘密"), (0, 0));
        assert_eq!(split_glued("2202"), (0, 0));
        let (_, rows) = rows_of("规章2202  9326  1034\n规范性文件 1 2 3");
        assert_eq!(
            rows.first().map(|r| texts(&r.values)),
            Some(vec!["2202", "9326", "1034"])
        );
    }

    /// A line as `pdftotext -layout` prints it: the label padded to 40
    /// display columns (CJK two wide), values right-aligned in 8 columns.
    fn aligned_line(label: &str, values: &[&str]) -> String {
        let width = display_width(label);
        let mut line = format!("{label}{}", " ".repeat(40 - width));
        for v in values {
            line.push_str(&format!("{v:>8}"));
        }
        line.push('\n');
        line
    }

    #[test]
    fn space_aligned_rows_place_their_blanks_by_the_column_grid() {
        // Columns end at the same display columns on every line; row 二 has blanks.
        let text = [
            aligned_line(
                "一、本年新收政府信息公开申请数量",
                &["5201", "502", "366", "417", "8871", "151", "7514"],
            ),
            aligned_line(
                "二、上年结转政府信息公开申请数量",
                &["3549", "", "476", "", "3633", "175", "7833"],
            ),
            aligned_line(
                "（七）总计",
                &["9059", "3819", "5664", "3783", "3585", "7531", "4748"],
            ),
        ]
        .concat();
        let text = text.as_str();
        let (layout, physical) = physical_rows(text, 0, text.len());
        let rows = logical_rows(layout, physical);
        let grid = ColumnGrid::learn(&rows, 7);
        assert!(grid.is_some());
        let short = &rows[1];
        assert_eq!(short.values.len(), 5);
        match fit(
            &short.values,
            7,
            layout,
            ExtraCells::DropLeading,
            grid.as_ref(),
        ) {
            Fit::Cells { cells, aligned, .. } => {
                assert_eq!(
                    texts(&cells),
                    vec!["3549", "", "476", "", "3633", "175", "7833"]
                );
                assert_eq!(aligned, 2);
            }
            other => panic!("{other:?}"),
        }
        // Without agreeing complete rows there is no grid, and no guess.
        assert_eq!(ColumnGrid::learn(&rows[..1], 7), None);
        assert_eq!(
            fit(&short.values, 7, layout, ExtraCells::DropLeading, None),
            Fit::Ambiguous
        );
    }

    #[test]
    fn misaligned_values_stay_ambiguous() {
        let text = "甲行  1  2  3\n乙行  4  5  6\n丙行  7    9\n丁行 1 2\n";
        let (layout, physical) = physical_rows(text, 0, text.len());
        let rows = logical_rows(layout, physical);
        let grid = ColumnGrid::learn(&rows, 3).unwrap();
        match fit(
            &rows[2].values,
            3,
            layout,
            ExtraCells::DropLeading,
            Some(&grid),
        ) {
            Fit::Cells { cells, .. } => assert_eq!(texts(&cells), vec!["7", "", "9"]),
            other => panic!("{other:?}"),
        }
        // "1 2" ends between columns: not placed.
        assert_eq!(
            fit(
                &rows[3].values,
                3,
                layout,
                ExtraCells::DropLeading,
                Some(&grid)
            ),
            Fit::Ambiguous
        );
    }

    #[test]
    fn fitting_rules() {
        let cell = |t: &'static str| RawCell {
            text: t.into(),
            start: 0,
            end: t.len(),
            edge: None,
        };
        let eight: Vec<RawCell> = ["1", "2", "3", "4", "5", "6", "7", "8"]
            .iter()
            .map(|t| cell(t))
            .collect();
        match fit(&eight, 7, Layout::TabCell, ExtraCells::DropLeading, None) {
            Fit::Cells { cells, dropped, .. } => {
                assert_eq!(texts(&cells).first(), Some(&"2"));
                assert_eq!(texts(&dropped), vec!["1"]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            fit(&eight, 7, Layout::Words, ExtraCells::DropLeading, None),
            Fit::Ambiguous
        );
        assert_eq!(
            fit(&eight[..6], 7, Layout::Words, ExtraCells::DropLeading, None),
            Fit::Ambiguous
        );
        match fit(&eight[..6], 7, Layout::Tsv, ExtraCells::DropLeading, None) {
            Fit::Cells { padded, .. } => assert_eq!(padded, 1),
            other => panic!("{other:?}"),
        }
        let padded_row = vec![cell("400"), cell(""), cell("")];
        assert!(matches!(
            fit(&padded_row, 1, Layout::Pipe, ExtraCells::DropTrailing, None),
            Fit::Cells { padded: 0, .. }
        ));
    }
}
