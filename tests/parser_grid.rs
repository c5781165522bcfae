//! Tables drawn as grids: box-drawing (`w3m -dump`, at full width and with
//! labels wrapped in narrow boxes), pandoc's ASCII grid tables and psql
//! output. The box and pandoc grids are drawn here from HTML-like cell
//! specs (text, rowspan, colspan) by a small renderer of this file, so every
//! fact read back can be checked against the numbers that were drawn.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::needless_range_loop
)]

use gov_disclosure_report::{ApplicantColumn, CellValue, DiagnosticCode, Table, parse_report};
use std::collections::BTreeMap;

/// One cell of a drawn table: text, rowspan, colspan.
type Spec = (String, usize, usize);

fn cell(text: &str) -> Spec {
    (text.to_string(), 1, 1)
}

fn span(text: &str, rows: usize, columns: usize) -> Spec {
    (text.to_string(), rows, columns)
}

/// How the renderer draws.
#[derive(Clone, Copy)]
struct Pen {
    /// ASCII (`+ - = |`) instead of box-drawing chars.
    ascii: bool,
    /// Print `“ ”` two columns wide (a CJK terminal) instead of one (w3m).
    ambiguous_wide: bool,
    /// Draw the rule under this many rows with `=` (pandoc's header rule).
    header_rows: Option<usize>,
}

const W3M: Pen = Pen {
    ascii: false,
    ambiguous_wide: false,
    header_rows: None,
};

fn char_width(c: char, pen: Pen) -> usize {
    match c {
        '“' | '”' if pen.ambiguous_wide => 2,
        '“' | '”' => 1,
        c if c.is_ascii() => 1,
        _ => 2,
    }
}

/// Wraps `text` into lines of at most `width` columns.
fn wrap(text: &str, width: usize, pen: Pen) -> Vec<Vec<char>> {
    let mut lines: Vec<Vec<char>> = vec![Vec::new()];
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c, pen);
        if used + w > width {
            lines.push(Vec::new());
            used = 0;
        }
        lines.last_mut().unwrap().push(c);
        used += w;
    }
    lines
}

fn junction(up: bool, down: bool, left: bool, right: bool, pen: Pen) -> char {
    if pen.ascii {
        return if left || right { '+' } else { '|' };
    }
    match (up, down, left, right) {
        (true, true, true, true) => '┼',
        (true, true, false, true) => '├',
        (true, true, true, false) => '┤',
        (false, true, true, true) => '┬',
        (true, false, true, true) => '┴',
        (false, true, false, true) => '┌',
        (false, true, true, false) => '┐',
        (true, false, false, true) => '└',
        (true, false, true, false) => '┘',
        (_, _, false, false) => '│',
        _ => '─',
    }
}

