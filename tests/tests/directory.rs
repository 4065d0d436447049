//! End-to-end tests of FakeExchange's folder changes (UpdateFolder, MoveFolder, CopyFolder)
//! and directory operations (ConvertId, ResolveNames, ExpandDL), with requests built from
//! `ews-model` values and every document through the schema gate.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::{ALICE, BOB, Session, codes};
use ews_model::folders::{Folder, FolderKind};
use ews_model::items::Item;
use ews_model::items::Message;
use ews_model::items::contact::{Contact, ContactSource};
use ews_model::items::distribution_list::{DistributionList, Member};
use ews_model::operations::{
    AlternateId, AlternatePublicFolderId, AnyAlternateId, BaseShape, ConvertId, CopyFolder,
    CreateFolder, CreateItem, ExpandDl, FieldPath, FindFolder, FindItem, FolderChange, FolderShape,
    GetFolder, IdFormat, ItemShape, MessageDisposition, MoveFolder, ResolveNames, SearchScope,
    UpdateFolder,
};
use ews_model::properties::{
    DistinguishedFolderIdName, EmailAddressKey, FolderId, FolderIdChoice, ItemId,
    Mailbox as Address, MailboxType,
};
use ews_model::version::Build;
use ews_model::view::FolderTraversal;
use ews_tests::FakeExchange;
use ews_xml::{ResponseClass, ResponseCode};

const ANN: (&str, &str) = ("ann.lee@example.test", "pw");

/// alice, bob and ann (named "Annabel Lee"), and two groups.
async fn start() -> FakeExchange {
    FakeExchange::builder()
        .user(ALICE.0, ALICE.1)
        .user(BOB.0, BOB.1)
        .user(ANN.0, ANN.1)
        .display_name(ANN.0, "Annabel Lee")
        .group(
            "team@example.test",
            [
                ALICE.0,
                BOB.0,
                "outsider@elsewhere.test",
                "board@example.test",
            ],
        )
        .group("board@example.test", [ANN.0])
        .display_name("board@example.test", "Board of Directors")
        .server_version(Build::new(15, 1, 2507, 6))
        .start()
        .await
        .unwrap()
}

fn dist(name: DistinguishedFolderIdName) -> FolderIdChoice {
    FolderIdChoice::from(name)
}

fn display_name() -> FieldPath {
    FieldPath::field("folder:DisplayName")
}

async fn create_folder(
    s: &mut Session<'_>,
    parent: impl Into<FolderIdChoice>,
    name: &str,
) -> FolderId {
    let r = s
        .call(&CreateFolder::new(parent).folder(Folder::new(name)))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    r.folder_id().cloned().unwrap()
}

async fn get_folder(s: &mut Session<'_>, id: &FolderId) -> FolderKind {
    s.call(&GetFolder::new(FolderShape::new(BaseShape::Default)).folder(id.clone()))
        .await
        .into_results()
        .remove(0)
        .unwrap()
}

async fn children(
    s: &mut Session<'_>,
    id: &FolderId,
    traversal: FolderTraversal,
) -> Vec<FolderKind> {
    s.call(
        &FindFolder::new(FolderShape::new(BaseShape::Default))
            .folder(id.clone())
            .traversal(traversal),
    )
    .await
    .into_results()
    .remove(0)
    .unwrap()
    .folders
}

fn names(folders: &[FolderKind]) -> Vec<String> {
    folders
        .iter()
        .map(|f| f.display_name().unwrap_or_default().to_owned())
        .collect()
}

async fn create_item(
    s: &mut Session<'_>,
    item: impl Into<Item>,
    folder: Option<&FolderId>,
) -> ItemId {
    let mut req = CreateItem::new()
        .disposition(MessageDisposition::SaveOnly)
        .item(item);
    if let Some(f) = folder {
        req = req.save_to(f.clone());
    }
    let item = s
        .call(&req)
        .await
        .into_results()
        .remove(0)
        .unwrap()
        .unwrap();
    item.id().cloned().unwrap()
}

