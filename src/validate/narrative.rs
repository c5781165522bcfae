//! Narrative versus tables (N.*): what the text claims, compared with the
//! table cells of the same quantity, scope and period, as warnings pointing
//! at the sentence.
//!
//! Sentences are read by [`crate::grammar::claim`]. A rule compares only a
//! claim of fact about the report year and about the whole of its quantity:
//! a plan, a comparison with last year, a cumulative figure or a count of a
//! sub-category is never held against the table. A negation is compared
//! only with the groups it names. Each finding carries the claim it read.

use super::identity::{Key, Term, cell_of, number, simple};
use super::{Finding, FindingCell, Rule, Status};
use crate::ast::{
    AnnualReport, ApplicantColumn, Paragraph, ProactiveColumn, ProactiveItem, RequestsRowKey,
    ReviewGroup, ReviewOutcome, SectionKind, Sentence, Template,
};
use crate::grammar::claim::{
    Amount, NarrativeClaim, Period, Quantity, Scope, SentenceReading, Tense, groups_name,
    read_sentence,
};

/// A sentence and what it claims.
struct Read<'a> {
    paragraph: &'a Paragraph,
    sentence: &'a Sentence,
    section: Option<SectionKind>,
    reading: SentenceReading,
}

impl Read<'_> {
    fn text(&self) -> &str {
        self.paragraph.sentence_text(self.sentence)
    }

    fn excerpt(&self, chars: usize) -> String {
        self.text().chars().take(chars).collect()
    }
}

fn read_all(report: &AnnualReport) -> Vec<Read<'_>> {
    let year = report.year.as_ref().map(|y| y.value);
    let preamble = report.preamble.iter().map(|p| (None, p));
    let sections = report
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(move |p| (Some(s.kind), p)));
    preamble
        .chain(sections)
        .flat_map(|(section, paragraph)| {
            paragraph.sentences.iter().map(move |sentence| Read {
                paragraph,
                sentence,
                section,
                reading: read_sentence(paragraph.sentence_text(sentence), year),
            })
        })
        .collect()
}

/// A claim of fact about the whole of its quantity in the report year: the
/// only kind a rule holds against the tables.
fn comparable(claim: &NarrativeClaim) -> bool {
    claim.is_fact_of_report_year() && claim.scope == Scope::Whole
}

/// Sums the number cells of `terms`; `None` when any is not a number.
fn table_value(terms: &[Term<'_>]) -> Option<(f64, Vec<FindingCell>)> {
    let mut sum = 0.0;
    for t in terms {
        sum += t.cell?.value.as_f64()?;
    }
    Some((sum, terms.iter().filter_map(cell_of).collect()))
}

/// The cells a report's tables give for the narrative rules.
struct Tables<'a> {
    report: &'a AnnualReport,
}

impl<'a> Tables<'a> {
    fn t3_total(&self, row: RequestsRowKey) -> Vec<Term<'a>> {
        vec![Term::new(
            Key::cell("t3", row.key(), "total"),
            row.key(),
            row.key(),
            self.report
                .table3()
                .and_then(|t| t.cell(row, ApplicantColumn::Total)),
        )]
    }

    fn t4(&self, groups: &[ReviewGroup], outcomes: &[ReviewOutcome]) -> Vec<Term<'a>> {
        let groups: &[ReviewGroup] = if groups.is_empty() {
            ReviewGroup::ALL
        } else {
            groups
        };
        let t4 = self.report.table4();
        groups
            .iter()
            .flat_map(|g| {
                outcomes.iter().map(move |o| {
                    Term::new(
                        Key::cell("t4", g.key(), o.key()),
                        g.key(),
                        o.key(),
                        t4.and_then(|t| t.cell(*g, *o)),
                    )
                })
            })
            .collect()
    }

    /// Table 2's documents of the year (本年制发件数 in V2021, 本年新公开数量
    /// in V2019).
    fn t2_documents(&self, item: ProactiveItem) -> Vec<Term<'a>> {
        let Some(t2) = self.report.table2() else {
            return Vec::new();
        };
        let column = if t2.template == Template::V2021 {
            ProactiveColumn::Issued
        } else {
            ProactiveColumn::Published
        };
        vec![Term::new(
            Key::cell("t2", item.key(), column.key()),
            item.key(),
            item.key(),
            t2.cell(item, column),
        )]
    }
}

