//! [`CompleteName`]: the parts of a contact's name.

use ews_xml::{XmlRead, XmlWrite};

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