#[tokio::test]
async fn update_folder_renames_refuses_and_is_atomic() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let inbox = dist(DistinguishedFolderIdName::Inbox);
    let projects = create_folder(&mut s, inbox.clone(), "Projects").await;
    let archive = create_folder(&mut s, inbox.clone(), "Archive").await;

    // A rename: same id, new change key, the new name stored.
    let r = s
        .call(
            &UpdateFolder::new().change(
                FolderChange::new(projects.clone()).set(display_name(), Folder::new("Plans")),
            ),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let renamed = r.folder_id().cloned().unwrap();
    assert_eq!(renamed.id, projects.id);
    assert_ne!(renamed.change_key, projects.change_key);
    assert!(
        r.display_name().is_none(),
        "the response carries the id only"
    );
    assert_eq!(
        get_folder(&mut s, &projects).await.display_name(),
        Some("Plans")
    );

    // Per-change errors in place.
    let mut total = Folder::new("ignored");
    total.base.total_count = Some(7);
    let results = s
        .call(
            &UpdateFolder::new()
                // A sibling's name, in another case.
                .change(
                    FolderChange::new(projects.clone()).set(display_name(), Folder::new("ARCHIVE")),
                )
                // A read-only field.
                .change(
                    FolderChange::new(projects.clone())
                        .set(FieldPath::field("folder:TotalCount"), total.clone()),
                )
                // The name cannot go.
                .change(FolderChange::new(archive.clone()).delete(display_name()))
                // Not a folder property.
                .change(
                    FolderChange::new(archive.clone())
                        .set(FieldPath::field("item:Subject"), Folder::new("x")),
                )
                // Nothing to append to.
                .change(FolderChange::new(archive.clone()).append(display_name(), Folder::new("x")))
                // Bad id.
                .change(
                    FolderChange::new(FolderId::new("bm90IGFuIGlk"))
                        .set(display_name(), Folder::new("x")),
                )
                // Renaming to its own name (another case) is fine.
                .change(
                    FolderChange::new(archive.clone()).set(display_name(), Folder::new("archive")),
                ),
        )
        .await
        .into_results();
    assert_eq!(
        codes(&results),
        [
            Some(ResponseCode::ErrorFolderExists),
            Some(ResponseCode::ErrorInvalidPropertySet),
            Some(ResponseCode::ErrorInvalidPropertyDelete),
            Some(ResponseCode::ErrorInvalidPropertyRequest),
            Some(ResponseCode::ErrorInvalidPropertyAppend),
            Some(ResponseCode::ErrorInvalidIdMalformed),
            None,
        ]
    );
    assert_eq!(
        get_folder(&mut s, &archive).await.display_name(),
        Some("archive")
    );

    // All updates of one change or none: the rename before the failing update is dropped.
    let r = s
        .call(
            &UpdateFolder::new().change(
                FolderChange::new(projects.clone())
                    .set(display_name(), Folder::new("Dropped"))
                    .set(FieldPath::field("folder:TotalCount"), total),
            ),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap_err();
    assert_eq!(r.code(), Some(&ResponseCode::ErrorInvalidPropertySet));
    assert_eq!(
        get_folder(&mut s, &projects).await.display_name(),
        Some("Plans")
    );

    // A distinguished folder by name; the folder class can be deleted and set.
    let r = s
        .call(
            &UpdateFolder::new().change(
                FolderChange::new(DistinguishedFolderIdName::Drafts)
                    .set(display_name(), Folder::new("Entwürfe")),
            ),
        )
        .await
        .into_results()
        .remove(0);
    assert!(r.is_ok(), "{r:?}");
    s.finish();
}

#[tokio::test]
async fn move_folder_keeps_ids_and_refuses_cycles() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let inbox = dist(DistinguishedFolderIdName::Inbox);
    let a = create_folder(&mut s, inbox.clone(), "A").await;
    let b = create_folder(&mut s, a.clone(), "B").await;
    let c = create_folder(&mut s, inbox.clone(), "C").await;
    let other_a = create_folder(&mut s, c.clone(), "a").await;

    let results = s
        .call(
            &MoveFolder::new(c.clone())
                // A sibling "a" already lives in C.
                .folder(a.clone())
                .folder(DistinguishedFolderIdName::Inbox)
                .folder(FolderId::new("%%%")),
        )
        .await
        .into_results();
    let codes: Vec<_> = results
        .iter()
        .map(|r| r.as_ref().unwrap_err().code().unwrap().clone())
        .collect();
    assert_eq!(
        codes,
        [
            ResponseCode::ErrorFolderExists,
            ResponseCode::ErrorMoveDistinguishedFolder,
            ResponseCode::ErrorInvalidIdMalformed,
        ]
    );

    // Out of the way, then A moves under C with its subtree; its id stays.
    let r = s
        .call(&MoveFolder::new(DistinguishedFolderIdName::DeletedItems).folder(other_a.clone()))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    assert_eq!(r.folder_id().unwrap().id, other_a.id);
    let moved = s
        .call(&MoveFolder::new(c.clone()).folder(a.clone()))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let moved = moved.folder_id().cloned().unwrap();
    assert_eq!(moved.id, a.id);
    assert_ne!(moved.change_key, a.change_key);
    let got = get_folder(&mut s, &a).await;
    assert_eq!(got.base().parent_folder_id.as_ref().unwrap().id, c.id);
    assert_eq!(
        names(&children(&mut s, &c, FolderTraversal::Deep).await),
        ["A", "B"]
    );
    let inbox = FolderId::new(inbox_id(&mut s).await);
    let left = children(&mut s, &inbox, FolderTraversal::Shallow).await;
    assert_eq!(names(&left), ["C"]);

    // Into itself or its own subtree: refused.
    let results = s
        .call(
            &MoveFolder::new(b.clone())
                .folder(c.clone())
                .folder(b.clone()),
        )
        .await
        .into_results();
    for r in results {
        assert_eq!(
            r.unwrap_err().code(),
            Some(&ResponseCode::ErrorMoveCopyFailed)
        );
    }
    // An unknown destination fails every folder.
    let results = s
        .call(
            &MoveFolder::new(FolderId::new("not base64"))
                .folder(b.clone())
                .folder(c.clone()),
        )
        .await
        .into_results();
    assert_eq!(results.len(), 2);
    assert!(results.iter().all(|r| r.is_err()));
    s.finish();
}

