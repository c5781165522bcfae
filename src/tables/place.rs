//! Placing value rows on the rows of a table's template: by the keyword of
//! their label, and otherwise — a label lost or garbled by the converter —
//! by their position between labelled rows, but only where the count of
//! free template rows leaves no doubt or the label's own ordinal (`3.`,
//! `（二）`) names exactly one of them. Anything else stays unplaced: a row
//! is never assigned by a guess.

use crate::grammar::label::Ordinal;

/// What a row's label says about the template row it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Its label names template row `index` by keyword.
    Keyed(usize),
    /// A row with values whose label names no row (lost or garbled); the
    /// ordinal printed in the label, if one survived.
    Unkeyed(Option<Ordinal>),
    /// Not a data row (a header, a caption, a note): it neither takes a
    /// template row nor interrupts a run of unkeyed rows.
    Skip,
    /// A row with values that is known to take no template row (a subtotal
    /// on a group caption): kept aside, never placed.
    Aside,
}

/// Where a row goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Template row `index`, named by its label.
    Keyed(usize),
    /// Template row `index`, found from the row's position between labelled
    /// rows (and its ordinal, when printed).
    ByPosition(usize),
    /// A data row that cannot be placed with certainty.
    Unplaced,
    /// Not a data row.
    Skip,
}

/// Places every row. `ordinals[k]` is the ordinal the template prints for
/// row `k`. Linear in the rows plus the template size per run of unkeyed
/// rows.
pub fn place(evidence: &[Evidence], ordinals: &[Option<Ordinal>]) -> Vec<Placement> {
    let template_len = ordinals.len();
    let mut used = vec![false; template_len];
    for e in evidence {
        if let Evidence::Keyed(k) = e
            && let Some(u) = used.get_mut(*k)
        {
            *u = true;
        }
    }
    let mut out: Vec<Placement> = evidence
        .iter()
        .map(|e| match e {
            Evidence::Keyed(k) => Placement::Keyed(*k),
            Evidence::Unkeyed(_) | Evidence::Aside => Placement::Unplaced,
            Evidence::Skip => Placement::Skip,
        })
        .collect();
    // Runs of unkeyed rows between keyed rows (skipped rows do not interrupt).
    let mut previous_key: Option<usize> = None;
    let mut run: Vec<usize> = Vec::new();
    for (i, e) in evidence.iter().enumerate() {
        match e {
            Evidence::Keyed(k) => {
                resolve(
                    &run,
                    previous_key,
                    Some(*k),
                    evidence,
                    ordinals,
                    &used,
                    &mut out,
                );
                run.clear();
                previous_key = Some(*k);
            }
            Evidence::Unkeyed(_) => run.push(i),
            Evidence::Skip | Evidence::Aside => {}
        }
    }
    resolve(
        &run,
        previous_key,
        None,
        evidence,
        ordinals,
        &used,
        &mut out,
    );
    out
}

fn hint(evidence: &[Evidence], row: usize) -> Option<Ordinal> {
    match evidence.get(row) {
        Some(Evidence::Unkeyed(h)) => *h,
        _ => None,
    }
}

