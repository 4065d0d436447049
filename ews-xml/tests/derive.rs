//! `#[derive(XmlWrite, XmlRead, XmlValue)]` against the real reader and writer: every field
//! kind, exact output, round trips, lenient reading and the errors.
#![allow(clippy::unwrap_used)]

use std::fmt::Debug;

use ews_xml::soap::{self, RequestHeader};
use ews_xml::{
    NS_MESSAGES, NS_SOAP, NS_TYPES, Name, Ns, ReadError, ReadErrorKind, Reader, ResponseClass,
    ResponseCode, StartTag, ValueError, WriteError, Writer, XmlChoice, XmlElement, XmlRead,
    XmlValue, XmlWrite,
};

// ---------------------------------------------------------------------------------------------
// Helpers

/// The namespace declarations the writer puts on every root element.
fn root_declarations() -> String {
    format!(r#" xmlns:soap="{NS_SOAP}" xmlns:m="{NS_MESSAGES}" xmlns:t="{NS_TYPES}""#)
}

/// `value` written as the root element `name`, as the writer wrote it.
fn write_doc<T: XmlWrite>(value: &T, name: Name<'_>) -> String {
    String::from_utf8(ews_xml::to_vec(value, name).unwrap()).unwrap()
}

/// `value` written as the root element `name`, without the root's namespace declarations.
fn write<T: XmlWrite>(value: &T, name: Name<'_>) -> String {
    let doc = write_doc(value, name);
    let decls = root_declarations();
    assert!(doc.contains(&decls), "{doc}");
    doc.replacen(&decls, "", 1)
}

/// Reads the root element of `doc` as a `T`, then checks the rest of the document.
fn read<T: XmlRead>(doc: &str) -> Result<T, ReadError> {
    ews_xml::from_slice(doc.as_bytes())
}

/// `xml` with `xmlns:t` and `xmlns:m` declared on its root element.
fn ns(xml: &str) -> String {
    let at = xml[1..].find([' ', '>', '/']).unwrap() + 1;
    format!(
        r#"{} xmlns:t="{NS_TYPES}" xmlns:m="{NS_MESSAGES}"{}"#,
        &xml[..at],
        &xml[at..]
    )
}

/// Writes `value`, reads it back, checks it is equal, and returns the text without the
/// root's namespace declarations.
fn round_trip<T: XmlWrite + XmlRead + PartialEq + Debug>(value: &T, name: Name<'_>) -> String {
    let doc = write_doc(value, name);
    let back: T = read(&doc).unwrap_or_else(|e| panic!("{e} reading {doc}"));
    assert_eq!(&back, value, "{doc}");
    doc.replacen(&root_declarations(), "", 1)
}

/// Reads the first child of the root element of `doc` as a `T`.
fn read_first_child<T: XmlRead>(doc: &str) -> Result<T, ReadError> {
    let mut r = Reader::from_bytes(doc.as_bytes());
    r.root()?;
    let tag = r.next_child()?.unwrap();
    T::read_xml(&mut r, &tag)
}

/// The error of reading `doc` as a `T`.
fn read_err<T: XmlRead + Debug>(doc: &str) -> ReadError {
    read::<T>(doc).unwrap_err()
}

// ---------------------------------------------------------------------------------------------
// Value types

#[derive(Clone, Debug, PartialEq, XmlValue)]
enum RoutingType {
    #[xml(rename = "SMTP")]
    Smtp,
    #[xml(rename = "EX")]
    Ex,
}

#[derive(Clone, Debug, PartialEq, XmlValue)]
enum MailboxType {
    Mailbox,
    PublicDL,
    OneOff,
    #[xml(other)]
    Other(String),
}

#[derive(Clone, Debug, PartialEq, XmlValue)]
enum BodyType {
    #[xml(rename = "HTML")]
    Html,
    Text,
}

#[derive(Clone, Debug, PartialEq, XmlValue)]
struct ChangeKey(String);

#[derive(Clone, Debug, PartialEq, XmlValue)]
struct Size {
    bytes: u64,
}

#[test]
fn value_enum_texts() {
    assert_eq!(RoutingType::Smtp.to_xml_value(), "SMTP");
    assert_eq!(RoutingType::from_xml_value("EX"), Ok(RoutingType::Ex));
    // XML whitespace around the value is trimmed, the comparison is exact.
    assert_eq!(
        RoutingType::from_xml_value(" \n\tSMTP\r\n"),
        Ok(RoutingType::Smtp)
    );
    assert_eq!(
        RoutingType::from_xml_value("smtp"),
        Err(ValueError::expected("one of SMTP, EX"))
    );
    assert_eq!(
        RoutingType::from_xml_value("Smtp"),
        Err(ValueError::expected("one of SMTP, EX"))
    );
    assert_eq!(
        BodyType::from_xml_value(""),
        Err(ValueError::expected("one of HTML, Text"))
    );

    assert_eq!(MailboxType::PublicDL.to_xml_value(), "PublicDL");
    assert_eq!(
        MailboxType::from_xml_value("OneOff"),
        Ok(MailboxType::OneOff)
    );
    assert_eq!(
        MailboxType::from_xml_value(" GroupMailbox "),
        Ok(MailboxType::Other("GroupMailbox".into()))
    );
    assert_eq!(
        MailboxType::Other("Linked Mailbox".into()).to_xml_value(),
        "Linked Mailbox"
    );
    assert_eq!(
        MailboxType::from_xml_value("mailbox"),
        Ok(MailboxType::Other("mailbox".into()))
    );
}

#[test]
fn value_newtypes_delegate() {
    assert_eq!(ChangeKey("CQAAAA==".into()).to_xml_value(), "CQAAAA==");
    assert_eq!(
        ChangeKey::from_xml_value("abc"),
        Ok(ChangeKey("abc".into()))
    );
    assert_eq!(Size { bytes: 42 }.to_xml_value(), "42");
    assert_eq!(Size::from_xml_value(" 7 "), Ok(Size { bytes: 7 }));
    assert_eq!(
        Size::from_xml_value("big"),
        Err(ValueError::expected(
            "an unsigned integer (xs:unsignedLong)"
        ))
    );
}

#[test]
fn value_types_are_elements_too() {
    assert_eq!(
        write(&RoutingType::Ex, Name::t("RoutingType")),
        "<t:RoutingType>EX</t:RoutingType>"
    );
    let doc = ns("<t:RoutingType> SMTP </t:RoutingType>");
    assert_eq!(read::<RoutingType>(&doc).unwrap(), RoutingType::Smtp);
}

// ---------------------------------------------------------------------------------------------
// Child elements, attributes, text

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[xml(ns = "t", name = "Mailbox")]
struct Mailbox {
    name: Option<String>,
    email_address: String,
    routing_type: Option<RoutingType>,
    mailbox_type: Option<MailboxType>,
}

fn mailbox(name: &str, address: &str) -> Mailbox {
    Mailbox {
        name: Some(name.into()),
        email_address: address.into(),
        routing_type: Some(RoutingType::Smtp),
        mailbox_type: None,
    }
}

#[test]
fn children_are_written_in_declaration_order() {
    let m = Mailbox {
        name: Some("Ann & Bob".into()),
        email_address: "ann@example.com".into(),
        routing_type: Some(RoutingType::Smtp),
        mailbox_type: Some(MailboxType::Other("GroupMailbox".into())),
    };
    assert_eq!(
        round_trip(&m, Mailbox::NAME),
        "<t:Mailbox><t:Name>Ann &amp; Bob</t:Name><t:EmailAddress>ann@example.com</t:EmailAddress>\
         <t:RoutingType>SMTP</t:RoutingType><t:MailboxType>GroupMailbox</t:MailboxType></t:Mailbox>"
    );
    let bare = Mailbox {
        name: None,
        email_address: "x@y".into(),
        routing_type: None,
        mailbox_type: None,
    };
    assert_eq!(
        round_trip(&bare, Mailbox::NAME),
        "<t:Mailbox><t:EmailAddress>x@y</t:EmailAddress></t:Mailbox>"
    );
}

#[test]
fn the_container_name_is_the_xml_element_name() {
    assert_eq!(Mailbox::NAME, Name::new(Ns::Types, "Mailbox"));
    assert_eq!(GetItem::NAME, Name::m("GetItem"));
    // The parent may still choose another name.
    assert_eq!(
        write(&mailbox("A", "a@b"), Name::m("Owner")),
        "<m:Owner><t:Name>A</t:Name><t:EmailAddress>a@b</t:EmailAddress>\
         <t:RoutingType>SMTP</t:RoutingType></m:Owner>"
    );
}

#[test]
fn reading_is_lenient_about_prefixes_order_and_unknown_elements() {
    let expected = Mailbox {
        name: Some("A".into()),
        email_address: "a@b".into(),
        routing_type: Some(RoutingType::Ex),
        mailbox_type: None,
    };
    let docs = [
        // another prefix
        format!(
            r#"<x:Mailbox xmlns:x="{NS_TYPES}"><x:Name>A</x:Name><x:EmailAddress>a@b</x:EmailAddress><x:RoutingType>EX</x:RoutingType></x:Mailbox>"#
        ),
        // a default namespace, whitespace between children, another order
        format!(
            "<Mailbox xmlns=\"{NS_TYPES}\">\n  <RoutingType>EX</RoutingType>\n  <EmailAddress>a@b</EmailAddress>\n  <Name>A</Name>\n</Mailbox>"
        ),
        // unknown elements (with content) and attributes are skipped
        ns(
            r#"<t:Mailbox Future="1"><t:Future><t:Name>not this</t:Name></t:Future><t:Name>A</t:Name><t:EmailAddress>a@b</t:EmailAddress><t:Extra/><t:RoutingType>EX</t:RoutingType></t:Mailbox>"#,
        ),
        // the same local names in another namespace are not ours
        ns(
            "<t:Mailbox><m:Name>B</m:Name><t:Name>A</t:Name><t:EmailAddress>a@b</t:EmailAddress><m:EmailAddress>c@d</m:EmailAddress><t:RoutingType>EX</t:RoutingType></t:Mailbox>",
        ),
        // a repeated element keeps the last value
        ns(
            "<t:Mailbox><t:Name>Z</t:Name><t:EmailAddress>a@b</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:Name>A</t:Name><t:RoutingType>EX</t:RoutingType></t:Mailbox>",
        ),
    ];
    for doc in &docs {
        assert_eq!(
            read::<Mailbox>(doc).unwrap_or_else(|e| panic!("{e}: {doc}")),
            expected,
            "{doc}"
        );
    }
}

#[test]
fn a_missing_required_element_names_it_and_its_parent() {
    let err = read_err::<Mailbox>(&ns("<t:Mailbox><t:Name>A</t:Name></t:Mailbox>"));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("EmailAddress")),
        "{err:?}"
    );
    assert_eq!(err.path(), "Mailbox");
    assert_eq!(
        err.to_string().split(" (").next().unwrap(),
        "missing element EmailAddress at Mailbox"
    );

    // Deeper in a document: the path goes down to the element that lacks the child.
    let doc = ns(
        "<m:Envelope><m:Body><t:Mailbox><t:EmailAddress>a@b</t:EmailAddress></t:Mailbox><t:Mailbox/></m:Body></m:Envelope>",
    );
    let mut r = Reader::from_bytes(doc.as_bytes());
    r.root().unwrap();
    r.next_child().unwrap().unwrap();
    let first = r.next_child().unwrap().unwrap();
    Mailbox::read_xml(&mut r, &first).unwrap();
    let second = r.next_child().unwrap().unwrap();
    let err = Mailbox::read_xml(&mut r, &second).unwrap_err();
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("EmailAddress")),
        "{err:?}"
    );
    assert_eq!(err.path(), "Envelope/Body/Mailbox");
}

