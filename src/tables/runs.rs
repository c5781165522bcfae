//! Digit runs: a table flattened without separators (BeautifulSoup's
//! `get_text()`, many scrapers and web archives) prints each row's cells as
//! one run of digits, `640020470` for 64 / 0 / 0 / 2 / 0 / 4 / 70. A run is
//! split into cells only where the table's own arithmetic leaves exactly one
//! way to do it; otherwise nothing is taken.
//!
//! Cells are canonical numbers: no leading zero (but `0` itself), at most
//! [`MAX_CELL_DIGITS`] digits, a decimal point only in a cell that allows
//! one. Enumeration is bounded ([`MAX_STEPS`]), so a hostile run costs
//! constant time and yields no split.

/// The most digits one cell may have.
pub const MAX_CELL_DIGITS: usize = 9;

/// The most search steps spent on one run before the search gives up, and
/// nothing is taken. A real row of table 3 (a run of 20-odd digits) takes a
/// few thousand.
pub const MAX_STEPS: usize = 200_000;

/// The most search steps spent on all the runs of one table, and again on
/// the joint search over them: a bounded cost per table whatever the input.
pub const TABLE_STEPS: usize = 1_000_000;

/// One way to split a run: byte ranges of the cells within the run and their
/// values (decimals scaled by [`Split::scale`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// `(start, end)` of each cell within the run text.
    pub ranges: Vec<(usize, usize)>,
    /// Each cell's value; a decimal cell's digits without the point.
    pub values: Vec<i64>,
}

/// A cell's canonical value, if `text` is a canonical number: digits with no
/// leading zero (or `0`), optionally one decimal point with digits on both
/// sides where `decimal` allows it.
fn cell_value(text: &str, decimal: bool) -> Option<i64> {
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 || digits > MAX_CELL_DIGITS {
        return None;
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) if decimal && !w.is_empty() && !f.is_empty() => (w, Some(f)),
        Some(_) => return None,
        None => (text, None),
    };
    if whole.len() > 1 && whole.starts_with('0') {
        return None;
    }
    if !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let mut joined = String::with_capacity(digits);
    joined.push_str(whole);
    if let Some(f) = fraction {
        joined.push_str(f);
    }
    joined.parse().ok()
}

/// A bounded search budget shared by one run or one table.
#[derive(Debug)]
pub struct Budget {
    left: usize,
}

impl Budget {
    /// A budget of [`MAX_STEPS`].
    pub fn new() -> Self {
        Budget { left: MAX_STEPS }
    }

    /// A budget of `steps` steps (a whole table's searches).
    pub fn with_steps(steps: usize) -> Self {
        Budget { left: steps }
    }

    /// Spends one step; `false` once the budget is exhausted.
    pub fn spend(&mut self) -> bool {
        if self.left == 0 {
            return false;
        }
        self.left -= 1;
        true
    }

    /// Whether the budget ran out: a search cut short found only some of
    /// its answers, and callers must not take any of them as the only one.
    pub fn exhausted(&self) -> bool {
        self.left == 0
    }
}

/// Every split of `run` into `decimals.len()` cells that `accept` takes,
/// `decimals[i]` telling whether cell `i` may hold a decimal point. `accept`
/// sees each complete split; `prune` sees each prefix of cells and may cut
/// the search. Stops after `cap` accepted splits or when the budget runs out
/// (then the result is incomplete: callers check [`Budget::exhausted`]).
pub fn splits(
    run: &str,
    decimals: &[bool],
    cap: usize,
    budget: &mut Budget,
    prune: &dyn Fn(&[i64]) -> bool,
    accept: &dyn Fn(&[i64]) -> bool,
) -> Vec<Split> {
    let mut out = Vec::new();
    let mut ranges = Vec::with_capacity(decimals.len());
    let mut values = Vec::with_capacity(decimals.len());
    let digits = run.bytes().filter(u8::is_ascii_digit).count();
    // Every cell takes between one and MAX_CELL_DIGITS digits.
    if digits < decimals.len() || digits > decimals.len() * MAX_CELL_DIGITS {
        return out;
    }
    let mut search = Search {
        run,
        decimals,
        cap,
        prune,
        accept,
        out: &mut out,
    };
    search.step(0, &mut ranges, &mut values, budget);
    out
}

struct Search<'s> {
    run: &'s str,
    decimals: &'s [bool],
    cap: usize,
    prune: &'s dyn Fn(&[i64]) -> bool,
    accept: &'s dyn Fn(&[i64]) -> bool,
    out: &'s mut Vec<Split>,
}

impl Search<'_> {
    fn step(
        &mut self,
        at: usize,
        ranges: &mut Vec<(usize, usize)>,
        values: &mut Vec<i64>,
        budget: &mut Budget,
    ) {
        if self.out.len() >= self.cap || !budget.spend() {
            return;
        }
        let cell = values.len();
        let Some(&decimal) = self.decimals.get(cell) else {
            if at == self.run.len() && (self.accept)(values) {
                self.out.push(Split {
                    ranges: ranges.clone(),
                    values: values.clone(),
                });
            }
            return;
        };
        let cells_after = self.decimals.len() - cell - 1;
        let rest = self.run.len() - at;
        // Leave at least one byte for each later cell, and no more than the
        // later cells can hold.
        let longest = rest.saturating_sub(cells_after).min(MAX_CELL_DIGITS + 1);
        let shortest = rest
            .saturating_sub(cells_after * (MAX_CELL_DIGITS + 1))
            .max(1);
        for len in shortest..=longest {
            let end = at + len;
            let Some(text) = self.run.get(at..end) else {
                continue;
            };
            // A cell never ends on its decimal point.
            if text.ends_with('.') {
                continue;
            }
            let Some(value) = cell_value(text, decimal) else {
                // A longer cell starting with `0` is never canonical.
                if text == "0" || text.starts_with('0') {
                    break;
                }
                continue;
            };
            ranges.push((at, end));
            values.push(value);
            if !(self.prune)(values) {
                self.step(end, ranges, values, budget);
            }
            ranges.pop();
            values.pop();
            if text == "0" {
                // `0` is the only canonical cell starting with a zero.
                break;
            }
        }
    }
}

