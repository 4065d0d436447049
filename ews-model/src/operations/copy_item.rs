//! `CopyItem`: copies of items in another folder.
//!
//! ```
//! use ews_model::operations::CopyItem;
//! use ews_model::properties::{DistinguishedFolderIdName, ItemId};
//!
//! let request = CopyItem::new(DistinguishedFolderIdName::Drafts)
//!     .item(ItemId::new("AfwDoAAA="))
//!     .return_new_item_ids(true);
//! assert_eq!(request.item_ids.len(), 1);
//! ```
//!
//! Reference: [CopyItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyitem-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_item::{ItemInfoResponseMessage, optional_item_results};
use super::transfer::transfer;
use super::{Operation, ResponseError, Sealed};
use crate::items::Item;
use crate::properties::{FolderIdChoice, ItemIdChoice};
use crate::version::ExchangeVersion;

transfer! {
    items: CopyItem = "CopyItem", CopyItemResponse = "CopyItemResponse", "CopyItemResponseMessage";
    verb: "copy", "copying";
    request: "The `CopyItem` request (`m:CopyItemType`).\n\nSee [CopyItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyitem).";
    response: "The `CopyItem` response (`m:CopyItemResponseType`): the copies' ids.\n\nSee [CopyItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyitemresponse).";
    result: "One result per item, in request order: the copy (its id; `None` when the server returned none, as across mailboxes or with `ReturnNewItemIds` false) or its error.";
    retry: "A retried copy makes a second copy.";
}
