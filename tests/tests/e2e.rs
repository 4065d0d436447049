//! End-to-end tests of `FakeExchange` over real sockets, with a small hyper client.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::sync::Arc;

use base64::Engine as _;
use bytes::Bytes;
use ews_model::operations::{AnyResponse, parse_response};
use ews_model::version::Build;
use ews_test_support::Collector;
use ews_tests::FakeExchange;
use ews_xml::ResponseCode;
use http_body_util::{BodyExt as _, Full};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

const NS: &str = r#"xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types""#;

fn envelope(body: &str) -> String {
    envelope_v(Some("Exchange2013_SP1"), body)
}

fn envelope_v(version: Option<&str>, body: &str) -> String {
    let header = version
        .map(|v| format!(r#"<soap:Header><t:RequestServerVersion Version="{v}"/></soap:Header>"#))
        .unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope {NS}>{header}<soap:Body>{body}</soap:Body></soap:Envelope>"#
    )
}

struct Reply {
    status: http::StatusCode,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

async fn send<IO>(io: IO, host: &str, auth: Option<(&str, &str)>, body: String) -> Reply
where
    IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(io))
        .await
        .unwrap();
    tokio::spawn(conn);
    let mut req = http::Request::post(ews_tests::EWS_PATH)
        .header("host", host)
        .header("content-type", "text/xml; charset=utf-8");
    if let Some((u, p)) = auth {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"));
        req = req.header("authorization", format!("Basic {token}"));
    }
    let resp = sender
        .send_request(req.body(Full::new(Bytes::from(body))).unwrap())
        .await
        .unwrap();
    let (parts, b) = resp.into_parts();
    Reply {
        status: parts.status,
        headers: parts.headers,
        body: b.collect().await.unwrap().to_bytes().to_vec(),
    }
}

async fn post(server: &FakeExchange, auth: Option<(&str, &str)>, body: String) -> Reply {
    let tcp = TcpStream::connect(server.addr()).await.unwrap();
    send(tcp, &server.addr().to_string(), auth, body).await
}

const ALICE: Option<(&str, &str)> = Some(("alice@example.test", "secret"));

async fn start() -> FakeExchange {
    FakeExchange::builder()
        .user("alice@example.test", "secret")
        .user("bob@example.test", "hunter2")
        .server_version(Build::new(15, 1, 2507, 6))
        .check_documents_on_drop(common::gate)
        .start()
        .await
        .unwrap()
}

/// Posts as alice, expects HTTP 200, collects the response and parses it.
async fn call(
    server: &FakeExchange,
    docs: &mut Collector,
    name: &str,
    op: &str,
    body: &str,
) -> AnyResponse {
    let reply = post(server, ALICE, envelope(body)).await;
    let text = String::from_utf8_lossy(&reply.body).into_owned();
    assert_eq!(reply.status, 200, "{name}: {text}");
    assert!(text.contains("ServerVersionInfo"), "{text}");
    docs.add(name, reply.body.clone());
    parse_response(op, &reply.body).unwrap()
}

fn get_folder(ids: &str) -> String {
    format!(
        r#"<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds>{ids}</m:FolderIds></m:GetFolder>"#
    )
}

fn create_folder(parent: &str, names: &[&str]) -> String {
    let folders: String = names
        .iter()
        .map(|n| format!("<t:Folder><t:DisplayName>{n}</t:DisplayName></t:Folder>"))
        .collect();
    format!(
        r#"<m:CreateFolder><m:ParentFolderId>{parent}</m:ParentFolderId><m:Folders>{folders}</m:Folders></m:CreateFolder>"#
    )
}

fn find_folder(traversal: &str, parent: &str, view: &str) -> String {
    format!(
        r#"<m:FindFolder Traversal="{traversal}"><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>{view}<m:ParentFolderIds>{parent}</m:ParentFolderIds></m:FindFolder>"#
    )
}

const INBOX: &str = r#"<t:DistinguishedFolderId Id="inbox"/>"#;

