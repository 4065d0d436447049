//! Schema validity in context: each property written inside a real request or response,
//! in the parent's sequence order, validated against the EWS schema; then read back.

use super::*;

/// `t:FileAttachment` with just its id and name (`t:AttachmentType` order).
#[derive(Debug, Default, PartialEq, XmlWrite, XmlRead)]
struct FileAttachment {
    attachment_id: Option<AttachmentId>,
    name: Option<String>,
}

/// The `t:ItemType` and `t:MessageType` children this crate has types for, in schema order.
#[derive(Debug, Default, PartialEq, XmlWrite, XmlRead)]
struct Message {
    mime_content: Option<MimeContent>,
    item_id: Option<ItemId>,
    parent_folder_id: Option<FolderId>,
    subject: Option<String>,
    sensitivity: Option<Sensitivity>,
    body: Option<Body>,
    #[xml(wrapper = "Attachments", item = "FileAttachment")]
    attachments: Vec<FileAttachment>,
    #[xml(wrapper = "Categories", item = "String")]
    categories: Vec<String>,
    importance: Option<Importance>,
    internet_message_headers: Option<InternetMessageHeaders>,
    effective_rights: Option<EffectiveRights>,
    conversation_id: Option<ConversationId>,
    unique_body: Option<UniqueBody>,
    flag: Option<Flag>,
    normalized_body: Option<NormalizedBody>,
    // MessageType
    sender: Option<SingleRecipient>,
    #[xml(wrapper = "ToRecipients", item = "Mailbox")]
    to_recipients: Vec<Mailbox>,
    #[xml(wrapper = "CcRecipients", item = "Mailbox")]
    cc_recipients: Vec<Mailbox>,
    #[xml(wrapper = "From", item = "Mailbox")]
    from: Option<Mailbox>,
}

/// `t:CalendarItemType`: the organizer and attendees.
#[derive(Debug, Default, PartialEq, XmlWrite, XmlRead)]
struct CalendarItem {
    subject: Option<String>,
    organizer: Option<SingleRecipient>,
    #[xml(wrapper = "RequiredAttendees", item = "Attendee")]
    required_attendees: Vec<Attendee>,
    #[xml(wrapper = "OptionalAttendees", item = "Attendee")]
    optional_attendees: Vec<Attendee>,
}

/// `t:ContactItemType`: the name and the dictionaries, in schema order.
#[derive(Debug, Default, PartialEq, XmlWrite, XmlRead)]
struct Contact {
    display_name: Option<String>,
    complete_name: Option<CompleteName>,
    email_addresses: Option<EmailAddresses>,
    physical_addresses: Option<PhysicalAddresses>,
    phone_numbers: Option<PhoneNumbers>,
    im_addresses: Option<ImAddresses>,
}

#[derive(Debug, PartialEq, XmlWrite, XmlRead)]
#[xml(choice, ns = "t")]
#[allow(clippy::large_enum_variant)] // a test value, built a few times
enum Item {
    Message(Message),
    CalendarItem(CalendarItem),
    Contact(Contact),
}

#[derive(Debug, XmlWrite)]
#[xml(ns = "m", name = "CreateItem")]
struct CreateItem {
    #[xml(attr)]
    message_disposition: String,
    #[xml(attr)]
    send_meeting_invitations: Option<String>,
    #[xml(wrapper = "Items", choice)]
    items: Vec<Item>,
}

/// `t:ItemResponseShapeType` / `t:FolderResponseShapeType`, base shape only.
#[derive(Debug, XmlWrite)]
struct Shape {
    base_shape: String,
}

#[derive(Debug, XmlWrite)]
#[xml(ns = "m", name = "GetFolder")]
struct GetFolder {
    folder_shape: Shape,
    #[xml(wrapper = "FolderIds", choice)]
    folder_ids: Vec<FolderIdChoice>,
}

#[derive(Debug, XmlWrite)]
#[xml(ns = "m", name = "GetItem")]
struct GetItem {
    item_shape: Shape,
    #[xml(wrapper = "ItemIds", choice)]
    item_ids: Vec<ItemIdChoice>,
}

#[derive(Debug, PartialEq, XmlWrite, XmlRead)]
#[xml(ns = "m")]
struct ResponseMessage {
    #[xml(attr)]
    response_class: String,
    response_code: String,
    #[xml(wrapper = "Items", choice)]
    items: Vec<Item>,
}

#[derive(Debug, PartialEq, XmlWrite, XmlRead)]
#[xml(ns = "m", name = "GetItemResponse")]
struct GetItemResponse {
    #[xml(wrapper = "ResponseMessages", item = "GetItemResponseMessage")]
    messages: Vec<ResponseMessage>,
}

/// A request envelope around `body`.
fn request<T: XmlWrite + XmlElement>(body: &T) -> Vec<u8> {
    let mut out = Vec::new();
    soap::write_request(&mut out, &RequestHeader::new("Exchange2016"), body).unwrap();
    out
}

