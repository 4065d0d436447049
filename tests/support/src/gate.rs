//! The schema gate: validates EWS documents with `validate.sh` (xmllint).

mod files;
mod report;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use self::files::{TempDir, file_names};
use self::report::parse_failures;
use crate::paths::{REQUIRE_VAR, SCHEMA_DIR_VAR, require_schema, schema_dir};

/// Upper bound on the files passed to one `validate.sh` run (command-line
/// length); larger batches are split into several runs.
const MAX_FILES_PER_RUN: usize = 1_000;

/// Validates EWS SOAP documents against Microsoft's EWS schema by running
/// `<schema dir>/validate.sh -q -f` (one xmllint pass per batch).
///
/// Availability (the script exists, and `bash` and `xmllint` can be run) is
/// checked once, when the gate is built. Use [`gate`] for the process-wide
/// gate on [`schema_dir`], or [`SchemaGate::with_dir`] for an explicit folder.
///
/// Documents are written to a fresh temporary folder under
/// [`std::env::temp_dir`] (never into the repository or `../shared`), which is
/// removed after the run.
#[derive(Debug, Clone)]
pub struct SchemaGate {
    /// Absolute schema folder.
    dir: PathBuf,
    /// `dir/validate.sh`.
    script: PathBuf,
    /// Why the gate cannot run, if it cannot.
    missing: Option<String>,
}

/// The result of [`SchemaGate::validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateOutcome {
    /// Every document is valid.
    Valid {
        /// How many documents were validated.
        count: usize,
    },
    /// The gate is unavailable (schema folder, `xmllint` or `bash` missing);
    /// nothing was validated.
    Skipped {
        /// What is missing, with a hint how to fix it.
        reason: String,
    },
    /// At least one document is invalid or not well-formed, or the gate
    /// itself failed (schema does not compile, usage error, I/O error).
    Invalid {
        /// Human-readable report: each failing document by name, xmllint's
        /// messages and the start of the document; or the script's output
        /// when the gate itself failed.
        report: String,
    },
}

impl GateOutcome {
    /// Whether this is [`GateOutcome::Valid`].
    pub fn is_valid(&self) -> bool {
        matches!(self, Self::Valid { .. })
    }

    /// Whether this is [`GateOutcome::Skipped`].
    pub fn is_skipped(&self) -> bool {
        matches!(self, Self::Skipped { .. })
    }

    /// Whether this is [`GateOutcome::Invalid`].
    pub fn is_invalid(&self) -> bool {
        matches!(self, Self::Invalid { .. })
    }
}

/// The process-wide schema gate for [`schema_dir`], built (and its
/// availability checked) on first use.
pub fn gate() -> &'static SchemaGate {
    static GATE: OnceLock<SchemaGate> = OnceLock::new();
    GATE.get_or_init(|| SchemaGate::with_dir(schema_dir()))
}

/// Asserts that one EWS document is valid against the schema.
///
/// See [`assert_all_valid`]; prefer that (or a [`Collector`](crate::Collector))
/// for many documents, since each call compiles the schema once.
///
/// # Panics
///
/// With the validation report when the document is invalid, or when the gate
/// is unavailable while `EWS_REQUIRE_SCHEMA=1`.
pub fn assert_valid(name: &str, doc: &[u8]) {
    gate().check(&[(name, doc)], require_schema());
}

/// Asserts that all documents (`(name, bytes)` pairs) are valid against the
/// schema, in one `validate.sh` run.
///
/// When the gate is unavailable, prints `schema gate skipped: <reason>` to
/// stderr (once per process) and returns.
///
/// # Panics
///
/// With the validation report when any document is invalid or the gate
/// fails to run, or when the gate is unavailable while
/// `EWS_REQUIRE_SCHEMA=1`.
pub fn assert_all_valid(docs: &[(&str, &[u8])]) {
    gate().check(docs, require_schema());
}

