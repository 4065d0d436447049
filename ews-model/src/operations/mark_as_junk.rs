//! `MarkAsJunk`: mark senders as junk (or not) and optionally move their items to (or out of)
//! Junk Email (Exchange 2013 and later).
//!
//! ```
//! use ews_model::operations::MarkAsJunk;
//! use ews_model::properties::ItemId;
//!
//! let request = MarkAsJunk::new(true, true).item(ItemId::new("AAMkAD="));
//! assert!(request.is_junk && request.move_item);
//! ```
//!
//! Reference: [MarkAsJunk operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/markasjunk-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::{MessageStatus, Operation, ResponseError, Sealed};
use crate::properties::{ItemId, ItemIdChoice};
use crate::version::ExchangeVersion;

/// The `MarkAsJunk` request (`m:MarkAsJunkType`).
///
/// See [MarkAsJunk](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/markasjunk).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "MarkAsJunk")]
#[non_exhaustive]
pub struct MarkAsJunk {
    /// `IsJunk`: add the senders to the blocked list (true) or remove them (false).
    #[xml(attr = "IsJunk")]
    pub is_junk: bool,
    /// `MoveItem`: also move the items to Junk Email (or, when not junk, to the Inbox).
    #[xml(attr = "MoveItem")]
    pub move_item: bool,
    /// `m:ItemIds`: the items (at least one).
    #[xml(wrapper = "ItemIds", choice)]
    pub item_ids: Vec<ItemIdChoice>,
}

impl MarkAsJunk {
    /// A request for no items yet: junk or not, moving the items or not.
    pub fn new(is_junk: bool, move_item: bool) -> Self {
        Self {
            is_junk,
            move_item,
            item_ids: Vec::new(),
        }
    }
    /// Also mark `item`.
    #[must_use]
    pub fn item(mut self, item: impl Into<ItemIdChoice>) -> Self {
        self.item_ids.push(item.into());
        self
    }
    /// Also mark every item of `items`.
    #[must_use]
    pub fn items<I: IntoIterator<Item = impl Into<ItemIdChoice>>>(mut self, items: I) -> Self {
        self.item_ids.extend(items.into_iter().map(Into::into));
        self
    }
}

impl Sealed for MarkAsJunk {}

impl Operation for MarkAsJunk {
    type Response = MarkAsJunkResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2013;
    /// The items move: a retry fails on their old ids.
    const IDEMPOTENT: bool = false;
}

/// One `MarkAsJunk` response message (`m:MarkAsJunkResponseMessageType`).
///
/// See [MarkAsJunkResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/markasjunkresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct MarkAsJunkResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:MovedItemId`: the item's id after the move (when it was moved).
    pub moved_item_id: Option<ItemId>,
}

impl MarkAsJunkResponseMessage {
    /// A successful message, with the moved item's new id if it moved.
    pub fn success(moved_item_id: Option<ItemId>) -> Self {
        Self {
            status: MessageStatus::success(),
            moved_item_id,
        }
    }
    /// A failed message.
    pub fn error(status: MessageStatus) -> Self {
        Self {
            status,
            moved_item_id: None,
        }
    }
}

/// The `MarkAsJunk` response (`m:MarkAsJunkResponseType`).
///
/// See [MarkAsJunkResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/markasjunkresponse).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "MarkAsJunkResponse")]
#[non_exhaustive]
pub struct MarkAsJunkResponse {
    /// `m:ResponseMessages`: one message per item, in request order.
    #[xml(wrapper = "ResponseMessages", item = "MarkAsJunkResponseMessage")]
    pub messages: Vec<MarkAsJunkResponseMessage>,
}

impl MarkAsJunkResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<MarkAsJunkResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per item, in request order: the new id of a moved item (`None` when it
    /// did not move), or its error.
    pub fn into_results(self) -> Vec<Result<Option<ItemId>, ResponseError>> {
        self.messages
            .into_iter()
            .map(|m| m.status.check().map(|()| m.moved_item_id))
            .collect()
    }
}
