//! HTML markup in report text: pages saved or scraped without converting
//! them to text. Used by [`crate::normalize()`], which turns table markup into
//! pipe rows (`<tr>` → line, `<td>` → `|`) and block tags into line breaks,
//! so the table readers see a grid in which empty cells keep their place.

/// Whether `input` reads as HTML markup rather than text: it holds table or
/// paragraph tags.
pub fn looks_like_html(input: &str) -> bool {
    const TAGS: [&str; 7] = ["<td", "<tr", "<p>", "<p ", "<br", "<div", "<table"];
    let bytes = input.as_bytes();
    // `<` is found with `memchr`; tags are compared only there.
    input.match_indices('<').any(|(i, _)| {
        TAGS.iter().any(|t| {
            bytes
                .get(i..i + t.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(t.as_bytes()))
        })
    })
}

/// What a tag stands for in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagText {
    /// A new table row: a line break.
    Row,
    /// A new table cell: a `|` separator.
    Cell,
    /// A block boundary: a line break outside tables, a space inside.
    Block,
    /// A table start or end: a line break.
    Table(bool),
    /// `<script>` or `<style>`: skip until its closing tag.
    Skip(&'static str),
    /// Inline markup (`<span>`, `</td>`, …): nothing.
    Nothing,
}

/// Classifies a tag from the text between `<` and `>`.
pub fn classify_tag(inner: &str) -> TagText {
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match (name.as_str(), closing) {
        ("tr", false) => TagText::Row,
        ("td" | "th", false) => TagText::Cell,
        ("table", open_or_close) => TagText::Table(!open_or_close),
        ("script", false) => TagText::Skip("</script"),
        ("style", false) => TagText::Skip("</style"),
        (
            "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "section"
            | "article",
            _,
        ) => TagText::Block,
        _ => TagText::Nothing,
    }
}

/// Decodes a character entity at the start of `s` (`&amp;`, `&#12288;`,
/// `&#x3000;`); returns the char and the entity's byte length.
pub fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = s.get(1..end)?;
    let c = match body {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "mdash" => '—',
        _ => {
            let number = body.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_markup() {
        assert!(looks_like_html("<p>一、总体情况</p>"));
        assert!(looks_like_html("x<TD>1</TD>"));
        assert!(!looks_like_html("a < b 《条例》"));
    }

    #[test]
    fn tags_and_entities() {
        assert_eq!(classify_tag("td colspan=\"3\""), TagText::Cell);
        assert_eq!(classify_tag("/td"), TagText::Nothing);
        assert_eq!(classify_tag("TR"), TagText::Row);
        assert_eq!(classify_tag("/p"), TagText::Block);
        assert_eq!(classify_tag("table border=1"), TagText::Table(true));
        assert_eq!(classify_tag("/table"), TagText::Table(false));
        assert_eq!(entity("&nbsp;x"), Some((' ', 6)));
        assert_eq!(entity("&#12288;"), Some(('\u{3000}', 8)));
        assert_eq!(entity("&#x4e00;"), Some(('一', 8)));
        assert_eq!(entity("&bogus;"), None);
        assert_eq!(entity("& no"), None);
        assert_eq!(entity("&ldquo;要求"), Some(('“', 7)));
    }
}
