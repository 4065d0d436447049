//! `MarkAllItemsAsRead`: mark every item of some folders read or unread.
//!
//! ```
//! use ews_model::operations::MarkAllItemsAsRead;
//! use ews_model::properties::DistinguishedFolderIdName;
//!
//! let request = MarkAllItemsAsRead::new(true, [DistinguishedFolderIdName::Inbox]);
//! assert!(request.read_flag && !request.suppress_read_receipts);
//! ```
//!
//! Reference: [MarkAllItemsAsRead operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/markallitemsasread-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::{MessageStatus, Operation, ResponseError, Sealed};
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

/// The `MarkAllItemsAsRead` request (`m:MarkAllItemsAsReadType`, Exchange 2013 and later).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "MarkAllItemsAsRead")]
#[non_exhaustive]
pub struct MarkAllItemsAsRead {
    /// `true` to mark read, `false` to mark unread.
    pub read_flag: bool,
    /// Do not send read receipts.
    pub suppress_read_receipts: bool,
    /// `m:FolderIds`: the folders.
    #[xml(wrapper = "FolderIds", choice)]
    pub folder_ids: Vec<FolderIdChoice>,
}

impl MarkAllItemsAsRead {
    /// Mark every item of `folders` read (`read = true`) or unread.
    pub fn new<I: IntoIterator<Item = impl Into<FolderIdChoice>>>(read: bool, folders: I) -> Self {
        Self {
            read_flag: read,
            suppress_read_receipts: false,
            folder_ids: folders.into_iter().map(Into::into).collect(),
        }
    }
    /// Do not send read receipts.
    #[must_use]
    pub fn suppress_read_receipts(mut self) -> Self {
        self.suppress_read_receipts = true;
        self
    }
}

impl Sealed for MarkAllItemsAsRead {}

impl Operation for MarkAllItemsAsRead {
    type Response = MarkAllItemsAsReadResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2013;
    const IDEMPOTENT: bool = true;
}

/// The `MarkAllItemsAsRead` response: one status per folder, in request order.
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "MarkAllItemsAsReadResponse")]
#[non_exhaustive]
pub struct MarkAllItemsAsReadResponse {
    /// `m:ResponseMessages`.
    #[xml(
        wrapper = "ResponseMessages",
        item = "MarkAllItemsAsReadResponseMessage"
    )]
    pub messages: Vec<MessageStatus>,
}

impl MarkAllItemsAsReadResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<MessageStatus>) -> Self {
        Self { messages }
    }
    /// One result per folder, in request order.
    pub fn into_results(self) -> Vec<Result<(), ResponseError>> {
        self.messages.iter().map(MessageStatus::check).collect()
    }
}