#[test]
fn a_bad_child_value_is_an_invalid_value_error() {
    let err = read_err::<Mailbox>(&ns(
        "<t:Mailbox><t:EmailAddress>a@b</t:EmailAddress><t:RoutingType>X400</t:RoutingType></t:Mailbox>",
    ));
    match err.kind() {
        ReadErrorKind::InvalidValue { value, expected } => {
            assert_eq!(value, "X400");
            assert_eq!(*expected, "one of SMTP, EX");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.path(), "Mailbox/RoutingType");
}

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
struct ItemId {
    #[xml(attr)]
    id: String,
    #[xml(attr)]
    change_key: Option<ChangeKey>,
}

fn item_id(id: &str) -> ItemId {
    ItemId {
        id: id.into(),
        change_key: Some(ChangeKey(format!("ck-{id}"))),
    }
}

#[test]
fn attributes() {
    assert_eq!(
        round_trip(&item_id("AAMk\"<&>"), Name::t("ItemId")),
        r#"<t:ItemId Id="AAMk&quot;&lt;&amp;&gt;" ChangeKey="ck-AAMk&quot;&lt;&amp;&gt;"/>"#
    );
    let bare = ItemId {
        id: "1".into(),
        change_key: None,
    };
    assert_eq!(
        round_trip(&bare, Name::t("ItemId")),
        r#"<t:ItemId Id="1"/>"#
    );
    // Unknown attributes and content are ignored; a prefixed attribute is not ours.
    let doc = ns(r#"<t:ItemId t:ChangeKey="no" Other="x" Id="7"><t:Child/>text</t:ItemId>"#);
    assert_eq!(
        read::<ItemId>(&doc).unwrap(),
        ItemId {
            id: "7".into(),
            change_key: None
        }
    );
}

#[test]
fn a_missing_required_attribute_names_it() {
    let err = read_first_child::<ItemId>(&ns(r#"<t:Items><t:ItemId ChangeKey="ck"/></t:Items>"#))
        .unwrap_err();
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingAttribute("Id")),
        "{err:?}"
    );
    assert_eq!(err.path(), "Items/ItemId");
}

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
struct Body {
    #[xml(attr = "BodyType")]
    body_type: BodyType,
    #[xml(attr = "IsTruncated")]
    is_truncated: Option<bool>,
    #[xml(attr = "lang", ns = "xml")]
    lang: Option<String>,
    #[xml(text)]
    content: String,
    #[xml(skip)]
    cached_len: usize,
}

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
struct Note {
    #[xml(text)]
    text: Option<u32>,
}

#[test]
fn text_content() {
    let body = Body {
        body_type: BodyType::Html,
        is_truncated: Some(false),
        lang: Some("en-US".into()),
        content: "<p>Hi & bye</p>".into(),
        cached_len: 0,
    };
    assert_eq!(
        round_trip(&body, Name::t("Body")),
        r#"<t:Body BodyType="HTML" IsTruncated="false" xml:lang="en-US">&lt;p&gt;Hi &amp; bye&lt;/p&gt;</t:Body>"#
    );
    let empty = Body {
        body_type: BodyType::Text,
        is_truncated: None,
        lang: None,
        content: String::new(),
        cached_len: 0,
    };
    assert_eq!(
        round_trip(&empty, Name::t("Body")),
        r#"<t:Body BodyType="Text"/>"#
    );

    // Text is kept exactly (CDATA included); `skip` fields take their default.
    let doc = ns(r#"<t:Body BodyType="Text" xml:lang="de"> a <![CDATA[<b>]]> z </t:Body>"#);
    let read_body = read::<Body>(&doc).unwrap();
    assert_eq!(read_body.content, " a <b> z ");
    assert_eq!(read_body.lang.as_deref(), Some("de"));
    assert_eq!(read_body.cached_len, 0);

    // Skipped fields are not written either.
    let cached = Body {
        cached_len: 99,
        ..empty
    };
    assert_eq!(
        write(&cached, Name::t("Body")),
        r#"<t:Body BodyType="Text"/>"#
    );

    // An optional text: empty is None.
    assert_eq!(
        round_trip(&Note { text: Some(5) }, Name::t("Note")),
        "<t:Note>5</t:Note>"
    );
    assert_eq!(
        round_trip(&Note { text: None }, Name::t("Note")),
        "<t:Note/>"
    );
}

#[test]
fn bad_attribute_and_text_values() {
    let err = read_err::<Body>(&ns(
        r#"<t:Body BodyType="Text" IsTruncated="perhaps">x</t:Body>"#,
    ));
    match err.kind() {
        ReadErrorKind::InvalidValue { value, expected } => {
            assert_eq!(value, "perhaps");
            assert!(expected.contains("boolean"), "{expected}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.path(), "Body");

    let err = read_err::<Body>(&ns(r#"<t:Body BodyType="Rtf">x</t:Body>"#));
    assert!(
        matches!(
            err.kind(),
            ReadErrorKind::InvalidValue {
                expected: "one of HTML, Text",
                ..
            }
        ),
        "{err:?}"
    );
    let err = read_err::<Body>(&ns("<t:Body>x</t:Body>"));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingAttribute("BodyType")),
        "{err:?}"
    );
    assert_eq!(err.path(), "Body");

    // Text errors name the element, for `T` and `Option<T>` text.
    let err = read_err::<Note>(&ns("<t:Note>five</t:Note>"));
    match err.kind() {
        ReadErrorKind::InvalidValue { value, .. } => assert_eq!(value, "five"),
        other => panic!("{other:?}"),
    }
    assert_eq!(err.path(), "Note");
    let err =
        read_first_child::<Note>(&ns("<m:Response><m:Note>six</m:Note></m:Response>")).unwrap_err();
    assert!(
        matches!(err.kind(), ReadErrorKind::InvalidValue { .. }),
        "{err:?}"
    );
    assert_eq!(err.path(), "Response/Note");

    #[derive(Debug, XmlRead)]
    struct Count {
        #[xml(attr)]
        unit: Option<String>,
        #[xml(text)]
        count: u32,
    }
    let count =
        read_first_child::<Count>(&ns("<m:R><m:Count Unit='kB'> 12 </m:Count></m:R>")).unwrap();
    assert_eq!((count.unit.as_deref(), count.count), (Some("kB"), 12));
    let err = read_first_child::<Count>(&ns("<m:R><m:Count>12x</m:Count></m:R>")).unwrap_err();
    assert!(
        matches!(err.kind(), ReadErrorKind::InvalidValue { .. }),
        "{err:?}"
    );
    assert_eq!(err.path(), "R/Count");
}

// ---------------------------------------------------------------------------------------------
// Unit and empty structs, raw identifiers, generics

#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
struct Unit;

#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
struct Empty {}

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
struct Keyword {
    r#type: String,
    #[xml(attr)]
    r#ref: Option<String>,
}

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[xml(ns = "m")]
struct Page<T: XmlWrite + XmlRead> {
    #[xml(attr = "TotalItemsInView")]
    total: u32,
    #[xml(wrapper = "Items", item = "Item", item_ns = "t")]
    items: Vec<T>,
}

#[test]
fn empty_elements() {
    assert_eq!(round_trip(&Unit, Name::t("Unit")), "<t:Unit/>");
    assert_eq!(round_trip(&Empty {}, Name::m("Empty")), "<m:Empty/>");
    // Any content is skipped.
    assert_eq!(
        read::<Unit>(&ns("<t:Unit a='1'>x<t:y><t:z/></t:y></t:Unit>")).unwrap(),
        Unit
    );
    assert_eq!(
        read::<Empty>(&ns("<t:Empty><t:y/></t:Empty>")).unwrap(),
        Empty {}
    );
}

#[test]
fn raw_identifiers_lose_their_prefix() {
    let k = Keyword {
        r#type: "x".into(),
        r#ref: Some("y".into()),
    };
    assert_eq!(
        round_trip(&k, Name::t("K")),
        r#"<t:K Ref="y"><t:Type>x</t:Type></t:K>"#
    );
}

#[test]
fn generic_structs() {
    let page = Page {
        total: 2,
        items: vec![1u32, 2],
    };
    assert_eq!(
        round_trip(&page, Name::m("RootFolder")),
        r#"<m:RootFolder TotalItemsInView="2"><m:Items><t:Item>1</t:Item><t:Item>2</t:Item></m:Items></m:RootFolder>"#
    );
}

// ---------------------------------------------------------------------------------------------
// Wrapper lists, flatten, skip

/// The fields every item has (a base type of the schema), flattened into each item type.
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
struct ItemFields {
    #[xml(attr = "Marker")]
    marker: Option<u32>,
    item_id: Option<ItemId>,
    subject: Option<String>,
    #[xml(wrapper = "Categories", item = "String")]
    categories: Vec<String>,
    #[xml(flatten)]
    extra: ExtraFields,
}

/// Flattened into [`ItemFields`]: flattening nests.
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
struct ExtraFields {
    #[xml(attr = "Level")]
    level: Option<u8>,
    importance: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[xml(name = "Message")]
struct Message {
    #[xml(flatten)]
    item: ItemFields,
    #[xml(wrapper = "Sender", item = "Mailbox")]
    sender: Option<Mailbox>,
    #[xml(wrapper = "ToRecipients", item = "Mailbox")]
    to: Vec<Mailbox>,
    #[xml(wrapper = "CcRecipients", item = "Mailbox")]
    cc: Option<Vec<Mailbox>>,
    is_read: Option<bool>,
    #[xml(skip)]
    local_note: String,
}

fn message() -> Message {
    Message {
        item: ItemFields {
            marker: Some(3),
            item_id: Some(item_id("m1")),
            subject: Some("Hello".into()),
            categories: vec!["Red".into(), "Blue".into()],
            extra: ExtraFields {
                level: Some(2),
                importance: Some("High".into()),
            },
        },
        sender: Some(mailbox("S", "s@x")),
        to: vec![mailbox("A", "a@x"), mailbox("B", "b@x")],
        cc: Some(Vec::new()),
        is_read: Some(true),
        local_note: String::new(),
    }
}

#[test]
fn wrappers_and_flatten_are_written_in_order() {
    assert_eq!(
        round_trip(&message(), Message::NAME),
        concat!(
            r#"<t:Message Marker="3" Level="2">"#,
            r#"<t:ItemId Id="m1" ChangeKey="ck-m1"/><t:Subject>Hello</t:Subject>"#,
            "<t:Categories><t:String>Red</t:String><t:String>Blue</t:String></t:Categories>",
            "<t:Importance>High</t:Importance>",
            "<t:Sender><t:Mailbox><t:Name>S</t:Name><t:EmailAddress>s@x</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox></t:Sender>",
            "<t:ToRecipients>",
            "<t:Mailbox><t:Name>A</t:Name><t:EmailAddress>a@x</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox>",
            "<t:Mailbox><t:Name>B</t:Name><t:EmailAddress>b@x</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox>",
            "</t:ToRecipients>",
            "<t:CcRecipients/>",
            "<t:IsRead>true</t:IsRead>",
            "</t:Message>"
        )
    );
}

#[test]
fn empty_lists() {
    // An empty Vec writes no wrapper; Option<Vec> writes it when Some, even empty.
    let m = Message {
        cc: None,
        ..Message::default()
    };
    assert_eq!(round_trip(&m, Message::NAME), "<t:Message/>");
    let m = Message {
        cc: Some(Vec::new()),
        ..Message::default()
    };
    assert_eq!(
        round_trip(&m, Message::NAME),
        "<t:Message><t:CcRecipients/></t:Message>"
    );
    // An empty wrapper of a Vec reads as empty.
    let read_back = read::<Message>(&ns("<t:Message><t:ToRecipients/></t:Message>")).unwrap();
    assert_eq!(read_back, Message::default());
}

#[test]
fn flattened_and_wrapped_children_read_in_any_order() {
    let doc = ns(concat!(
        r#"<t:Message Level="2" Unknown="u" Marker="3">"#,
        "<t:IsRead>1</t:IsRead>",
        "<t:CcRecipients><t:Unknown/></t:CcRecipients>",
        "<t:ToRecipients>",
        "<t:Mailbox><t:EmailAddress>a@x</t:EmailAddress><t:Name>A</t:Name><t:RoutingType>SMTP</t:RoutingType></t:Mailbox>",
        "<t:Contact><t:Name>not a mailbox</t:Name></t:Contact>",
        "<t:Mailbox><t:Name>B</t:Name><t:EmailAddress>b@x</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox>",
        "</t:ToRecipients>",
        "<t:Importance>High</t:Importance>",
        "<t:Sender><t:Junk/><t:Mailbox><t:Name>S</t:Name><t:EmailAddress>s@x</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox></t:Sender>",
        "<t:Categories><t:String>Red</t:String><t:Other>x</t:Other><t:String>Blue</t:String></t:Categories>",
        "<t:Subject>Hello</t:Subject>",
        "<t:Whatever><t:Subject>not this one</t:Subject></t:Whatever>",
        r#"<t:ItemId Id="m1" ChangeKey="ck-m1"/>"#,
        "</t:Message>"
    ));
    assert_eq!(read::<Message>(&doc).unwrap(), message());
}

#[test]
fn flattened_required_attributes_are_checked() {
    #[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
    struct Base {
        #[xml(attr = "Id")]
        id: String,
        name: Option<String>,
    }
    #[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
    struct Derived {
        #[xml(flatten)]
        base: Base,
        size: u32,
    }
    let d = Derived {
        base: Base {
            id: "1".into(),
            name: Some("n".into()),
        },
        size: 5,
    };
    assert_eq!(
        round_trip(&d, Name::t("D")),
        r#"<t:D Id="1"><t:Name>n</t:Name><t:Size>5</t:Size></t:D>"#
    );
    let err = read_err::<Derived>(&ns("<t:D><t:Size>5</t:Size></t:D>"));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingAttribute("Id")),
        "{err:?}"
    );
    assert_eq!(err.path(), "D");
    let err = read_err::<Derived>(&ns(r#"<t:D Id="1"><t:Name>n</t:Name></t:D>"#));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("Size")),
        "{err:?}"
    );
}

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
struct Meeting {
    #[xml(flatten)]
    item: ItemFields,
    start: String,
    #[xml(wrapper = "Organizer", item = "Mailbox")]
    organizer: Mailbox,
    #[xml(wrapper = "RequiredAttendees", item = "Mailbox")]
    attendees: Option<Vec<Mailbox>>,
    #[xml(skip)]
    seen: bool,
}

#[test]
fn required_fields_with_flatten_and_single_item_wrappers() {
    let m = Meeting {
        item: ItemFields {
            subject: Some("Sync".into()),
            ..ItemFields::default()
        },
        start: "2024-05-01T10:00:00Z".into(),
        organizer: mailbox("O", "o@x"),
        attendees: None,
        seen: false,
    };
    assert_eq!(
        round_trip(&m, Name::t("CalendarItem")),
        concat!(
            "<t:CalendarItem><t:Subject>Sync</t:Subject><t:Start>2024-05-01T10:00:00Z</t:Start>",
            "<t:Organizer><t:Mailbox><t:Name>O</t:Name><t:EmailAddress>o@x</t:EmailAddress>",
            "<t:RoutingType>SMTP</t:RoutingType></t:Mailbox></t:Organizer></t:CalendarItem>"
        )
    );
    // A missing single-item wrapper, or one without its item, reports the wrapper.
    let err = read_err::<Meeting>(&ns("<t:CalendarItem><t:Start>s</t:Start></t:CalendarItem>"));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("Organizer")),
        "{err:?}"
    );
    assert_eq!(err.path(), "CalendarItem");
    let err = read_err::<Meeting>(&ns(
        "<t:CalendarItem><t:Start>s</t:Start><t:Organizer><t:Contact/></t:Organizer></t:CalendarItem>",
    ));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("Organizer")),
        "{err:?}"
    );
    // Our own required elements are checked next to a flattened field.
    let err = read_err::<Meeting>(&ns(
        "<t:CalendarItem><t:Organizer><t:Mailbox><t:EmailAddress>e</t:EmailAddress></t:Mailbox></t:Organizer></t:CalendarItem>",
    ));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("Start")),
        "{err:?}"
    );
    // A nested missing element reports the nested element's path.
    let err = read_err::<Meeting>(&ns(
        "<t:CalendarItem><t:Start>s</t:Start><t:Organizer><t:Mailbox><t:Name>n</t:Name></t:Mailbox></t:Organizer></t:CalendarItem>",
    ));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("EmailAddress")),
        "{err:?}"
    );
    assert_eq!(err.path(), "CalendarItem/Organizer/Mailbox");
}

