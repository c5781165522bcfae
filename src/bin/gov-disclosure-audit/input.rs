//! Finding the inputs and turning each into text: plain text and HTML in
//! UTF-8, UTF-16 (with a byte-order mark) or GB18030/GBK, Word `.docx`, and
//! PDF through `pdftotext`. Standard input (`-`) is read like a file.

use crate::{docx, pdf};
use std::path::{Path, PathBuf};

/// The name shown for standard input.
pub const STDIN_NAME: &str = "<stdin>";
/// File extensions read from folders.
pub const EXTENSIONS: &[&str] = &["txt", "htm", "html", "docx", "pdf"];

/// One input to audit.
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input, already read.
    Stdin(Vec<u8>),
}

impl Input {
    /// The name shown for it.
    pub fn shown(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin(_) => STDIN_NAME.to_string(),
        }
    }
}

/// Collects the inputs named on the command line: files as given, folders
/// read recursively for files with one of [`EXTENSIONS`], sorted. An
/// argument that names nothing, or a folder without report files, is an
/// error (the message names it).
pub fn collect(
    args: &[String],
    stdin: &mut dyn FnMut() -> std::io::Result<Vec<u8>>,
) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            let bytes = stdin().map_err(|e| format!("cannot read standard input: {e}"))?;
            out.push(Input::Stdin(bytes));
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            let before = out.len();
            walk(path, &mut out);
            if out.len() == before {
                return Err(format!(
                    "no report files (.{}) in folder {arg}",
                    EXTENSIONS.join(", .")
                ));
            }
        } else if path.exists() {
            out.push(Input::File(path.to_path_buf()));
        } else {
            return Err(format!("no such file or folder: {arg}"));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Input>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        // An unreadable folder is reported when it is read as a file.
        Err(_) => {
            out.push(Input::File(dir.to_path_buf()));
            return;
        }
    };
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            walk(&entry, out);
        } else if entry
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        {
            out.push(Input::File(entry));
        }
    }
}

/// An input turned into text.
pub struct Decoded {
    /// The text the parser reads; spans point into it.
    pub text: String,
    /// What the input was: `text`, `docx` or `pdf`.
    pub format: &'static str,
    /// How text input was encoded: `utf-8`, `utf-16le`, `utf-16be`,
    /// `gb18030`; `docx` and `pdf` give `utf-8`.
    pub encoding: &'static str,
}

/// Reads and decodes one input.
pub fn read(input: &Input) -> Result<Decoded, String> {
    let owned;
    let bytes: &[u8] = match input {
        Input::File(path) => {
            owned = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
            &owned
        }
        Input::Stdin(bytes) => bytes,
    };
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Decoded {
            text: docx::text(bytes)?,
            format: "docx",
            encoding: "utf-8",
        });
    }
    if bytes.starts_with(b"%PDF-") {
        let text = match input {
            Input::File(path) => pdf::text(path)?,
            Input::Stdin(bytes) => pdf::text_of_bytes(bytes)?,
        };
        return Ok(Decoded {
            text,
            format: "pdf",
            encoding: "utf-8",
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err("a Word 97-2003 (.doc) or other OLE file: save it as .docx".to_string());
    }
    let (text, encoding) = decode(bytes)?;
    Ok(Decoded {
        text,
        format: "text",
        encoding,
    })
}

/// Decodes text: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE),
/// else UTF-8 if valid, else GB18030 (a superset of GBK and GB2312).
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    let utf16 = |encoding: &'static encoding_rs::Encoding, body: &[u8], name| {
        encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .map(|t| (t.into_owned(), name))
            .ok_or_else(|| format!("invalid {name} text after its byte-order mark"))
    };
    let (text, encoding) = if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        std::str::from_utf8(body)
            .map(|t| (t.to_string(), "utf-8"))
            .map_err(|_| "invalid UTF-8 text after its byte-order mark".to_string())?
    } else if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(encoding_rs::UTF_16LE, body, "utf-16le")?
    } else if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(encoding_rs::UTF_16BE, body, "utf-16be")?
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), "utf-8")
    } else {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|t| (t.into_owned(), "gb18030"))
            .ok_or_else(|| "neither UTF-8, UTF-16 nor GB18030/GBK text".to_string())?
    };
    if text.contains('\0') {
        return Err(
            "not text (it holds NUL bytes; UTF-16 is read only with a byte-order mark)".to_string(),
        );
    }
    Ok((text, encoding))
}
