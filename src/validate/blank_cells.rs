//! Blank cells (S.EMPTY): tables 3 and 4 with many blank or placeholder
//! cells.

use super::identity::simple;
use super::{Finding, Rule, Status};
use crate::ast::{AnnualReport, CellValue};

/// S.EMPTY.
pub fn blank_cells(report: &AnnualReport, out: &mut Vec<Finding>) {
    let blanks = |cells: Vec<&CellValue>| {
        cells
            .into_iter()
            .filter(|v| matches!(v, CellValue::Empty | CellValue::Placeholder))
            .count()
    };
    if let Some(t) = report.table3() {
        let n = blanks(
            t.rows
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| &c.value))
                .collect(),
        );
        if n > 10 {
            out.push(simple(
                Rule::SEmpty,
                Status::Fail,
                "t3",
                t.span,
                Vec::new(),
                format!("表三有{n}个空白或“/”单元格"),
                format!("table 3 has {n} blank or placeholder cells"),
            ));
        }
    }
    if let Some(t) = report.table4() {
        let n = blanks(t.cells.iter().map(|c| &c.value).collect());
        if n > 5 {
            out.push(simple(
                Rule::SEmpty,
                Status::Fail,
                "t4",
                t.span,
                Vec::new(),
                format!("表四有{n}个空白或“/”单元格"),
                format!("table 4 has {n} blank or placeholder cells"),
            ));
        }
    }
}
