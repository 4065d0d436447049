//! Load: 500 concurrent calls through one `ews-transport` client capped at 8 connections.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use ews_auth::{Credentials, SchemeKind};
use ews_model::operations::{AnyResponse, parse_response};
use ews_tests::FakeExchange;
use ews_transport::{Auth, CallOptions, RetryPolicy, Transport};

const NS: &str = r#"xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types""#;
const INBOX: &str = r#"<t:DistinguishedFolderId Id="inbox"/>"#;
const CALLS: usize = 500;
const MAX_CONNECTIONS: usize = 8;

fn envelope(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope {NS}><soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></soap:Header><soap:Body>{body}</soap:Body></soap:Envelope>"#
    )
}

/// One call: even numbers create a folder named after the number, odd ones get the inbox.
async fn call(t: &Transport, i: usize) {
    let (op, body) = if i % 2 == 0 {
        (
            "CreateFolder",
            format!(
                r#"<m:CreateFolder><m:ParentFolderId>{INBOX}</m:ParentFolderId><m:Folders><t:Folder><t:DisplayName>Load {i:03}</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>"#
            ),
        )
    } else {
        (
            "GetFolder",
            format!(
                r#"<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds>{INBOX}</m:FolderIds></m:GetFolder>"#
            ),
        )
    };
    // Creating a folder is a write: mark it so that a broken connection is never retried.
    let opts = CallOptions::new(op).idempotent(op != "CreateFolder");
    let r = t.send_envelope(envelope(&body), &opts).await.unwrap();
    assert_eq!(r.status(), 200, "call {i}");
    let bytes = r.into_body().bytes(1 << 20).await.unwrap();
    match parse_response(op, &bytes).unwrap() {
        AnyResponse::CreateFolder(c) => {
            let created = c.into_results().remove(0).unwrap();
            assert!(created.folder_id().is_some(), "call {i}");
        }
        AnyResponse::GetFolder(g) => {
            let inbox = g.into_results().remove(0).unwrap();
            assert_eq!(inbox.display_name(), Some("Inbox"), "call {i}");
        }
        other => panic!("call {i}: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_calls_over_eight_connections_lose_no_write() {
    let server = FakeExchange::builder()
        .user("alice@example.test", "secret")
        .check_documents_on_drop(common::gate)
        .start()
        .await
        .unwrap();
    let t = Transport::builder(server.url())
        .auth(Auth::from_credentials(
            SchemeKind::Basic,
            Credentials::password("alice@example.test", "secret").unwrap(),
        ))
        .max_connections(MAX_CONNECTIONS)
        .retry_policy(RetryPolicy::FailFast)
        .dump_from_env(false)
        .request_timeout(Some(Duration::from_secs(30)))
        .build()
        .unwrap();
    let calls: Vec<_> = (0..CALLS)
        .map(|i| {
            let t = t.clone();
            tokio::spawn(async move { call(&t, i).await })
        })
        .collect();
    for c in calls {
        c.await.unwrap();
    }

    let find = envelope(&format!(
        r#"<m:FindFolder Traversal="Shallow"><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:ParentFolderIds>{INBOX}</m:ParentFolderIds></m:FindFolder>"#
    ));
    let r = t
        .send_envelope(find, &CallOptions::new("FindFolder"))
        .await
        .unwrap();
    let bytes = r.into_body().bytes(16 << 20).await.unwrap();
    let AnyResponse::FindFolder(f) = parse_response("FindFolder", &bytes).unwrap() else {
        panic!()
    };
    let names: BTreeSet<String> = f
        .into_results()
        .remove(0)
        .unwrap()
        .folders
        .iter()
        .map(|f| f.display_name().unwrap().to_owned())
        .collect();
    let expected: BTreeSet<String> = (0..CALLS)
        .step_by(2)
        .map(|i| format!("Load {i:03}"))
        .collect();
    assert_eq!(names, expected);

    assert_eq!(server.processed_count("CreateFolder"), CALLS / 2);
    assert_eq!(server.processed_count("GetFolder"), CALLS / 2);
    assert_eq!(server.requests_received(), CALLS + 1);
    let accepted = server.connections_accepted();
    let peak = server.max_concurrent_connections();
    assert!(
        (1..=MAX_CONNECTIONS).contains(&accepted),
        "{accepted} connections"
    );
    assert!(peak <= MAX_CONNECTIONS, "{peak} at once");
    assert_eq!(server.faults_fired(), 0);
}
