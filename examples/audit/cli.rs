//! Command-line options of the audit tool.

use std::path::PathBuf;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Rendered diagnostics and findings, then a summary.
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per report per line.
    Jsonl,
    /// `PATH\tKEY\tVALUE` facts dump.
    Facts,
    /// `PATH\tRULE\tSCOPE\tSEVERITY\tSTATUS\tMESSAGE` lines.
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

/// Parsed options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Output format.
    pub format: Format,
    /// Colour choice.
    pub color: Color,
    /// Warnings also make the exit status non-zero.
    pub deny_warnings: bool,
    /// Write the output here instead of stdout.
    pub output: Option<PathBuf>,
    /// Files and folders to audit (empty: the bundled samples).
    pub paths: Vec<PathBuf>,
    /// Read blanks as zero in validation.
    pub blanks_as_zero: bool,
    /// English messages instead of Chinese.
    pub english: bool,
}

/// Usage text.
pub const USAGE: &str =
    "usage: audit [--format text|json|jsonl|facts|findings] [--color auto|always|never]
             [--deny warnings] [--blanks-as-zero] [--english] [--output FILE] [PATH...]
PATH is a report file or a folder (read recursively, *.txt, *.htm, *.html).
With no PATH the bundled sample reports are audited.
Exit status: 0 no error finding, 1 error findings (or warnings with --deny warnings),
2 bad usage or no input could be read.";

/// Parses the command line (without the program name).
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        format: Format::Text,
        color: Color::Auto,
        deny_warnings: false,
        output: None,
        paths: Vec::new(),
        blanks_as_zero: false,
        english: false,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
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
            "--color" => {
                options.color = match value("--color")?.as_str() {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    "never" => Color::Never,
                    other => return Err(format!("unknown colour choice {other:?}")),
                }
            }
            "--deny" => match value("--deny")?.as_str() {
                "warnings" => options.deny_warnings = true,
                other => return Err(format!("--deny takes `warnings`, not {other:?}")),
            },
            "--output" | "-o" => options.output = Some(PathBuf::from(value("--output")?)),
            "--blanks-as-zero" => options.blanks_as_zero = true,
            "--english" => options.english = true,
            "--help" | "-h" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path => options.paths.push(PathBuf::from(path)),
        }
    }
    Ok(options)
}
