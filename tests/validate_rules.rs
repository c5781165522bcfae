//! One test per validation rule: a small report text that passes it and one
//! that fails it, both parsed with `parse_report`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::tables::T3_LABELS_2019;

use gov_disclosure_report::validate::{
    Finding, Rule, RuleClass, Status, ValidateOptions, validate, validate_series, validate_with,
};
use gov_disclosure_report::{Severity, parse_report};
use std::collections::BTreeMap;

/// A small report, consistent by default: every count 0.
#[derive(Clone)]
struct Report {
    year: i32,
    t2_2021: bool,
    t2: BTreeMap<(&'static str, usize), &'static str>,
    t3: BTreeMap<(usize, usize), &'static str>,
    t4: BTreeMap<usize, &'static str>,
    overview: &'static str,
    problems: &'static str,
    agency: &'static str,
}

impl Report {
    fn new() -> Self {
        Report {
            year: 2020,
            t2_2021: false,
            t2: BTreeMap::new(),
            t3: BTreeMap::new(),
            t4: BTreeMap::new(),
            overview: "本年度依法依规开展政府信息公开工作。",
            problems: "上年问题已全部整改。一是公开内容不够丰富，二是解读形式单一，将进一步改进。",
            agency: "某县人民政府",
        }
    }

    fn t3(mut self, row: usize, col: usize, v: &'static str) -> Self {
        self.t3.insert((row, col), v);
        self
    }

    /// `n` new applications from natural persons, all granted.
    fn granted(self, n: &'static str) -> Self {
        self.t3(NEW, PERSON, n)
            .t3(NEW, TOTAL, n)
            .t3(GRANTED, PERSON, n)
            .t3(GRANTED, TOTAL, n)
            .t3(TOTAL_PROCESSED, PERSON, n)
            .t3(TOTAL_PROCESSED, TOTAL, n)
    }

    fn text(&self) -> String {
        let mut s = format!(
            "{}{}年政府信息公开工作年度报告\n一、总体情况\n{}\n二、主动公开政府信息情况\n",
            self.agency, self.year, self.overview
        );
        let cell = |item: &'static str, i: usize| self.t2.get(&(item, i)).copied().unwrap_or("0");
        if self.t2_2021 {
            s.push_str("第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n");
            for item in ["规章", "行政规范性文件"] {
                s.push_str(&format!(
                    "{item}\t{}\t{}\t{}\n",
                    cell(item, 0),
                    cell(item, 1),
                    cell(item, 2)
                ));
            }
            s.push_str("第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n");
            s.push_str(&format!("行政事业性收费\t{}\n", cell("行政事业性收费", 0)));
        } else {
            s.push_str(
                "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n",
            );
            for item in ["规章", "规范性文件"] {
                s.push_str(&format!(
                    "{item}\t{}\t{}\t{}\n",
                    cell(item, 0),
                    cell(item, 1),
                    cell(item, 2)
                ));
            }
            s.push_str("第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n");
            for item in ["行政许可", "其他对外管理服务事项"] {
                s.push_str(&format!(
                    "{item}\t{}\t{}\t{}\n",
                    cell(item, 0),
                    cell(item, 1),
                    cell(item, 2)
                ));
            }
        }
        s.push_str("三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n");
        for (r, label) in T3_LABELS_2019.iter().enumerate() {
            let values: Vec<&str> = (0..7)
                .map(|c| self.t3.get(&(r, c)).copied().unwrap_or("0"))
                .collect();
            s.push_str(&format!("{label}\t{}\n", values.join("\t")));
        }
        s.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n");
        let t4: Vec<&str> = (0..15)
            .map(|i| self.t4.get(&i).copied().unwrap_or("0"))
            .collect();
        s.push_str(&format!("{}\n", t4.join("\t")));
        s.push_str(&format!(
            "五、存在的主要问题及改进情况\n{}\n六、其他需要报告的事项\n无。\n",
            self.problems
        ));
        s
    }

