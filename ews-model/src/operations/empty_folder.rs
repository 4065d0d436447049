//! `EmptyFolder`: delete the items (and optionally the subfolders) of folders.
//!
//! ```
//! use ews_model::operations::{DisposalType, EmptyFolder};
//! use ews_model::properties::DistinguishedFolderIdName;
//!
//! let request = EmptyFolder::new(DisposalType::SoftDelete, true).folder(DistinguishedFolderIdName::DeletedItems);
//! assert!(request.delete_sub_folders);
//! ```
//!
//! Reference: [EmptyFolder operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/emptyfolder-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::delete_folder::DisposalType;
use super::{MessageStatus, Operation, ResponseError, Sealed};
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

/// The `EmptyFolder` request (`m:EmptyFolderType`, Exchange 2010 SP1 and later).
///
/// See [EmptyFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/emptyfolder).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "EmptyFolder")]
#[non_exhaustive]
pub struct EmptyFolder {
    /// `DeleteType`: how to delete the items.
    #[xml(attr = "DeleteType")]
    pub delete_type: DisposalType,
    /// `DeleteSubFolders`: also delete the subfolders.
    #[xml(attr = "DeleteSubFolders")]
    pub delete_sub_folders: bool,
    /// `m:FolderIds`: the folders (at least one).
    #[xml(wrapper = "FolderIds", choice)]
    pub folder_ids: Vec<FolderIdChoice>,
}

impl EmptyFolder {
    /// A request emptying no folders yet, the `delete_type` way, with or without subfolders.
    pub fn new(delete_type: DisposalType, delete_sub_folders: bool) -> Self {
        Self {
            delete_type,
            delete_sub_folders,
            folder_ids: Vec::new(),
        }
    }
    /// Also empty `folder`.
    #[must_use]
    pub fn folder(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.folder_ids.push(folder.into());
        self
    }
}

impl Sealed for EmptyFolder {}

impl Operation for EmptyFolder {
    type Response = EmptyFolderResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2010Sp1;
    const IDEMPOTENT: bool = true;
}

/// The `EmptyFolder` response (`m:EmptyFolderResponseType`).
///
/// See [EmptyFolderResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/emptyfolderresponse).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "EmptyFolderResponse")]
#[non_exhaustive]
pub struct EmptyFolderResponse {
    /// `m:ResponseMessages`: one message per folder, in request order.
    #[xml(wrapper = "ResponseMessages", item = "EmptyFolderResponseMessage")]
    pub messages: Vec<MessageStatus>,
}

impl EmptyFolderResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<MessageStatus>) -> Self {
        Self { messages }
    }
    /// One result per folder, in request order.
    pub fn into_results(self) -> Vec<Result<(), ResponseError>> {
        self.messages.iter().map(MessageStatus::check).collect()
    }
}
