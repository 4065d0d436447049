//! Property types: round trips over generated values, schema validity inside real requests and
//! responses, and every matching element of the ms-docs samples read back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Debug;

use ews_model::properties::{
    AttachmentId, Attendee, Body, BodyType, CompleteName, ConversationId, DistinguishedFolderId,
    DistinguishedFolderIdName, EffectiveRights, EmailAddress, EmailAddressKey, EmailAddresses,
    Flag, FlagStatus, FolderId, FolderIdChoice, ImAddress, ImAddressKey, ImAddresses, Importance,
    InternetMessageHeader, InternetMessageHeaders, ItemId, ItemIdChoice, Mailbox, MailboxType,
    MimeContent, NormalizedBody, OccurrenceItemId, PhoneNumber, PhoneNumberKey, PhoneNumbers,
    PhysicalAddress, PhysicalAddressKey, PhysicalAddresses, RecurringMasterItemId, ResponseType,
    RoutingType, Sensitivity, SingleRecipient, UniqueBody,
};
use ews_model::time::DateTime;
use ews_xml::soap::{self, RequestHeader};
use ews_xml::{Event, Name, Reader, Writer, XmlChoice, XmlElement, XmlRead, XmlValue, XmlWrite};
use jiff::Timestamp;
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Helpers

/// `value` written as the root element `name`.
fn write_doc<T: XmlWrite>(value: &T, name: Name<'_>) -> Vec<u8> {
    ews_xml::to_vec(value, name).unwrap()
}

/// The root element of `doc` read as a `T`, panicking with the document on error.
fn read_doc<T: XmlRead>(doc: &[u8]) -> T {
    ews_xml::from_slice(doc)
        .unwrap_or_else(|e| panic!("{e} reading {}", String::from_utf8_lossy(doc)))
}

/// Writes `value` as `name`, reads it back and checks it is equal.
fn round_trip<T: XmlWrite + XmlRead + PartialEq + Debug>(value: &T, name: Name<'_>) {
    let doc = write_doc(value, name);
    let back: T = read_doc(&doc);
    assert_eq!(&back, value, "{}", String::from_utf8_lossy(&doc));
}

/// Writes a choice inside `<t:Root>`, reads it back and checks it is equal.
fn choice_round_trip<T: XmlChoice + PartialEq + Debug>(value: &T) {
    let mut doc = Vec::new();
    let mut w = Writer::new(&mut doc);
    w.start(Name::t("Root")).unwrap();
    value.write_choice(&mut w).unwrap();
    w.end().unwrap();
    w.finish().unwrap();
    let mut r = Reader::from_bytes(&doc);
    r.root().unwrap();
    let tag = r.next_child().unwrap().unwrap();
    assert!(T::matches(&tag), "{}", String::from_utf8_lossy(&doc));
    let back = T::read_choice(&mut r, &tag).unwrap();
    assert_eq!(&back, value, "{}", String::from_utf8_lossy(&doc));
}

fn text(doc: &[u8]) -> &str {
    std::str::from_utf8(doc).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Strategies

/// Any printable text, `<&"` included.
fn any_text() -> impl Strategy<Value = String> {
    "\\PC{0,20}"
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(any_text())
}

/// A value of an open enumeration: one of `known`, or a token the schema does not know.
fn open_enum<T: XmlValue + Clone + Debug + 'static>(known: Vec<T>) -> impl Strategy<Value = T> {
    prop_oneof![
        proptest::sample::select(known),
        "[A-Za-z0-9_.-]{1,12}".prop_map(|s| T::from_xml_value(&s).unwrap()),
    ]
}

fn date_time() -> impl Strategy<Value = DateTime> {
    (-2_000_000_000i64..4_000_000_000, 0i32..1_000_000_000)
        .prop_map(|(s, ns)| DateTime(Timestamp::new(s, ns).unwrap()))
}

fn item_id() -> impl Strategy<Value = ItemId> {
    (any_text(), opt_text()).prop_map(|(id, ck)| ItemId { id, change_key: ck })
}

fn folder_id() -> impl Strategy<Value = FolderId> {
    (any_text(), opt_text()).prop_map(|(id, ck)| FolderId { id, change_key: ck })
}

fn routing_type() -> impl Strategy<Value = RoutingType> {
    open_enum(vec![RoutingType::Smtp, RoutingType::Ex])
}

