//! The search of a search folder: [`SearchParameters`].

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use crate::fields::{FieldValue, Kind, ValueKind};
use crate::properties::FolderIdChoice;
use crate::restriction::Restriction;

/// `t:SearchFolderTraversalType`: whether a search folder looks into subfolders of its base
/// folders.
///
/// See [SearchParameters](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/searchparameters).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum SearchFolderTraversal {
    /// Only the base folders themselves.
    #[default]
    Shallow,
    /// The base folders and all their subfolders.
    Deep,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// What a search folder searches (`t:SearchParametersType`): a restriction over base folders.
///
/// ```
/// use ews_model::folders::{SearchFolder, SearchFolderTraversal, SearchParameters};
/// use ews_model::operations::FieldPath;
/// use ews_model::properties::DistinguishedFolderIdName;
/// use ews_model::restriction::SearchExpression;
///
/// let from_hope = SearchExpression::equal(FieldPath::field("message:Sender"), "hope@contoso.com");
/// let search = SearchParameters::new(from_hope, [DistinguishedFolderIdName::Inbox])
///     .with_traversal(SearchFolderTraversal::Deep);
/// let folder = SearchFolder::new("From Hope", search);
/// assert!(folder.search_parameters.is_some());
/// ```
///
/// See [SearchParameters](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/searchparameters).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct SearchParameters {
    /// `Traversal`: shallow or deep.
    #[xml(attr = "Traversal")]
    pub traversal: Option<SearchFolderTraversal>,
    /// `t:Restriction`: which items the folder shows.
    pub restriction: Restriction,
    /// `t:BaseFolderIds`: the folders searched.
    #[xml(wrapper = "BaseFolderIds", choice)]
    pub base_folder_ids: Vec<FolderIdChoice>,
}

impl SearchParameters {
    /// A search for the items matching `restriction` in `base_folder_ids`.
    pub fn new(
        restriction: impl Into<Restriction>,
        base_folder_ids: impl IntoIterator<Item = impl Into<FolderIdChoice>>,
    ) -> Self {
        Self {
            traversal: None,
            restriction: restriction.into(),
            base_folder_ids: base_folder_ids.into_iter().map(Into::into).collect(),
        }
    }
    /// This search with `traversal`.
    #[must_use]
    pub fn with_traversal(mut self, traversal: SearchFolderTraversal) -> Self {
        self.traversal = Some(traversal);
        self
    }
}

impl FieldValue for SearchParameters {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}

serde_as_xml_value!(SearchFolderTraversal);