async fn inbox_id(s: &mut Session<'_>) -> String {
    let f = s
        .call(
            &GetFolder::new(FolderShape::new(BaseShape::IdOnly))
                .folder(DistinguishedFolderIdName::Inbox),
        )
        .await
        .into_results()
        .remove(0)
        .unwrap();
    f.folder_id().unwrap().id.clone()
}

#[tokio::test]
async fn copy_folder_copies_subtree_and_items_with_new_ids() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let inbox = dist(DistinguishedFolderIdName::Inbox);
    let a = create_folder(&mut s, inbox.clone(), "A").await;
    let b = create_folder(&mut s, a.clone(), "B").await;
    let in_a = create_item(&mut s, Message::new().subject("in A"), Some(&a)).await;
    create_item(&mut s, Message::new().subject("in B"), Some(&b)).await;

    let copy = s
        .call(&CopyFolder::new(DistinguishedFolderIdName::Drafts).folder(a.clone()))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let copy = copy.folder_id().cloned().unwrap();
    assert_ne!(copy.id, a.id);
    let got = get_folder(&mut s, &copy).await;
    assert_eq!(got.display_name(), Some("A"));
    assert_eq!(got.base().total_count, Some(1));
    assert_eq!(got.base().child_folder_count, Some(1));
    let sub = children(&mut s, &copy, FolderTraversal::Deep).await;
    assert_eq!(names(&sub), ["B"]);
    let b_copy = sub[0].folder_id().cloned().unwrap();
    assert_ne!(b_copy.id, b.id);

    let items = |f: &FolderId| FindItem::new(ItemShape::new(BaseShape::Default)).folder(f.clone());
    let copied = s
        .call(&items(&copy))
        .await
        .into_results()
        .remove(0)
        .unwrap()
        .items;
    assert_eq!(copied.len(), 1);
    assert_eq!(copied[0].base().unwrap().subject.as_deref(), Some("in A"));
    assert_ne!(copied[0].id().unwrap().id, in_a.id);
    let copied_b = s
        .call(&items(&b_copy))
        .await
        .into_results()
        .remove(0)
        .unwrap()
        .items;
    assert_eq!(copied_b[0].base().unwrap().subject.as_deref(), Some("in B"));
    // The original is untouched.
    let original = s
        .call(&items(&a))
        .await
        .into_results()
        .remove(0)
        .unwrap()
        .items;
    assert_eq!(original[0].id().unwrap().id, in_a.id);

    // Errors: into its own subtree, a name taken at the destination; distinguished folders
    // may be copied.
    let results = s
        .call(
            &CopyFolder::new(b.clone())
                .folder(a.clone())
                .folder(DistinguishedFolderIdName::Notes),
        )
        .await
        .into_results();
    assert_eq!(
        results[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorMoveCopyFailed)
    );
    assert!(results[1].is_ok());
    let again = s
        .call(&CopyFolder::new(DistinguishedFolderIdName::Drafts).folder(a.clone()))
        .await
        .into_results()
        .remove(0)
        .unwrap_err();
    assert_eq!(again.code(), Some(&ResponseCode::ErrorFolderExists));
    s.finish();
}