fn mailbox_type() -> impl Strategy<Value = MailboxType> {
    use MailboxType as M;
    open_enum(vec![
        M::Unknown,
        M::OneOff,
        M::Mailbox,
        M::PublicDL,
        M::PrivateDL,
        M::Contact,
        M::PublicFolder,
        M::GroupMailbox,
        M::ImplicitContact,
        M::User,
    ])
}

fn mailbox() -> impl Strategy<Value = Mailbox> {
    (
        opt_text(),
        opt_text(),
        proptest::option::of(routing_type()),
        proptest::option::of(mailbox_type()),
        proptest::option::of(item_id()),
        opt_text(),
    )
        .prop_map(|(name, address, routing, kind, id, original)| {
            let mut m = Mailbox::default();
            m.name = name;
            m.email_address = address;
            m.routing_type = routing;
            m.mailbox_type = kind;
            m.item_id = id;
            m.original_display_name = original;
            m
        })
}

fn folder_name() -> impl Strategy<Value = DistinguishedFolderIdName> {
    open_enum(DistinguishedFolderIdName::ALL.to_vec())
}

fn distinguished_folder_id() -> impl Strategy<Value = DistinguishedFolderId> {
    (folder_name(), opt_text(), proptest::option::of(mailbox())).prop_map(|(name, ck, mb)| {
        let mut id = DistinguishedFolderId::new(name);
        id.change_key = ck;
        id.mailbox = mb;
        id
    })
}

fn attachment_id() -> impl Strategy<Value = AttachmentId> {
    (any_text(), opt_text(), opt_text()).prop_map(|(id, root, ck)| AttachmentId {
        id,
        root_item_id: root,
        root_item_change_key: ck,
    })
}

fn occurrence_item_id() -> impl Strategy<Value = OccurrenceItemId> {
    (any_text(), opt_text(), any::<i32>()).prop_map(|(id, ck, index)| OccurrenceItemId {
        recurring_master_id: id,
        change_key: ck,
        instance_index: index,
    })
}

fn recurring_master_item_id() -> impl Strategy<Value = RecurringMasterItemId> {
    (any_text(), opt_text()).prop_map(|(id, ck)| RecurringMasterItemId {
        occurrence_id: id,
        change_key: ck,
    })
}

fn attendee() -> impl Strategy<Value = Attendee> {
    use ResponseType as R;
    let response = open_enum(vec![
        R::Unknown,
        R::Organizer,
        R::Tentative,
        R::Accept,
        R::Decline,
        R::NoResponseReceived,
    ]);
    (
        mailbox(),
        proptest::option::of(response),
        proptest::option::of(date_time()),
        proptest::option::of(date_time()),
        proptest::option::of(date_time()),
    )
        .prop_map(|(mb, response, last, start, end)| {
            let mut a = Attendee::new(mb);
            a.response_type = response;
            a.last_response_time = last;
            a.proposed_start = start;
            a.proposed_end = end;
            a
        })
}

fn body() -> impl Strategy<Value = Body> {
    (
        open_enum(vec![BodyType::Html, BodyType::Text]),
        proptest::option::of(any::<bool>()),
        any_text(),
    )
        .prop_map(|(kind, truncated, content)| {
            let mut b = Body::text(content);
            b.body_type = kind;
            b.is_truncated = truncated;
            b
        })
}

fn mime_content() -> impl Strategy<Value = MimeContent> {
    (opt_text(), proptest::collection::vec(any::<u8>(), 0..200)).prop_map(|(set, bytes)| {
        let mut m = MimeContent::new(bytes);
        m.character_set = set;
        m
    })
}

fn flag() -> impl Strategy<Value = Flag> {
    use FlagStatus as F;
    (
        open_enum(vec![F::NotFlagged, F::Flagged, F::Complete]),
        proptest::option::of(date_time()),
        proptest::option::of(date_time()),
        proptest::option::of(date_time()),
    )
        .prop_map(|(status, start, due, complete)| {
            let mut f = Flag::default();
            f.flag_status = status;
            f.start_date = start;
            f.due_date = due;
            f.complete_date = complete;
            f
        })
}