/// Draws a table laid out like HTML (`rows` of cells with spans) with the
/// given column widths: rules where neighbouring cells differ, a
/// spanning cell's text running over the rules it spans, as w3m prints.
fn draw(rows: &[Vec<Spec>], widths: &[usize], pen: Pen) -> String {
    const NONE: usize = usize::MAX;
    let columns = widths.len();
    let bands = rows.len();
    // Which cell covers each slot, as an HTML table is laid out.
    let mut ids = vec![vec![NONE; columns]; bands];
    let mut placed: Vec<(String, usize, usize, usize, usize)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for (text, rowspan, colspan) in row {
            while c < columns && ids[r][c] != NONE {
                c += 1;
            }
            for rr in r..r + rowspan {
                for cc in c..c + colspan {
                    ids[rr][cc] = placed.len();
                }
            }
            placed.push((text.clone(), r, c, *rowspan, *colspan));
            c += colspan;
        }
    }
    let mut x = vec![0usize];
    for w in widths {
        x.push(x.last().unwrap() + w + 1);
    }
    let inner = |c0: usize, span: usize| x[c0 + span] - x[c0] - 1;
    let wrapped: Vec<Vec<Vec<char>>> = placed
        .iter()
        .map(|(text, _, c0, _, colspan)| wrap(text, inner(*c0, *colspan), pen))
        .collect();
    // Band heights: single-row cells first, then rowspans stretch the last band.
    let mut heights = vec![1usize; bands];
    for (k, (_, r0, _, rowspan, _)) in placed.iter().enumerate() {
        if *rowspan == 1 {
            heights[*r0] = heights[*r0].max(wrapped[k].len());
        }
    }
    for (k, (_, r0, _, rowspan, _)) in placed.iter().enumerate() {
        let room: usize = heights[*r0..r0 + rowspan].iter().sum::<usize>() + rowspan - 1;
        if wrapped[k].len() > room {
            heights[r0 + rowspan - 1] += wrapped[k].len() - room;
        }
    }
    let mut y = vec![1usize];
    for h in &heights {
        y.push(y.last().unwrap() + h + 1);
    }
    let height = *y.last().unwrap();
    let width = *x.last().unwrap() + 1;
    // Each slot holds a char, or `None` behind a wide char.
    let mut canvas: Vec<Vec<Option<char>>> = vec![vec![Some(' '); width]; height];
    for (k, (_, r0, c0, _, _)) in placed.iter().enumerate() {
        for (i, line) in wrapped[k].iter().enumerate() {
            let mut at = x[*c0] + 1;
            for &c in line {
                canvas[y[*r0] + i][at] = Some(c);
                if char_width(c, pen) == 2 {
                    canvas[y[*r0] + i][at + 1] = None;
                }
                at += char_width(c, pen);
            }
        }
    }
    let id = |r: Option<usize>, c: Option<usize>| match (r, c) {
        (Some(r), Some(c)) if r < bands && c < columns => ids[r][c],
        _ => NONE,
    };
    let horizontal = |b: usize, c: usize| id(b.checked_sub(1), Some(c)) != id(Some(b), Some(c));
    let vertical = |r: usize, s: usize| id(Some(r), s.checked_sub(1)) != id(Some(r), Some(s));
    for b in 0..=bands {
        let line = y[b] - 1;
        let header = pen.header_rows == Some(b);
        let rule = if pen.ascii {
            if header { '=' } else { '-' }
        } else {
            '─'
        };
        for c in 0..columns {
            if horizontal(b, c) {
                for slot in &mut canvas[line][x[c] + 1..x[c + 1]] {
                    *slot = Some(rule);
                }
            }
        }
        for (s, &at) in x.iter().enumerate() {
            let up = b > 0 && vertical(b - 1, s);
            let down = b < bands && vertical(b, s);
            let left = s > 0 && horizontal(b, s - 1);
            let right = s < columns && horizontal(b, s);
            if up || down || left || right {
                canvas[line][at] = Some(junction(up, down, left, right, pen));
            }
        }
    }
    for r in 0..bands {
        for (s, &at) in x.iter().enumerate() {
            if vertical(r, s) {
                for line in y[r]..y[r] + heights[r] {
                    canvas[line][at] = Some(if pen.ascii { '|' } else { '│' });
                }
            }
        }
    }
    let mut out = String::new();
    for line in canvas {
        out.extend(line.into_iter().flatten());
        out.push('\n');
    }
    out
}

const T2_KEYS: [(&str, &str); 10] = [
    ("t2.regulations.issued", "5"),
    ("t2.regulations.repealed", "0"),
    ("t2.regulations.in_force", "31"),
    ("t2.normative_documents.issued", "12"),
    ("t2.normative_documents.repealed", "3"),
    ("t2.normative_documents.in_force", "87"),
    ("t2.licensing.decisions", "406"),
    ("t2.penalty.decisions", "1290"),
    ("t2.coercion.decisions", "8"),
    ("t2.admin_fees.amount", "3.75"),
];

