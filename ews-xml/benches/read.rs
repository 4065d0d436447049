//! Throughput of the reader against raw xml-rs on a generated ~10 MB GetItem-like response.
//!
//! `cargo bench -p ews-xml --bench read` prints MB/s for (a) raw xml-rs event iteration and
//! (b) the ews-xml reader walking every element and text, and their ratio. Set
//! `EWS_BENCH_ROUNDS` to change the number of timed rounds (default 5; the best round counts).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use ews_xml::{Event, Reader};

/// A GetItem response with `n` messages of about 30 child elements each.
fn document(n: usize) -> Vec<u8> {
    let mut s = String::with_capacity(n * 5200);
    s.push_str(r#"<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="20" MajorBuildNumber="7" MinorBuildNumber="0" Version="V2018_01_08" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/></s:Header><s:Body><m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>"#);
    let body =
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit &amp; sed do eiusmod tempor. "
            .repeat(40);
    for i in 0..n {
        s.push_str(&format!(
            r#"<m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:ItemId Id="AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e/T7KzjWDQAAAAAAEMAAAiIsqMbYjsT5e{i:08}" ChangeKey="CQAAABYAAAAiIsqMbYjsT5e/T7KzjWDQAAAAAB{i:05}"/><t:ParentFolderId Id="AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e" ChangeKey="AQAAAA=="/><t:ItemClass>IPM.Note</t:ItemClass><t:Subject>Quarterly report {i} &lt;draft&gt;</t:Subject><t:Sensitivity>Normal</t:Sensitivity><t:Body BodyType="HTML">{body}</t:Body><t:DateTimeReceived>2026-11-{d:02}T09:{m:02}:00Z</t:DateTimeReceived><t:Size>{size}</t:Size><t:Categories><t:String>Blue category</t:String><t:String>Finance</t:String></t:Categories><t:Importance>Normal</t:Importance><t:IsSubmitted>false</t:IsSubmitted><t:IsDraft>false</t:IsDraft><t:IsFromMe>false</t:IsFromMe><t:DateTimeSent>2026-11-{d:02}T09:{m:02}:00Z</t:DateTimeSent><t:DateTimeCreated>2026-11-{d:02}T09:{m:02}:01Z</t:DateTimeCreated><t:HasAttachments>false</t:HasAttachments><t:Culture>en-US</t:Culture><t:Sender><t:Mailbox><t:Name>Alice Example</t:Name><t:EmailAddress>alice@example.test</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox></t:Sender><t:ToRecipients><t:Mailbox><t:Name>Bob Example</t:Name><t:EmailAddress>bob@example.test</t:EmailAddress></t:Mailbox><t:Mailbox><t:Name>Carol Example</t:Name><t:EmailAddress>carol@example.test</t:EmailAddress></t:Mailbox></t:ToRecipients><t:IsReadReceiptRequested>false</t:IsReadReceiptRequested><t:ConversationIndex>AQHSnT1Gx7kPoL2+T0aSbHqYQmDkPw==</t:ConversationIndex><t:InternetMessageId>&lt;{i}.report@example.test&gt;</t:InternetMessageId><t:IsRead>true</t:IsRead></t:Message></m:Items></m:GetItemResponseMessage>"#,
            d = i % 28 + 1,
            m = i % 60,
            size = 4000 + i,
        ));
    }
    s.push_str("</m:ResponseMessages></m:GetItemResponse></s:Body></s:Envelope>");
    s.into_bytes()
}

fn raw_xml_rs(doc: &[u8]) -> usize {
    ews_test_support::bench::raw_xml_rs_events(doc).unwrap()
}

fn ews_reader(doc: &[u8]) -> usize {
    let mut r = Reader::from_bytes(doc);
    let mut n = 0;
    loop {
        match r.next_event().unwrap() {
            Event::Eof => return n,
            ev => {
                black_box(&ev);
                n += 1;
            }
        }
    }
}

fn main() {
    let run = ews_test_support::bench::BenchRun::from_env();
    let doc = document(run.size(20, 2000));
    let mb = doc.len() as f64 / 1e6;
    let (raw, raw_events) = run.best(|| raw_xml_rs(&doc));
    let (ours, our_events) = run.best(|| ews_reader(&doc));
    let rate = |d: Duration| mb / d.as_secs_f64();
    println!("document: {mb:.1} MB, {raw_events} xml-rs events, {our_events} ews-xml events");
    println!("(a) raw xml-rs events:  {:7.1} MB/s", rate(raw));
    println!("(b) ews-xml reader:     {:7.1} MB/s", rate(ours));
    println!(
        "cost ratio (b)/(a):     {:7.2} (target <= 1.30)",
        ours.as_secs_f64() / raw.as_secs_f64()
    );
}
