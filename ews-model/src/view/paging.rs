//! Paging views of the Find operations and the paging attributes of their responses.

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use crate::restriction::Restriction;
use crate::time::DateTime;

/// `BasePoint`: where an indexed view counts its offset from (`t:IndexBasePointType`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum BasePoint {
    /// From the first item.
    #[default]
    Beginning,
    /// From the last item backwards.
    End,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:IndexedPageViewType`: a page by position (`m:IndexedPageItemView`,
/// `m:IndexedPageFolderView`, and the view of FindConversation and FindPeople).
///
/// ```
/// use ews_model::view::{IndexedPageView, PagingInfo};
///
/// let first = IndexedPageView::new(0, 100);
/// let mut info = PagingInfo::default();
/// info.indexed_paging_offset = Some(100);
/// info.includes_last_item_in_range = Some(false);
/// assert_eq!(first.next_page(&info), Some(IndexedPageView::new(100, 100)));
/// info.includes_last_item_in_range = Some(true);
/// assert_eq!(first.next_page(&info), None);
/// ```
///
/// See [IndexedPageItemView](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/indexedpageitemview).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct IndexedPageView {
    /// `MaxEntriesReturned`: the page size (default: the server's limit, often 1000).
    #[xml(attr)]
    pub max_entries_returned: Option<i32>,
    /// `Offset`: how many items to skip from the base point.
    #[xml(attr)]
    pub offset: i32,
    /// `BasePoint`.
    #[xml(attr)]
    pub base_point: BasePoint,
}

impl IndexedPageView {
    /// `max_entries` items from `offset`, counted from the beginning.
    pub fn new(offset: i32, max_entries: i32) -> Self {
        Self {
            max_entries_returned: Some(max_entries),
            offset,
            base_point: BasePoint::Beginning,
        }
    }

    /// This view counted from `base_point`.
    #[must_use]
    pub fn counted_from(mut self, base_point: BasePoint) -> Self {
        self.base_point = base_point;
        self
    }

    /// The view of the next page after a response with `info`, `None` after the last page.
    pub fn next_page(&self, info: &PagingInfo) -> Option<Self> {
        info.next_offset().map(|offset| Self {
            offset,
            ..self.clone()
        })
    }
}

/// `t:FractionalPageViewType`: a page by fraction of the whole view, starting at
/// `numerator / denominator` (`m:FractionalPageItemView`, `m:FractionalPageFolderView`).
///
/// See [FractionalPageItemView](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/fractionalpageitemview).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FractionalPageView {
    /// `MaxEntriesReturned`: the page size.
    #[xml(attr)]
    pub max_entries_returned: Option<i32>,
    /// `Numerator`.
    #[xml(attr)]
    pub numerator: i32,
    /// `Denominator` (not zero).
    #[xml(attr)]
    pub denominator: i32,
}

impl FractionalPageView {
    /// `max_entries` items from `numerator / denominator` of the view.
    pub fn new(numerator: i32, denominator: i32, max_entries: Option<i32>) -> Self {
        Self {
            max_entries_returned: max_entries,
            numerator,
            denominator,
        }
    }
}

/// `t:SeekToConditionPageViewType`: a page starting at the first item that matches a
/// condition (`m:SeekToConditionPageItemView`, Exchange 2013 and later).
///
/// See [SeekToConditionPageItemView](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/seektoconditionpageitemview).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SeekToConditionPageView {
    /// `MaxEntriesReturned`: the page size.
    #[xml(attr)]
    pub max_entries_returned: Option<i32>,
    /// `BasePoint`: search from the beginning or the end.
    #[xml(attr)]
    pub base_point: BasePoint,
    /// `t:Condition`: the first item to return is the first that matches.
    #[xml(name = "Condition")]
    pub condition: Restriction,
}

impl SeekToConditionPageView {
    /// `max_entries` items from the first that matches `condition`, searched from the
    /// beginning.
    pub fn new(condition: impl Into<Restriction>, max_entries: Option<i32>) -> Self {
        Self {
            max_entries_returned: max_entries,
            base_point: BasePoint::Beginning,
            condition: condition.into(),
        }
    }
}

