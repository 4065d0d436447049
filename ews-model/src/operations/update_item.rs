//! `UpdateItem`: set, append to or delete properties of items.
//!
//! Each change names one property by its path and carries an item holding only that
//! property's new value, as the schema wants; for an indexed property (a phone number, an
//! address part) the path names one entry and the item carries only that entry.
//!
//! ```
//! use ews_model::items::{ItemBase, Message};
//! use ews_model::operations::{ConflictResolution, ItemChange, UpdateItem};
//! use ews_model::properties::ItemId;
//!
//! let renamed = Message::new().subject("Renamed");
//! let request = UpdateItem::new(ConflictResolution::AutoResolve).change(
//!     ItemChange::new(ItemId::new("AAMkAD1").with_change_key("CQAAAB"))
//!         .set(ItemBase::SUBJECT, renamed)
//!         .delete(ItemBase::CATEGORIES),
//! );
//! assert_eq!(request.item_changes[0].updates.len(), 2);
//! ```
//!
//! Reference: [UpdateItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updateitem-operation).

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use super::get_item::ItemInfoResponseMessage;
use super::{FieldPath, MessageDisposition, Operation, ResponseError, Sealed};
use crate::fields::Field;
use crate::items::Item;
use crate::properties::{FolderIdChoice, ItemIdChoice};
use crate::version::ExchangeVersion;

