//! `UpdateItem` and `MarkAllItemsAsRead`: applying change descriptions, and the exceptions an
//! updated occurrence becomes.

use ews_model::fields::FieldAccess as _;
use ews_model::items::Item;
use ews_model::items::calendar::CalendarItemType;
use ews_model::operations::{
    ConflictResolution, FieldPath, ItemChangeDescription, ItemInfoResponseMessage,
    MarkAllItemsAsRead, MarkAllItemsAsReadResponse, MessageDisposition, MessageStatus, UpdateItem,
    UpdateItemResponse, UpdateItemResponseMessage,
};
use ews_model::properties::{ItemId, ItemIdChoice};
use ews_model::recurrence::{DeletedOccurrence, OccurrenceInfo};
use ews_model::version::ExchangeVersion;
use ews_xml::ResponseCode;

use super::create::send;
use super::ids::{Target, not_found};
use super::store::finalize;
use super::{Ctx, Delivery, id_only, message_mut, too_new};
use crate::mailbox::Mailbox;
use crate::mailbox::shape::{self};

pub(super) fn invalid_property(what: &str) -> MessageStatus {
    MessageStatus::error(ResponseCode::ErrorInvalidPropertyRequest, what)
}

/// Applies one change description to `item`.
pub(super) fn apply_update(
    item: &mut Item,
    update: &ItemChangeDescription,
    sent: bool,
    version: ExchangeVersion,
) -> Result<(), MessageStatus> {
    let path = update.path();
    if let FieldPath::Extended(uri) = path {
        return match update {
            ItemChangeDescription::DeleteItemField(_) => {
                if let Some(e) = item.extended_properties_mut() {
                    e.remove_uri(uri);
                }
                Ok(())
            }
            ItemChangeDescription::SetItemField(v)
            | ItemChangeDescription::AppendToItemField(v) => {
                let prop = v
                    .item
                    .extended_properties()
                    .and_then(|e| e.find(uri))
                    .cloned()
                    .ok_or_else(|| {
                        MessageStatus::error(
                            ResponseCode::ErrorIncorrectUpdatePropertyCount,
                            "The item in the update does not carry the property it names.",
                        )
                    })?;
                item.extended_properties_mut()
                    .ok_or_else(|| invalid_property("This item cannot carry extended properties."))?
                    .insert(prop);
                Ok(())
            }
            _ => Err(invalid_property("Unknown kind of change.")),
        };
    }
    let uri = path.uri().unwrap_or_default();
    let def = item
        .table()
        .by_uri(uri)
        .ok_or_else(|| invalid_property(&format!("{uri} is not a property of this item.")))?;
    if !def.is_supported_by(version) {
        return Err(too_new(def));
    }
    if def.is_read_only() {
        return Err(MessageStatus::error(
            ResponseCode::ErrorInvalidPropertySet,
            format!("{uri} is read-only."),
        ));
    }
    if sent
        && def
            .flags
            .contains(ews_model::fields::FieldFlags::READ_ONLY_AFTER_SEND)
    {
        return Err(MessageStatus::error(
            ResponseCode::ErrorInvalidPropertyUpdateSentMessage,
            format!("{uri} cannot be changed after the message was sent."),
        ));
    }
    match update {
        ItemChangeDescription::DeleteItemField(_) => {
            let mut empty = shape::empty_like(item);
            item.swap_field(def.name, &mut empty);
            Ok(())
        }
        ItemChangeDescription::SetItemField(v) => {
            let mut carrier = v.item.clone();
            if item.swap_field(def.name, &mut carrier) {
                return Ok(());
            }
            // A carrier of another element type: the item base fields still apply.
            let swapped = match (item.base_mut(), carrier.base_mut()) {
                (Some(a), Some(b)) => a.swap_field(def.name, b),
                _ => false,
            };
            if swapped {
                Ok(())
            } else {
                Err(MessageStatus::error(
                    ResponseCode::ErrorObjectTypeChanged,
                    "The item in the update is of another type than the stored item.",
                ))
            }
        }
        ItemChangeDescription::AppendToItemField(v) => append(item, def.name, &v.item),
        _ => Err(invalid_property("Unknown kind of change.")),
    }
}