#[tokio::test]
async fn basic_auth_success_and_failure() {
    let server = start().await;
    let mut docs = Collector::new();
    for auth in [
        None,
        Some(("alice@example.test", "wrong")),
        Some(("nobody@example.test", "secret")),
    ] {
        let r = post(&server, auth, envelope(&get_folder(INBOX))).await;
        assert_eq!(r.status, 401);
        let challenge = r.headers.get("www-authenticate").unwrap().to_str().unwrap();
        assert!(challenge.starts_with("Basic realm=\""), "{challenge}");
    }
    let AnyResponse::GetFolder(r) = call(
        &server,
        &mut docs,
        "auth-ok",
        "GetFolder",
        &get_folder(INBOX),
    )
    .await
    else {
        panic!()
    };
    let inbox = r.into_results().remove(0).unwrap();
    assert_eq!(inbox.display_name(), Some("Inbox"));
    assert_eq!(inbox.base().folder_class.as_deref(), Some("IPF.Note"));
    assert_eq!(server.requests_received(), 4);
    assert_eq!(server.operation_count("GetFolder"), 1);
    docs.finish();
    server.shutdown().await;
}

#[tokio::test]
async fn get_folder_errors_stay_in_place() {
    let server = start().await;
    let mut docs = Collector::new();
    let unknown = base64::engine::general_purpose::STANDARD
        .encode([b"FXF\x01".as_slice(), &[7u8; 32]].concat());
    let ids = format!(
        r#"{INBOX}<t:FolderId Id="{unknown}"/><t:FolderId Id="not an id"/><t:DistinguishedFolderId Id="calendar"/>"#
    );
    let AnyResponse::GetFolder(r) = call(
        &server,
        &mut docs,
        "getfolder-mixed",
        "GetFolder",
        &get_folder(&ids),
    )
    .await
    else {
        panic!()
    };
    let results = r.into_results();
    assert_eq!(results.len(), 4);
    assert_eq!(results[0].as_ref().unwrap().display_name(), Some("Inbox"));
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorFolderNotFound)
    );
    assert_eq!(
        results[2].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidIdMalformed)
    );
    assert_eq!(
        results[3].as_ref().unwrap().element_name(),
        "CalendarFolder"
    );
    docs.finish();
}

