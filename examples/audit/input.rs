//! Finding report files and decoding them (UTF-8, or GB18030/GBK).

use std::path::{Path, PathBuf};

/// Every report file under `path`, sorted, recursing into folders.
pub fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(_) => {
                out.push(path.to_path_buf());
                return;
            }
        };
        entries.sort();
        for entry in entries {
            let report_like = entry
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "txt" | "htm" | "html"));
            if entry.is_dir() || report_like {
                collect(&entry, out);
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
}

/// A decoded report file.
pub struct Decoded {
    /// The text.
    pub text: String,
    /// `utf-8` or `gb18030`.
    pub encoding: &'static str,
}

/// Reads and decodes one file: UTF-8 (with or without BOM), else GB18030
/// (a superset of GBK and GB2312), else an error.
pub fn read(path: &Path) -> Result<Decoded, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: "utf-8",
        });
    }
    match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
        Some(text) if !text.contains('\0') => Ok(Decoded {
            text: text.into_owned(),
            encoding: "gb18030",
        }),
        _ => Err("neither UTF-8 nor GB18030/GBK text".to_string()),
    }
}