// ---------------------------------------------------------------------------------------------
// Choices

/// A catch-all element that remembers its name and text (an `other` choice).
#[derive(Clone, Debug, PartialEq)]
struct AnyElement {
    ns: Ns,
    name: String,
    text: String,
}

impl XmlChoice for AnyElement {
    fn write_choice(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
        w.element_text(Name::new(self.ns, &self.name), &self.text)
    }
    fn matches(_: &StartTag) -> bool {
        true
    }
    fn read_choice(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let (ns, name) = (start.ns(), start.local_name().to_owned());
        Ok(Self {
            ns,
            name,
            text: r.read_text()?,
        })
    }
}

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[xml(choice)]
enum Item {
    Message(Message),
    #[xml(name = "CalendarItem")]
    Meeting(Meeting),
    #[xml(name = "Flagged")]
    Flagged,
    #[xml(other)]
    Unknown(AnyElement),
}

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
struct DistinguishedFolderId {
    #[xml(attr)]
    id: String,
    mailbox: Option<Mailbox>,
}

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[xml(choice)]
enum FolderId {
    #[xml(name = "FolderId")]
    Id(ItemId),
    DistinguishedFolderId(DistinguishedFolderId),
    #[xml(ns = "m", name = "Root")]
    Root,
}

#[test]
fn choice_enums_write_each_variant_under_its_name() {
    fn choice<T: XmlChoice>(value: &T) -> String {
        let mut out = Vec::new();
        let mut w = Writer::new(&mut out);
        value.write_choice(&mut w).unwrap();
        w.finish().unwrap();
        String::from_utf8(out)
            .unwrap()
            .replacen(&root_declarations(), "", 1)
    }
    assert_eq!(
        choice(&FolderId::Id(item_id("f"))),
        r#"<t:FolderId Id="f" ChangeKey="ck-f"/>"#
    );
    let d = DistinguishedFolderId {
        id: "inbox".into(),
        mailbox: None,
    };
    assert_eq!(
        choice(&FolderId::DistinguishedFolderId(d)),
        r#"<t:DistinguishedFolderId Id="inbox"/>"#
    );
    assert_eq!(choice(&FolderId::Root), "<m:Root/>");
    assert_eq!(choice(&Item::Flagged), "<t:Flagged/>");
    let any = AnyElement {
        ns: Ns::Types,
        name: "Task".into(),
        text: "t".into(),
    };
    assert_eq!(choice(&Item::Unknown(any)), "<t:Task>t</t:Task>");
}