fn effective_rights() -> impl Strategy<Value = EffectiveRights> {
    (any::<[bool; 6]>(), proptest::option::of(any::<bool>())).prop_map(|(b, private)| {
        let mut r = EffectiveRights::default();
        r.create_associated = b[0];
        r.create_contents = b[1];
        r.create_hierarchy = b[2];
        r.delete = b[3];
        r.modify = b[4];
        r.read = b[5];
        r.view_private_items = private;
        r
    })
}

fn complete_name() -> impl Strategy<Value = CompleteName> {
    proptest::collection::vec(opt_text(), 10).prop_map(|v| {
        let mut n = CompleteName::default();
        let [a, b, c, d, e, f, g, h, i, j]: [Option<String>; 10] = v.try_into().unwrap();
        n.title = a;
        n.first_name = b;
        n.middle_name = c;
        n.last_name = d;
        n.suffix = e;
        n.initials = f;
        n.full_name = g;
        n.nickname = h;
        n.yomi_first_name = i;
        n.yomi_last_name = j;
        n
    })
}

fn headers() -> impl Strategy<Value = InternetMessageHeaders> {
    proptest::collection::vec(
        (any_text(), any_text()).prop_map(|(n, v)| InternetMessageHeader::new(n, v)),
        0..5,
    )
    .prop_map(|headers| InternetMessageHeaders { headers })
}

fn email_addresses() -> impl Strategy<Value = EmailAddresses> {
    use EmailAddressKey as K;
    let key = open_enum(vec![K::EmailAddress1, K::EmailAddress2, K::EmailAddress3]);
    let entry = (
        key,
        opt_text(),
        opt_text(),
        proptest::option::of(mailbox_type()),
        any_text(),
    )
        .prop_map(|(key, name, routing, kind, address)| {
            let mut e = EmailAddress::new(key, address);
            e.name = name;
            e.routing_type = routing;
            e.mailbox_type = kind;
            e
        });
    proptest::collection::vec(entry, 0..4).prop_map(|entries| EmailAddresses { entries })
}

fn phone_numbers() -> impl Strategy<Value = PhoneNumbers> {
    let entry = (open_enum(PhoneNumberKey::ALL.to_vec()), any_text())
        .prop_map(|(key, number)| PhoneNumber::new(key, number));
    proptest::collection::vec(entry, 0..6).prop_map(|entries| PhoneNumbers { entries })
}

fn physical_addresses() -> impl Strategy<Value = PhysicalAddresses> {
    use PhysicalAddressKey as K;
    let key = open_enum(vec![K::Home, K::Business, K::Other]);
    let entry = (key, proptest::collection::vec(opt_text(), 5)).prop_map(|(key, v)| {
        let mut a = PhysicalAddress::new(key);
        let [street, city, state, country, code]: [Option<String>; 5] = v.try_into().unwrap();
        a.street = street;
        a.city = city;
        a.state = state;
        a.country_or_region = country;
        a.postal_code = code;
        a
    });
    proptest::collection::vec(entry, 0..4).prop_map(|entries| PhysicalAddresses { entries })
}

fn im_addresses() -> impl Strategy<Value = ImAddresses> {
    use ImAddressKey as K;
    let key = open_enum(vec![K::ImAddress1, K::ImAddress2, K::ImAddress3]);
    let entry = (key, any_text()).prop_map(|(key, address)| ImAddress::new(key, address));
    proptest::collection::vec(entry, 0..4).prop_map(|entries| ImAddresses { entries })
}

// ---------------------------------------------------------------------------------------------
// Round trips

