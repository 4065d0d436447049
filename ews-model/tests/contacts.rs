//! Contacts and distribution lists: round trips over generated values, schema validity inside
//! `CreateItem` and `GetItemResponse`, every `t:Contact` and `t:DistributionList` of the
//! ms-docs samples read, and the indexed entries of the field table.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use ews_model::fields::{FieldUri, HasFields};
use ews_model::items::Base64Binary;
use ews_model::items::contact::{Contact, ContactSource, FileAsMapping, PostalAddressIndex};
use ews_model::items::distribution_list::{DistributionList, Member, MemberStatus};
use ews_model::properties::{
    CompleteName, EmailAddressKey, ImAddressKey, ItemId, Mailbox, PhoneNumberKey, PhysicalAddress,
    PhysicalAddressKey,
};
use ews_xml::Name;
use proptest::prelude::*;

fn phone_key() -> impl Strategy<Value = PhoneNumberKey> {
    proptest::sample::select(PhoneNumberKey::ALL.to_vec())
}

prop_compose! {
    fn contact()(
        names in (opt_text(), proptest::option::of(item_id()), opt_text(),
            prop_oneof![Just(None), Just(Some(FileAsMapping::LastCommaFirst)),
                Just(Some(FileAsMapping::Other("Future".into())))],
            opt_text(), opt_text(), opt_text(), opt_text()),
        phones in proptest::collection::vec((phone_key(), "[0-9 +]{3,12}"), 0..4),
        emails in proptest::collection::vec("[a-z]{1,6}@example\\.test", 0..3),
        street in proptest::option::of(text()),
        misc in (proptest::collection::vec(text(), 0..3), opt_date_time(),
            prop_oneof![Just(None), Just(Some(ContactSource::Store))],
            prop_oneof![Just(None), Just(Some(PostalAddressIndex::Other))],
            proptest::option::of(any::<bool>()), opt_text(),
            proptest::option::of(proptest::collection::vec(any::<u8>(), 0..20)),
            proptest::collection::vec(mailbox(), 0..2), proptest::option::of(any::<i64>()),
            proptest::collection::vec(text(), 0..2)),
    ) -> Contact {
        let (subject, item_id, file_as, mapping, display, given, surname, alias) = names;
        let mut c = Contact::new();
        c.item.subject = subject;
        c.item.item_id = item_id;
        c.file_as = file_as;
        c.file_as_mapping = mapping;
        c.display_name = display;
        c.given_name = given;
        c.surname = surname;
        c.alias = alias;
        for (key, number) in phones {
            c = c.phone(key, number);
        }
        let keys = [EmailAddressKey::EmailAddress1, EmailAddressKey::EmailAddress2,
            EmailAddressKey::EmailAddress3];
        for (key, address) in keys.into_iter().zip(emails) {
            c = c.email(key, address);
        }
        if let Some(street) = street {
            c = c.address(PhysicalAddressKey::Home, PhysicalAddress::default().with_street(street));
        }
        let (children, birthday, source, index, picture, person, photo, reports, cid, mris) = misc;
        c.children = children;
        c.birthday = birthday;
        c.contact_source = source;
        c.postal_address_index = index;
        c.has_picture = picture;
        c.person_id = person;
        c.photo = photo.map(Base64Binary);
        c.direct_reports = reports;
        c.cid = cid;
        c.mris = mris;
        c
    }
}

fn member() -> impl Strategy<Value = Member> {
    (
        proptest::option::of("[0-9A-F]{8}"),
        proptest::option::of(mailbox()),
        prop_oneof![Just(None), Just(Some(MemberStatus::Normal))],
    )
        .prop_map(|(key, mailbox, status)| {
            let mut m = Member::default();
            m.key = key;
            m.mailbox = mailbox;
            m.status = status;
            m
        })
}

prop_compose! {
    fn distribution_list()(
        subject in opt_text(), display in opt_text(), file_as in opt_text(),
        members in proptest::collection::vec(member(), 0..4),
    ) -> DistributionList {
        let mut d = DistributionList::default();
        d.item.subject = subject;
        d.display_name = display;
        d.file_as = file_as;
        d.members = members;
        d
    }
}

proptest! {
    #[test]
    fn contacts_round_trip(c in contact()) {
        round_trip(&c, Name::t("Contact"));
    }

    #[test]
    fn distribution_lists_round_trip(d in distribution_list()) {
        round_trip(&d, Name::t("DistributionList"));
    }
}

