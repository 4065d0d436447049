//! Integration tests of the schema gate and the fixture locator against the
//! real `../shared` folder.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

use std::fs;
use std::path::{Path, PathBuf};

use ews_test_support::{
    Collector, GateOutcome, SchemaGate, assert_all_valid, assert_valid, gate, ms_docs,
    require_schema, schema_dir,
};

/// The gate, or `None` (after a note) when it is unavailable and not required.
fn available_gate() -> Option<&'static SchemaGate> {
    let gate = gate();
    if gate.is_available() {
        return Some(gate);
    }
    assert!(
        !require_schema(),
        "EWS_REQUIRE_SCHEMA=1 but gate unavailable: {:?}",
        gate.unavailable_reason()
    );
    eprintln!("skipped: {:?}", gate.unavailable_reason());
    None
}

/// Sorted `*.xml` files of a selftest folder, with their contents.
fn selftest(kind: &str) -> Vec<(String, Vec<u8>)> {
    let dir = schema_dir().join("selftest").join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no files in {}", dir.display());
    files
        .iter()
        .map(|p| (file_name(p), fs::read(p).unwrap()))
        .collect()
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

fn refs(docs: &[(String, Vec<u8>)]) -> Vec<(&str, &[u8])> {
    docs.iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect()
}

#[test]
fn selftest_valid_documents_are_valid() {
    let Some(gate) = available_gate() else { return };
    let docs = selftest("valid");
    assert_eq!(
        gate.validate(&refs(&docs)),
        GateOutcome::Valid { count: docs.len() }
    );
    assert_all_valid(&refs(&docs));
    for (name, doc) in &docs {
        assert_valid(name, doc);
    }
}

#[test]
fn selftest_invalid_documents_are_each_reported() {
    let Some(gate) = available_gate() else { return };
    let invalid = selftest("invalid");
    let valid = selftest("valid");
    // One run for all: every invalid file is named, no valid one is.
    let mut all = refs(&invalid);
    all.extend(refs(&valid));
    let GateOutcome::Invalid { report } = gate.validate(&all) else {
        panic!("expected Invalid");
    };
    assert!(
        report.contains(&format!("{} of {} document(s)", invalid.len(), all.len())),
        "{report}"
    );
    for (name, _) in &invalid {
        assert!(
            report.contains(&format!("=== {name:?}")),
            "{name} not in {report}"
        );
    }
    for (name, _) in &valid {
        assert!(
            !report.contains(name.as_str()),
            "{name} wrongly in {report}"
        );
    }
    // And each one on its own.
    for (name, doc) in &invalid {
        match gate.validate(&[(name, doc)]) {
            GateOutcome::Invalid { report } => {
                assert!(report.contains(&format!("=== {name:?}")), "{report}");
                assert!(report.contains("xmllint says:"), "{report}");
            }
            other => panic!("{name}: expected Invalid, got {other:?}"),
        }
    }
}

#[test]
fn not_well_formed_document_is_invalid() {
    let Some(gate) = available_gate() else { return };
    for doc in [&b"<m:GetFolder xmlns:m=\"x\">"[..], b"", b"not xml at all"] {
        let GateOutcome::Invalid { report } = gate.validate(&[("broken", doc)]) else {
            panic!("expected Invalid for {:?}", String::from_utf8_lossy(doc));
        };
        assert!(report.contains("BROKEN (not well-formed XML)"), "{report}");
        assert!(report.contains("\"broken\""), "{report}");
    }
}

#[test]
fn same_names_are_kept_apart() {
    let Some(gate) = available_gate() else { return };
    let valid = selftest("valid");
    let invalid = selftest("invalid");
    let docs = [
        ("doc", valid[0].1.as_slice()),
        ("doc", invalid[0].1.as_slice()),
    ];
    let GateOutcome::Invalid { report } = gate.validate(&docs) else {
        panic!("expected Invalid");
    };
    assert!(report.contains("1 of 2"), "{report}");
    assert!(report.contains("validated as doc-2.xml"), "{report}");
}

#[test]
fn missing_schema_dir_is_skipped() {
    let dir = std::env::temp_dir().join("ews-test-support-no-such-schema-dir");
    let gate = SchemaGate::with_dir(dir.clone());
    assert!(!gate.is_available());
    match gate.validate(&[("doc", b"<x/>")]) {
        GateOutcome::Skipped { reason } => {
            assert!(reason.contains(&dir.display().to_string()), "{reason}");
            assert_eq!(gate.unavailable_reason(), Some(reason.as_str()));
        }
        other => panic!("expected Skipped, got {other:?}"),
    }
}

#[test]
fn collector_validates_on_finish_and_on_drop() {
    if available_gate().is_none() {
        return;
    }
    let docs = selftest("valid");
    let mut collector = Collector::new();
    for (name, doc) in &docs {
        collector.add(name.as_str(), doc.clone());
    }
    assert_eq!(collector.len(), docs.len());
    collector.finish();

    let mut dropped = Collector::new();
    dropped.add("dropped", docs[0].1.clone());
    drop(dropped);
}

#[test]
fn collector_panics_with_report() {
    if available_gate().is_none() {
        return;
    }
    let invalid = selftest("invalid");
    let (name, doc) = invalid[0].clone();
    let on_finish = std::panic::catch_unwind(move || {
        let mut c = Collector::new();
        c.add(name, doc);
        c.finish();
    })
    .expect_err("finish must panic");
    let msg = on_finish.downcast_ref::<String>().unwrap();
    assert!(msg.contains(&format!("=== {:?}", invalid[0].0)), "{msg}");

    let (name, doc) = invalid[1].clone();
    let on_drop = std::panic::catch_unwind(move || {
        let mut c = Collector::new();
        c.add(name, doc);
    })
    .expect_err("drop must panic");
    let msg = on_drop.downcast_ref::<String>().unwrap();
    assert!(msg.contains(&format!("=== {:?}", invalid[1].0)), "{msg}");
}

#[test]
fn collector_does_not_double_panic() {
    let invalid = selftest("invalid");
    let (name, doc) = invalid[0].clone();
    let result = std::panic::catch_unwind(move || {
        let mut c = Collector::new();
        c.add(name, doc);
        panic!("test failure");
    });
    let err = result.expect_err("must panic");
    assert_eq!(err.downcast_ref::<&str>(), Some(&"test failure"));
}

#[test]
fn getitem_response_fixtures_exist() {
    let files = ms_docs(Some("GetItem"), "response-");
    assert!(!files.is_empty());
    assert!(files.is_sorted());
    for f in &files {
        let name = file_name(f);
        assert!(
            name.starts_with("response-") && name.ends_with(".xml"),
            "{name}"
        );
        assert_eq!(f.parent().unwrap().file_name().unwrap(), "GetItem");
    }
    let all = ms_docs(None, "response-");
    assert!(all.len() > files.len());
    assert!(all.is_sorted());
    assert!(files.iter().all(|f| all.contains(f)));
    assert!(!ms_docs(Some("SoapFault"), "").is_empty());
    assert!(ms_docs(Some("NoSuchOperation"), "").is_empty());
}

#[test]
fn all_ms_docs_fixtures_are_valid() {
    if available_gate().is_none() {
        return;
    }
    let docs: Vec<(String, Vec<u8>)> = ms_docs(None, "")
        .iter()
        .map(|p| {
            let op = file_name(p.parent().unwrap());
            (format!("{op}/{}", file_name(p)), fs::read(p).unwrap())
        })
        .collect();
    assert!(docs.len() > 100, "only {} fixtures", docs.len());
    assert_eq!(
        gate().validate(&refs(&docs)),
        GateOutcome::Valid { count: docs.len() }
    );
}