/// A response envelope (no header) around `body`.
fn response<T: XmlWrite + XmlElement>(body: &T) -> Vec<u8> {
    let mut out = Vec::new();
    soap::write_envelope(&mut out, &RequestHeader::default(), |w| {
        body.write_xml(w, T::NAME)
    })
    .unwrap();
    out
}

/// The `soap:Body` child of an envelope, read as a `T`.
fn read_body<T: XmlRead>(doc: &[u8]) -> T {
    let mut r = Reader::from_bytes(doc);
    r.root().unwrap();
    loop {
        let tag = r.next_child().unwrap().unwrap();
        if tag.is(Name::soap("Body")) {
            let body = r.next_child().unwrap().unwrap();
            return T::read_xml(&mut r, &body).unwrap();
        }
        r.skip_element().unwrap();
    }
}

fn t(s: &str) -> DateTime {
    s.parse().unwrap()
}

/// A mailbox with every child set to a schema-valid value.
fn full_mailbox(n: u32) -> Mailbox {
    let mut m = Mailbox::named(
        format!("Ann <{n}> & \"Co\""),
        format!("ann{n}@example.test"),
    )
    .with_routing_type(RoutingType::Smtp)
    .with_mailbox_type(MailboxType::Mailbox)
    .with_item_id(ItemId::new("AAMk=").with_change_key("EQAAAA=="));
    m.original_display_name = Some("ann".into());
    m
}

fn full_message() -> Message {
    let mut rights = EffectiveRights::default();
    rights.read = true;
    rights.modify = true;
    rights.view_private_items = Some(false);
    let mut body = Body::html("<p>Hello &amp; \"welcome\"</p>");
    body.is_truncated = Some(false);
    Message {
        mime_content: Some(
            MimeContent::new(b"Subject: hi\r\n\r\nbody \x00\xff".to_vec())
                .with_character_set("UTF-8"),
        ),
        item_id: Some(ItemId::new("AAMkAD=").with_change_key("CQAAABYA")),
        parent_folder_id: Some(FolderId::new("AQMkAD=").with_change_key("AQAAAA==")),
        subject: Some("Props".into()),
        sensitivity: Some(Sensitivity::Confidential),
        body: Some(body),
        attachments: vec![FileAttachment {
            attachment_id: Some(AttachmentId {
                id: "AAMkADAtt=".into(),
                root_item_id: Some("AAMkAD=".into()),
                root_item_change_key: Some("CQAAABYA".into()),
            }),
            name: Some("a.txt".into()),
        }],
        categories: vec!["Red category".into(), "<&>".into()],
        importance: Some(Importance::High),
        internet_message_headers: Some(InternetMessageHeaders {
            headers: vec![
                InternetMessageHeader::new("Received", "from a by b; Tue, 1 Jan 2030"),
                InternetMessageHeader::new("X-Odd", "<&\">"),
            ],
        }),
        effective_rights: Some(rights),
        conversation_id: Some(ConversationId::new("AAQkAD=")),
        unique_body: Some(Body::text("unique")),
        flag: Some(Flag::flagged_between(
            t("2030-01-01T08:00:00Z"),
            t("2030-01-02T08:00:00.5Z"),
        )),
        normalized_body: Some(Body::text("")),
        sender: Some(full_mailbox(1).into()),
        to_recipients: vec![full_mailbox(2), Mailbox::new("bob@example.test")],
        cc_recipients: vec![
            Mailbox::new("/o=Org/ou=Admin/cn=Recipients/cn=carol")
                .with_routing_type(RoutingType::Ex),
        ],
        from: Some(full_mailbox(3)),
    }
}

fn full_calendar_item() -> CalendarItem {
    let mut proposing = Attendee::new(full_mailbox(5)).with_response_type(ResponseType::Tentative);
    proposing.last_response_time = Some(t("2030-01-01T10:00:00Z"));
    proposing.proposed_start = Some(t("2030-01-03T10:00:00Z"));
    proposing.proposed_end = Some(t("2030-01-03T11:00:00Z"));
    CalendarItem {
        subject: Some("Meeting".into()),
        organizer: Some(SingleRecipient::from("boss@example.test")),
        required_attendees: vec![
            Attendee::new("a@example.test").with_response_type(ResponseType::Accept),
            proposing,
        ],
        optional_attendees: [
            ResponseType::Unknown,
            ResponseType::Organizer,
            ResponseType::Decline,
            ResponseType::NoResponseReceived,
        ]
        .into_iter()
        .map(|r| Attendee::new("o@example.test").with_response_type(r))
        .collect(),
    }
}

