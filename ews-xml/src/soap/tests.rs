//! Request envelopes as a server reads them, and faults as it writes them.

use super::{
    DateTimePrecision, Fault, Impersonation, ManagementRole, RequestHeader, ResponseBody,
    ServerVersionInfo, SoapError, TimeZoneContext, read_request, read_response, write_envelope,
    write_fault,
};
use crate::{Name, ReadErrorKind, ResponseCode, XmlRead as _};

/// The `ReadError` inside a [`SoapError::Read`].
fn read_error(err: SoapError) -> crate::ReadError {
    match err {
        SoapError::Read(e) => e,
        other => panic!("expected a read error, got {other:?}"),
    }
}

#[test]
fn a_request_with_every_header_reads() {
    let mut header =
        RequestHeader::new("Exchange2013_SP1").impersonate(Impersonation::Sid("S-1-5-21-1".into()));
    header.time_zone = Some(TimeZoneContext::new("Pacific Standard Time"));
    header.management_role = Some(ManagementRole {
        user_roles: vec!["UserRole".into()],
        application_roles: vec!["MailboxSearchApplication".into()],
    });
    header.date_time_precision = Some(DateTimePrecision::Milliseconds);
    let mut out = Vec::new();
    write_envelope(&mut out, &header, |w| {
        w.start(Name::m("GetFolder"))?;
        w.element_text(Name::m("FolderIds"), "")?;
        w.end()
    })
    .unwrap();

    let request = read_request(&out[..]).unwrap();
    assert_eq!(request.header, header);
    let mut body = request.body;
    assert!(body.start().is(Name::m("GetFolder")));
    let ids = body.reader().next_child().unwrap().unwrap();
    assert!(ids.is(Name::m("FolderIds")));
    body.finish().unwrap();
}

#[test]
fn microsofts_requests_read_with_their_headers() {
    let files = ews_test_support::ms_docs(None, "request-");
    for path in &files {
        let bytes = ews_test_support::ms_docs_sample(path);
        let request =
            read_request(&bytes[..]).unwrap_or_else(|e| panic!("{}: {e} ({e:?})", path.display()));
        let operation = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .unwrap();
        // `GetUserAvailabilityRequest` in the folder `GetUserAvailability`.
        let name = request.body.start().local_name();
        assert!(name.starts_with(operation), "{}: {name}", path.display());
        request
            .body
            .finish()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    // One sample with impersonation and a time zone context.
    for path in ews_test_support::ms_docs(Some("CreateItem"), "request-05") {
        let bytes = ews_test_support::ms_docs_sample(&path);
        let request = read_request(&bytes[..]).unwrap();
        assert_eq!(request.header.version.as_deref(), Some("Exchange2013"));
        assert_eq!(
            request.header.impersonation,
            Some(Impersonation::SmtpAddress("alfred@contoso.com".into()))
        );
        assert_eq!(
            request.header.time_zone,
            Some(TimeZoneContext::new("Pacific Standard Time"))
        );
    }
}

#[test]
fn a_request_without_a_header_reads_with_an_empty_one() {
    let doc = br#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><m:GetServerTimeZones xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"/></soap:Body></soap:Envelope>"#;
    let request = read_request(&doc[..]).unwrap();
    assert!(request.header.is_empty());
    assert!(request.body.start().is(Name::m("GetServerTimeZones")));
    request.body.finish().unwrap();

    // An empty header element, too.
    let doc = br#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/><soap:Body><GetServerTimeZones xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"/></soap:Body></soap:Envelope>"#;
    let request = read_request(&doc[..]).unwrap();
    assert_eq!(request.header, RequestHeader::default());
    request.body.finish().unwrap();
}

#[test]
fn prefixes_do_not_matter_and_unknown_headers_are_skipped() {
    let doc = br#"<E:Envelope xmlns:E="http://schemas.xmlsoap.org/soap/envelope/">
  <E:Header>
    <x:Trace xmlns:x="urn:example:trace"><x:Id>7</x:Id></x:Trace>
    <v:RequestServerVersion xmlns:v="http://schemas.microsoft.com/exchange/services/2006/types" Version="Exchange2016"/>
    <ExchangeImpersonation xmlns="http://schemas.microsoft.com/exchange/services/2006/types">
      <ConnectingSID><PrincipalName>alice@corp.test</PrincipalName></ConnectingSID>
    </ExchangeImpersonation>
  </E:Header>
  <E:Body>
    <GetFolder xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><FolderIds/></GetFolder>
    <x:Trailing xmlns:x="urn:example:trace"/>
  </E:Body>
  <x:After xmlns:x="urn:example:trace"/>
</E:Envelope>"#;
    let request = read_request(&doc[..]).unwrap();
    assert_eq!(
        request.header,
        RequestHeader::new("Exchange2016")
            .impersonate(Impersonation::PrincipalName("alice@corp.test".into()))
    );
    let mut body = request.body;
    assert!(body.start().is(Name::m("GetFolder")));
    assert!(!body.start().is(Name::t("GetFolder")));
    // The caller reads as much as it wants; the rest is skipped.
    assert!(body.reader().next_child().unwrap().is_some());
    body.finish().unwrap();
}

#[test]
fn a_body_that_is_not_soap_is_reported_with_its_start() {
    let cases: [(&[u8], &str); 5] = [
        (b"<html><body>Bad Request</body></html>", "an HTML page"),
        (b"GET / HTTP/1.1", "text"),
        (b"", "an empty body"),
        (
            br#"<GetFolder xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"/>"#,
            "a <m:GetFolder> document",
        ),
        (
            br#"<Envelope xmlns="http://www.w3.org/2003/05/soap-envelope"><Body/></Envelope>"#,
            "a <{http://www.w3.org/2003/05/soap-envelope}Envelope> document",
        ),
    ];
    for (body, what) in cases {
        match read_request(body) {
            Err(SoapError::NotSoap { what: w, head }) => {
                assert_eq!(w, what);
                assert_eq!(head, String::from_utf8_lossy(body).trim());
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    // XML that breaks off inside the body is a read error once the body is read.
    let doc = br#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><m:GetFolder xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">"#;
    let err = read_request(&doc[..]).unwrap().body.finish().unwrap_err();
    assert!(err.is_malformed(), "{err:?}");
}

#[test]
fn a_missing_body_or_body_element_is_an_error_with_its_path() {
    let doc = br#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><t:RequestServerVersion xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Version="Exchange2016"/></soap:Header></soap:Envelope>"#;
    let err = read_error(read_request(&doc[..]).unwrap_err());
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("soap:Body")),
        "{err:?}"
    );
    assert_eq!(err.path(), "Envelope");

    let doc = br#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body> </soap:Body></soap:Envelope>"#;
    let err = read_error(read_request(&doc[..]).unwrap_err());
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("body element")),
        "{err:?}"
    );
    assert_eq!(err.path(), "Envelope/Body");
}

