//! `GetFolder`: folders by id or distinguished name, with the properties a shape asks for.
//!
//! ```
//! use ews_model::operations::{BaseShape, FolderShape, GetFolder};
//! use ews_model::properties::DistinguishedFolderIdName;
//!
//! let request = GetFolder::new(FolderShape::new(BaseShape::Default))
//!     .folder(DistinguishedFolderIdName::Inbox)
//!     .folder(DistinguishedFolderIdName::Calendar);
//! assert_eq!(request.folder_ids.len(), 2);
//! ```
//!
//! Reference: [GetFolder operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getfolder-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::{FolderShape, MessageStatus, Operation, ResponseError, Sealed};
use crate::folders::FolderKind;
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

/// The `GetFolder` request (`m:GetFolderType`).
///
/// See [GetFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getfolder).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "GetFolder")]
#[non_exhaustive]
pub struct GetFolder {
    /// `m:FolderShape`: which properties to return.
    pub folder_shape: FolderShape,
    /// `m:FolderIds`: the folders (at least one).
    #[xml(wrapper = "FolderIds", choice)]
    pub folder_ids: Vec<FolderIdChoice>,
}

impl GetFolder {
    /// A request for no folders yet, returning `shape`.
    pub fn new(shape: FolderShape) -> Self {
        Self {
            folder_shape: shape,
            folder_ids: Vec::new(),
        }
    }
    /// Also get `folder` (a [`FolderId`](crate::properties::FolderId), a
    /// [`DistinguishedFolderId`](crate::properties::DistinguishedFolderId) or its name).
    #[must_use]
    pub fn folder(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.folder_ids.push(folder.into());
        self
    }
    /// Also get every folder of `folders`.
    #[must_use]
    pub fn folders<I: IntoIterator<Item = impl Into<FolderIdChoice>>>(
        mut self,
        folders: I,
    ) -> Self {
        self.folder_ids.extend(folders.into_iter().map(Into::into));
        self
    }
}

impl Sealed for GetFolder {}

impl Operation for GetFolder {
    type Response = GetFolderResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = true;
}

/// A response message carrying folders (`m:FolderInfoResponseMessageType`): the message of
/// `GetFolder`, `CreateFolder`, `UpdateFolder`, `MoveFolder` and `CopyFolder`.
///
/// See [GetFolderResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getfolderresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct FolderInfoResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:Folders`: the folder (one per message in practice).
    #[xml(wrapper = "Folders", choice)]
    pub folders: Vec<FolderKind>,
}

impl FolderInfoResponseMessage {
    /// A successful message with `folder`.
    pub fn success(folder: impl Into<FolderKind>) -> Self {
        Self {
            status: MessageStatus::success(),
            folders: vec![folder.into()],
        }
    }
    /// A failed message.
    pub fn error(status: MessageStatus) -> Self {
        Self {
            status,
            folders: Vec::new(),
        }
    }
    /// The folder, or the message's error. A successful message without a folder is a
    /// [`ResponseError::Incomplete`].
    pub fn into_result(self) -> Result<FolderKind, ResponseError> {
        self.status.check()?;
        self.folders
            .into_iter()
            .next()
            .ok_or(ResponseError::Incomplete { missing: "folder" })
    }
}

/// The `GetFolder` response (`m:GetFolderResponseType`).
///
/// See [GetFolderResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getfolderresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "GetFolderResponse")]
#[non_exhaustive]
pub struct GetFolderResponse {
    /// `m:ResponseMessages`: one message per requested folder, in request order.
    #[xml(wrapper = "ResponseMessages", item = "GetFolderResponseMessage")]
    pub messages: Vec<FolderInfoResponseMessage>,
}

impl GetFolderResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<FolderInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per requested folder, in request order: the folder or its error.
    pub fn into_results(self) -> Vec<Result<FolderKind, ResponseError>> {
        folder_results(self.messages)
    }
}

/// The folder of each message, or its error.
pub(crate) fn folder_results(
    messages: Vec<FolderInfoResponseMessage>,
) -> Vec<Result<FolderKind, ResponseError>> {
    messages
        .into_iter()
        .map(FolderInfoResponseMessage::into_result)
        .collect()
}
