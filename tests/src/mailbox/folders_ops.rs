//! The folder operations that change an existing folder: `UpdateFolder`, `MoveFolder` and
//! `CopyFolder`.
//!
//! Folders keep their id when they move (as in Exchange, where a folder's id does not depend
//! on its parent) and get a new change key whenever they change. Copies get new ids, and so
//! do the copies of the items they hold.

use ews_model::fields::{FieldAccess as _, FieldTable, HasFields as _};
use ews_model::folders::{
    CalendarFolder, ContactsFolder, Folder, FolderBase, FolderKind, SearchFolder, TasksFolder,
};
use ews_model::operations::{
    CopyFolder, CopyFolderResponse, FieldPath, FolderChange, FolderChangeDescription,
    FolderInfoResponseMessage, MessageStatus, MoveFolder, MoveFolderResponse, UpdateFolder,
    UpdateFolderResponse,
};
use ews_model::properties::{FolderId, FolderIdChoice};
use ews_model::version::ExchangeVersion;
use ews_xml::ResponseCode;

use super::items::ItemRecord;
use super::{Mailbox, Record, empty_like};

fn invalid_property(text: impl Into<String>) -> MessageStatus {
    MessageStatus::error(ResponseCode::ErrorInvalidPropertyRequest, text)
}

/// The field table of the folder's element type.
fn table(folder: &FolderKind) -> &'static FieldTable {
    match folder {
        FolderKind::CalendarFolder(_) => &CalendarFolder::FIELDS,
        FolderKind::ContactsFolder(_) => &ContactsFolder::FIELDS,
        FolderKind::SearchFolder(_) => &SearchFolder::FIELDS,
        FolderKind::TasksFolder(_) => &TasksFolder::FIELDS,
        FolderKind::Unknown(_) => &FolderBase::FIELDS,
        _ => &Folder::FIELDS,
    }
}

impl Mailbox {
    /// Folder `idx` as the change operations return it: its kind and its id only.
    fn folder_id_only(&self, idx: usize) -> FolderKind {
        let r = &self.folders[idx];
        let mut f = empty_like(&r.folder);
        f.base_mut().folder_id =
            Some(FolderId::new(r.id.clone()).with_change_key(r.change_key.clone()));
        f
    }

    /// Whether a child of `parent` other than `except` is named `name` (case-insensitively).
    fn name_taken(&self, parent: &str, name: &str, except: Option<usize>) -> bool {
        self.children(parent).any(|c| {
            Some(c) != except
                && self.folders[c]
                    .folder
                    .display_name()
                    .is_some_and(|n| n.trim().eq_ignore_ascii_case(name.trim()))
        })
    }

    /// Whether folder `target` is folder `idx` or lies under it.
    fn within(&self, idx: usize, target: usize) -> bool {
        if idx == target {
            return true;
        }
        let mut under = Vec::new();
        self.descendants(idx, &mut under);
        under.contains(&target)
    }

    /// Resolves the destination of a move or copy: its index, or the status every message
    /// gets.
    fn destination(&self, to: &FolderIdChoice) -> Result<usize, MessageStatus> {
        self.resolve(to).map_err(|e| e.status())
    }

    pub(crate) fn update_folder(
        &mut self,
        req: &UpdateFolder,
        version: ExchangeVersion,
    ) -> UpdateFolderResponse {
        let messages = req
            .folder_changes
            .iter()
            .map(|change| match self.update_one_folder(change, version) {
                Ok(idx) => FolderInfoResponseMessage::success(self.folder_id_only(idx)),
                Err(s) => FolderInfoResponseMessage::error(s),
            })
            .collect();
        UpdateFolderResponse::new(messages)
    }

    /// Applies every update of `change` to a copy of the folder, and keeps the copy only when
    /// all of them succeed.
    fn update_one_folder(
        &mut self,
        change: &FolderChange,
        version: ExchangeVersion,
    ) -> Result<usize, MessageStatus> {
        let idx = self.resolve(&change.folder_id).map_err(|e| e.status())?;
        let mut folder = self.folders[idx].folder.clone();
        for update in &change.updates {
            apply_folder_update(&mut folder, update, version)?;
        }
        let name = folder.display_name().unwrap_or("").trim().to_owned();
        if name.is_empty() {
            return Err(MessageStatus::error(
                ResponseCode::ErrorInvalidPropertySet,
                "A folder must have a display name.",
            ));
        }
        let renamed = self.folders[idx]
            .folder
            .display_name()
            .is_none_or(|old| old.trim() != name);
        if renamed
            && let Some(parent) = self.folders[idx].parent.clone()
            && self.name_taken(&parent, &name, Some(idx))
        {
            return Err(MessageStatus::error(
                ResponseCode::ErrorFolderExists,
                "A folder with the specified name already exists.",
            ));
        }
        folder.base_mut().display_name = Some(name);
        self.folders[idx].folder = folder;
        self.touch(idx);
        Ok(idx)
    }

