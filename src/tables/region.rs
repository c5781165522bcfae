//! Where a section's table starts in the section body.

use crate::ast::SectionKind;

/// Where the table of a section starts in its body, if it has one.
pub(crate) fn table_start(
    text: &str,
    body_start: usize,
    body_end: usize,
    kind: SectionKind,
) -> Option<usize> {
    if !matches!(
        kind,
        SectionKind::ProactiveDisclosure
            | SectionKind::Requests
            | SectionKind::ReviewsAndLitigation
    ) {
        return None;
    }
    let body = text.get(body_start..body_end)?;
    let earliest = match kind {
        SectionKind::ProactiveDisclosure | SectionKind::Requests => {
            crate::structure::sections::table_markers(kind)
                .iter()
                .filter_map(|m| body.find(m))
                .min()
        }
        SectionKind::ReviewsAndLitigation => body.find("结果维持").map(|upheld| {
            let head = body.get(..upheld).unwrap_or("");
            // The 行政复议 caption just before the first 结果维持, if close.
            match head.rfind("行政复议") {
                Some(at) if upheld - at <= 200 => at,
                _ => upheld,
            }
        }),
        _ => None,
    };
    // Without a marker (header words broken by a PDF converter), the table
    // starts at the first line of the body that is not a sentence.
    let earliest = match earliest {
        Some(e) => e,
        None => {
            let mut offset = 0;
            let mut found = None;
            for line in body.split('\n') {
                let t = line.trim();
                if !t.is_empty() && !t.contains(['。', '；', ';']) {
                    found = Some(offset + (line.len() - line.trim_start().len()));
                    break;
                }
                offset += line.len() + 1;
            }
            found?
        }
    };
    let marker = body_start + earliest;
    let line_start = text
        .get(..marker)
        .and_then(|t| t.rfind('\n'))
        .map(|i| i + 1)
        .unwrap_or(0)
        .max(body_start);
    let prefix = text.get(line_start..marker).unwrap_or("");
    Some(match prefix.rfind(['。', ':', '：']) {
        Some(i) => {
            line_start
                + i
                + prefix
                    .get(i..)
                    .and_then(|p| p.chars().next())
                    .map(char::len_utf8)
                    .unwrap_or(1)
        }
        None => line_start,
    })
}
