//! Small item properties: follow-up flags, effective rights, the complete name of a contact,
//! internet message headers, importance and sensitivity.
//!
//! ```
//! use ews_model::properties::{Flag, FlagStatus, Importance, InternetMessageHeaders};
//!
//! let flag = Flag::flagged();
//! assert_eq!(flag.flag_status, FlagStatus::Flagged);
//! assert_eq!(Importance::default(), Importance::Normal);
//! let headers = InternetMessageHeaders::default();
//! assert_eq!(headers.get("Subject"), None);
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

/// What the caller may do with an item or folder (`t:EffectiveRightsType`, read-only).
///
/// See [EffectiveRights](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/effectiverights).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "EffectiveRights")]
#[non_exhaustive]
pub struct EffectiveRights {
    /// `t:CreateAssociated`: may create associated (hidden) items.
    pub create_associated: bool,
    /// `t:CreateContents`: may create items.
    pub create_contents: bool,
    /// `t:CreateHierarchy`: may create subfolders.
    pub create_hierarchy: bool,
    /// `t:Delete`: may delete.
    pub delete: bool,
    /// `t:Modify`: may change.
    pub modify: bool,
    /// `t:Read`: may read.
    pub read: bool,
    /// `t:ViewPrivateItems`: may see private items (Exchange 2013 and later).
    pub view_private_items: Option<bool>,
}

/// The parts of a contact's name (`t:CompleteNameType`, read-only).
///
/// See [CompleteName](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/completename).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "CompleteName")]
#[non_exhaustive]
pub struct CompleteName {
    /// `t:Title`: e.g. `Dr.`.
    pub title: Option<String>,
    /// `t:FirstName`.
    pub first_name: Option<String>,
    /// `t:MiddleName`.
    pub middle_name: Option<String>,
    /// `t:LastName`.
    pub last_name: Option<String>,
    /// `t:Suffix`: e.g. `Jr.`.
    pub suffix: Option<String>,
    /// `t:Initials`.
    pub initials: Option<String>,
    /// `t:FullName`.
    pub full_name: Option<String>,
    /// `t:Nickname`.
    pub nickname: Option<String>,
    /// `t:YomiFirstName`: the phonetic first name (Japanese).
    pub yomi_first_name: Option<String>,
    /// `t:YomiLastName`: the phonetic last name (Japanese).
    pub yomi_last_name: Option<String>,
}

/// One header of a message as it was received (`t:InternetHeaderType`).
///
/// See [InternetMessageHeader](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/internetmessageheader).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "InternetMessageHeader")]
pub struct InternetMessageHeader {
    /// `HeaderName`: the header's name, e.g. `Received`.
    #[xml(attr = "HeaderName")]
    pub header_name: String,
    /// The header's value.
    #[xml(text)]
    pub value: String,
}

impl InternetMessageHeader {
    /// The header `name: value`.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            header_name: name.into(),
            value: value.into(),
        }
    }
}

/// The headers of a message as it was received (`t:NonEmptyArrayOfInternetHeadersType`,
/// read-only), in order; a name may repeat.
///
/// See [InternetMessageHeaders](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/internetmessageheaders).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "InternetMessageHeaders")]
pub struct InternetMessageHeaders {
    /// `t:InternetMessageHeader`: the headers.
    #[xml(name = "InternetMessageHeader")]
    pub headers: Vec<InternetMessageHeader>,
}

impl InternetMessageHeaders {
    /// The value of the first header named `name` (compared without regard to ASCII case,
    /// as RFC 5322 does).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.header_name.eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }

    /// The values of every header named `name`, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |h| h.header_name.eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }
}

/// How important an item is (`t:ImportanceChoicesType`).
///
/// See [Importance](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/importance).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum Importance {
    /// `Low`.
    Low,
    /// `Normal`.
    #[default]
    Normal,
    /// `High`.
    High,
    /// An importance this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

/// How sensitive an item is (`t:SensitivityChoicesType`).
///
/// See [Sensitivity](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/sensitivity).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum Sensitivity {
    /// `Normal`.
    #[default]
    Normal,
    /// `Personal`.
    Personal,
    /// `Private`.
    Private,
    /// `Confidential`.
    Confidential,
    /// A sensitivity this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

serde_as_xml_value!(FlagStatus, Importance, Sensitivity);

impl crate::fields::FieldValue for EffectiveRights {
    const KIND: crate::fields::Kind =
        crate::fields::Kind::single(crate::fields::ValueKind::Complex);
}
