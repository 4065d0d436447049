//! FakeExchange's injected faults, driven through the workspace's own client
//! (`ews-transport`): retries, back-off, exhaustion, exactly-once writes, broken bodies.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::time::Duration;

use base64::Engine as _;
use ews_auth::{Credentials, SchemeKind};
use ews_model::operations::{AnyResponse, parse_response};
use ews_tests::{FakeExchange, FaultKind, FaultRule, UNREAD_OPERATION};
use ews_transport::{
    Auth, CallOptions, Error, Jitter, RetryPolicy, RetryReason, Schedule, SoapResponse, Transport,
};
use ews_xml::ResponseCode;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::time::Instant;

const USER: &str = "alice@example.test";
const PASSWORD: &str = "secret";
const NS: &str = r#"xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types""#;
const INBOX: &str = r#"<t:DistinguishedFolderId Id="inbox"/>"#;

fn envelope(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope {NS}><soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></soap:Header><soap:Body>{body}</soap:Body></soap:Envelope>"#
    )
}

fn get_inbox_request() -> String {
    envelope(&format!(
        r#"<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds>{INBOX}</m:FolderIds></m:GetFolder>"#
    ))
}

fn create_folder_request(name: &str) -> String {
    envelope(&format!(
        r#"<m:CreateFolder><m:ParentFolderId>{INBOX}</m:ParentFolderId><m:Folders><t:Folder><t:DisplayName>{name}</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>"#
    ))
}

fn find_folder_request() -> String {
    envelope(&format!(
        r#"<m:FindFolder Traversal="Shallow"><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:ParentFolderIds>{INBOX}</m:ParentFolderIds></m:FindFolder>"#
    ))
}

async fn start(rules: impl IntoIterator<Item = FaultRule>) -> FakeExchange {
    let mut b = FakeExchange::builder()
        .user(USER, PASSWORD)
        .check_documents_on_drop(common::gate);
    for rule in rules {
        b = b.fault(rule);
    }
    b.start().await.unwrap()
}

/// The smallest jitter: every delay is half the exponential step.
#[derive(Debug)]
struct NoJitter;

impl Jitter for NoJitter {
    fn next_factor(&self) -> f64 {
        0.0
    }
}

/// A Basic-authenticated client whose own back-off is a few milliseconds, so that any
/// longer wait comes from the server's hint.
fn client(server: &FakeExchange, retry: RetryPolicy) -> Transport {
    let mut schedule = Schedule::default();
    schedule.base = Duration::from_millis(10);
    schedule.cap = Duration::from_millis(20);
    Transport::builder(server.url())
        .auth(Auth::from_credentials(
            SchemeKind::Basic,
            Credentials::password(USER, PASSWORD).unwrap(),
        ))
        .dump_from_env(false)
        .retry_policy(retry)
        .back_off_schedule(schedule)
        .jitter(NoJitter)
        .request_timeout(Some(Duration::from_secs(10)))
        .build()
        .unwrap()
}

fn tolerant(max_wait: Duration) -> RetryPolicy {
    RetryPolicy::FaultTolerance { max_wait }
}

async fn get_inbox(t: &Transport) -> Result<SoapResponse, Error> {
    t.send_envelope(get_inbox_request(), &CallOptions::new("GetFolder"))
        .await
}

/// The display name of the inbox, from a 200 answer.
async fn inbox_name(r: SoapResponse) -> String {
    assert_eq!(r.status(), 200);
    let bytes = r.into_body().bytes(1 << 20).await.unwrap();
    let AnyResponse::GetFolder(g) = parse_response("GetFolder", &bytes).unwrap() else {
        panic!()
    };
    g.into_results()
        .remove(0)
        .unwrap()
        .display_name()
        .unwrap()
        .to_owned()
}

/// Creates a folder under the inbox; `idempotent: false` as a real CreateItem that sends
/// would be marked.
async fn create_folder(
    t: &Transport,
    name: &str,
    idempotent: bool,
) -> Result<Result<(), ResponseCode>, Error> {
    let opts = CallOptions::new("CreateFolder").idempotent(idempotent);
    let r = t.send_envelope(create_folder_request(name), &opts).await?;
    assert_eq!(r.status(), 200);
    let bytes = r.into_body().bytes(1 << 20).await?;
    let AnyResponse::CreateFolder(c) = parse_response("CreateFolder", &bytes).unwrap() else {
        panic!()
    };
    Ok(c.into_results()
        .remove(0)
        .map(|_| ())
        .map_err(|e| e.code().expect("a server error").clone()))
}

