//! Non-negativity (T3.NN, T4.NN, T2.NN): counts are whole numbers ≥ 0,
//! except where the template allows a change (本年增/减) or an amount.

use super::identity::{Term, cell_of, simple};
use super::{Finding, Rule, Status};
use crate::ast::{Cell, CellValue};

/// Whether a cell breaks non-negativity (or is unreadable): cheap, so the
/// names of a finding are only built for the cells that need one.
/// `allow_negative` for 本年增/减, `allow_decimal` for money amounts.
pub fn nn_suspect(cell: &Cell, allow_negative: bool, allow_decimal: bool) -> bool {
    match &cell.value {
        CellValue::Integer(n) => *n < 0 && !allow_negative,
        CellValue::Decimal(d) => !allow_decimal || (d.starts_with('-') && !allow_negative),
        CellValue::Text => true,
        _ => false,
    }
}

/// The finding of a cell that is negative, fractional where counts are
/// whole, or unreadable; `None` when it is a valid count.
pub fn non_negative(
    rule: Rule,
    table_zh: &str,
    key: String,
    name: (String, String),
    cell: &Cell,
    allow_negative: bool,
    allow_decimal: bool,
) -> Option<Finding> {
    let term = Term::new(key.clone(), name.0.clone(), name.1.clone(), Some(cell));
    let cells: Vec<_> = cell_of(&term).into_iter().collect();
    let (status, zh, en) = match &cell.value {
        CellValue::Integer(n) if *n < 0 && !allow_negative => (
            Status::Fail,
            format!("{n} 为负数"),
            format!("{n} is negative"),
        ),
        CellValue::Decimal(d) if !allow_decimal => (
            Status::Fail,
            format!("{d} 不是整数"),
            format!("{d} is not a whole number"),
        ),
        CellValue::Decimal(d) if d.starts_with('-') && !allow_negative => (
            Status::Fail,
            format!("{d} 为负数"),
            format!("{d} is negative"),
        ),
        CellValue::Text => (
            Status::NotAssessable,
            format!("“{}”无法识别为数字", cell.raw),
            format!("\"{}\" is not a number", cell.raw),
        ),
        _ => return None,
    };
    let unassessable = if status == Status::NotAssessable {
        vec![key.clone()]
    } else {
        Vec::new()
    };
    Some(Finding {
        blank_cells: unassessable.clone(),
        unassessable,
        ..simple(
            rule,
            status,
            key,
            cell.span,
            cells,
            format!("{table_zh} {}：{zh}", name.0),
            format!("{} {}: {en}", table_en(table_zh), name.1),
        )
    })
}

fn table_en(table_zh: &str) -> &'static str {
    match table_zh {
        "表二" => "Table 2",
        "表三" => "Table 3",
        _ => "Table 4",
    }
}
