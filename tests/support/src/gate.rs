//! The schema gate: validates EWS documents with `validate.sh` (xmllint).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::paths::{REQUIRE_VAR, SCHEMA_DIR_VAR, require_schema, schema_dir};

/// How many characters of an offending document a report quotes.
const DOC_START_CHARS: usize = 2_000;
/// Upper bound on the files passed to one `validate.sh` run (command-line
/// length); larger batches are split into several runs.
const MAX_FILES_PER_RUN: usize = 1_000;
/// Longest sanitized file stem, well below file-system name limits.
const MAX_STEM_LEN: usize = 100;
/// Prefix of the temporary folders, followed by `<pid>-<counter>`.
const TEMP_PREFIX: &str = "ews-schema-gate-";

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

    /// Report for a run that did not produce per-file verdicts (exit 2:
    /// schema does not compile, usage error, xmllint missing; or anything
    /// unexpected).
    fn script_failure(&self, output: &Output, files: usize) -> String {
        let status = match output.status.code() {
            Some(2) => "exited with status 2 (usage error, xmllint missing, or the schema does \
                        not compile)"
                .to_owned(),
            Some(code) => format!("exited with unexpected status {code}"),
            None => format!("was terminated ({})", output.status),
        };
        format!(
            "schema gate error: bash {} -q -f ({files} file(s)) {status}\n\
             --- stderr:\n{}\n--- stdout:\n{}",
            self.script.display(),
            String::from_utf8_lossy(&output.stderr).trim_end(),
            String::from_utf8_lossy(&output.stdout).trim_end(),
        )
    }

    /// The report for failing documents.
    fn report(&self, docs: &[(&str, &[u8])], files: &[String], failures: &[Failure]) -> String {
        let mut out = format!(
            "EWS schema validation failed for {} of {} document(s) (schema: {}):\n",
            failures.len(),
            docs.len(),
            self.dir.display()
        );
        for failure in failures {
            let (name, doc) = docs[failure.index];
            let _ = writeln!(
                out,
                "\n=== {name:?} (validated as {}): {}",
                files[failure.index], failure.verdict
            );
            out.push_str("xmllint says:\n");
            if failure.messages.is_empty() {
                out.push_str("    (no message)\n");
            }
            for line in &failure.messages {
                let _ = writeln!(out, "    {line}");
            }
            let text = String::from_utf8_lossy(doc);
            let total = text.chars().count();
            let start: String = text.chars().take(DOC_START_CHARS).collect();
            if total > DOC_START_CHARS {
                let _ = writeln!(
                    out,
                    "document start (first {DOC_START_CHARS} of {total} chars):"
                );
            } else {
                let _ = writeln!(out, "document ({total} chars):");
            }
            out.push_str(&start);
            if !start.ends_with('\n') {
                out.push('\n');
            }
        }
        out
    }
}

/// One failing document as reported by `validate.sh`.
#[derive(Debug)]
struct Failure {
    /// Index into the documents.
    index: usize,
    /// `INVALID` or `BROKEN` with an explanation.
    verdict: &'static str,
    /// xmllint's messages for this document.
    messages: Vec<String>,
}

/// Parses `validate.sh -q` output: `INVALID <file>` / `BROKEN  <file> (not
/// well-formed XML)` lines, each followed by indented message lines.
fn parse_failures(stdout: &str, index: &HashMap<&str, usize>) -> Vec<Failure> {
    let mut failures: Vec<Failure> = Vec::new();
    let mut in_failure = false;
    for line in stdout.lines() {
        let head = if let Some(rest) = line.strip_prefix("INVALID ") {
            Some((rest.trim(), "INVALID (schema validity errors)"))
        } else if let Some(rest) = line.strip_prefix("BROKEN ") {
            let rest = rest.trim();
            let rest = rest.strip_suffix("(not well-formed XML)").unwrap_or(rest);
            Some((rest.trim(), "BROKEN (not well-formed XML)"))
        } else {
            None
        };
        if let Some((file, verdict)) = head {
            in_failure = false;
            if let Some(&i) = index.get(file) {
                failures.push(Failure {
                    index: i,
                    verdict,
                    messages: Vec::new(),
                });
                in_failure = true;
            }
        } else if let Some(msg) = line.strip_prefix("    ") {
            if in_failure {
                if let Some(last) = failures.last_mut() {
                    last.messages.push(msg.to_owned());
                }
            }
        } else {
            in_failure = false;
        }
    }
    failures
}

/// File names for the documents: sanitized to `[A-Za-z0-9._-]`, not starting
/// with `-` or `.`, unique (ignoring ASCII case), ending in `.xml`.
fn file_names<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
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
struct TempDir {
    /// The folder.
    path: PathBuf,
}