proptest! {
    #[test]
    fn ids_round_trip(
        item in item_id(),
        folder in folder_id(),
        distinguished in distinguished_folder_id(),
        attachment in attachment_id(),
        occurrence in occurrence_item_id(),
        master in recurring_master_item_id(),
        conversation in item_id(),
    ) {
        round_trip(&item, ItemId::NAME);
        round_trip(&folder, FolderId::NAME);
        round_trip(&distinguished, DistinguishedFolderId::NAME);
        round_trip(&attachment, AttachmentId::NAME);
        round_trip(&occurrence, OccurrenceItemId::NAME);
        round_trip(&master, RecurringMasterItemId::NAME);
        let conversation = ConversationId { id: conversation.id, change_key: conversation.change_key };
        round_trip(&conversation, ConversationId::NAME);
        choice_round_trip(&FolderIdChoice::from(folder));
        choice_round_trip(&FolderIdChoice::from(distinguished));
        choice_round_trip(&ItemIdChoice::from(item));
        choice_round_trip(&ItemIdChoice::from(occurrence));
        choice_round_trip(&ItemIdChoice::from(master));
    }

    #[test]
    fn mailboxes_round_trip(mb in mailbox(), attendee in attendee()) {
        round_trip(&mb, Mailbox::NAME);
        round_trip(&mb, Name::t("Organizer"));
        round_trip(&SingleRecipient::from(mb), Name::t("Sender"));
        round_trip(&attendee, Attendee::NAME);
    }

    #[test]
    fn bodies_round_trip(body in body(), mime in mime_content()) {
        round_trip(&body, Body::NAME);
        round_trip(&body, Name::t("UniqueBody"));
        round_trip(&mime, MimeContent::NAME);
    }

    #[test]
    fn misc_round_trip(
        flag in flag(),
        rights in effective_rights(),
        name in complete_name(),
        headers in headers(),
        importance in open_enum(vec![Importance::Low, Importance::Normal, Importance::High]),
        sensitivity in open_enum(vec![
            Sensitivity::Normal, Sensitivity::Personal, Sensitivity::Private, Sensitivity::Confidential,
        ]),
    ) {
        round_trip(&flag, Flag::NAME);
        round_trip(&rights, EffectiveRights::NAME);
        round_trip(&name, CompleteName::NAME);
        round_trip(&headers, InternetMessageHeaders::NAME);
        round_trip(&importance, Name::t("Importance"));
        round_trip(&sensitivity, Name::t("Sensitivity"));
    }

    #[test]
    fn indexed_round_trip(
        emails in email_addresses(),
        phones in phone_numbers(),
        addresses in physical_addresses(),
        ims in im_addresses(),
    ) {
        round_trip(&emails, EmailAddresses::NAME);
        round_trip(&phones, PhoneNumbers::NAME);
        round_trip(&addresses, PhysicalAddresses::NAME);
        round_trip(&ims, ImAddresses::NAME);
    }
}

#[cfg(feature = "serde")]
proptest! {
    #[test]
    fn serde_round_trip(mb in mailbox(), phones in phone_numbers(), flag in flag(), body in body()) {
        fn json<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + Debug>(v: &T) {
            let s = serde_json::to_string(v).unwrap();
            assert_eq!(&serde_json::from_str::<T>(&s).unwrap(), v, "{s}");
        }
        json(&mb);
        json(&phones);
        json(&flag);
        json(&body);
    }
}

// ---------------------------------------------------------------------------------------------
// Exact output

