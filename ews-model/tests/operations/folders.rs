//! The folder operations: requests built with their builders and every ms-docs request sample
//! read, written back and validated against the schema; every ms-docs response sample read
//! into the typed response, with per-folder results.

use ews_model::folders::{
    CalendarFolder, Folder, FolderKind, Permission, PermissionLevel, PermissionSet, UserId,
};
use ews_model::operations::{
    BaseShape, CopyFolder, CopyFolderResponse, CreateFolder, CreateFolderResponse, DeleteFolder,
    DeleteFolderResponse, DisposalType, EmptyFolder, EmptyFolderResponse, FieldPath, FolderChange,
    FolderChangeDescription, FolderShape, GetFolder, GetFolderResponse, MoveFolder,
    MoveFolderResponse, Operation, ResponseError, UpdateFolder, UpdateFolderResponse,
};
use ews_model::properties::{DistinguishedFolderIdName, FolderId, FolderIdChoice};
use ews_model::version::ExchangeVersion;
use ews_test_support::Collector;
use ews_xml::{ResponseClass, ResponseCode};

// ---------------------------------------------------------------------------------------------
// Helpers

use crate::support::{
    get, read_response, request_doc, request_samples, response_doc, response_samples,
};

fn folder_id(kind: &FolderKind) -> &str {
    &kind.folder_id().unwrap().id
}

// ---------------------------------------------------------------------------------------------
// Operations

#[test]
fn get_folder() {
    let mut docs = Collector::new();
    let built = GetFolder::new(
        FolderShape::new(BaseShape::Default).with(FieldPath::field("folder:PermissionSet")),
    )
    .folder(DistinguishedFolderIdName::Inbox)
    .folder(FolderId::new("AAMk").with_change_key("CQAA"))
    .folders([
        DistinguishedFolderIdName::Calendar,
        DistinguishedFolderIdName::Tasks,
    ]);
    assert_eq!(GetFolder::name(), "GetFolder");
    const { assert!(GetFolder::IDEMPOTENT) };
    assert_eq!(GetFolder::SINCE, ExchangeVersion::Exchange2007);
    docs.add("built GetFolder", request_doc(&built));

    let requests = request_samples::<GetFolder>(&mut docs);
    if let Some(r) = get(&requests, "request-07.xml") {
        assert_eq!(r.folder_shape.base_shape, BaseShape::AllProperties);
        let FolderIdChoice::FolderId(id) = &r.folder_ids[0] else {
            panic!("{r:?}")
        };
        assert_eq!(id.change_key.as_deref(), Some("CAAAABYA..."));
    }
    if let Some(r) = get(&requests, "request-03.xml") {
        assert_eq!(
            r.folder_shape.additional_properties[0].uri(),
            Some("folder:PermissionSet")
        );
    }

    let responses = response_samples::<GetFolder, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let results = r.clone().into_results();
        let FolderKind::CalendarFolder(calendar) = results[0].as_ref().unwrap() else {
            panic!("{results:?}")
        };
        assert_eq!(calendar.base.folder_id.as_ref().unwrap().id, "AAMk");
    }
    if let Some(r) = get(&responses, "response-03.xml") {
        let folder = r.clone().into_results().remove(0).unwrap();
        assert_eq!(folder.display_name(), Some("Drafts"));
        assert_eq!(folder.base().child_folder_count, Some(0));
        let FolderKind::Folder(f) = folder else {
            panic!()
        };
        assert_eq!(f.permission_set.unwrap().permissions.len(), 3);
    }
    for file in ["response-07.xml", "response-09.xml"] {
        if let Some(r) = get(&responses, file) {
            assert_eq!(r.messages[0].status.class, ResponseClass::Error);
            let err = r.clone().into_results().remove(0).unwrap_err();
            assert_eq!(err.code(), Some(&ResponseCode::ErrorInvalidIdMalformed));
            assert_eq!(err.text(), Some("Id is malformed."));
        }
    }
    docs.finish();
}

