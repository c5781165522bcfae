//! The arithmetic the templates impose, used to split digit runs: a table 3
//! row's 总计 is the sum of its six applicant cells; per column, 本年新收 +
//! 上年结转 = （七）总计 + 结转下年度 and （七）总计 = the sum of the result
//! rows; in table 4 each group's 总计 is the sum of its four outcomes.
//!
//! A run's split is taken only when every joint assignment of the table's
//! runs that satisfies every identity that can be checked gives that run the
//! same split; with no such assignment, nothing is taken.

use super::runs::{Budget, MAX_CELL_DIGITS, Split, splits};
use crate::ast::RequestsRowKey;
use std::collections::HashSet;

const COLUMNS: usize = 7;

/// Every split of a table 3 row's run into seven cells whose total is the
/// sum of the others, or `None` when the search ran out of budget (the
/// splits found so far may not be all of them). The total is tried first —
/// it is the end of the run — and the six applicant cells must add up to it.
pub fn requests_row_splits(run: &str, budget: &mut Budget) -> Option<Vec<Split>> {
    let mut out = Vec::new();
    for total_len in 1..=MAX_CELL_DIGITS.min(run.len()) {
        let cut = run.len() - total_len;
        let (Some(prefix), Some(total_text)) = (run.get(..cut), run.get(cut..)) else {
            continue;
        };
        if total_text.len() > 1 && total_text.starts_with('0') {
            continue;
        }
        let Ok(total) = total_text.parse::<i64>() else {
            continue;
        };
        let found = splits(
            prefix,
            &[false; COLUMNS - 1],
            usize::MAX,
            budget,
            &|cells| cells.iter().sum::<i64>() > total,
            &|cells| cells.iter().sum::<i64>() == total,
        );
        if budget.exhausted() {
            return None;
        }
        out.extend(found.into_iter().map(|mut split| {
            split.ranges.push((cut, run.len()));
            split.values.push(total);
            split
        }));
    }
    Some(out)
}

/// What is known of one table 3 row before the joint search.
#[derive(Debug, Clone)]
pub enum RowCells {
    /// Cells read directly; `None` for a cell that is not a number.
    Known([Option<i64>; COLUMNS]),
    /// A run with these candidate splits (each satisfying the row identity).
    Runs(Vec<[i64; COLUMNS]>),
}

/// The identities of table 3, per column: balance (一 + 二 = 三 + 四) and
/// result (（七）总计 = sum of the result rows). Returns the coefficient of
/// row `key` in identity `id` (0..7 balance, 7..14 result).
fn coefficient(key: RequestsRowKey, id: usize) -> i64 {
    let balance = id < COLUMNS;
    match key {
        RequestsRowKey::NewReceived | RequestsRowKey::CarriedOver if balance => 1,
        RequestsRowKey::CarriedForward if balance => -1,
        RequestsRowKey::TotalProcessed => {
            if balance {
                -1
            } else {
                1
            }
        }
        k if !balance && k.is_result_leaf() => -1,
        _ => 0,
    }
}

type State = [i64; 2 * COLUMNS];