impl TempDir {
    /// Creates a fresh folder (never reusing an existing one).
    fn create(root: &Path) -> io::Result<Self> {
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

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &[u8] = br#"<m:GetFolder xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>"#;
    const INVALID: &[u8] = br#"<m:GetFolder xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape></m:GetFolder>"#;

    #[test]
    fn file_names_are_sanitized_and_unique() {
        let names = file_names(
            [
                "GetItem/response-01.xml",
                "a b",
                "a b",
                "A_B",
                "",
                "-q",
                ".hidden",
                "x.XML",
                "ünïcode",
            ]
            .into_iter(),
        );
        assert_eq!(
            names,
            [
                "GetItem_response-01.xml",
                "a_b.xml",
                "a_b-2.xml",
                "A_B-3.xml",
                "doc.xml",
                "_-q.xml",
                "_.hidden.xml",
                "x.xml",
                "_n_code.xml",
            ]
        );
        let long = "n".repeat(500);
        assert_eq!(
            file_names([long.as_str()].into_iter())[0].len(),
            MAX_STEM_LEN + 4
        );
    }

    #[test]
    fn parses_validate_sh_output() {
        let stdout = "BROKEN  b.xml (not well-formed XML)\n    23: parser error : x\n    \n    ^\n\
                      INVALID c.xml\n    13: element FindItems: bad\n\
                      validate.sh: 3 file(s), 1 valid, 2 invalid\n";
        let index: HashMap<&str, usize> = [("a.xml", 0), ("b.xml", 1), ("c.xml", 2)].into();
        let failures = parse_failures(stdout, &index);
        assert_eq!(failures.len(), 2);
        assert_eq!(failures[0].index, 1);
        assert!(failures[0].verdict.starts_with("BROKEN"));
        assert_eq!(failures[0].messages, ["23: parser error : x", "", "^"]);
        assert_eq!(failures[1].index, 2);
        assert_eq!(failures[1].messages, ["13: element FindItems: bad"]);
    }

    /// A private temp root, so checking for leftovers does not race with
    /// other tests.
    fn private_root(tag: &str) -> PathBuf {
        let root =
            std::env::temp_dir().join(format!("ews-test-support-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir(&root).unwrap();
        root
    }

    #[test]
    fn leaves_no_temp_files() {
        let gate = gate();
        if !gate.is_available() {
            eprintln!("skipped: {:?}", gate.unavailable_reason());
            return;
        }
        let root = private_root("leak");
        let valid = gate.validate_in(&root, &[("ok", VALID), ("ok", VALID)]);
        assert_eq!(valid, GateOutcome::Valid { count: 2 });
        let invalid = gate.validate_in(&root, &[("ok", VALID), ("bad", INVALID)]);
        assert!(invalid.is_invalid(), "{invalid:?}");
        let left: Vec<_> = fs::read_dir(&root).unwrap().collect();
        fs::remove_dir(&root).unwrap();
        assert!(left.is_empty(), "temp files left: {left:?}");
    }

    #[test]
    fn report_names_document_and_quotes_its_start() {
        let gate = gate();
        if !gate.is_available() {
            return;
        }
        let mut long = INVALID.to_vec();
        long.extend(std::iter::repeat_n(b' ', 3_000));
        let outcome = gate.validate(&[("fine doc", VALID), ("my bad/doc", &long)]);
        let GateOutcome::Invalid { report } = outcome else {
            panic!("expected Invalid, got {outcome:?}");
        };
        assert!(report.contains("1 of 2 document(s)"), "{report}");
        assert!(
            report.contains("\"my bad/doc\" (validated as my_bad_doc.xml)"),
            "{report}"
        );
        assert!(!report.contains("fine doc"), "{report}");
        assert!(report.contains("FolderIds"), "{report}");
        assert!(report.contains("first 2000 of"), "{report}");
        assert!(report.contains("<m:GetFolder"), "{report}");
    }

    #[test]
    fn broken_schema_is_invalid_not_skipped() {
        let gate = gate();
        if !gate.is_available() {
            return;
        }
        // A copy of validate.sh whose driver schema does not exist.
        let root = private_root("broken-schema");
        let script = fs::read(gate.schema_dir().join("validate.sh")).unwrap();
        fs::write(root.join("validate.sh"), script).unwrap();
        let broken = SchemaGate::with_dir(root.clone());
        assert!(broken.is_available());
        let outcome = broken.validate(&[("doc", VALID)]);
        fs::remove_dir_all(&root).unwrap();
        let GateOutcome::Invalid { report } = outcome else {
            panic!("expected Invalid, got {outcome:?}");
        };
        assert!(report.contains("status 2"), "{report}");
        assert!(report.contains("failed to compile"), "{report}");
    }

    #[test]
    fn skipped_gate_passes_unless_required() {
        let missing = SchemaGate::with_dir(PathBuf::from("/nonexistent/ews-schema"));
        missing.check(&[("doc", VALID)], false);
        let err = std::panic::catch_unwind(|| missing.check(&[("doc", VALID)], true))
            .expect_err("required gate must panic");
        let msg = err.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(msg.contains("EWS_REQUIRE_SCHEMA=1"), "{msg}");
        assert!(msg.contains("/nonexistent/ews-schema/validate.sh"), "{msg}");
    }

    #[test]
    fn empty_batch_is_valid() {
        let gate = gate();
        if gate.is_available() {
            assert_eq!(gate.validate(&[]), GateOutcome::Valid { count: 0 });
        }
    }
}
