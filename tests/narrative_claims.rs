//! The narrative rules (N.*) read what a sentence claims. For each rule:
//! sentences written the way real reports write them that must raise it,
//! and look-alikes that must not — plans for next year, comparisons with
//! last year, counts of a sub-category, percentages and rates, negations
//! of one group among several, counts over another period, article numbers
//! of a regulation, 件/条/起/宗 and Chinese numerals.
//!
//! Each case is a small report (a title with the year, the section the
//! sentence belongs to, the sentence, and tables holding the numbers the
//! rule needs) run through `parse_report` and `validate`; the case states
//! exactly which N.* rules fire.
//!
//! Cases marked "Regression" are look-alikes on which the word-matching
//! rules before the claim reader (issue 13) raised a false finding; "Missed
//! before" marks true findings they did not raise. Both were checked
//! against that code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::tables::T3_LABELS_2019;

use gov_disclosure_report::unstable_internals::normalize;
use gov_disclosure_report::validate::{
    Amount, Finding, Period, Quantity, Rule, Scope, Tense, validate,
};
use gov_disclosure_report::{ReviewGroup, parse_report};

/// Where a sentence is placed.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// 一、总体情况
    Overview,
    /// 三、…, before table 3
    Requests,
    /// 四、…, before table 4
    Reviews,
    /// 五、存在的主要问题及改进情况
    Problems,
}

/// The numbers of the tables; table 3 is made consistent (every
/// application handled is granted), table 4 totals are the sums.
#[derive(Debug, Clone, Copy, Default)]
struct Tables {
    new: u32,
    over: u32,
    forward: u32,
    /// 结果维持, 结果纠正, 其他结果, 尚未审结 of each group.
    review: [u32; 4],
    direct: [u32; 4],
    after: [u32; 4],
    regulations: u32,
    normative: u32,
}

fn t() -> Tables {
    Tables::default()
}

impl Tables {
    fn received(self, n: u32) -> Self {
        Tables { new: n, ..self }
    }
    fn over(self, n: u32) -> Self {
        Tables { over: n, ..self }
    }
    fn forward(self, n: u32) -> Self {
        Tables { forward: n, ..self }
    }
    fn review(self, r: [u32; 4]) -> Self {
        Tables { review: r, ..self }
    }
    fn direct(self, r: [u32; 4]) -> Self {
        Tables { direct: r, ..self }
    }
    fn after(self, r: [u32; 4]) -> Self {
        Tables { after: r, ..self }
    }
    fn regulations(self, n: u32) -> Self {
        Tables {
            regulations: n,
            ..self
        }
    }
    fn normative(self, n: u32) -> Self {
        Tables {
            normative: n,
            ..self
        }
    }
}

/// One sentence, where it goes, the tables beside it, and the N.* rules it
/// must raise (with repeats when a rule fires twice).
struct Case {
    year: i32,
    place: Place,
    sentence: &'static str,
    tables: Tables,
    raises: &'static [&'static str],
}

fn case(
    place: Place,
    sentence: &'static str,
    tables: Tables,
    raises: &'static [&'static str],
) -> Case {
    Case {
        year: 2023,
        place,
        sentence,
        tables,
        raises,
    }
}

use Place::*;

