//! What the text output shows of one report: parse diagnostics and findings
//! with the noise folded. Repeated warnings of one code (or rule) in one
//! table become one entry with the places of the others; a parse diagnostic
//! that a finding restates (a missing table, a missing section) is shown
//! once, as the finding. The JSON and TSV outputs are not folded.

use gov_disclosure_report::validate::Finding;
use gov_disclosure_report::{AnnualReport, Diagnostic, DiagnosticCode, Severity, Span};

/// A finding's rule id as text.
pub fn rule_id(f: &Finding) -> &str {
    f.rule.as_str()
}

/// Parse diagnostics restated by a validation rule.
const RESTATED: &[(DiagnosticCode, &str)] = &[
    (DiagnosticCode::TableMissing, "S.TABLES"),
    (DiagnosticCode::SectionMissing, "S.SIX"),
];

/// One entry of the text output.
pub enum Entry<'a> {
    /// A parse diagnostic (warning or error) and the spans of others alike.
    Diagnostic {
        /// The first of its kind in its table.
        diagnostic: &'a Diagnostic,
        /// Spans of the others of its code in the same table.
        alike: Vec<Span>,
    },
    /// A finding, the others alike, and the parse diagnostics it restates.
    Finding {
        /// The first of its kind in its table.
        finding: &'a Finding,
        /// Spans of the other warnings of its rule in the same table.
        alike: Vec<Span>,
        /// Codes of the parse diagnostics it restates.
        restates: Vec<DiagnosticCode>,
    },
}

/// The report's entries and its parse notes (info diagnostics, counted).
pub struct Folded<'a> {
    /// Entries in output order: parse diagnostics, then findings.
    pub entries: Vec<Entry<'a>>,
    /// Parse notes, shown as a count.
    pub notes: Vec<&'a Diagnostic>,
}

/// Where a finding points: its first cell of this report, else its span.
fn finding_at(f: &Finding, year: Option<i32>) -> Span {
    f.cells
        .iter()
        .find(|c| c.year.is_none() || c.year == year)
        .map_or(f.span, |c| c.span)
}

/// Folds one report's diagnostics and findings.
pub fn fold<'a>(report: &'a AnnualReport, findings: &'a [Finding]) -> Folded<'a> {
    let tables: Vec<Span> = [
        report.table2().map(|t| t.span),
        report.table3().map(|t| t.span),
        report.table4().map(|t| t.span),
    ]
    .into_iter()
    .flatten()
    .collect();
    let table_of = |span: Span| {
        tables
            .iter()
            .position(|t| t.start <= span.start && span.start < t.end)
    };
    let year = report.year.as_ref().map(|y| y.value);
    let same_place =
        |d: Span, f: Span| d == f || (d.is_empty() && f.is_empty() && d.start >= report.span.end);

    // Parse diagnostics a finding restates are left to the finding.
    let mut restated = vec![false; report.diagnostics.len()];
    let mut restates: Vec<Vec<DiagnosticCode>> = vec![Vec::new(); findings.len()];
    for (fi, f) in findings.iter().enumerate() {
        for (code, rule) in RESTATED {
            if rule_id(f) != *rule {
                continue;
            }
            let hit = report
                .diagnostics
                .iter()
                .enumerate()
                .find(|(di, d)| {
                    d.code == *code
                        && !restated.get(*di).copied().unwrap_or(true)
                        && same_place(d.span, f.span)
                })
                .map(|(di, _)| di);
            if let Some(di) = hit {
                if let Some(r) = restated.get_mut(di) {
                    *r = true;
                }
                if let Some(list) = restates.get_mut(fi) {
                    list.push(*code);
                }
            }
        }
    }

    let mut entries = Vec::new();
    let mut notes = Vec::new();
    // (code, table) → index of its entry, for warnings inside a table.
    let mut first_diagnostic: Vec<(DiagnosticCode, usize, usize)> = Vec::new();
    for (di, d) in report.diagnostics.iter().enumerate() {
        if restated.get(di).copied().unwrap_or(false) {
            continue;
        }
        if d.severity == Severity::Info {
            notes.push(d);
            continue;
        }
        let table = table_of(d.span).filter(|_| d.severity == Severity::Warning);
        if let Some(t) = table
            && let Some((_, _, at)) = first_diagnostic
                .iter()
                .find(|(c, tt, _)| *c == d.code && *tt == t)
            && let Some(Entry::Diagnostic { alike, .. }) = entries.get_mut(*at)
        {
            alike.push(d.span);
            continue;
        }
        if let Some(t) = table {
            first_diagnostic.push((d.code, t, entries.len()));
        }
        entries.push(Entry::Diagnostic {
            diagnostic: d,
            alike: Vec::new(),
        });
    }
    let mut first_finding: Vec<(&str, usize, usize)> = Vec::new();
    for (fi, f) in findings.iter().enumerate() {
        let at = finding_at(f, year);
        let table = table_of(at).filter(|_| f.severity == Severity::Warning);
        if let Some(t) = table
            && let Some((_, _, index)) = first_finding
                .iter()
                .find(|(r, tt, _)| *r == rule_id(f) && *tt == t)
            && let Some(Entry::Finding { alike, .. }) = entries.get_mut(*index)
        {
            alike.push(at);
            continue;
        }
        if let Some(t) = table {
            first_finding.push((rule_id(f), t, entries.len()));
        }
        entries.push(Entry::Finding {
            finding: f,
            alike: Vec::new(),
            restates: restates.get(fi).cloned().unwrap_or_default(),
        });
    }
    Folded { entries, notes }
}
