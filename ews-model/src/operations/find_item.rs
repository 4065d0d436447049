//! `FindItem`: search folders for items, with paging, grouping, a restriction, a sort order
//! or an AQS query string.
//!
//! ```
//! use ews_model::operations::{BaseShape, FieldPath, FindItem, ItemShape};
//! use ews_model::properties::DistinguishedFolderIdName;
//! use ews_model::restriction::SearchExpression;
//! use ews_model::view::{FieldOrder, IndexedPageView};
//!
//! let request = FindItem::new(ItemShape::new(BaseShape::IdOnly))
//!     .folder(DistinguishedFolderIdName::Inbox)
//!     .view(IndexedPageView::new(0, 50))
//!     .restriction(SearchExpression::equal(FieldPath::field("message:IsRead"), "false"))
//!     .sort(FieldOrder::descending(FieldPath::field("item:DateTimeReceived")));
//! assert_eq!(request.parent_folder_ids.len(), 1);
//! ```
//!
//! Reference: [FindItem operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/finditem-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::{ItemShape, MessageStatus, Operation, ResponseError, Sealed};
use crate::items::{Base64Binary, Item};
use crate::properties::FolderIdChoice;
use crate::restriction::Restriction;
use crate::version::ExchangeVersion;
use crate::view::{
    FieldOrder, Grouping, ItemTraversal, ItemView, PagingInfo, QueryString, SortOrder,
};

/// The `FindItem` request (`m:FindItemType`).
///
/// See [FindItem](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/finditem).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "FindItem")]
#[non_exhaustive]
pub struct FindItem {
    /// `Traversal`: the folder's items, its dumpster or its associated items.
    #[xml(attr)]
    pub traversal: ItemTraversal,
    /// `m:ItemShape`: which properties to return.
    pub item_shape: ItemShape,
    /// The paging or calendar view (`m:IndexedPageItemView`, `m:CalendarView`...).
    #[xml(choice)]
    pub view: Option<ItemView>,
    /// `m:GroupBy` or `m:DistinguishedGroupBy`.
    #[xml(choice)]
    pub grouping: Option<Grouping>,
    /// `m:Restriction`: the filter.
    pub restriction: Option<Restriction>,
    /// `m:SortOrder`: the sort keys (at least one when present).
    pub sort_order: Option<SortOrder>,
    /// `m:ParentFolderIds`: the folders to search (at least one).
    #[xml(wrapper = "ParentFolderIds", choice)]
    pub parent_folder_ids: Vec<FolderIdChoice>,
    /// `m:QueryString`: an AQS search (Exchange 2010 and later; not with `restriction`).
    pub query_string: Option<QueryString>,
}

impl FindItem {
    /// A shallow search of no folders yet, returning `shape`.
    pub fn new(shape: ItemShape) -> Self {
        Self {
            item_shape: shape,
            ..Self::default()
        }
    }
    /// Also search `folder`.
    #[must_use]
    pub fn folder(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.parent_folder_ids.push(folder.into());
        self
    }
    /// Search the dumpster or the associated items instead of the folder's items.
    #[must_use]
    pub fn traversal(mut self, traversal: ItemTraversal) -> Self {
        self.traversal = traversal;
        self
    }
    /// Return the page or range `view`.
    #[must_use]
    pub fn view(mut self, view: impl Into<ItemView>) -> Self {
        self.view = Some(view.into());
        self
    }
    /// Group the results.
    #[must_use]
    pub fn group(mut self, grouping: Grouping) -> Self {
        self.grouping = Some(grouping);
        self
    }
    /// Return only the items that match `restriction`.
    #[must_use]
    pub fn restriction(mut self, restriction: impl Into<Restriction>) -> Self {
        self.restriction = Some(restriction.into());
        self
    }
    /// Then sort on `key` (the first key added is the most significant).
    #[must_use]
    pub fn sort(mut self, key: FieldOrder) -> Self {
        self.sort_order = Some(match self.sort_order.take() {
            Some(order) => order.then(key),
            None => SortOrder::from(key),
        });
        self
    }
    /// Search with the AQS query `query` (no attributes).
    #[must_use]
    pub fn query(self, query: impl Into<String>) -> Self {
        self.query_string(QueryString::new(query))
    }
    /// Search with `query`, attributes included.
    #[must_use]
    pub fn query_string(mut self, query: QueryString) -> Self {
        self.query_string = Some(query);
        self
    }
}

impl Sealed for FindItem {}

impl Operation for FindItem {
    type Response = FindItemResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = true;
}

/// `t:GroupSummaryType`: what a group holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GroupSummary {
    /// `t:GroupCount`: how many items the group has.
    pub group_count: i32,
    /// `t:UnreadCount`: how many of them are unread.
    pub unread_count: i32,
    /// `t:InstanceKey`.
    pub instance_key: Base64Binary,
    /// `t:GroupByValue`: the value the group shares.
    pub group_by_value: String,
}