    /// `Err` when the destination names no folder.
    pub(crate) fn move_folder(
        &mut self,
        req: &MoveFolder,
    ) -> Result<MoveFolderResponse, MessageStatus> {
        let target = self.destination(&req.to_folder_id)?;
        let messages = req
            .folder_ids
            .iter()
            .map(|id| match self.move_one_folder(id, target) {
                Ok(idx) => FolderInfoResponseMessage::success(self.folder_id_only(idx)),
                Err(s) => FolderInfoResponseMessage::error(s),
            })
            .collect();
        Ok(MoveFolderResponse::new(messages))
    }

    fn move_one_folder(
        &mut self,
        id: &FolderIdChoice,
        target: usize,
    ) -> Result<usize, MessageStatus> {
        let idx = self.resolve(id).map_err(|e| e.status())?;
        if self.folders[idx].distinguished.is_some() {
            return Err(MessageStatus::error(
                ResponseCode::ErrorMoveDistinguishedFolder,
                "Distinguished folders cannot be moved.",
            ));
        }
        if self.within(idx, target) {
            return Err(MessageStatus::error(
                ResponseCode::ErrorMoveCopyFailed,
                "A folder cannot be moved into itself or one of its subfolders.",
            ));
        }
        let target_id = self.folders[target].id.clone();
        let old_parent = self.folders[idx].parent.clone();
        if old_parent.as_deref() == Some(target_id.as_str()) {
            return Ok(idx);
        }
        let name = self.folders[idx]
            .folder
            .display_name()
            .unwrap_or("")
            .to_owned();
        if self.name_taken(&target_id, &name, Some(idx)) {
            return Err(MessageStatus::error(
                ResponseCode::ErrorFolderExists,
                "A folder with the specified name already exists in the destination.",
            ));
        }
        self.folders[idx].parent = Some(target_id);
        self.touch(idx);
        self.touch(target);
        if let Some(p) = old_parent.and_then(|p| self.index_of_id(&p)) {
            self.touch(p);
        }
        Ok(idx)
    }

    /// `Err` when the destination names no folder.
    pub(crate) fn copy_folder(
        &mut self,
        req: &CopyFolder,
    ) -> Result<CopyFolderResponse, MessageStatus> {
        let target = self.destination(&req.to_folder_id)?;
        let messages = req
            .folder_ids
            .iter()
            .map(|id| match self.copy_one_folder(id, target) {
                Ok(idx) => FolderInfoResponseMessage::success(self.folder_id_only(idx)),
                Err(s) => FolderInfoResponseMessage::error(s),
            })
            .collect();
        Ok(CopyFolderResponse::new(messages))
    }

    fn copy_one_folder(
        &mut self,
        id: &FolderIdChoice,
        target: usize,
    ) -> Result<usize, MessageStatus> {
        let idx = self.resolve(id).map_err(|e| e.status())?;
        if self.within(idx, target) {
            return Err(MessageStatus::error(
                ResponseCode::ErrorMoveCopyFailed,
                "A folder cannot be copied into itself or one of its subfolders.",
            ));
        }
        let target_id = self.folders[target].id.clone();
        let name = self.folders[idx]
            .folder
            .display_name()
            .unwrap_or("")
            .to_owned();
        if self.name_taken(&target_id, &name, None) {
            return Err(MessageStatus::error(
                ResponseCode::ErrorFolderExists,
                "A folder with the specified name already exists in the destination.",
            ));
        }
        let copy = self.copy_tree(idx, &target_id);
        self.touch(target);
        Ok(copy)
    }

    /// Copies folder `src`, its live items and its subfolders (depth first) under
    /// `parent`; the index of the copy. Folders and items are only appended, so indices stay
    /// valid throughout.
    fn copy_tree(&mut self, src: usize, parent: &str) -> usize {
        let source = self.folders[src].clone();
        let kids: Vec<usize> = self.children(&source.id).collect();
        let items: Vec<usize> = self.items_in(&source.id).collect();
        let id = self.new_id();
        let change_key = self.new_change_key();
        self.folders.push(Record {
            id: id.clone(),
            change_key,
            parent: Some(parent.to_owned()),
            distinguished: None,
            folder: source.folder,
            soft_deleted: false,
        });
        let copy = self.folders.len() - 1;
        for i in items {
            let item_id = self.new_item_id();
            let change_key = self.new_change_key();
            self.seq += 1;
            let record = ItemRecord {
                id: item_id,
                change_key,
                folder: id.clone(),
                soft_deleted: false,
                exception_of: None,
                seq: self.seq,
                ..self.items[i].clone()
            };
            self.items.push(record);
        }
        for k in kids {
            self.copy_tree(k, &id);
        }
        copy
    }
}

