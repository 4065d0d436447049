//! SOAP documents: envelopes with their headers, non-SOAP bodies, faults.

use crate::soap::{self, ResponseBody};
use crate::{Name, Reader};

#[test]
fn envelopes_with_every_header_round_trip() {
    use crate::soap::{
        DateTimePrecision, Impersonation, ManagementRole, RequestHeader, TimeZoneContext,
    };
    let mut header =
        RequestHeader::new("Exchange2013_SP1").impersonate(Impersonation::Sid("S-1-5-21-1".into()));
    header.time_zone = Some(TimeZoneContext::new("Pacific Standard Time"));
    header.management_role = Some(ManagementRole {
        user_roles: vec!["UserRole".into()],
        application_roles: vec!["MailboxSearchApplication".into()],
    });
    header.date_time_precision = Some(DateTimePrecision::Milliseconds);
    let mut out = Vec::new();
    soap::write_envelope(&mut out, &header, |w| {
        w.start(Name::m("GetServerTimeZones"))?;
        w.end()
    })
    .unwrap();
    ews_test_support::assert_valid("envelope-all-headers", &out);

    let mut r = Reader::from_bytes(&out);
    r.root().unwrap();
    let h = r.next_child().unwrap().unwrap();
    let back = <RequestHeader as crate::XmlRead>::read_xml(&mut r, &h).unwrap();
    assert_eq!(back, header);

    for who in [
        Impersonation::PrincipalName("alice@corp.test".into()),
        Impersonation::PrimarySmtpAddress("alice@example.test".into()),
        Impersonation::SmtpAddress("al@example.test".into()),
    ] {
        let header = RequestHeader::new("Exchange2016").impersonate(who);
        let mut out = Vec::new();
        soap::write_envelope(&mut out, &header, |w| {
            w.element_text(Name::m("GetServerTimeZones"), "")
        })
        .unwrap();
        ews_test_support::assert_valid("envelope-impersonation", &out);
    }
}

#[test]
fn html_and_other_non_soap_bodies_are_reported_with_their_start() {
    let cases: [(&[u8], &str); 5] = [
        (
            b"<!DOCTYPE html><html><head><title>Server Error</title></head></html>",
            "an HTML page",
        ),
        (b"<html><body>502 Bad Gateway</body></html>", "an HTML page"),
        (b"Service Unavailable", "text"),
        (b"", "an empty body"),
        (
            b"<Autodiscover xmlns=\"urn:x\"/>",
            "a <{urn:x}Autodiscover> document",
        ),
    ];
    for (body, what) in cases {
        match soap::read_response(body) {
            Err(soap::SoapError::NotSoap { what: w, head }) => {
                assert_eq!(w, what);
                assert_eq!(head, String::from_utf8_lossy(body).trim());
            }
            other => panic!("{what}: {other:?}"),
        }
    }
}

#[test]
fn faults_round_trip_and_validate() {
    let fault = soap::Fault {
        code: "a:ErrorServerBusy".into(),
        string: "The server cannot service this request right now. Try again later.".into(),
        detail_code: Some(crate::ResponseCode::ErrorServerBusy),
        detail_message: Some("busy".into()),
        message_xml: Some(soap::MessageXml {
            entries: vec![("BackOffMilliseconds".into(), "12000".into())],
        }),
        ..Default::default()
    };
    let version = soap::ServerVersionInfo {
        major_version: Some(15),
        minor_version: Some(20),
        major_build_number: Some(5),
        minor_build_number: Some(0),
        version: Some("V2018_01_08".into()),
    };
    let mut out = Vec::new();
    soap::write_fault(&mut out, Some(&version), &fault).unwrap();
    ews_test_support::assert_valid("fault", &out);
    let resp = soap::read_response(&out[..]).unwrap();
    assert_eq!(resp.server_version, Some(version));
    let ResponseBody::Fault(back) = resp.body else {
        panic!("not a fault")
    };
    assert_eq!(back.code, "t:ErrorServerBusy");
    assert_eq!(
        back.back_off(),
        Some(std::time::Duration::from_millis(12000))
    );
    assert_eq!(back.detail_message.as_deref(), Some("busy"));
}
