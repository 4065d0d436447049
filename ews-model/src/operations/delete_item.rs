//! `DeleteItem`: delete items, permanently, recoverably, or to Deleted Items.
//!
//! ```
//! use ews_model::operations::{CalendarItemCreateOrDeleteOperation, DeleteItem, DisposalType};
//! use ews_model::properties::ItemId;
//!
//! let request = DeleteItem::new(DisposalType::MoveToDeletedItems)
//!     .item(ItemId::new("AAMkA").with_change_key("DwAAA"))
//!     .send_meeting_cancellations(CalendarItemCreateOrDeleteOperation::SendToAllAndSaveCopy);
//! assert_eq!(request.item_ids.len(), 1);
//! ```
//!
//! Reference: [DeleteItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteitem-operation).

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use super::{DisposalType, MessageStatus, Operation, ResponseError, Sealed};
use crate::properties::ItemIdChoice;
use crate::version::ExchangeVersion;

/// Whom to notify when a meeting is created or deleted
/// (`t:CalendarItemCreateOrDeleteOperationType`): `SendMeetingCancellations` of `DeleteItem`,
/// `SendMeetingInvitations` of `CreateItem`.
///
/// See [DeleteItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteitem).
pub type CalendarItemCreateOrDeleteOperation = super::SendMeetingInvitations;

/// Which occurrences of a recurring task to delete (`t:AffectedTaskOccurrencesType`).
///
/// See [DeleteItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteitem).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum AffectedTaskOccurrences {
    /// The whole series.
    AllOccurrences,
    /// Only the occurrence named by the id.
    SpecifiedOccurrenceOnly,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// The `DeleteItem` request (`m:DeleteItemType`).
///
/// See [DeleteItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteitem).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "DeleteItem")]
#[non_exhaustive]
pub struct DeleteItem {
    /// `DeleteType`: how to delete.
    #[xml(attr = "DeleteType")]
    pub delete_type: DisposalType,
    /// `SendMeetingCancellations`: whom to notify when a meeting is deleted (required for
    /// calendar items).
    #[xml(attr = "SendMeetingCancellations")]
    pub send_meeting_cancellations: Option<CalendarItemCreateOrDeleteOperation>,
    /// `AffectedTaskOccurrences`: which occurrences of a task (required for tasks).
    #[xml(attr = "AffectedTaskOccurrences")]
    pub affected_task_occurrences: Option<AffectedTaskOccurrences>,
    /// `SuppressReadReceipts`: send no read receipts (Exchange 2013 and later).
    #[xml(attr = "SuppressReadReceipts")]
    pub suppress_read_receipts: Option<bool>,
    /// `m:ItemIds`: the items (at least one).
    #[xml(wrapper = "ItemIds", choice)]
    pub item_ids: Vec<ItemIdChoice>,
}

impl DeleteItem {
    /// A request deleting no items yet, the `delete_type` way.
    pub fn new(delete_type: DisposalType) -> Self {
        Self {
            delete_type,
            ..Self::default()
        }
    }
    /// Also delete `item`.
    #[must_use]
    pub fn item(mut self, item: impl Into<ItemIdChoice>) -> Self {
        self.item_ids.push(item.into());
        self
    }
    /// Also delete every item of `items`.
    #[must_use]
    pub fn items<I: IntoIterator<Item = impl Into<ItemIdChoice>>>(mut self, items: I) -> Self {
        self.item_ids.extend(items.into_iter().map(Into::into));
        self
    }
    /// Whom to notify when a meeting is deleted.
    #[must_use]
    pub fn send_meeting_cancellations(mut self, mode: CalendarItemCreateOrDeleteOperation) -> Self {
        self.send_meeting_cancellations = Some(mode);
        self
    }
    /// Which occurrences of a recurring task to delete.
    #[must_use]
    pub fn affected_task_occurrences(mut self, which: AffectedTaskOccurrences) -> Self {
        self.affected_task_occurrences = Some(which);
        self
    }
    /// Send no read receipts for unread deleted messages.
    #[must_use]
    pub fn suppress_read_receipts(mut self) -> Self {
        self.suppress_read_receipts = Some(true);
        self
    }
}

impl Sealed for DeleteItem {}

impl Operation for DeleteItem {
    type Response = DeleteItemResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = true;
}

/// The `DeleteItem` response (`m:DeleteItemResponseType`).
///
/// See [DeleteItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteitemresponse).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "DeleteItemResponse")]
#[non_exhaustive]
pub struct DeleteItemResponse {
    /// `m:ResponseMessages`: one message per item, in request order.
    #[xml(wrapper = "ResponseMessages", item = "DeleteItemResponseMessage")]
    pub messages: Vec<MessageStatus>,
}

impl DeleteItemResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<MessageStatus>) -> Self {
        Self { messages }
    }
    /// One result per item, in request order.
    pub fn into_results(self) -> Vec<Result<(), ResponseError>> {
        self.messages.iter().map(MessageStatus::check).collect()
    }
}