/// The names of the inbox's subfolders.
async fn subfolders(t: &Transport) -> Vec<String> {
    let r = t
        .send_envelope(find_folder_request(), &CallOptions::new("FindFolder"))
        .await
        .unwrap();
    let bytes = r.into_body().bytes(16 << 20).await.unwrap();
    let AnyResponse::FindFolder(f) = parse_response("FindFolder", &bytes).unwrap() else {
        panic!()
    };
    f.into_results()
        .remove(0)
        .unwrap()
        .folders
        .iter()
        .map(|f| f.display_name().unwrap().to_owned())
        .collect()
}

/// One request over a raw socket (`Connection: close`): the head and the body bytes that
/// arrived before the server closed.
async fn raw_post(server: &FakeExchange, body: &str) -> (String, Vec<u8>) {
    let mut tcp = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    let token = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nAuthorization: Basic {token}\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        ews_tests::EWS_PATH,
        server.addr(),
        body.len()
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    tcp.write_all(body.as_bytes()).await.unwrap();
    let mut got = Vec::new();
    let _ = tcp.read_to_end(&mut got).await;
    let split = got
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(got.len(), |p| p + 4);
    let body = got.split_off(split);
    (String::from_utf8_lossy(&got).into_owned(), body)
}

fn content_length(head: &str) -> usize {
    head.lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().unwrap())
        })
        .unwrap()
}

