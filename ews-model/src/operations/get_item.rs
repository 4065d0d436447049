//! `GetItem`: items by id, with the properties a shape asks for.
//!
//! ```
//! use ews_model::operations::{BaseShape, GetItem, ItemShape};
//! use ews_model::properties::ItemId;
//!
//! let request = GetItem::new(ItemShape::new(BaseShape::Default))
//!     .item(ItemId::new("AAMkAD1"))
//!     .items([ItemId::new("AAMkAD2"), ItemId::new("AAMkAD3")]);
//! assert_eq!(request.item_ids.len(), 3);
//! ```
//!
//! Reference: [GetItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getitem-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::{ItemShape, MessageStatus, Operation, ResponseError, Sealed};
use crate::items::Item;
use crate::properties::ItemIdChoice;
use crate::version::ExchangeVersion;

/// The `GetItem` request (`m:GetItemType`).
///
/// See [GetItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getitem).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "GetItem")]
#[non_exhaustive]
pub struct GetItem {
    /// `m:ItemShape`: which properties to return.
    pub item_shape: ItemShape,
    /// `m:ItemIds`: the items (at least one).
    #[xml(wrapper = "ItemIds", choice)]
    pub item_ids: Vec<ItemIdChoice>,
}

impl GetItem {
    /// A request for no items yet, returning `shape`.
    pub fn new(shape: ItemShape) -> Self {
        Self {
            item_shape: shape,
            item_ids: Vec::new(),
        }
    }
    /// Also get `item` (an [`ItemId`](crate::properties::ItemId), an occurrence or a
    /// recurring master).
    #[must_use]
    pub fn item(mut self, item: impl Into<ItemIdChoice>) -> Self {
        self.item_ids.push(item.into());
        self
    }
    /// Also get every item of `items`.
    #[must_use]
    pub fn items<I: IntoIterator<Item = impl Into<ItemIdChoice>>>(mut self, items: I) -> Self {
        self.item_ids.extend(items.into_iter().map(Into::into));
        self
    }
}

impl Sealed for GetItem {}

impl Operation for GetItem {
    type Response = GetItemResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = true;
}

/// A response message carrying items (`m:ItemInfoResponseMessageType`): the message of
/// `GetItem`, `CreateItem`, `MoveItem`, `CopyItem` and the other operations that return items
/// one per input.
///
/// `m:Items` is required by the schema, even in an error message (`<m:Items/>`): `items` is
/// `None` only when the server left it out, and [`error`](Self::error) writes it empty.
///
/// See [GetItemResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getitemresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct ItemInfoResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:Items`: the item (one per message in practice; none when creating a message that
    /// was sent without a saved copy).
    #[xml(wrapper = "Items", choice)]
    pub items: Option<Vec<Item>>,
}

impl ItemInfoResponseMessage {
    /// A successful message with `item`.
    pub fn success(item: impl Into<Item>) -> Self {
        Self {
            status: MessageStatus::success(),
            items: Some(vec![item.into()]),
        }
    }
    /// A successful message without items (what a move or copy across mailboxes returns).
    pub fn success_empty() -> Self {
        Self {
            status: MessageStatus::success(),
            items: Some(Vec::new()),
        }
    }
    /// A failed message (with the empty `m:Items` the schema asks for).
    pub fn error(status: MessageStatus) -> Self {
        Self {
            status,
            items: Some(Vec::new()),
        }
    }
    /// The items of the message, or its error.
    pub fn into_items(self) -> Result<Vec<Item>, ResponseError> {
        self.status.check()?;
        Ok(self.items.unwrap_or_default())
    }
    /// The item, or the message's error. A successful message without an item is a
    /// [`ResponseError::Incomplete`].
    pub fn into_result(self) -> Result<Item, ResponseError> {
        self.into_items()?
            .into_iter()
            .next()
            .ok_or(ResponseError::Incomplete { missing: "item" })
    }
}

/// The item of each message, or its error.
pub(crate) fn item_results(
    messages: Vec<ItemInfoResponseMessage>,
) -> Vec<Result<Item, ResponseError>> {
    messages
        .into_iter()
        .map(ItemInfoResponseMessage::into_result)
        .collect()
}

/// The item of each message (`None` when it holds none), or its error: for moves, copies
/// and archiving, where an empty `m:Items` is a success.
pub(crate) fn optional_item_results(
    messages: Vec<ItemInfoResponseMessage>,
) -> Vec<Result<Option<Item>, ResponseError>> {
    messages
        .into_iter()
        .map(|m| Ok(m.into_items()?.into_iter().next()))
        .collect()
}

/// The `GetItem` response (`m:GetItemResponseType`).
///
/// See [GetItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getitemresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "GetItemResponse")]
#[non_exhaustive]
pub struct GetItemResponse {
    /// `m:ResponseMessages`: one message per requested item, in request order.
    #[xml(wrapper = "ResponseMessages", item = "GetItemResponseMessage")]
    pub messages: Vec<ItemInfoResponseMessage>,
}

impl GetItemResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<ItemInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per requested item, in request order: the item or its error.
    pub fn into_results(self) -> Vec<Result<Item, ResponseError>> {
        item_results(self.messages)
    }
}