#[test]
fn create_folder() {
    let mut docs = Collector::new();
    let permissions = PermissionSet::new().with(Permission::new(
        UserId::default_user(),
        PermissionLevel::Reviewer,
    ));
    let built = CreateFolder::new(DistinguishedFolderIdName::MsgFolderRoot)
        .folder(
            Folder::new("Receipts")
                .with_class("IPF.Note")
                .with_permissions(permissions),
        )
        .folder(CalendarFolder::new("Team calendar"));
    const { assert!(!CreateFolder::IDEMPOTENT) };
    docs.add("built CreateFolder", request_doc(&built));

    let requests = request_samples::<CreateFolder>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(r.parent_folder_id, DistinguishedFolderIdName::Inbox.into());
        assert_eq!(r.folders[0].display_name(), Some("Custom Folder"));
        assert_eq!(
            r.folders[0].base().folder_class.as_deref(),
            Some("IPF.Note")
        );
    }
    if let Some(r) = get(&requests, "request-03.xml") {
        let names: Vec<_> = r.folders.iter().map(FolderKind::display_name).collect();
        assert_eq!(names, [Some("Folder1"), Some("Folder2")]);
    }

    let responses = response_samples::<CreateFolder, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let results = r.clone().into_results();
        assert_eq!(results.len(), 2);
        assert!(
            results
                .iter()
                .all(|f| folder_id(f.as_ref().unwrap()) == "AS4AUn==")
        );
    }
    docs.finish();
}

#[test]
fn update_folder() {
    let mut docs = Collector::new();
    let built = UpdateFolder::new()
        .change(
            FolderChange::new(FolderId::new("OrV9ZAAA=").with_change_key("AQAAAB")).set(
                FieldPath::field("folder:DisplayName"),
                Folder::new("Renamed"),
            ),
        )
        .change(
            FolderChange::new(DistinguishedFolderIdName::Calendar)
                .delete(FieldPath::field("folder:PolicyTag")),
        );
    docs.add("built UpdateFolder", request_doc(&built));

    let requests = request_samples::<UpdateFolder>(&mut docs);
    if let Some(r) = get(&requests, "request-03.xml") {
        let change = &r.folder_changes[0];
        let FolderChangeDescription::SetFolderField(set) = &change.updates[0] else {
            panic!("{change:?}")
        };
        assert_eq!(set.path.uri(), Some("folder:DisplayName"));
        assert_eq!(set.folder.display_name(), Some("Updated Custom Folder"));
    }
    if let Some(r) = get(&requests, "request-01.xml") {
        let FolderChangeDescription::SetFolderField(set) = &r.folder_changes[0].updates[0] else {
            panic!("{r:?}")
        };
        let FolderKind::Folder(f) = &set.folder else {
            panic!("{set:?}")
        };
        let permissions = &f.permission_set.as_ref().unwrap().permissions;
        assert_eq!(permissions[2].permission_level, PermissionLevel::Editor);
    }
    if let Some(r) = get(&requests, "request-05.xml") {
        let FolderChangeDescription::SetFolderField(set) = &r.folder_changes[0].updates[0] else {
            panic!("{r:?}")
        };
        assert!(matches!(set.folder, FolderKind::SearchFolder(_)));
    }

    let responses = response_samples::<UpdateFolder, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        let folder = r.clone().into_results().remove(0).unwrap();
        assert_eq!(
            folder.folder_id().unwrap().change_key.as_deref(),
            Some("AQAAAB")
        );
    }
    docs.finish();
}

#[test]
fn delete_folder() {
    let mut docs = Collector::new();
    let built = DeleteFolder::new(DisposalType::MoveToDeletedItems)
        .folder(FolderId::new("AS4AUnVz="))
        .folder(DistinguishedFolderIdName::Other("ignored-by-schema".into()));
    // The second id is not a schema value: only the first is validated.
    let valid = DeleteFolder::new(DisposalType::SoftDelete).folder(built.folder_ids[0].clone());
    docs.add("built DeleteFolder", request_doc(&valid));
    assert!(
        String::from_utf8(request_doc(&built))
            .unwrap()
            .contains(r#"DeleteType="MoveToDeletedItems""#)
    );

    let requests = request_samples::<DeleteFolder>(&mut docs);
    for (_, r) in &requests {
        assert_eq!(r.delete_type, DisposalType::HardDelete);
        assert_eq!(r.folder_ids.len(), 1);
    }
    let responses = response_samples::<DeleteFolder, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        assert_eq!(r.clone().into_results(), vec![Ok(())]);
    }
    docs.finish();
}

