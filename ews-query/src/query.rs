//! [`Query`]: a filter, an AQS query string, sort keys and a paging view, compiled together
//! into the parts of a FindItem / FindFolder request.

use ews_model::fields::FieldTable;
use ews_model::restriction::Restriction;
use ews_model::time::DateTime;
use ews_model::version::ExchangeVersion;
use ews_model::view::{
    BasePoint, CalendarView, FolderView, FractionalPageView, IndexedPageView, ItemView,
    QueryString, SortOrder,
};

use crate::compile::{Compiled, compile};
use crate::error::QueryError;
use crate::expr::Q;
use crate::order::{Ordering, compile_order};

/// How a Find request pages.
///
/// See [Paging search results](https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/how-to-perform-paged-searches-by-using-ews-in-exchange).
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub enum Paging {
    /// No view element (the server's default page).
    #[default]
    Default,
    /// `IndexedPage*View`: `max` items from `offset`, counted from `base_point`.
    Indexed {
        /// Items to skip.
        offset: i32,
        /// Page size.
        max: Option<i32>,
        /// From the beginning or the end.
        base_point: BasePoint,
    },
    /// `FractionalPage*View`: `max` items from `numerator / denominator` of the view.
    Fractional {
        /// Numerator.
        numerator: i32,
        /// Denominator (not zero).
        denominator: i32,
        /// Page size.
        max: Option<i32>,
    },
    /// `m:CalendarView`: occurrences between two instants (FindItem only).
    Calendar {
        /// `StartDate`.
        start: DateTime,
        /// `EndDate`.
        end: DateTime,
        /// `MaxEntriesReturned`.
        max: Option<i32>,
    },
}

/// The parts of a Find request a [`Query`] compiles to.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct FindParts {
    /// `m:Restriction`.
    pub restriction: Option<Restriction>,
    /// `m:SortOrder`.
    pub sort_order: Option<SortOrder>,
    /// The FindItem view element.
    pub item_view: Option<ItemView>,
    /// `m:QueryString` (AQS, passed through verbatim).
    pub query_string: Option<QueryString>,
    /// A filter the caller must apply to what the server returns, with [`eval`](crate::eval):
    /// set instead of `restriction` for a calendar view, which cannot carry a restriction.
    pub client_filter: Option<Q>,
    /// A multi-key order the caller must apply with [`sort`](crate::sort), resolved: set
    /// instead of `sort_order` for a calendar view, which the server sorts by one key at most.
    pub client_order: Vec<Ordering>,
}

impl FindParts {
    /// The view as FindFolder's (`None` for a calendar view, which FindFolder lacks).
    pub fn folder_view(&self) -> Option<FolderView> {
        match &self.item_view {
            Some(ItemView::IndexedPage(v)) => Some(FolderView::IndexedPage(v.clone())),
            Some(ItemView::FractionalPage(v)) => Some(FolderView::FractionalPage(v.clone())),
            _ => None,
        }
    }
}

/// A query as a whole: exchangelib's `filter(...).exclude(...).order_by(...)[a:b]` and
/// `calendar.view(start, end)`, or `filter("aqs string")`.
///
/// ```
/// use ews_model::Fields;
/// use ews_model::fields::HasFields;
/// use ews_model::version::ExchangeVersion;
/// use ews_query::{CompiledQuery, Query, Q};
///
/// #[derive(Fields)]
/// # #[allow(dead_code)]
/// struct Note {
///     #[field(uri = "item:Subject", searchable)]
///     subject: Option<String>,
///     #[field(uri = "item:DateTimeReceived", searchable, read_only)]
///     datetime_received: Option<ews_model::time::DateTime>,
/// }
///
/// let query = Query::new()
///     .filter(Q::lookup("subject__icontains", "report")?)
///     .order_by(&["-datetime_received"])?
///     .page(0, 10);
/// let CompiledQuery::Find(parts) = query.compile(&Note::FIELDS, ExchangeVersion::Exchange2016)? else {
///     unreachable!()
/// };
/// assert!(parts.restriction.is_some() && parts.sort_order.is_some() && parts.item_view.is_some());
///
/// let aqs = Query::new().query_string("subject:report").filter(Q::lookup("subject", "x")?);
/// assert!(aqs.compile(&Note::FIELDS, ExchangeVersion::Exchange2016).is_err());
/// # Ok::<(), ews_query::QueryError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Query {
    /// The filter (AND of every `filter` and `exclude`).
    pub filter: Q,
    /// The AQS query string.
    pub query_string: Option<QueryString>,
    /// Sort keys, most significant first.
    pub order: Vec<Ordering>,
    /// Paging.
    pub paging: Paging,
}

