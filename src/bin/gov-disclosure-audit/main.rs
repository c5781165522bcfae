//! `gov-disclosure-audit`: the reviewer's tool. Reads report files, folders
//! and standard input (text, HTML, Word `.docx`, PDF), parses and validates
//! every report, and prints compiler-style messages with a summary, or JSON,
//! JSONL, a facts dump or a findings table. `--help` lists the options;
//! `docs/audit.md` documents formats, fields and exit statuses.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod cli;
mod docx;
mod excerpt;
mod fold;
mod input;
mod json;
mod lang;
mod messages;
mod pdf;
mod summary;

use cli::{Amount, Color, Command, Format, Options};
use gov_disclosure_report::validate::{self, Finding, ValidateOptions};
use gov_disclosure_report::{AnnualReport, DiagnosticCode, parse_report};
use indicatif::{ProgressBar, ProgressStyle};
use input::Input;
use lang::{Lang, words};
use rayon::prelude::*;
use std::io::{ErrorKind, IsTerminal, Write};
use summary::{Outcome, Summary, outcome};

/// The program name in messages.
const NAME: &str = "gov-disclosure-audit";

/// One input read and audited.
pub struct Audited {
    /// The path as shown.
    pub path: String,
    /// `text`, `docx` or `pdf`.
    pub format: &'static str,
    /// The text encoding.
    pub encoding: &'static str,
    /// The text the parser read.
    pub text: String,
    /// The parsed report.
    pub report: AnnualReport,
    /// Its findings (cross-year ones included).
    pub findings: Vec<Finding>,
    /// Whether it has no report title and none of the six sections.
    pub not_a_report: bool,
}

/// An input that could not be read.
pub struct Unreadable {
    /// The path as shown.
    pub path: String,
    /// Why.
    pub error: String,
}

fn main() {
    let args = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    let status = match cli::parse(args) {
        Ok(Command::Help) => print_quietly(cli::HELP),
        Ok(Command::Version) => print_quietly(&format!("{}\n", json::tool())),
        Ok(Command::Audit(options)) => run(&options),
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "{NAME}: {e}\nusage: {NAME} [OPTIONS] PATH...   (--help for more)"
            );
            2
        }
    };
    std::process::exit(status);
}

/// Prints to stdout; a closed pipe is not an error.
fn print_quietly(text: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => {
            let _ = writeln!(std::io::stderr(), "{NAME}: write error: {e}");
            2
        }
        _ => 0,
    }
}

fn audit_one(input: &Input, options: &ValidateOptions) -> Result<Audited, Unreadable> {
    let path = input.shown();
    let decoded = match input::read(input) {
        Ok(d) => d,
        Err(error) => return Err(Unreadable { path, error }),
    };
    let report = parse_report(&decoded.text);
    let findings = validate::validate_with(&report, options);
    let empty = report
        .diagnostics
        .iter()
        .any(|d| d.code == DiagnosticCode::EmptyInput);
    let not_a_report = !empty && report.title.is_none() && report.sections.is_empty();
    Ok(Audited {
        path,
        format: decoded.format,
        encoding: decoded.encoding,
        text: decoded.text,
        report,
        findings,
        not_a_report,
    })
}

/// Adds cross-year findings to the later report of each agency's series.
fn add_series_findings(audited: &mut [Audited], options: &ValidateOptions) {
    let mut by_agency: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, a) in audited.iter().enumerate() {
        if let Some(agency) = &a.report.agency {
            by_agency.entry(agency.value.as_str()).or_default().push(i);
        }
    }
    let mut found: Vec<(usize, Finding)> = Vec::new();
    for members in by_agency.values().filter(|m| m.len() > 1) {
        let reports: Vec<&AnnualReport> = members
            .iter()
            .filter_map(|i| audited.get(*i).map(|a| &a.report))
            .collect();
        for f in validate::validate_series_with(&reports, options) {
            // A cross-year finding belongs to the later report of its pair.
            let Some(year) = f.report_year else { continue };
            if let Some(&i) = members.iter().find(|i| {
                audited
                    .get(**i)
                    .and_then(|a| a.report.year.as_ref())
                    .is_some_and(|y| y.value == year)
            }) {
                found.push((i, f));
            }
        }
    }
    for (i, f) in found {
        if let Some(a) = audited.get_mut(i) {
            a.findings.push(f);
        }
    }
}

