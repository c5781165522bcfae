//! Normalized text → lines with their offsets. Never fails.

/// One line of the normalized text (without its `\n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// Byte offset of the line start in the normalized text.
    pub start: usize,
    /// The line's text.
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// Whether the line holds only white space.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The line without leading and trailing white space, with its start offset.
    pub fn trimmed(&self) -> (usize, &'a str) {
        let lead = self.text.len() - self.text.trim_start().len();
        (self.start + lead, self.text.trim())
    }
}

/// Splits `text` into lines, keeping offsets. Linear.
#[cfg(test)]
fn lines(text: &str) -> Vec<Line<'_>> {
    lines_in(text, 0, text.len())
}

/// The lines of `text` that overlap `start..end`, clipped to that range.
pub fn lines_in(text: &str, start: usize, end: usize) -> Vec<Line<'_>> {
    let Some(region) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = start;
    for piece in region.split('\n') {
        out.push(Line {
            start: at,
            text: piece,
        });
        at += piece.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_kept() {
        let text = "一\n\n 二 ";
        let ls = lines(text);
        assert_eq!(ls.len(), 3);
        assert_eq!(ls.get(2).map(|l| l.trimmed()), Some((6, "二")));
        assert!(ls.get(1).is_some_and(|l| l.is_blank()));
        let clipped = lines_in(text, 4, 9);
        assert_eq!(clipped.first().map(|l| (l.start, l.text)), Some((4, "")));
    }
}
