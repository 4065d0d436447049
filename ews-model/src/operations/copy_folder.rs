//! `CopyFolder`: copies of folders under another parent.
//!
//! ```
//! use ews_model::operations::CopyFolder;
//! use ews_model::properties::{DistinguishedFolderIdName, FolderId};
//!
//! let request = CopyFolder::new(DistinguishedFolderIdName::Inbox).folder(FolderId::new("AScAc"));
//! assert_eq!(request.folder_ids.len(), 1);
//! ```
//!
//! Reference: [CopyFolder operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyfolder-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_folder::{FolderInfoResponseMessage, folder_results};
use super::{Operation, ResponseError, Sealed};
use crate::folders::FolderKind;
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

/// The `CopyFolder` request (`m:CopyFolderType`).
///
/// See [CopyFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyfolder).
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "CopyFolder")]
#[non_exhaustive]
pub struct CopyFolder {
    /// `m:ToFolderId`: the parent of the copies.
    #[xml(wrapper = "ToFolderId", choice)]
    pub to_folder_id: FolderIdChoice,
    /// `m:FolderIds`: the folders to copy (at least one).
    #[xml(wrapper = "FolderIds", choice)]
    pub folder_ids: Vec<FolderIdChoice>,
}

impl CopyFolder {
    /// A request copying no folders yet into `to`.
    pub fn new(to: impl Into<FolderIdChoice>) -> Self {
        Self {
            to_folder_id: to.into(),
            folder_ids: Vec::new(),
        }
    }
    /// Also copy `folder`.
    #[must_use]
    pub fn folder(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.folder_ids.push(folder.into());
        self
    }
}

impl Sealed for CopyFolder {}

impl Operation for CopyFolder {
    type Response = CopyFolderResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = false;
}

/// The `CopyFolder` response (`m:CopyFolderResponseType`): the copies' ids.
///
/// See [CopyFolderResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyfolderresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "CopyFolderResponse")]
#[non_exhaustive]
pub struct CopyFolderResponse {
    /// `m:ResponseMessages`: one message per folder, in request order.
    #[xml(wrapper = "ResponseMessages", item = "CopyFolderResponseMessage")]
    pub messages: Vec<FolderInfoResponseMessage>,
}

impl CopyFolderResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<FolderInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per folder, in request order: the copy (its id) or its error.
    pub fn into_results(self) -> Vec<Result<FolderKind, ResponseError>> {
        folder_results(self.messages)
    }
}