/// Every field a client may set.
fn writable_contact() -> Contact {
    let mut c = Contact::new()
        .subject("Ann Lee")
        .file_as("Lee, Ann")
        .display_name("Ann Lee")
        .given_name("Ann")
        .middle_name("B.")
        .surname("Lee")
        .nickname("Annie")
        .company_name("Example")
        .department("Sales")
        .job_title("Manager")
        .email(EmailAddressKey::EmailAddress1, "ann@example.test")
        .phone(PhoneNumberKey::BusinessPhone, "+1 555 0100")
        .phone(PhoneNumberKey::MobilePhone, "+1 555 0101")
        .address(
            PhysicalAddressKey::Business,
            PhysicalAddress::default()
                .with_street("1 Main St")
                .with_city("Springfield")
                .with_postal_code("12345"),
        )
        .im_address(ImAddressKey::ImAddress1, "ann@im.example.test");
    c.file_as_mapping = Some(FileAsMapping::LastCommaFirst);
    c.initials = Some("A.B.L.".into());
    c.assistant_name = Some("Bob".into());
    c.birthday = Some(at(-900_000_000));
    c.business_home_page = Some("https://example.test/".into());
    c.children = vec!["Cy".into()];
    c.companies = vec!["Example".into(), "Other".into()];
    c.generation = Some("Jr.".into());
    c.manager = Some("Dee".into());
    c.mileage = Some("12".into());
    c.office_location = Some("B1".into());
    c.postal_address_index = Some(PostalAddressIndex::Business);
    c.profession = Some("Engineer".into());
    c.spouse_name = Some("Eve".into());
    c.wedding_anniversary = Some(at(-100_000_000));
    c
}

/// Every field modelled as a value (not the `Element` ones), the read-only ones too.
fn everything_contact() -> Contact {
    let mut c = writable_contact();
    c.item.item_id = Some(ItemId::new("AAMkCon=").with_change_key("EQAAAA=="));
    let mut name = CompleteName::default();
    name.first_name = Some("Ann".into());
    name.last_name = Some("Lee".into());
    c.complete_name = Some(name);
    c.contact_source = Some(ContactSource::Store);
    c.has_picture = Some(false);
    c.phonetic_full_name = Some("an lee".into());
    c.phonetic_first_name = Some("an".into());
    c.phonetic_last_name = Some("lee".into());
    c.alias = Some("ann".into());
    c.notes = Some("notes".into());
    c.photo = Some(Base64Binary(vec![0xff, 0xd8, 0xff]));
    c.user_smime_certificate = vec![Base64Binary(vec![1, 2, 3])];
    c.ms_exchange_certificate = vec![Base64Binary(vec![4, 5])];
    c.directory_id = Some("dir".into());
    c.manager_mailbox = Some(Mailbox::named("Dee", "dee@example.test"));
    c.direct_reports = vec![Mailbox::new("fay@example.test")];
    c.account_name = Some("ann".into());
    c.is_auto_update_disabled = Some(false);
    c.is_messenger_enabled = Some(true);
    c.comment = Some("c".into());
    c.contact_short_id = Some(7);
    c.contact_type = Some("Person".into());
    c.gender = Some("F".into());
    c.is_hidden = Some(false);
    c.object_id = Some("obj".into());
    c.passport_id = Some(1234);
    c.is_private = Some(false);
    c.source_id = Some("src".into());
    c.trust_level = Some(1);
    c.created_by = Some("me".into());
    c.cid = Some(42);
    c.skype_auth_certificate = Some("cert".into());
    c.skype_context = Some("ctx".into());
    c.skype_id = Some("ann.lee".into());
    c.skype_relationship = Some("friend".into());
    c.yomi_nickname = Some("annie".into());
    c.xbox_live_tag = Some("tag".into());
    c.invite_free = Some(true);
    c.hide_presence_and_profile = Some(false);
    c.is_pending_outbound = Some(false);
    c.support_group_feeds = Some(true);
    c.user_tile_hash = Some("hash".into());
    c.unified_inbox = Some(false);
    c.mris = vec!["mri1".into()];
    c.wlid = Some("wlid".into());
    c.abch_contact_id = Some("6c2b5b2a-0a3e-4b7e-9a51-2f6c6f0e7d11".into());
    c.not_in_birthday_calendar = Some(false);
    c.shell_contact_type = Some("shell".into());
    c.im_mri = Some("im".into());
    c.presence_trust_level = Some(2);
    c.other_mri = Some("other".into());
    c.profile_last_changed = Some("2020".into());
    c.mobile_im_enabled = Some(true);
    c.partner_network_profile_photo_url = Some("https://example.test/p".into());
    c.partner_network_thumbnail_photo_url = Some("https://example.test/t".into());
    c.person_id = Some("person".into());
    c.conversation_guid = Some("6c2b5b2a-0a3e-4b7e-9a51-2f6c6f0e7d12".into());
    c
}

