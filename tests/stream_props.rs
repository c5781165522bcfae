//! Property: whatever a converter does to a table — blanks that vanish,
//! labels garbled by a PDF font, captions printed out of place, page numbers
//! and repeated headers between chunks, a report's own arithmetic error —
//! every number the parser prints for table 3 is the number the text holds
//! in that cell. It may abstain; it may not guess.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::needless_range_loop
)]

mod common;

use common::tables::{LABELS, consistent_table, key};
use gov_disclosure_report::parse_report;
use proptest::prelude::*;
use std::collections::BTreeMap;

const HEAD: &str = "某县水利局2020年政府信息公开工作年度报告\n一、总体情况\n依法公开。\n三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n法人或其他组织\n总计\n";
const TAIL: &str = "五、存在的主要问题及改进情况\n人员不足。\n六、其他需要报告的事项\n无。\n";

/// What a converter did to the stream.
#[derive(Debug, Clone)]
enum Damage {
    /// A cell was blank: its number left no trace (row, column).
    Vanish(usize, usize),
    /// A label lost a char (row, char index).
    Garble(usize, usize),
    /// A label was printed elsewhere (row, rows later).
    MoveLabel(usize, usize),
    /// A page break before item `8 × n`: the page's footer (a bare page
    /// number, or `- 3 -`), a form feed as `pdftotext` prints it, and the
    /// table's header words again.
    PageBreak(usize, bool),
    /// The report's own error: one cell off (row, column, by).
    Misprint(usize, usize, i64),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (0usize..23, 0usize..7).prop_map(|(r, c)| Damage::Vanish(r, c)),
        (0usize..23, 0usize..12).prop_map(|(r, i)| Damage::Garble(r, i)),
        (0usize..23, 1usize..4).prop_map(|(r, k)| Damage::MoveLabel(r, k)),
        (0usize..23, any::<bool>()).prop_map(|(r, bare)| Damage::PageBreak(r, bare)),
        (0usize..23, 0usize..6, 1i64..3).prop_map(|(r, c, by)| Damage::Misprint(r, c, by)),
    ]
}

/// One item of the stream: a label line or a number line.
#[derive(Debug, Clone)]
enum Item {
    Label(String),
    Number(i64),
    Line(String),
}

/// The labels as printed, with the chars a PDF font lost taken out.
fn garbled_labels(damages: &[Damage]) -> Vec<String> {
    let mut labels: Vec<String> = LABELS.iter().map(|l| l.to_string()).collect();
    for d in damages {
        if let Damage::Garble(r, i) = *d {
            let chars: Vec<char> = labels[r].chars().collect();
            if chars.len() > 4 {
                let i = 2 + i % (chars.len() - 3);
                labels[r] = chars
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != i)
                    .map(|(_, c)| *c)
                    .collect();
            }
        }
    }
    labels
}

/// The table as printed (with its misprints), and the text of the stream.
fn render(seed: u64, damages: &[Damage], interleaved: bool) -> (Vec<[i64; 7]>, String) {
    let mut table = consistent_table(seed);
    let labels = garbled_labels(damages);
    let mut vanished = [[false; 7]; 23];
    for d in damages {
        match *d {
            Damage::Vanish(r, c) => vanished[r][c] = true,
            Damage::Misprint(r, c, by) => table[r][c] += by,
            _ => {}
        }
    }
    let mut items: Vec<Item> = Vec::new();
    if interleaved {
        for r in 0..23 {
            items.push(Item::Label(labels[r].clone()));
            for c in 0..7 {
                if !vanished[r][c] {
                    items.push(Item::Number(table[r][c]));
                }
            }
        }
    } else {
        items.extend(labels.iter().map(|l| Item::Label(l.clone())));
        for r in 0..23 {
            for c in 0..7 {
                if !vanished[r][c] {
                    items.push(Item::Number(table[r][c]));
                }
            }
        }
    }
    for d in damages {
        match *d {
            Damage::MoveLabel(r, k) => {
                if let Some(at) = items
                    .iter()
                    .position(|i| matches!(i, Item::Label(l) if *l == labels[r]))
                {
                    let item = items.remove(at);
                    let to = (at + k * 8).min(items.len());
                    items.insert(to, item);
                }
            }
            Damage::PageBreak(r, bare) => {
                let at = (r * 8).min(items.len());
                let page = if bare {
                    "3".to_string()
                } else {
                    "- 3 -".to_string()
                };
                items.insert(at, Item::Line(page));
                items.insert(
                    at + 1,
                    Item::Line("\u{C}自然人\n法人或其他组织\n总计".to_string()),
                );
            }
            _ => {}
        }
    }
    let mut text = String::from(HEAD);
    for item in items {
        match item {
            Item::Label(l) | Item::Line(l) => text.push_str(&l),
            Item::Number(n) => text.push_str(&n.to_string()),
        }
        text.push('\n');
    }
    text.push_str(TAIL);
    (table, text)
}

/// The same table flattened onto one line without separators (`get_text()`).
fn flatten(table: &[[i64; 7]], damages: &[Damage]) -> String {
    let labels = garbled_labels(damages);
    let mut text = HEAD.replace('\n', "");
    for (label, row) in labels.iter().zip(table) {
        text.push_str(label);
        for n in row {
            text.push_str(&n.to_string());
        }
    }
    text.push_str(&TAIL.replace('\n', ""));
    text
}

/// Every table 3 fact printed equals the printed table's cell.
fn assert_never_wrong(text: &str, table: &[[i64; 7]], vanished: &[(usize, usize)]) {
    let report = parse_report(text);
    let got: BTreeMap<String, String> = report
        .facts()
        .map(|f| (f.key.to_string(), f.value_text()))
        .collect();
    for r in 0..23 {
        for c in 0..7 {
            if let Some(have) = got.get(&key(r, c)) {
                if vanished.contains(&(r, c)) {
                    assert!(
                        ["empty", "na", "text"].contains(&have.as_str()),
                        "{}: a vanished cell read as {have}",
                        key(r, c)
                    );
                } else {
                    assert_eq!(have, &table[r][c].to_string(), "{}", key(r, c));
                }
            }
        }
    }
}

fn vanished(damages: &[Damage]) -> Vec<(usize, usize)> {
    damages
        .iter()
        .filter_map(|d| match d {
            Damage::Vanish(r, c) => Some((*r, *c)),
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn reading_order_streams_are_never_read_wrong(
        seed in any::<u64>(),
        damages in proptest::collection::vec(damage(), 0..4),
        interleaved in any::<bool>(),
    ) {
        let (table, text) = render(seed, &damages, interleaved);
        assert_never_wrong(&text, &table, &vanished(&damages));
    }

    #[test]
    fn flattened_digit_runs_are_never_read_wrong(
        seed in any::<u64>(),
        damages in proptest::collection::vec(damage(), 0..3),
    ) {
        // Blank cells and moved labels do not apply to a flattened page; a
        // misprint and a garbled label do.
        let (table, _) = render(seed, &damages, true);
        let kept: Vec<Damage> = damages
            .into_iter()
            .filter(|d| matches!(d, Damage::Garble(..) | Damage::Misprint(..)))
            .collect();
        assert_never_wrong(&flatten(&table, &kept), &table, &[]);
    }
}
