//! Typed parsing of a generated GetItem response against the raw xml-rs event pass.
//!
//! `cargo bench -p ews-model --bench parse` builds a response of 2,000 messages (ids, subject, a
//! 2 KB body, sender, two recipients, two categories, six dates and flags: about 9 MB) and
//! reports MB/s and items/s for (a) raw xml-rs events, (b) the typed item stream, consuming each
//! item as it is read, and (c) the typed stream collected into a `Vec`. Best of
//! `EWS_BENCH_ROUNDS` rounds (default 5).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use ews_model::operations::{Streamed, stream_items};
use ews_xml::Reader;

fn document(n: usize) -> Vec<u8> {
    let body = "Quarterly figures attached &amp; summarised below. ".repeat(40);
    let mut s = String::with_capacity(n * 4800);
    s.push_str(r#"<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>"#);
    for i in 0..n {
        s.push_str(&format!(
            r#"<m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:ItemId Id="AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e{i:08}" ChangeKey="CQAAABYAAAAiIsqMbYjsT5e/T7KzjWDQAAAAAB{i:05}"/><t:Subject>Report {i}</t:Subject><t:Body BodyType="HTML">{body}</t:Body><t:DateTimeReceived>2026-11-{d:02}T09:{m:02}:00Z</t:DateTimeReceived><t:Categories><t:String>Blue category</t:String><t:String>Finance</t:String></t:Categories><t:IsDraft>false</t:IsDraft><t:DateTimeSent>2026-11-{d:02}T09:{m:02}:00Z</t:DateTimeSent><t:DateTimeCreated>2026-11-{d:02}T09:{m:02}:01Z</t:DateTimeCreated><t:HasAttachments>false</t:HasAttachments><t:Sender><t:Mailbox><t:Name>Alice</t:Name><t:EmailAddress>alice@example.test</t:EmailAddress></t:Mailbox></t:Sender><t:ToRecipients><t:Mailbox><t:Name>Bob</t:Name><t:EmailAddress>bob@example.test</t:EmailAddress></t:Mailbox><t:Mailbox><t:Name>Carol</t:Name><t:EmailAddress>carol@example.test</t:EmailAddress></t:Mailbox></t:ToRecipients><t:IsRead>true</t:IsRead></t:Message></m:Items></m:GetItemResponseMessage>"#,
            d = i % 28 + 1,
            m = i % 60,
        ));
    }
    s.push_str("</m:ResponseMessages></m:GetItemResponse></s:Body></s:Envelope>");
    s.into_bytes()
}

fn raw_xml_rs(doc: &[u8]) -> usize {
    ews_test_support::bench::raw_xml_rs_events(doc).unwrap()
}

fn typed(doc: &[u8], keep: bool) -> usize {
    let ews_xml::soap::ResponseBody::Message(mut body) =
        ews_xml::soap::read_response(doc).unwrap().body
    else {
        panic!("not a message")
    };
    let mut kept = Vec::new();
    let mut n = 0;
    for step in stream_items(body.reader()) {
        match step.unwrap() {
            Streamed::Item(item) if keep => kept.push(item),
            Streamed::Item(item) => {
                black_box(&item);
            }
            Streamed::Error(e) => panic!("{e}"),
            _ => {}
        }
        n += 1;
    }
    black_box(&kept);
    body.finish().unwrap();
    n
}

fn main() {
    let run = ews_test_support::bench::BenchRun::from_env();
    let doc = document(run.size(20, 2000));
    let mb = doc.len() as f64 / 1e6;
    let _ = Reader::from_bytes(&doc);
    let (raw, _) = run.best(|| raw_xml_rs(&doc));
    let (stream, items) = run.best(|| typed(&doc, false));
    let (collect, _) = run.best(|| typed(&doc, true));
    let rate = |d: Duration| mb / d.as_secs_f64();
    let per_s = |d: Duration| items as f64 / d.as_secs_f64();
    println!("document: {mb:.1} MB, {items} messages");
    println!("(a) raw xml-rs events:        {:7.1} MB/s", rate(raw));
    println!(
        "(b) typed, item by item:      {:7.1} MB/s {:9.0} items/s",
        rate(stream),
        per_s(stream)
    );
    println!(
        "(c) typed, collected:         {:7.1} MB/s {:9.0} items/s",
        rate(collect),
        per_s(collect)
    );
    println!(
        "cost ratio (b)/(a):           {:7.2} (target <= 1.50)",
        stream.as_secs_f64() / raw.as_secs_f64()
    );
}