/// `t:ConflictResolutionType`: what to do when the item changed since its change key.
///
/// See [UpdateItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updateitem).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ConflictResolution {
    /// Fail on a conflict (`ErrorIrresolvableConflict`).
    NeverOverwrite,
    /// Apply the changes when they do not touch what changed meanwhile.
    #[default]
    AutoResolve,
    /// Apply the changes whatever changed meanwhile.
    AlwaysOverwrite,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:CalendarItemUpdateOperationType`: whether updating a meeting sends updates (or
/// cancellations) to its attendees.
///
/// See [UpdateItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updateitem).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum SendMeetingUpdates {
    /// Send nothing.
    SendToNone,
    /// Send to every attendee, keep no copy.
    SendOnlyToAll,
    /// Send only to the attendees that were added or changed, keep no copy.
    SendOnlyToChanged,
    /// Send to every attendee and keep a copy in Sent Items.
    SendToAllAndSaveCopy,
    /// Send to the changed attendees and keep a copy in Sent Items.
    SendToChangedAndSaveCopy,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// A new value for one property (`t:SetItemFieldType` and `t:AppendToItemFieldType`): the
/// property's path and an item holding only the value.
///
/// See [SetItemField](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/setitemfield).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct ItemFieldValue {
    /// `t:Path`: the property.
    #[xml(choice)]
    pub path: FieldPath,
    /// The item holding the new value.
    #[xml(choice)]
    pub item: Item,
}

impl ItemFieldValue {
    /// `path` set to its value in `item`.
    pub fn new(path: FieldPath, item: impl Into<Item>) -> Self {
        Self {
            path,
            item: item.into(),
        }
    }
}

/// A property to delete (`t:DeleteItemFieldType`).
///
/// See [DeleteItemField](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteitemfield).
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct DeleteItemField {
    /// `t:Path`: the property.
    #[xml(choice)]
    pub path: FieldPath,
}

/// One change of an item (`t:NonEmptyArrayOfItemChangeDescriptionsType`'s choice).
///
/// See [Updates (Item)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updates-item).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum ItemChangeDescription {
    /// `t:AppendToItemField`: add to a list property (recipients, body text).
    AppendToItemField(ItemFieldValue),
    /// `t:SetItemField`: replace a property.
    SetItemField(ItemFieldValue),
    /// `t:DeleteItemField`: remove a property.
    DeleteItemField(DeleteItemField),
}

impl ItemChangeDescription {
    /// The path of the changed property.
    pub fn path(&self) -> &FieldPath {
        match self {
            Self::AppendToItemField(v) | Self::SetItemField(v) => &v.path,
            Self::DeleteItemField(d) => &d.path,
        }
    }
}

/// `t:CalendarActivityDataType`: client telemetry some Outlook clients attach to a change.
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CalendarActivityData {
    /// `t:ActivityAction`.
    pub activity_action: String,
    /// `t:ClientId`.
    pub client_id: String,
    /// `t:CasRequestId`: a GUID.
    pub cas_request_id: String,
    /// `t:IndexSelected`.
    pub index_selected: i32,
}

/// The changes of one item (`t:ItemChangeType`).
///
/// The typed helpers take a field handle (`Message::IS_READ`) and the item holding the
/// value. An indexed field (`Contact::PHONE_NUMBERS`) has one path per entry:
/// [`set_entry`](Self::set_entry) and [`append_entry`](Self::append_entry) change one entry
/// (the item must carry only that entry), [`delete`](Self::delete) deletes every entry and
/// [`delete_entry`](Self::delete_entry) one.
///
/// See [ItemChange](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/itemchange).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "ItemChange")]
#[non_exhaustive]
pub struct ItemChange {
    /// `t:ItemId`, `t:OccurrenceItemId` or `t:RecurringMasterItemId`: the item.
    #[xml(choice)]
    pub item_id: ItemIdChoice,
    /// `t:Updates`: the changes (at least one).
    #[xml(wrapper = "Updates", choice)]
    pub updates: Vec<ItemChangeDescription>,
    /// `t:CalendarActivityData`.
    pub calendar_activity_data: Option<CalendarActivityData>,
}

impl ItemChange {
    /// No changes yet of `item`.
    pub fn new(item: impl Into<ItemIdChoice>) -> Self {
        Self {
            item_id: item.into(),
            updates: Vec::new(),
            calendar_activity_data: None,
        }
    }
    /// Also set `path` to its value in `item`.
    #[must_use]
    pub fn set_field(mut self, path: FieldPath, item: impl Into<Item>) -> Self {
        let value = ItemFieldValue::new(path, item);
        self.updates
            .push(ItemChangeDescription::SetItemField(value));
        self
    }
    /// Also append the value of `path` in `item` to the property `path`.
    #[must_use]
    pub fn append_field(mut self, path: FieldPath, item: impl Into<Item>) -> Self {
        let value = ItemFieldValue::new(path, item);
        self.updates
            .push(ItemChangeDescription::AppendToItemField(value));
        self
    }
    /// Also delete the property `path`.
    #[must_use]
    pub fn delete_field(mut self, path: FieldPath) -> Self {
        self.updates
            .push(ItemChangeDescription::DeleteItemField(DeleteItemField {
                path,
            }));
        self
    }
    /// Also set `field` to its value in `item`. For an indexed field this sets every entry
    /// (one change per entry, each with the whole `item`): prefer
    /// [`set_entry`](Self::set_entry).
    #[must_use]
    pub fn set<T>(self, field: Field<T>, item: impl Into<Item>) -> Self {
        let item = item.into();
        FieldPath::for_field(field.def())
            .into_iter()
            .fold(self, |change, path| change.set_field(path, item.clone()))
    }
    /// Also append the value of `field` in `item` (recipients, categories, body text). For an
    /// indexed field, prefer [`append_entry`](Self::append_entry).
    #[must_use]
    pub fn append<T>(self, field: Field<T>, item: impl Into<Item>) -> Self {
        let item = item.into();
        FieldPath::for_field(field.def())
            .into_iter()
            .fold(self, |change, path| change.append_field(path, item.clone()))
    }
    /// Also delete `field` (every entry of an indexed field).
    #[must_use]
    pub fn delete<T>(self, field: Field<T>) -> Self {
        FieldPath::for_field(field.def())
            .into_iter()
            .fold(self, Self::delete_field)
    }
    /// Also set the entry `label` (`BusinessPhone`) of the indexed `field`; `item` carries
    /// only that entry.
    #[must_use]
    pub fn set_entry<T>(self, field: Field<T>, label: &str, item: impl Into<Item>) -> Self {
        self.set_field(FieldPath::indexed(field.def().uri.uri(), label), item)
    }
    /// Also append the entry `label` of the indexed `field`; `item` carries only that entry.
    #[must_use]
    pub fn append_entry<T>(self, field: Field<T>, label: &str, item: impl Into<Item>) -> Self {
        self.append_field(FieldPath::indexed(field.def().uri.uri(), label), item)
    }
    /// Also delete the entry `label` of the indexed `field`.
    #[must_use]
    pub fn delete_entry<T>(self, field: Field<T>, label: &str) -> Self {
        self.delete_field(FieldPath::indexed(field.def().uri.uri(), label))
    }
}

/// The `UpdateItem` request (`m:UpdateItemType`).
///
/// See [UpdateItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updateitem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "UpdateItem")]
#[non_exhaustive]
pub struct UpdateItem {
    /// `ConflictResolution`.
    #[xml(attr)]
    pub conflict_resolution: ConflictResolution,
    /// `MessageDisposition`: required by Exchange when updating a message.
    #[xml(attr)]
    pub message_disposition: Option<MessageDisposition>,
    /// `SendMeetingInvitationsOrCancellations`: required by Exchange when updating a
    /// calendar item.
    #[xml(attr)]
    pub send_meeting_invitations_or_cancellations: Option<SendMeetingUpdates>,
    /// `SuppressReadReceipts` (Exchange 2013 and later).
    #[xml(attr)]
    pub suppress_read_receipts: Option<bool>,
    /// `m:SavedItemFolderId`: where a message sent by the update goes.
    #[xml(wrapper = "SavedItemFolderId", choice)]
    pub saved_item_folder_id: Option<FolderIdChoice>,
    /// `m:ItemChanges`: one entry per item (at least one).
    #[xml(wrapper = "ItemChanges", item = "ItemChange", item_ns = "t")]
    pub item_changes: Vec<ItemChange>,
}

impl UpdateItem {
    /// A request with no changes yet.
    pub fn new(conflict_resolution: ConflictResolution) -> Self {
        Self {
            conflict_resolution,
            ..Self::default()
        }
    }
    /// Also apply `change`.
    #[must_use]
    pub fn change(mut self, change: ItemChange) -> Self {
        self.item_changes.push(change);
        self
    }
    /// Save, send or both (messages).
    #[must_use]
    pub fn disposition(mut self, disposition: MessageDisposition) -> Self {
        self.message_disposition = Some(disposition);
        self
    }
    /// Who gets meeting updates (calendar items).
    #[must_use]
    pub fn meeting_updates(mut self, send: SendMeetingUpdates) -> Self {
        self.send_meeting_invitations_or_cancellations = Some(send);
        self
    }
    /// Save a message sent by the update in `folder`.
    #[must_use]
    pub fn save_to(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.saved_item_folder_id = Some(folder.into());
        self
    }
}

impl Sealed for UpdateItem {}

impl Operation for UpdateItem {
    type Response = UpdateItemResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    /// An append applied twice appends twice, and a send sends twice.
    const IDEMPOTENT: bool = false;
}

/// `t:ConflictResultsType`: how many conflicts the update met.
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ConflictResults {
    /// `t:Count`.
    pub count: i32,
}

impl ConflictResults {
    /// `count` conflicts.
    pub fn new(count: i32) -> Self {
        Self { count }
    }
}

/// The `UpdateItem` response message (`m:UpdateItemResponseMessageType`): the updated item
/// (its new change key) and the conflicts met.
///
/// See [UpdateItemResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updateitemresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct UpdateItemResponseMessage {
    /// Class, code, error details and the item.
    #[xml(flatten)]
    pub message: ItemInfoResponseMessage,
    /// `m:ConflictResults`.
    pub conflict_results: Option<ConflictResults>,
}

/// The result of one item change: the item (usually only its id and new change key) and the
/// number of conflicts met.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct UpdatedItem {
    /// The item; `None` when the update sent it without keeping it.
    pub item: Option<Item>,
    /// `ConflictResults/Count` (0 when absent).
    pub conflicts: i32,
}

impl UpdateItemResponseMessage {
    /// A message with `message`'s status and item, and `conflicts` conflicts when `Some`.
    pub fn new(message: ItemInfoResponseMessage, conflicts: Option<i32>) -> Self {
        Self {
            message,
            conflict_results: conflicts.map(ConflictResults::new),
        }
    }
    /// The updated item, or the message's error.
    pub fn into_result(self) -> Result<UpdatedItem, ResponseError> {
        let conflicts = self.conflict_results.map_or(0, |c| c.count);
        let item = self.message.into_items()?.into_iter().next();
        Ok(UpdatedItem { item, conflicts })
    }
}

/// The `UpdateItem` response (`m:UpdateItemResponseType`).
///
/// See [UpdateItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updateitemresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "UpdateItemResponse")]
#[non_exhaustive]
pub struct UpdateItemResponse {
    /// `m:ResponseMessages`: one message per item change, in request order.
    #[xml(wrapper = "ResponseMessages", item = "UpdateItemResponseMessage")]
    pub messages: Vec<UpdateItemResponseMessage>,
}

impl UpdateItemResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<UpdateItemResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per item change, in request order.
    pub fn into_results(self) -> Vec<Result<UpdatedItem, ResponseError>> {
        self.messages
            .into_iter()
            .map(UpdateItemResponseMessage::into_result)
            .collect()
    }
}