fn alternate(
    result: &Result<AnyAlternateId, ews_model::operations::ResponseError>,
) -> &AlternateId {
    match result {
        Ok(AnyAlternateId::AlternateId(a)) => a,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn convert_id_round_trips_every_format() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);
    let folder = FolderId::new(inbox_id(&mut s).await);
    let item = create_item(&mut s, Message::new().subject("x"), None).await;
    let formats = [
        IdFormat::EwsLegacyId,
        IdFormat::EntryId,
        IdFormat::HexEntryId,
        IdFormat::StoreId,
        IdFormat::OwaId,
        IdFormat::EwsId,
    ];
    for original in [folder.id.clone(), item.id.clone()] {
        for format in &formats {
            let there = s
                .call(&ConvertId::new(format.clone()).id(AlternateId::new(
                    IdFormat::EwsId,
                    original.clone(),
                    ALICE.0,
                )))
                .await
                .into_results();
            let there = alternate(&there[0]).clone();
            assert_eq!(there.format, *format);
            assert_eq!(there.mailbox, ALICE.0);
            if *format == IdFormat::HexEntryId {
                assert!(
                    there
                        .id
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
                );
            }
            if *format != IdFormat::EwsId {
                assert_ne!(there.id, original, "{format:?}");
            }
            // Back, from every format to every format through EwsId.
            let back = s
                .call(&ConvertId::new(IdFormat::EwsId).id(AlternateId::new(
                    format.clone(),
                    there.id.clone(),
                    ALICE.0,
                )))
                .await
                .into_results();
            assert_eq!(alternate(&back[0]).id, original, "{format:?}");
        }
    }
    // Hexadecimal in lower case reads too.
    let hex = s
        .call(&ConvertId::new(IdFormat::HexEntryId).id(AlternateId::new(
            IdFormat::EwsId,
            item.id.clone(),
            ALICE.0,
        )))
        .await
        .into_results();
    let lower = alternate(&hex[0]).id.to_lowercase();
    let back = s
        .call(&ConvertId::new(IdFormat::EwsId).id(AlternateId::new(
            IdFormat::HexEntryId,
            lower,
            ALICE.0,
        )))
        .await
        .into_results();
    assert_eq!(alternate(&back[0]).id, item.id);

    // Per-id errors, in place.
    let mut archived = AlternateId::new(IdFormat::EwsId, item.id.clone(), ALICE.0);
    archived.is_archive = Some(true);
    let results = s
        .call(
            &ConvertId::new(IdFormat::EntryId)
                .id(AlternateId::new(IdFormat::EwsId, "not base64 !", ALICE.0))
                .id(AlternateId::new(IdFormat::EwsId, "AAECAwQF", ALICE.0))
                .id(AlternateId::new(
                    IdFormat::EwsLegacyId,
                    item.id.clone(),
                    ALICE.0,
                ))
                .id(AlternateId::new(IdFormat::HexEntryId, "ABC", ALICE.0))
                .id(AlternateId::new(IdFormat::EwsId, "", ALICE.0))
                .id(AlternateId::new(
                    IdFormat::EwsId,
                    item.id.clone(),
                    "nobody@example.test",
                ))
                .id(archived)
                .id(AnyAlternateId::AlternatePublicFolderId(
                    AlternatePublicFolderId::new(IdFormat::EwsId, folder.id.clone()),
                ))
                .id(AlternateId::new(
                    IdFormat::EwsId,
                    item.id.clone(),
                    "ALICE@example.test",
                )),
        )
        .await
        .into_results();
    assert_eq!(
        codes(&results),
        [
            Some(ResponseCode::ErrorInvalidIdMalformed),
            Some(ResponseCode::ErrorInvalidIdMalformed),
            Some(ResponseCode::ErrorInvalidIdMalformedEwsLegacyIdFormat),
            Some(ResponseCode::ErrorInvalidIdMalformed),
            Some(ResponseCode::ErrorInvalidIdEmpty),
            Some(ResponseCode::ErrorNonExistentMailbox),
            Some(ResponseCode::ErrorArchiveMailboxNotEnabled),
            Some(ResponseCode::ErrorInvalidOperation),
            None,
        ]
    );
    s.finish();
}

