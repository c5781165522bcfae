//! Command-line options.

use crate::lang::Lang;
use std::path::PathBuf;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Compiler-style messages per report, then a summary.
    Text,
    /// One JSON document.
    Json,
    /// One JSON record per input per line.
    Jsonl,
    /// `PATH\tKEY\tVALUE` facts dump.
    Facts,
    /// Findings as tab-separated values with a header line.
    Findings,
}

/// When to colour the text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// When stdout is a terminal and `--output` is not given.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// Everything of the format.
    All,
    /// Only the summary (`--summary`).
    Summary,
    /// Nothing on stdout; only the exit status and stderr messages (`--quiet`).
    Quiet,
}

/// Parsed options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Output format.
    pub format: Format,
    /// Colour choice.
    pub color: Color,
    /// Warnings also make the exit status 1.
    pub deny_warnings: bool,
    /// Write the output here instead of stdout.
    pub output: Option<PathBuf>,
    /// Files, folders and `-` to audit.
    pub paths: Vec<String>,
    /// Read blanks as zero in validation.
    pub blanks_as_zero: bool,
    /// The language of messages.
    pub lang: Lang,
    /// What to print.
    pub amount: Amount,
}

/// What the command line asks for.
pub enum Command {
    /// Audit with these options.
    Audit(Options),
    /// Print the help.
    Help,
    /// Print the version.
    Version,
}

/// The help text.
pub const HELP: &str = "\
gov-disclosure-audit: parse and validate government information disclosure annual reports
(政府信息公开工作年度报告) and report what does not add up.

usage: gov-disclosure-audit [OPTIONS] PATH...

PATH is a report file, a folder (read recursively for .txt .htm .html .docx .pdf), or - for
standard input. Text may be UTF-8, UTF-16 with a byte-order mark, or GB18030/GBK; .docx is read
from its own XML; .pdf through poppler's pdftotext (package poppler-utils).

options:
  -f, --format FORMAT    text (default), json, jsonl, facts, findings
      --lang zh|en       language of findings and parse diagnostics (default zh)
      --summary          print only the summary (text or json)
  -q, --quiet            print nothing on stdout: only the exit status (and unreadable
                         files on stderr)
      --deny warnings    warnings also give exit status 1
      --blanks-as-zero   validation reads blank and placeholder cells as 0 (marked in every finding)
      --color WHEN       auto (default), always, never
  -o, --output FILE      write to FILE instead of stdout
  -h, --help             print this help
  -V, --version          print the version

exit status:
  0  every report read, and no error (finding, parse error or non-report)
  1  an error-severity finding, a parse error, or an input that is not a report
     (with --deny warnings, also a warning)
  2  usage error, no input found, an input that could not be read, or output not written

Formats and fields: docs/audit.md in the crate.
";

/// Parses the command line (without the program name).
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut options = Options {
        format: Format::Text,
        color: Color::Auto,
        deny_warnings: false,
        output: None,
        paths: Vec::new(),
        blanks_as_zero: false,
        lang: Lang::Zh,
        amount: Amount::All,
    };
    let mut args = args.into_iter();
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        if only_paths {
            options.paths.push(arg);
            continue;
        }
        // `--name=value` is read as `--name value`.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{what} needs a value"))
        };
        match name.as_str() {
            "--format" | "-f" => {
                options.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    "facts" => Format::Facts,
                    "findings" => Format::Findings,
                    other => return Err(format!("unknown format {other:?}")),
                }
            }
            "--color" | "--colour" => {
                options.color = match value("--color")?.as_str() {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    "never" => Color::Never,
                    other => return Err(format!("unknown colour choice {other:?}")),
                }
            }
            "--lang" => {
                options.lang = match value("--lang")?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => return Err(format!("--lang takes zh or en, not {other:?}")),
                }
            }
            // Kept from earlier versions; not in the help.
            "--english" => options.lang = Lang::En,
            "--deny" => match value("--deny")?.as_str() {
                "warnings" => options.deny_warnings = true,
                other => return Err(format!("--deny takes `warnings`, not {other:?}")),
            },
            "--output" | "-o" => options.output = Some(PathBuf::from(value("--output")?)),
            "--blanks-as-zero" => options.blanks_as_zero = true,
            "--summary" => options.amount = Amount::Summary,
            "--quiet" | "-q" => options.amount = Amount::Quiet,
            "--help" | "-h" => return Ok(Command::Help),
            "--version" | "-V" => return Ok(Command::Version),
            "--" => only_paths = true,
            "-" => options.paths.push(arg),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ => options.paths.push(arg),
        }
    }
    if options.amount == Amount::Summary && !matches!(options.format, Format::Text | Format::Json) {
        return Err("--summary goes with --format text or json".to_string());
    }
    if options.paths.is_empty() {
        return Err("no input: name report files or folders, or - for standard input".to_string());
    }
    Ok(Command::Audit(options))
}