#[tokio::test]
async fn create_find_page_and_delete() {
    let server = start().await;
    let mut docs = Collector::new();
    // Create one folder, then find it.
    let AnyResponse::CreateFolder(r) = call(
        &server,
        &mut docs,
        "create",
        "CreateFolder",
        &create_folder(INBOX, &["Projects"]),
    )
    .await
    else {
        panic!()
    };
    let created = r.into_results().remove(0).unwrap();
    let id = created.folder_id().unwrap().clone();
    let AnyResponse::FindFolder(r) = call(
        &server,
        &mut docs,
        "find",
        "FindFolder",
        &find_folder("Shallow", INBOX, ""),
    )
    .await
    else {
        panic!()
    };
    let page = r.into_results().remove(0).unwrap();
    assert_eq!(page.folders.len(), 1);
    assert_eq!(page.folders[0].folder_id().unwrap().id, id.id);
    assert_eq!(page.folders[0].display_name(), Some("Projects"));
    // Duplicate name.
    let AnyResponse::CreateFolder(r) = call(
        &server,
        &mut docs,
        "create-dup",
        "CreateFolder",
        &create_folder(INBOX, &["projects"]),
    )
    .await
    else {
        panic!()
    };
    assert_eq!(
        r.into_results().remove(0).unwrap_err().code(),
        Some(&ResponseCode::ErrorFolderExists)
    );

    // 25 folders under Projects, paged by 10.
    let parent = format!(r#"<t:FolderId Id="{}"/>"#, id.id);
    let names: Vec<String> = (0..25).map(|i| format!("Sub {i:02}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let AnyResponse::CreateFolder(r) = call(
        &server,
        &mut docs,
        "create-25",
        "CreateFolder",
        &create_folder(&parent, &refs),
    )
    .await
    else {
        panic!()
    };
    assert!(r.into_results().iter().all(Result::is_ok));
    let mut seen = Vec::new();
    let mut offset = 0;
    for n in 0..3 {
        let view = format!(
            r#"<m:IndexedPageFolderView MaxEntriesReturned="10" Offset="{offset}" BasePoint="Beginning"/>"#
        );
        let AnyResponse::FindFolder(r) = call(
            &server,
            &mut docs,
            &format!("page-{n}"),
            "FindFolder",
            &find_folder("Shallow", &parent, &view),
        )
        .await
        else {
            panic!()
        };
        let page = r.into_results().remove(0).unwrap();
        assert_eq!(page.paging.total_items_in_view, Some(25));
        assert_eq!(page.paging.includes_last_item_in_range, Some(n == 2));
        seen.extend(
            page.folders
                .iter()
                .map(|f| f.display_name().unwrap().to_owned()),
        );
        offset = page.paging.indexed_paging_offset.unwrap();
    }
    assert_eq!(offset, 25);
    assert_eq!(seen, names);
    // Deep traversal from the inbox sees Projects and its 25 children.
    let AnyResponse::FindFolder(r) = call(
        &server,
        &mut docs,
        "deep",
        "FindFolder",
        &find_folder("Deep", INBOX, ""),
    )
    .await
    else {
        panic!()
    };
    assert_eq!(r.into_results().remove(0).unwrap().folders.len(), 26);

    // Delete: a distinguished folder is refused, Projects goes with its subtree.
    let delete = format!(
        r#"<m:DeleteFolder DeleteType="HardDelete"><m:FolderIds>{INBOX}{parent}</m:FolderIds></m:DeleteFolder>"#
    );
    let AnyResponse::DeleteFolder(r) =
        call(&server, &mut docs, "delete", "DeleteFolder", &delete).await
    else {
        panic!()
    };
    let results = r.into_results();
    assert_eq!(
        results[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorDeleteDistinguishedFolder)
    );
    assert!(results[1].is_ok());
    let AnyResponse::FindFolder(r) = call(
        &server,
        &mut docs,
        "after-delete",
        "FindFolder",
        &find_folder("Deep", INBOX, ""),
    )
    .await
    else {
        panic!()
    };
    assert!(r.into_results().remove(0).unwrap().folders.is_empty());
    let AnyResponse::GetFolder(r) = call(
        &server,
        &mut docs,
        "gone",
        "GetFolder",
        &get_folder(&parent),
    )
    .await
    else {
        panic!()
    };
    assert_eq!(
        r.into_results().remove(0).unwrap_err().code(),
        Some(&ResponseCode::ErrorFolderNotFound)
    );
    assert_eq!(server.operation_count("CreateFolder"), 3);
    docs.finish();
}

#[tokio::test]
async fn faults_for_bad_xml_version_and_unknown_operations() {
    let server = start().await;
    let mut docs = Collector::new();
    // No RequestServerVersion: read as of the server's version.
    let r = post(&server, ALICE, envelope_v(None, &get_folder(INBOX))).await;
    assert_eq!(r.status, 200);
    let cases = [
        (
            "malformed",
            "<soap:Envelope".to_owned(),
            "ErrorSchemaValidation",
        ),
        (
            "future-version",
            envelope_v(Some("V2017_07_11"), &get_folder(INBOX)),
            "ErrorInvalidServerVersion",
        ),
        (
            "unknown-op",
            envelope(r#"<m:GetServerTimeZones/>"#),
            "ErrorInvalidOperation",
        ),
    ];
    for (name, body, code) in cases {
        let r = post(&server, ALICE, body).await;
        assert_eq!(r.status, 500, "{name}");
        let text = String::from_utf8_lossy(&r.body).into_owned();
        assert!(text.contains(code), "{name}: {text}");
        let Err(ews_model::operations::ParseResponseError::Fault(f)) =
            parse_response("GetFolder", &r.body)
        else {
            panic!("{name}: {text}")
        };
        assert_eq!(
            f.response_code(),
            Some(ResponseCode::from_name(code)),
            "{name}"
        );
        docs.add(name, r.body);
    }
    docs.finish();
}

#[tokio::test]
async fn tls_with_the_generated_ca() {
    let server = FakeExchange::builder()
        .user("alice@example.test", "secret")
        .tls()
        .start()
        .await
        .unwrap();
    assert!(server.url().starts_with("https://127.0.0.1:"));
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(rustls::pki_types::CertificateDer::from(
            server.ca_certificate_der().unwrap().to_vec(),
        ))
        .unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let tcp = TcpStream::connect(server.addr()).await.unwrap();
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
    let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .unwrap();
    let r = send(tls, "localhost", ALICE, envelope(&get_folder(INBOX))).await;
    assert_eq!(r.status, 200);
    let AnyResponse::GetFolder(g) = parse_response("GetFolder", &r.body).unwrap() else {
        panic!()
    };
    assert!(g.into_results()[0].is_ok());
}

#[tokio::test]
async fn mailboxes_are_per_user_and_ids_deterministic() {
    let a = start().await;
    let b = start().await;
    let body = envelope(&get_folder(INBOX));
    let ra = post(&a, ALICE, body.clone()).await.body;
    let rb = post(&b, ALICE, body.clone()).await.body;
    assert_eq!(ra, rb, "same seed, same ids");
    let bob = post(&a, Some(("bob@example.test", "hunter2")), body)
        .await
        .body;
    assert_ne!(ra, bob);
    drop(a);
    drop(b);
}