/// `t:CalendarViewType`: the calendar items and expanded occurrences between two instants
/// (`m:CalendarView`).
///
/// See [CalendarView](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendarview).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CalendarView {
    /// `MaxEntriesReturned`: more items than this in the range is an error
    /// (`ErrorCalendarViewRangeTooBig`-style), not a page.
    #[xml(attr)]
    pub max_entries_returned: Option<i32>,
    /// `StartDate`.
    #[xml(attr)]
    pub start_date: DateTime,
    /// `EndDate`.
    #[xml(attr)]
    pub end_date: DateTime,
}

impl CalendarView {
    /// The items between `start` and `end`.
    pub fn new(start: DateTime, end: DateTime) -> Self {
        Self {
            max_entries_returned: None,
            start_date: start,
            end_date: end,
        }
    }

    /// At most `max` items.
    #[must_use]
    pub fn max_entries(mut self, max: i32) -> Self {
        self.max_entries_returned = Some(max);
        self
    }
}

/// `t:ContactsViewType`: the contacts whose names sort between two names (`m:ContactsView`).
///
/// See [ContactsView](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/contactsview).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ContactsView {
    /// `MaxEntriesReturned`.
    #[xml(attr)]
    pub max_entries_returned: Option<i32>,
    /// `InitialName`: the first name of the range.
    #[xml(attr)]
    pub initial_name: Option<String>,
    /// `FinalName`: the last name of the range.
    #[xml(attr)]
    pub final_name: Option<String>,
}

impl ContactsView {
    /// The contacts from `initial` to `final_name` (either open).
    pub fn new(initial: Option<String>, final_name: Option<String>) -> Self {
        Self {
            max_entries_returned: None,
            initial_name: initial,
            final_name,
        }
    }
}

/// The paging attributes of a Find response's `m:RootFolder`
/// (`t:FindResponsePagingAttributes`): where the next page starts and whether this was the
/// last.
///
/// Derived with `Default`, so the response types `#[xml(flatten)]` it into their
/// `RootFolder`; read on its own from a `m:RootFolder` it skips the items.
///
/// ```
/// use ews_model::view::PagingInfo;
///
/// let mut info = PagingInfo::default();
/// info.indexed_paging_offset = Some(6);
/// info.total_items_in_view = Some(8);
/// info.includes_last_item_in_range = Some(false);
/// assert_eq!(info.next_offset(), Some(6));
/// info.includes_last_item_in_range = Some(true);
/// assert_eq!(info.next_offset(), None);
/// ```
///
/// See [RootFolder (FindItemResponseMessage)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/rootfolder-finditemresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PagingInfo {
    /// `IndexedPagingOffset`: the offset of the next page of an indexed view.
    #[xml(attr)]
    pub indexed_paging_offset: Option<i32>,
    /// `NumeratorOffset`: the numerator of the next page of a fractional view.
    #[xml(attr)]
    pub numerator_offset: Option<i32>,
    /// `AbsoluteDenominator`: the denominator of the next page of a fractional view.
    #[xml(attr)]
    pub absolute_denominator: Option<i32>,
    /// `IncludesLastItemInRange`: this page holds the last item of the view.
    #[xml(attr)]
    pub includes_last_item_in_range: Option<bool>,
    /// `TotalItemsInView`: how many items the whole view has.
    #[xml(attr)]
    pub total_items_in_view: Option<i32>,
}

impl PagingInfo {
    /// Whether this page is the last: `IncludesLastItemInRange` is true or absent (a missing
    /// attribute ends paging rather than looping).
    pub fn is_last_page(&self) -> bool {
        self.includes_last_item_in_range != Some(false)
    }

    /// The `Offset` of the next indexed page: `IndexedPagingOffset` unless this was the last
    /// page (calendar views, which cannot page, have no offset and give `None` too).
    pub fn next_offset(&self) -> Option<i32> {
        if self.is_last_page() {
            None
        } else {
            self.indexed_paging_offset
        }
    }

    /// The `(Numerator, Denominator)` of the next fractional page, unless this was the last.
    pub fn next_fraction(&self) -> Option<(i32, i32)> {
        if self.is_last_page() {
            return None;
        }
        self.numerator_offset.zip(self.absolute_denominator)
    }
}
