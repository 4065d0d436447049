//! Responses in forms real servers use: other prefixes, default namespaces, CDATA, whitespace,
//! elements and item kinds newer than the model.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ews_model::attachments::Attachment;
use ews_model::folders::FolderKind;
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

const FUTURE_FOLDERS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Body>
    <m:FindFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
        xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
      <m:ResponseMessages>
        <m:FindFolderResponseMessage ResponseClass="Success">
          <m:ResponseCode>NoError</m:ResponseCode>
          <m:RootFolder TotalItemsInView="3" IncludesLastItemInRange="true">
            <t:Folders>
              <t:Folder>
                <t:FolderId Id="F1" ChangeKey="C1"/>
                <t:DisplayName>Receipts</t:DisplayName>
                <t:UnreadCount>2</t:UnreadCount>
              </t:Folder>
              <t:SmartFolder Flavour="sweet">
                <t:FolderId Id="F2" ChangeKey="C2"/>
                <t:DisplayName>Important today</t:DisplayName>
                <t:SmartQuery><t:Text>from:boss</t:Text></t:SmartQuery>
              </t:SmartFolder>
              <t:CalendarFolder>
                <t:FolderId Id="F3" ChangeKey="C3"/>
                <t:DisplayName>Holidays</t:DisplayName>
              </t:CalendarFolder>
            </t:Folders>
          </m:RootFolder>
        </m:FindFolderResponseMessage>
      </m:ResponseMessages>
    </m:FindFolderResponse>
  </s:Body>
</s:Envelope>"#;

const FUTURE_ATTACHMENTS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Body>
    <m:GetAttachmentResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
        xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
      <m:ResponseMessages>
        <m:GetAttachmentResponseMessage ResponseClass="Success">
          <m:ResponseCode>NoError</m:ResponseCode>
          <m:Attachments>
            <t:CloudAttachment>
              <t:AttachmentId Id="A1"/>
              <t:Name>plan.docx</t:Name>
              <t:Size>1234</t:Size>
              <t:CloudUrl>https://files.example.com/plan.docx</t:CloudUrl>
            </t:CloudAttachment>
          </m:Attachments>
        </m:GetAttachmentResponseMessage>
        <m:GetAttachmentResponseMessage ResponseClass="Success">
          <m:ResponseCode>NoError</m:ResponseCode>
          <m:Attachments>
            <t:FileAttachment>
              <t:AttachmentId Id="A2"/>
              <t:Name>notes.txt</t:Name>
              <t:Content>aGk=</t:Content>
            </t:FileAttachment>
          </m:Attachments>
        </m:GetAttachmentResponseMessage>
      </m:ResponseMessages>
    </m:GetAttachmentResponse>
  </s:Body>
</s:Envelope>"#;

/// `response` written into a response envelope, as text.
fn written<T: ews_xml::XmlWrite + ews_xml::XmlElement>(response: &T) -> String {
    let mut out = Vec::new();
    ews_xml::soap::write_response_envelope(&mut out, None, |w| response.write_xml(w, T::NAME))
        .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn folder_kinds_newer_than_the_model_are_kept_whole() {
    let AnyResponse::FindFolder(response) =
        parse_response("FindFolder", FUTURE_FOLDERS.as_bytes()).unwrap()
    else {
        panic!("not a FindFolder response")
    };
    let page = response.clone().into_results().remove(0).unwrap();
    assert_eq!(page.folders.len(), 3, "{page:?}");
    let FolderKind::Folder(receipts) = &page.folders[0] else {
        panic!("{:?}", page.folders[0])
    };
    assert_eq!(receipts.unread_count, Some(2));
    assert!(matches!(page.folders[2], FolderKind::CalendarFolder(_)));

    let FolderKind::Unknown(smart) = &page.folders[1] else {
        panic!("{:?}", page.folders[1])
    };
    assert_eq!(smart.name.local_name(), "SmartFolder");
    assert_eq!(page.folders[1].element_name(), "SmartFolder");
    assert_eq!(page.folders[1].display_name(), Some("Important today"));
    assert_eq!(page.folders[1].folder_id().unwrap().id, "F2");
    assert_eq!(smart.attributes[0].0.local_name(), "Flavour");
    assert_eq!(smart.attributes[0].1, "sweet");
    assert_eq!(smart.other.len(), 1);
    assert_eq!(smart.other[0].name.local_name(), "SmartQuery");
    assert_eq!(
        smart.other[0]
            .child("Text")
            .and_then(|t| t.text())
            .as_deref(),
        Some("from:boss")
    );

    let text = written(&response);
    assert!(text.contains("SmartFolder"), "{text}");
    assert!(text.contains("from:boss"), "{text}");
    let AnyResponse::FindFolder(again) = parse_response("FindFolder", text.as_bytes()).unwrap()
    else {
        panic!("not a FindFolder response")
    };
    assert_eq!(again, response);
}

#[test]
fn attachment_kinds_newer_than_the_model_are_kept_whole() {
    let AnyResponse::GetAttachment(response) =
        parse_response("GetAttachment", FUTURE_ATTACHMENTS.as_bytes()).unwrap()
    else {
        panic!("not a GetAttachment response")
    };
    let attachments: Vec<Attachment> = response
        .clone()
        .into_results()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let Attachment::Unknown(cloud) = &attachments[0] else {
        panic!("{:?}", attachments[0])
    };
    assert_eq!(cloud.name.local_name(), "CloudAttachment");
    assert_eq!(attachments[0].base().name.as_deref(), Some("plan.docx"));
    assert_eq!(attachments[0].base().size, Some(1234));
    assert_eq!(attachments[0].id().unwrap().id, "A1");
    assert_eq!(cloud.other.len(), 1);
    assert_eq!(cloud.other[0].name.local_name(), "CloudUrl");
    assert_eq!(
        cloud.other[0].text().as_deref(),
        Some("https://files.example.com/plan.docx")
    );
    let Attachment::FileAttachment(file) = &attachments[1] else {
        panic!("{:?}", attachments[1])
    };
    assert_eq!(file.content.as_deref(), Some(&b"hi"[..]));

    let text = written(&response);
    assert!(text.contains("CloudAttachment"), "{text}");
    assert!(
        text.contains("https://files.example.com/plan.docx"),
        "{text}"
    );
    let AnyResponse::GetAttachment(again) =
        parse_response("GetAttachment", text.as_bytes()).unwrap()
    else {
        panic!("not a GetAttachment response")
    };
    assert_eq!(again, response);
}
