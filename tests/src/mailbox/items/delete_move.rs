//! `DeleteItem`, `MoveItem`, `CopyItem`, `MarkAsJunk`, `ArchiveItem` and `EmptyFolder`:
//! items leaving a folder.

use ews_model::items::Item;
use ews_model::operations::{
    ArchiveItem, ArchiveItemResponse, CopyItem, CopyItemResponse, DeleteItem, DeleteItemResponse,
    DisposalType, EmptyFolder, EmptyFolderResponse, ItemInfoResponseMessage, MarkAsJunk,
    MarkAsJunkResponse, MarkAsJunkResponseMessage, MessageStatus, MoveItem, MoveItemResponse,
};
use ews_model::properties::{FolderIdChoice, ItemId, ItemIdChoice};
use ews_model::recurrence::DeletedOccurrence;
use ews_xml::ResponseCode;

use super::ids::Target;
use super::recurrence::expand;
use super::{Ctx, ItemRecord, id_only};
use crate::mailbox::Mailbox;

impl Mailbox {
    pub(in crate::mailbox) fn remove_item(&mut self, id: &str) {
        if let Some(i) = self.item_index(id) {
            let folder = self.items.remove(i).folder;
            if let Some(f) = self.index_of_id(&folder) {
                self.touch(f);
            }
        }
    }

    /// Moves item `idx` to `folder`: it gets a new id, as in Exchange. The new index.
    pub(in crate::mailbox) fn move_to(&mut self, idx: usize, folder: String) -> usize {
        let old_folder = self.items[idx].folder.clone();
        let old_id = self.items[idx].id.clone();
        let id = self.new_item_id();
        let ck = self.new_change_key();
        let r = &mut self.items[idx];
        r.id = id.clone();
        r.change_key = ck;
        r.folder = folder.clone();
        r.soft_deleted = false;
        // A master's exceptions follow it.
        for e in &mut self.items {
            if let Some((master, _)) = &mut e.exception_of
                && *master == old_id
            {
                *master = id.clone();
                e.folder = folder.clone();
            }
        }
        for f in [old_folder, folder] {
            if let Some(f) = self.index_of_id(&f) {
                self.touch(f);
            }
        }
        idx
    }

    pub(crate) fn delete_item(&mut self, req: &DeleteItem, ctx: &Ctx) -> DeleteItemResponse {
        let mut messages = Vec::with_capacity(req.item_ids.len());
        for id in &req.item_ids {
            let status = match self.resolve_item(id) {
                Err(s) => s,
                Ok(Target::Occurrence { master, index }) => {
                    self.delete_occurrence(master, index, ctx);
                    MessageStatus::success()
                }
                Ok(Target::Item(idx)) if self.items[idx].exception_of.is_some() => {
                    self.delete_exception(idx);
                    MessageStatus::success()
                }
                Ok(Target::Item(idx)) => {
                    self.delete_one(idx, &req.delete_type);
                    MessageStatus::success()
                }
            };
            messages.push(status);
        }
        DeleteItemResponse::new(messages)
    }

    pub(super) fn delete_occurrence(&mut self, master: usize, index: usize, ctx: &Ctx) {
        let start = match &self.items[master].item {
            Item::CalendarItem(c) => expand(c, None, index)
                .unwrap_or_default()
                .into_iter()
                .find(|o| o.index == index)
                .map(|o| o.start),
            _ => None,
        };
        if let (Some(start), Item::CalendarItem(c)) = (start, &mut self.items[master].item) {
            c.occurrences
                .deleted_occurrences
                .push(DeletedOccurrence { start });
            c.item.last_modified_time = Some(ctx.now);
            self.items[master].change_key = self.new_change_key();
        }
    }

    pub(super) fn delete_one(&mut self, idx: usize, how: &DisposalType) {
        let id = self.items[idx].id.clone();
        if matches!(how, DisposalType::HardDelete) {
            // A master's exceptions go with it.
            self.items
                .retain(|r| r.exception_of.as_ref().is_none_or(|(m, _)| *m != id));
        }
        let Some(idx) = self.item_index(&id) else {
            return;
        };
        let deleted_items = self.dist_id("deleteditems");
        match how {
            DisposalType::MoveToDeletedItems if self.items[idx].folder != deleted_items => {
                self.move_to(idx, deleted_items);
            }
            DisposalType::HardDelete => {
                let id = self.items[idx].id.clone();
                self.remove_item(&id);
            }
            // SoftDelete, and MoveToDeletedItems of an item already in Deleted Items.
            _ => {
                self.items[idx].soft_deleted = true;
                let folder = self.items[idx].folder.clone();
                if let Some(f) = self.index_of_id(&folder) {
                    self.touch(f);
                }
            }
        }
    }

    /// `Err` when the destination names no folder.
    pub(crate) fn move_item(&mut self, req: &MoveItem) -> Result<MoveItemResponse, MessageStatus> {
        self.move_or_copy(
            &req.to_folder_id,
            &req.item_ids,
            req.return_new_item_ids,
            false,
        )
        .map(MoveItemResponse::new)
    }