/// A count rule: the rule a count claim falls under, the cells it is
/// compared with, and the cells it may equal instead (N.RECV: new, or new
/// and carried over).
struct CountCheck<'a> {
    rule: Rule,
    terms: Vec<Term<'a>>,
    alternative: Vec<Term<'a>>,
    zh: String,
    en: String,
}

fn count_check<'a>(tables: &Tables<'a>, claim: &NarrativeClaim) -> Option<CountCheck<'a>> {
    let check = |rule: Rule, row, zh: &str, en: &str| CountCheck {
        rule,
        terms: tables.t3_total(row),
        alternative: Vec::new(),
        zh: zh.to_string(),
        en: en.to_string(),
    };
    Some(match claim.quantity {
        Quantity::NewApplications => check(
            Rule::NNew,
            RequestsRowKey::NewReceived,
            "本年新收申请",
            "new applications",
        ),
        Quantity::CarriedOver => check(
            Rule::NCarryIn,
            RequestsRowKey::CarriedOver,
            "上年结转申请",
            "carried-over applications",
        ),
        Quantity::CarriedForward => check(
            Rule::NCarryOut,
            RequestsRowKey::CarriedForward,
            "结转下年度申请",
            "carried-forward applications",
        ),
        Quantity::Handled => check(
            Rule::NDone,
            RequestsRowKey::TotalProcessed,
            "办结申请",
            "handled applications",
        ),
        Quantity::ReceivedApplications => {
            let mut both = tables.t3_total(RequestsRowKey::NewReceived);
            both.extend(tables.t3_total(RequestsRowKey::CarriedOver));
            CountCheck {
                alternative: both,
                ..check(
                    Rule::NRecv,
                    RequestsRowKey::NewReceived,
                    "收到申请",
                    "applications received",
                )
            }
        }
        Quantity::Cases if claim.groups == [ReviewGroup::Review] => CountCheck {
            rule: Rule::NRev,
            terms: tables.t4(&claim.groups, &[ReviewOutcome::Total]),
            alternative: Vec::new(),
            zh: "行政复议".to_string(),
            en: "reconsiderations".to_string(),
        },
        Quantity::Cases
            if !claim.groups.is_empty() && !claim.groups.contains(&ReviewGroup::Review) =>
        {
            CountCheck {
                rule: Rule::NLit,
                terms: tables.t4(&claim.groups, &[ReviewOutcome::Total]),
                alternative: Vec::new(),
                zh: groups_name(&claim.groups, false),
                en: groups_name(&claim.groups, true),
            }
        }
        Quantity::Regulations => CountCheck {
            rule: Rule::NDocs,
            terms: tables.t2_documents(ProactiveItem::Regulations),
            alternative: Vec::new(),
            zh: "规章".to_string(),
            en: "regulations".to_string(),
        },
        Quantity::NormativeDocuments => CountCheck {
            rule: Rule::NDocs,
            terms: tables.t2_documents(ProactiveItem::NormativeDocuments),
            alternative: Vec::new(),
            zh: "规范性文件".to_string(),
            en: "normative documents".to_string(),
        },
        _ => return None,
    })
}

/// `what_en`'s first word, the finding's scope (`new`, `reconsiderations` …).
fn scope_of(what_en: &str) -> String {
    what_en.split(' ').next().unwrap_or("text").to_lowercase()
}

/// A finding of a narrative rule about `read`, with the claim beside it.
fn finding(
    rule: Rule,
    scope: String,
    read: &Read<'_>,
    claim: &NarrativeClaim,
    cells: Vec<FindingCell>,
    (zh, en): (String, String),
) -> Finding {
    Finding {
        claim: Some(Box::new(claim.clone())),
        report_year: None,
        ..simple(
            rule,
            Status::Fail,
            scope,
            read.sentence.span,
            cells,
            format!("{zh}（读取：{}）", claim.describe_zh()),
            format!("{en} (read: {})", claim.describe_en()),
        )
    }
}