/// The outcome of [`Query::compile`] (deliberately exhaustive: callers must handle each).
#[derive(Clone, Debug, PartialEq)]
pub enum CompiledQuery {
    /// Send a Find request with these parts.
    Find(Box<FindParts>),
    /// Nothing can match: send no request.
    Nothing,
}

impl Query {
    /// Everything, in the server's order.
    pub fn new() -> Self {
        Self::default()
    }

    /// Also matching `q`.
    #[must_use]
    pub fn filter(mut self, q: Q) -> Self {
        self.filter = std::mem::take(&mut self.filter) & q;
        self
    }

    /// Also not matching `q`.
    #[must_use]
    pub fn exclude(self, q: Q) -> Self {
        self.filter(!q)
    }

    /// An AQS search instead of a filter (cannot be combined with one).
    #[must_use]
    pub fn query_string(mut self, aqs: impl Into<String>) -> Self {
        self.query_string = Some(QueryString::new(aqs));
        self
    }

    /// Sort keys in the string form (`"-datetime_received"`), replacing earlier ones.
    pub fn order_by(mut self, keys: &[&str]) -> Result<Self, QueryError> {
        self.order = crate::order::order_by(keys)?;
        Ok(self)
    }

    /// Sort keys, replacing earlier ones.
    #[must_use]
    pub fn ordered(mut self, keys: Vec<Ordering>) -> Self {
        self.order = keys;
        self
    }

    /// `max` items from `offset` (from the beginning).
    #[must_use]
    pub fn page(mut self, offset: i32, max: i32) -> Self {
        self.paging = Paging::Indexed {
            offset,
            max: Some(max),
            base_point: BasePoint::Beginning,
        };
        self
    }

    /// Any paging.
    #[must_use]
    pub fn paging(mut self, paging: Paging) -> Self {
        self.paging = paging;
        self
    }

    /// Calendar occurrences between `start` and `end`.
    #[must_use]
    pub fn calendar_view(self, start: DateTime, end: DateTime) -> Self {
        self.paging(Paging::Calendar {
            start,
            end,
            max: None,
        })
    }

    /// The request parts for items described by `table`, for a server speaking `version`.
    ///
    /// Errors: any [`compile`] error; [`QueryError::QueryStringWithRestriction`];
    /// [`QueryError::NotInVersion`] for a query string before Exchange 2010.
    pub fn compile(
        &self,
        table: &FieldTable,
        version: ExchangeVersion,
    ) -> Result<CompiledQuery, QueryError> {
        let restriction = match compile(&self.filter, table, version)? {
            Compiled::Nothing => return Ok(CompiledQuery::Nothing),
            Compiled::Everything => None,
            Compiled::Restriction(r) => Some(r),
        };
        if let Some(_q) = &self.query_string {
            if restriction.is_some() {
                return Err(QueryError::QueryStringWithRestriction);
            }
            if version < ExchangeVersion::Exchange2010 {
                return Err(QueryError::NotInVersion {
                    what: "QueryString".to_owned(),
                    target: version,
                    since: ExchangeVersion::Exchange2010,
                    until: None,
                });
            }
        }
        let item_view = match &self.paging {
            Paging::Default => None,
            Paging::Indexed {
                offset,
                max,
                base_point,
            } => {
                let mut v = IndexedPageView::new(*offset, 0).counted_from(base_point.clone());
                v.max_entries_returned = *max;
                Some(ItemView::IndexedPage(v))
            }
            Paging::Fractional {
                numerator,
                denominator,
                max,
            } => Some(ItemView::FractionalPage(FractionalPageView::new(
                *numerator,
                *denominator,
                *max,
            ))),
            Paging::Calendar { start, end, max } => {
                let mut v = CalendarView::new(*start, *end);
                v.max_entries_returned = *max;
                Some(ItemView::Calendar(v))
            }
        };
        let mut parts = FindParts {
            restriction,
            sort_order: compile_order(&self.order, table, version)?,
            item_view,
            query_string: self.query_string.clone(),
            client_filter: None,
            client_order: Vec::new(),
        };
        // A calendar view expands recurrences server-side but takes no restriction and at most
        // one sort key: what it cannot do is left to the caller, on the occurrences returned.
        if let Some(ItemView::Calendar(_)) = &parts.item_view {
            if parts.restriction.take().is_some() {
                parts.client_filter = Some(self.filter.resolve(table)?);
            }
            if self.order.len() > 1 {
                parts.sort_order = None;
                parts.client_order = crate::order::resolve_order(&self.order, table)?;
            }
        }
        Ok(CompiledQuery::Find(Box::new(parts)))
    }
}