#[test]
fn exact_output() {
    let id = ItemId::new("AAA=").with_change_key("CQ<&>");
    assert!(
        text(&write_doc(&id, ItemId::NAME))
            .ends_with(r#" Id="AAA=" ChangeKey="CQ&lt;&amp;&gt;"/>"#)
    );

    let shared = DistinguishedFolderId::new(DistinguishedFolderIdName::Inbox).with_mailbox(
        Mailbox::named("Room", "room@example.test").with_routing_type(RoutingType::Smtp),
    );
    assert!(text(&write_doc(&shared, DistinguishedFolderId::NAME)).ends_with(
        r#" Id="inbox"><t:Mailbox><t:Name>Room</t:Name><t:EmailAddress>room@example.test</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox></t:DistinguishedFolderId>"#
    ));

    let body = Body::html("<p>Hi & bye</p>");
    assert!(
        text(&write_doc(&body, Body::NAME))
            .ends_with(r#" BodyType="HTML">&lt;p&gt;Hi &amp; bye&lt;/p&gt;</t:Body>"#)
    );

    let mime = MimeContent::new(b"hello".to_vec()).with_character_set("UTF-8");
    assert!(
        text(&write_doc(&mime, MimeContent::NAME))
            .ends_with(r#" CharacterSet="UTF-8">aGVsbG8=</t:MimeContent>"#)
    );

    let mut phones = PhoneNumbers::default();
    phones.set(PhoneNumberKey::IpPhone, "123");
    assert!(
        text(&write_doc(&phones, PhoneNumbers::NAME))
            .ends_with(r#"><t:Entry Key="IPPhone">123</t:Entry></t:PhoneNumbers>"#)
    );

    let att = Attendee::new("a@example.test").with_response_type(ResponseType::Accept);
    assert!(text(&write_doc(&att, Attendee::NAME)).ends_with(
        "><t:Mailbox><t:EmailAddress>a@example.test</t:EmailAddress></t:Mailbox><t:ResponseType>Accept</t:ResponseType></t:Attendee>"
    ));
}

#[test]
fn lenient_reading() {
    // Base64 wrapped over lines, as servers send it.
    let doc = br#"<MimeContent xmlns="http://schemas.microsoft.com/exchange/services/2006/types"
        CharacterSet="UTF-8">aGVs
        bG8=</MimeContent>"#;
    let mime: MimeContent = read_doc(doc);
    assert_eq!(mime.content, b"hello");
    assert_eq!(mime.character_set.as_deref(), Some("UTF-8"));
    // Bad base64 is an error naming the element.
    let bad = br#"<t:MimeContent xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">!!</t:MimeContent>"#;
    let mut r = Reader::from_bytes(bad);
    let root = r.root().unwrap();
    assert!(MimeContent::read_xml(&mut r, &root).is_err());

    // Values newer than the schema are kept.
    let doc = br#"<t:DistinguishedFolderId xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Id="futurefolder"/>"#;
    let id: DistinguishedFolderId = read_doc(doc);
    assert_eq!(
        id.id,
        DistinguishedFolderIdName::Other("futurefolder".into())
    );
    assert_eq!(
        DistinguishedFolderIdName::from("inbox"),
        DistinguishedFolderIdName::Inbox
    );
}

#[test]
fn dictionary_helpers() {
    let mut emails = EmailAddresses::default();
    assert!(emails.is_empty());
    emails.set(EmailAddressKey::EmailAddress1, "a@example.test");
    emails
        .insert(EmailAddress::new(EmailAddressKey::EmailAddress2, "b@example.test").with_name("B"));
    emails.set(EmailAddressKey::EmailAddress1, "c@example.test");
    assert_eq!(emails.len(), 2);
    assert_eq!(
        emails.get(EmailAddressKey::EmailAddress1),
        Some("c@example.test")
    );
    assert_eq!(
        emails
            .entry(EmailAddressKey::EmailAddress2)
            .and_then(|e| e.name.as_deref()),
        Some("B")
    );
    assert!(emails.remove(EmailAddressKey::EmailAddress1).is_some());
    assert_eq!(emails.get(EmailAddressKey::EmailAddress1), None);

    let mut ims: ImAddresses = [
        ImAddress::new(ImAddressKey::ImAddress1, "x"),
        ImAddress::new(ImAddressKey::ImAddress1, "y"),
    ]
    .into_iter()
    .collect();
    assert_eq!(ims.get(ImAddressKey::ImAddress1), Some("y"));
    ims.set(ImAddressKey::ImAddress3, "z");
    assert_eq!((&ims).into_iter().count(), 2);

    let mut addresses = PhysicalAddresses::default();
    addresses.set(
        PhysicalAddressKey::Other,
        PhysicalAddress::default().with_postal_code("12345"),
    );
    let other = addresses.get(PhysicalAddressKey::Other).unwrap();
    assert_eq!(other.key, PhysicalAddressKey::Other);
    assert_eq!(other.postal_code.as_deref(), Some("12345"));

    let headers = InternetMessageHeaders {
        headers: vec![
            InternetMessageHeader::new("Received", "a"),
            InternetMessageHeader::new("received", "b"),
        ],
    };
    assert_eq!(headers.get("RECEIVED"), Some("a"));
    assert_eq!(headers.get_all("Received").collect::<Vec<_>>(), ["a", "b"]);
}

#[cfg(feature = "serde")]
#[test]
fn serde_uses_the_xml_text_of_enums() {
    let mb = Mailbox::new("a@example.test").with_routing_type(RoutingType::Smtp);
    let json = serde_json::to_string(&mb).unwrap();
    assert!(json.contains(r#""routing_type":"SMTP""#), "{json}");
    let id = DistinguishedFolderId::new(DistinguishedFolderIdName::Other("x y".into()));
    let json = serde_json::to_string(&id).unwrap();
    assert!(json.contains(r#""id":"x y""#), "{json}");
}

mod context;
mod ms_docs;
