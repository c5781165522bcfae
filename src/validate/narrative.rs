//! Narrative versus tables (N.*): numbers and claims stated in the text
//! compared with the tables, as warnings pointing at the sentence.

use super::identity::{Key, Term, cell_of, number, simple};
use super::{Finding, FindingCell, Rule, Status};
use crate::ast::{
    AnnualReport, ApplicantColumn, Paragraph, RequestsRowKey, ReviewGroup, ReviewOutcome, Sentence,
};
use crate::grammar::ordinal::chinese_number;

/// Counting words a narrative number is followed by.
const COUNTERS: [char; 5] = ['件', '个', '起', '宗', '次'];

/// The first count after `keyword` in `sentence`: a number (Arabic or Chinese
/// numerals) followed by a counter, within a few chars, with none of `stop`
/// words between.
fn count_after(sentence: &str, keyword: &str, stop: &[&str]) -> Option<f64> {
    let at = sentence.find(keyword)? + keyword.len();
    let tail = sentence.get(at..)?;
    let end = tail
        .char_indices()
        .nth(24)
        .map(|(i, _)| i)
        .unwrap_or(tail.len());
    let window = tail.get(..end)?;
    for (i, c) in window.char_indices() {
        // Checked at every char, so the first time the text before `i`
        // contains a stop word is when it ends with one.
        let head = window.get(..i).unwrap_or("");
        if stop.iter().any(|s| head.ends_with(s)) || head.ends_with(['。', '；', ';']) {
            return None;
        }
        let rest = window.get(i..).unwrap_or("");
        let parsed = if c.is_ascii_digit() {
            let len = rest.len() - rest.trim_start_matches(|d: char| d.is_ascii_digit()).len();
            let digits = rest.get(..len).unwrap_or("");
            digits.parse::<f64>().ok().map(|v| (v, len))
        } else if c == '零' {
            Some((0.0, c.len_utf8()))
        } else {
            chinese_number(rest)
                .ok()
                .map(|(r, v)| (f64::from(v), rest.len() - r.len()))
        };
        if let Some((value, len)) = parsed {
            let after = rest.get(len..).and_then(|r| r.chars().next());
            if after.is_some_and(|a| COUNTERS.contains(&a)) {
                return Some(value);
            }
            // A number not followed by a counter (a year, a date) ends the search.
            if c.is_ascii_digit() {
                return None;
            }
        }
    }
    None
}

struct Claim<'a> {
    paragraph: &'a Paragraph,
    sentence: &'a Sentence,
}

impl Claim<'_> {
    fn text(&self) -> &str {
        self.paragraph.sentence_text(self.sentence)
    }
}