fn report_text(case: &Case) -> String {
    let at = |place: Place| {
        if case.place == place {
            format!("{}\n", case.sentence)
        } else {
            String::new()
        }
    };
    let tb = &case.tables;
    let mut s = format!(
        "某区数据局{}年政府信息公开工作年度报告\n一、总体情况\n本机关认真贯彻落实《中华人民共和国政府信息公开条例》，不断提升政务公开质量。\n{}",
        case.year,
        at(Overview)
    );
    s.push_str(
        "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n",
    );
    for (item, n) in [("规章", tb.regulations), ("规范性文件", tb.normative)] {
        s.push_str(&format!("{item}\t{n}\t{n}\t{n}\n"));
    }
    s.push_str("第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t0\t0\t0\n其他对外管理服务事项\t0\t0\t0\n");
    s.push_str("三、收到和处理政府信息公开申请情况\n");
    s.push_str(&at(Requests));
    s.push_str(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n",
    );
    let handled = (tb.new + tb.over).saturating_sub(tb.forward);
    for (r, label) in T3_LABELS_2019.iter().enumerate() {
        let v = match r {
            0 => tb.new,
            1 => tb.over,
            2 | 21 => handled,
            22 => tb.forward,
            _ => 0,
        };
        s.push_str(&format!("{label}\t{v}\t0\t0\t0\t0\t0\t{v}\n"));
    }
    s.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
    s.push_str(&at(Reviews));
    s.push_str("行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n");
    let mut cells: Vec<String> = Vec::new();
    for group in [tb.review, tb.direct, tb.after] {
        cells.extend(group.iter().map(u32::to_string));
        cells.push(group.iter().sum::<u32>().to_string());
    }
    s.push_str(&cells.join("\t"));
    s.push_str("\n五、存在的主要问题及改进情况\n一是公开内容不够丰富，二是解读形式较为单一。\n");
    s.push_str(&at(Problems));
    s.push_str("六、其他需要报告的事项\n无。\n");
    s
}

fn narrative_findings(case: &Case) -> Vec<Finding> {
    let text = report_text(case);
    let report = parse_report(&text);
    // The sentence must have been read as narrative, or the case tests nothing.
    let wanted = normalize(case.sentence).text().to_string();
    let found = report
        .preamble
        .iter()
        .chain(report.sections.iter().flat_map(|s| s.paragraphs.iter()))
        .any(|p| p.text.contains(wanted.as_str()));
    assert!(found, "not read as narrative: {}\n{text}", case.sentence);
    validate(&report)
        .into_iter()
        .filter(|f| f.rule.as_str().starts_with("N."))
        .collect()
}