fn writable_list() -> DistributionList {
    DistributionList::new("Team")
        .subject("Team")
        .member(Member::new(Mailbox::named("Ann", "ann@example.test")))
        .members(["bob@example.test"])
}

fn everything_list() -> DistributionList {
    let mut d = writable_list();
    d.item.item_id = Some(ItemId::new("AAMkDL="));
    d.file_as = Some("Team".into());
    d.contact_source = Some(ContactSource::Store);
    d.members[0].key = Some("0A1B2C3D".into());
    d.members[0].status = Some(MemberStatus::Normal);
    d
}

#[test]
fn full_values_round_trip() {
    round_trip(&everything_contact(), Name::t("Contact"));
    round_trip(&everything_list(), Name::t("DistributionList"));
}

#[test]
fn create_item_request_validates() {
    let doc = create_item(&[("Contact", &writable_contact())]);
    ews_test_support::assert_valid("CreateItem with a contact", &doc);
    assert_eq!(
        read_all::<Contact>(&doc, "Contact").unwrap(),
        [writable_contact()]
    );
    let doc = create_item(&[("DistributionList", &writable_list())]);
    ews_test_support::assert_valid("CreateItem with a distribution list", &doc);
    let read = read_all::<DistributionList>(&doc, "DistributionList").unwrap();
    assert_eq!(read, [writable_list()]);
}

#[test]
fn get_item_response_validates() {
    let doc = get_item_response(&[("Contact", &everything_contact())]);
    ews_test_support::assert_valid("GetItemResponse with a contact", &doc);
    assert_eq!(
        read_all::<Contact>(&doc, "Contact").unwrap(),
        [everything_contact()]
    );
    let doc = get_item_response(&[("DistributionList", &everything_list())]);
    ews_test_support::assert_valid("GetItemResponse with a distribution list", &doc);
    let read = read_all::<DistributionList>(&doc, "DistributionList").unwrap();
    assert_eq!(read, [everything_list()]);
}

#[test]
fn field_table_has_indexed_entries() {
    let fields = Contact::FIELDS;
    let phone = fields.get("phone_numbers").unwrap();
    let FieldUri::Indexed { uri, labels } = phone.uri else {
        panic!("{phone:?}")
    };
    assert_eq!(uri, "contacts:PhoneNumber");
    let all: Vec<String> = PhoneNumberKey::ALL
        .iter()
        .map(|k| ews_xml::XmlValue::to_xml_value(k).into_owned())
        .collect();
    assert_eq!(labels, all, "every PhoneNumberKey is a label");
    assert!(phone.is_searchable());
    assert_eq!(
        fields.by_uri("contacts:PhoneNumbers").unwrap().name,
        "phone_numbers_dictionary"
    );
    let parts: Vec<&str> = fields
        .iter()
        .filter(|f| f.name.starts_with("physical_addresses"))
        .map(|f| f.uri.uri())
        .collect();
    assert_eq!(
        parts,
        [
            "contacts:PhysicalAddress:Street",
            "contacts:PhysicalAddress:City",
            "contacts:PhysicalAddress:State",
            "contacts:PhysicalAddress:CountryOrRegion",
            "contacts:PhysicalAddress:PostalCode",
            "contacts:PhysicalAddresses",
        ]
    );
    let email = fields.by_uri("contacts:EmailAddress").unwrap();
    assert!(matches!(email.uri, FieldUri::Indexed { labels, .. } if labels.len() == 3));
    assert!(fields.get("complete_name").unwrap().is_read_only());
    assert_eq!(
        Contact::PHYSICAL_ADDRESSES_CITY.def().uri.uri(),
        "contacts:PhysicalAddress:City"
    );
    assert!(
        DistributionList::FIELDS
            .by_uri("distributionlist:Members")
            .is_some()
    );
}

#[test]
fn ms_docs_contacts_read() {
    let contacts = ms_docs_items::<Contact>("Contact");
    if contacts.is_empty() {
        return; // no fixtures here: ms_docs said so
    }
    let named = contacts
        .iter()
        .filter(|(_, c)| c.given_name.is_some() || c.display_name.is_some())
        .count();
    assert!(named > 0, "no contact name read");
    let phones: usize = contacts
        .iter()
        .filter_map(|(_, c)| c.phone_numbers.as_ref())
        .map(|p| p.len())
        .sum();
    assert!(phones > 0, "no phone number read");
    let lists = ms_docs_items::<DistributionList>("DistributionList");
    eprintln!(
        "{} contacts, {} distribution lists",
        contacts.len(),
        lists.len()
    );
}