/// Table 2 (2021 template): the section captions and value cells span columns.
fn table2() -> Vec<Vec<Spec>> {
    let v = |k: usize| T2_KEYS[k].1;
    let caption = |t: &str| vec![span(t, 1, 4)];
    let single = |label: &str, value: &str| vec![cell(label), span(value, 1, 3)];
    vec![
        caption("第二十条第（一）项"),
        vec![
            cell("信息内容"),
            cell("本年制发件数"),
            cell("本年废止件数"),
            cell("现行有效件数"),
        ],
        vec![cell("规章"), cell(v(0)), cell(v(1)), cell(v(2))],
        vec![cell("行政规范性文件"), cell(v(3)), cell(v(4)), cell(v(5))],
        caption("第二十条第（五）项"),
        single("信息内容", "本年处理决定数量"),
        single("行政许可", v(6)),
        caption("第二十条第（六）项"),
        single("信息内容", "本年处理决定数量"),
        single("行政处罚", v(7)),
        single("行政强制", v(8)),
        caption("第二十条第（八）项"),
        single("信息内容", "本年收费金额（单位：万元）"),
        single("行政事业性收费", v(9)),
    ]
}

/// Table 3 rows of the 2021 template: key, the label cells that start the
/// row (text, rowspan, colspan), and seven numbers that add up.
fn t3_rows() -> Vec<(&'static str, Vec<Spec>, [u32; 7])> {
    let row =
        |a: u32, b: u32, c: u32, d: u32, e: u32, f: u32| [a, b, c, d, e, f, a + b + c + d + e + f];
    vec![
        (
            "new_received",
            vec![span("一、本年新收政府信息公开申请数量", 1, 3)],
            row(14, 2, 0, 1, 0, 3),
        ),
        (
            "carried_over",
            vec![span("二、上年结转政府信息公开申请数量", 1, 3)],
            row(1, 0, 0, 0, 0, 0),
        ),
        (
            "granted",
            vec![
                span("三、本年度办理结果", 22, 1),
                span("（一）予以公开", 1, 2),
            ],
            row(6, 1, 0, 0, 0, 1),
        ),
        (
            "partial",
            vec![span(
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                1,
                2,
            )],
            row(2, 0, 0, 1, 0, 0),
        ),
        (
            "denied.state_secret",
            vec![span("（三）不予公开", 8, 1), cell("1.属于国家秘密")],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "denied.law_prohibited",
            vec![cell("2.其他法律行政法规禁止公开")],
            row(1, 0, 0, 0, 0, 0),
        ),
        (
            "denied.three_security_one_stability",
            vec![cell("3.危及“三安全一稳定”")],
            row(0, 1, 0, 0, 0, 0),
        ),
        (
            "denied.third_party",
            vec![cell("4.保护第三方合法权益")],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "denied.internal_affairs",
            vec![cell("5.属于三类内部事务信息")],
            row(1, 0, 0, 0, 0, 0),
        ),
        (
            "denied.process_info",
            vec![cell("6.属于四类过程性信息")],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "denied.enforcement_file",
            vec![cell("7.属于行政执法案卷")],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "denied.admin_query",
            vec![cell("8.属于行政查询事项")],
            row(0, 0, 0, 0, 0, 1),
        ),
        (
            "unable.not_held",
            vec![
                span("（四）无法提供", 3, 1),
                cell("1.本机关不掌握相关政府信息"),
            ],
            row(2, 0, 0, 0, 0, 0),
        ),
        (
            "unable.needs_creation",
            vec![cell("2.没有现成信息需要另行制作")],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "unable.unclear_after_correction",
            vec![cell("3.补正后申请内容仍不明确")],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "not_processed.petition_complaint",
            vec![span("（五）不予处理", 5, 1), cell("1.信访举报投诉类申请")],
            row(1, 0, 0, 0, 0, 0),
        ),
        (
            "not_processed.duplicate",
            vec![cell("2.重复申请")],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "not_processed.publication",
            vec![cell("3.要求提供公开出版物")],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "not_processed.massive_repeated",
            vec![cell("4.无正当理由大量反复申请")],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "not_processed.confirm_or_reissue",
            vec![cell("5.要求行政机关确认或重新出具已获取信息")],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "other.no_correction",
            vec![
                span("（六）其他处理", 3, 1),
                cell("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            ],
            row(0, 0, 0, 0, 0, 0),
        ),
        (
            "other.fee_unpaid",
            vec![cell(
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            )],
            row(0, 0, 0, 0, 0, 0),
        ),
        ("other.other", vec![cell("3.其他")], row(1, 0, 0, 0, 0, 0)),
        (
            "total_processed",
            vec![span("（七）总计", 1, 2)],
            row(14, 2, 0, 1, 0, 2),
        ),
        (
            "carried_forward",
            vec![span("四、结转下年度继续办理", 1, 3)],
            row(1, 0, 0, 0, 0, 1),
        ),
    ]
}

/// Table 3 with its three header rows; `blank` leaves one cell empty.
fn table3(blank: Option<(&str, usize)>) -> Vec<Vec<Spec>> {
    let mut rows = vec![
        vec![
            span(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                3,
                3,
            ),
            span("申请人情况", 1, 7),
        ],
        vec![
            span("自然人", 2, 1),
            span("法人或其他组织", 1, 5),
            span("总计", 2, 1),
        ],
        [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]
        .iter()
        .map(|t| cell(t))
        .collect(),
    ];
    for (key, labels, numbers) in t3_rows() {
        let mut row = labels;
        for (j, n) in numbers.iter().enumerate() {
            let text = if blank == Some((key, j)) {
                String::new()
            } else {
                n.to_string()
            };
            row.push(cell(&text));
        }
        rows.push(row);
    }
    rows
}

const T4_NUMBERS: [u32; 15] = [2, 1, 0, 1, 4, 0, 0, 1, 0, 1, 3, 0, 0, 0, 3];
const T4_GROUPS: [&str; 3] = ["review", "lit_direct", "lit_after_review"];
const T4_OUTCOMES: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

fn table4() -> Vec<Vec<Spec>> {
    let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut second: Vec<Spec> = outcomes.iter().map(|t| span(t, 2, 1)).collect();
    second.push(span("未经复议直接起诉", 1, 5));
    second.push(span("复议后起诉", 1, 5));
    let third: Vec<Spec> = outcomes.iter().chain(&outcomes).map(|t| cell(t)).collect();
    vec![
        vec![span("行政复议", 1, 5), span("行政诉讼", 1, 10)],
        second,
        third,
        T4_NUMBERS.iter().map(|n| cell(&n.to_string())).collect(),
    ]
}

/// Every fact the three tables hold (`empty` for the blank cell).
fn expected(blank: Option<(&str, usize)>) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = T2_KEYS
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for (key, _, numbers) in t3_rows() {
        for (j, n) in numbers.iter().enumerate() {
            let value = if blank == Some((key, j)) {
                "empty".to_string()
            } else {
                n.to_string()
            };
            out.insert(format!("t3.{key}.{}", ApplicantColumn::ALL[j].key()), value);
        }
    }
    for (g, group) in T4_GROUPS.iter().enumerate() {
        for (o, outcome) in T4_OUTCOMES.iter().enumerate() {
            out.insert(
                format!("t4.{group}.{outcome}"),
                T4_NUMBERS[g * 5 + o].to_string(),
            );
        }
    }
    out
}

/// A report around three drawn tables.
fn report(t2: &str, t3: &str, t4: &str) -> String {
    format!(
        "某县文化和旅游局2022年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度我局依法公开政府信息。\n\n\
         二、主动公开政府信息情况\n\n{t2}\n三、收到和处理政府信息公开申请情况\n\n{t3}\n\
         四、政府信息公开行政复议、行政诉讼情况\n\n{t4}\n五、存在的主要问题及改进情况\n\n公开内容还不够全面。\n\n\
         六、其他需要报告的事项\n\n无。\n"
    )
}

fn table_facts(text: &str) -> BTreeMap<String, String> {
    parse_report(text)
        .facts()
        .map(|f| (f.key.to_string(), f.value_text()))
        .filter(|(k, _)| k.starts_with('t'))
        .collect()
}

/// Facts that differ from `want`: (key, want, got).
fn differences(
    got: &BTreeMap<String, String>,
    want: &BTreeMap<String, String>,
) -> Vec<(String, Option<String>, Option<String>)> {
    let keys: std::collections::BTreeSet<&String> = got.keys().chain(want.keys()).collect();
    keys.into_iter()
        .filter(|k| got.get(*k) != want.get(*k))
        .map(|k| (k.clone(), want.get(k).cloned(), got.get(k).cloned()))
        .collect()
}

const T2_WIDE: [usize; 4] = [28, 14, 14, 14];
const T3_WIDE: [usize; 10] = [20, 16, 80, 6, 8, 8, 12, 12, 4, 4];
const T4_WIDE: [usize; 15] = [8; 15];

#[test]
fn box_grids_with_rowspans_and_colspans_read_every_cell_of_tables_2_3_and_4() {
    let text = report(
        &draw(&table2(), &T2_WIDE, W3M),
        &draw(&table3(None), &T3_WIDE, W3M),
        &draw(&table4(), &T4_WIDE, W3M),
    );
    assert_eq!(differences(&table_facts(&text), &expected(None)), vec![]);
}

#[test]
fn narrow_boxes_wrapping_labels_over_several_lines_read_every_cell() {
    let narrow = Pen {
        ambiguous_wide: false,
        ..W3M
    };
    let text = report(
        &draw(&table2(), &[8, 6, 6, 6], narrow),
        &draw(&table3(None), &[6, 8, 14, 4, 4, 4, 4, 4, 4, 4], narrow),
        &draw(&table4(), &[4; 15], narrow),
    );
    // The labels do wrap, over two or three lines.
    assert!(text.contains("│（三）不│"));
    assert!(text.contains("│予公开  "));
    assert!(text.contains("│行政规范│"));
    assert_eq!(differences(&table_facts(&text), &expected(None)), vec![]);
}

#[test]
fn box_grids_printed_with_wide_ambiguous_chars_are_calibrated() {
    let wide = Pen {
        ambiguous_wide: true,
        ..W3M
    };
    let text = report(
        &draw(&table2(), &T2_WIDE, wide),
        &draw(&table3(None), &T3_WIDE, wide),
        &draw(&table4(), &T4_WIDE, wide),
    );
    assert_eq!(differences(&table_facts(&text), &expected(None)), vec![]);
}

#[test]
fn pandoc_ascii_grid_tables_with_header_rules_read_every_cell() {
    let pandoc = |header_rows| Pen {
        ascii: true,
        ambiguous_wide: false,
        header_rows: Some(header_rows),
    };
    let text = report(
        &draw(&table2(), &T2_WIDE, pandoc(2)),
        &draw(&table3(None), &T3_WIDE, pandoc(3)),
        &draw(&table4(), &T4_WIDE, pandoc(3)),
    );
    assert!(text.contains("+===="));
    assert_eq!(differences(&table_facts(&text), &expected(None)), vec![]);
}

#[test]
fn psql_tables_give_one_row_a_line() {
    let t2 = "\
        项目        | 本年制发件数 | 本年废止件数 | 现行有效件数
--------------------+--------------+--------------+--------------
 第二十条第（一）项 |              |              |
 规章               | 5            | 0            | 31
 行政规范性文件     | 12           | 3            | 87
 第二十条第（五）项 |              |              |
 行政许可           | 406          |              |
 第二十条第（六）项 |              |              |
 行政处罚           | 1290         |              |
 行政强制           | 8            |              |
 第二十条第（八）项 |              |              |
 行政事业性收费     | 3.75         |              |
(12 rows)
";
    let text = report(t2, "", "");
    let want: BTreeMap<String, String> = T2_KEYS
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(differences(&table_facts(&text), &want), vec![]);
}

#[test]
fn a_blank_value_cell_is_read_as_empty_never_as_zero() {
    let blank = Some(("denied.third_party", 1));
    let text = report(
        &draw(&table2(), &T2_WIDE, W3M),
        &draw(&table3(blank), &T3_WIDE, W3M),
        &draw(&table4(), &T4_WIDE, W3M),
    );
    let report = parse_report(&text);
    let t3 = report
        .sections
        .iter()
        .find_map(|s| match &s.table {
            Some(Table::Requests(t3)) => Some(t3),
            _ => None,
        })
        .expect("table 3 is read");
    let row = t3
        .rows
        .iter()
        .find(|r| r.key.key() == "denied.third_party")
        .expect("the row is read");
    assert_eq!(row.cells[1].value, CellValue::Empty);
    assert_eq!(differences(&table_facts(&text), &expected(blank)), vec![]);
}

/// Table 3 drawn by w3m, with one line edited by `edit`.
fn table3_with_line(edit: impl Fn(&str) -> Option<String>) -> String {
    let drawn = draw(&table3(None), &T3_WIDE, W3M);
    let mut edited = 0;
    let lines: Vec<String> = drawn
        .lines()
        .map(|l| match edit(l) {
            Some(new) => {
                edited += 1;
                new
            }
            None => l.to_string(),
        })
        .collect();
    assert_eq!(edited, 1, "the edit must change one line");
    lines.join("\n") + "\n"
}

/// The facts of one table 3 row.
fn row_facts<'a>(facts: &'a BTreeMap<String, String>, row: &str) -> Vec<(&'a String, &'a String)> {
    let prefix = format!("t3.{row}.");
    facts
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .collect()
}