/// The resolutions' addresses (or names, for private lists).
fn who(set: &ews_model::operations::ResolutionSet) -> Vec<String> {
    set.resolutions
        .iter()
        .map(|r| {
            r.mailbox
                .email_address
                .clone()
                .or_else(|| r.mailbox.name.clone())
                .unwrap_or_default()
        })
        .collect()
}

#[tokio::test]
async fn resolve_names_over_directory_and_contacts() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);

    // One directory match: Success, the derived display name, no contact data.
    let r = s.call(&ResolveNames::new("ali")).await;
    assert_eq!(r.messages[0].status.class, ResponseClass::Success);
    let set = r.into_result().unwrap();
    assert_eq!(who(&set), [ALICE.0]);
    let m = &set.resolutions[0].mailbox;
    assert_eq!(m.name.as_deref(), Some("Alice"));
    assert_eq!(m.mailbox_type, Some(MailboxType::Mailbox));
    assert!(set.resolutions[0].contact.is_none());
    assert_eq!(set.paging.total_items_in_view, Some(1));

    // Full contact data; a configured name matched by its second word.
    let set = s
        .call(&ResolveNames::new("lee").full_contact_data())
        .await
        .into_result()
        .unwrap();
    assert_eq!(who(&set), [ANN.0]);
    let c = set.resolutions[0].contact.as_ref().unwrap();
    assert_eq!(c.display_name.as_deref(), Some("Annabel Lee"));
    assert_eq!(c.contact_source, Some(ContactSource::ActiveDirectory));
    assert_eq!(
        c.email_addresses
            .as_ref()
            .unwrap()
            .get(EmailAddressKey::EmailAddress1),
        Some("SMTP:ann.lee@example.test")
    );

    // Several: a Warning that still carries them; groups resolve as PublicDL.
    let r = s.call(&ResolveNames::new("b")).await;
    let status = &r.messages[0].status;
    assert_eq!(status.class, ResponseClass::Warning);
    assert_eq!(
        status.response_code,
        Some(ResponseCode::ErrorNameResolutionMultipleResults)
    );
    let set = r.into_result().unwrap();
    assert_eq!(who(&set), [BOB.0, "board@example.test"]);
    assert_eq!(
        set.resolutions[1].mailbox.mailbox_type,
        Some(MailboxType::PublicDL)
    );
    assert_eq!(
        set.resolutions[1].mailbox.name.as_deref(),
        Some("Board of Directors")
    );

    // smtp: matches addresses only ("Board of Directors" has a word starting with "d"...).
    let set = s
        .call(&ResolveNames::new("SMTP:bob@"))
        .await
        .into_result()
        .unwrap();
    assert_eq!(who(&set), [BOB.0]);
    let none = s
        .call(&ResolveNames::new("smtp:directors"))
        .await
        .into_result()
        .unwrap_err();
    assert_eq!(
        none.code(),
        Some(&ResponseCode::ErrorNameResolutionNoResults)
    );
    let none = s
        .call(&ResolveNames::new("zzz"))
        .await
        .into_result()
        .unwrap_err();
    assert_eq!(
        none.code(),
        Some(&ResponseCode::ErrorNameResolutionNoResults)
    );

    // Alice's contacts: a contact with two addresses, a private list.
    let contact = create_item(
        &mut s,
        Contact::new()
            .display_name("Bobby Tables")
            .given_name("Robert")
            .email(EmailAddressKey::EmailAddress1, "bobby@elsewhere.test")
            .email(EmailAddressKey::EmailAddress2, "tables@elsewhere.test"),
        None,
    )
    .await;
    let list = create_item(
        &mut s,
        DistributionList::new("Book club").members([BOB.0, "friend@elsewhere.test"]),
        None,
    )
    .await;

    // One resolution per address of the contact, each with its ItemId.
    let set = s
        .call(&ResolveNames::new("robert"))
        .await
        .into_result()
        .unwrap();
    assert_eq!(who(&set), ["bobby@elsewhere.test", "tables@elsewhere.test"]);
    for r in &set.resolutions {
        assert_eq!(r.mailbox.mailbox_type, Some(MailboxType::Contact));
        assert_eq!(r.mailbox.item_id.as_ref().unwrap().id, contact.id);
        assert_eq!(r.mailbox.name.as_deref(), Some("Bobby Tables"));
    }
    // By address prefix: only the matching address.
    let set = s
        .call(&ResolveNames::new("smtp:tab"))
        .await
        .into_result()
        .unwrap();
    assert_eq!(who(&set), ["tables@elsewhere.test"]);
    // Full contact data of a stored contact: the contact.
    let set = s
        .call(&ResolveNames::new("smtp:tab").full_contact_data())
        .await
        .into_result()
        .unwrap();
    let c = set.resolutions[0].contact.as_ref().unwrap();
    assert_eq!(c.given_name.as_deref(), Some("Robert"));
    assert_eq!(c.contact_source, Some(ContactSource::Store));

    // Scopes: "bo" is bob and board in the directory, the contact and the list in Contacts.
    let scoped = |scope| ResolveNames::new("bo").scope(scope);
    let set = s
        .call(&scoped(SearchScope::ActiveDirectory))
        .await
        .into_result()
        .unwrap();
    assert_eq!(who(&set), [BOB.0, "board@example.test"]);
    let set = s
        .call(&scoped(SearchScope::Contacts))
        .await
        .into_result()
        .unwrap();
    assert_eq!(
        who(&set),
        ["bobby@elsewhere.test", "tables@elsewhere.test", "Book club"]
    );
    let dl = &set.resolutions[2].mailbox;
    assert_eq!(dl.mailbox_type, Some(MailboxType::PrivateDL));
    assert_eq!(dl.item_id.as_ref().unwrap().id, list.id);
    let set = s
        .call(&scoped(SearchScope::ContactsActiveDirectory))
        .await
        .into_result()
        .unwrap();
    assert_eq!(
        who(&set),
        [
            "bobby@elsewhere.test",
            "tables@elsewhere.test",
            "Book club",
            BOB.0,
            "board@example.test"
        ]
    );
    let set = s
        .call(&scoped(SearchScope::ActiveDirectoryContacts))
        .await
        .into_result()
        .unwrap();
    assert_eq!(who(&set)[0], BOB.0);
    assert_eq!(set.resolutions.len(), 5);
    // Another contacts folder, by ParentFolderIds: empty, and a bad id is an error.
    let other = create_folder(&mut s, DistinguishedFolderIdName::Contacts, "Other").await;
    let r = s
        .call(
            &ResolveNames::new("robert")
                .scope(SearchScope::Contacts)
                .folder(other),
        )
        .await
        .into_result()
        .unwrap_err();
    assert_eq!(r.code(), Some(&ResponseCode::ErrorNameResolutionNoResults));
    let r = s
        .call(&ResolveNames::new("robert").folder(FolderId::new("!!")))
        .await
        .into_result()
        .unwrap_err();
    assert_eq!(r.code(), Some(&ResponseCode::ErrorInvalidIdMalformed));
    s.finish();

    // Bob does not see Alice's contacts.
    let mut b = Session::new(&server, BOB);
    let r = b
        .call(&ResolveNames::new("robert"))
        .await
        .into_result()
        .unwrap_err();
    assert_eq!(r.code(), Some(&ResponseCode::ErrorNameResolutionNoResults));
    b.finish();
}

