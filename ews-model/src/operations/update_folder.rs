//! `UpdateFolder`: set, append to or delete properties of folders.
//!
//! Each change names one property by its path and carries a folder holding only that
//! property's new value, as the schema wants.
//!
//! ```
//! use ews_model::folders::Folder;
//! use ews_model::operations::{FieldPath, FolderChange, UpdateFolder};
//! use ews_model::properties::FolderId;
//!
//! let request = UpdateFolder::new().change(
//!     FolderChange::new(FolderId::new("OrV9ZAAA=")).set(
//!         FieldPath::field("folder:DisplayName"),
//!         Folder::new("Updated Custom Folder"),
//!     ),
//! );
//! assert_eq!(request.folder_changes[0].updates.len(), 1);
//! ```
//!
//! Reference: [UpdateFolder operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updatefolder-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_folder::{FolderInfoResponseMessage, folder_results};
use super::{FieldPath, Operation, ResponseError, Sealed};
use crate::folders::FolderKind;
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

/// A new value for one property (`t:SetFolderFieldType` and `t:AppendToFolderFieldType`):
/// the property's path and a folder holding the value.
///
/// See [SetFolderField](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/setfolderfield).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct FolderFieldValue {
    /// `t:Path`: the property.
    #[xml(choice)]
    pub path: FieldPath,
    /// The folder holding the new value.
    #[xml(choice)]
    pub folder: FolderKind,
}

impl FolderFieldValue {
    /// `path` set to its value in `folder`.
    pub fn new(path: FieldPath, folder: impl Into<FolderKind>) -> Self {
        Self {
            path,
            folder: folder.into(),
        }
    }
}

/// A property to delete (`t:DeleteFolderFieldType`).
///
/// See [DeleteFolderField](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deletefolderfield).
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct DeleteFolderField {
    /// `t:Path`: the property.
    #[xml(choice)]
    pub path: FieldPath,
}

/// One change of a folder (`t:NonEmptyArrayOfFolderChangeDescriptionsType`'s choice).
///
/// See [Updates (Folder)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updates-folder).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum FolderChangeDescription {
    /// `t:AppendToFolderField`: add to a list property.
    AppendToFolderField(FolderFieldValue),
    /// `t:SetFolderField`: replace a property.
    SetFolderField(FolderFieldValue),
    /// `t:DeleteFolderField`: remove a property.
    DeleteFolderField(DeleteFolderField),
}

/// The changes of one folder (`t:FolderChangeType`).
///
/// See [FolderChange](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/folderchange).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "FolderChange")]
#[non_exhaustive]
pub struct FolderChange {
    /// `t:FolderId` or `t:DistinguishedFolderId`: the folder.
    #[xml(choice)]
    pub folder_id: FolderIdChoice,
    /// `t:Updates`: the changes (at least one).
    #[xml(wrapper = "Updates", choice)]
    pub updates: Vec<FolderChangeDescription>,
}

impl FolderChange {
    /// No changes yet of `folder`.
    pub fn new(folder: impl Into<FolderIdChoice>) -> Self {
        Self {
            folder_id: folder.into(),
            updates: Vec::new(),
        }
    }
    /// Also set `path` to its value in `folder`.
    #[must_use]
    pub fn set(mut self, path: FieldPath, folder: impl Into<FolderKind>) -> Self {
        let value = FolderFieldValue::new(path, folder);
        self.updates
            .push(FolderChangeDescription::SetFolderField(value));
        self
    }
    /// Also append the value of `path` in `folder` to the list property `path`.
    #[must_use]
    pub fn append(mut self, path: FieldPath, folder: impl Into<FolderKind>) -> Self {
        let value = FolderFieldValue::new(path, folder);
        self.updates
            .push(FolderChangeDescription::AppendToFolderField(value));
        self
    }
    /// Also delete the property `path`.
    #[must_use]
    pub fn delete(mut self, path: FieldPath) -> Self {
        self.updates
            .push(FolderChangeDescription::DeleteFolderField(
                DeleteFolderField { path },
            ));
        self
    }
}

/// The `UpdateFolder` request (`m:UpdateFolderType`).
///
/// See [UpdateFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updatefolder).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "UpdateFolder")]
#[non_exhaustive]
pub struct UpdateFolder {
    /// `m:FolderChanges`: one entry per folder (at least one).
    #[xml(wrapper = "FolderChanges", item = "FolderChange", item_ns = "t")]
    pub folder_changes: Vec<FolderChange>,
}

impl UpdateFolder {
    /// A request with no changes yet.
    pub fn new() -> Self {
        Self::default()
    }
    /// Also apply `change`.
    #[must_use]
    pub fn change(mut self, change: FolderChange) -> Self {
        self.folder_changes.push(change);
        self
    }
}

impl Sealed for UpdateFolder {}

impl Operation for UpdateFolder {
    type Response = UpdateFolderResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = false;
}

/// The `UpdateFolder` response (`m:UpdateFolderResponseType`): the updated folders' ids.
///
/// See [UpdateFolderResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updatefolderresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "UpdateFolderResponse")]
#[non_exhaustive]
pub struct UpdateFolderResponse {
    /// `m:ResponseMessages`: one message per folder change, in request order.
    #[xml(wrapper = "ResponseMessages", item = "UpdateFolderResponseMessage")]
    pub messages: Vec<FolderInfoResponseMessage>,
}

impl UpdateFolderResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<FolderInfoResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per folder change, in request order: the folder (its new change key) or
    /// its error.
    pub fn into_results(self) -> Vec<Result<FolderKind, ResponseError>> {
        folder_results(self.messages)
    }
}