#[test]
fn a_line_off_by_an_ambiguous_char_is_read_in_place_or_not_at_all() {
    // The tool that printed this line took one of `“ ”` two columns wide
    // and trimmed a space of padding to keep its width: every stroke after
    // the label stands a column off under either width.
    let t3 = table3_with_line(|l| l.contains("三安全一稳定").then(|| l.replacen("” ", "”", 1)));
    let text = report(
        &draw(&table2(), &T2_WIDE, W3M),
        &t3,
        &draw(&table4(), &T4_WIDE, W3M),
    );
    let got = table_facts(&text);
    let want = expected(None);
    let off = "denied.three_security_one_stability";
    // Every other cell is right; this row's are right or absent, never moved.
    for (key, want_value, got_value) in differences(&got, &want) {
        assert!(
            key.starts_with(&format!("t3.{off}.")),
            "{key}: want {want_value:?}, got {got_value:?}"
        );
        assert_eq!(got_value, None, "{key} must be right or absent");
    }
}

#[test]
fn a_line_off_without_any_doubtful_char_makes_its_row_ambiguous() {
    // One padding space lost after a label with no char of doubtful width:
    // nothing says where its strokes belong.
    let t3 = table3_with_line(|l| {
        l.contains("4.保护第三方合法权益")
            .then(|| l.replacen("权益 ", "权益", 1))
    });
    let text = report(
        &draw(&table2(), &T2_WIDE, W3M),
        &t3,
        &draw(&table4(), &T4_WIDE, W3M),
    );
    let report = parse_report(&text);
    let got: BTreeMap<String, String> = report
        .facts()
        .map(|f| (f.key.to_string(), f.value_text()))
        .filter(|(k, _)| k.starts_with('t'))
        .collect();
    assert_eq!(row_facts(&got, "denied.third_party"), vec![]);
    let mut want = expected(None);
    want.retain(|k, _| !k.starts_with("t3.denied.third_party."));
    assert_eq!(differences(&got, &want), vec![]);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::RowAmbiguous && d.message.contains("third_party")),
        "the row is reported ambiguous"
    );
}

#[test]
fn the_table_covers_the_whole_grid_from_its_top_border() {
    let t2 = draw(&table2(), &T2_WIDE, W3M);
    let text = report(&t2, "", "");
    let report = parse_report(&text);
    let section = &report.sections[1];
    assert!(section.table.is_some());
    assert!(
        section
            .paragraphs
            .iter()
            .all(|p| !p.text.contains(['┌', '─', '│', '└'])),
        "no border is read as a paragraph"
    );
    let end = section.span.end;
    assert!(
        text[..end].ends_with('┘'),
        "the section ends with the bottom border"
    );
}