fn sentences(report: &AnnualReport) -> Vec<Claim<'_>> {
    report
        .preamble
        .iter()
        .chain(report.sections.iter().flat_map(|s| s.paragraphs.iter()))
        .flat_map(|p| {
            p.sentences.iter().map(move |s| Claim {
                paragraph: p,
                sentence: s,
            })
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn mismatch(
    rule: Rule,
    claim: &Claim<'_>,
    stated: f64,
    table: f64,
    cells: Vec<FindingCell>,
    what_zh: &str,
    what_en: &str,
) -> Finding {
    let excerpt: String = claim.text().chars().take(60).collect();
    Finding {
        expected: Some(table),
        found: Some(stated),
        difference: Some(stated - table),
        ..simple(
            rule,
            Status::Fail,
            what_en.split(' ').next().unwrap_or("text").to_lowercase(),
            claim.sentence.span,
            cells,
            format!(
                "正文称{what_zh}{}件，表格为{}：“{excerpt}”",
                number(stated),
                number(table)
            ),
            format!(
                "the text states {what_en} {} but the table has {}: \"{excerpt}\"",
                number(stated),
                number(table)
            ),
        )
    }
}

fn contradiction(
    rule: Rule,
    claim: &Claim<'_>,
    cells: Vec<FindingCell>,
    zh: String,
    en: String,
) -> Finding {
    simple(
        rule,
        Status::Fail,
        "text",
        claim.sentence.span,
        cells,
        zh,
        en,
    )
}

/// Sums the number cells of `terms`; `None` when any is not a number.
fn table_value(terms: &[Term<'_>]) -> Option<(f64, Vec<FindingCell>)> {
    let mut sum = 0.0;
    for t in terms {
        sum += t.cell?.value.as_f64()?;
    }
    Some((sum, terms.iter().filter_map(cell_of).collect()))
}

/// N.* rules.
pub fn narrative(report: &AnnualReport, out: &mut Vec<Finding>) {
    let claims = sentences(report);
    // Only a sentence with a counting word can state a count (`count_after`
    // needs one after the number): the count rules search these alone.
    let counted: Vec<&Claim<'_>> = claims
        .iter()
        .filter(|c| c.text().contains(COUNTERS))
        .collect();
    let t3 = report.table3();
    let t4 = report.table4();
    let t3_total = |row: RequestsRowKey| -> Vec<Term<'_>> {
        vec![Term::new(
            Key::cell("t3", row.key(), "total"),
            row.key(),
            row.key(),
            t3.and_then(|t| t.cell(row, ApplicantColumn::Total)),
        )]
    };
    let t4_cell = |g: ReviewGroup, o: ReviewOutcome| {
        Term::new(
            Key::cell("t4", g.key(), o.key()),
            g.key(),
            o.key(),
            t4.and_then(|t| t.cell(g, o)),
        )
    };
    type CountRule<'a> = (
        Rule,
        &'static [&'static str],
        &'static [&'static str],
        Vec<Term<'a>>,
        &'static str,
        &'static str,
    );
    let count_rules: Vec<CountRule<'_>> = vec![
        (
            Rule::NNew,
            &["新收"],
            &["上年", "结转"],
            t3_total(RequestsRowKey::NewReceived),
            "本年新收申请",
            "new applications",
        ),
        (
            Rule::NCarryIn,
            &["上年结转"],
            &["下年"],
            t3_total(RequestsRowKey::CarriedOver),
            "上年结转申请",
            "carried-over applications",
        ),
        (
            Rule::NCarryOut,
            &["结转下年度", "结转下一年度", "结转至下年度", "结转到下年度"],
            &[],
            t3_total(RequestsRowKey::CarriedForward),
            "结转下年度申请",
            "carried-forward applications",
        ),
        (
            Rule::NRev,
            &["行政复议"],
            &["维持", "纠正", "审结", "诉讼", "结果"],
            vec![t4_cell(ReviewGroup::Review, ReviewOutcome::Total)],
            "行政复议",
            "reconsiderations",
        ),
        (
            Rule::NLit,
            &["行政诉讼"],
            &["维持", "纠正", "审结", "复议", "结果"],
            vec![
                t4_cell(ReviewGroup::LitigationDirect, ReviewOutcome::Total),
                t4_cell(ReviewGroup::LitigationAfterReview, ReviewOutcome::Total),
            ],
            "行政诉讼",
            "lawsuits",
        ),
    ];
    let mut count_rules = count_rules;
    count_rules.push((
        Rule::NDone,
        &["共办结", "已办结", "办结申请", "答复申请"],
        &["上年", "结转"],
        t3_total(RequestsRowKey::TotalProcessed),
        "办结申请",
        "handled applications",
    ));
    for (rule, keywords, stop, terms, zh, en) in &count_rules {
        let Some((table, cells)) = table_value(terms) else {
            continue;
        };
        let first = counted.iter().find_map(|c| {
            keywords
                .iter()
                .find_map(|k| count_after(c.text(), k, stop))
                .map(|v| (c, v))
        });
        if let Some((claim, stated)) = first
            && (stated - table).abs() > 1e-9
        {
            out.push(mismatch(*rule, claim, stated, table, cells, zh, en));
        }
    }
    // N.RECV: "共收到…申请…N件" matches 本年新收 or 本年新收 + 上年结转.
    if let (Some((new, mut cells)), Some((over, more))) = (
        table_value(&t3_total(RequestsRowKey::NewReceived)),
        table_value(&t3_total(RequestsRowKey::CarriedOver)),
    ) && let Some((claim, stated)) = counted.iter().find_map(|c| {
        [
            "共收到",
            "收到政府信息公开申请",
            "受理政府信息公开申请",
            "共受理",
        ]
        .iter()
        .find_map(|k| count_after(c.text(), k, &["上年", "结转", "复议", "诉讼"]))
        .map(|v| (c, v))
    }) && (stated - new).abs() > 1e-9
        && (stated - new - over).abs() > 1e-9
    {
        cells.extend(more);
        out.push(mismatch(
            Rule::NRecv,
            claim,
            stated,
            new,
            cells,
            "收到申请",
            "applications received",
        ));
    }
    // N.DOCS: "规章X件、(行政)规范性文件Y件" against table 2's documents of the year.
    if let Some(t2) = report.table2() {
        use crate::ast::{ProactiveColumn, ProactiveItem};
        let column = if t2.template == crate::ast::Template::V2021 {
            ProactiveColumn::Issued
        } else {
            ProactiveColumn::Published
        };
        for (item, keyword, zh, en) in [
            (ProactiveItem::Regulations, "规章", "规章", "regulations"),
            (
                ProactiveItem::NormativeDocuments,
                "规范性文件",
                "规范性文件",
                "normative documents",
            ),
        ] {
            let term = Term::new(
                Key::cell("t2", item.key(), column.key()),
                zh,
                en,
                t2.cell(item, column),
            );
            let Some((table, cells)) = table_value(std::slice::from_ref(&term)) else {
                continue;
            };
            let found = counted.iter().find_map(|c| {
                let t = c.text();
                (t.contains("主动公开") || t.contains("制发") || t.contains("印发"))
                    .then(|| count_after(t, keyword, &["累计", "总数", "现行", "废止", "有效"]))
                    .flatten()
                    .map(|v| (c, v))
            });
            if let Some((claim, stated)) = found
                && (stated - table).abs() > 1e-9
            {
                out.push(mismatch(Rule::NDocs, claim, stated, table, cells, zh, en));
            }
        }
    }
    // N.NONE-APP: "未收到…申请" while the table counts new applications.
    if let Some((table, cells)) = table_value(&t3_total(RequestsRowKey::NewReceived))
        && table > 0.0
        && let Some(claim) = claims.iter().find(|c| {
            let t = c.text();
            (t.contains("未收到") || t.contains("没有收到"))
                && t.contains("申请")
                && !t.contains("复议")
        })
    {
        out.push(contradiction(
            Rule::NNoneApp,
            claim,
            cells,
            format!("正文称未收到申请，表三本年新收为{}", number(table)),
            format!(
                "the text says no application was received; table 3 counts {} new",
                number(table)
            ),
        ));
    }
    // N.NONE-LIT: "未发生…行政复议/行政诉讼" while table 4 has cases.
    let totals = [
        ReviewGroup::Review,
        ReviewGroup::LitigationDirect,
        ReviewGroup::LitigationAfterReview,
    ]
    .map(|g| t4_cell(g, ReviewOutcome::Total));
    if let Some((table, cells)) = table_value(&totals)
        && table > 0.0
        && let Some(claim) = claims.iter().find(|c| {
            let t = c.text();
            ["未发生", "未出现", "没有发生", "未被"]
                .iter()
                .any(|w| t.contains(w))
                && (t.contains("行政复议") || t.contains("行政诉讼"))
        })
    {
        out.push(contradiction(
            Rule::NNoneLit,
            claim,
            cells,
            format!(
                "正文称未发生行政复议、行政诉讼，表四合计为{}",
                number(table)
            ),
            format!(
                "the text says there was no reconsideration or lawsuit; table 4 totals {}",
                number(table)
            ),
        ));
    }
    // N.ALLDONE: all applications handled, yet some are carried forward.
    if let Some((table, cells)) = table_value(&t3_total(RequestsRowKey::CarriedForward))
        && table > 0.0
        && let Some(claim) = claims.iter().find(|c| {
            [
                "均已办结",
                "全部办结",
                "均已按时办结",
                "全部按时办结",
                "均已办理完毕",
                "全部办理完毕",
            ]
            .iter()
            .any(|w| c.text().contains(w))
        })
    {
        out.push(contradiction(
            Rule::NAllDone,
            claim,
            cells,
            format!("正文称申请均已办结，表三结转下年度为{}", number(table)),
            format!(
                "the text says every application was handled; table 3 carries {} forward",
                number(table)
            ),
        ));
    }
    // N.UPHELD: all upheld, yet corrected or pending cases.
    let not_upheld: Vec<Term<'_>> = ReviewGroup::ALL
        .iter()
        .flat_map(|g| [ReviewOutcome::Corrected, ReviewOutcome::Pending].map(|o| t4_cell(*g, o)))
        .collect();
    if let Some((table, cells)) = table_value(&not_upheld)
        && table > 0.0
        && let Some(claim) = claims.iter().find(|c| {
            ["均获维持", "均被维持", "全部维持", "均予维持", "均维持"]
                .iter()
                .any(|w| c.text().contains(w))
        })
    {
        out.push(contradiction(
            Rule::NUpheld,
            claim,
            cells,
            format!(
                "正文称均获维持，表四结果纠正与尚未审结合计为{}",
                number(table)
            ),
            format!(
                "the text says every decision was upheld; table 4 has {} corrected or pending",
                number(table)
            ),
        ));
    }
    year_mentions(report, &claims, out);
}

