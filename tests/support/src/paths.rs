//! Where the shared schema and fixtures live, and the fixture locator.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Environment variable that overrides [`schema_dir`].
pub(crate) const SCHEMA_DIR_VAR: &str = "EWS_SCHEMA_DIR";
/// Environment variable that overrides [`fixtures_dir`].
const FIXTURES_DIR_VAR: &str = "EWS_FIXTURES_DIR";
/// Environment variable that makes a missing gate or fixture folder fatal.
pub(crate) const REQUIRE_VAR: &str = "EWS_REQUIRE_SCHEMA";

/// The folder `shared` that sits beside the repository: `<repo>/../shared`.
///
/// Computed from this crate's manifest folder (`<repo>/tests/support`),
/// so it does not depend on the current directory. The path is canonicalized
/// when it exists, so messages show a clean path.
pub fn shared_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    // <repo>/tests/support -> <repo>
    let repo = manifest.parent().and_then(Path::parent).unwrap_or(manifest);
    let shared = repo.join("..").join("shared");
    fs::canonicalize(&shared).unwrap_or(shared)
}

/// The EWS schema folder (holding `validate.sh`): the `EWS_SCHEMA_DIR`
/// environment variable if set, else `shared_dir()/ews-schema`.
pub fn schema_dir() -> PathBuf {
    env_dir(SCHEMA_DIR_VAR).unwrap_or_else(|| shared_dir().join("ews-schema"))
}

/// The Microsoft documentation fixtures folder (one subfolder per operation):
/// the `EWS_FIXTURES_DIR` environment variable if set, else
/// `shared_dir()/fixtures/ms-docs`.
pub fn fixtures_dir() -> PathBuf {
    env_dir(FIXTURES_DIR_VAR).unwrap_or_else(|| shared_dir().join("fixtures").join("ms-docs"))
}

/// Whether the schema gate and fixtures are mandatory: the environment
/// variable `EWS_REQUIRE_SCHEMA` equals `1` (set in CI).
///
/// When true, an unavailable schema gate or a missing fixtures folder makes
/// the test panic instead of being skipped.
pub fn require_schema() -> bool {
    std::env::var_os(REQUIRE_VAR).is_some_and(|v| v == "1")
}

/// A non-empty directory path from an environment variable.
fn env_dir(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Sorted list of the fixture files `<fixtures_dir>/<Operation>/<prefix>*.xml`.
///
/// With `operation: None`, all operation folders are searched. Examples:
/// `ms_docs(None, "response-")` lists every response sample,
/// `ms_docs(Some("SoapFault"), "")` every SOAP fault sample.
///
/// When the fixtures folder does not exist, this prints
/// `skipping: fixtures folder <path> not found` to stderr and returns an empty
/// list; if [`require_schema`] is true it panics with that message instead.
/// A missing folder for a named operation is reported on stderr and yields an
/// empty list.
///
/// # Panics
///
/// If the fixtures folder is missing while `EWS_REQUIRE_SCHEMA=1`, or if a
/// folder that exists cannot be read.
pub fn ms_docs(operation: Option<&str>, prefix: &str) -> Vec<PathBuf> {
    ms_docs_in(&fixtures_dir(), operation, prefix, require_schema())
}

/// [`ms_docs`] for an explicit fixtures folder and requirement flag.
pub(crate) fn ms_docs_in(
    root: &Path,
    operation: Option<&str>,
    prefix: &str,
    required: bool,
) -> Vec<PathBuf> {
    if !root.is_dir() {
        let msg = format!(
            "skipping: fixtures folder {} not found (set {FIXTURES_DIR_VAR} or check out ../shared)",
            root.display()
        );
        assert!(!required, "{msg} and {REQUIRE_VAR}=1 requires it");
        eprintln!("{msg}");
        return Vec::new();
    }

    let op_dirs: Vec<PathBuf> = match operation {
        Some(op) => {
            let dir = root.join(op);
            if !dir.is_dir() {
                eprintln!("no fixtures: operation folder {} not found", dir.display());
                return Vec::new();
            }
            vec![dir]
        }
        None => read_dir_sorted(root)
            .into_iter()
            .filter(|p| p.is_dir())
            .collect(),
    };

    let mut files: Vec<PathBuf> = op_dirs
        .iter()
        .flat_map(|dir| read_dir_sorted(dir))
        .filter(|p| p.is_file() && matches_fixture(p, prefix))
        .collect();
    files.sort();
    files
}

/// Whether a file name starts with `prefix` and ends with `.xml`.
fn matches_fixture(path: &Path, prefix: &str) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".xml"))
}

/// The entries of a folder, sorted; panics with the path on I/O errors.
fn read_dir_sorted(dir: &Path) -> Vec<PathBuf> {
    let entries: io::Result<Vec<PathBuf>> = fs::read_dir(dir).and_then(|rd| {
        rd.map(|e| e.map(|e| e.path()))
            .collect::<io::Result<Vec<PathBuf>>>()
    });
    let mut entries = match entries {
        Ok(entries) => entries,
        Err(err) => panic!("cannot read fixtures folder {}: {err}", dir.display()),
    };
    entries.sort();
    entries
}

/// The bytes of a fixture, with the `…` Microsoft's samples put in elided `MimeContent` (not
/// base64, so no reader would take it) removed.
pub fn ms_docs_sample(path: &Path) -> Vec<u8> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => panic!("reading {}: {e}", path.display()),
    };
    text.lines()
        .map(|l| {
            if l.contains("MimeContent") {
                l.replace('…', "")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_dir_is_beside_the_repository() {
        let shared = shared_dir();
        assert!(shared.ends_with("shared"), "{}", shared.display());
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let repo = manifest.parent().unwrap().parent().unwrap();
        // Compared as resolved paths: `../shared` may be a copy or a link.
        if let Ok(beside) = fs::canonicalize(repo.join("../shared")) {
            assert_eq!(beside, fs::canonicalize(&shared).unwrap());
        }
    }

    #[test]
    fn missing_fixtures_folder_is_skipped() {
        let missing = std::env::temp_dir().join("ews-test-support-no-such-fixtures-folder");
        assert!(ms_docs_in(&missing, None, "", false).is_empty());
    }

    #[test]
    #[should_panic(expected = "skipping: fixtures folder")]
    fn missing_fixtures_folder_panics_when_required() {
        let missing = std::env::temp_dir().join("ews-test-support-no-such-fixtures-folder");
        let _ = ms_docs_in(&missing, None, "", true);
    }

    #[test]
    fn prefix_and_extension_filter() {
        assert!(matches_fixture(
            Path::new("a/b/response-01.xml"),
            "response-"
        ));
        assert!(matches_fixture(Path::new("a/b/request-01.xml"), ""));
        assert!(!matches_fixture(
            Path::new("a/b/request-01.xml"),
            "response-"
        ));
        assert!(!matches_fixture(
            Path::new("a/b/response-01.txt"),
            "response-"
        ));
    }
}