fn full_contact(with_complete_name: bool) -> Contact {
    let mut name = CompleteName::default();
    name.title = Some("Dr.".into());
    name.first_name = Some("Ann".into());
    name.middle_name = Some("B.".into());
    name.last_name = Some("Smith & Sons".into());
    name.suffix = Some("Jr.".into());
    name.initials = Some("ABS".into());
    name.full_name = Some("Ann B. Smith".into());
    name.nickname = Some("Annie".into());
    name.yomi_first_name = Some("アン".into());
    name.yomi_last_name = Some("スミス".into());

    let mut emails = EmailAddresses::default();
    emails.insert(
        EmailAddress::new(EmailAddressKey::EmailAddress1, "ann@example.test")
            .with_name("Ann")
            .with_routing_type("SMTP")
            .with_mailbox_type(MailboxType::Contact),
    );
    emails.set(EmailAddressKey::EmailAddress2, "ann2@example.test");
    emails.set(EmailAddressKey::EmailAddress3, "");

    let mut addresses = PhysicalAddresses::default();
    addresses.set(
        PhysicalAddressKey::Business,
        PhysicalAddress::default()
            .with_street("1 Main St")
            .with_city("Springfield")
            .with_state("IL")
            .with_country_or_region("USA")
            .with_postal_code("62701"),
    );
    addresses.set(PhysicalAddressKey::Home, PhysicalAddress::default());
    addresses.set(
        PhysicalAddressKey::Other,
        PhysicalAddress::default().with_city("X"),
    );

    let mut phones = PhoneNumbers::default();
    for (i, key) in PhoneNumberKey::ALL.iter().enumerate() {
        phones.set(key.clone(), format!("+1 555 01{i:02}"));
    }

    let mut ims = ImAddresses::default();
    ims.set(ImAddressKey::ImAddress1, "sip:ann@example.test");
    ims.set(ImAddressKey::ImAddress2, "ann");
    ims.set(ImAddressKey::ImAddress3, "<ann>");

    Contact {
        display_name: Some("Ann".into()),
        complete_name: with_complete_name.then_some(name),
        email_addresses: Some(emails),
        physical_addresses: Some(addresses),
        phone_numbers: Some(phones),
        im_addresses: Some(ims),
    }
}

#[test]
fn create_item_requests_validate() {
    let create = CreateItem {
        message_disposition: "SaveOnly".into(),
        send_meeting_invitations: Some("SendToNone".into()),
        items: vec![
            Item::Message(full_message()),
            Item::CalendarItem(full_calendar_item()),
            // CompleteName is read-only: not in requests.
            Item::Contact(full_contact(false)),
        ],
    };
    let doc = request(&create);
    ews_test_support::assert_valid("CreateItem with every property", &doc);

    // Read back (the request body, through the same derives).
    let mut r = Reader::from_bytes(&doc);
    r.root().unwrap();
    let mut items = Vec::new();
    while let Some(tag) = r.next_child().unwrap() {
        if !tag.is(Name::soap("Body")) {
            r.skip_element().unwrap();
            continue;
        }
        let _create = r.next_child().unwrap().unwrap();
        let _items = r.next_child().unwrap().unwrap();
        while let Some(tag) = r.next_child().unwrap() {
            items.push(Item::read_choice(&mut r, &tag).unwrap());
        }
        break;
    }
    assert_eq!(items, create.items);
}

#[test]
fn get_folder_requests_validate_with_every_folder_name() {
    let mut ids: Vec<FolderIdChoice> = DistinguishedFolderIdName::ALL
        .iter()
        .cloned()
        .map(FolderIdChoice::from)
        .collect();
    assert_eq!(ids.len(), 71);
    ids.push(FolderId::new("AQMkAD=").with_change_key("AQAAAA==").into());
    ids.push(
        DistinguishedFolderId::new(DistinguishedFolderIdName::Calendar)
            .with_change_key("AQAAAA==")
            .with_mailbox(full_mailbox(9))
            .into(),
    );
    let get = GetFolder {
        folder_shape: Shape {
            base_shape: "IdOnly".into(),
        },
        folder_ids: ids,
    };
    let doc = request(&get);
    ews_test_support::assert_valid("GetFolder with every distinguished folder", &doc);
    assert!(text(&doc).contains(r#"<t:DistinguishedFolderId Id="onedriverecylebin"/>"#));
}

#[test]
fn get_item_requests_validate() {
    let get = GetItem {
        item_shape: Shape {
            base_shape: "AllProperties".into(),
        },
        item_ids: vec![
            ItemId::new("AAMkAD=").into(),
            ItemId::new("AAMkAE=").with_change_key("CQAAAA==").into(),
            OccurrenceItemId::new("AAMkAF=", 3)
                .with_change_key("DwAAAA==")
                .into(),
            RecurringMasterItemId::new("AAMkAG=")
                .with_change_key("DwAAAB==")
                .into(),
        ],
    };
    let doc = request(&get);
    ews_test_support::assert_valid("GetItem with every item id kind", &doc);
}

#[test]
fn get_item_responses_validate_and_read_back() {
    let response_doc = GetItemResponse {
        messages: vec![ResponseMessage {
            response_class: "Success".into(),
            response_code: "NoError".into(),
            items: vec![
                Item::Message(full_message()),
                Item::CalendarItem(full_calendar_item()),
                Item::Contact(full_contact(true)),
            ],
        }],
    };
    let doc = response(&response_doc);
    ews_test_support::assert_valid("GetItemResponse with every property", &doc);
    assert_eq!(read_body::<GetItemResponse>(&doc), response_doc);
}
