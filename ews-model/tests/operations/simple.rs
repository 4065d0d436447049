//! SendItem, MarkAllItemsAsRead, ConvertId and ExpandDL: requests validate against the schema,
//! Microsoft's documented requests and responses read into the typed forms.

use ews_model::operations::{
    AlternateId, AlternatePublicFolderItemId, AnyAlternateId, ConvertId, ConvertIdResponse,
    ConvertIdResponseMessage, ConvertedId, ExpandDl, ExpandDlResponse, IdFormat,
    MarkAllItemsAsRead, MarkAllItemsAsReadResponse, MessageStatus, Operation, SendItem,
    SendItemResponse,
};
use ews_model::properties::{DistinguishedFolderIdName, ItemId, Mailbox};
use ews_test_support::{Collector, ms_docs};
use ews_xml::{ResponseCode, XmlRead};

use crate::support::{
    read_request, read_response, request_doc as request_bytes, response_doc as response_bytes,
};

/// Every documented request of `operation` reads as `T`, and writing it again validates.
fn documented_requests<T: Operation + XmlRead>(operation: &str, gate: &mut Collector) -> Vec<T> {
    ms_docs(Some(operation), "request-")
        .iter()
        .map(|path| {
            let request: T = read_request(&std::fs::read(path).unwrap());
            gate.add(
                format!("{operation}-again-{}", path.display()),
                request_bytes(&request),
            );
            request
        })
        .collect()
}

#[test]
fn send_item() {
    let mut gate = Collector::new();
    let request = SendItem::new([ItemId::new("AAMkAD1").with_change_key("CQAAAB")])
        .save_copy_to(DistinguishedFolderIdName::SentItems);
    gate.add("send-item", request_bytes(&request));
    gate.add(
        "send-item-no-copy",
        request_bytes(&SendItem::new([ItemId::new("AAMkAD2")])),
    );
    const { assert!(!SendItem::IDEMPOTENT) };
    assert_eq!(SendItem::name(), "SendItem");

    for request in documented_requests::<SendItem>("SendItem", &mut gate) {
        assert!(!request.item_ids.is_empty());
    }
    let mut codes = Vec::new();
    for path in ms_docs(Some("SendItem"), "response-") {
        let response: SendItemResponse = read_response(&std::fs::read(&path).unwrap());
        assert_eq!(response.messages.len(), 1, "{}", path.display());
        codes.extend(
            response
                .into_results()
                .into_iter()
                .map(|r| r.err().map(|e| e.code().expect("a server error").clone())),
        );
    }
    // One documented success, one documented malformed-id error.
    if !codes.is_empty() {
        assert_eq!(codes, [None, Some(ResponseCode::ErrorInvalidIdMalformed)]);
    }
    let failed = SendItemResponse::new(vec![
        MessageStatus::success(),
        MessageStatus::error(ResponseCode::ErrorItemNotFound, "gone"),
    ]);
    let bytes = response_bytes(&failed);
    gate.add("send-item-response", bytes.clone());
    let results = read_response::<SendItemResponse>(&bytes).into_results();
    assert!(results[0].is_ok());
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorItemNotFound)
    );
    gate.finish();
}

#[test]
fn mark_all_items_as_read() {
    let mut gate = Collector::new();
    let request = MarkAllItemsAsRead::new(
        false,
        [
            DistinguishedFolderIdName::Inbox,
            DistinguishedFolderIdName::JunkEmail,
        ],
    )
    .suppress_read_receipts();
    gate.add("mark-all", request_bytes(&request));
    let documented = documented_requests::<MarkAllItemsAsRead>("MarkAllItemsAsRead", &mut gate);
    assert!(
        documented
            .iter()
            .all(|r| r.read_flag && !r.folder_ids.is_empty())
    );
    for path in ms_docs(Some("MarkAllItemsAsRead"), "response-") {
        let response: MarkAllItemsAsReadResponse = read_response(&std::fs::read(&path).unwrap());
        assert!(response.into_results().iter().all(Result::is_ok));
    }
    gate.finish();
}

