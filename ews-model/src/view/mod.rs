//! Views of the Find operations (FindItem, FindFolder, FindConversation, FindPeople): paging,
//! sort orders, groupings, query strings and traversals, and the paging information of their
//! responses.
//!
//! - Paging: [`IndexedPageView`] (by offset), [`FractionalPageView`] (by fraction),
//!   [`SeekToConditionPageView`] (from the first match of a restriction), [`CalendarView`]
//!   (expanded occurrences in a time range), [`ContactsView`] (a range of names); the choices
//!   the requests offer are [`ItemView`] (FindItem) and [`FolderView`] (FindFolder).
//!   FindConversation takes [`ItemView::IndexedPage`] or [`ItemView::SeekToCondition`],
//!   FindPeople an [`IndexedPageView`] under `m:IndexedPageItemView`.
//! - Responses: [`PagingInfo`], the attributes of `m:RootFolder`, with
//!   [`next_offset`](PagingInfo::next_offset).
//! - Order: [`SortOrder`] of [`FieldOrder`]s; FindItem's [`Grouping`] ([`GroupBy`] or
//!   [`DistinguishedGroupBy`]).
//! - [`QueryString`]: an AQS search (`m:QueryString`, Exchange 2010 and later).
//! - Traversals: [`ItemTraversal`], [`FolderTraversal`], [`ConversationTraversal`],
//!   [`SearchFolderTraversal`].
//!
//! The element names are the requests' (`m:IndexedPageItemView`, `m:SortOrder`); the types
//! are the schema's, so one type serves each element that shares it.
//!
//! ```
//! use ews_model::view::{CalendarView, ItemView, IndexedPageView};
//! use ews_model::time::DateTime;
//!
//! let page = ItemView::from(IndexedPageView::new(0, 100));
//! let week = ItemView::from(CalendarView::new(
//!     "2026-03-02T00:00:00Z".parse()?,
//!     "2026-03-09T00:00:00Z".parse::<DateTime>()?,
//! ));
//! # let _ = (page, week);
//! # Ok::<(), ews_model::time::TimeError>(())
//! ```
//!
//! Reference: [Paging search results](https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/how-to-perform-paged-searches-by-using-ews-in-exchange),
//! [FindItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/finditem).

mod order;
mod paging;

pub use order::{
    Aggregate, AggregateOn, DistinguishedGroupBy, FieldOrder, GroupBy, Grouping, SortDirection,
    SortOrder, StandardGroupBy,
};
pub use paging::{
    BasePoint, CalendarView, ContactsView, FractionalPageView, IndexedPageView, PagingInfo,
    SeekToConditionPageView,
};

use ews_xml::{XmlRead, XmlValue, XmlWrite};

/// The view choice of FindItem: at most one of these elements.
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "m")]
pub enum ItemView {
    /// `m:IndexedPageItemView`.
    #[xml(name = "IndexedPageItemView")]
    IndexedPage(IndexedPageView),
    /// `m:FractionalPageItemView`.
    #[xml(name = "FractionalPageItemView")]
    FractionalPage(FractionalPageView),
    /// `m:SeekToConditionPageItemView`.
    #[xml(name = "SeekToConditionPageItemView")]
    SeekToCondition(SeekToConditionPageView),
    /// `m:CalendarView`.
    #[xml(name = "CalendarView")]
    Calendar(CalendarView),
    /// `m:ContactsView`.
    #[xml(name = "ContactsView")]
    Contacts(ContactsView),
}

impl From<IndexedPageView> for ItemView {
    fn from(v: IndexedPageView) -> Self {
        Self::IndexedPage(v)
    }
}

impl From<FractionalPageView> for ItemView {
    fn from(v: FractionalPageView) -> Self {
        Self::FractionalPage(v)
    }
}

impl From<SeekToConditionPageView> for ItemView {
    fn from(v: SeekToConditionPageView) -> Self {
        Self::SeekToCondition(v)
    }
}

impl From<CalendarView> for ItemView {
    fn from(v: CalendarView) -> Self {
        Self::Calendar(v)
    }
}

impl From<ContactsView> for ItemView {
    fn from(v: ContactsView) -> Self {
        Self::Contacts(v)
    }
}

/// The view choice of FindFolder: at most one of these elements.
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "m")]
pub enum FolderView {
    /// `m:IndexedPageFolderView`.
    #[xml(name = "IndexedPageFolderView")]
    IndexedPage(IndexedPageView),
    /// `m:FractionalPageFolderView`.
    #[xml(name = "FractionalPageFolderView")]
    FractionalPage(FractionalPageView),
}

impl From<IndexedPageView> for FolderView {
    fn from(v: IndexedPageView) -> Self {
        Self::IndexedPage(v)
    }
}

impl From<FractionalPageView> for FolderView {
    fn from(v: FractionalPageView) -> Self {
        Self::FractionalPage(v)
    }
}

/// `m:QueryStringType`: an Advanced Query Syntax search (`subject:"project plan"`), passed to
/// the server verbatim.
///
/// FindItem and FindConversation send it with these attributes; FindPeople's
/// `m:QueryString` is plain text (write one with all attributes `None`).
///
/// See [QueryString (String)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/querystring-querystringtype).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct QueryString {
    /// `ResetCache`: clear the server's cached search results.
    #[xml(attr)]
    pub reset_cache: Option<bool>,
    /// `ReturnHighlightTerms`: return the matched terms (`m:HighlightTerms`).
    #[xml(attr)]
    pub return_highlight_terms: Option<bool>,
    /// `ReturnDeletedItems`: include deleted items.
    #[xml(attr)]
    pub return_deleted_items: Option<bool>,
    /// The query.
    #[xml(text)]
    pub query: String,
}

impl QueryString {
    /// The query `query`, without attributes.
    pub fn new(query: impl Into<String>) -> Self {
        Self {
            query: query.into(),
            ..Self::default()
        }
    }
}

/// `t:ItemQueryTraversalType`: the `Traversal` attribute of FindItem.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ItemTraversal {
    /// The items of the folder.
    #[default]
    Shallow,
    /// The soft-deleted items (the dumpster).
    SoftDeleted,
    /// The folder's associated (hidden) items.
    Associated,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:FolderQueryTraversalType`: the `Traversal` attribute of FindFolder.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum FolderTraversal {
    /// The direct subfolders.
    #[default]
    Shallow,
    /// All subfolders, recursively.
    Deep,
    /// The soft-deleted subfolders.
    SoftDeleted,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:ConversationQueryTraversalType`: the `Traversal` attribute of FindConversation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ConversationTraversal {
    /// The folder itself.
    #[default]
    Shallow,
    /// The folder and its subfolders.
    Deep,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:SearchFolderTraversalType`: the `Traversal` attribute of a search folder's
/// `t:SearchParameters`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum SearchFolderTraversal {
    /// The base folders only.
    #[default]
    Shallow,
    /// The base folders and their subfolders.
    Deep,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}
