//! Responses in forms real servers use: other prefixes, default namespaces, CDATA, whitespace,
//! elements and item kinds newer than the model.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ews_model::items::Item;
use ews_model::operations::{AnyResponse, parse_response};

const ODD: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
  <env:Header>
    <ServerVersionInfo xmlns="http://schemas.microsoft.com/exchange/services/2006/types"
        MajorVersion="15" MinorVersion="20" MajorBuildNumber="7249" MinorBuildNumber="22"
        Version="V2018_01_08" FutureAttribute="x"/>
    <x:Unknown xmlns:x="urn:other">ignored</x:Unknown>
  </env:Header>
  <env:Body>
    <GetItemResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">
      <ResponseMessages>
        <GetItemResponseMessage ResponseClass="Success">
          <ResponseCode>NoError</ResponseCode>
          <FutureStatusElement>whatever</FutureStatusElement>
          <Items>
            <a:Message xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">
              <a:ItemId Id="AAA=" ChangeKey="CQA=" FutureAttr="1"/>
              <a:Subject><![CDATA[Q&A <draft>]]> and more</a:Subject>
              <a:FutureElement><a:Nested>deep</a:Nested></a:FutureElement>
              <a:Body BodyType="HTML">
                &lt;p&gt;hi&lt;/p&gt;
              </a:Body>
              <a:Categories>
                <a:String>  Red  </a:String>
                <a:String>Blue</a:String>
              </a:Categories>
              <a:IsRead>
                true
              </a:IsRead>
            </a:Message>
            <b:Hologram xmlns:b="http://schemas.microsoft.com/exchange/services/2006/types">
              <b:ItemId Id="BBB=" ChangeKey="CQB="/>
              <b:Subject>From the future</b:Subject>
              <b:Projection>3D</b:Projection>
            </b:Hologram>
          </Items>
        </GetItemResponseMessage>
      </ResponseMessages>
    </GetItemResponse>
  </env:Body>
</env:Envelope>"#;

#[test]
fn odd_but_valid_forms_parse() {
    let AnyResponse::GetItem(response) = parse_response("GetItem", ODD.as_bytes()).unwrap() else {
        panic!("not a GetItem response")
    };
    let items: Vec<Item> = response
        .into_results()
        .into_iter()
        .map(Result::unwrap)
        .collect::<Vec<_>>();
    assert_eq!(items.len(), 1, "one message holds both items: {items:?}");
}

#[test]
fn values_survive_the_odd_forms() {
    let AnyResponse::GetItem(response) = parse_response("GetItem", ODD.as_bytes()).unwrap() else {
        panic!("not a GetItem response")
    };
    let message = response.messages.into_iter().next().unwrap();
    let items = message.into_items().unwrap();
    assert_eq!(items.len(), 2);
    let Item::Message(m) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert_eq!(m.item.subject.as_deref(), Some("Q&A <draft> and more"));
    assert_eq!(m.item.item_id.as_ref().map(|i| i.id.as_str()), Some("AAA="));
    assert_eq!(m.is_read, Some(true));
    assert!(m.item.body.as_ref().unwrap().content.contains("<p>hi</p>"));
    assert_eq!(m.item.categories, ["  Red  ", "Blue"]);
    // An item kind newer than the model keeps its name, ids and base fields.
    let Item::Unknown(future) = &items[1] else {
        panic!("{:?}", items[1])
    };
    let base = items[1].base().unwrap();
    assert_eq!(base.subject.as_deref(), Some("From the future"));
    assert_eq!(items[1].id().map(|i| i.id.as_str()), Some("BBB="));
    assert!(format!("{future:?}").contains("Hologram"));
}
