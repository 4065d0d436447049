//! The item stream yields what a whole-document read yields, one item at a time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ews_model::items::Item;
use ews_model::operations::{Streamed, stream_items};
use ews_test_support::ms_docs;
use ews_xml::soap::{self, ResponseBody};
use ews_xml::{Event, Name, Reader, XmlChoice};

/// Every item element under `m:Items` or `t:Items`, read whole.
fn items_in(bytes: &[u8]) -> Result<Vec<Item>, ews_xml::ReadError> {
    let mut r = Reader::from_bytes(bytes);
    let mut out = Vec::new();
    let mut in_items = false;
    loop {
        match r.next_event()? {
            Event::Start(tag) if tag.local_name() == "Items" => in_items = true,
            Event::Start(tag) if in_items && Item::matches(&tag) => {
                out.push(Item::read_choice(&mut r, &tag)?);
            }
            Event::Eof => return Ok(out),
            Event::End => in_items = false,
            _ => {}
        }
    }
}

#[test]
fn streams_every_documented_item_response() {
    let mut streamed_total = 0;
    for op in ["GetItem", "FindItem", "CreateItem", "MoveItem", "CopyItem"] {
        for path in ms_docs(Some(op), "response-") {
            let bytes = std::fs::read(&path).unwrap();
            let expected = items_in(&bytes);
            let ResponseBody::Message(mut body) = soap::read_response(&bytes[..]).unwrap().body
            else {
                continue;
            };
            let steps: Result<Vec<Streamed>, _> = stream_items(body.reader()).collect();
            // Two documented responses cut their MIME content short with "…": both readers
            // must refuse them alike.
            let (Ok(expected), Ok(steps)) = (expected, steps) else {
                assert!(items_in(&bytes).is_err(), "{}", path.display());
                continue;
            };
            let items: Vec<Item> = steps
                .into_iter()
                .filter_map(|s| match s {
                    Streamed::Item(i) => Some(*i),
                    _ => None,
                })
                .collect();
            assert_eq!(items, expected, "{}", path.display());
            streamed_total += items.len();
            body.finish().unwrap();
        }
    }
    assert!(streamed_total > 0 || !ews_test_support::require_schema());
}

#[test]
fn failed_messages_come_in_place_and_the_document_is_consumed() {
    let doc = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
      <m:FindItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
          xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>
        <m:FindItemResponseMessage ResponseClass="Error"><m:MessageText>no</m:MessageText>
          <m:ResponseCode>ErrorFolderNotFound</m:ResponseCode></m:FindItemResponseMessage>
        <m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>
          <m:RootFolder TotalItemsInView="2" IncludesLastItemInRange="true"><t:Items>
            <t:Message><t:Subject>a</t:Subject></t:Message><t:Future/><t:Contact/>
          </t:Items></m:RootFolder><m:Extra/></m:FindItemResponseMessage>
      </m:ResponseMessages><m:Trailer/></m:FindItemResponse></s:Body></s:Envelope>"#;
    let ResponseBody::Message(mut body) = soap::read_response(&doc[..]).unwrap().body else {
        panic!()
    };
    assert!(body.start().is(Name::m("FindItemResponse")));
    let steps: Vec<Streamed> = stream_items(body.reader())
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(steps.len(), 4, "{steps:?}");
    assert!(matches!(&steps[0], Streamed::Error(e) if e.text() == Some("no")));
    assert!(matches!(&steps[1], Streamed::Item(i) if matches!(**i, Item::Message(_))));
    // An unknown item kind is kept, not dropped.
    assert!(matches!(&steps[2], Streamed::Item(i) if matches!(**i, Item::Unknown(_))));
    assert!(matches!(&steps[3], Streamed::Item(i) if matches!(**i, Item::Contact(_))));
    body.finish().unwrap();
}

#[test]
fn a_truncated_response_is_an_error_not_a_panic() {
    let doc = br#"<m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
        xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>
      <m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>
        <m:Items><t:Message><t:Subject>a</t:Subject></t:Message><t:Message><t:Sub"#;
    let mut r = Reader::from_bytes(doc);
    r.root().unwrap();
    let results: Vec<_> = stream_items(&mut r).collect();
    assert!(results[0].is_ok());
    assert!(results.last().unwrap().is_err());
}