/// The certain split of each row of table 3, given every expected row
/// (`expected`, the template's rows) and what is known of the rows present.
/// Returns, for each entry of `rows`, the index of its only feasible
/// candidate when it is a run, exactly one candidate is feasible and at
/// least one column identity that involves the row can be checked.
pub fn solve_requests(
    expected: &[RequestsRowKey],
    rows: &[(RequestsRowKey, RowCells)],
    budget: &mut Budget,
) -> Vec<Option<usize>> {
    let mut out = vec![None; rows.len()];
    // An identity can be checked when every row it needs is present with a
    // value in its column (a known number, or a run with candidates).
    let mut checkable = [true; 2 * COLUMNS];
    for (id, check) in checkable.iter_mut().enumerate() {
        let column = id % COLUMNS;
        for key in expected.iter().filter(|k| coefficient(**k, id) != 0) {
            let present = rows.iter().any(|(k, cells)| {
                *k == *key
                    && match cells {
                        RowCells::Known(values) => values.get(column).copied().flatten().is_some(),
                        RowCells::Runs(candidates) => !candidates.is_empty(),
                    }
            });
            if !present {
                *check = false;
            }
        }
    }
    let contribution = |key: RequestsRowKey, cells: &[i64]| -> State {
        let mut state = [0i64; 2 * COLUMNS];
        for (id, slot) in state.iter_mut().enumerate() {
            if checkable.get(id).copied().unwrap_or(false) {
                let value = cells.get(id % COLUMNS).copied().unwrap_or(0);
                *slot = coefficient(key, id) * value;
            }
        }
        state
    };
    let add = |a: &State, b: &State| -> State {
        let mut sum = *a;
        for (s, v) in sum.iter_mut().zip(b) {
            *s = s.saturating_add(*v);
        }
        sum
    };
    // Constants from the known rows.
    let mut start = [0i64; 2 * COLUMNS];
    for (key, cells) in rows {
        if let RowCells::Known(values) = cells {
            let known: Vec<i64> = values.iter().map(|v| v.unwrap_or(0)).collect();
            start = add(&start, &contribution(*key, &known));
        }
    }
    // One layer per run row.
    let layers: Vec<(usize, Vec<State>)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, (key, cells))| match cells {
            RowCells::Runs(candidates) if !candidates.is_empty() => Some((
                i,
                candidates.iter().map(|c| contribution(*key, c)).collect(),
            )),
            _ => None,
        })
        .collect();
    let mut forward: Vec<HashSet<State>> = vec![HashSet::from([start])];
    for (_, moves) in &layers {
        let mut next = HashSet::new();
        if let Some(states) = forward.last() {
            for s in states {
                for m in moves {
                    if !budget.spend() {
                        return out;
                    }
                    next.insert(add(s, m));
                }
            }
        }
        forward.push(next);
    }
    let zero = [0i64; 2 * COLUMNS];
    let mut good: HashSet<State> = forward
        .last()
        .filter(|last| last.contains(&zero))
        .map(|_| HashSet::from([zero]))
        .unwrap_or_default();
    if good.is_empty() {
        // No assignment satisfies the identities: nothing is certain.
        return out;
    }
    for (layer, (row, moves)) in layers.iter().enumerate().rev() {
        let Some(states) = forward.get(layer) else {
            return out;
        };
        let mut feasible = vec![false; moves.len()];
        let mut previous_good = HashSet::new();
        for s in states {
            for (c, m) in moves.iter().enumerate() {
                if !budget.spend() {
                    return vec![None; rows.len()];
                }
                if good.contains(&add(s, m)) {
                    previous_good.insert(*s);
                    if let Some(f) = feasible.get_mut(c) {
                        *f = true;
                    }
                }
            }
        }
        // A row is taken only when some identity across rows checks it: a
        // row whose column identities cannot be checked is held only by its
        // own total, which a misprint in it can satisfy by a wrong split.
        let key = rows.get(*row).map(|(k, _)| *k);
        let cross_checked = key.is_some_and(|k| {
            (0..2 * COLUMNS)
                .any(|id| checkable.get(id).copied().unwrap_or(false) && coefficient(k, id) != 0)
        });
        let mut which = feasible.iter().enumerate().filter(|(_, f)| **f);
        if let (Some((only, _)), None, true) = (which.next(), which.next(), cross_checked)
            && let Some(slot) = out.get_mut(*row)
        {
            *slot = Some(only);
        }
        good = previous_good;
    }
    out
}