fn addresses(members: &[Address]) -> Vec<(String, Option<MailboxType>)> {
    members
        .iter()
        .map(|m| {
            (
                m.email_address.clone().unwrap_or_default(),
                m.mailbox_type.clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn expand_dl_public_and_private() {
    let server = start().await;
    let mut s = Session::new(&server, ALICE);

    // A group by address: users, a one-off address, a nested group (not expanded).
    let expansion = s
        .call(&ExpandDl::new(Address::new("team@example.test")))
        .await
        .into_result()
        .unwrap();
    assert_eq!(
        addresses(&expansion.members),
        [
            (ALICE.0.to_owned(), Some(MailboxType::Mailbox)),
            (BOB.0.to_owned(), Some(MailboxType::Mailbox)),
            (
                "outsider@elsewhere.test".to_owned(),
                Some(MailboxType::OneOff)
            ),
            ("board@example.test".to_owned(), Some(MailboxType::PublicDL)),
        ]
    );
    assert_eq!(expansion.members[1].name.as_deref(), Some("Bob"));
    assert_eq!(expansion.paging.total_items_in_view, Some(4));
    // By alias, by display name, with smtp:.
    for name in ["board", "Board of Directors", "smtp:BOARD@example.test"] {
        let e = s
            .call(&ExpandDl::new(Address::new(name)))
            .await
            .into_result()
            .unwrap();
        assert_eq!(
            addresses(&e.members),
            [(ANN.0.to_owned(), Some(MailboxType::Mailbox))]
        );
        assert_eq!(e.members[0].name.as_deref(), Some("Annabel Lee"));
    }
    // Unknown lists, and a user, are no results.
    for name in ["nobody@example.test", ALICE.0] {
        let e = s
            .call(&ExpandDl::new(Address::new(name)))
            .await
            .into_result()
            .unwrap_err();
        assert_eq!(e.code(), Some(&ResponseCode::ErrorNameResolutionNoResults));
    }

    // A private list by the ItemId ResolveNames gives.
    create_item(
        &mut s,
        DistributionList::new("Book club")
            .member(Member::new(BOB.0))
            .member(Member::new(Address::named("Fred", "friend@elsewhere.test"))),
        None,
    )
    .await;
    let contact = create_item(
        &mut s,
        Contact::new()
            .display_name("Carol")
            .email(EmailAddressKey::EmailAddress1, "carol@elsewhere.test"),
        None,
    )
    .await;
    let found = s
        .call(&ResolveNames::new("book").scope(SearchScope::Contacts))
        .await
        .into_result()
        .unwrap();
    let list = found.resolutions[0].mailbox.clone();
    let e = s.call(&ExpandDl::new(list)).await.into_result().unwrap();
    assert_eq!(
        addresses(&e.members),
        [
            (BOB.0.to_owned(), Some(MailboxType::Mailbox)),
            (
                "friend@elsewhere.test".to_owned(),
                Some(MailboxType::OneOff)
            ),
        ]
    );
    assert_eq!(e.members[0].name.as_deref(), Some("Bob"));
    assert_eq!(e.members[1].name.as_deref(), Some("Fred"));

    // A contact is not a list; a malformed id; an item of another mailbox.
    let e = s
        .call(&ExpandDl::new(
            Address::default().with_item_id(contact.clone()),
        ))
        .await
        .into_result()
        .unwrap_err();
    assert_eq!(e.code(), Some(&ResponseCode::ErrorNameResolutionNoResults));
    let e = s
        .call(&ExpandDl::new(
            Address::default().with_item_id(ItemId::new("@@")),
        ))
        .await
        .into_result()
        .unwrap_err();
    assert_eq!(e.code(), Some(&ResponseCode::ErrorInvalidIdMalformed));
    s.finish();
    let mut b = Session::new(&server, BOB);
    let e = b
        .call(&ExpandDl::new(Address::default().with_item_id(contact)))
        .await
        .into_result()
        .unwrap_err();
    assert_eq!(e.code(), Some(&ResponseCode::ErrorItemNotFound));
    b.finish();
}