/// `AppendToItemField`, for the properties Exchange allows it on.
pub(super) fn append(item: &mut Item, name: &str, carrier: &Item) -> Result<(), MessageStatus> {
    let refused = || {
        MessageStatus::error(
            ResponseCode::ErrorInvalidPropertyAppend,
            format!("{name} cannot be appended to."),
        )
    };
    if name == "body" {
        let (Some(a), Some(b)) = (item.base_mut(), carrier.base()) else {
            return Err(refused());
        };
        if let Some(extra) = &b.body {
            match &mut a.body {
                Some(body) => body.content.push_str(&extra.content),
                None => a.body = Some(extra.clone()),
            }
        }
        return Ok(());
    }
    match (item, carrier) {
        (Item::Message(a), Item::Message(b)) => {
            let (to, from) = match name {
                "to_recipients" => (&mut a.to_recipients, &b.to_recipients),
                "cc_recipients" => (&mut a.cc_recipients, &b.cc_recipients),
                "bcc_recipients" => (&mut a.bcc_recipients, &b.bcc_recipients),
                "reply_to" => (&mut a.reply_to, &b.reply_to),
                _ => return Err(refused()),
            };
            to.extend(from.iter().cloned());
            Ok(())
        }
        (Item::CalendarItem(a), Item::CalendarItem(b)) => {
            let (to, from) = match name {
                "required_attendees" => (
                    &mut a.attendance.required_attendees,
                    &b.attendance.required_attendees,
                ),
                "optional_attendees" => (
                    &mut a.attendance.optional_attendees,
                    &b.attendance.optional_attendees,
                ),
                "resources" => (&mut a.attendance.resources, &b.attendance.resources),
                _ => return Err(refused()),
            };
            to.extend(from.iter().cloned());
            Ok(())
        }
        (Item::DistributionList(a), Item::DistributionList(b)) if name == "members" => {
            a.members.extend(b.members.iter().cloned());
            Ok(())
        }
        _ => Err(refused()),
    }
}

impl Mailbox {
    /// `Err` when the request as a whole fails (its `SavedItemFolderId` names no folder).
    pub(crate) fn update_item(
        &mut self,
        req: &UpdateItem,
        ctx: &Ctx,
    ) -> Result<(UpdateItemResponse, Vec<Delivery>), MessageStatus> {
        let mut deliveries = Vec::new();
        let saved = self.optional_folder(req.saved_item_folder_id.as_ref())?;
        let mut messages = Vec::with_capacity(req.item_changes.len());
        for change in &req.item_changes {
            let result = self.update_one(req, change, saved.clone(), ctx, &mut deliveries);
            messages.push(match result {
                Ok(Some(idx)) => UpdateItemResponseMessage::new(
                    ItemInfoResponseMessage::success(id_only(&self.full(idx))),
                    Some(0),
                ),
                Ok(None) => {
                    UpdateItemResponseMessage::new(ItemInfoResponseMessage::success_empty(), None)
                }
                Err(s) => UpdateItemResponseMessage::new(ItemInfoResponseMessage::error(s), None),
            });
        }
        Ok((UpdateItemResponse::new(messages), deliveries))
    }

    pub(super) fn update_one(
        &mut self,
        req: &UpdateItem,
        change: &ews_model::operations::ItemChange,
        saved: Option<String>,
        ctx: &Ctx,
        deliveries: &mut Vec<Delivery>,
    ) -> Result<Option<usize>, MessageStatus> {
        // An occurrence without an exception yet is updated as a copy that becomes one.
        let target = self.resolve_item(&change.item_id)?;
        let (current_key, mut item, existing) = match target {
            Target::Item(i) => (
                self.items[i].change_key.clone(),
                self.items[i].item.clone(),
                Some(i),
            ),
            Target::Occurrence { master, index } => {
                let Some(Item::CalendarItem(mut occ)) = self.occurrence(master, index) else {
                    return Err(not_found());
                };
                occ.item.item_id = None;
                occ.item.parent_folder_id = None;
                occ.attendance.calendar_item_type = Some(CalendarItemType::Exception);
                (
                    self.items[master].change_key.clone(),
                    Item::CalendarItem(occ),
                    None,
                )
            }
        };
        let given_key = match &change.item_id {
            ItemIdChoice::ItemId(i) => i.change_key.clone(),
            ItemIdChoice::OccurrenceItemId(o) => o.change_key.clone(),
            _ => None,
        };
        let stale = given_key.is_some_and(|k| k != current_key);
        if stale && matches!(req.conflict_resolution, ConflictResolution::NeverOverwrite) {
            return Err(MessageStatus::error(
                ResponseCode::ErrorIrresolvableConflict,
                "The send or update operation could not be performed because the change key \
                 passed in the request does not match the current change key for the item.",
            ));
        }
        let sent = item
            .message()
            .is_some_and(|m| m.item.is_draft == Some(false));
        for update in &change.updates {
            apply_update(&mut item, update, sent, ctx.version)?;
        }
        if let Some(b) = item.base_mut() {
            b.last_modified_time = Some(ctx.now);
        }
        finalize(&mut item, ctx);
        let send_now = matches!(
            req.message_disposition,
            Some(MessageDisposition::SendOnly | MessageDisposition::SendAndSaveCopy)
        );
        if send_now {
            let Item::Message(mut m) = item else {
                return Err(MessageStatus::error(
                    ResponseCode::ErrorInvalidItemForOperationSendItem,
                    "Only messages can be sent.",
                ));
            };
            let Some(idx) = existing else {
                return Err(not_found());
            };
            send(&mut m, ctx, deliveries)?;
            let id = self.items[idx].id.clone();
            self.remove_item(&id);
            if matches!(
                req.message_disposition,
                Some(MessageDisposition::SendAndSaveCopy)
            ) {
                let folder = saved.unwrap_or_else(|| self.dist_id("sentitems"));
                self.store(folder, Item::Message(m), ctx);
            }
            return Ok(None);
        }
        let idx = match (existing, target) {
            (Some(idx), _) => {
                self.items[idx].item = item;
                self.items[idx].change_key = self.new_change_key();
                idx
            }
            (None, Target::Occurrence { master, index }) => {
                let folder = self.items[master].folder.clone();
                let master_id = self.items[master].id.clone();
                let idx = self.store(folder, item, ctx);
                self.items[idx].exception_of = Some((master_id, index));
                idx
            }
            (None, Target::Item(_)) => return Err(not_found()),
        };
        self.record_exception(idx);
        Ok(Some(idx))
    }

