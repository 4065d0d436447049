//! `MoveFolder`: folders to another parent.
//!
//! ```
//! use ews_model::operations::MoveFolder;
//! use ews_model::properties::{DistinguishedFolderIdName, FolderId};
//!
//! let request = MoveFolder::new(DistinguishedFolderIdName::DeletedItems).folder(FolderId::new("AScAc"));
//! assert_eq!(request.folder_ids.len(), 1);
//! ```
//!
//! Reference: [MoveFolder operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/movefolder-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_folder::{FolderInfoResponseMessage, folder_results};
use super::{Operation, ResponseError, Sealed};
use crate::folders::FolderKind;
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

/// The `MoveFolder` request (`m:MoveFolderType`).
///
/// See [MoveFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/movefolder).
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "MoveFolder")]
#[non_exhaustive]
pub struct MoveFolder {
    /// `m:ToFolderId`: the new parent.
    #[xml(wrapper = "ToFolderId", choice)]
    pub to_folder_id: FolderIdChoice,
    /// `m:FolderIds`: the folders to move (at least one).
    #[xml(wrapper = "FolderIds", choice)]
    pub folder_ids: Vec<FolderIdChoice>,
}

impl MoveFolder {
    /// A request moving no folders yet into `to`.
    pub fn new(to: impl Into<FolderIdChoice>) -> Self {
        Self {
            to_folder_id: to.into(),
            folder_ids: Vec::new(),
        }
    }
    /// Also move `folder`.
    #[must_use]
    pub fn folder(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.folder_ids.push(folder.into());
        self
    }
}

impl Sealed for MoveFolder {}

impl Operation for MoveFolder {
    type Response = MoveFolderResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = false;
}

/// The `MoveFolder` response (`m:MoveFolderResponseType`): the moved folders' ids.
///
/// See [MoveFolderResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/movefolderresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "MoveFolderResponse")]
#[non_exhaustive]
pub struct MoveFolderResponse {
    /// `m:ResponseMessages`: one message per folder, in request order.
    #[xml(wrapper = "ResponseMessages", item = "MoveFolderResponseMessage")]
    pub messages: Vec<FolderInfoResponseMessage>,
}

impl MoveFolderResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<FolderInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per folder, in request order: the moved folder (its id) or its error.
    pub fn into_results(self) -> Vec<Result<FolderKind, ResponseError>> {
        folder_results(self.messages)
    }
}