impl SchemaGate {
    /// A gate on an explicit schema folder (the one holding `validate.sh`),
    /// checking now whether it is available.
    ///
    /// A relative path is resolved against the current directory.
    pub fn with_dir(dir: PathBuf) -> Self {
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        let script = dir.join("validate.sh");
        let mut missing = Vec::new();
        if !script.is_file() {
            missing.push(format!(
                "schema script {} not found (check out ../shared or set {SCHEMA_DIR_VAR})",
                script.display()
            ));
        }
        // Check exactly what validate.sh checks, with the same shell.
        match Command::new("bash")
            .args(["-c", "command -v xmllint"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
        {
            Ok(status) if status.success() => {}
            Ok(_) => missing
                .push("xmllint not found on PATH: apt-get install -y libxml2-utils".to_owned()),
            Err(err) => missing.push(format!("bash cannot be run ({err}): install bash")),
        }
        let missing = (!missing.is_empty()).then(|| missing.join("; "));
        Self {
            dir,
            script,
            missing,
        }
    }

    /// The schema folder this gate uses.
    pub fn schema_dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the gate can run (script present, `bash` and `xmllint` found).
    pub fn is_available(&self) -> bool {
        self.missing.is_none()
    }

    /// What is missing when the gate is unavailable, `None` when it is
    /// available.
    pub fn unavailable_reason(&self) -> Option<&str> {
        self.missing.as_deref()
    }

    /// Validates `(name, bytes)` documents in one `validate.sh -q -f` run.
    ///
    /// Names identify documents in the report; they need not be unique or
    /// file-name safe. An empty slice is [`GateOutcome::Valid`] with count 0.
    pub fn validate(&self, docs: &[(&str, &[u8])]) -> GateOutcome {
        if let Some(reason) = &self.missing {
            return GateOutcome::Skipped {
                reason: reason.clone(),
            };
        }
        if docs.is_empty() {
            return GateOutcome::Valid { count: 0 };
        }
        self.validate_in(&std::env::temp_dir(), docs)
    }

    /// Validates, panicking on failure, skipping (or panicking if
    /// `required`) when unavailable.
    pub(crate) fn check(&self, docs: &[(&str, &[u8])], required: bool) {
        match self.validate(docs) {
            GateOutcome::Valid { .. } => {}
            GateOutcome::Skipped { reason } => {
                assert!(
                    !required,
                    "schema gate is required ({REQUIRE_VAR}=1) but unavailable: {reason}"
                );
                static REPORTED: AtomicBool = AtomicBool::new(false);
                if !REPORTED.swap(true, Ordering::Relaxed) {
                    eprintln!("schema gate skipped: {reason}");
                }
            }
            GateOutcome::Invalid { report } => panic!("{report}"),
        }
    }

    /// [`validate`](Self::validate) with the temporary folder created under
    /// `temp_root`; the gate must be available.
    pub(crate) fn validate_in(&self, temp_root: &Path, docs: &[(&str, &[u8])]) -> GateOutcome {
        let tmp = match TempDir::create(temp_root) {
            Ok(tmp) => tmp,
            Err(err) => {
                return GateOutcome::Invalid {
                    report: format!(
                        "schema gate error: cannot create a temporary folder under {}: {err}",
                        temp_root.display()
                    ),
                };
            }
        };
        let files = file_names(docs.iter().map(|(name, _)| *name));
        for ((_, doc), file) in docs.iter().zip(&files) {
            let path = tmp.path.join(file);
            if let Err(err) = fs::write(&path, doc) {
                return GateOutcome::Invalid {
                    report: format!("schema gate error: cannot write {}: {err}", path.display()),
                };
            }
        }
        let index: HashMap<&str, usize> = files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.as_str(), i))
            .collect();

        let mut failures = Vec::new();
        for batch in files.chunks(MAX_FILES_PER_RUN) {
            let output = match Command::new("bash")
                .arg(&self.script)
                .args(["-q", "-f"])
                .args(batch)
                .current_dir(&tmp.path)
                .stdin(Stdio::null())
                .output()
            {
                Ok(output) => output,
                Err(err) => {
                    return GateOutcome::Invalid {
                        report: format!(
                            "schema gate error: cannot run bash {}: {err}",
                            self.script.display()
                        ),
                    };
                }
            };
            let stdout = String::from_utf8_lossy(&output.stdout);
            let found = parse_failures(&stdout, &index);
            match output.status.code() {
                Some(0 | 1) if output.status.success() == found.is_empty() => {
                    failures.extend(found);
                }
                _ => {
                    return GateOutcome::Invalid {
                        report: self.script_failure(&output, batch.len()),
                    };
                }
            }
        }

        if failures.is_empty() {
            GateOutcome::Valid { count: docs.len() }
        } else {
            GateOutcome::Invalid {
                report: self.report(docs, &files, &failures),
            }
        }
    }
}

#[cfg(test)]
mod tests;