/// `t:GroupedItemsType`: one group of a grouped `FindItem`.
///
/// See [GroupedItems](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/groupeditems).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GroupedItems {
    /// `t:GroupIndex`: the group's value, as the server formats it.
    pub group_index: String,
    /// `t:Items`: the group's items on this page (required by the schema, even empty).
    #[xml(wrapper = "Items", choice)]
    pub items: Option<Vec<Item>>,
    /// `t:GroupSummary`.
    pub group_summary: Option<GroupSummary>,
}

impl GroupedItems {
    /// The group `index` with `items`.
    pub fn new(index: impl Into<String>, items: Vec<Item>) -> Self {
        Self {
            group_index: index.into(),
            items: Some(items),
            group_summary: None,
        }
    }
}

/// `t:FindItemParentType`: `m:RootFolder` of a `FindItem` response, the paging attributes and
/// either the items or the groups.
///
/// See [RootFolder (FindItemResponseMessage)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/rootfolder-finditemresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FindItemRoot {
    /// `TotalItemsInView`, `IncludesLastItemInRange`, the next offset...
    #[xml(flatten)]
    pub paging: PagingInfo,
    /// `t:Items`: the items of an ungrouped search (the schema wants it, even empty, unless
    /// `groups` is there).
    #[xml(wrapper = "Items", choice)]
    pub items: Option<Vec<Item>>,
    /// `t:Groups`: the groups of a grouped search.
    #[xml(wrapper = "Groups", item = "GroupedItems")]
    pub groups: Option<Vec<GroupedItems>>,
}

impl FindItemRoot {
    /// A page of ungrouped `items`.
    pub fn items(paging: PagingInfo, items: Vec<Item>) -> Self {
        Self {
            paging,
            items: Some(items),
            groups: None,
        }
    }
    /// A page of `groups`.
    pub fn groups(paging: PagingInfo, groups: Vec<GroupedItems>) -> Self {
        Self {
            paging,
            items: None,
            groups: Some(groups),
        }
    }
}

/// `t:HighlightTermType`: a term of a query string that matched.
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct HighlightTerm {
    /// `t:Scope`: where it matched.
    pub scope: String,
    /// `t:Value`: the term.
    pub value: String,
}

/// The `FindItem` response message (`m:FindItemResponseMessageType`).
///
/// See [FindItemResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/finditemresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct FindItemResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:RootFolder`: the page.
    pub root_folder: Option<FindItemRoot>,
    /// `m:HighlightTerms`: the matched terms of a query string that asked for them.
    #[xml(wrapper = "HighlightTerms", item = "Term", item_ns = "t")]
    pub highlight_terms: Option<Vec<HighlightTerm>>,
}

impl FindItemResponseMessage {
    /// A successful message with the page `root`.
    pub fn success(root: FindItemRoot) -> Self {
        Self {
            status: MessageStatus::success(),
            root_folder: Some(root),
            highlight_terms: None,
        }
    }
    /// A failed message.
    pub fn error(status: MessageStatus) -> Self {
        Self {
            status,
            ..Self::default()
        }
    }
    /// The page, or the message's error.
    pub fn into_result(self) -> Result<FindItemPage, ResponseError> {
        self.status.check()?;
        let root = self.root_folder.ok_or(ResponseError::Incomplete {
            missing: "RootFolder",
        })?;
        Ok(FindItemPage {
            paging: root.paging,
            items: root.items.unwrap_or_default(),
            groups: root.groups,
            highlight_terms: self.highlight_terms.unwrap_or_default(),
        })
    }
}

/// One page of `FindItem` results.
///
/// An ungrouped search fills `items`; a grouped search (`GroupBy`) keeps its groups in
/// `groups` (each with its own items) and leaves `items` empty: use
/// [`all_items`](Self::all_items) to walk both.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct FindItemPage {
    /// Where the next page starts and whether this was the last.
    pub paging: PagingInfo,
    /// The items, in the requested order.
    pub items: Vec<Item>,
    /// The groups of a grouped search.
    pub groups: Option<Vec<GroupedItems>>,
    /// The matched terms of a query string.
    pub highlight_terms: Vec<HighlightTerm>,
}

impl FindItemPage {
    /// Every item of the page: the items, then the items of each group in order.
    pub fn all_items(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().chain(
            self.groups
                .iter()
                .flatten()
                .flat_map(|g| g.items.iter().flatten()),
        )
    }
}

/// The `FindItem` response (`m:FindItemResponseType`).
///
/// See [FindItemResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/finditemresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "FindItemResponse")]
#[non_exhaustive]
pub struct FindItemResponse {
    /// `m:ResponseMessages`: one message per searched folder.
    #[xml(wrapper = "ResponseMessages", item = "FindItemResponseMessage")]
    pub messages: Vec<FindItemResponseMessage>,
}

impl FindItemResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<FindItemResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per message: the page or its error.
    pub fn into_results(self) -> Vec<Result<FindItemPage, ResponseError>> {
        self.messages
            .into_iter()
            .map(FindItemResponseMessage::into_result)
            .collect()
    }
}
