//! ResolveNames.

use ews_model::items::contact::{Contact, ContactSource};
use ews_model::operations::{
    BaseShape, MessageStatus, Operation, Resolution, ResolutionSet, ResolveNames,
    ResolveNamesResponse, ResolveNamesResponseMessage, SearchScope,
};
use ews_model::properties::{DistinguishedFolderIdName, FolderIdChoice, ItemId, Mailbox};
use ews_test_support::Collector;
use ews_xml::{ResponseClass, ResponseCode};

use super::support::{
    get, request_round_trip, request_samples, response_round_trip, response_samples,
};

#[test]
fn resolve_names() {
    let mut docs = Collector::new();
    let built = ResolveNames::new("johnson")
        .full_contact_data()
        .scope(SearchScope::ContactsActiveDirectory)
        .contact_data_shape(BaseShape::AllProperties)
        .folder(DistinguishedFolderIdName::Contacts);
    request_round_trip(&mut docs, "built ResolveNames", &built);
    request_round_trip(
        &mut docs,
        "built ResolveNames plain",
        &ResolveNames::new("Sadie"),
    );
    const { assert!(ResolveNames::IDEMPOTENT) };

    let requests = request_samples::<ResolveNames>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert!(r.return_full_contact_data);
        assert_eq!(r.search_scope, Some(SearchScope::Contacts));
        assert_eq!(r.unresolved_entry, "johnson");
        let FolderIdChoice::DistinguishedFolderId(folder) = &r.parent_folder_ids[0] else {
            panic!("{r:?}")
        };
        assert_eq!(
            folder.mailbox.as_ref().unwrap().email_address.as_deref(),
            Some("primary@contoso.com")
        );
    }
    if let Some(r) = get(&requests, "request-03.xml") {
        assert_eq!(r.search_scope, None);
        assert!(r.parent_folder_ids.is_empty());
        assert_eq!(r.unresolved_entry, "Sadie");
    }

    let responses = response_samples::<ResolveNames, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        // Several matches: a warning that still carries them.
        assert_eq!(r.messages[0].status.class, ResponseClass::Warning);
        assert_eq!(
            r.messages[0].status.response_code,
            Some(ResponseCode::ErrorNameResolutionMultipleResults)
        );
        let set = r.clone().into_result().unwrap();
        assert_eq!(set.paging.total_items_in_view, Some(2));
        assert_eq!(set.resolutions.len(), 2);
        let names: Vec<_> = set
            .resolutions
            .iter()
            .map(|res| res.mailbox.name.as_deref().unwrap())
            .collect();
        assert_eq!(names, ["brian_1@contoso.com", "brian_2@contoso.com"]);
        assert_eq!(
            set.resolutions[0]
                .mailbox
                .item_id
                .as_ref()
                .map(|i| i.id.as_str()),
            Some("iMihAAA=")
        );
        assert!(set.resolutions.iter().all(|res| res.contact.is_none()));
        assert_eq!(r.clone().into_results().len(), 1);
    }
    for (file, name) in [
        ("response-03.xml", "Sadie Daniels"),
        ("response-05.xml", "User2"),
    ] {
        if let Some(r) = get(&responses, file) {
            let set = r.clone().into_results().remove(0).unwrap();
            assert_eq!(set.resolutions.len(), 1);
            let contact = set.resolutions[0].contact.as_ref().unwrap();
            assert_eq!(contact.display_name.as_deref(), Some(name));
            assert_eq!(contact.contact_source, Some(ContactSource::ActiveDirectory));
        }
    }

    // No match: an error; a warning with matches: kept.
    let mut contact = Contact::default();
    contact.display_name = Some("Ann".into());
    let mut resolution = Resolution::new(Mailbox::named("Ann", "ann@example.test"));
    resolution.contact = Some(contact);
    let mut mailbox = Mailbox::new("ann2@example.test");
    mailbox.item_id = Some(ItemId::new("c1"));
    let mut set = ResolutionSet::default();
    set.paging.total_items_in_view = Some(2);
    set.paging.includes_last_item_in_range = Some(true);
    set.resolutions = vec![resolution, Resolution::new(mailbox)];
    let mut warning = ResolveNamesResponseMessage::default();
    warning.status = MessageStatus::error(
        ResponseCode::ErrorNameResolutionMultipleResults,
        "Multiple results were found.",
    );
    warning.status.class = ResponseClass::Warning;
    warning.resolution_set = Some(set);
    let mut none = ResolveNamesResponseMessage::default();
    none.status = MessageStatus::error(
        ResponseCode::ErrorNameResolutionNoResults,
        "No results are found.",
    );
    let built = ResolveNamesResponse::new(vec![warning, none]);
    let back = response_round_trip(&mut docs, "built ResolveNamesResponse", &built);
    let results = back.into_results();
    assert_eq!(results[0].as_ref().unwrap().resolutions.len(), 2);
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorNameResolutionNoResults)
    );
    docs.finish();
}
