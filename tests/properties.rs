//! Property tests: parsing never panics and keeps its span invariants on
//! arbitrary and mutated input; normalization is idempotent with a monotone
//! map; rendering the tables in any layout and parsing again gives the same
//! facts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use gov_disclosure_report::render::{Layout, render_report};
use gov_disclosure_report::unstable_internals::normalize;
use gov_disclosure_report::{FactKey, FactValue, MetaKey, Span, parse_report};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn corpus() -> Vec<String> {
    common::all_texts()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[derive(Debug, Clone)]
enum Mutation {
    SwapLines(usize, usize),
    JoinLine(usize),
    SplitAt(usize),
    TabsToSpaces(usize),
    SpacesToTab(usize),
    Insert(usize, String),
    SwapCells(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<usize>().prop_map(Mutation::JoinLine),
        any::<usize>().prop_map(Mutation::SplitAt),
        any::<usize>().prop_map(Mutation::TabsToSpaces),
        any::<usize>().prop_map(Mutation::SpacesToTab),
        (any::<usize>(), "[ \\t\\n|/0-9一三、（）]{0,6}").prop_map(|(a, s)| Mutation::Insert(a, s)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapCells(a, b)),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    let n = lines.len().max(1);
    match m {
        Mutation::SwapLines(a, b) => lines.swap(a % n, b % n),
        Mutation::JoinLine(a) if lines.len() > 1 => {
            let i = a % (lines.len() - 1);
            let next = lines.remove(i + 1);
            lines[i].push_str(&next);
        }
        Mutation::JoinLine(_) => {}
        Mutation::SplitAt(a) => {
            let at = boundary(text, *a % (text.len() + 1));
            return format!("{}\n{}", &text[..at], &text[at..]);
        }
        Mutation::TabsToSpaces(a) => lines[a % n] = lines[a % n].replace('\t', "    "),
        Mutation::SpacesToTab(a) => lines[a % n] = lines[a % n].replace("  ", "\t"),
        Mutation::Insert(a, s) => {
            let at = boundary(text, *a % (text.len() + 1));
            return format!("{}{}{}", &text[..at], s, &text[at..]);
        }
        Mutation::SwapCells(a, b) => {
            // Swap two tab- or space-separated cells of one line.
            let line = &lines[a % n];
            let mut cells: Vec<&str> = line.split(['\t', ' ']).collect();
            if cells.len() > 1 {
                let (i, j) = (a % cells.len(), b % cells.len());
                cells.swap(i, j);
                lines[a % n] = cells.join("\t");
            }
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_on_arbitrary_strings(text in "\\PC{0,600}") {
        let report = parse_report(&text);
        common::assert_span_invariants(&text, &report);
    }

    #[test]
    fn parse_never_panics_on_table_like_noise(text in "[一二三四五六、（）\\t |/\\n0-9总计新收结转规章第二十条项自然人行政复议结果维持]{0,400}") {
        let report = parse_report(&text);
        common::assert_span_invariants(&text, &report);
    }

    #[test]
    fn parse_survives_mutated_corpus_files(index in any::<usize>(), mutations in proptest::collection::vec(mutation(), 1..6)) {
        let texts = corpus();
        let mut text = texts[index % texts.len()].clone();
        for m in &mutations {
            text = apply(&text, m);
        }
        let report = parse_report(&text);
        common::assert_span_invariants(&text, &report);
    }

    #[test]
    fn normalization_is_idempotent_and_its_map_monotone(text in "\\PC{0,300}|[\\u{3000}\\u{FEFF}\\u{200B}\\r\\n（）：，１２３ａ<>&;a-z\\[\\]]{0,200}") {
        let n = normalize(&text);
        // Markup, entities and converter artefacts are conversions, not text.
        if !text.contains(['<', '&', '[']) {
            let again = normalize(n.text());
            prop_assert_eq!(again.text(), n.text());
        }
        let mut last = 0;
        for (i, c) in n.text().char_indices() {
            let span = n.to_original(Span::new(i, i + c.len_utf8()));
            prop_assert!(span.start >= last && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            last = span.start;
        }
    }
}

proptest! {
    #[test]
    fn map_cursor_agrees_with_the_map(
        text in "[\u{3000}\u{FEFF}\u{200B}\r\n（）：，１２３ａ<>&;a-z\\[\\] ]{0,120}",
        picks in proptest::collection::vec((0usize..400, 0usize..400), 0..40),
    ) {
        let n = normalize(&text);
        let len = n.text().len();
        let bounds: Vec<usize> = (0..=len).filter(|i| n.text().is_char_boundary(*i)).collect();
        let cursor = n.map().cursor();
        // Forward over every span of one char, then in arbitrary order.
        let forward = bounds.windows(2).map(|w| (w[0], w[1]));
        let arbitrary = picks.iter().map(|(a, b)| {
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            (a.min(b), a.max(b))
        });
        for (a, b) in forward.chain(arbitrary) {
            let span = Span::new(a, b);
            prop_assert_eq!(cursor.to_original(span), n.to_original(span));
        }
    }
}

/// Table facts and templates, with blank values unified (`empty`, `na`,
/// `text` → `blank`).
fn table_facts(text: &str) -> BTreeMap<String, String> {
    parse_report(text)
        .facts()
        .filter(|f| match f.key {
            FactKey::Meta(meta) => matches!(meta, MetaKey::T2Template | MetaKey::T3Template),
            _ => true,
        })
        .map(|f| {
            let v = match f.value {
                FactValue::Empty | FactValue::Placeholder | FactValue::Unreadable => {
                    "blank".to_string()
                }
                _ => f.value_text(),
            };
            (f.key.to_string(), v)
        })
        .collect()
}

#[test]
fn rendering_the_tables_in_any_layout_and_parsing_again_gives_the_same_facts() {
    for path in common::all_texts() {
        let text = std::fs::read_to_string(&path).unwrap();
        let report = parse_report(&text);
        let want = table_facts(&text);
        for layout in Layout::ALL {
            let rendered = render_report(&report, layout);
            let got = table_facts(&rendered);
            assert_eq!(got, want, "{} in {layout:?}:\n{rendered}", path.display());
        }
    }
}
