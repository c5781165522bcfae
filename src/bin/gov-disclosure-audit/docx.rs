//! Word (`.docx`) documents read from their own XML (`word/document.xml`):
//! body paragraphs become lines, and each table (`w:tbl`) is written row by
//! row in the tab-cell layout of a Word text export, which the parser reads
//! exactly: every cell (`w:tc`) on its own line starting with a tab (its
//! further paragraphs on the next lines, without a tab), a horizontally
//! merged cell (`w:gridSpan`) once, a vertically merged continuation
//! (`w:vMerge` without `restart`) as an empty cell, a blank line after each
//! row. Nothing is guessed from positions or widths.

use roxmltree::{Document, Node};
use std::io::Read;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// The largest `word/document.xml` read (usually well under 1 MB; a larger
/// one is cut here, which makes it ill-formed and refused).
const MAX_XML_BYTES: u64 = 64 << 20;

/// The text of a `.docx` file's bytes.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a readable .docx (zip) file: {e}"))?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| "a zip file without word/document.xml: not a Word document".to_string())?;
    let mut xml = String::new();
    entry
        .take(MAX_XML_BYTES)
        .read_to_string(&mut xml)
        .map_err(|e| format!("cannot read word/document.xml: {e}"))?;
    document_text(&xml)
}

/// The text of a `word/document.xml`.
pub fn document_text(xml: &str) -> Result<String, String> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = Document::parse_with_options(xml, options)
        .map_err(|e| format!("word/document.xml is not well-formed XML: {e}"))?;
    let mut out = String::new();
    if let Some(body) = doc.root_element().children().find(|n| is_w(*n, "body")) {
        blocks(body, &mut out);
    }
    Ok(out)
}

fn is_w(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// Elements whose content is not document text: deleted runs, field
/// instructions, properties, and the fallback copy of alternate content.
fn skipped(node: Node) -> bool {
    let name = node.tag_name();
    match name.namespace() {
        Some(W) => matches!(
            name.name(),
            "del"
                | "delText"
                | "instrText"
                | "delInstrText"
                | "pPr"
                | "rPr"
                | "tblPr"
                | "trPr"
                | "tcPr"
                | "sectPr"
                | "moveFrom"
        ),
        Some(MC) => name.name() == "Fallback",
        _ => false,
    }
}

/// Body-level content: paragraphs and tables, through any wrapper
/// (content controls, custom XML, inserted text).
fn blocks(parent: Node, out: &mut String) {
    for node in parent.children().filter(|n| n.is_element() && !skipped(*n)) {
        if is_w(node, "p") {
            let line = paragraph(node);
            out.push_str(line.trim_start_matches([' ', '\t', '\u{3000}']));
            out.push('\n');
        } else if is_w(node, "tbl") {
            table(node, out);
        } else {
            blocks(node, out);
        }
    }
}

/// The text of a paragraph: runs, tabs and breaks, through wrappers
/// (hyperlinks, smart tags, inserted runs); a line break becomes `\n`.
fn paragraph(p: Node) -> String {
    let mut out = String::new();
    runs(p, &mut out);
    out
}

fn runs(parent: Node, out: &mut String) {
    for node in parent.children().filter(|n| n.is_element() && !skipped(*n)) {
        if is_w(node, "t") {
            out.push_str(node.text().unwrap_or_default());
        } else if is_w(node, "tab") || is_w(node, "ptab") {
            out.push('\t');
        } else if is_w(node, "br") || is_w(node, "cr") {
            out.push('\n');
        } else if is_w(node, "noBreakHyphen") {
            out.push('-');
        } else if is_w(node, "sym") {
            // A symbol-font glyph: no reliable text.
        } else if is_w(node, "tbl") {
            // A table nested in a paragraph-level wrapper: its cell texts.
            let mut nested = String::new();
            table(node, &mut nested);
            out.push_str(nested.trim());
        } else {
            runs(node, out);
        }
    }
}

/// The rows of a table, through wrappers.
fn rows<'a>(parent: Node<'a, 'a>, out: &mut Vec<Node<'a, 'a>>) {
    for node in parent.children().filter(|n| n.is_element() && !skipped(*n)) {
        if is_w(node, "tr") {
            out.push(node);
        } else if !is_w(node, "tblGrid") {
            rows(node, out);
        }
    }
}

/// The cells of a row, through wrappers.
fn cells<'a>(parent: Node<'a, 'a>, out: &mut Vec<Node<'a, 'a>>) {
    for node in parent.children().filter(|n| n.is_element() && !skipped(*n)) {
        if is_w(node, "tc") {
            out.push(node);
        } else {
            cells(node, out);
        }
    }
}

/// Whether a cell continues a vertical merge from the row above.
fn continues_merge(tc: Node) -> bool {
    let Some(props) = tc.children().find(|n| is_w(*n, "tcPr")) else {
        return false;
    };
    props
        .children()
        .any(|n| is_w(n, "vMerge") && n.attribute((W, "val")).is_none_or(|v| v == "continue"))
}

/// The paragraphs of a cell, as lines without tabs or empty lines (either
/// would read as a cell or row boundary); a nested table gives its cells'
/// lines.
fn cell_lines(tc: Node, out: &mut Vec<String>) {
    for node in tc.children().filter(|n| n.is_element() && !skipped(*n)) {
        if is_w(node, "p") {
            for line in paragraph(node).split('\n') {
                let line = line.replace('\t', " ");
                let line = line.trim();
                if !line.is_empty() {
                    out.push(line.to_string());
                }
            }
        } else if is_w(node, "tbl") {
            let mut nested_rows = Vec::new();
            rows(node, &mut nested_rows);
            for tr in nested_rows {
                let mut nested_cells = Vec::new();
                cells(tr, &mut nested_cells);
                for cell in nested_cells {
                    cell_lines(cell, out);
                }
            }
        } else {
            cell_lines(node, out);
        }
    }
}

/// A table in the tab-cell layout.
fn table(tbl: Node, out: &mut String) {
    let mut table_rows = Vec::new();
    rows(tbl, &mut table_rows);
    for tr in table_rows {
        let mut row_cells = Vec::new();
        cells(tr, &mut row_cells);
        for tc in row_cells {
            out.push('\t');
            if !continues_merge(tc) {
                let mut lines = Vec::new();
                cell_lines(tc, &mut lines);
                out.push_str(&lines.join("\n"));
            }
            out.push('\n');
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(body: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn merged_cells_follow_the_word_export() {
        let xml = wrap(
            r#"<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl>
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>ignored</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t><w:tab/><w:t>2</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl><w:p><w:r><w:delText>gone</w:delText><w:t>后</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            document_text(&xml).as_deref(),
            Ok("标题\n\t甲\n\t乙\n丙\n\n\t\n\t1 2\n\n后\n")
        );
    }
}