#[tokio::test]
async fn server_busy_is_recognised_and_its_back_off_honoured() {
    let back_off = Duration::from_millis(400);
    let server = start([FaultRule::new(FaultKind::ServerBusy { back_off }).next(1)]).await;

    // Exchange's shape: 500, ErrorServerBusy in the detail, the back-off in MessageXml.
    let (head, body) = raw_post(&server, &get_inbox_request()).await;
    assert!(head.starts_with("HTTP/1.1 500"), "{head}");
    let text = String::from_utf8(body.clone()).unwrap();
    assert!(
        text.contains(r#"<t:Value Name="BackOffMilliseconds">400</t:Value>"#),
        "{text}"
    );
    let ews_xml::soap::ResponseBody::Fault(fault) =
        ews_xml::soap::read_response(&body[..]).unwrap().body
    else {
        panic!("{text}")
    };
    assert_eq!(fault.response_code(), Some(ResponseCode::ErrorServerBusy));
    assert_eq!(fault.back_off(), Some(back_off));
    assert_eq!(
        ews_transport::classify(500, &http::HeaderMap::new(), Some(&fault)),
        ews_transport::Verdict::Retry {
            after: Some(back_off),
            reason: RetryReason::ServerBusy
        }
    );

    // The client retries after at least the back-off (its own schedule would wait 5 ms).
    server.set_faults([FaultRule::new(FaultKind::ServerBusy { back_off }).next(1)]);
    let t = client(&server, tolerant(Duration::from_secs(10)));
    let started = Instant::now();
    let r = get_inbox(&t).await.unwrap();
    let elapsed = started.elapsed();
    assert_eq!(r.attempts(), 2);
    assert_eq!(inbox_name(r).await, "Inbox");
    assert!(elapsed >= back_off, "{elapsed:?}");
    assert_eq!(server.faults_fired(), 2);
    assert_eq!(server.faults_fired_by_kind()["ServerBusy"], 2);
    assert_eq!(server.faulted_count("GetFolder"), 2);
    assert_eq!(server.processed_count("GetFolder"), 1);
    assert_eq!(server.operation_count("GetFolder"), 1);

    // Fail-fast: the same fault is an error naming the reason.
    server.set_faults([FaultRule::new(FaultKind::ServerBusy { back_off }).next(1)]);
    let t = client(&server, RetryPolicy::FailFast);
    let e = get_inbox(&t).await.unwrap_err();
    let Error::GaveUp {
        attempts, reason, ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!((*attempts, reason), (1, &RetryReason::ServerBusy));
}

#[tokio::test]
async fn service_unavailable_and_too_many_requests_are_retried() {
    // Two 503s without Retry-After, then an answer.
    let server = start([FaultRule::new(FaultKind::ServiceUnavailable {
        retry_after_secs: None,
    })
    .next(2)])
    .await;
    let t = client(&server, tolerant(Duration::from_secs(10)));
    let r = get_inbox(&t).await.unwrap();
    assert_eq!(r.attempts(), 3);
    assert_eq!(inbox_name(r).await, "Inbox");
    assert_eq!(server.faulted_count("GetFolder"), 2);
    assert_eq!(server.processed_count("GetFolder"), 1);

    // A 503 with Retry-After: 1 and a 429 without: the client waits the second.
    server.set_faults([
        FaultRule::new(FaultKind::ServiceUnavailable {
            retry_after_secs: Some(1),
        })
        .next(1),
        FaultRule::new(FaultKind::TooManyRequests {
            retry_after_secs: None,
        })
        .next(1),
    ]);
    let (head, _) = raw_post(&server, &get_inbox_request()).await;
    assert!(head.starts_with("HTTP/1.1 503"), "{head}");
    assert!(
        head.to_ascii_lowercase().contains("retry-after: 1\r\n"),
        "{head}"
    );
    let (head, _) = raw_post(&server, &get_inbox_request()).await;
    assert!(head.starts_with("HTTP/1.1 429"), "{head}");
    server.set_faults([
        FaultRule::new(FaultKind::ServiceUnavailable {
            retry_after_secs: Some(1),
        })
        .next(1),
        FaultRule::new(FaultKind::TooManyRequests {
            retry_after_secs: None,
        })
        .next(1),
    ]);
    let started = Instant::now();
    let r = get_inbox(&t).await.unwrap();
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(r.attempts(), 3);
    let fired = server.faults_fired_by_kind();
    assert_eq!(
        (fired["ServiceUnavailable"], fired["TooManyRequests"]),
        (4, 2)
    );
}

#[tokio::test]
async fn exhausting_max_wait_is_an_error() {
    let back_off = Duration::from_millis(300);
    let server = start([FaultRule::new(FaultKind::ServerBusy { back_off })]).await;
    let max_wait = Duration::from_secs(1);
    let t = client(&server, tolerant(max_wait));
    let started = Instant::now();
    let e = get_inbox(&t).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    let Error::GaveUp {
        attempts,
        waited,
        reason,
        ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(reason, &RetryReason::ServerBusy);
    assert!(*attempts >= 3, "{e}");
    assert!(*waited <= max_wait, "{e}");
    assert!(e.to_string().contains("gave up after"), "{e}");
    assert_eq!(server.faulted_count("GetFolder"), *attempts as usize);
    assert_eq!(server.processed_count("GetFolder"), 0);
}

#[tokio::test]
async fn a_soap_fault_retrying_cannot_fix_is_the_answer() {
    let server = start([FaultRule::new(FaultKind::SoapFault {
        code: ResponseCode::ErrorAccessDenied,
        message: "Nobody may look at this folder.".to_owned(),
    })
    .operation("GetFolder")])
    .await;
    let t = client(&server, tolerant(Duration::from_secs(10)));
    let r = get_inbox(&t).await.unwrap();
    assert_eq!((r.status().as_u16(), r.attempts()), (500, 1));
    let (code, message) = r
        .read_with(|env| match env.body {
            ews_xml::soap::ResponseBody::Fault(f) => (f.response_code(), f.string),
            _ => panic!("not a fault"),
        })
        .await
        .unwrap();
    assert_eq!(code, Some(ResponseCode::ErrorAccessDenied));
    assert_eq!(message, "Nobody may look at this folder.");
    // Other operations are untouched.
    assert!(subfolders(&t).await.is_empty());
    assert_eq!(server.faulted_count("GetFolder"), 1);
    assert_eq!(server.faulted_count("FindFolder"), 0);
    assert_eq!(server.processed_count("FindFolder"), 1);
}

#[tokio::test]
async fn closing_before_the_body_is_retried_when_idempotent() {
    let server = start([FaultRule::new(FaultKind::CloseBeforeBody).next(1)]).await;
    let t = client(&server, tolerant(Duration::from_secs(10)));
    let r = get_inbox(&t).await.unwrap();
    assert_eq!(r.attempts(), 2);
    assert_eq!(inbox_name(r).await, "Inbox");
    assert_eq!(server.faulted_count(UNREAD_OPERATION), 1);
    assert_eq!(server.processed_count("GetFolder"), 1);

    // A non-idempotent request is not resent: the client cannot know it was not processed.
    server.set_faults([FaultRule::new(FaultKind::CloseBeforeBody).next(1)]);
    let e = create_folder(&t, "Never", false).await.unwrap_err();
    assert!(matches!(e, Error::MaybeSent(_)), "{e:?}");
    assert_eq!(server.processed_count("CreateFolder"), 0);
    assert!(subfolders(&t).await.is_empty());
}

#[tokio::test]
async fn a_write_closed_after_processing_is_not_sent_twice() {
    let rule = || {
        FaultRule::new(FaultKind::CloseAfterProcessing)
            .operation("CreateFolder")
            .next(1)
    };
    let server = start([rule()]).await;
    let t = client(&server, tolerant(Duration::from_secs(10)));
    // Not idempotent: the transport reports that the request may have been sent.
    let e = create_folder(&t, "Once", false).await.unwrap_err();
    assert!(matches!(e, Error::MaybeSent(_)), "{e:?}");
    assert_eq!(server.processed_count("CreateFolder"), 1);
    assert_eq!(server.faulted_count("CreateFolder"), 1);
    assert_eq!(subfolders(&t).await, ["Once"]);

    // Marked idempotent (wrongly), the same write goes out twice: the second attempt finds
    // the folder it created itself.
    server.set_faults([rule()]);
    let second = create_folder(&t, "Twice", true).await.unwrap();
    assert_eq!(second, Err(ResponseCode::ErrorFolderExists));
    assert_eq!(server.processed_count("CreateFolder"), 3);
    assert_eq!(subfolders(&t).await, ["Once", "Twice"]);
}

#[tokio::test]
async fn slow_answers_and_timeouts() {
    let server =
        start([FaultRule::new(FaultKind::Delay(Duration::from_millis(400))).next(1)]).await;
    let t = client(&server, tolerant(Duration::from_secs(10)));
    let started = Instant::now();
    let r = get_inbox(&t).await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert_eq!((r.attempts(), inbox_name(r).await.as_str()), (1, "Inbox"));

    // The client gives up waiting, but the write happened.
    server.set_faults([FaultRule::new(FaultKind::Delay(Duration::from_secs(1)))
        .operation("CreateFolder")
        .next(1)]);
    let impatient = {
        let mut b = Transport::builder(server.url());
        b.auth(Auth::from_credentials(
            SchemeKind::Basic,
            Credentials::password(USER, PASSWORD).unwrap(),
        ))
        .dump_from_env(false)
        .retry_policy(tolerant(Duration::from_secs(10)))
        .request_timeout(Some(Duration::from_millis(200)));
        b.build().unwrap()
    };
    let e = create_folder(&impatient, "Slow", false).await.unwrap_err();
    assert!(e.is_timeout(), "{e:?}");
    assert_eq!(server.processed_count("CreateFolder"), 1);
    assert_eq!(subfolders(&t).await, ["Slow"]);
}

#[tokio::test]
async fn truncated_bodies_are_clear_errors() {
    let server = start([FaultRule::new(FaultKind::TruncateBody).next(1)]).await;
    let (head, body) = raw_post(&server, &get_inbox_request()).await;
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let promised = content_length(&head);
    assert!(
        !body.is_empty() && body.len() < promised,
        "{} of {promised}",
        body.len()
    );

    // A 200 answer: the headers arrive, reading the body fails.
    server.set_faults([FaultRule::new(FaultKind::TruncateBody).next(1)]);
    let t = client(&server, tolerant(Duration::from_secs(10)));
    let r = get_inbox(&t).await.unwrap();
    let e = r.into_body().bytes(1 << 20).await.unwrap_err();
    assert!(matches!(e, Error::Body(_)), "{e:?}");
    server.set_faults([FaultRule::new(FaultKind::TruncateBody).next(1)]);
    let r = get_inbox(&t).await.unwrap();
    let outcome = r
        .read_with(|env| match env.body {
            ews_xml::soap::ResponseBody::Message(b) => b.finish(),
            _ => Ok(()),
        })
        .await;
    match outcome {
        // The cut came while the envelope's start was read, or while the caller read on.
        Err(e) => assert!(matches!(e, Error::Soap(_)), "{e:?}"),
        Ok(Err(e)) => {
            assert!(matches!(e.kind(), ews_xml::ReadErrorKind::Io(_)), "{e:?}");
            assert!(e.to_string().contains("GetFolderResponse"), "{e}");
        }
        Ok(Ok(())) => panic!("a cut body read as a whole one"),
    }

    // A fault answer (an operation the server does not know), cut short: the transport
    // reads it whole to classify it and fails with a body error, without retrying.
    server.set_faults([FaultRule::new(FaultKind::TruncateBody).next(1)]);
    let unknown = envelope(r#"<m:GetServerTimeZones/>"#);
    let e = t
        .send_envelope(unknown, &CallOptions::new("GetServerTimeZones"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Body(_)), "{e:?}");
    assert_eq!(server.faulted_count("GetServerTimeZones"), 1);
    // The server is fine afterwards.
    assert_eq!(inbox_name(get_inbox(&t).await.unwrap()).await, "Inbox");
    assert_eq!(server.faults_fired_by_kind()["TruncateBody"], 4);
}

#[tokio::test]
async fn invalid_xml_characters_are_replaced_by_the_reader() {
    let server = start([FaultRule::new(FaultKind::InvalidXmlChar).next(1)]).await;
    let (_, body) = raw_post(&server, &get_inbox_request()).await;
    let text = String::from_utf8(body).unwrap();
    assert!(text.contains(">\u{1}Inbox<"), "{text}");

    // The reader's default replaces the character with U+FFFD.
    server.set_faults([FaultRule::new(FaultKind::InvalidXmlChar).next(1)]);
    let t = client(&server, tolerant(Duration::from_secs(10)));
    assert_eq!(
        inbox_name(get_inbox(&t).await.unwrap()).await,
        "\u{FFFD}Inbox"
    );
    assert_eq!(inbox_name(get_inbox(&t).await.unwrap()).await, "Inbox");
}

#[tokio::test]
async fn rules_count_match_and_change_at_run_time() {
    // Every 2nd CreateFolder is refused with a SOAP fault the client does not retry.
    let server = start([FaultRule::new(FaultKind::SoapFault {
        code: ResponseCode::ErrorQuotaExceeded,
        message: "The mailbox is full.".to_owned(),
    })
    .operation("CreateFolder")
    .every_nth(2)])
    .await;
    let t = client(&server, RetryPolicy::FailFast);
    let mut statuses = Vec::new();
    for i in 0..6 {
        let opts = CallOptions::new("CreateFolder");
        let r = t
            .send_envelope(create_folder_request(&format!("F{i}")), &opts)
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
        let _ = get_inbox(&t).await.unwrap();
    }
    assert_eq!(statuses, [200, 500, 200, 500, 200, 500]);
    assert_eq!(server.processed_count("CreateFolder"), 3);
    assert_eq!(server.faulted_count("CreateFolder"), 3);
    assert_eq!(server.processed_count("GetFolder"), 6);
    assert_eq!(subfolders(&t).await, ["F0", "F2", "F4"]);

    // A window: only requests between 300 ms and 10 s after installation are delayed.
    server.set_faults([FaultRule::new(FaultKind::ServiceUnavailable {
        retry_after_secs: None,
    })
    .between(Duration::from_millis(300), Duration::from_secs(10))]);
    assert_eq!(get_inbox(&t).await.unwrap().status(), 200);
    tokio::time::sleep(Duration::from_millis(350)).await;
    let e = get_inbox(&t).await.unwrap_err();
    assert!(
        matches!(
            e,
            Error::GaveUp {
                reason: RetryReason::ServiceUnavailable,
                ..
            }
        ),
        "{e:?}"
    );
    server.clear_faults();
    let before = server.faults_fired();
    assert_eq!(get_inbox(&t).await.unwrap().status(), 200);
    assert_eq!(server.faults_fired(), before);

    // add_fault appends; the first rule that fires wins.
    server.add_fault(
        FaultRule::new(FaultKind::TooManyRequests {
            retry_after_secs: None,
        })
        .next(1),
    );
    server.add_fault(
        FaultRule::new(FaultKind::ServiceUnavailable {
            retry_after_secs: None,
        })
        .next(1),
    );
    let mut got = Vec::new();
    for _ in 0..3 {
        got.push(match get_inbox(&t).await {
            Ok(_) => None,
            Err(Error::GaveUp { reason, .. }) => Some(reason),
            Err(e) => panic!("{e:?}"),
        });
    }
    assert_eq!(
        got,
        [
            Some(RetryReason::TooManyRequests),
            Some(RetryReason::ServiceUnavailable),
            None
        ]
    );
}

#[test]
fn the_command_line_syntax() {
    let parsed: FaultRule = "busy=50,every=2,op=CreateFolder".parse().unwrap();
    let built = FaultRule::new(FaultKind::ServerBusy {
        back_off: Duration::from_millis(50),
    })
    .every_nth(2)
    .operation("CreateFolder");
    assert_eq!(parsed, built);
    let parsed: FaultRule = "503=2,next=3,from=100,until=900".parse().unwrap();
    let built = FaultRule::new(FaultKind::ServiceUnavailable {
        retry_after_secs: Some(2),
    })
    .next(3)
    .between(Duration::from_millis(100), Duration::from_millis(900));
    assert_eq!(parsed, built);
    for ok in [
        "429",
        "soap=ErrorAccessDenied",
        "close-before",
        "close-after",
        "delay=10",
        "truncate",
        "invalid-char",
    ] {
        ok.parse::<FaultRule>().unwrap();
    }
    for bad in ["", "busy", "nope", "503,every", "503,x=1", "delay=soon"] {
        assert!(bad.parse::<FaultRule>().is_err(), "{bad}");
    }
}
