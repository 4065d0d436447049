//! Every documented response and request reads through the by-name entry points, and every
//! response survives the fuzz target's write-and-parse-again oracle.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ews_model::operations::{AnyRequest, OPERATIONS, ParseResponseError, parse_response};
use ews_test_support::ms_docs;
use ews_xml::{Name, Reader};

/// Two documented samples cut base64 content short with "…"; they are refused, as they
/// should be, and skipped here.
fn truncated(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).contains('…')
}

#[test]
fn every_documented_response_parses_by_name_and_round_trips() {
    let mut parsed = 0;
    for op in OPERATIONS {
        for path in ms_docs(Some(op), "response-") {
            let bytes = std::fs::read(&path).unwrap();
            match parse_response(op, &bytes) {
                Ok(response) => {
                    assert_eq!(response.operation(), *op);
                    let mut data = vec![OPERATIONS.iter().position(|o| o == op).unwrap() as u8];
                    data.extend_from_slice(&bytes);
                    ews_model::fuzzing::parse_any_response(&data);
                    parsed += 1;
                }
                Err(_) if truncated(&bytes) => {}
                Err(e) => panic!("{}: {e:?}", path.display()),
            }
        }
    }
    println!("parsed {parsed} documented responses");
    assert!(
        parsed > 40 || !ews_test_support::require_schema(),
        "{parsed}"
    );
}

#[test]
fn every_documented_request_reads_by_element_name() {
    let mut read = 0;
    for op in OPERATIONS {
        for path in ms_docs(Some(op), "request-") {
            let bytes = std::fs::read(&path).unwrap();
            if truncated(&bytes) {
                continue;
            }
            let mut r = Reader::from_bytes(&bytes);
            r.root().unwrap();
            let request = loop {
                let child = r.next_child().unwrap().unwrap();
                if child.is(Name::soap("Body")) {
                    let start = r.next_child().unwrap().unwrap();
                    break AnyRequest::read_body(&mut r, &start).unwrap();
                }
                r.skip_element().unwrap();
            };
            let request = request.unwrap_or_else(|| panic!("{}: not recognised", path.display()));
            assert_eq!(request.operation(), *op, "{}", path.display());
            read += 1;
        }
    }
    assert!(read > 60 || !ews_test_support::require_schema(), "{read}");
}

#[test]
fn wrong_operations_and_faults_are_reported() {
    let get_folder = std::fs::read(
        ms_docs(Some("GetFolder"), "response-")
            .first()
            .cloned()
            .unwrap_or_default(),
    );
    if let Ok(bytes) = get_folder {
        assert!(matches!(
            parse_response("GetItem", &bytes),
            Err(ParseResponseError::Body(_))
        ));
        assert!(matches!(
            parse_response("NoSuchOperation", &bytes),
            Err(ParseResponseError::UnknownOperation(_))
        ));
    }
    for path in ms_docs(Some("SoapFault"), "") {
        let bytes = std::fs::read(&path).unwrap();
        assert!(matches!(
            parse_response("GetItem", &bytes),
            Err(ParseResponseError::Fault(_))
        ));
    }
    assert!(matches!(
        parse_response("GetItem", b"<html><body>Bad gateway</body></html>"),
        Err(ParseResponseError::Soap(_))
    ));
}
