//! `MoveItem`: items to another folder.
//!
//! ```
//! use ews_model::operations::MoveItem;
//! use ews_model::properties::{DistinguishedFolderIdName, ItemId};
//!
//! let request = MoveItem::new(DistinguishedFolderIdName::JunkEmail)
//!     .item(ItemId::new("AfwDoAAA="))
//!     .return_new_item_ids(true);
//! assert_eq!(request.item_ids.len(), 1);
//! ```
//!
//! Reference: [MoveItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/moveitem-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_item::{ItemInfoResponseMessage, optional_item_results};
use super::transfer::transfer;
use super::{Operation, ResponseError, Sealed};
use crate::items::Item;
use crate::properties::{FolderIdChoice, ItemIdChoice};
use crate::version::ExchangeVersion;

transfer! {
    items: MoveItem = "MoveItem", MoveItemResponse = "MoveItemResponse", "MoveItemResponseMessage";
    verb: "move", "moving";
    request: "The `MoveItem` request (`m:MoveItemType`).\n\nSee [MoveItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/moveitem).";
    response: "The `MoveItem` response (`m:MoveItemResponseType`): the moved items' new ids.\n\nSee [MoveItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/moveitemresponse).";
    result: "One result per item, in request order: the moved item (its new id; `None` when the server returned none, as across mailboxes or with `ReturnNewItemIds` false) or its error.";
    retry: "A retried move fails (the old id is gone) or moves an item already moved back.";
}
