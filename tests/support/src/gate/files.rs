//! The documents' files: safe, unique names, and the temporary folder they are written to.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Longest sanitized file stem, well below file-system name limits.
pub(super) const MAX_STEM_LEN: usize = 100;
/// Prefix of the temporary folders, followed by `<pid>-<counter>`.
const TEMP_PREFIX: &str = "ews-schema-gate-";

/// File names for the documents: sanitized to `[A-Za-z0-9._-]`, not starting
/// with `-` or `.`, unique (ignoring ASCII case), ending in `.xml`.
pub(super) fn file_names<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut used = HashSet::new();
    names
        .map(|name| {
            let stem = if name.to_ascii_lowercase().ends_with(".xml") {
                &name[..name.len() - 4]
            } else {
                name
            };
            let mut stem: String = stem
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                        c
                    } else {
                        '_'
                    }
                })
                .take(MAX_STEM_LEN)
                .collect();
            if stem.is_empty() {
                stem.push_str("doc");
            } else if stem.starts_with(['-', '.']) {
                stem.insert(0, '_');
            }
            let mut file = format!("{stem}.xml");
            let mut n = 2;
            while !used.insert(file.to_ascii_lowercase()) {
                file = format!("{stem}-{n}.xml");
                n += 1;
            }
            file
        })
        .collect()
}

/// A temporary folder `<root>/ews-schema-gate-<pid>-<n>`, removed on drop.
#[derive(Debug)]
pub(super) struct TempDir {
    /// The folder.
    pub(super) path: PathBuf,
}

impl TempDir {
    /// Creates a fresh folder (never reusing an existing one).
    pub(super) fn create(root: &Path) -> io::Result<Self> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let pid = std::process::id();
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = root.join(format!("{TEMP_PREFIX}{pid}-{n}"));
            match fs::create_dir(&path) {
                Ok(()) => return Ok(Self { path }),
                // Left over from an earlier process with the same pid.
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
                Err(err) => return Err(err),
            }
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}
