//! Inputs that once broke an invariant, kept as named tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use gov_disclosure_report::parse_report;
use gov_disclosure_report::validate::validate;

/// Found by `validate_never_panics_on_mutated_reports`: a full-width `（`
/// inserted before a number made the cell's raw text the folded `(5521`
/// while its span covered `（5521`. Raw text is now the original bytes.
#[test]
fn full_width_char_glued_to_a_cell_keeps_raw_text_equal_to_its_span() {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/corpus/dev/text/r1021-tsv.txt"
    ))
    .unwrap();
    let at = base.find("6755").unwrap();
    let input = format!("{}（{}", &base[..at], &base[at..]);
    let report = parse_report(&input);
    common::assert_span_invariants(&input, &report);
    for f in validate(&report) {
        for c in &f.cells {
            assert_eq!(c.span.slice(&input), Some(c.raw.as_str()));
        }
    }
}

/// Found while reviewing seed 004: sections without a table lost every line
/// after their first short line (the table-start fallback ran for them).
#[test]
fn narrative_sections_are_not_cut_at_a_short_line() {
    let input = "某局2020年政府信息公开工作年度报告\n一、总体情况\n正文第一段。\n（一）主动公开情况\n正文第二段。\n五、存在的主要问题及改进情况\n（一）存在问题\n问题甲。\n";
    let report = parse_report(input);
    assert_eq!(report.sections[0].paragraphs.len(), 3);
    assert_eq!(report.sections[1].paragraphs.len(), 2);
}

/// Found by the `normalize` fuzz target: a line of pipes holding a char that
/// normalization drops survived the first pass and was removed by the second.
#[test]
fn normalizing_a_pipe_line_with_dropped_chars_twice_changes_nothing() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/regressions/normalize-pipe-line.bin"
    ))
    .unwrap();
    let input = String::from_utf8_lossy(&bytes);
    let once = gov_disclosure_report::unstable_internals::normalize(&input);
    assert_eq!(
        gov_disclosure_report::unstable_internals::normalize(once.text()).text(),
        once.text()
    );
}

/// Found by the `normalize` fuzz target: an HTML page. Normalizing markup is
/// a conversion to text, so idempotence is not asked of it; its offset map
/// must still be monotone and on char boundaries, and parsing must hold.
#[test]
fn an_html_page_found_by_the_fuzzer_keeps_its_map_and_invariants() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/regressions/normalize-html-page.bin"
    ))
    .unwrap();
    let input = String::from_utf8_lossy(&bytes);
    let n = gov_disclosure_report::unstable_internals::normalize(&input);
    let mut last = 0;
    for (i, c) in n.text().char_indices() {
        let span = n.to_original(gov_disclosure_report::Span::new(i, i + c.len_utf8()));
        assert!(
            span.start >= last
                && input.is_char_boundary(span.start)
                && input.is_char_boundary(span.end)
        );
        last = span.start;
    }
    common::assert_span_invariants(&input, &parse_report(&input));
}

/// Found by `parse_survives_mutated_corpus_files` (a `|⇥` inserted after a
/// heading): the rest of the heading line, a lone `|`, became a paragraph,
/// although a line of pipes is separator debris (normalization drops one
/// standing alone). Such remnants are no longer paragraphs.
#[test]
fn a_pipe_left_after_a_heading_is_not_a_paragraph() {
    let input = "某局2021年政府信息公开工作年度报告\n一、总体情况|\t\n正文一。\n五、存在的主要问题及改进情况 | \n问题甲。\n";
    let report = parse_report(input);
    common::assert_span_invariants(input, &report);
    let texts: Vec<&str> = report
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    assert!(
        texts.contains(&"正文一。") && texts.contains(&"问题甲。"),
        "{texts:?}"
    );
    assert!(
        texts.iter().all(|t| t.chars().any(|c| c != '|')),
        "{texts:?}"
    );
}

/// Found by review: in a table aligned with spaces, column widths were
/// summed word by word and missed a zero-width char right after a word,
/// while a zero-width char counted as two columns elsewhere, so the same
/// table read as aligned or ambiguous depending on where an invisible char
/// sat. Invisible chars now take no column, wherever they are.
#[test]
fn an_invisible_char_in_an_aligned_table_changes_nothing() {
    let plain = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/regressions/aligned-table3-with-a-blank.txt"
    ))
    .unwrap();
    let label = "8.属于行政查询事项";
    assert!(plain.contains(label));
    let codes = |text: &str| -> Vec<String> {
        let report = parse_report(text);
        common::assert_span_invariants(text, &report);
        report
            .diagnostics
            .iter()
            .map(|d| format!("{:?}", d.code))
            .collect()
    };
    let expected_facts = common::fact_pairs(&parse_report(&plain));
    let expected_codes = codes(&plain);
    // The blank cell is placed by the column grid, not guessed.
    assert!(expected_codes.contains(&"RowAligned".to_string()));
    for (at, invisible) in [("", "\u{200B}"), (" ", "\u{200B}"), ("", "\u{FEFF}")] {
        let text = plain.replacen(
            &format!("{label}{at}"),
            &format!("{label}{at}{invisible}"),
            1,
        );
        assert_eq!(
            common::fact_pairs(&parse_report(&text)),
            expected_facts,
            "{at:?}{invisible:?}"
        );
        assert_eq!(codes(&text), expected_codes, "{at:?}{invisible:?}");
    }
}

/// Found by the `parse_report` fuzz target: an HTML page whose heading 二 was
/// mangled (`二第二十条、主动公开…`), so table 2 was found by its content in a
/// section whose heading is absent. The absent heading's empty span sat at
/// the end of the markup before the table, outside its section; it is now
/// at the section's start.
#[test]
fn an_absent_heading_lies_inside_its_section() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/regressions/heading-outside-section.bin"
    ))
    .unwrap();
    let input = String::from_utf8_lossy(&bytes).to_string();
    let report = parse_report(&input);
    let absent: Vec<_> = report
        .sections
        .iter()
        .filter(|s| s.heading.matched == gov_disclosure_report::HeadingMatch::Absent)
        .collect();
    assert!(!absent.is_empty());
    for s in absent {
        assert!(s.span.contains(s.heading.span));
    }
    common::assert_span_invariants(&input, &report);
}
