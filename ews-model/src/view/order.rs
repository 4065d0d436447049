//! Sort orders and groupings of Find requests.

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use crate::operations::FieldPath;

/// `t:SortDirectionType`: `Order` of sort orders and groupings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum SortDirection {
    /// Smallest first.
    #[default]
    Ascending,
    /// Largest first.
    Descending,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:FieldOrder`: one sort key.
///
/// See [FieldOrder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/fieldorder).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FieldOrder {
    /// `Order`.
    #[xml(attr)]
    pub order: SortDirection,
    /// The property sorted on.
    #[xml(choice)]
    pub path: FieldPath,
}

impl FieldOrder {
    /// Sort on `path`, smallest first.
    pub fn ascending(path: FieldPath) -> Self {
        Self {
            order: SortDirection::Ascending,
            path,
        }
    }

    /// Sort on `path`, largest first.
    pub fn descending(path: FieldPath) -> Self {
        Self {
            order: SortDirection::Descending,
            path,
        }
    }
}

/// `t:NonEmptyArrayOfFieldOrdersType`: the sort keys of `m:SortOrder`, most significant first.
///
/// The schema requires at least one key: leave the request's `SortOrder` out (`None`) rather
/// than writing an empty one.
///
/// ```
/// use ews_model::operations::FieldPath;
/// use ews_model::view::{FieldOrder, SortOrder};
///
/// let order = SortOrder::from(FieldOrder::descending(FieldPath::field("item:DateTimeReceived")))
///     .then(FieldOrder::ascending(FieldPath::field("item:Subject")));
/// assert_eq!(order.field_orders.len(), 2);
/// ```
///
/// See [SortOrder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/sortorder).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SortOrder {
    /// `t:FieldOrder` elements.
    #[xml(name = "FieldOrder")]
    pub field_orders: Vec<FieldOrder>,
}

impl SortOrder {
    /// A sort order with these keys.
    pub fn new(field_orders: Vec<FieldOrder>) -> Self {
        Self { field_orders }
    }

    /// Then by `key`.
    #[must_use]
    pub fn then(mut self, key: FieldOrder) -> Self {
        self.field_orders.push(key);
        self
    }
}

impl From<FieldOrder> for SortOrder {
    fn from(key: FieldOrder) -> Self {
        Self::new(vec![key])
    }
}

/// `t:AggregateType`: which item represents a group.
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Aggregate {
    /// The item with the smallest value.
    Minimum,
    /// The item with the largest value.
    Maximum,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:AggregateOn`: the property that picks each group's representative item.
///
/// See [AggregateOn](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/aggregateon).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AggregateOn {
    /// `Aggregate`.
    #[xml(attr)]
    pub aggregate: Aggregate,
    /// The property (`t:FieldURI`, `t:IndexedFieldURI` or `t:ExtendedFieldURI`).
    #[xml(choice)]
    pub path: FieldPath,
}

/// `t:GroupByType`: `m:GroupBy` of FindItem, items grouped by a property.
///
/// The schema allows `t:FieldURI`, `t:IndexedFieldURI` and `t:ExtendedFieldURI` as the path
/// (not `t:ExceptionFieldURI`).
///
/// See [GroupBy](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/groupby).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GroupBy {
    /// `Order`: the order of the groups.
    #[xml(attr)]
    pub order: SortDirection,
    /// The property whose value defines the groups.
    #[xml(choice)]
    pub path: FieldPath,
    /// `t:AggregateOn`: which item represents each group.
    pub aggregate_on: AggregateOn,
    /// `t:UseCollapsibleGroups`.
    pub use_collapsible_groups: Option<bool>,
    /// `t:ItemsPerGroup`.
    pub items_per_group: Option<u32>,
    /// `t:MaxItemsPerGroup`.
    pub max_items_per_group: Option<u32>,
    /// `t:GroupsToExpand`: the base64 `t:GroupId` values of groups to expand, as sent.
    #[xml(wrapper = "GroupsToExpand", item = "GroupId")]
    pub groups_to_expand: Vec<String>,
}

impl GroupBy {
    /// Groups by `path` in `order`, each represented by its item with the `aggregate` value
    /// of `aggregate_path`.
    pub fn new(
        order: SortDirection,
        path: FieldPath,
        aggregate: Aggregate,
        aggregate_path: FieldPath,
    ) -> Self {
        Self {
            order,
            path,
            aggregate_on: AggregateOn {
                aggregate,
                path: aggregate_path,
            },
            use_collapsible_groups: None,
            items_per_group: None,
            max_items_per_group: None,
            groups_to_expand: Vec::new(),
        }
    }
}

/// `t:StandardGroupByType`: the built-in groupings.
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum StandardGroupBy {
    /// By conversation topic.
    ConversationTopic,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:DistinguishedGroupByType`: `m:DistinguishedGroupBy` of FindItem, a built-in grouping.
///
/// See [DistinguishedGroupBy](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/distinguishedgroupby).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DistinguishedGroupBy {
    /// `Order`: the order of the groups.
    #[xml(attr)]
    pub order: SortDirection,
    /// `t:StandardGroupBy`.
    pub standard_group_by: StandardGroupBy,
}

/// The grouping choice of FindItem: `m:GroupBy` or `m:DistinguishedGroupBy`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "m")]
// One per request: the size of the larger variant does not matter, and the choice derive
// reads `T`, not `Box<T>`.
#[allow(clippy::large_enum_variant)]
pub enum Grouping {
    /// `m:GroupBy`.
    GroupBy(GroupBy),
    /// `m:DistinguishedGroupBy`.
    DistinguishedGroupBy(DistinguishedGroupBy),
}
