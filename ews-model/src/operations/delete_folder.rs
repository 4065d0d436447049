//! `DeleteFolder`: delete folders, permanently, recoverably, or to Deleted Items.
//!
//! ```
//! use ews_model::operations::{DeleteFolder, DisposalType};
//! use ews_model::properties::FolderId;
//!
//! let request = DeleteFolder::new(DisposalType::MoveToDeletedItems).folder(FolderId::new("AS4AUnVz="));
//! assert_eq!(request.folder_ids.len(), 1);
//! ```
//!
//! Reference: [DeleteFolder operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deletefolder-operation).

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use super::{MessageStatus, Operation, ResponseError, Sealed};
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

/// How to delete (`t:DisposalType`), in `DeleteFolder`, `EmptyFolder` and `DeleteItem`.
///
/// See [DeleteFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deletefolder).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum DisposalType {
    /// Delete permanently.
    #[default]
    HardDelete,
    /// Move to the dumpster (Recoverable Items), where the user can recover it.
    SoftDelete,
    /// Move to the Deleted Items folder.
    MoveToDeletedItems,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

#[cfg(feature = "serde")]
impl serde::Serialize for DisposalType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_xml_value())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DisposalType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Self::from_xml_value(&s).map_err(|e| serde::de::Error::custom(e.expected))
    }
}

/// The `DeleteFolder` request (`m:DeleteFolderType`).
///
/// See [DeleteFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deletefolder).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "DeleteFolder")]
#[non_exhaustive]
pub struct DeleteFolder {
    /// `DeleteType`: how to delete.
    #[xml(attr = "DeleteType")]
    pub delete_type: DisposalType,
    /// `m:FolderIds`: the folders (at least one).
    #[xml(wrapper = "FolderIds", choice)]
    pub folder_ids: Vec<FolderIdChoice>,
}

impl DeleteFolder {
    /// A request deleting no folders yet, the `delete_type` way.
    pub fn new(delete_type: DisposalType) -> Self {
        Self {
            delete_type,
            folder_ids: Vec::new(),
        }
    }
    /// Also delete `folder`.
    #[must_use]
    pub fn folder(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.folder_ids.push(folder.into());
        self
    }
}

impl Sealed for DeleteFolder {}

impl Operation for DeleteFolder {
    type Response = DeleteFolderResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = true;
}

/// The `DeleteFolder` response (`m:DeleteFolderResponseType`).
///
/// See [DeleteFolderResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deletefolderresponse).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "DeleteFolderResponse")]
#[non_exhaustive]
pub struct DeleteFolderResponse {
    /// `m:ResponseMessages`: one message per folder, in request order.
    #[xml(wrapper = "ResponseMessages", item = "DeleteFolderResponseMessage")]
    pub messages: Vec<MessageStatus>,
}

impl DeleteFolderResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<MessageStatus>) -> Self {
        Self { messages }
    }
    /// One result per folder, in request order.
    pub fn into_results(self) -> Vec<Result<(), ResponseError>> {
        self.messages.iter().map(MessageStatus::check).collect()
    }
}