#[test]
fn convert_id() {
    let mut gate = Collector::new();
    let request = ConvertId::new(IdFormat::EwsId).id(AlternateId::new(
        IdFormat::HexEntryId,
        "00000000AB",
        "alice@example.test",
    ));
    gate.add("convert-id", request_bytes(&request));
    let documented = documented_requests::<ConvertId>("ConvertId", &mut gate);
    assert!(documented.iter().all(|r| !r.source_ids.is_empty()));

    // Responses say which kind of id they carry with xsi:type.
    let mut ok = ConvertIdResponseMessage::default();
    ok.status = MessageStatus::success();
    ok.alternate_id = Some(ConvertedId(AnyAlternateId::AlternateId(AlternateId::new(
        IdFormat::EwsId,
        "AAMkAD",
        "alice@example.test",
    ))));
    let mut public = ConvertIdResponseMessage::default();
    public.status = MessageStatus::success();
    let item = AlternatePublicFolderItemId::new(IdFormat::OwaId, "folder", "item");
    public.alternate_id = Some(ConvertedId(AnyAlternateId::AlternatePublicFolderItemId(
        item,
    )));
    let mut failed = ConvertIdResponseMessage::default();
    failed.status = MessageStatus::error(ResponseCode::ErrorInvalidIdMalformed, "bad id");
    let mut response = ConvertIdResponse::default();
    response.messages = vec![ok, public, failed];
    let bytes = response_bytes(&response);
    gate.add("convert-id-response", bytes.clone());
    let back: ConvertIdResponse = read_response(&bytes);
    assert_eq!(back, response);
    let results = back.into_results();
    assert!(matches!(&results[0], Ok(AnyAlternateId::AlternateId(id)) if id.id == "AAMkAD"));
    assert!(matches!(
        &results[1],
        Ok(AnyAlternateId::AlternatePublicFolderItemId(_))
    ));
    assert_eq!(
        results[2].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorInvalidIdMalformed)
    );
    gate.finish();
}

#[test]
fn expand_dl() {
    let mut gate = Collector::new();
    gate.add(
        "expand-dl",
        request_bytes(&ExpandDl::new(Mailbox::new("staff@example.test"))),
    );
    let documented = documented_requests::<ExpandDl>("ExpandDL", &mut gate);
    assert!(!documented.is_empty() || !ews_test_support::require_schema());
    for path in ms_docs(Some("ExpandDL"), "response-") {
        let response: ExpandDlResponse = read_response(&std::fs::read(&path).unwrap());
        // The documented response is the "no results" error.
        let err = response.into_result().unwrap_err();
        assert_eq!(
            err.code(),
            Some(&ResponseCode::ErrorNameResolutionNoResults)
        );
        assert_eq!(err.text(), Some("No results are found."));
    }
    let doc = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
      <m:ExpandDLResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
          xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
        <m:ResponseMessages><m:ExpandDLResponseMessage ResponseClass="Success">
          <m:ResponseCode>NoError</m:ResponseCode>
          <m:DLExpansion TotalItemsInView="2" IncludesLastItemInRange="true">
            <t:Mailbox><t:Name>Alice</t:Name><t:EmailAddress>alice@example.test</t:EmailAddress>
              <t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox>
            <t:Mailbox><t:Name>Team</t:Name><t:EmailAddress>team@example.test</t:EmailAddress>
              <t:RoutingType>SMTP</t:RoutingType><t:MailboxType>PublicDL</t:MailboxType></t:Mailbox>
          </m:DLExpansion></m:ExpandDLResponseMessage></m:ResponseMessages>
      </m:ExpandDLResponse></s:Body></s:Envelope>"#;
    gate.add("expand-dl-response", doc.to_vec());
    let response: ExpandDlResponse = read_response(doc);
    let again = response_bytes(&response);
    gate.add("expand-dl-response-again", again);
    let expansion = response.into_result().unwrap();
    assert_eq!(expansion.paging.total_items_in_view, Some(2));
    let names: Vec<_> = expansion
        .members
        .iter()
        .filter_map(|m| m.name.as_deref())
        .collect();
    assert_eq!(names, ["Alice", "Team"]);
    gate.finish();
}