fn run(options: &Options) -> i32 {
    let mut read_stdin = || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map(|_| bytes)
    };
    let inputs = match input::collect(&options.paths, &mut read_stdin) {
        Ok(inputs) => inputs,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{NAME}: {e}");
            return 2;
        }
    };
    let validate_options = ValidateOptions::default().blanks_as_zero(options.blanks_as_zero);
    let progress = ProgressBar::new(inputs.len() as u64);
    if std::io::stderr().is_terminal() && inputs.len() > 50 {
        progress.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} reports {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    } else {
        progress.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let results: Vec<Result<Audited, Unreadable>> = inputs
        .par_iter()
        .map(|input| {
            let r = audit_one(input, &validate_options);
            progress.inc(1);
            r
        })
        .collect();
    progress.finish_and_clear();
    // Input order is kept: `order` says, for each input, where it went.
    let mut audited = Vec::new();
    let mut unreadable = Vec::new();
    let mut order = Vec::new();
    for r in results {
        match r {
            Ok(a) => {
                order.push(Ok(audited.len()));
                audited.push(a);
            }
            Err(u) => {
                order.push(Err(unreadable.len()));
                unreadable.push(u);
            }
        }
    }
    add_series_findings(&mut audited, &validate_options);
    let summary = Summary::of(&audited, unreadable.len());
    let mut stderr = std::io::stderr().lock();
    for u in &unreadable {
        let _ = writeln!(stderr, "{NAME}: {}: {}", u.path, u.error);
    }
    drop(stderr);

    let status = exit_status(options, &audited, &unreadable);
    if options.amount == Amount::Quiet {
        return status;
    }
    let mut sink: Box<dyn Write> = match &options.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "{NAME}: cannot write {}: {e}",
                    path.display()
                );
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
    let batch = Batch {
        audited: &audited,
        unreadable: &unreadable,
        order: &order,
        summary: &summary,
    };
    let written = write_output(&mut sink, options, &batch, colored).and_then(|_| sink.flush());
    match written {
        // The reader went away (`| head`): not an error. The status is the
        // audit's, computed before writing, so it does not depend on when
        // the reader left.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => status,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{NAME}: write error: {e}");
            2
        }
        Ok(()) => status,
    }
}

/// 2 when an input could not be read; 1 when a report failed or could not
/// be assessed (or, with `--deny warnings`, has a warning); else 0.
fn exit_status(options: &Options, audited: &[Audited], unreadable: &[Unreadable]) -> i32 {
    if !unreadable.is_empty() {
        return 2;
    }
    let worst = audited.iter().map(outcome).min().unwrap_or(Outcome::Clean);
    match worst {
        Outcome::Failed | Outcome::NotAssessable => 1,
        Outcome::Warnings if options.deny_warnings => 1,
        _ => 0,
    }
}

/// Everything the output is made of.
struct Batch<'a> {
    audited: &'a [Audited],
    unreadable: &'a [Unreadable],
    order: &'a [Result<usize, usize>],
    summary: &'a Summary,
}

fn json_records<'a>(batch: &Batch<'a>, lang: Lang) -> impl Iterator<Item = json::Record<'a>> {
    batch.order.iter().filter_map(move |o| match o {
        Ok(i) => batch.audited.get(*i).map(|a| json::report_record(a, lang)),
        Err(i) => batch.unreadable.get(*i).map(json::unreadable_record),
    })
}

fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn write_output(
    out: &mut dyn Write,
    options: &Options,
    batch: &Batch,
    colored: bool,
) -> std::io::Result<()> {
    let lang = options.lang;
    if options.amount == Amount::Summary {
        if options.format == Format::Json {
            let doc = json::SummaryDocument {
                schema_version: json::SCHEMA_VERSION,
                tool: json::tool(),
                summary: batch.summary,
            };
            serde_json::to_writer(&mut *out, &doc).map_err(std::io::Error::from)?;
            return writeln!(out);
        }
        return out.write_all(batch.summary.render(lang).as_bytes());
    }
    match options.format {
        Format::Facts => {
            for a in batch.audited {
                for fact in a.report.facts() {
                    writeln!(out, "{}\t{}\t{}", a.path, fact.key, fact.value_text())?;
                    // An inferred value is followed by a line saying so.
                    if fact.inferred {
                        writeln!(out, "{}\tinferred\t{}", a.path, fact.key)?;
                    }
                }
            }
        }
        Format::Findings => {
            writeln!(out, "path\trule\tscope\tseverity\tstatus\tmessage")?;
            for a in batch.audited {
                for f in &a.findings {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        a.path,
                        fold::rule_id(f),
                        f.scope,
                        f.severity,
                        json::status_name(f.status),
                        one_line(lang.finding(f))
                    )?;
                }
            }
        }
        Format::Json => {
            let doc = json::Document {
                schema_version: json::SCHEMA_VERSION,
                tool: json::tool(),
                records: json_records(batch, lang).collect(),
                summary: batch.summary,
            };
            serde_json::to_writer(&mut *out, &doc).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for record in json_records(batch, lang) {
                serde_json::to_writer(&mut *out, &record).map_err(std::io::Error::from)?;
                writeln!(out)?;
            }
        }
        Format::Text => {
            let style = messages::Style::new(colored, lang);
            // Reports are drawn in parallel, written in order.
            let blocks: Vec<String> = batch
                .audited
                .par_iter()
                .map(|a| report_block(a, &style))
                .collect();
            for block in blocks {
                out.write_all(block.as_bytes())?;
            }
            out.write_all(batch.summary.render(lang).as_bytes())?;
        }
    }
    Ok(())
}

/// The text-format block of one report.
fn report_block(a: &Audited, style: &messages::Style) -> String {
    let lang = style.lang;
    let source = messages::Source {
        path: &a.path,
        index: excerpt::LineIndex::new(&a.text),
    };
    let r = &a.report;
    let agency = r.agency.as_ref().map_or("?", |x| x.value.as_str());
    let year = r
        .year
        .as_ref()
        .map_or_else(|| "?".to_string(), |y| y.value.to_string());
    let read_as = if a.format == "text" {
        format!(
            "{} {}",
            a.encoding,
            lang.pick(words::ENCODING.0, words::ENCODING.1)
        )
    } else {
        a.format.to_string()
    };
    let sections = match lang {
        Lang::Zh => format!("{} {}", r.sections.len(), words::SECTIONS.0),
        Lang::En => format!("{} {}", r.sections.len(), words::SECTIONS.1),
    };
    let mut out = format!("==> {} [{agency} {year}, {read_as}, {sections}]\n", a.path);
    if a.not_a_report {
        out.push_str(&messages::not_a_report(&source, style));
        out.push('\n');
    }
    let folded = fold::fold(r, &a.findings);
    let own_year = r.year.as_ref().map(|y| y.value);
    for entry in &folded.entries {
        out.push_str(&messages::entry(&source, style, entry, own_year));
        out.push('\n');
    }
    if let Some(first) = folded.notes.first() {
        let at = source.index.position(first.span.start);
        out.push_str(&format!(
            "note: {} {} {}:{at} ({})\n\n",
            folded.notes.len(),
            lang.pick(words::NOTES.0, words::NOTES.1),
            a.path,
            lang.pick(words::SEE_JSON.0, words::SEE_JSON.1)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_without_title_or_sections_is_not_a_report() {
        let input = Input::Stdin("<html><body>欢迎访问本网站</body></html>".into());
        let audited = audit_one(&input, &ValidateOptions::default()).ok();
        assert!(audited.is_some_and(|a| a.not_a_report));
        let empty = audit_one(&Input::Stdin(Vec::new()), &ValidateOptions::default()).ok();
        // An empty input is a parse error (P-EMPTY), not also a non-report.
        assert!(empty.is_some_and(|a| !a.not_a_report && a.report.has_errors()));
    }
}