/// Places one run of unkeyed rows between the keyed rows `before` and `after`.
fn resolve(
    run: &[usize],
    before: Option<usize>,
    after: Option<usize>,
    evidence: &[Evidence],
    ordinals: &[Option<Ordinal>],
    used: &[bool],
    out: &mut [Placement],
) {
    if run.is_empty() {
        return;
    }
    let lo = before.map_or(0, |k| k + 1);
    let hi = after.unwrap_or(ordinals.len());
    if lo > hi {
        // Keyed rows out of template order: no gap to fill.
        return;
    }
    let free: Vec<usize> = (lo..hi)
        .filter(|k| !used.get(*k).copied().unwrap_or(true))
        .collect();
    let agrees = |row: usize, key: usize| match (hint(evidence, row), ordinals.get(key)) {
        (Some(h), Some(Some(o))) => h == *o,
        _ => true,
    };
    if free.len() == run.len() && run.iter().zip(&free).all(|(r, k)| agrees(*r, *k)) {
        for (r, k) in run.iter().zip(&free) {
            if let Some(p) = out.get_mut(*r) {
                *p = Placement::ByPosition(*k);
            }
        }
        return;
    }
    // Counts differ: only a printed ordinal that names exactly one free row,
    // and no other row of the run printing the same ordinal, places a row.
    for &r in run {
        let Some(h) = hint(evidence, r) else { continue };
        let same_hint = run
            .iter()
            .filter(|o| hint(evidence, **o) == Some(h))
            .count();
        let mut named = free
            .iter()
            .filter(|k| ordinals.get(**k).copied().flatten() == Some(h));
        if let (Some(k), None, 1) = (named.next(), named.next(), same_hint)
            && let Some(p) = out.get_mut(r)
        {
            *p = Placement::ByPosition(*k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Evidence::{Keyed, Skip, Unkeyed};

    const ITEMS: [Option<Ordinal>; 6] = [
        None,
        Some(Ordinal::Item(1)),
        Some(Ordinal::Item(2)),
        Some(Ordinal::Item(3)),
        Some(Ordinal::Item(1)),
        None,
    ];

    #[test]
    fn keyed_rows_keep_their_key() {
        let placed = place(&[Keyed(0), Skip, Keyed(2)], &ITEMS);
        assert_eq!(
            placed,
            vec![Placement::Keyed(0), Placement::Skip, Placement::Keyed(2)]
        );
    }

    #[test]
    fn a_run_that_fills_its_gap_exactly_is_placed_by_position() {
        let placed = place(
            &[
                Keyed(0),
                Unkeyed(None),
                Unkeyed(None),
                Skip,
                Unkeyed(None),
                Keyed(4),
            ],
            &ITEMS,
        );
        assert_eq!(
            placed,
            vec![
                Placement::Keyed(0),
                Placement::ByPosition(1),
                Placement::ByPosition(2),
                Placement::Skip,
                Placement::ByPosition(3),
                Placement::Keyed(4),
            ]
        );
    }

    #[test]
    fn a_run_shorter_than_its_gap_is_not_guessed() {
        // Half the labels lost: two unlabelled rows for three free rows.
        let placed = place(&[Keyed(0), Unkeyed(None), Unkeyed(None), Keyed(4)], &ITEMS);
        assert_eq!(placed.get(1), Some(&Placement::Unplaced));
        assert_eq!(placed.get(2), Some(&Placement::Unplaced));
    }

    #[test]
    fn a_printed_ordinal_names_one_row_of_a_longer_gap() {
        let placed = place(
            &[Keyed(0), Unkeyed(Some(Ordinal::Item(3))), Keyed(5)],
            &ITEMS,
        );
        assert_eq!(placed.get(1), Some(&Placement::ByPosition(3)));
        // Ordinal 1 appears twice in the gap: not placed.
        let placed = place(
            &[Keyed(0), Unkeyed(Some(Ordinal::Item(1))), Keyed(5)],
            &ITEMS,
        );
        assert_eq!(placed.get(1), Some(&Placement::Unplaced));
    }

    #[test]
    fn an_ordinal_that_contradicts_the_gap_stops_placement_by_position() {
        let placed = place(
            &[Keyed(0), Unkeyed(Some(Ordinal::Item(2))), Keyed(2)],
            &ITEMS,
        );
        assert_eq!(placed.get(1), Some(&Placement::Unplaced));
    }

    #[test]
    fn runs_at_either_end_count_against_the_template_ends() {
        let placed = place(&[Unkeyed(None), Keyed(1)], &ITEMS);
        assert_eq!(placed.first(), Some(&Placement::ByPosition(0)));
        let placed = place(&[Keyed(3), Unkeyed(None), Unkeyed(None)], &ITEMS);
        assert_eq!(
            placed.get(1..),
            Some(&[Placement::ByPosition(4), Placement::ByPosition(5)][..])
        );
        // One row more than the template has left: nothing is placed.
        let placed = place(&[Keyed(4), Unkeyed(None), Unkeyed(None)], &ITEMS);
        assert_eq!(placed.get(1), Some(&Placement::Unplaced));
    }

    #[test]
    fn keyed_rows_out_of_order_leave_their_gap_unfilled() {
        let placed = place(&[Keyed(4), Unkeyed(None), Keyed(2)], &ITEMS);
        assert_eq!(placed.get(1), Some(&Placement::Unplaced));
    }
}