#[test]
fn choice_matching() {
    let tag = |xml: &str| {
        let doc = ns(xml);
        let mut r = Reader::from_bytes(doc.as_bytes());
        r.root().unwrap()
    };
    assert!(FolderId::matches(&tag("<t:FolderId/>")));
    assert!(FolderId::matches(&tag("<t:DistinguishedFolderId/>")));
    assert!(FolderId::matches(&tag("<m:Root/>")));
    assert!(!FolderId::matches(&tag("<t:Root/>")));
    assert!(!FolderId::matches(&tag("<m:FolderId/>")));
    assert!(!FolderId::matches(&tag("<t:ItemId/>")));
    // With an `other` variant everything matches.
    assert!(Item::matches(&tag("<t:Message/>")));
    assert!(Item::matches(&tag("<m:Anything/>")));
}

#[test]
fn an_unknown_choice_without_other_is_an_error() {
    let doc = ns("<t:Parent><t:ItemId Id='1'/></t:Parent>");
    let mut r = Reader::from_bytes(doc.as_bytes());
    r.root().unwrap();
    let tag = r.next_child().unwrap().unwrap();
    assert!(!FolderId::matches(&tag));
    let err = FolderId::read_choice(&mut r, &tag).unwrap_err();
    match err.kind() {
        ReadErrorKind::UnexpectedElement { found } => assert_eq!(found, "t:ItemId"),
        other => panic!("{other:?}"),
    }
    assert_eq!(err.path(), "Parent/ItemId");
}