    /// `Err` when the destination names no folder.
    pub(crate) fn copy_item(&mut self, req: &CopyItem) -> Result<CopyItemResponse, MessageStatus> {
        self.move_or_copy(
            &req.to_folder_id,
            &req.item_ids,
            req.return_new_item_ids,
            true,
        )
        .map(CopyItemResponse::new)
    }

    pub(super) fn move_or_copy(
        &mut self,
        to: &FolderIdChoice,
        ids: &[ItemIdChoice],
        return_ids: Option<bool>,
        copy: bool,
    ) -> Result<Vec<ItemInfoResponseMessage>, MessageStatus> {
        let target = self.folder_or_error(to)?;
        Ok(ids
            .iter()
            .map(|id| {
                let idx = match self.resolve_whole(
                    id,
                    ResponseCode::ErrorCalendarCannotMoveOrCopyOccurrence,
                    "Occurrences cannot be moved or copied.",
                ) {
                    Ok(i) => i,
                    Err(s) => return ItemInfoResponseMessage::error(s),
                };
                let new = if copy {
                    let rec = self.items[idx].clone();
                    let id = self.new_item_id();
                    let ck = self.new_change_key();
                    self.seq += 1;
                    self.items.push(ItemRecord {
                        id,
                        change_key: ck,
                        folder: target.clone(),
                        soft_deleted: false,
                        seq: self.seq,
                        exception_of: None,
                        ..rec
                    });
                    if let Some(f) = self.index_of_id(&target) {
                        self.touch(f);
                    }
                    self.items.len() - 1
                } else {
                    self.move_to(idx, target.clone())
                };
                if return_ids == Some(false) {
                    ItemInfoResponseMessage::success_empty()
                } else {
                    ItemInfoResponseMessage::success(id_only(&self.full(new)))
                }
            })
            .collect())
    }

    pub(crate) fn mark_as_junk(&mut self, req: &MarkAsJunk) -> MarkAsJunkResponse {
        let junk = self.dist_id("junkemail");
        let inbox = self.dist_id("inbox");
        let messages = req
            .item_ids
            .iter()
            .map(|id| {
                let idx = match self.resolve_whole(
                    id,
                    ResponseCode::ErrorInvalidRequest,
                    "Occurrences cannot be marked as junk.",
                ) {
                    Ok(i) => i,
                    Err(s) => return MarkAsJunkResponseMessage::error(s),
                };
                if !req.move_item {
                    return MarkAsJunkResponseMessage::success(None);
                }
                let target = if req.is_junk { &junk } else { &inbox };
                if self.items[idx].folder == *target {
                    return MarkAsJunkResponseMessage::success(None);
                }
                let new = self.move_to(idx, target.clone());
                let r = &self.items[new];
                MarkAsJunkResponseMessage::success(Some(
                    ItemId::new(r.id.clone()).with_change_key(r.change_key.clone()),
                ))
            })
            .collect();
        MarkAsJunkResponse::new(messages)
    }

    pub(crate) fn archive_item(&mut self, req: &ArchiveItem) -> ArchiveItemResponse {
        let status = match self.resolve(&req.archive_source_folder_id) {
            Err(e) => e.status(),
            Ok(_) => MessageStatus::error(
                ResponseCode::ErrorArchiveMailboxNotEnabled,
                "The mailbox has no archive.",
            ),
        };
        ArchiveItemResponse::new(
            req.item_ids
                .iter()
                .map(|id| match self.resolve_item(id) {
                    Err(s) => ItemInfoResponseMessage::error(s),
                    Ok(_) => ItemInfoResponseMessage::error(status.clone()),
                })
                .collect(),
        )
    }

    pub(crate) fn empty_folder(&mut self, req: &EmptyFolder) -> EmptyFolderResponse {
        let mut messages = Vec::with_capacity(req.folder_ids.len());
        for id in &req.folder_ids {
            let idx = match self.resolve(id) {
                Ok(i) => i,
                Err(e) => {
                    messages.push(e.status());
                    continue;
                }
            };
            let mut folders = vec![idx];
            if req.delete_sub_folders {
                self.descendants(idx, &mut folders);
            }
            let folder_ids: Vec<String> = folders
                .iter()
                .map(|&i| self.folders[i].id.clone())
                .collect();
            let doomed: Vec<String> = self
                .items
                .iter()
                .filter(|r| !r.soft_deleted && folder_ids.contains(&r.folder))
                .map(|r| r.id.clone())
                .collect();
            for item_id in doomed {
                if let Some(i) = self.item_index(&item_id) {
                    self.delete_one(i, &req.delete_type);
                }
            }
            if req.delete_sub_folders {
                let sub: Vec<String> = folder_ids.into_iter().skip(1).collect();
                self.folders.retain(|f| !sub.contains(&f.id));
                self.items.retain(|r| !sub.contains(&r.folder));
            }
            if let Some(i) = self.index_of_id(&self.folders[idx].id.clone()) {
                self.touch(i);
            }
            messages.push(MessageStatus::success());
        }
        EmptyFolderResponse::new(messages)
    }
}