/// Runs every case and lists all that disagree before failing.
fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let findings = narrative_findings(case);
        let mut got: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
        got.sort_unstable();
        let mut want = case.raises.to_vec();
        want.sort_unstable();
        if got != want {
            let messages: Vec<&str> = findings.iter().map(|f| f.message_en.as_str()).collect();
            failures.push(format!(
                "{}\n    want {want:?}, got {got:?}\n    {messages:#?}",
                case.sentence
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn n_new_new_applications() {
    check(&[
        case(
            Overview,
            "本年度新收政府信息公开申请12件。",
            t().received(10),
            &["N.NEW"],
        ),
        case(
            Overview,
            "2023年，本机关新收政府信息公开申请二十件，上年结转0件。",
            t().received(18),
            &["N.NEW"],
        ),
        case(
            Overview,
            "全年新收到各类政府信息公开申请8件。",
            t().received(5),
            &["N.NEW"],
        ),
        // A count of a sub-category.
        case(
            Overview,
            "本年度新收政府信息公开申请12件，其中自然人申请10件、法人或其他组织申请2件。",
            t().received(12),
            &[],
        ),
        // Regression (raised N.NEW before): a part, by channel.
        case(Overview, "新收申请中，网上申请9件。", t().received(12), &[]),
        // A comparison with last year.
        case(
            Overview,
            "本年度新收政府信息公开申请12件，较上年增加4件。",
            t().received(12),
            &[],
        ),
        // Regression (raised N.NEW before): a count over another period.
        case(
            Overview,
            "2022年新收政府信息公开申请8件。",
            t().received(12),
            &[],
        ),
        // A plan and a rate.
        case(
            Problems,
            "下一步，我局力争将新收申请按期办结率保持在100%。",
            t().received(12),
            &[],
        ),
        case(Overview, "新收申请占全部申请的80%。", t().received(12), &[]),
        // Regression (raised N.NEW before): an approximate number.
        case(Overview, "本年度新收申请约100件。", t().received(97), &[]),
    ]);
}

#[test]
fn n_carryin_carried_over() {
    check(&[
        case(
            Overview,
            "上年结转政府信息公开申请3件。",
            t().received(2).over(1),
            &["N.CARRYIN"],
        ),
        // Missed before: the count follows the words it counts.
        case(
            Overview,
            "上一年度结转的申请两件已于年初办结。",
            t().received(2),
            &["N.CARRYIN"],
        ),
        // Regression (raised N.ALLDONE before): last year's applications only.
        case(
            Overview,
            "上年结转的申请已全部办结。",
            t().received(3).over(1).forward(2),
            &[],
        ),
        // Regression: last year's count was compared with this year's table.
        case(
            Overview,
            "上年度共收到申请15件，本年度新收12件。",
            t().received(12),
            &[],
        ),
        // Regression: which quantity `办结上年结转申请2件` counts is not said.
        case(
            Overview,
            "办结上年结转申请2件。",
            t().received(12).over(1),
            &[],
        ),
    ]);
}

#[test]
fn n_carryout_carried_forward() {
    check(&[
        case(
            Overview,
            "结转下年度继续办理的申请2件。",
            t().received(3),
            &["N.CARRYOUT"],
        ),
        // Missed before: the number before its quantity.
        case(
            Overview,
            "截至年底，尚有1件申请结转至下一年度办理。",
            t().received(3),
            &["N.CARRYOUT"],
        ),
        case(
            Overview,
            "结转下年度的申请将于明年1月底前办结。",
            t().received(3).forward(1),
            &[],
        ),
        // Regression (raised N.CARRYOUT before): a forecast.
        case(
            Overview,
            "预计结转下年度申请3件。",
            t().received(3).forward(1),
            &[],
        ),
    ]);
}

#[test]
fn n_done_handled() {
    check(&[
        case(
            Overview,
            "全年共办结政府信息公开申请15件。",
            t().received(12),
            &["N.DONE"],
        ),
        case(
            Overview,
            "本年度答复申请二十三件。",
            t().received(20),
            &["N.DONE"],
        ),
        // Regression (raised N.DONE before): a part (on time) and a rate.
        case(
            Overview,
            "按时办结申请10件，按时办结率100%。",
            t().received(12),
            &[],
        ),
        // Regression: not applications for information at all.
        case(
            Overview,
            "今年，我局共办结农机购置补贴审批事项132件。",
            t().received(12),
            &[],
        ),
    ]);
}

#[test]
fn n_recv_received() {
    check(&[
        // A stated count where the total column says 0.
        case(
            Overview,
            "本年度共收到政府信息公开申请5件。",
            t(),
            &["N.RECV"],
        ),
        case(
            Overview,
            "全年共受理政府信息公开申请三十件。",
            t().received(25).over(2),
            &["N.RECV"],
        ),
        case(
            Overview,
            "本年度共收到政府信息公开申请27件（含上年结转2件）。",
            t().received(25).over(2),
            &[],
        ),
        case(
            Overview,
            "共收到政府信息公开申请75件，其中自然人72件、商业企业3件。",
            t().received(75),
            &[],
        ),
        // Regression (raised N.RECV before): letters and visits, not applications.
        case(
            Overview,
            "全年共收到群众来信来访120件次。",
            t().received(5),
            &[],
        ),
        case(
            Overview,
            "收到人大代表建议和政协委员提案12件。",
            t().received(5),
            &[],
        ),
        case(
            Overview,
            "本年度共收到政府信息公开申请27件，同比增长35%。",
            t().received(27),
            &[],
        ),
        case(
            Overview,
            "自2019年以来，累计收到政府信息公开申请300余件。",
            t().received(27),
            &[],
        ),
        // A number with a thousands separator.
        case(
            Overview,
            "本年度共收到政府信息公开申请1,234件。",
            t().received(1234),
            &[],
        ),
        // Regression (raised N.RECV before): parts of a whole region.
        case(
            Overview,
            "区政府本级共收到申请300件，各部门共收到900件。",
            t().received(1200),
            &[],
        ),
        // A count of one month.
        case(Overview, "2023年3月，收到申请1件。", t().received(5), &[]),
        // Regression (raised N.RECV before): a span of years.
        case(
            Overview,
            "近3年共收到政府信息公开申请30件。",
            t().received(12),
            &[],
        ),
        case(
            Overview,
            "收到的申请中，涉及征地拆迁的占六成。",
            t().received(27),
            &[],
        ),
    ]);
}

#[test]
fn n_rev_reconsiderations() {
    check(&[
        // A stated count of reconsiderations the table lacks.
        case(
            Overview,
            "本年度发生政府信息公开行政复议1件。",
            t(),
            &["N.REV"],
        ),
        // Missed before: unit 起 and a Chinese numeral.
        case(
            Overview,
            "因政府信息公开工作被申请行政复议两起。",
            t().review([1, 0, 0, 0]),
            &["N.REV"],
        ),
        case(
            Overview,
            "全年发生政府信息公开行政复议案件2宗。",
            t().review([1, 0, 0, 0]),
            &["N.REV"],
        ),
        // Regression: the negation covers lawsuits only.
        case(
            Overview,
            "政府信息公开行政复议1条，未发生行政诉讼情况。",
            t().review([1, 0, 0, 0]),
            &[],
        ),
        // Counts of outcomes, not of cases.
        case(
            Overview,
            "行政复议结果维持2件，纠正1件。",
            t().review([2, 1, 0, 0]),
            &[],
        ),
        case(Overview, "本年度收到行政复议申请1件。", t(), &["N.REV"]),
        // Regression (raised N.REV and N.CARRYIN before): cases of one kind.
        case(Overview, "上年结转的行政复议案件1件。", t(), &[]),
        // A part of the lawsuits, not the applications carried over.
        case(
            Overview,
            "行政诉讼2件，其中1件为上年结转。",
            t().direct([2, 0, 0, 0]),
            &[],
        ),
        // Regression (raised N.REV before): one pending case, not all cases.
        case(
            Overview,
            "行政复议案件中，1件尚未审结。",
            t().review([2, 0, 0, 1]),
            &[],
        ),
        // Article numbers and a time limit.
        case(
            Overview,
            "依据《行政复议法》第九条，申请人可以自知道该行政行为之日起六十日内提出行政复议申请。",
            t(),
            &[],
        ),
        case(Overview, "行政复议机关依照第二十八条作出决定。", t(), &[]),
        // Regression (raised N.REV before): a change against last year.
        case(
            Overview,
            "较上年减少行政复议2件。",
            t().review([1, 0, 0, 0]),
            &[],
        ),
    ]);
}

#[test]
fn n_lit_lawsuits() {
    check(&[
        case(
            Overview,
            "本年度被提起行政诉讼3件。",
            t().direct([1, 0, 0, 0]),
            &["N.LIT"],
        ),
        // Missed before: one group of lawsuits named.
        case(
            Overview,
            "未经复议直接起诉的行政诉讼1件。",
            t().after([1, 0, 0, 0]),
            &["N.LIT"],
        ),
        case(Overview, "经复议后提起行政诉讼的案件2件。", t(), &["N.LIT"]),
        case(
            Overview,
            "本年度共发生政府信息公开行政诉讼案件2宗。",
            t().direct([1, 0, 0, 0]),
            &["N.LIT"],
        ),
        case(
            Overview,
            "行政诉讼案件1件，法院判决驳回原告诉讼请求。",
            t().direct([1, 0, 0, 0]),
            &[],
        ),
        case(Overview, "行政复议、行政诉讼均为0件。", t(), &[]),
        case(
            Overview,
            "行政诉讼2件，其中未经复议直接起诉1件、复议后起诉1件。",
            t().direct([1, 0, 0, 0]).after([1, 0, 0, 0]),
            &[],
        ),
    ]);
}

#[test]
fn n_docs_documents_issued() {
    check(&[
        case(
            Overview,
            "本年度主动公开规章2件、规范性文件7件。",
            t(),
            &["N.DOCS", "N.DOCS"],
        ),
        case(
            Overview,
            "全年制发行政规范性文件五件。",
            t().normative(3),
            &["N.DOCS"],
        ),
        // Documents among the items proactively disclosed are those published.
        case(
            Overview,
            "主动公开政府信息1200条，其中规章2件、规范性文件5件。",
            t().regulations(2).normative(4),
            &["N.DOCS"],
        ),
        case(
            Overview,
            "现行有效规范性文件共45件。",
            t().normative(3),
            &[],
        ),
        case(
            Overview,
            "本年度印发规范性文件2件，废止规范性文件3件。",
            t().normative(2),
            &[],
        ),
        case(
            Overview,
            "建立健全信息公开规章制度12项，主动公开各类信息。",
            t().regulations(0),
            &[],
        ),
        case(
            Overview,
            "依照《条例》第二十条第（一）项，及时主动公开规章和规范性文件。",
            t(),
            &[],
        ),
        // Regression: `第三次` is a rank, not three regulations.
        case(
            Overview,
            "本年度主动公开规章，经局第三次党组会议审议通过。",
            t(),
            &[],
        ),
        case(
            Overview,
            "本年度清理规范性文件20件，其中保留15件。",
            t(),
            &[],
        ),
        // Documents counted among the information published, a part of it.
        case(
            Overview,
            "全年在门户网站发布各类信息2356条，其中规范性文件28件，政策解读35篇。",
            t().normative(3),
            &[],
        ),
    ]);
}

#[test]
fn n_none_app_no_application() {
    check(&[
        case(
            Overview,
            "本年度未收到政府信息公开申请。",
            t().received(3),
            &["N.NONE-APP"],
        ),
        case(
            Overview,
            "全年没有收到公民、法人或其他组织提出的政府信息公开申请。",
            t().received(2),
            &["N.NONE-APP"],
        ),
        // Missed before: the wording the specification lists for N.NONE-APP.
        case(
            Overview,
            "本年度未发生依申请公开政府信息的情况。",
            t().received(1),
            &["N.NONE-APP"],
        ),
        case(
            Overview,
            "本年度未收到人大代表建议和政协委员提案。",
            t().received(3),
            &[],
        ),
        // Regression: one channel denied, not every application.
        case(
            Overview,
            "本年度未收到网上政府信息公开申请，申请均以信函方式提交。",
            t().received(3),
            &[],
        ),
        case(Overview, "未收到行政复议申请。", t().received(3), &[]),
        // Applications that qualify what is denied, not denied themselves.
        case(
            Overview,
            "全年无因政府信息公开申请引起的行政复议及行政诉讼案件。",
            t().received(3),
            &[],
        ),
        // Regression (raised N.NONE-APP before): a kind of application.
        case(
            Overview,
            "本年度未收到涉密事项的政府信息公开申请。",
            t().received(3),
            &[],
        ),
        case(
            Overview,
            "本单位未收到过任何政府信息公开申请。",
            t().received(2),
            &["N.NONE-APP"],
        ),
        // Regression: a plan.
        case(
            Problems,
            "下一步，我局将优化申请渠道，避免出现群众有诉求却未收到申请回执的情况。",
            t().received(3),
            &[],
        ),
        // Regression: another year (dated wrong, which N.YEAR says).
        case(
            Overview,
            "2022年，我局未收到政府信息公开申请。",
            t().received(3),
            &["N.YEAR"],
        ),
    ]);
}

#[test]
fn n_none_lit_no_case() {
    check(&[
        case(
            Overview,
            "全年未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。",
            t().review([1, 0, 0, 0]),
            &["N.NONE-LIT"],
        ),
        case(
            Overview,
            "本年度未发生政府信息公开行政诉讼案件。",
            t().direct([1, 0, 0, 0]),
            &["N.NONE-LIT"],
        ),
        // Missed before: the negation after a colon.
        case(
            Overview,
            "行政复议、行政诉讼情况：无。",
            t().review([1, 0, 0, 0]),
            &["N.NONE-LIT"],
        ),
        case(
            Reviews,
            "未发生行政复议、行政诉讼。",
            t().direct([0, 0, 0, 1]),
            &["N.NONE-LIT"],
        ),
        // Missed before: `无` as the negation.
        case(
            Overview,
            "全年无因政府信息公开申请引起的行政复议及行政诉讼案件。",
            t().review([1, 0, 0, 0]),
            &["N.NONE-LIT"],
        ),
        // Missed before: the negation after a comma.
        case(
            Overview,
            "行政诉讼方面，无。",
            t().direct([1, 0, 0, 0]),
            &["N.NONE-LIT"],
        ),
        // The negation names lawsuits only.
        case(
            Overview,
            "行政诉讼方面，无。",
            t().review([1, 0, 0, 0]),
            &[],
        ),
        // Regression: a negation of one group among several.
        case(
            Overview,
            "本年度发生政府信息公开行政复议1起，未发生行政诉讼。",
            t().review([1, 0, 0, 0]),
            &[],
        ),
        // Regression: "not corrected" says nothing of whether a case happened.
        case(
            Overview,
            "该行政复议件未被复议审查机关纠错。",
            t().review([1, 0, 0, 0]),
            &[],
        ),
        // Regression (raised N.NONE-LIT before): a correction denied, not a case.
        case(
            Overview,
            "未发生行政复议被纠错的情况。",
            t().review([2, 0, 0, 0]),
            &[],
        ),
        // Regression (raised N.NONE-LIT before): lawsuits denied, a reconsideration stated.
        case(
            Overview,
            "全年未发生行政诉讼，行政复议1件已审结并维持原决定。",
            t().review([1, 0, 0, 0]),
            &[],
        ),
        // Regression (raised N.NONE-LIT before): lawsuits after a reconsideration denied.
        case(
            Overview,
            "未出现因不服行政复议决定提起行政诉讼的情况。",
            t().review([1, 0, 0, 0]),
            &[],
        ),
        // Regression: another year.
        case(
            Overview,
            "2022年未发生行政复议和行政诉讼。",
            t().review([1, 0, 0, 0]),
            &[],
        ),
    ]);
}

#[test]
fn n_alldone_every_application_handled() {
    check(&[
        case(
            Overview,
            "本年度收到的政府信息公开申请均已按时办结。",
            t().received(3).forward(2),
            &["N.ALLDONE"],
        ),
        case(
            Overview,
            "所有申请全部办理完毕。",
            t().received(3).forward(1),
            &["N.ALLDONE"],
        ),
        // Regression: last year's applications, a part.
        case(
            Overview,
            "上年结转的2件申请已全部办结。",
            t().received(3).over(2).forward(1),
            &[],
        ),
        // Regression: the rest, after the one carried forward.
        case(
            Overview,
            "除1件结转下年度办理外，其余申请均已办结。",
            t().received(3).forward(1),
            &[],
        ),
        // Regression (raised N.ALLDONE before): every case, not every application.
        case(
            Overview,
            "因政府信息公开申请引发行政复议2件，均已办结。",
            t().received(3).forward(1).review([2, 0, 0, 0]),
            &[],
        ),
        case(
            Overview,
            "申请均在法定期限内予以答复。",
            t().received(3).forward(1),
            &[],
        ),
        case(
            Problems,
            "下一步，确保所有申请均按时办结。",
            t().received(3).forward(1),
            &[],
        ),
        // Regression: not applications for information.
        case(
            Overview,
            "今年共办理农作物种子许可审批13件，均已办结。",
            t().received(3).forward(2),
            &[],
        ),
    ]);
}

#[test]
fn n_upheld_every_decision_upheld() {
    check(&[
        case(
            Overview,
            "行政复议案件均维持原行政行为。",
            t().review([1, 1, 0, 0]),
            &["N.UPHELD"],
        ),
        case(
            Overview,
            "行政复议和行政诉讼均获维持。",
            t().review([1, 0, 0, 0]).direct([0, 0, 0, 1]),
            &["N.UPHELD"],
        ),
        // Missed before: no correction in any group.
        case(
            Overview,
            "全年未出现政府信息公开工作被纠错的情况。",
            t().direct([0, 1, 0, 0]),
            &["N.UPHELD"],
        ),
        // Missed before (raised N.NONE-LIT instead): a correction denied.
        case(
            Overview,
            "该行政复议件未被复议审查机关纠错。",
            t().review([0, 1, 0, 0]),
            &["N.UPHELD"],
        ),
        // Regression: the claim names reconsiderations only.
        case(
            Overview,
            "行政复议案件均维持原行政行为。",
            t().review([1, 0, 0, 0]).direct([0, 1, 0, 0]),
            &[],
        ),
        // Regression (raised N.UPHELD before): every reconsideration upheld, a lawsuit pending.
        case(
            Overview,
            "行政复议均维持，行政诉讼1件尚未审结。",
            t().review([1, 0, 0, 0]).direct([0, 0, 0, 1]),
            &[],
        ),
        case(
            Overview,
            "维持原行政行为的案件占全部复议案件的50%。",
            t().review([1, 1, 0, 0]),
            &[],
        ),
    ]);
}

#[test]
fn n_year_dates() {
    check(&[
        case(
            Overview,
            "2022年，我局进一步规范依申请公开办理流程。",
            t(),
            &["N.YEAR"],
        ),
        case(Problems, "（二）2023年工作计划", t(), &["N.YEAR"]),
        // A sentence with a future marker never raises N.YEAR, even one
        // dated in the report year; a plan's heading does (above).
        case(Problems, "2023年，我局将进一步加强政务公开培训。", t(), &[]),
        // Regression: dated next year, so not compared with the table either.
        case(
            Overview,
            "2024年度，我局未发生政府信息公开行政复议案件。",
            t().review([1, 0, 0, 0]),
            &["N.YEAR"],
        ),
        // Missed before: a year in Chinese numerals.
        case(
            Overview,
            "二〇二二年，我局进一步健全公开制度。",
            t(),
            &["N.YEAR"],
        ),
        // Regression (raised N.YEAR before): a future marker anywhere in the sentence.
        case(
            Overview,
            "2022年，我局规范了依申请公开流程，下一步将继续完善。",
            t(),
            &[],
        ),
        // Missed before (raised N.NONE-APP instead): a count of the tables
        // dated years before, a stale text.
        case(
            Overview,
            "2020年，我中心未收到政府信息公开申请。",
            t().received(3),
            &["N.YEAR"],
        ),
        // Missed before (raised N.NONE-LIT instead).
        case(
            Overview,
            "2021年度，我局未发生行政复议和行政诉讼案件。",
            t().review([1, 0, 0, 0]),
            &["N.YEAR"],
        ),
        // History, not a count of the tables.
        case(
            Overview,
            "2018年，我局成立了政务公开工作领导小组。",
            t(),
            &[],
        ),
        // Regression: plans for next year in section 5.
        case(Problems, "2024年，我区将采取以下措施加以改进。", t(), &[]),
        // Regression (raised N.YEAR before): section 5 on the next year, with no future marker.
        case(
            Problems,
            "2024年，我局继续深化政务公开标准化建设。",
            t(),
            &[],
        ),
        // Regression: a comparison with last year.
        case(
            Overview,
            "2022年，我局收到申请10件，2023年收到12件，同比增长20%。",
            t().received(12),
            &[],
        ),
        // Regression (raised N.YEAR before): last year's case set beside
        // this year.
        case(
            Overview,
            "2022年，我局被提起行政诉讼1件，该案已于本年度审结。",
            t().direct([1, 0, 0, 0]),
            &[],
        ),
        // Regression: the rectification of last year's problems.
        case(
            Problems,
            "2022年，我局对上年度报告中指出的问题进行了整改。",
            t(),
            &[],
        ),
        // Regression: a plan for next year outside section 5.
        case(
            Overview,
            "2024年，我局计划在门户网站开设政策解读专栏。",
            t(),
            &[],
        ),
        case(
            Problems,
            "下一步，我局将在2024年进一步完善公开目录。",
            t(),
            &[],
        ),
        case(
            Overview,
            "2022年以来，我局累计公开政府信息3000余条。",
            t(),
            &[],
        ),
        // `将` as in "puts X into Y", not a plan.
        case(
            Overview,
            "2023年，我局将政务公开工作纳入年度绩效考核。",
            t(),
            &[],
        ),
        case(Problems, "（一）2022年度问题整改情况", t(), &[]),
        case(
            Overview,
            "2022年12月，我局发布了政府信息公开指南。",
            t(),
            &[],
        ),
        case(
            Overview,
            "根据《2023年政务公开工作要点》，本机关持续推进基层政务公开。",
            t(),
            &[],
        ),
        // Regression (raised N.YEAR before): a plan for next year in section 5.
        case(
            Problems,
            "2024年，我局将继续做好政府信息公开工作，力争依申请公开按期答复率100%。",
            t(),
            &[],
        ),
    ]);
}

/// The first narrative finding of one case.
fn first_finding(place: Place, sentence: &'static str, tables: Tables) -> Finding {
    let findings = narrative_findings(&case(place, sentence, tables, &[]));
    findings.into_iter().next().expect("a narrative finding")
}

#[test]
fn a_finding_shows_the_claim_it_read() {
    let new = first_finding(
        Overview,
        "本年度新收政府信息公开申请12件。",
        t().received(10),
    );
    let claim = new.claim.as_ref().expect("a claim");
    assert_eq!(claim.quantity, Quantity::NewApplications);
    assert_eq!(claim.amount, Amount::Count(12.0));
    assert_eq!(claim.unit.as_deref(), Some("件"));
    assert_eq!(claim.scope, Scope::Whole);
    assert_eq!(claim.period, Period::ReportYear);
    assert_eq!(claim.tense, Tense::Done);
    assert_eq!((new.found, new.expected), (Some(12.0), Some(10.0)));
    assert!(
        new.message.contains("数量=本年新收申请；数值=12件"),
        "{}",
        new.message
    );
    assert!(
        new.message_en
            .contains("(read: quantity=new applications; amount=12 件; scope=whole; period=report year; tense=done)"),
        "{}",
        new.message_en
    );

    let lawsuits = first_finding(
        Overview,
        "本年度发生政府信息公开行政复议1起，未发生行政诉讼。",
        t().review([1, 0, 0, 0]).direct([1, 0, 0, 0]),
    );
    assert_eq!(lawsuits.rule, Rule::NNoneLit);
    let claim = lawsuits.claim.as_ref().expect("a claim");
    assert_eq!(claim.amount, Amount::Absent);
    assert_eq!(
        claim.groups,
        vec![
            ReviewGroup::LitigationDirect,
            ReviewGroup::LitigationAfterReview
        ]
    );
    assert_eq!(
        lawsuits
            .cells
            .iter()
            .map(|c| c.key.as_str())
            .collect::<Vec<_>>(),
        ["t4.lit_direct.total", "t4.lit_after_review.total"]
    );

    let stale = first_finding(
        Overview,
        "2020年，我中心未收到政府信息公开申请。",
        t().received(3),
    );
    assert_eq!(stale.rule, Rule::NYear);
    let claim = stale.claim.as_ref().expect("a claim");
    assert_eq!(
        (claim.quantity, &claim.amount, claim.period),
        (
            Quantity::ReceivedApplications,
            &Amount::Absent,
            Period::Year(2020)
        )
    );

    let year = first_finding(Problems, "（二）2023年工作计划", t());
    let claim = year.claim.as_ref().expect("a claim");
    assert_eq!(
        (claim.period, claim.tense),
        (Period::ReportYear, Tense::Planned)
    );
}

#[cfg(feature = "serde")]
#[test]
fn the_claim_is_serialized_beside_the_finding() {
    let new = first_finding(
        Overview,
        "本年度新收政府信息公开申请12件。",
        t().received(10),
    );
    let json = serde_json::to_value(&new).unwrap();
    assert_eq!(json["claim"]["quantity"], "new_applications");
    assert_eq!(json["claim"]["amount"]["count"], 12.0);
    assert_eq!(json["claim"]["period"], "report_year");
    let back: Finding = serde_json::from_value(json).unwrap();
    assert_eq!(back, new);
    // A table finding has no claim and no `claim` key.
    let report = parse_report(&report_text(&case(
        Overview,
        "无。",
        t().received(3).forward(5),
        &[],
    )));
    let table = validate(&report)
        .into_iter()
        .find(|f| f.rule.as_str().starts_with("T3."))
        .expect("a table finding");
    assert!(table.claim.is_none());
    assert!(serde_json::to_value(&table).unwrap().get("claim").is_none());
}