#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[xml(ns = "m", name = "GetItemResponseMessage")]
struct ResponseMessage {
    #[xml(attr = "ResponseClass")]
    class: ResponseClass,
    response_code: Option<ResponseCode>,
    #[xml(wrapper = "Items", choice)]
    items: Vec<Item>,
    #[xml(ns = "t", wrapper = "ParentFolderId", choice)]
    parent: FolderId,
    #[xml(choice)]
    target: Option<FolderId>,
    #[xml(choice)]
    rest: Vec<Item>,
}

fn response() -> ResponseMessage {
    ResponseMessage {
        class: ResponseClass::Success,
        response_code: Some(ResponseCode::NoError),
        items: vec![
            Item::Message(Message {
                is_read: Some(false),
                ..Message::default()
            }),
            Item::Flagged,
            Item::Unknown(AnyElement {
                ns: Ns::Types,
                name: "Task".into(),
                text: "do it".into(),
            }),
        ],
        parent: FolderId::Root,
        target: Some(FolderId::Id(ItemId {
            id: "f".into(),
            change_key: None,
        })),
        rest: vec![
            Item::Flagged,
            Item::Unknown(AnyElement {
                ns: Ns::Messages,
                name: "X".into(),
                text: String::new(),
            }),
        ],
    }
}

