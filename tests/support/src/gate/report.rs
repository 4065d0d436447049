//! What the gate reports: parsing `validate.sh`'s verdicts, and the report of the failing
//! documents, quoting their start.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::process::Output;

use super::SchemaGate;

/// How many characters of an offending document a report quotes.
const DOC_START_CHARS: usize = 2_000;

impl SchemaGate {
    /// Report for a run that did not produce per-file verdicts (exit 2:
    /// schema does not compile, usage error, xmllint missing; or anything
    /// unexpected).
    pub(super) fn script_failure(&self, output: &Output, files: usize) -> String {
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
    pub(super) fn report(
        &self,
        docs: &[(&str, &[u8])],
        files: &[String],
        failures: &[Failure],
    ) -> String {
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
pub(super) struct Failure {
    /// Index into the documents.
    pub(super) index: usize,
    /// `INVALID` or `BROKEN` with an explanation.
    pub(super) verdict: &'static str,
    /// xmllint's messages for this document.
    pub(super) messages: Vec<String>,
}

/// Parses `validate.sh -q` output: `INVALID <file>` / `BROKEN  <file> (not
/// well-formed XML)` lines, each followed by indented message lines.
pub(super) fn parse_failures(stdout: &str, index: &HashMap<&str, usize>) -> Vec<Failure> {
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
