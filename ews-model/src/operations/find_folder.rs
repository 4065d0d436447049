//! `FindFolder`: the subfolders of folders, with paging and a restriction.
//!
//! ```
//! use ews_model::operations::{BaseShape, FindFolder, FolderShape};
//! use ews_model::properties::DistinguishedFolderIdName;
//! use ews_model::view::{FolderTraversal, IndexedPageView};
//!
//! let request = FindFolder::new(FolderShape::new(BaseShape::Default))
//!     .traversal(FolderTraversal::Deep)
//!     .folder(DistinguishedFolderIdName::MsgFolderRoot)
//!     .view(IndexedPageView::new(0, 100));
//! assert_eq!(request.parent_folder_ids.len(), 1);
//! ```
//!
//! Reference: [FindFolder operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/findfolder-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::{FolderShape, MessageStatus, Operation, ResponseError, Sealed};
use crate::folders::FolderKind;
use crate::properties::FolderIdChoice;
use crate::restriction::Restriction;
use crate::version::ExchangeVersion;
use crate::view::{FolderTraversal, FolderView, PagingInfo};

/// The `FindFolder` request (`m:FindFolderType`).
///
/// See [FindFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/findfolder).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "FindFolder")]
#[non_exhaustive]
pub struct FindFolder {
    /// `Traversal`: direct subfolders, all of them, or the soft-deleted ones.
    #[xml(attr)]
    pub traversal: FolderTraversal,
    /// `m:FolderShape`: which properties to return.
    pub folder_shape: FolderShape,
    /// `m:IndexedPageFolderView` or `m:FractionalPageFolderView`.
    #[xml(choice)]
    pub view: Option<FolderView>,
    /// `m:Restriction`: the filter.
    pub restriction: Option<Restriction>,
    /// `m:ParentFolderIds`: the folders whose subfolders to find (at least one).
    #[xml(wrapper = "ParentFolderIds", choice)]
    pub parent_folder_ids: Vec<FolderIdChoice>,
}

impl FindFolder {
    /// A shallow search of no folders yet, returning `shape`.
    pub fn new(shape: FolderShape) -> Self {
        Self {
            folder_shape: shape,
            ..Self::default()
        }
    }
    /// Also search the subfolders of `folder`.
    #[must_use]
    pub fn folder(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.parent_folder_ids.push(folder.into());
        self
    }
    /// Search deep, or the soft-deleted folders.
    #[must_use]
    pub fn traversal(mut self, traversal: FolderTraversal) -> Self {
        self.traversal = traversal;
        self
    }
    /// Return the page `view`.
    #[must_use]
    pub fn view(mut self, view: impl Into<FolderView>) -> Self {
        self.view = Some(view.into());
        self
    }
    /// Return only the folders that match `restriction`.
    #[must_use]
    pub fn restriction(mut self, restriction: impl Into<Restriction>) -> Self {
        self.restriction = Some(restriction.into());
        self
    }
}

impl Sealed for FindFolder {}

impl Operation for FindFolder {
    type Response = FindFolderResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = true;
}

/// `t:FindFolderParentType`: `m:RootFolder` of a `FindFolder` response, the paging attributes
/// and the folders.
///
/// See [RootFolder (FindFolderResponseMessage)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/rootfolder-findfolderresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FindFolderRoot {
    /// `TotalItemsInView`, `IncludesLastItemInRange`, the next offset...
    #[xml(flatten)]
    pub paging: PagingInfo,
    /// `t:Folders`.
    #[xml(wrapper = "Folders", choice)]
    pub folders: Option<Vec<FolderKind>>,
}

impl FindFolderRoot {
    /// A page of `folders`.
    pub fn new(paging: PagingInfo, folders: Vec<FolderKind>) -> Self {
        Self {
            paging,
            folders: Some(folders),
        }
    }
}

/// The `FindFolder` response message (`m:FindFolderResponseMessageType`).
///
/// See [FindFolderResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/findfolderresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct FindFolderResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:RootFolder`: the page.
    pub root_folder: Option<FindFolderRoot>,
}

impl FindFolderResponseMessage {
    /// A successful message with the page `root`.
    pub fn success(root: FindFolderRoot) -> Self {
        Self {
            status: MessageStatus::success(),
            root_folder: Some(root),
        }
    }
    /// A failed message.
    pub fn error(status: MessageStatus) -> Self {
        Self {
            status,
            root_folder: None,
        }
    }
    /// The page, or the message's error.
    pub fn into_result(self) -> Result<FindFolderPage, ResponseError> {
        self.status.check()?;
        let root = self.root_folder.ok_or(ResponseError::Incomplete {
            missing: "RootFolder",
        })?;
        Ok(FindFolderPage {
            paging: root.paging,
            folders: root.folders.unwrap_or_default(),
        })
    }
}

/// One page of `FindFolder` results.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct FindFolderPage {
    /// Where the next page starts and whether this was the last.
    pub paging: PagingInfo,
    /// The folders.
    pub folders: Vec<FolderKind>,
}

/// The `FindFolder` response (`m:FindFolderResponseType`).
///
/// See [FindFolderResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/findfolderresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "FindFolderResponse")]
#[non_exhaustive]
pub struct FindFolderResponse {
    /// `m:ResponseMessages`: one message per parent folder, in request order.
    #[xml(wrapper = "ResponseMessages", item = "FindFolderResponseMessage")]
    pub messages: Vec<FindFolderResponseMessage>,
}

impl FindFolderResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<FindFolderResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per parent folder: the page or its error.
    pub fn into_results(self) -> Vec<Result<FindFolderPage, ResponseError>> {
        self.messages
            .into_iter()
            .map(FindFolderResponseMessage::into_result)
            .collect()
    }
}
