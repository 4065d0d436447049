//! The follow-up flag of an item: [`Flag`] and its [`FlagStatus`].
//!
//! ```
//! use ews_model::properties::{Flag, FlagStatus};
//!
//! let flag = Flag::flagged();
//! assert_eq!(flag.flag_status, FlagStatus::Flagged);
//! assert_eq!(Flag::not_flagged().flag_status, FlagStatus::NotFlagged);
//! ```

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use crate::time::DateTime;

/// The follow-up flag of an item (`t:FlagType`).
///
/// See [Flag](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/flag).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "Flag")]
#[non_exhaustive]
pub struct Flag {
    /// `t:FlagStatus`: not flagged, flagged or complete.
    pub flag_status: FlagStatus,
    /// `t:StartDate`: when the follow-up starts.
    pub start_date: Option<DateTime>,
    /// `t:DueDate`: when it is due.
    pub due_date: Option<DateTime>,
    /// `t:CompleteDate`: when it was completed.
    pub complete_date: Option<DateTime>,
}

impl Flag {
    /// No flag.
    pub fn not_flagged() -> Self {
        Self::default()
    }

    /// Flagged for follow-up, without dates.
    pub fn flagged() -> Self {
        Self {
            flag_status: FlagStatus::Flagged,
            ..Self::default()
        }
    }

    /// Flagged from `start` until `due`.
    pub fn flagged_between(start: DateTime, due: DateTime) -> Self {
        Self {
            start_date: Some(start),
            due_date: Some(due),
            ..Self::flagged()
        }
    }

    /// Completed at `at`.
    pub fn complete(at: DateTime) -> Self {
        Self {
            flag_status: FlagStatus::Complete,
            complete_date: Some(at),
            ..Self::default()
        }
    }
}

/// The state of a follow-up flag (`t:FlagStatusType`).
///
/// See [FlagStatus](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/flagstatus).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum FlagStatus {
    /// `NotFlagged`.
    #[default]
    NotFlagged,
    /// `Flagged`.
    Flagged,
    /// `Complete`.
    Complete,
    /// A status this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

serde_as_xml_value!(FlagStatus);
