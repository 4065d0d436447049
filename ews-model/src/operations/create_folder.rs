//! `CreateFolder`: new folders under a parent.
//!
//! ```
//! use ews_model::folders::{CalendarFolder, Folder};
//! use ews_model::operations::CreateFolder;
//! use ews_model::properties::DistinguishedFolderIdName;
//!
//! let request = CreateFolder::new(DistinguishedFolderIdName::Inbox)
//!     .folder(Folder::new("Receipts").with_class("IPF.Note"))
//!     .folder(CalendarFolder::new("Team"));
//! assert_eq!(request.folders.len(), 2);
//! ```
//!
//! Reference: [CreateFolder operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createfolder-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_folder::{FolderInfoResponseMessage, folder_results};
use super::{Operation, ResponseError, Sealed};
use crate::folders::FolderKind;
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

/// The `CreateFolder` request (`m:CreateFolderType`).
///
/// See [CreateFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createfolder).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "CreateFolder")]
#[non_exhaustive]
pub struct CreateFolder {
    /// `m:ParentFolderId`: where to create the folders.
    #[xml(wrapper = "ParentFolderId", choice)]
    pub parent_folder_id: FolderIdChoice,
    /// `m:Folders`: the new folders (at least one).
    #[xml(wrapper = "Folders", choice)]
    pub folders: Vec<FolderKind>,
}

impl CreateFolder {
    /// A request creating no folders yet under `parent`.
    pub fn new(parent: impl Into<FolderIdChoice>) -> Self {
        Self {
            parent_folder_id: parent.into(),
            folders: Vec::new(),
        }
    }
    /// Also create `folder`.
    #[must_use]
    pub fn folder(mut self, folder: impl Into<FolderKind>) -> Self {
        self.folders.push(folder.into());
        self
    }
}

impl Sealed for CreateFolder {}

impl Operation for CreateFolder {
    type Response = CreateFolderResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = false;
}

/// The `CreateFolder` response (`m:CreateFolderResponseType`): the new folders' ids.
///
/// See [CreateFolderResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createfolderresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "CreateFolderResponse")]
#[non_exhaustive]
pub struct CreateFolderResponse {
    /// `m:ResponseMessages`: one message per new folder, in request order.
    #[xml(wrapper = "ResponseMessages", item = "CreateFolderResponseMessage")]
    pub messages: Vec<FolderInfoResponseMessage>,
}

impl CreateFolderResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<FolderInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per new folder, in request order: the folder (with its id) or its error.
    pub fn into_results(self) -> Vec<Result<FolderKind, ResponseError>> {
        folder_results(self.messages)
    }
}