    fn findings(&self) -> Vec<Finding> {
        validate(&parse_report(&self.text()))
    }
}

/// The findings of `rule`, given by its id (a typo panics).
fn of(findings: &[Finding], rule: &str) -> Vec<Finding> {
    let rule: Rule = rule.parse().unwrap();
    findings
        .iter()
        .filter(|f| f.rule == rule)
        .cloned()
        .collect()
}

fn fails(findings: &[Finding], rule: &str) -> usize {
    of(findings, rule)
        .iter()
        .filter(|f| f.status == Status::Fail)
        .count()
}

#[test]
fn the_consistent_base_report_raises_nothing() {
    let findings = Report::new().findings();
    assert!(findings.is_empty(), "{findings:#?}");
}

// Row indexes in T3_LABELS_2019, and columns.
const NEW: usize = 0;
const OVER: usize = 1;
const GRANTED: usize = 2;
const SECRET: usize = 4;
const TOTAL_PROCESSED: usize = 21;
const FORWARD: usize = 22;
const PERSON: usize = 0;
const TOTAL: usize = 6;

#[test]
fn t3_bal_fails_when_inflow_and_outflow_differ() {
    let passing = Report::new()
        .t3(NEW, PERSON, "5")
        .t3(NEW, TOTAL, "5")
        .t3(GRANTED, PERSON, "3")
        .t3(GRANTED, TOTAL, "3")
        .t3(TOTAL_PROCESSED, PERSON, "3")
        .t3(TOTAL_PROCESSED, TOTAL, "3")
        .t3(FORWARD, PERSON, "2")
        .t3(FORWARD, TOTAL, "2");
    assert!(passing.findings().is_empty(), "{:#?}", passing.findings());
    let failing = passing
        .clone()
        .t3(FORWARD, PERSON, "1")
        .t3(FORWARD, TOTAL, "1");
    let findings = failing.findings();
    let bal = of(&findings, "T3.BAL");
    assert_eq!(bal.len(), 2);
    let total = bal.iter().find(|f| f.scope == "total").unwrap();
    assert_eq!(
        (total.expected, total.found, total.difference),
        (Some(4.0), Some(5.0), Some(1.0))
    );
    assert_eq!(total.severity, Severity::Error);
    assert_eq!(
        total.message,
        "表三 总计列：本年新收(5)+上年结转(0) ≠ 办理结果总计(3)+结转下年度(1)"
    );
    assert!(
        total
            .message_en
            .starts_with("Table 3, column total: new received (5)")
    );
    assert_eq!(total.cells.len(), 4);
    // The root failure comes before any derived one.
    assert_eq!(findings.first().map(|f| f.rule.as_str()), Some("T3.BAL"));
}

#[test]
fn t3_res_fails_when_results_do_not_sum_to_the_total() {
    let failing = Report::new()
        .t3(TOTAL_PROCESSED, PERSON, "2")
        .t3(TOTAL_PROCESSED, TOTAL, "2")
        .t3(NEW, PERSON, "2")
        .t3(NEW, TOTAL, "2");
    let findings = failing.findings();
    assert_eq!(fails(&findings, "T3.RES"), 2);
    assert_eq!(fails(&findings, "T3.BAL"), 0);
}

#[test]
fn t3_col_fails_when_applicants_do_not_sum_to_the_total_column() {
    let failing = Report::new().t3(SECRET, PERSON, "1");
    let findings = failing.findings();
    let col = of(&findings, "T3.COL");
    assert_eq!(col.len(), 1);
    assert_eq!(col[0].scope, "denied.state_secret");
    assert_eq!(col[0].status, Status::Fail);
}

#[test]
fn a_blank_total_with_filled_parts_is_said_once_per_row() {
    let report = Report::new()
        .t3(NEW, PERSON, "3")
        .t3(NEW, TOTAL, "")
        .t3(GRANTED, PERSON, "3")
        .t3(GRANTED, TOTAL, "3")
        .t3(TOTAL_PROCESSED, PERSON, "3")
        .t3(TOTAL_PROCESSED, TOTAL, "3");
    let findings = report.findings();
    let col = of(&findings, "T3.COL");
    assert_eq!(col.len(), 1);
    assert_eq!(col[0].status, Status::NotAssessable);
    assert!(col[0].message.contains("总计为空"));
    // No cascade: the total column's balance is not reported again.
    assert!(of(&findings, "T3.BAL").is_empty(), "{findings:#?}");
}

#[test]
fn a_blank_or_placeholder_cell_is_never_read_as_zero() {
    let report = Report::new().t3(FORWARD, PERSON, "/");
    let findings = report.findings();
    let bal = of(&findings, "T3.BAL");
    assert_eq!(bal.len(), 1);
    assert_eq!(bal[0].status, Status::NotAssessable);
    assert!(bal[0].message.contains("结转下年度为“/”"));
    // Lenient mode reads it as zero and says so.
    let lenient = validate_with(
        &parse_report(&report.text()),
        &ValidateOptions::default().blanks_as_zero(true),
    );
    assert!(of(&lenient, "T3.BAL").is_empty());
    let report = Report::new()
        .t3(FORWARD, PERSON, "/")
        .t3(NEW, PERSON, "1")
        .t3(NEW, TOTAL, "1");
    let lenient = validate_with(
        &parse_report(&report.text()),
        &ValidateOptions::default().blanks_as_zero(true),
    );
    let bal = of(&lenient, "T3.BAL");
    let person = bal.iter().find(|f| f.scope == "natural_person").unwrap();
    assert!(person.blanks_as_zero && person.message.contains("空白按0计"));
}

#[test]
fn one_blank_row_is_one_finding_listing_every_column_it_leaves_unassessed() {
    let mut report = Report::new();
    for col in 0..7 {
        report = report.t3(FORWARD, col, "");
    }
    let findings = report.findings();
    let bal = of(&findings, "T3.BAL");
    assert_eq!(bal.len(), 1, "{bal:#?}");
    assert_eq!(bal[0].status, Status::NotAssessable);
    assert_eq!(bal[0].scope, "carried_forward");
    assert_eq!(
        bal[0].unassessable,
        [
            "natural_person",
            "commercial",
            "research",
            "social_welfare",
            "legal_service",
            "other_org",
            "total"
        ]
    );
    assert_eq!(bal[0].blank_cells.len(), 7);
    assert!(
        bal[0]
            .blank_cells
            .iter()
            .all(|k| k.starts_with("t3.carried_forward."))
    );
    assert!(bal[0].message.starts_with("表三 自然人列、商业企业列、"));
    assert!(bal[0].message.ends_with("总计列：无法核对，结转下年度为空"));
    // A blank in one column alone stays a finding about that column.
    let findings = Report::new().t3(FORWARD, PERSON, "").findings();
    let bal = of(&findings, "T3.BAL");
    assert_eq!(bal.len(), 1);
    assert_eq!(bal[0].scope, "natural_person");
    assert_eq!(bal[0].unassessable, ["natural_person"]);
    assert_eq!(bal[0].blank_cells, ["t3.carried_forward.natural_person"]);
}

#[test]
fn one_blank_column_is_one_finding_listing_every_row_it_leaves_unassessed() {
    let mut report = Report::new();
    for row in 0..T3_LABELS_2019.len() {
        report = report.t3(row, 2, "/");
    }
    let findings = report.findings();
    let col = of(&findings, "T3.COL");
    assert_eq!(col.len(), 1, "{col:#?}");
    assert_eq!(col[0].scope, "research");
    assert_eq!(col[0].unassessable.len(), T3_LABELS_2019.len());
    assert_eq!(col[0].unassessable[0], "new_received");
    assert_eq!(col[0].cells.len(), T3_LABELS_2019.len());
    assert!(col[0].cells.iter().all(|c| c.raw == "/"));
    // Table 4: 尚未审结 blank in all three groups.
    let mut report = Report::new();
    for group in 0..3 {
        report.t4.insert(group * 5 + 3, "/");
    }
    let sum = of(&report.findings(), "T4.SUM");
    assert_eq!(sum.len(), 1, "{sum:#?}");
    assert_eq!(sum[0].scope, "pending");
    assert_eq!(
        sum[0].unassessable,
        ["review", "lit_direct", "lit_after_review"]
    );
}

#[test]
fn failures_stay_one_finding_per_identity() {
    let mut report = Report::new();
    for col in 0..7 {
        report = report.t3(FORWARD, col, "1");
    }
    let findings = report.findings();
    assert_eq!(fails(&findings, "T3.BAL"), 7);
    assert!(
        of(&findings, "T3.BAL")
            .iter()
            .all(|f| f.unassessable.is_empty() && f.blank_cells.is_empty())
    );
}

#[test]
fn blank_totals_in_several_rows_are_said_once() {
    let report = Report::new()
        .t3(NEW, PERSON, "3")
        .t3(NEW, TOTAL, "")
        .t3(GRANTED, PERSON, "3")
        .t3(GRANTED, TOTAL, "")
        .t3(TOTAL_PROCESSED, PERSON, "3")
        .t3(TOTAL_PROCESSED, TOTAL, "3");
    let findings = report.findings();
    let col = of(&findings, "T3.COL");
    assert_eq!(col.len(), 1, "{col:#?}");
    assert_eq!(col[0].scope, "total");
    assert_eq!(col[0].unassessable, ["new_received", "granted"]);
    assert_eq!(
        col[0].blank_cells,
        ["t3.new_received.total", "t3.granted.total"]
    );
    assert!(col[0].message.contains("本年新收、予以公开行总计为空"));
    // The checks on the total column are skipped, not repeated.
    assert!(of(&findings, "T3.BAL").is_empty(), "{findings:#?}");
    assert!(of(&findings, "T3.RES").is_empty(), "{findings:#?}");
}

#[test]
fn t3_nn_fails_on_negative_or_fractional_counts() {
    assert_eq!(fails(&Report::new().findings(), "T3.NN"), 0);
    let findings = Report::new()
        .t3(SECRET, PERSON, "-1")
        .t3(SECRET, TOTAL, "-1")
        .findings();
    assert_eq!(fails(&findings, "T3.NN"), 2);
    let findings = Report::new().t3(SECRET, 1, "0.5").findings();
    assert_eq!(fails(&findings, "T3.NN"), 1);
}

#[test]
fn derived_checks_apply_where_the_balance_cannot_be_assessed() {
    // 结转 is blank, so T3.BAL is not assessable; 总计 exceeds the inflow.
    let report = Report::new()
        .t3(FORWARD, PERSON, "")
        .t3(NEW, PERSON, "1")
        .t3(NEW, TOTAL, "1")
        .t3(GRANTED, PERSON, "3")
        .t3(GRANTED, TOTAL, "3")
        .t3(TOTAL_PROCESSED, PERSON, "3")
        .t3(TOTAL_PROCESSED, TOTAL, "3");
    let findings = report.findings();
    assert_eq!(fails(&findings, "T3.D1"), 1);
    let d1 = of(&findings, "T3.D1");
    assert_eq!(d1[0].class, RuleClass::Derived);
    // D2: nothing in, yet a result.
    let report = Report::new()
        .t3(FORWARD, PERSON, "")
        .t3(GRANTED, PERSON, "2");
    let findings = report.findings();
    assert!(fails(&findings, "T3.D2") >= 1, "{findings:#?}");
    // D3: a leaf above the total where T3.RES cannot be assessed.
    let report = Report::new()
        .t3(SECRET, PERSON, "")
        .t3(GRANTED, PERSON, "4")
        .t3(GRANTED, TOTAL, "4");
    let findings = report.findings();
    // Column 自然人: T3.RES cannot be assessed, so D3 speaks; column 总计: T3.RES itself fails.
    assert_eq!(fails(&findings, "T3.D3"), 1, "{findings:#?}");
    assert_eq!(of(&findings, "T3.D3")[0].scope, "granted.natural_person");
    assert!(
        of(&findings, "T3.RES")
            .iter()
            .any(|f| f.scope == "total" && f.status == Status::Fail)
    );
    // With every cell filled, no derived check runs.
    assert_eq!(fails(&Report::new().findings(), "T3.D1"), 0);
}

#[test]
fn t4_sum_and_nn() {
    let mut report = Report::new();
    report.t4.insert(0, "2");
    report.t4.insert(4, "2");
    assert!(of(&report.findings(), "T4.SUM").is_empty());
    report.t4.insert(4, "3");
    let findings = report.findings();
    let sum = of(&findings, "T4.SUM");
    assert_eq!(sum.len(), 1);
    assert_eq!(sum[0].scope, "review");
    assert_eq!(
        sum[0].message,
        "表四 行政复议：结果维持(2)+结果纠正(0)+其他结果(0)+尚未审结(0) ≠ 总计(3)"
    );
    let mut report = Report::new();
    report.t4.insert(10, "-1");
    report.t4.insert(14, "-1");
    assert_eq!(fails(&report.findings(), "T4.NN"), 2);
}

#[test]
fn t2_rules_of_the_2019_template() {
    let mut report = Report::new();
    report.t2.insert(("规范性文件", 0), "5");
    report.t2.insert(("规范性文件", 1), "5");
    report.t2.insert(("规范性文件", 2), "40");
    report.t2.insert(("行政许可", 0), "10");
    report.t2.insert(("行政许可", 1), "-4");
    assert!(report.findings().is_empty(), "{:#?}", report.findings());
    report.t2.insert(("规范性文件", 2), "3");
    report.t2.insert(("规范性文件", 1), "6");
    report.t2.insert(("行政许可", 1), "-12");
    let findings = report.findings();
    assert_eq!(fails(&findings, "T2.A19"), 1);
    assert_eq!(fails(&findings, "T2.B19"), 1);
    assert_eq!(fails(&findings, "T2.C19"), 1);
    assert_eq!(of(&findings, "T2.C19")[0].severity, Severity::Error);
    assert_eq!(of(&findings, "T2.A19")[0].severity, Severity::Warning);
    assert_eq!(of(&findings, "T2.B19")[0].severity, Severity::Info);
    // 本年增/减 may be negative; other counts may not.
    assert_eq!(fails(&findings, "T2.NN"), 0);
    report.t2.insert(("规章", 0), "-1");
    assert_eq!(fails(&report.findings(), "T2.NN"), 1);
}

#[test]
fn t2_rules_of_the_2021_template() {
    let mut report = Report {
        year: 2021,
        t2_2021: true,
        ..Report::new()
    };
    report.t2.insert(("行政规范性文件", 0), "5");
    report.t2.insert(("行政规范性文件", 1), "1");
    report.t2.insert(("行政规范性文件", 2), "30");
    report.t2.insert(("行政事业性收费", 0), "12.5");
    let findings = report.findings();
    assert!(
        of(&findings, "T2.A21").is_empty()
            && of(&findings, "T2.B21").is_empty()
            && of(&findings, "T2.NN").is_empty()
    );
    report.t2.insert(("行政规范性文件", 2), "2");
    let findings = report.findings();
    assert_eq!(fails(&findings, "T2.A21"), 1);
    assert_eq!(fails(&findings, "T2.B21"), 1);
    report.t2.insert(("行政事业性收费", 0), "125000元");
    assert_eq!(fails(&report.findings(), "T2.FEE"), 1);
}

#[test]
fn t2_reg_flags_regulations_by_an_agency_that_cannot_make_them() {
    let mut report = Report::new();
    report.t2.insert(("规章", 0), "3");
    report.t2.insert(("规章", 1), "3");
    report.t2.insert(("规章", 2), "3");
    assert!(of(&report.findings(), "T2.REG").is_empty());
    report.agency = "某县农业农村局";
    assert_eq!(fails(&report.findings(), "T2.REG"), 1);
}

#[test]
fn narrative_counts_against_the_tables() {
    let base = Report::new().granted("3");
    let agreeing = Report {
        overview: "本年度新收政府信息公开申请3件，上年结转0件，结转下年度0件。行政复议0件，行政诉讼0件。",
        ..base.clone()
    };
    assert!(agreeing.findings().is_empty(), "{:#?}", agreeing.findings());
    let disagreeing = Report {
        overview: "本年度新收政府信息公开申请5件，上年结转2件，结转下年度1件。被申请行政复议1件，行政诉讼2件。",
        ..base
    };
    let findings = disagreeing.findings();
    for rule in ["N.NEW", "N.CARRYIN", "N.CARRYOUT", "N.REV", "N.LIT"] {
        let f = of(&findings, rule);
        assert_eq!(f.len(), 1, "{rule}: {findings:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(!f[0].span.is_empty());
    }
    let new = &of(&findings, "N.NEW")[0];
    assert_eq!((new.found, new.expected), (Some(5.0), Some(3.0)));
}

#[test]
fn narrative_claims_against_the_tables() {
    let base = Report::new();
    let claims = Report {
        overview: "本年度未收到政府信息公开申请。全年未发生行政复议、行政诉讼。申请均已办结。复议案件均获维持。",
        ..base.clone()
    };
    assert!(claims.findings().is_empty(), "{:#?}", claims.findings());
    let mut contradicted = claims
        .clone()
        .t3(NEW, PERSON, "2")
        .t3(NEW, TOTAL, "2")
        .t3(FORWARD, PERSON, "2")
        .t3(FORWARD, TOTAL, "2");
    contradicted.t4.insert(1, "1");
    contradicted.t4.insert(4, "1");
    let findings = contradicted.findings();
    for rule in ["N.NONE-APP", "N.NONE-LIT", "N.ALLDONE", "N.UPHELD"] {
        assert_eq!(fails(&findings, rule), 1, "{rule}: {findings:#?}");
    }
}

#[test]
fn narrative_year_against_the_report_year() {
    let ok = Report {
        overview: "2020年，我局扎实推进政务公开。",
        ..Report::new()
    };
    assert!(of(&ok.findings(), "N.YEAR").is_empty());
    let stale = Report {
        overview: "2019年，我局扎实推进政务公开。",
        ..Report::new()
    };
    assert_eq!(fails(&stale.findings(), "N.YEAR"), 1);
    let plan = Report {
        problems: "（二）2020年工作计划。一是加强培训，二是完善制度，三是强化监督。",
        ..Report::new()
    };
    assert_eq!(fails(&plan.findings(), "N.YEAR"), 1);
}

#[test]
fn structure_rules() {
    let report = parse_report(
        "某局2020年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n五、存在的主要问题及改进情况\n无。\n",
    );
    let findings = validate(&report);
    assert_eq!(fails(&findings, "S.SIX"), 3, "{findings:#?}");
    assert_eq!(fails(&findings, "S.TABLES"), 1);
    assert_eq!(fails(&findings, "S.SEC5"), 1);
    let full = Report::new().findings();
    for rule in [
        "S.SIX",
        "S.TABLES",
        "S.SEC5",
        "S.HYBRID",
        "X.VERSION",
        "S.EMPTY",
    ] {
        assert!(of(&full, rule).is_empty(), "{rule}");
    }
}

#[test]
fn template_version_hybrid_and_blank_counts() {
    // A 2021 report with 2019 tables: X.VERSION twice.
    let late = Report {
        year: 2021,
        ..Report::new()
    };
    assert_eq!(fails(&late.findings(), "X.VERSION"), 2);
    // 2021 table 2 with a 2019 table 3: S.HYBRID.
    let hybrid = Report {
        year: 2021,
        t2_2021: true,
        ..Report::new()
    };
    let findings = hybrid.findings();
    assert_eq!(fails(&findings, "S.HYBRID"), 1);
    assert_eq!(fails(&findings, "X.VERSION"), 1);
    let mut blank = Report::new();
    for r in 4..16 {
        blank.t3.insert((r, 1), "/");
    }
    assert_eq!(fails(&blank.findings(), "S.EMPTY"), 1);
}

#[test]
fn cross_year_rules() {
    let y1 = Report::new()
        .t3(NEW, PERSON, "2")
        .t3(NEW, TOTAL, "2")
        .t3(FORWARD, PERSON, "2")
        .t3(FORWARD, TOTAL, "2");
    let mut y1 = y1;
    y1.t2.insert(("行政许可", 0), "10");
    y1.t2.insert(("行政许可", 1), "2");
    let mut y2 = Report {
        year: 2021,
        ..Report::new()
    }
    .t3(OVER, PERSON, "2")
    .t3(OVER, TOTAL, "2")
    .t3(GRANTED, PERSON, "2")
    .t3(GRANTED, TOTAL, "2")
    .t3(TOTAL_PROCESSED, PERSON, "2")
    .t3(TOTAL_PROCESSED, TOTAL, "2");
    y2.t2.insert(("行政许可", 0), "12");
    let (a, b) = (parse_report(&y1.text()), parse_report(&y2.text()));
    assert!(
        validate_series(&[&b, &a]).is_empty(),
        "{:#?}",
        validate_series(&[&b, &a])
    );
    let y2_bad = y2.clone().t3(OVER, PERSON, "1").t3(OVER, TOTAL, "1");
    let mut y2_bad = y2_bad;
    y2_bad.t2.insert(("行政许可", 0), "11");
    let c = parse_report(&y2_bad.text());
    let findings = validate_series(&[&a, &c]);
    assert_eq!(fails(&findings, "X.CARRY"), 2, "{findings:#?}");
    assert_eq!(fails(&findings, "X.ITEMS"), 1);
    let carry = of(&findings, "X.CARRY");
    assert!(
        carry[0].cells.iter().any(|c| c.year == Some(2020))
            && carry[0].cells.iter().any(|c| c.year == Some(2021))
    );
    // Reports two years apart are not compared.
    let far = Report {
        year: 2022,
        ..y2_bad.clone()
    };
    assert!(validate_series(&[&a, &parse_report(&far.text())]).is_empty());
}

#[test]
fn cross_year_stock_of_documents_in_force() {
    let mut y1 = Report {
        year: 2021,
        t2_2021: true,
        ..Report::new()
    };
    y1.t2.insert(("行政规范性文件", 2), "30");
    let mut y2 = Report {
        year: 2022,
        t2_2021: true,
        ..Report::new()
    };
    y2.t2.insert(("行政规范性文件", 0), "5");
    y2.t2.insert(("行政规范性文件", 1), "2");
    y2.t2.insert(("行政规范性文件", 2), "33");
    let (a, b) = (parse_report(&y1.text()), parse_report(&y2.text()));
    assert!(of(&validate_series(&[&a, &b]), "X.DOCS").is_empty());
    y2.t2.insert(("行政规范性文件", 2), "40");
    let b = parse_report(&y2.text());
    assert_eq!(fails(&validate_series(&[&a, &b]), "X.DOCS"), 1);
    // 对外公开总数量 must not shrink between two 2019-template years.
    let mut p1 = Report {
        year: 2019,
        ..Report::new()
    };
    p1.t2.insert(("规章", 2), "9");
    p1.t2.insert(("规章", 1), "0");
    let p2 = Report::new();
    let findings = validate_series(&[&parse_report(&p1.text()), &parse_report(&p2.text())]);
    assert_eq!(fails(&findings, "X.PUB19"), 1, "{findings:#?}");
}

#[test]
fn grouping_by_agency_never_merges_names() {
    let a = parse_report(&Report::new().text());
    let b = parse_report(
        &Report {
            agency: "某县农业农村局",
            ..Report::new()
        }
        .text(),
    );
    let c = parse_report(
        &Report {
            year: 2021,
            ..Report::new()
        }
        .text(),
    );
    let reports = vec![a, b, c];
    let groups = gov_disclosure_report::validate::group_by_agency(&reports);
    assert_eq!(groups.iter().map(Vec::len).collect::<Vec<_>>(), vec![2, 1]);
}

#[test]
fn t3_sub_checks_a_subtotal_printed_on_a_group_caption() {
    let text = |subtotal: &str| {
        Report::new().text().replace(
            "（三）不予公开\t1.属于国家秘密",
            &format!("（三）不予公开\t{subtotal}\t0\t0\t0\t0\t0\t{subtotal}\n1.属于国家秘密"),
        )
    };
    assert!(of(&validate(&parse_report(&text("0"))), "T3.SUB").is_empty());
    let findings = validate(&parse_report(&text("4")));
    assert_eq!(fails(&findings, "T3.SUB"), 2, "{findings:#?}");
}

#[test]
fn more_narrative_counts() {
    let base = Report::new().granted("3");
    let agreeing = Report {
        overview: "共收到政府信息公开申请3件，共办结3件。本年主动公开规章0件、规范性文件0件。",
        ..base.clone()
    };
    assert!(agreeing.findings().is_empty(), "{:#?}", agreeing.findings());
    let disagreeing = Report {
        overview: "共收到政府信息公开申请4件，共办结5件。本年主动公开规章2件、规范性文件7件。",
        ..base
    };
    let findings = disagreeing.findings();
    assert_eq!(fails(&findings, "N.RECV"), 1);
    assert_eq!(fails(&findings, "N.DONE"), 1);
    assert_eq!(fails(&findings, "N.DOCS"), 2);
}

#[test]
fn cross_table_rules() {
    // C.T3T4: cases in table 4 without any application this year.
    let mut report = Report::new();
    report.t4.insert(0, "1");
    report.t4.insert(4, "1");
    assert_eq!(fails(&report.findings(), "C.T3T4"), 1);
    assert!(of(&Report::new().findings(), "C.T3T4").is_empty());
    // T4.W1: a high correction rate.
    let mut high = Report::new().granted("9");
    high.t4.insert(0, "3");
    high.t4.insert(1, "2");
    high.t4.insert(4, "5");
    assert_eq!(fails(&high.findings(), "T4.W1"), 1);
    high.t4.insert(0, "5");
    high.t4.insert(1, "0");
    assert!(of(&high.findings(), "T4.W1").is_empty());
}

#[test]
fn c_fee6_wants_section_six_to_mention_fees() {
    let mut text = String::from(
        "某局2022年度政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n",
    );
    let labels = [
        "本年新收",
        "上年结转",
        "予以公开",
        "部分公开",
        "国家秘密",
        "禁止公开",
        "三安全一稳定",
        "第三方",
        "内部事务",
        "过程性",
        "执法案卷",
        "行政查询",
        "不掌握",
        "另行制作",
        "不明确",
        "信访",
        "重复申请",
        "出版物",
        "大量反复",
        "重新出具",
        "逾期不补正",
        "缴纳费用",
        "3.其他",
        "（七）总计",
        "结转下年度",
    ];
    for label in labels {
        let v = if matches!(label, "本年新收" | "缴纳费用" | "（七）总计") {
            "2"
        } else {
            "0"
        };
        text.push_str(&format!("{label}\t{v}\t0\t0\t0\t0\t0\t{v}\n"));
    }
    let silent = format!("{text}六、其他需要报告的事项\n无。\n");
    let findings = validate(&parse_report(&silent));
    assert_eq!(fails(&findings, "C.FEE6"), 1, "{findings:#?}");
    assert_eq!(fails(&findings, "S.SEC6-FEE"), 1);
    let told = format!("{text}六、其他需要报告的事项\n本年度未收取信息处理费。\n");
    let findings = validate(&parse_report(&told));
    assert!(of(&findings, "C.FEE6").is_empty() && of(&findings, "S.SEC6-FEE").is_empty());
}

#[test]
fn report_quality_rules() {
    let base = Report::new().text();
    let findings = validate(&parse_report(&base));
    for rule in [
        "S.NUMBERING",
        "S.PERIOD",
        "S.AGENCY",
        "S.SEC5-PREV",
        "S.TEXTQ",
    ] {
        assert!(of(&findings, rule).is_empty(), "{rule}");
    }
    let renumbered = base.replace(
        "三、收到和处理政府信息公开申请情况",
        "二、收到和处理政府信息公开申请情况",
    );
    assert_eq!(
        fails(&validate(&parse_report(&renumbered)), "S.NUMBERING"),
        1
    );
    let period = base.replacen(
        "\n一、总体情况",
        "\n本报告统计期限为2019年1月1日至2019年12月31日。\n一、总体情况",
        1,
    );
    assert_eq!(fails(&validate(&parse_report(&period)), "S.PERIOD"), 1);
    let signed = format!("{base}某县人民政府\n2021年1月20日\n");
    assert!(of(&validate(&parse_report(&signed)), "S.AGENCY").is_empty());
    let other = format!("{base}某市生态环境局办公室 2021年1月20日\n");
    assert_eq!(fails(&validate(&parse_report(&other)), "S.AGENCY"), 1);
    let no_rectification = Report {
        problems: "一是公开内容不够丰富，二是解读形式单一，将进一步改进。",
        ..Report::new()
    };
    assert_eq!(fails(&no_rectification.findings(), "S.SEC5-PREV"), 1);
    let doubled = Report {
        overview: "加强资金资金管理。",
        ..Report::new()
    };
    assert_eq!(fails(&doubled.findings(), "S.TEXTQ"), 1);
}

#[test]
fn year_on_year_jumps_and_copied_narrative() {
    let y1 = Report::new().granted("20");
    let y2 = Report {
        year: 2021,
        ..Report::new()
    }
    .granted("30");
    let (a, b) = (parse_report(&y1.text()), parse_report(&y2.text()));
    assert!(of(&validate_series(&[&a, &b]), "X.JUMP").is_empty());
    let y3 = Report {
        year: 2021,
        ..Report::new()
    }
    .granted("200");
    let c = parse_report(&y3.text());
    assert_eq!(fails(&validate_series(&[&a, &c]), "X.JUMP"), 2);
    // X.DUP: the same long narrative two years running.
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/corpus/seeds/text/004_ff8175c4a9c0c8a3.txt"
    ))
    .unwrap();
    let prose: String = seed
        .lines()
        .filter(|l| l.contains('。'))
        .collect::<Vec<_>>()
        .join("");
    let long: &'static str = Box::leak(prose.into_boxed_str());
    let d1 = parse_report(
        &Report {
            overview: long,
            ..Report::new()
        }
        .text(),
    );
    let d2 = parse_report(
        &Report {
            overview: long,
            year: 2021,
            ..Report::new()
        }
        .text(),
    );
    assert_eq!(fails(&validate_series(&[&d1, &d2]), "X.DUP"), 1);
    assert!(of(&validate_series(&[&a, &b]), "X.DUP").is_empty());
}
