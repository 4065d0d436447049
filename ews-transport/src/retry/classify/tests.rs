//! The classifier's tables.

use ews_xml::soap::{self, ResponseBody};

use super::*;

fn fault(code: &str, message: &str, message_xml: &str) -> Fault {
    let doc = format!(
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
        <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:{code}</faultcode>
        <faultstring>{message}</faultstring><detail>
        <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">{code}</e:ResponseCode>
        <e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">{message}</e:Message>
        <t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">{message_xml}</t:MessageXml>
        </detail></s:Fault></s:Body></s:Envelope>"#
    );
    match soap::read_response(doc.as_bytes()).unwrap().body {
        ResponseBody::Fault(f) => *f,
        _ => panic!("not a fault"),
    }
}

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (k, v) in pairs {
        h.insert(*k, v.parse().unwrap());
    }
    h
}

fn retry(after: Option<u64>, reason: RetryReason) -> Verdict {
    Verdict::Retry {
        after: after.map(Duration::from_millis),
        reason,
    }
}

#[test]
fn classify_table() {
    let busy = fault(
        "ErrorServerBusy",
        "The server cannot service this request right now. Try again later.",
        r#"<t:Value Name="BackOffMilliseconds">2500</t:Value>"#,
    );
    let wrapped = fault(
        "ErrorInternalServerError",
        "An internal server error occurred. The operation failed.",
        r#"<t:Value Name="InnerErrorResponseCode">ErrorServerBusy</t:Value><t:Value Name="BackOffMilliseconds">700</t:Value>"#,
    );
    let wrapped_text = fault(
        "ErrorInternalServerError",
        "ErrorServerBusy: The server cannot service this request right now. BackOffMilliseconds: 1200",
        "",
    );
    let internal = fault("ErrorInternalServerError", "Something broke.", "");
    let timeout = fault("ErrorTimeoutExpired", "The request timed out.", "");
    let schema = fault(
        "ErrorSchemaValidation",
        "The request failed schema validation",
        "",
    );
    let none = HeaderMap::new();
    let table: Vec<(u16, HeaderMap, Option<&Fault>, Verdict)> = vec![
        (200, none.clone(), None, Verdict::Response),
        (500, none.clone(), Some(&schema), Verdict::Response),
        (500, none.clone(), None, Verdict::Response),
        (500, none.clone(), Some(&internal), Verdict::Response),
        (
            500,
            none.clone(),
            Some(&busy),
            retry(Some(2500), RetryReason::ServerBusy),
        ),
        (
            500,
            none.clone(),
            Some(&wrapped),
            retry(Some(700), RetryReason::ServerBusy),
        ),
        (
            500,
            none.clone(),
            Some(&wrapped_text),
            retry(Some(1200), RetryReason::ServerBusy),
        ),
        (
            500,
            none.clone(),
            Some(&timeout),
            retry(
                None,
                RetryReason::Transient(ResponseCode::ErrorTimeoutExpired),
            ),
        ),
        (
            503,
            none.clone(),
            None,
            retry(None, RetryReason::ServiceUnavailable),
        ),
        (
            503,
            headers(&[("retry-after", "7")]),
            None,
            retry(Some(7000), RetryReason::ServiceUnavailable),
        ),
        (
            503,
            none.clone(),
            Some(&busy),
            retry(Some(2500), RetryReason::ServiceUnavailable),
        ),
        (
            429,
            headers(&[("retry-after", "3")]),
            None,
            retry(Some(3000), RetryReason::TooManyRequests),
        ),
        (
            429,
            headers(&[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")]),
            None,
            retry(None, RetryReason::TooManyRequests),
        ),
        (
            502,
            none.clone(),
            None,
            retry(None, RetryReason::BadGateway(502)),
        ),
        (
            302,
            headers(&[("location", "/owa/auth/errorFE.aspx?httpCode=500")]),
            None,
            retry(
                None,
                RetryReason::ErrorPage("/owa/auth/errorFE.aspx?httpCode=500".into()),
            ),
        ),
        (
            302,
            headers(&[("location", "https://x/EWS/GenericErrorPage.htm")]),
            None,
            retry(
                None,
                RetryReason::ErrorPage("https://x/EWS/GenericErrorPage.htm".into()),
            ),
        ),
        (
            302,
            headers(&[("location", "https://other/EWS/Exchange.asmx")]),
            None,
            Verdict::Fail(FailKind::Redirect(Some(
                "https://other/EWS/Exchange.asmx".into(),
            ))),
        ),
        (
            500,
            headers(&[("x-casErrorCode", "ServerBusy")]),
            None,
            retry(None, RetryReason::CasError("ServerBusy".into())),
        ),
        (
            403,
            headers(&[("X-CasErrorCode", "UserNotFound")]),
            None,
            Verdict::Fail(FailKind::CasError("UserNotFound".into())),
        ),
        (
            401,
            none.clone(),
            None,
            Verdict::Fail(FailKind::Unauthorized),
        ),
        (404, none, None, Verdict::Fail(FailKind::Status(404))),
    ];
    for (status, h, f, want) in table {
        assert_eq!(classify(status, &h, f), want, "{status} {h:?} {f:?}");
    }
}

#[test]
fn io_and_unauthorized_table() {
    assert_eq!(
        classify_io(IoFailure::BeforeSend, false),
        retry(None, RetryReason::ConnectFailed)
    );
    assert_eq!(
        classify_io(IoFailure::AfterSend, true),
        retry(None, RetryReason::ConnectionReset)
    );
    assert_eq!(
        classify_io(IoFailure::AfterSend, false),
        Verdict::Fail(FailKind::MaybeSent)
    );
    assert_eq!(
        classify_unauthorized(true),
        retry(None, RetryReason::UnauthorizedAfterSuccess)
    );
    assert_eq!(
        classify_unauthorized(false),
        Verdict::Fail(FailKind::Unauthorized)
    );
}