/// N.NEW, N.CARRYIN, N.CARRYOUT, N.DONE, N.RECV, N.REV, N.LIT, N.DOCS: a
/// stated count against its cells. A rule is silent when any claim of the
/// same quantity agrees with the table (the others then speak of something
/// the reader did not tell apart); else each distinct stated number is a
/// finding.
fn counts(reads: &[Read<'_>], tables: &Tables<'_>, out: &mut Vec<Finding>) {
    struct Stated<'r, 'a> {
        read: &'r Read<'a>,
        claim: &'r NarrativeClaim,
        value: f64,
    }
    let mut groups: Vec<(String, CountCheck<'_>, Vec<Stated<'_, '_>>)> = Vec::new();
    for read in reads {
        for claim in &read.reading.claims {
            let Amount::Count(value) = claim.amount else {
                continue;
            };
            if !comparable(claim) {
                continue;
            }
            let Some(check) = count_check(tables, claim) else {
                continue;
            };
            let key = format!("{}:{}", check.rule.as_str(), check.en);
            let stated = Stated { read, claim, value };
            match groups.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, _, list)) => list.push(stated),
                None => groups.push((key, check, vec![stated])),
            }
        }
    }
    for (_, check, stated) in &groups {
        let Some((table, cells)) = table_value(&check.terms) else {
            continue;
        };
        let alternative = if check.alternative.is_empty() {
            None
        } else {
            table_value(&check.alternative)
        };
        let agrees = |v: f64| {
            (v - table).abs() < 1e-9
                || alternative
                    .as_ref()
                    .is_some_and(|(a, _)| (v - a).abs() < 1e-9)
        };
        if stated.iter().any(|s| agrees(s.value)) {
            continue;
        }
        let mut reported = std::collections::BTreeSet::new();
        for s in stated {
            if !reported.insert(s.value.to_bits()) {
                continue;
            }
            let mut cells = cells.clone();
            if let Some((_, more)) = &alternative {
                for c in more {
                    if !cells.iter().any(|x| x.key == c.key) {
                        cells.push(c.clone());
                    }
                }
            }
            let unit = s.claim.unit.as_deref().unwrap_or("");
            let excerpt = s.read.excerpt(60);
            out.push(Finding {
                expected: Some(table),
                found: Some(s.value),
                difference: Some(s.value - table),
                ..finding(
                    check.rule,
                    scope_of(&check.en),
                    s.read,
                    s.claim,
                    cells,
                    (
                        format!(
                            "正文称{}{}{unit}，表格为{}：“{excerpt}”",
                            check.zh,
                            number(s.value),
                            number(table)
                        ),
                        format!(
                            "the text states {} {} but the table has {}: \"{excerpt}\"",
                            check.en,
                            number(s.value),
                            number(table)
                        ),
                    ),
                )
            });
        }
    }
}

/// A claim that contradicts cells that are not all zero.
struct Contradiction<'a> {
    rule: Rule,
    terms: Vec<Term<'a>>,
    zh: fn(&NarrativeClaim, f64) -> String,
    en: fn(&NarrativeClaim, f64) -> String,
}

/// Whether a claim of an outcome of cases denies corrections (else it
/// denies cases pending).
fn is_correction(claim: &NarrativeClaim) -> bool {
    claim.quantity == Quantity::CaseOutcome(ReviewOutcome::Corrected)
}