#[test]
fn empty_folder() {
    let mut docs = Collector::new();
    let built = EmptyFolder::new(DisposalType::SoftDelete, false)
        .folder(DistinguishedFolderIdName::DeletedItems);
    assert_eq!(EmptyFolder::SINCE, ExchangeVersion::Exchange2010Sp1);
    docs.add("built EmptyFolder", request_doc(&built));

    let requests = request_samples::<EmptyFolder>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert!(r.delete_sub_folders);
        assert_eq!(r.delete_type, DisposalType::HardDelete);
    }
    let responses = response_samples::<EmptyFolder, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        assert_eq!(r.clone().into_results(), vec![Ok(())]);
    }
    docs.finish();
}

#[test]
fn move_and_copy_folder() {
    let mut docs = Collector::new();
    let moved =
        MoveFolder::new(DistinguishedFolderIdName::JunkEmail).folder(FolderId::new("AScAc"));
    let copied = CopyFolder::new(FolderId::new("AS4A="))
        .folder(FolderId::new("AS4AU=").with_change_key("fsVU4o=="));
    docs.add("built MoveFolder", request_doc(&moved));
    docs.add("built CopyFolder", request_doc(&copied));

    let requests = request_samples::<MoveFolder>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(r, &moved);
    }
    let requests = request_samples::<CopyFolder>(&mut docs);
    if let Some(r) = get(&requests, "request-01.xml") {
        assert_eq!(r.to_folder_id, DistinguishedFolderIdName::Inbox.into());
        assert_eq!(r.folder_ids.len(), 2);
    }

    let responses = response_samples::<MoveFolder, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        assert_eq!(
            folder_id(r.clone().into_results()[0].as_ref().unwrap()),
            "AAAlAFV"
        );
    }
    let responses = response_samples::<CopyFolder, _>(&mut docs);
    if let Some(r) = get(&responses, "response-01.xml") {
        assert_eq!(
            folder_id(r.clone().into_results()[0].as_ref().unwrap()),
            "AS4AUn="
        );
    }
    docs.finish();
}

#[test]
fn per_folder_errors_come_back_in_place() {
    use ews_model::operations::{FolderInfoResponseMessage, MessageStatus};
    let response = GetFolderResponse::new(vec![
        FolderInfoResponseMessage::success(Folder::new("Inbox")),
        FolderInfoResponseMessage::error(MessageStatus::error(
            ResponseCode::ErrorFolderNotFound,
            "The specified folder could not be found in the store.",
        )),
        FolderInfoResponseMessage::error(MessageStatus::success()),
    ]);
    let doc = response_doc(&response);
    ews_test_support::assert_valid("mixed GetFolder response", &doc);
    let back: GetFolderResponse = read_response(&doc);
    assert_eq!(back, response);
    let results = back.into_results();
    assert_eq!(results[0].as_ref().unwrap().display_name(), Some("Inbox"));
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorFolderNotFound)
    );
    assert_eq!(
        results[2].as_ref().unwrap_err(),
        &ResponseError::Incomplete { missing: "folder" }
    );

    let deleted = DeleteFolderResponse::new(vec![
        MessageStatus::success(),
        MessageStatus::error(ResponseCode::ErrorDeleteDistinguishedFolder, "no"),
    ]);
    let doc = response_doc(&deleted);
    ews_test_support::assert_valid("mixed DeleteFolder response", &doc);
    let results = read_response::<DeleteFolderResponse>(&doc).into_results();
    assert!(results[0].is_ok());
    assert_eq!(
        results[1].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorDeleteDistinguishedFolder)
    );

    // The other responses name their messages after their operation.
    let text = String::from_utf8(response_doc(&EmptyFolderResponse::new(vec![
        MessageStatus::success(),
    ])))
    .unwrap();
    assert!(
        text.contains("<m:EmptyFolderResponseMessage ResponseClass=\"Success\">"),
        "{text}"
    );
    let _ = (
        CreateFolderResponse::default(),
        UpdateFolderResponse::default(),
    );
    let _ = (MoveFolderResponse::default(), CopyFolderResponse::default());
}
