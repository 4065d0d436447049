//! ExportItems and UploadItems.

use ews_model::operations::{
    CreateAction, ExportItems, ExportItemsResponse, ExportItemsResponseMessage, MessageStatus,
    Operation, ResponseError, UploadItem, UploadItems, UploadItemsResponse,
    UploadItemsResponseMessage,
};
use ews_model::properties::{FolderId, ItemId};
use ews_model::version::ExchangeVersion;
use ews_test_support::Collector;
use ews_xml::{ReadErrorKind, Reader, ResponseCode, XmlRead};

use super::support::{
    get, request_round_trip, request_samples, response_round_trip, response_samples,
};

/// Bytes whose base64 form uses every alphabet class and padding.
fn stream(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 37 % 256) as u8).collect()
}

#[test]
fn export_items() {
    let mut docs = Collector::new();
    let built = ExportItems::new([ItemId::new("AAMkAGYz"), ItemId::new("AAMkAGY0")]);
    request_round_trip(&mut docs, "built ExportItems", &built);
    assert_eq!(ExportItems::SINCE, ExchangeVersion::Exchange2010Sp1);
    const { assert!(ExportItems::IDEMPOTENT) };

    let requests = request_samples::<ExportItems>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(
            r.item_ids,
            [ItemId::new("AAMkAGYzZjZmRiUsidkC+NAAAAY89GAAA=")]
        );
    }
    assert!(response_samples::<ExportItems, _>(&mut docs).is_empty());

    let built = ExportItemsResponse::new(vec![
        ExportItemsResponseMessage::success(
            ItemId::new("AAMkAGYz").with_change_key("CQAAAB"),
            stream(1000),
        ),
        ExportItemsResponseMessage::success(ItemId::new("empty"), Vec::new()),
        ExportItemsResponseMessage::error(MessageStatus::error(
            ResponseCode::ErrorItemNotFound,
            "The specified object was not found in the store.",
        )),
    ]);
    let back = response_round_trip(&mut docs, "built ExportItemsResponse", &built);
    let results = back.into_results();
    let (id, data) = results[0].as_ref().unwrap();
    assert_eq!(id.id, "AAMkAGYz");
    assert_eq!(data, &stream(1000));
    assert!(results[1].as_ref().unwrap().1.is_empty());
    assert_eq!(
        results[2].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorItemNotFound)
    );

    // A success without data breaks the server's contract.
    let doc = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
      <m:ExportItemsResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
        <m:ResponseMessages><m:ExportItemsResponseMessage ResponseClass="Success">
          <m:ResponseCode>NoError</m:ResponseCode><m:ItemId Id="x"/>
        </m:ExportItemsResponseMessage></m:ResponseMessages>
      </m:ExportItemsResponse></s:Body></s:Envelope>"#;
    let response: ExportItemsResponse = super::support::read_response(doc);
    let err = response.into_results().remove(0).unwrap_err();
    assert_eq!(err, ResponseError::Incomplete { missing: "Data" });
    docs.finish();
}

#[test]
fn upload_items() {
    let mut docs = Collector::new();
    let built = UploadItems::new([
        UploadItem::new(
            CreateAction::CreateNew,
            FolderId::new("AAMkADEz"),
            stream(10),
        ),
        UploadItem::new(
            CreateAction::UpdateOrCreate,
            FolderId::new("AAMkADEz").with_change_key("AQAAAA=="),
            stream(3),
        )
        .item_id(ItemId::new("AAMkADhh").with_change_key("CQAAAB"))
        .associated(),
        UploadItem::new(CreateAction::Update, FolderId::new("AAMkADE0"), Vec::new())
            .item_id(ItemId::new("AAMkADhi")),
    ]);
    request_round_trip(&mut docs, "built UploadItems", &built);
    assert_eq!(UploadItems::SINCE, ExchangeVersion::Exchange2010Sp1);
    const { assert!(!UploadItems::IDEMPOTENT) };

    let requests = request_samples::<UploadItems>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        let item = &r.items[0];
        assert_eq!(item.create_action, CreateAction::CreateNew);
        assert_eq!(item.is_associated, None);
        assert_eq!(item.parent_folder_id.id, "AAMkADEzOTE7kV0AAA=");
        assert_eq!(item.item_id, None);
        // 36 base64 characters without padding: 27 bytes.
        assert_eq!(item.data.len(), 27);
        assert_eq!(&item.data[..4], &[1, 0, 0, 0]);
    }

    let responses = response_samples::<UploadItems, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let ids: Vec<_> = r
            .clone()
            .into_results()
            .into_iter()
            .map(|id| id.unwrap().id)
            .collect();
        assert_eq!(ids, ["AAMkADhhUFZ/AAA=", "AAMkADhhOGZ7AAA="]);
    }
    let built = UploadItemsResponse::new(vec![
        UploadItemsResponseMessage::success(ItemId::new("new").with_change_key("CK")),
        UploadItemsResponseMessage::error(MessageStatus::error(
            ResponseCode::ErrorItemNotFound,
            "gone",
        )),
    ]);
    let back = response_round_trip(&mut docs, "built UploadItemsResponse", &built);
    let results = back.into_results();
    assert_eq!(results[0].as_ref().unwrap().id, "new");
    assert!(results[1].is_err());
    docs.finish();
}

#[test]
fn upload_item_requires_its_parts() {
    let cases: [(&str, &str); 3] = [
        (
            r#"<t:Item xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:ParentFolderId Id="p"/><t:Data>AA==</t:Data></t:Item>"#,
            "CreateAction",
        ),
        (
            r#"<t:Item xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" CreateAction="CreateNew"><t:Data>AA==</t:Data></t:Item>"#,
            "ParentFolderId",
        ),
        (
            r#"<t:Item xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" CreateAction="Update"><t:ParentFolderId Id="p"/></t:Item>"#,
            "Data",
        ),
    ];
    for (doc, missing) in cases {
        let mut r = Reader::from_bytes(doc.as_bytes());
        let root = r.root().unwrap();
        let err = UploadItem::read_xml(&mut r, &root).unwrap_err();
        match err.kind() {
            ReadErrorKind::MissingAttribute(name) | ReadErrorKind::MissingElement(name) => {
                assert_eq!(*name, missing, "{doc}");
            }
            other => panic!("{other:?}"),
        }
    }
    // Unknown actions survive.
    let doc = r#"<t:Item xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" CreateAction="Merge" IsAssociated="true"><t:ParentFolderId Id="p"/><t:Future/><t:Data>AAEC</t:Data></t:Item>"#;
    let mut r = Reader::from_bytes(doc.as_bytes());
    let root = r.root().unwrap();
    let item = UploadItem::read_xml(&mut r, &root).unwrap();
    assert_eq!(item.create_action, CreateAction::Other("Merge".into()));
    assert_eq!(item.is_associated, Some(true));
    assert_eq!(item.data, [0, 1, 2]);
}
