//! The enumerations of contacts and distribution lists: file-as mappings, contact sources,
//! the mailing address index.

use ews_xml::XmlValue;

use crate::fields::{FieldValue, Kind};

/// How a contact's `FileAs` is composed (`t:FileAsMappingType`).
///
/// See [FileAsMapping](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/fileasmapping).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum FileAsMapping {
    /// `None`.
    None,
    /// `LastCommaFirst`: "Smith, John".
    LastCommaFirst,
    /// `FirstSpaceLast`: "John Smith".
    FirstSpaceLast,
    /// `Company`.
    Company,
    /// `LastCommaFirstCompany`.
    LastCommaFirstCompany,
    /// `CompanyLastFirst`.
    CompanyLastFirst,
    /// `LastFirst`.
    LastFirst,
    /// `LastFirstCompany`.
    LastFirstCompany,
    /// `CompanyLastCommaFirst`.
    CompanyLastCommaFirst,
    /// `LastFirstSuffix`.
    LastFirstSuffix,
    /// `LastSpaceFirstCompany`.
    LastSpaceFirstCompany,
    /// `CompanyLastSpaceFirst`.
    CompanyLastSpaceFirst,
    /// `LastSpaceFirst`.
    LastSpaceFirst,
    /// `DisplayName`.
    DisplayName,
    /// `FirstName`.
    FirstName,
    /// `LastFirstMiddleSuffix`.
    LastFirstMiddleSuffix,
    /// `LastName`.
    LastName,
    /// `Empty`.
    Empty,
    /// A value this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

impl FileAsMapping {
    /// Every value of the schema, in its order.
    pub const VALUES: &'static [&'static str] = &[
        "None",
        "LastCommaFirst",
        "FirstSpaceLast",
        "Company",
        "LastCommaFirstCompany",
        "CompanyLastFirst",
        "LastFirst",
        "LastFirstCompany",
        "CompanyLastCommaFirst",
        "LastFirstSuffix",
        "LastSpaceFirstCompany",
        "CompanyLastSpaceFirst",
        "LastSpaceFirst",
        "DisplayName",
        "FirstName",
        "LastFirstMiddleSuffix",
        "LastName",
        "Empty",
    ];
}

/// Where a contact or distribution list lives (`t:ContactSourceType`).
///
/// See [ContactSource](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/contactsource).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum ContactSource {
    /// `ActiveDirectory`: the directory (results of `ResolveNames`).
    ActiveDirectory,
    /// `Store`: a contacts folder of a mailbox.
    Store,
    /// A value this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

impl ContactSource {
    /// Every value of the schema, in its order.
    pub const VALUES: &'static [&'static str] = &["ActiveDirectory", "Store"];
}

/// Which postal address of a contact is its mailing address (`t:PhysicalAddressIndexType`).
///
/// See [PostalAddressIndex](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/postaladdressindex).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum PostalAddressIndex {
    /// `None`.
    None,
    /// `Home`.
    Home,
    /// `Business`.
    Business,
    /// `Other` (the schema's value; not [`Unknown`](Self::Unknown)).
    Other,
    /// A value this schema does not know, kept verbatim.
    #[xml(other)]
    Unknown(String),
}

impl PostalAddressIndex {
    /// Every value of the schema, in its order.
    pub const VALUES: &'static [&'static str] = &["None", "Home", "Business", "Other"];
}

serde_as_xml_value!(FileAsMapping, ContactSource, PostalAddressIndex);

impl FieldValue for FileAsMapping {
    const KIND: Kind = Kind::enumeration(Self::VALUES);
}

impl FieldValue for ContactSource {
    const KIND: Kind = Kind::enumeration(Self::VALUES);
}

impl FieldValue for PostalAddressIndex {
    const KIND: Kind = Kind::enumeration(Self::VALUES);
}
