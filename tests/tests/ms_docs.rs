//! Every request sample of Microsoft's documentation, for each operation FakeExchange
//! implements, is answered with HTTP 200 and a schema-valid response of that operation (the
//! samples' ids name items of Microsoft's test mailboxes, so most come back as per-item
//! errors, in place). The mailboxes the samples name exist, and alice may open and impersonate
//! them.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::{ALICE, post};
use ews_model::operations::parse_response;
use ews_test_support::{Collector, ms_docs};

/// The operations FakeExchange implements.
const IMPLEMENTED: &[&str] = &[
    "GetFolder",
    "CreateFolder",
    "FindFolder",
    "DeleteFolder",
    "GetItem",
    "FindItem",
    "CreateItem",
    "UpdateItem",
    "DeleteItem",
    "MoveItem",
    "CopyItem",
    "SendItem",
    "MarkAsJunk",
    "ArchiveItem",
    "EmptyFolder",
    "MarkAllItemsAsRead",
    "UpdateFolder",
    "MoveFolder",
    "CopyFolder",
    "ConvertId",
    "ResolveNames",
    "ExpandDL",
    "CreateAttachment",
    "GetAttachment",
    "DeleteAttachment",
    "ExportItems",
    "UploadItems",
];

#[tokio::test]
async fn every_sample_request_gets_a_valid_response() {
    // The mailboxes the samples name, each open to alice, who may also impersonate.
    let mut builder = ews_tests::FakeExchange::builder()
        .user(ALICE.0, ALICE.1)
        .impersonator(ALICE.0);
    for owner in [
        "primary@contoso.com",
        "primary@contoso1000.onmicrosoft.com",
        "alfred@contoso.com",
        "sadie@contoso.com",
    ] {
        builder = builder.user(owner, "x").delegate(owner, ALICE.0);
    }
    let server = builder.start().await.unwrap();
    let mut docs = Collector::new();
    let mut replayed = 0;
    for op in IMPLEMENTED {
        for path in ms_docs(Some(op), "request") {
            let body = ews_test_support::ms_docs_sample(&path);
            let name = format!("{op}-{}", path.file_stem().unwrap().to_string_lossy());
            let reply = post(&server, ALICE, body).await;
            let text = String::from_utf8_lossy(&reply.body).into_owned();
            assert_eq!(reply.status, 200, "{name}: {text}");
            parse_response(op, &reply.body).unwrap_or_else(|e| panic!("{name}: {e}: {text}"));
            docs.add(name, reply.body);
            replayed += 1;
        }
    }
    eprintln!("{replayed} sample requests replayed");
    if ews_test_support::require_schema() {
        assert!(replayed >= 80, "only {replayed} samples");
    }
    docs.finish();
}