    /// The stored exception of occurrence `index` of the master `master_id`.
    pub(super) fn exception_index(&self, master_id: &str, index: usize) -> Option<usize> {
        self.items.iter().position(|r| {
            r.exception_of
                .as_ref()
                .is_some_and(|(m, i)| m == master_id && *i == index)
        })
    }

    /// When item `idx` is an exception: its entry in the master's `ModifiedOccurrences`,
    /// and a new change key for the master.
    pub(super) fn record_exception(&mut self, idx: usize) {
        let Some((master_id, _)) = self.items[idx].exception_of.clone() else {
            return;
        };
        let Item::CalendarItem(c) = &self.items[idx].item else {
            return;
        };
        let (Some(start), Some(end), Some(original_start)) =
            (c.schedule.start, c.schedule.end, c.schedule.original_start)
        else {
            return;
        };
        let info = OccurrenceInfo {
            item_id: ItemId::new(self.items[idx].id.clone())
                .with_change_key(self.items[idx].change_key.clone()),
            start,
            end,
            original_start,
        };
        let Some(m) = self.item_index(&master_id) else {
            return;
        };
        if let Item::CalendarItem(master) = &mut self.items[m].item {
            master
                .occurrences
                .modified_occurrences
                .retain(|o| o.original_start != original_start);
            master.occurrences.modified_occurrences.push(info);
            master
                .occurrences
                .modified_occurrences
                .sort_by_key(|o| o.original_start.0);
        }
        self.items[m].change_key = self.new_change_key();
    }

    /// Deletes the exception at `idx`: the occurrence is gone from the master's series.
    pub(super) fn delete_exception(&mut self, idx: usize) {
        let Some((master_id, _)) = self.items[idx].exception_of.clone() else {
            return;
        };
        let original = match &self.items[idx].item {
            Item::CalendarItem(c) => c.schedule.original_start,
            _ => None,
        };
        let id = self.items[idx].id.clone();
        self.remove_item(&id);
        if let (Some(start), Some(m)) = (original, self.item_index(&master_id)) {
            if let Item::CalendarItem(master) = &mut self.items[m].item {
                master
                    .occurrences
                    .modified_occurrences
                    .retain(|o| o.original_start != start);
                master
                    .occurrences
                    .deleted_occurrences
                    .push(DeletedOccurrence { start });
            }
            self.items[m].change_key = self.new_change_key();
        }
    }

    pub(crate) fn mark_all_items_as_read(
        &mut self,
        req: &MarkAllItemsAsRead,
    ) -> MarkAllItemsAsReadResponse {
        let mut messages = Vec::with_capacity(req.folder_ids.len());
        for id in &req.folder_ids {
            let idx = match self.resolve(id) {
                Ok(i) => i,
                Err(e) => {
                    messages.push(e.status());
                    continue;
                }
            };
            let folder = self.folders[idx].id.clone();
            let targets: Vec<usize> = self.items_in(&folder).collect();
            for i in targets {
                if let Some(m) = message_mut(&mut self.items[i].item)
                    && m.is_read != Some(req.read_flag)
                {
                    m.is_read = Some(req.read_flag);
                    self.items[i].change_key = self.new_change_key();
                }
            }
            self.touch(idx);
            messages.push(MessageStatus::success());
        }
        MarkAllItemsAsReadResponse::new(messages)
    }
}
