//! Attachments: round trips over generated values (item attachments nesting items with
//! attachments one level deep), builders, base64 content.

use crate::strategies::*;
use crate::support::*;
use ews_model::Compose;
use ews_model::attachments::{Attachment, FileAttachment, ItemAttachment, ReferenceAttachment};
use ews_model::items::{Item, Message};
use ews_model::properties::Body;
use ews_xml::Name;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn file_attachments_round_trip(a in file_attachment()) {
        round_trip(&a, Name::t("FileAttachment"));
    }

    #[test]
    fn reference_attachments_round_trip(a in reference_attachment()) {
        round_trip(&a, Name::t("ReferenceAttachment"));
    }

    /// Item attachments whose items have attachments, themselves item attachments holding
    /// items without attachments.
    #[test]
    fn attachments_round_trip_nested(a in attachment(2)) {
        choice_round_trip(&a);
    }

    #[test]
    fn attachments_survive_serde(a in attachment(1)) {
        let json = serde_json::to_string(&a).unwrap();
        let back: Attachment = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, a);
    }
}

#[test]
fn file_attachment_content_is_base64() {
    let a = FileAttachment::new("hello.txt", b"Hello from unicode \xc3\xa6".to_vec())
        .with_content_type("text/plain");
    let xml = String::from_utf8(write_doc(&a, Name::t("FileAttachment"))).unwrap();
    assert!(
        xml.ends_with(
            "<t:Name>hello.txt</t:Name><t:ContentType>text/plain</t:ContentType>\
             <t:Content>SGVsbG8gZnJvbSB1bmljb2RlIMOm</t:Content></t:FileAttachment>"
        ),
        "{xml}"
    );
    // Whitespace inside base64 (line-wrapped by some servers) is accepted.
    let doc =
        br#"<t:FileAttachment xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
        <t:AttachmentId Id="A1" RootItemId="R" RootItemChangeKey="C"/><t:Name>x</t:Name>
        <t:IsInline>true</t:IsInline><t:Future>?</t:Future>
        <t:IsContactPhoto>false</t:IsContactPhoto><t:Content>SGVs
          bG8=</t:Content></t:FileAttachment>"#;
    let back: FileAttachment = read_doc(doc);
    assert_eq!(back.content.as_deref(), Some(&b"Hello"[..]));
    assert_eq!(back.base.is_inline, Some(true));
    assert_eq!(back.is_contact_photo, Some(false));
    assert_eq!(
        back.base.attachment_id.unwrap().root_item().unwrap().id,
        "R"
    );
}

#[test]
fn builders() {
    let inline = FileAttachment::new("logo.png", vec![1, 2]).inline("logo.png");
    assert_eq!(inline.base.content_id.as_deref(), Some("logo.png"));
    assert_eq!(inline.base.is_inline, Some(true));
    let photo = FileAttachment::new("me.jpg", vec![]).contact_photo();
    assert_eq!(photo.is_contact_photo, Some(true));

    let attached = ItemAttachment::new("fwd", Message::new().subject("Inner"));
    let Some(item) = attached.item.as_deref() else {
        panic!()
    };
    assert_eq!(item.base().unwrap().subject.as_deref(), Some("Inner"));

    let link = ReferenceAttachment::new("plan", "https://example.com/plan");
    assert_eq!(
        link.attach_long_path_name.as_deref(),
        Some("https://example.com/plan")
    );

    let mut a = Attachment::from(attached);
    a.base_mut().size = Some(10);
    assert_eq!(a.base().size, Some(10));
    assert!(a.id().is_none());

    // An item attachment with a nested item attachment reads back through Item.
    let outer = Message::new()
        .subject("Outer")
        .body(Body::text("see inner"))
        .attach(ItemAttachment::new(
            "level 1",
            Message::new().attach(ItemAttachment::new(
                "level 2",
                Message::new().subject("deep"),
            )),
        ));
    choice_round_trip(&Item::from(outer));
}
