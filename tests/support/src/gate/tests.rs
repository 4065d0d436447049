//! The gate against its real schema, and its parts on their own.

use super::files::MAX_STEM_LEN;
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
    let root = std::env::temp_dir().join(format!("ews-test-support-{tag}-{}", std::process::id()));
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
