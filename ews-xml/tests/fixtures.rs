//! Every real EWS document from Microsoft's documentation reads without error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ews_test_support::{ms_docs, require_schema};
use ews_xml::soap::{self, ResponseBody};
use ews_xml::{Reader, XmlRead};

#[test]
fn every_ms_docs_response_reads() {
    let files = ms_docs(None, "response-");
    let mut messages = 0;
    let mut faults = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let resp = soap::read_response(&bytes[..])
            .unwrap_or_else(|e| panic!("{}: {e} ({e:?})", path.display()));
        match resp.body {
            ResponseBody::Message(body) => {
                assert!(!body.start().local_name().is_empty());
                body.finish()
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                messages += 1;
            }
            ResponseBody::Fault(f) => {
                assert!(
                    !f.code.is_empty(),
                    "{}: fault without faultcode",
                    path.display()
                );
                faults += 1;
            }
            _ => unreachable!("no other body kinds exist yet"),
        }
    }
    println!(
        "read {} response documents ({messages} messages, {faults} faults)",
        files.len()
    );
    assert!(
        !(files.is_empty() && require_schema()),
        "no response fixtures were read"
    );
}

#[test]
fn every_ms_docs_request_reads_with_its_header() {
    let files = ms_docs(None, "request-");
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let mut r = Reader::from_bytes(&bytes);
        let root = r.root().unwrap();
        assert_eq!(root.local_name(), "Envelope", "{}", path.display());
        while let Some(child) = r.next_child().unwrap() {
            if child.local_name() == "Header" {
                soap::RequestHeader::read_xml(&mut r, &child)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            } else {
                r.skip_element().unwrap();
            }
        }
        r.read_to_end()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    println!("read {} request documents", files.len());
    assert!(
        !(files.is_empty() && require_schema()),
        "no request fixtures were read"
    );
}

#[test]
fn every_soap_fault_fixture_gives_its_code() {
    let files = ms_docs(Some("SoapFault"), "");
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let resp = soap::read_response(&bytes[..]).unwrap();
        let ResponseBody::Fault(fault) = resp.body else {
            panic!("{}: not a fault", path.display())
        };
        // An EWS response code or, for plain SOAP faults (soap:Client), the SOAP code.
        let code = fault.response_code();
        let shown = code
            .as_ref()
            .map_or_else(|| fault.code_local_name().to_owned(), |c| c.to_string());
        assert!(!shown.is_empty(), "{}", path.display());
        if let Some(code) = &code {
            assert!(
                !matches!(code, ews_xml::ResponseCode::Other(_)),
                "{}: {code}",
                path.display()
            );
        }
        println!("{}: {shown}", path.display());
    }
    assert!(
        !(files.is_empty() && require_schema()),
        "no fault fixtures were read"
    );
}

#[test]
fn known_fault_fixtures_have_the_documented_codes() {
    let Some(path) = ms_docs(Some("SoapFault"), "response-01").first().cloned() else {
        return;
    };
    let bytes = std::fs::read(path).unwrap();
    let ResponseBody::Fault(f) = soap::read_response(&bytes[..]).unwrap().body else {
        panic!()
    };
    assert_eq!(
        f.response_code(),
        Some(ews_xml::ResponseCode::ErrorSchemaValidation)
    );
    let xml = f.message_xml.as_ref().unwrap();
    assert_eq!(xml.get("LineNumber"), Some("11"));
    assert_eq!(xml.get("LinePosition"), Some("33"));
}