fn contradiction_check<'a>(
    tables: &Tables<'a>,
    claim: &NarrativeClaim,
) -> Option<Contradiction<'a>> {
    Some(match (&claim.quantity, &claim.amount) {
        (Quantity::NewApplications | Quantity::ReceivedApplications, Amount::Absent) => {
            Contradiction {
                rule: Rule::NNoneApp,
                terms: tables.t3_total(RequestsRowKey::NewReceived),
                zh: |_, t| format!("正文称未收到申请，表三本年新收为{}", number(t)),
                en: |_, t| {
                    format!(
                        "the text says no application was received; table 3 counts {} new",
                        number(t)
                    )
                },
            }
        }
        (Quantity::Cases, Amount::Absent) => Contradiction {
            rule: Rule::NNoneLit,
            terms: tables.t4(&claim.groups, &[ReviewOutcome::Total]),
            zh: |c, t| {
                let names = groups_name(&c.groups, false);
                format!("正文称未发生{names}，表四{names}总计为{}", number(t))
            },
            en: |c, t| {
                let names = groups_name(&c.groups, true);
                format!(
                    "the text says there were no {names}; table 4 counts {} {names}",
                    number(t)
                )
            },
        },
        (
            Quantity::CaseOutcome(o @ (ReviewOutcome::Corrected | ReviewOutcome::Pending)),
            Amount::Absent,
        ) => Contradiction {
            rule: Rule::NUpheld,
            terms: tables.t4(&claim.groups, &[*o]),
            zh: |c, t| {
                let (names, outcome) = (groups_name(&c.groups, false), is_correction(c));
                let outcome = if outcome { "被纠错" } else { "尚未审结" };
                format!("正文称{names}无{outcome}，表四为{}", number(t))
            },
            en: |c, t| {
                let names = groups_name(&c.groups, true);
                let outcome = if is_correction(c) {
                    "corrected"
                } else {
                    "pending"
                };
                format!(
                    "the text says no {names} were {outcome}; table 4 counts {}",
                    number(t)
                )
            },
        },
        (Quantity::CaseOutcome(ReviewOutcome::Upheld), Amount::All) => Contradiction {
            rule: Rule::NUpheld,
            terms: tables.t4(
                &claim.groups,
                &[ReviewOutcome::Corrected, ReviewOutcome::Pending],
            ),
            zh: |c, t| {
                format!(
                    "正文称{}均获维持，表四结果纠正与尚未审结合计为{}",
                    groups_name(&c.groups, false),
                    number(t)
                )
            },
            en: |c, t| {
                format!(
                    "the text says every decision on {} was upheld; table 4 has {} corrected or pending",
                    groups_name(&c.groups, true),
                    number(t)
                )
            },
        },
        (Quantity::Handled, Amount::All) => Contradiction {
            rule: Rule::NAllDone,
            terms: tables.t3_total(RequestsRowKey::CarriedForward),
            zh: |_, t| format!("正文称申请均已办结，表三结转下年度为{}", number(t)),
            en: |_, t| {
                format!(
                    "the text says every application was handled; table 3 carries {} forward",
                    number(t)
                )
            },
        },
        _ => return None,
    })
}

/// The claims of a sentence with its denials of cases made one: a sentence
/// that denies reconsiderations and lawsuits (in one clause or two) says
/// one thing, compared once with the groups it names.
fn absences_merged(claims: &[NarrativeClaim], sentence: &str) -> Vec<NarrativeClaim> {
    let denies_cases = |c: &NarrativeClaim| {
        c.quantity == Quantity::Cases && c.amount == Amount::Absent && comparable(c)
    };
    let mut out: Vec<NarrativeClaim> = Vec::new();
    let mut merged: Option<usize> = None;
    for claim in claims {
        match merged.and_then(|i| out.get_mut(i)) {
            Some(first) if denies_cases(claim) => {
                for g in &claim.groups {
                    if !first.groups.contains(g) {
                        first.groups.push(*g);
                    }
                }
                first.groups.sort();
                if first.clause != claim.clause {
                    first.clause = sentence.trim().to_string();
                }
            }
            _ => {
                if denies_cases(claim) {
                    merged = Some(out.len());
                }
                out.push(claim.clone());
            }
        }
    }
    out
}

