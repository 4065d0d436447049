//! What can be wrong with a query.

use ews_model::version::ExchangeVersion;

/// Why a query cannot be built, compiled or parsed. Every error is found before any request
/// is sent.
///
/// See [Restriction](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/restriction).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// A `field__lookup` string that is not `name`, `name__lookup`, `name__Index`,
    /// `name__Index__part` or one of those followed by `__lookup`.
    #[error("malformed field path {0:?}")]
    Syntax(String),
    /// A field name the item type does not have (or a typed field of another type).
    #[error("unknown field {0:?}")]
    UnknownField(String),
    /// A `FieldURI` the item type does not have (parsing a restriction).
    #[error("unknown field URI {0:?}")]
    UnknownUri(String),
    /// A field EWS cannot search on.
    #[error("field {0:?} is not searchable")]
    NotSearchable(String),
    /// An index (`CarPhone`, `Home`) or component (`street`) the field does not have, or a
    /// missing one on an indexed field.
    #[error("field {field:?}: invalid index or component {index:?}")]
    BadIndex {
        /// The field.
        field: String,
        /// What was given (empty when it was missing).
        index: String,
    },
    /// A lookup that does not apply to the field's kind (a range on a string, `contains` on
    /// a date).
    #[error("lookup `{lookup}` is not valid on field {field:?}, which holds {kind}")]
    LookupNotValid {
        /// The field.
        field: String,
        /// The lookup (`gt`, `icontains`, ...).
        lookup: &'static str,
        /// What the field holds (`text`, `a date-time`, ...).
        kind: &'static str,
    },
    /// A value of the wrong type or shape for the field and lookup.
    #[error("field {field:?} expects {expected}, got {got}")]
    WrongValue {
        /// The field.
        field: String,
        /// What was expected.
        expected: &'static str,
        /// What was given (shortened).
        got: String,
    },
    /// A field (or feature) the target server version does not have.
    #[error(
        "{what} is not available in {target} (available {since}{})",
        fmt_until(.until)
    )]
    NotInVersion {
        /// The field or feature.
        what: String,
        /// The version the request targets.
        target: ExchangeVersion,
        /// The first version with it.
        since: ExchangeVersion,
        /// The first version without it, when it was removed.
        until: Option<ExchangeVersion>,
    },
    /// A `QueryString` (AQS) combined with a restriction: EWS takes one or the other.
    #[error("a QueryString cannot be combined with a restriction")]
    QueryStringWithRestriction,
    /// A restriction this crate cannot express as a [`Q`](crate::Q) (`t:Near`, a comparison
    /// of two properties, `t:ExceptionFieldURI`, an unknown containment mode).
    #[error("cannot express {0} as a query")]
    Unsupported(&'static str),
}

fn fmt_until(until: &Option<ExchangeVersion>) -> String {
    until.map(|v| format!(", until {v}")).unwrap_or_default()
}

impl QueryError {
    /// A [`QueryError::WrongValue`] with `got` shortened to 60 characters.
    pub(crate) fn wrong_value(
        field: &str,
        expected: &'static str,
        got: &impl std::fmt::Debug,
    ) -> Self {
        let mut got = format!("{got:?}");
        if got.chars().count() > 60 {
            got = got.chars().take(57).chain("...".chars()).collect();
        }
        Self::WrongValue {
            field: field.to_owned(),
            expected,
            got,
        }
    }
}