#[test]
fn a_bad_header_is_an_error_with_its_path() {
    let doc = br#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><soap:Header><t:RequestServerVersion/></soap:Header><soap:Body/></soap:Envelope>"#;
    let err = read_error(read_request(&doc[..]).unwrap_err());
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingAttribute("Version")),
        "{err:?}"
    );
    assert_eq!(err.path(), "Envelope/Header/RequestServerVersion");
}

#[test]
fn faults_are_written_as_exchange_does_and_validate() {
    let version = ServerVersionInfo {
        major_version: Some(15),
        minor_version: Some(1),
        major_build_number: Some(2507),
        minor_build_number: Some(6),
        version: Some("Exchange2016".into()),
    };
    let fault = Fault::new(
        ResponseCode::ErrorInvalidServerVersion,
        "The specified server version is invalid.",
    );
    let mut with_version = Vec::new();
    write_fault(&mut with_version, Some(&version), &fault).unwrap();
    let mut without = Vec::new();
    write_fault(&mut without, None, &fault).unwrap();
    ews_test_support::assert_all_valid(&[
        ("fault-with-version", &with_version),
        ("fault-without-version", &without),
    ]);

    let resp = read_response(&with_version[..]).unwrap();
    assert_eq!(resp.server_version, Some(version));
    let ResponseBody::Fault(back) = resp.body else {
        panic!("not a fault")
    };
    assert_eq!(*back, fault);
    let resp = read_response(&without[..]).unwrap();
    assert_eq!(resp.server_version, None);

    // The same bytes as the envelope written by hand.
    let mut by_hand = Vec::new();
    super::write_response_envelope(&mut by_hand, None, |w| {
        crate::XmlWrite::write_xml(&fault, w, Name::soap("Fault"))
    })
    .unwrap();
    assert_eq!(without, by_hand);

    // A header read back from the written fault is the one given.
    let mut r = crate::Reader::from_bytes(&with_version);
    r.root().unwrap();
    let h = r.next_child().unwrap().unwrap();
    assert!(h.is(Name::soap("Header")));
    let v = r.next_child().unwrap().unwrap();
    assert_eq!(
        ServerVersionInfo::read_xml(&mut r, &v)
            .unwrap()
            .version
            .as_deref(),
        Some("Exchange2016")
    );
}