#[test]
fn choice_fields() {
    assert_eq!(
        round_trip(&response(), ResponseMessage::NAME),
        concat!(
            r#"<m:GetItemResponseMessage ResponseClass="Success">"#,
            "<m:ResponseCode>NoError</m:ResponseCode>",
            "<m:Items><t:Message><t:IsRead>false</t:IsRead></t:Message><t:Flagged/><t:Task>do it</t:Task></m:Items>",
            "<t:ParentFolderId><m:Root/></t:ParentFolderId>",
            r#"<t:FolderId Id="f"/>"#,
            "<t:Flagged/><m:X/>",
            "</m:GetItemResponseMessage>"
        )
    );
    // Read from another layout: choices are recognised by their names, wherever they are.
    let doc = format!(
        r#"<GetItemResponseMessage xmlns="{NS_MESSAGES}" xmlns:t="{NS_TYPES}" ResponseClass="Success">
             <X/>
             <t:Flagged>ignored content</t:Flagged>
             <t:ParentFolderId><t:Whatever/><Root/></t:ParentFolderId>
             <ResponseCode>NoError</ResponseCode>
             <Items>
               <t:Message><t:IsRead>false</t:IsRead></t:Message>
               <t:Flagged/>
               <t:Task>do it</t:Task>
             </Items>
             <t:FolderId Id="f"/>
           </GetItemResponseMessage>"#
    );
    let mut expected = response();
    expected.rest.reverse();
    assert_eq!(read::<ResponseMessage>(&doc).unwrap(), expected);
}