/// N.NONE-APP, N.NONE-LIT, N.UPHELD, N.ALLDONE: a claim of none (or of
/// every one) against cells that count some. One finding per rule and set
/// of cells.
fn contradictions(reads: &[Read<'_>], tables: &Tables<'_>, out: &mut Vec<Finding>) {
    let mut seen: Vec<(Rule, Vec<String>)> = Vec::new();
    for read in reads {
        for claim in &absences_merged(&read.reading.claims, read.text()) {
            if !comparable(claim) {
                continue;
            }
            let Some(check) = contradiction_check(tables, claim) else {
                continue;
            };
            let Some((table, cells)) = table_value(&check.terms) else {
                continue;
            };
            if table <= 0.0 {
                continue;
            }
            let keys: Vec<String> = cells.iter().map(|c| c.key.clone()).collect();
            if seen.iter().any(|(r, k)| *r == check.rule && *k == keys) {
                continue;
            }
            seen.push((check.rule, keys));
            out.push(finding(
                check.rule,
                "text".to_string(),
                read,
                claim,
                cells,
                ((check.zh)(claim, table), (check.en)(claim, table)),
            ));
        }
    }
}

/// N.YEAR: a statement of the agency's own work dated the year before or
/// after the report year (or any other year when it states a count of the
/// tables), and a plan headed with the report year. Never a
/// sentence with a future marker, a comparison between years, the
/// rectification of last year's problems, nor section 5 speaking of the
/// next year.
fn years(report: &AnnualReport, reads: &[Read<'_>], out: &mut Vec<Finding>) {
    let Some(year) = report.year.as_ref().map(|y| y.value) else {
        return;
    };
    for read in reads {
        let Some(opening) = &read.reading.opening else {
            continue;
        };
        let mentioned = opening.year;
        let in_section_five = read.section == Some(SectionKind::ProblemsAndImprovements);
        // A plan is flagged by its heading (`（二）2020年工作计划` in the
        // report on 2020) only: a sentence with a future marker never is.
        let plan = mentioned == year && opening.plan_heading;
        // A fact the tables hold (applications, cases) dated in another
        // year: the year before or after, or any other when the sentence
        // states what the report's own tables count (`2020年，我中心未收到
        // 政府信息公开申请` in a report on 2023).
        let table_fact = read.reading.claims.iter().find(|c| {
            c.tense == Tense::Done
                && c.scope == Scope::Whole
                && matches!(
                    c.period,
                    Period::Year(_) | Period::PreviousYear | Period::NextYear
                )
                && matches!(c.amount, Amount::Count(_) | Amount::Absent | Amount::All)
                && states_table_fact(c)
        });
        let neighbour = mentioned.abs_diff(year) == 1;
        let misdated = mentioned != year
            && (neighbour || table_fact.is_some())
            && opening.own_work
            && opening.tense == Tense::Done
            && !opening.compares
            && !opening.rectification
            && !(mentioned > year && in_section_five);
        if !plan && !misdated {
            continue;
        }
        let claim = match table_fact {
            Some(fact) if misdated => fact.clone(),
            _ => NarrativeClaim::statement(
                opening.period,
                opening.tense,
                read.text().trim().to_string(),
            ),
        };
        let excerpt = read.excerpt(40);
        let message = if plan {
            (
                format!(
                    "工作计划应针对{}年，正文写作{mentioned}年：“{excerpt}”",
                    i64::from(year) + 1
                ),
                format!(
                    "a work plan dated {mentioned} in a report on {year} (expected {}): \"{excerpt}\"",
                    i64::from(year) + 1
                ),
            )
        } else {
            (
                format!("正文年份{mentioned}与报告年度{year}不符：“{excerpt}”"),
                format!("the text is dated {mentioned} in a report on {year}: \"{excerpt}\""),
            )
        };
        out.push(finding(
            Rule::NYear,
            "text".to_string(),
            read,
            &claim,
            Vec::new(),
            message,
        ));
    }
}

/// Whether a claim states what table 3 or 4 counts.
fn states_table_fact(claim: &NarrativeClaim) -> bool {
    matches!(
        claim.quantity,
        Quantity::NewApplications
            | Quantity::ReceivedApplications
            | Quantity::CarriedOver
            | Quantity::Handled
            | Quantity::CarriedForward
            | Quantity::Cases
    )
}

/// N.* rules.
pub fn narrative(report: &AnnualReport, out: &mut Vec<Finding>) {
    let reads = read_all(report);
    let tables = Tables { report };
    counts(&reads, &tables, out);
    contradictions(&reads, &tables, out);
    years(report, &reads, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_facts_of_the_whole_report_year_are_compared() {
        let read = |s: &str| read_sentence(s, Some(2023)).claims;
        assert!(read("本年度新收申请3件。").iter().all(comparable));
        assert!(
            !read("下一步，我局力争新收申请办结率100%，办结申请30件。")
                .iter()
                .any(comparable)
        );
        assert!(!read("较上年增加新收申请3件。").iter().any(comparable));
        assert!(!read("2022年新收申请3件。").iter().any(comparable));
        assert!(!read("其中网上新收申请3件。").iter().any(comparable));
    }
}
