//! Cross-table rules within one report: C.FEE6 (fee notices in table 3
//! against section 六) and C.T3T4 (table 4 cases without applications).

use super::identity::{Key, Term, cell_of, number, simple};
use super::section_content::section_text;
use super::{Finding, FindingCell, Rule, Status};
use crate::ast::{
    AnnualReport, ApplicantColumn, RequestsRowKey, ReviewGroup, ReviewOutcome, SectionKind,
};

fn total_of(report: &AnnualReport, row: RequestsRowKey) -> Option<(f64, Term<'_>)> {
    let cell = report.table3()?.cell(row, ApplicantColumn::Total);
    let term = Term::new(
        Key::cell("t3", row.key(), "total"),
        row.key(),
        row.key(),
        cell,
    );
    Some((cell?.value.as_f64()?, term))
}

/// C.FEE6 and C.T3T4.
pub fn cross_table(report: &AnnualReport, out: &mut Vec<Finding>) {
    // C.FEE6: fee notices issued (V2021 （六）2) but section 六 is silent on 信息处理费.
    if let Some((fees, term)) = total_of(report, RequestsRowKey::OtherFeeUnpaid)
        && fees > 0.0
        && let Some(six) = section_text(report, SectionKind::OtherMatters)
        && !six.contains("信息处理费")
    {
        let span = report
            .section(SectionKind::OtherMatters)
            .map(|s| s.span)
            .unwrap_or_default();
        out.push(simple(
            Rule::CFee6,
            Status::Fail,
            "section6",
            span,
            cell_of(&term).into_iter().collect(),
            format!("表三有{}件因逾期未缴费不再处理，第六部分未提及信息处理费", number(fees)),
            format!("table 3 counts {} applications dropped for unpaid fees; section 6 does not mention 信息处理费", number(fees)),
        ));
    }
    // C.T3T4: review or litigation cases while no application was received or carried over.
    if let (Some((new, a)), Some((over, b))) = (
        total_of(report, RequestsRowKey::NewReceived),
        total_of(report, RequestsRowKey::CarriedOver),
    ) && new + over == 0.0
        && let Some(t4) = report.table4()
    {
        let totals: Vec<_> = ReviewGroup::ALL
            .iter()
            .filter_map(|g| t4.cell(*g, ReviewOutcome::Total))
            .collect();
        let cases: f64 = totals.iter().filter_map(|c| c.value.as_f64()).sum();
        if cases > 0.0 {
            let mut cells: Vec<_> = [a, b].iter().filter_map(cell_of).collect();
            cells.extend(totals.iter().map(|c| FindingCell {
                key: "t4.total".into(),
                raw: c.raw.clone(),
                span: c.span,
                year: None,
                inferred: c.inferred,
            }));
            out.push(simple(
                Rule::CT3T4,
                Status::Fail,
                "t4",
                t4.span,
                cells,
                format!("本年无新收和结转申请，表四却有{}件复议、诉讼（可能源于往年案件）", number(cases)),
                format!("no application this year or carried over, yet {} review or litigation cases (possibly older cases)", number(cases)),
            ));
        }
    }
}