#[test]
fn a_missing_required_choice_reports_the_field() {
    #[derive(Debug, XmlWrite, XmlRead)]
    struct Move {
        #[xml(choice)]
        to_folder: FolderId,
    }
    let err = read_err::<Move>(&ns("<m:Move><t:ItemId Id='1'/></m:Move>"));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("ToFolder")),
        "{err:?}"
    );
    assert_eq!(err.path(), "Move");
    let err = read_err::<ResponseMessage>(&ns(r#"<m:R ResponseClass="Error"/>"#));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingElement("ParentFolderId")),
        "{err:?}"
    );
    let err = read_err::<ResponseMessage>(&ns("<m:R/>"));
    assert!(
        matches!(err.kind(), ReadErrorKind::MissingAttribute("ResponseClass")),
        "{err:?}"
    );
}

#[test]
fn a_catch_all_choice_after_a_flatten_gets_only_the_rest() {
    #[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
    struct Open {
        #[xml(flatten)]
        item: ItemFields,
        #[xml(choice)]
        others: Vec<Item>,
    }
    let doc = ns("<t:Open><t:A>1</t:A><t:Subject>s</t:Subject><t:Flagged/></t:Open>");
    let open = read::<Open>(&doc).unwrap();
    assert_eq!(open.item.subject.as_deref(), Some("s"));
    assert_eq!(
        open.others,
        [
            Item::Unknown(AnyElement {
                ns: Ns::Types,
                name: "A".into(),
                text: "1".into()
            }),
            Item::Flagged
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Requests: write-only types and the SOAP envelope

#[derive(Clone, Debug, PartialEq, XmlWrite)]
#[xml(ns = "m", name = "GetItem")]
struct GetItem {
    item_shape: ItemShape,
    #[xml(wrapper = "ItemIds", item = "ItemId", item_ns = "t")]
    item_ids: Vec<ItemId>,
}

#[derive(Clone, Debug, PartialEq, XmlWrite)]
struct ItemShape {
    #[xml(ns = "t")]
    base_shape: String,
}

#[test]
fn a_request_in_an_envelope() {
    let req = GetItem {
        item_shape: ItemShape {
            base_shape: "IdOnly".into(),
        },
        item_ids: vec![
            item_id("1"),
            ItemId {
                id: "2".into(),
                change_key: None,
            },
        ],
    };
    let mut out = Vec::new();
    soap::write_request(&mut out, &RequestHeader::new("Exchange2016"), &req).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(concat!(
            "<soap:Body><m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>",
            r#"<m:ItemIds><t:ItemId Id="1" ChangeKey="ck-1"/><t:ItemId Id="2"/></m:ItemIds>"#,
            "</m:GetItem></soap:Body>"
        )),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// More combinations

#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[xml(ns = "m")]
struct MoveItem {
    #[xml(wrapper = "ToFolderId", choice)]
    to_folder: Option<FolderId>,
    #[xml(wrapper = "ItemIds", choice, ns = "m")]
    item_ids: Option<Vec<FolderId>>,
    #[xml(choice)]
    source: Option<FolderId>,
    #[xml(choice)]
    items: Vec<Item>,
}

#[test]
fn optional_choices_in_place() {
    let empty = MoveItem::default();
    assert_eq!(round_trip(&empty, Name::m("MoveItem")), "<m:MoveItem/>");

    let meeting = Meeting {
        item: ItemFields::default(),
        start: "s".into(),
        organizer: mailbox("O", "o@x"),
        attendees: Some(vec![mailbox("P", "p@x")]),
        seen: false,
    };
    let full = MoveItem {
        to_folder: Some(FolderId::Root),
        item_ids: Some(vec![FolderId::Id(item_id("1")), FolderId::Root]),
        source: Some(FolderId::DistinguishedFolderId(DistinguishedFolderId {
            id: "inbox".into(),
            mailbox: Some(mailbox("M", "m@x")),
        })),
        items: vec![Item::Meeting(meeting), Item::Flagged],
    };
    assert_eq!(
        round_trip(&full, Name::m("MoveItem")),
        concat!(
            "<m:MoveItem><m:ToFolderId><m:Root/></m:ToFolderId>",
            r#"<m:ItemIds><t:FolderId Id="1" ChangeKey="ck-1"/><m:Root/></m:ItemIds>"#,
            r#"<t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:Name>M</t:Name>"#,
            "<t:EmailAddress>m@x</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox>",
            "</t:DistinguishedFolderId>",
            "<t:CalendarItem><t:Start>s</t:Start><t:Organizer><t:Mailbox><t:Name>O</t:Name>",
            "<t:EmailAddress>o@x</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox>",
            "</t:Organizer><t:RequiredAttendees><t:Mailbox><t:Name>P</t:Name>",
            "<t:EmailAddress>p@x</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox>",
            "</t:RequiredAttendees></t:CalendarItem><t:Flagged/></m:MoveItem>"
        )
    );

    // A repeated choice keeps the last one; an empty wrapper of an Option<Vec> is Some(empty);
    // a wrapper without a matching item leaves an Option empty.
    let doc = ns(concat!(
        "<m:MoveItem><t:FolderId Id='a'/><m:ItemIds/><m:ToFolderId><t:Nothing/></m:ToFolderId>",
        "<m:Root/></m:MoveItem>"
    ));
    let read_back = read::<MoveItem>(&doc).unwrap();
    assert_eq!(
        read_back,
        MoveItem {
            item_ids: Some(Vec::new()),
            source: Some(FolderId::Root),
            ..MoveItem::default()
        }
    );
}

#[test]
fn required_children_of_a_flattened_type_take_their_default() {
    #[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
    struct Base {
        size: u32,
        #[xml(wrapper = "Owner", item = "Mailbox")]
        owner: Option<Mailbox>,
    }
    #[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
    struct Derived {
        #[xml(flatten)]
        base: Base,
        #[xml(attr)]
        id: String,
    }
    let d = read::<Derived>(&ns("<t:D Id='1'/>")).unwrap();
    assert_eq!(
        d,
        Derived {
            base: Base::default(),
            id: "1".into()
        }
    );
    let d = read::<Derived>(&ns("<t:D Id='1'><t:Size>4</t:Size></t:D>")).unwrap();
    assert_eq!(d.base.size, 4);
    // Its values are still checked.
    let err = read_err::<Derived>(&ns("<t:D Id='1'><t:Size>four</t:Size></t:D>"));
    assert!(
        matches!(err.kind(), ReadErrorKind::InvalidValue { .. }),
        "{err:?}"
    );
    assert_eq!(err.path(), "D/Size");
}

#[test]
fn repeated_wrappers_add_to_the_list() {
    let doc = ns(concat!(
        "<t:Message><t:ToRecipients><t:Mailbox><t:EmailAddress>a</t:EmailAddress></t:Mailbox>",
        "</t:ToRecipients><t:ToRecipients><t:Mailbox><t:EmailAddress>b</t:EmailAddress>",
        "</t:Mailbox></t:ToRecipients></t:Message>"
    ));
    let m = read::<Message>(&doc).unwrap();
    let to: Vec<_> = m.to.iter().map(|m| m.email_address.as_str()).collect();
    assert_eq!(to, ["a", "b"]);
}

#[test]
fn repeated_plain_elements_fill_a_vec_in_order() {
    #[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
    struct Ids {
        #[xml(name = "Id")]
        ids: Vec<u32>,
        #[xml(ns = "m")]
        total: u32,
    }
    let ids = Ids {
        ids: vec![3, 1, 2],
        total: 3,
    };
    assert_eq!(
        round_trip(&ids, Name::t("Ids")),
        "<t:Ids><t:Id>3</t:Id><t:Id>1</t:Id><t:Id>2</t:Id><m:Total>3</m:Total></t:Ids>"
    );
    let doc = ns(
        "<t:Ids><t:Id>3</t:Id><m:Total>3</m:Total><t:Id>1</t:Id><m:Id>9</m:Id><t:Id>2</t:Id></t:Ids>",
    );
    assert_eq!(read::<Ids>(&doc).unwrap(), ids);
}
