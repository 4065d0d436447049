//! The response message shared by the item operations that return items
//! (`m:ItemInfoResponseMessageType`): `MoveItem`, `CopyItem`, `ArchiveItem` (and `GetItem`,
//! `CreateItem`).

use ews_xml::{XmlRead, XmlWrite};

use super::{MessageStatus, ResponseError};
use crate::items::Item;

/// A response message carrying items (`m:ItemInfoResponseMessageType`).
///
/// `m:Items` is required by the schema even when empty (a move across mailboxes, or an
/// error), so it is an `Option<Vec<_>>`: `Some(vec![])` writes `<m:Items/>`.
///
/// See [MoveItemResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/moveitemresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct ItemInfoResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:Items`: the item (one per message in practice; none when the server returns no id).
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
    /// A failed message (with an empty `m:Items`, as servers send it).
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
    /// The item, or the message's error. A successful message without an item is an error
    /// with the code `ErrorInternalServerError`.
    pub fn into_result(self) -> Result<Item, ResponseError> {
        self.into_items()?
            .into_iter()
            .next()
            .ok_or_else(|| ResponseError::missing("item"))
    }
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
