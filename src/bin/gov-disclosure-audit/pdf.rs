//! PDF files read through poppler's `pdftotext -layout`, whose columns the
//! parser reads by their alignment. The tool does not read PDF itself.

use std::io::ErrorKind;
use std::path::Path;
use std::process::Command;

/// The program run, and the package that provides it.
const PROGRAM: &str = "pdftotext";
/// What to install when the program is missing.
pub const MISSING: &str = "reading PDF needs `pdftotext`, which is not on the PATH: \
     install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; \
     Fedora: dnf install poppler-utils; macOS: brew install poppler)";

/// The layout text of the PDF file at `path`.
pub fn text(path: &Path) -> Result<String, String> {
    let output = Command::new(PROGRAM)
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .map_err(|e| match e.kind() {
            ErrorKind::NotFound => MISSING.to_string(),
            _ => format!("cannot run {PROGRAM}: {e}"),
        })?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "{PROGRAM} could not read it: {}",
            why.lines().next().unwrap_or("no message")
        ));
    }
    String::from_utf8(output.stdout).map_err(|_| format!("{PROGRAM} gave text that is not UTF-8"))
}

/// The layout text of PDF bytes (from standard input), through a file.
pub fn text_of_bytes(bytes: &[u8]) -> Result<String, String> {
    let path = std::env::temp_dir().join(format!(
        "gov-disclosure-audit-{}-stdin.pdf",
        std::process::id()
    ));
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write a temporary file: {e}"))?;
    let result = text(&path);
    let _ = std::fs::remove_file(&path);
    result
}
