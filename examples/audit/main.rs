//! The report reviewer: audits report files and folders.
//!
//! ```text
//! cargo run --release --example audit -- [--format text|json|jsonl|facts|findings]
//!     [--color auto|always|never] [--deny warnings] [--output FILE] [PATH...]
//! ```
//!
//! With no PATH it audits the sample reports bundled in `examples/samples/`.
//! Reports are read in parallel and printed in a stable (sorted path) order;
//! see `docs/audit.md` for formats, field names and exit statuses.

mod cli;
mod input;
mod render;
mod summary;

use annotate_snippets::Renderer;
use cli::{Color, Format, Options};
use gov_disclosure_report::validate::{self, Finding, ValidateOptions};
use gov_disclosure_report::{AnnualReport, LineIndex, Severity, parse_report};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use summary::Summary;

/// One audited report.
#[derive(Serialize)]
struct Record {
    path: String,
    encoding: &'static str,
    report: AnnualReport,
    findings: Vec<Finding>,
    #[serde(skip)]
    text: String,
}

/// A file that could not be read.
#[derive(Serialize)]
struct Unreadable {
    path: String,
    error: String,
}

fn audit_one(path: &std::path::Path, options: &ValidateOptions) -> Result<Record, Unreadable> {
    let shown = path.display().to_string();
    let decoded = input::read(path).map_err(|error| Unreadable {
        path: shown.clone(),
        error,
    })?;
    let report = parse_report(&decoded.text);
    let findings = validate::validate_with(&report, options);
    Ok(Record {
        path: shown,
        encoding: decoded.encoding,
        report,
        findings,
        text: decoded.text,
    })
}

/// Adds cross-year findings to the later report of each agency's series.
fn add_series_findings(records: &mut [Record], options: &ValidateOptions) {
    let mut by_agency: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for (i, r) in records.iter().enumerate() {
        if let Some(a) = &r.report.agency {
            by_agency.entry(a.value.clone()).or_default().push(i);
        }
    }
    for members in by_agency.values().filter(|m| m.len() > 1) {
        let reports: Vec<&AnnualReport> = members
            .iter()
            .filter_map(|i| records.get(*i).map(|r| &r.report))
            .collect();
        let found = validate::validate_series_with(&reports, options);
        for f in found {
            // A cross-year finding belongs to the report of the latest year among its cells.
            let year = f.cells.iter().filter_map(|c| c.year).max();
            if let Some(&i) = members.iter().find(|i| {
                records
                    .get(**i)
                    .and_then(|r| r.report.year.as_ref())
                    .map(|y| y.value)
                    == year
            }) && let Some(record) = records.get_mut(i)
            {
                record.findings.push(f);
            }
        }
    }
}

fn status_text(f: &Finding) -> &'static str {
    f.status.as_str()
}

fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn main() {
    let options = match cli::parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("audit: {e}");
            }
            eprintln!("{}", cli::USAGE);
            std::process::exit(if e.is_empty() { 0 } else { 2 });
        }
    };
    std::process::exit(run(&options));
}

fn run(options: &Options) -> i32 {
    let roots = if options.paths.is_empty() {
        vec![PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/samples"
        ))]
    } else {
        options.paths.clone()
    };
    let mut files = Vec::new();
    for root in &roots {
        input::collect(root, &mut files);
    }
    let validate_options = ValidateOptions::default().blanks_as_zero(options.blanks_as_zero);
    let progress = ProgressBar::new(files.len() as u64);
    if std::io::stderr().is_terminal() && files.len() > 50 {
        progress.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} reports {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    } else {
        progress.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let results: Vec<Result<Record, Unreadable>> = files
        .par_iter()
        .map(|p| {
            let r = audit_one(p, &validate_options);
            progress.inc(1);
            r
        })
        .collect();
    progress.finish_and_clear();
    let mut records = Vec::new();
    let mut unreadable = Vec::new();
    for r in results {
        match r {
            Ok(record) => records.push(record),
            Err(u) => unreadable.push(u),
        }
    }
    add_series_findings(&mut records, &validate_options);
    let mut summary = Summary {
        unreadable: unreadable.len(),
        ..Summary::default()
    };
    for r in &records {
        summary.add(&r.report, &r.findings);
    }
    for u in &unreadable {
        eprintln!("audit: {}: {}", u.path, u.error);
    }

    let mut sink: Box<dyn Write> = match &options.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("audit: cannot write {}: {e}", path.display());
                return 2;
            }
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let colored = match options.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => options.output.is_none() && std::io::stdout().is_terminal(),
    };
    let written = write_output(&mut sink, options, &records, &unreadable, &summary, colored)
        .and_then(|_| sink.flush());
    if let Err(e) = written {
        eprintln!("audit: write error: {e}");
        return 2;
    }
    if records.is_empty() && !unreadable.is_empty() {
        return 2;
    }
    let denied =
        |s: Severity| s == Severity::Error || (options.deny_warnings && s == Severity::Warning);
    if records
        .iter()
        .any(|r| r.findings.iter().any(|f| denied(f.severity)))
    {
        1
    } else {
        0
    }
}