/// The split of a table 4 run into its 15 cells, when exactly one split
/// makes each group's 总计 the sum of its four outcomes.
pub fn reviews_split(run: &str, budget: &mut Budget) -> Option<Split> {
    const GROUP: usize = 5;
    let group_holds = |cells: &[i64]| {
        !cells.len().is_multiple_of(GROUP)
            || cells.chunks(GROUP).last().is_some_and(|g| {
                g.iter().take(GROUP - 1).sum::<i64>() == g.last().copied().unwrap_or(-1)
            })
    };
    // Prune a prefix as soon as a completed group breaks its identity.
    let found = splits(
        run,
        &[false; 3 * GROUP],
        2,
        budget,
        &|cells| !group_holds(cells),
        &|_| true,
    );
    if budget.exhausted() || found.len() != 1 {
        return None;
    }
    found.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use RequestsRowKey::*;

    fn runs(run: &str) -> RowCells {
        let found = requests_row_splits(run, &mut Budget::new()).unwrap_or_default();
        RowCells::Runs(
            found
                .iter()
                .map(|s| {
                    let mut cells = [0i64; COLUMNS];
                    for (c, v) in cells.iter_mut().zip(&s.values) {
                        *c = *v;
                    }
                    cells
                })
                .collect(),
        )
    }

    #[test]
    fn row_identity_splits() {
        let found = requests_row_splits("640020470", &mut Budget::new()).unwrap_or_default();
        assert_eq!(
            found.iter().map(|s| s.values.clone()).collect::<Vec<_>>(),
            vec![vec![64, 0, 0, 2, 0, 4, 70]]
        );
        // Two splits satisfy the row identity here.
        let RowCells::Runs(two) = runs("0200201133") else {
            unreachable!()
        };
        assert_eq!(
            two,
            vec![[0, 2, 0, 0, 20, 11, 33], [0, 20, 0, 2, 0, 11, 33]]
        );
    }

    fn known(cells: [i64; COLUMNS]) -> RowCells {
        RowCells::Known(cells.map(Some))
    }

    const ROWS: [RequestsRowKey; 5] = [
        NewReceived,
        CarriedOver,
        Granted,
        TotalProcessed,
        CarriedForward,
    ];

    #[test]
    fn column_identities_pick_between_row_candidates() {
        // 本年新收 is a run with two row-identity splits; the balance of each
        // column tells which one the table holds.
        let rows = vec![
            (NewReceived, runs("0200201133")),
            (CarriedOver, known([0; COLUMNS])),
            (Granted, known([0, 20, 0, 2, 0, 11, 33])),
            (TotalProcessed, known([0, 20, 0, 2, 0, 11, 33])),
            (CarriedForward, known([0; COLUMNS])),
        ];
        let solved = solve_requests(&ROWS, &rows, &mut Budget::new());
        assert_eq!(solved, vec![Some(1), None, None, None, None]);
    }

    #[test]
    fn a_run_whose_identities_cannot_be_checked_keeps_its_ambiguity() {
        // Without 结转下年度 the balance cannot be checked; the result rows
        // then fix （七）总计 but nothing fixes 本年新收.
        let rows = vec![
            (NewReceived, runs("0200201133")),
            (CarriedOver, known([0; COLUMNS])),
            (Granted, known([0, 20, 0, 2, 0, 11, 33])),
            (TotalProcessed, known([0, 20, 0, 2, 0, 11, 33])),
        ];
        let solved = solve_requests(&ROWS, &rows, &mut Budget::new());
        assert_eq!(solved.first(), Some(&None));
    }

    #[test]
    fn broken_identities_leave_everything_untaken() {
        let rows = vec![
            (NewReceived, runs("0200201133")),
            (CarriedOver, known([0; COLUMNS])),
            (Granted, known([5, 0, 0, 0, 0, 0, 5])),
            (TotalProcessed, known([5, 0, 0, 0, 0, 0, 5])),
            (CarriedForward, known([0; COLUMNS])),
        ];
        assert_eq!(
            solve_requests(&ROWS, &rows, &mut Budget::new()),
            vec![None; 5]
        );
    }

    #[test]
    fn reviews_runs_split_by_group_totals() {
        let split = reviews_split("00121022490013078621", &mut Budget::new());
        assert_eq!(
            split.map(|s| s.values),
            Some(vec![0, 0, 12, 10, 22, 4, 9, 0, 0, 13, 0, 7, 8, 6, 21])
        );
        // All zeros but one group total that no split makes a sum: none.
        assert_eq!(reviews_split("000000000000001", &mut Budget::new()), None);
    }
}