/// N.YEAR: sentences about the agency's own work dated in another year, and
/// a work plan dated in the report year.
fn year_mentions(report: &AnnualReport, claims: &[Claim<'_>], out: &mut Vec<Finding>) {
    let Some(year) = report.year.as_ref().map(|y| y.value) else {
        return;
    };
    for claim in claims {
        let text = claim.text().trim_start_matches(|c: char| {
            c.is_whitespace()
                || c == '('
                || c == ')'
                || crate::grammar::ordinal::chinese_digit(c).is_some()
                || c == '、'
                || c == '.'
        });
        let Some((mentioned, rest)) = text
            .get(..4)
            .and_then(|y| y.parse::<i32>().ok())
            .zip(text.get(4..))
        else {
            continue;
        };
        let rest = rest.trim_start_matches('年').trim_start_matches('度');
        let own_work = (mentioned == year - 1 || mentioned == year + 1)
            && rest.starts_with([',', '，'])
            && [
                "我局",
                "我中心",
                "我委",
                "我办",
                "我乡",
                "我镇",
                "本单位",
                "本机关",
                "我单位",
                "我区",
                "我县",
                "我市",
            ]
            .iter()
            .any(|w| rest.contains(w));
        let plan = mentioned == year
            && (rest.starts_with("工作计划")
                || rest.starts_with("工作打算")
                || rest.starts_with("工作安排"));
        let excerpt: String = claim.text().chars().take(40).collect();
        let message = if plan {
            Some((
                format!(
                    "工作计划应针对{}年，正文写作{mentioned}年：“{excerpt}”",
                    year + 1
                ),
                format!(
                    "a work plan dated {mentioned} in a report on {year} (expected {}): \"{excerpt}\"",
                    year + 1
                ),
            ))
        } else if own_work {
            Some((
                format!("正文年份{mentioned}与报告年度{year}不符：“{excerpt}”"),
                format!("the text is dated {mentioned} in a report on {year}: \"{excerpt}\""),
            ))
        } else {
            None
        };
        if let Some((zh, en)) = message {
            out.push(simple(
                Rule::NYear,
                Status::Fail,
                "text",
                claim.sentence.span,
                Vec::new(),
                zh,
                en,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_after_keywords() {
        assert_eq!(
            count_after("本年度新收政府信息公开申请3件。", "新收", &[]),
            Some(3.0)
        );
        assert_eq!(count_after("共新收申请十二件", "新收", &[]), Some(12.0));
        assert_eq!(count_after("新收申请零件", "新收", &[]), Some(0.0));
        assert_eq!(
            count_after("行政复议结果维持2件", "行政复议", &["维持"]),
            None
        );
        assert_eq!(count_after("新收2021年的申请", "新收", &[]), None);
        assert_eq!(count_after("没有新收", "新收", &[]), None);
    }
}