fn write_output(
    out: &mut dyn Write,
    options: &Options,
    records: &[Record],
    unreadable: &[Unreadable],
    summary: &Summary,
    colored: bool,
) -> std::io::Result<()> {
    match options.format {
        Format::Facts => {
            for r in records {
                for fact in r.report.facts() {
                    writeln!(out, "{}\t{}\t{}", r.path, fact.key, fact.value_text())?;
                }
            }
        }
        Format::Findings => {
            for r in records {
                for f in &r.findings {
                    let message = if options.english {
                        &f.message_en
                    } else {
                        &f.message
                    };
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        r.path,
                        f.rule,
                        f.scope,
                        f.severity,
                        status_text(f),
                        one_line(message)
                    )?;
                }
            }
        }
        Format::Json => {
            #[derive(Serialize)]
            struct Document<'a> {
                format: &'static str,
                reports: &'a [Record],
                unreadable: &'a [Unreadable],
                summary: &'a Summary,
            }
            let doc = Document {
                format: "gov-disclosure-report/audit/1",
                reports: records,
                unreadable,
                summary,
            };
            serde_json::to_writer(&mut *out, &doc).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for r in records {
                serde_json::to_writer(&mut *out, r).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
            for u in unreadable {
                serde_json::to_writer(&mut *out, u).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
        }
        Format::Text => {
            // Reports are rendered in parallel, written in order.
            let rendered: Vec<String> = records
                .par_iter()
                .map(|r| render_report(r, options, colored))
                .collect();
            for block in rendered {
                out.write_all(block.as_bytes())?;
            }
            write!(out, "{}", summary.render())?;
        }
    }
    Ok(())
}

/// The text-format block of one report.
fn render_report(r: &Record, options: &Options, colored: bool) -> String {
    use std::fmt::Write as _;
    let renderer = if colored {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let index = LineIndex::new(&r.text);
    let agency = r
        .report
        .agency
        .as_ref()
        .map(|a| a.value.as_str())
        .unwrap_or("?");
    let year = r
        .report
        .year
        .as_ref()
        .map(|y| y.value.to_string())
        .unwrap_or_else(|| "?".into());
    let _ = writeln!(
        out,
        "==> {} [{agency} {year}, {} encoding, {} sections]",
        r.path,
        r.encoding,
        r.report.sections.len()
    );
    // Parse notes (info) are counted, warnings and errors shown.
    let notes = r
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Info)
        .count();
    for d in r
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity > Severity::Info)
    {
        let _ = writeln!(
            out,
            "{}",
            render::diagnostic(&renderer, &r.path, &r.text, d)
        );
    }
    if notes > 0 {
        let first = r
            .report
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Info);
        let at = first
            .map(|d| index.line_col(d.span.start).to_string())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "note: {notes} parse note(s), first at {}:{at} (see --format json)\n",
            r.path
        );
    }
    let own_year = r.report.year.as_ref().map(|y| y.value);
    for f in &r.findings {
        let _ = writeln!(
            out,
            "{}",
            render::finding(&renderer, &r.path, &r.text, f, own_year, options.english)
        );
    }
    out
}