/// The cells of a run split into `decimals.len()` columns with no arithmetic
/// to check, where a column may also be blank (its cell left no trace):
/// `Some` only when exactly one assignment of canonical numbers and blanks
/// spells the run. `000` in three columns is `0 / 0 / 0`; `968` is not
/// split (`9 / 6 / 8`, `96 / 8 / blank`, `968 / blank / blank`, …).
pub fn unique_split(
    run: &str,
    decimals: &[bool],
    budget: &mut Budget,
) -> Option<Vec<Option<(usize, usize)>>> {
    let columns = decimals.len();
    if columns == 0 || columns > 8 {
        return None;
    }
    let mut found: Option<Vec<Option<(usize, usize)>>> = None;
    // Every choice of the columns that hold a number.
    for mask in 1u32..(1 << columns) {
        let filled: Vec<usize> = (0..columns).filter(|c| mask & (1 << c) != 0).collect();
        let filled_decimals: Vec<bool> = filled
            .iter()
            .map(|c| decimals.get(*c).copied().unwrap_or(false))
            .collect();
        for split in splits(run, &filled_decimals, 2, budget, &|_| false, &|_| true) {
            if found.is_some() {
                return None;
            }
            let mut cells = vec![None; columns];
            for (c, range) in filled.iter().zip(&split.ranges) {
                if let Some(cell) = cells.get_mut(*c) {
                    *cell = Some(*range);
                }
            }
            found = Some(cells);
        }
        if budget.exhausted() {
            return None;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(run: &str, cells: usize, accept: &dyn Fn(&[i64]) -> bool) -> Vec<Vec<i64>> {
        let decimals = vec![false; cells];
        splits(run, &decimals, 100, &mut Budget::new(), &|_| false, accept)
            .into_iter()
            .map(|s| s.values)
            .collect()
    }

    #[test]
    fn cells_are_canonical_numbers() {
        assert_eq!(values("000", 3, &|_| true), vec![vec![0, 0, 0]]);
        assert_eq!(values("0010", 3, &|_| true), vec![vec![0, 0, 10]]);
        assert!(values("00", 3, &|_| true).is_empty());
        assert_eq!(values("105", 2, &|_| true), vec![vec![10, 5]]);
    }

    #[test]
    fn a_row_total_leaves_one_split() {
        // 64 / 0 / 0 / 2 / 0 / 4 / 70: the last cell is the sum of the others.
        let row_sum = |v: &[i64]| v.iter().take(6).sum::<i64>() == v.get(6).copied().unwrap_or(-1);
        assert_eq!(
            values("640020470", 7, &row_sum),
            vec![vec![64, 0, 0, 2, 0, 4, 70]]
        );
    }

    #[test]
    fn ambiguous_runs_give_every_split() {
        let all = values("1234", 2, &|_| true);
        assert_eq!(all.len(), 3);
        assert_eq!(
            unique_split("1234", &[false, false], &mut Budget::new()),
            None
        );
        let one = unique_split("79.05", &[true], &mut Budget::new());
        assert_eq!(one, Some(vec![Some((0, 5))]));
        // A decimal only where the column allows one.
        assert_eq!(unique_split("79.05", &[false], &mut Budget::new()), None);
    }

    #[test]
    fn blank_columns_make_a_split_ambiguous_unless_zeros_leave_no_choice() {
        let three = [false; 3];
        assert_eq!(
            unique_split("000", &three, &mut Budget::new()),
            Some(vec![Some((0, 1)), Some((1, 2)), Some((2, 3))])
        );
        assert_eq!(
            unique_split("0010", &three, &mut Budget::new()),
            Some(vec![Some((0, 1)), Some((1, 2)), Some((2, 4))])
        );
        // One number with two blanks reads as three single digits too.
        assert_eq!(unique_split("968", &three, &mut Budget::new()), None);
        assert_eq!(unique_split("0", &three, &mut Budget::new()), None);
    }

    #[test]
    fn hostile_runs_cost_a_bounded_search() {
        // A search with many branches stops at its budget, and says so.
        let long = "1".repeat(40);
        let mut budget = Budget::with_steps(1_000);
        let found = splits(&long, &[false; 7], 10, &mut budget, &|_| false, &|_| false);
        assert!(found.is_empty());
        assert!(budget.exhausted());
        // Too many digits for the cells: refused before any search.
        let mut budget = Budget::new();
        assert!(
            splits(
                &"1".repeat(200),
                &[false; 7],
                10,
                &mut budget,
                &|_| false,
                &|_| true
            )
            .is_empty()
        );
        assert!(!budget.exhausted());
    }
}