/// Applies one change description to `folder`.
fn apply_folder_update(
    folder: &mut FolderKind,
    update: &FolderChangeDescription,
    version: ExchangeVersion,
) -> Result<(), MessageStatus> {
    let path = match update {
        FolderChangeDescription::SetFolderField(v)
        | FolderChangeDescription::AppendToFolderField(v) => &v.path,
        FolderChangeDescription::DeleteFolderField(d) => &d.path,
        _ => return Err(invalid_property("Unknown kind of change.")),
    };
    let uri = match path {
        FieldPath::Extended(uri) => return apply_extended(folder, update, uri),
        FieldPath::Field(_) => path.uri().unwrap_or_default(),
        _ => {
            return Err(invalid_property(
                "Folders have no indexed or exception properties.",
            ));
        }
    };
    let def = table(folder)
        .by_uri(uri)
        .ok_or_else(|| invalid_property(format!("{uri} is not a property of this folder.")))?;
    if !def.is_supported_by(version) {
        return Err(invalid_property(format!(
            "{uri} is not available in the requested version."
        )));
    }
    if def.is_read_only() {
        return Err(MessageStatus::error(
            ResponseCode::ErrorInvalidPropertySet,
            format!("{uri} is read-only."),
        ));
    }
    match update {
        FolderChangeDescription::DeleteFolderField(_) => {
            if def.name == "display_name" {
                return Err(MessageStatus::error(
                    ResponseCode::ErrorInvalidPropertyDelete,
                    "The display name of a folder cannot be deleted.",
                ));
            }
            let mut empty = empty_like(folder);
            folder.swap_field(def.name, &mut empty);
            Ok(())
        }
        FolderChangeDescription::SetFolderField(v) => {
            let mut carrier = v.folder.clone();
            if folder.swap_field(def.name, &mut carrier)
                || folder.base_mut().swap_field(def.name, carrier.base_mut())
            {
                Ok(())
            } else {
                Err(MessageStatus::error(
                    ResponseCode::ErrorObjectTypeChanged,
                    "The folder in the update is of another type than the stored folder.",
                ))
            }
        }
        FolderChangeDescription::AppendToFolderField(v) => append(folder, def.name, &v.folder),
        _ => Err(invalid_property("Unknown kind of change.")),
    }
}

fn apply_extended(
    folder: &mut FolderKind,
    update: &FolderChangeDescription,
    uri: &ews_model::extended::ExtendedFieldUri,
) -> Result<(), MessageStatus> {
    let carrier = match update {
        FolderChangeDescription::DeleteFolderField(_) => {
            if let Some(e) = folder.extended_properties_mut() {
                e.remove_uri(uri);
            }
            return Ok(());
        }
        FolderChangeDescription::SetFolderField(v)
        | FolderChangeDescription::AppendToFolderField(v) => &v.folder,
        _ => return Err(invalid_property("Unknown kind of change.")),
    };
    let prop = carrier
        .base()
        .extended_properties
        .find(uri)
        .cloned()
        .ok_or_else(|| {
            MessageStatus::error(
                ResponseCode::ErrorIncorrectUpdatePropertyCount,
                "The folder in the update does not carry the property it names.",
            )
        })?;
    folder.base_mut().extended_properties.insert(prop);
    Ok(())
}

/// `AppendToFolderField`: only the permission sets are lists a client may append to.
fn append(folder: &mut FolderKind, name: &str, carrier: &FolderKind) -> Result<(), MessageStatus> {
    let refused = || {
        MessageStatus::error(
            ResponseCode::ErrorInvalidPropertyAppend,
            format!("{name} cannot be appended to."),
        )
    };
    if name != "permission_set" {
        return Err(refused());
    }
    let (stored, extra) = match (folder, carrier) {
        (FolderKind::CalendarFolder(a), FolderKind::CalendarFolder(b)) => {
            let extra = b
                .permission_set
                .as_ref()
                .map(|p| p.calendar_permissions.clone())
                .unwrap_or_default();
            a.permission_set
                .get_or_insert_with(Default::default)
                .calendar_permissions
                .extend(extra);
            return Ok(());
        }
        (FolderKind::Folder(a), FolderKind::Folder(b)) => {
            (&mut a.permission_set, &b.permission_set)
        }
        (FolderKind::ContactsFolder(a), FolderKind::ContactsFolder(b)) => {
            (&mut a.permission_set, &b.permission_set)
        }
        (FolderKind::TasksFolder(a), FolderKind::TasksFolder(b)) => {
            (&mut a.folder.permission_set, &b.folder.permission_set)
        }
        (FolderKind::SearchFolder(a), FolderKind::SearchFolder(b)) => {
            (&mut a.folder.permission_set, &b.folder.permission_set)
        }
        _ => return Err(refused()),
    };
    let extra = extra
        .as_ref()
        .map(|p| p.permissions.clone())
        .unwrap_or_default();
    stored
        .get_or_insert_with(Default::default)
        .permissions
        .extend(extra);
    Ok(())
}
