//! Phone numbers of contacts: `t:PhoneNumbers`.

use ews_xml::{XmlRead, XmlValue, XmlWrite};

/// The phone numbers of a contact (`t:PhoneNumberDictionaryType`).
///
/// See [PhoneNumbers](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/phonenumbers).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "PhoneNumbers")]
pub struct PhoneNumbers {
    /// `t:Entry`: the numbers.
    #[xml(name = "Entry")]
    pub entries: Vec<PhoneNumber>,
}

dictionary!(PhoneNumbers, PhoneNumber, PhoneNumberKey);

impl PhoneNumbers {
    /// The number for `key`.
    pub fn get(&self, key: PhoneNumberKey) -> Option<&str> {
        self.entry(key).map(|e| e.number.as_str())
    }

    /// Sets the number for `key`.
    pub fn set(&mut self, key: PhoneNumberKey, number: impl Into<String>) {
        self.insert(PhoneNumber::new(key, number));
    }
}

/// One phone number of a contact (`t:PhoneNumberDictionaryEntryType`).
///
/// See [Entry (PhoneNumber)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/entry-phonenumber).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PhoneNumber {
    /// `Key`: which of the contact's numbers.
    #[xml(attr = "Key")]
    pub key: PhoneNumberKey,
    /// The number.
    #[xml(text)]
    pub number: String,
}

impl PhoneNumber {
    /// The number `number` as entry `key`.
    pub fn new(key: PhoneNumberKey, number: impl Into<String>) -> Self {
        Self {
            key,
            number: number.into(),
        }
    }
}

/// Which phone number of a contact (`t:PhoneNumberKeyType`): every value of the schema.
///
/// See [Entry (PhoneNumber)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/entry-phonenumber).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum PhoneNumberKey {
    /// `AssistantPhone`.
    AssistantPhone,
    /// `BusinessFax`.
    BusinessFax,
    /// `BusinessPhone`.
    BusinessPhone,
    /// `BusinessPhone2`.
    BusinessPhone2,
    /// `Callback`.
    Callback,
    /// `CarPhone`.
    CarPhone,
    /// `CompanyMainPhone`.
    CompanyMainPhone,
    /// `HomeFax`.
    HomeFax,
    /// `HomePhone`.
    HomePhone,
    /// `HomePhone2`.
    HomePhone2,
    /// `Isdn`.
    Isdn,
    /// `MobilePhone`.
    MobilePhone,
    /// `OtherFax`.
    OtherFax,
    /// `OtherTelephone`.
    OtherTelephone,
    /// `Pager`.
    Pager,
    /// `PrimaryPhone`.
    PrimaryPhone,
    /// `RadioPhone`.
    RadioPhone,
    /// `Telex`.
    Telex,
    /// `TtyTddPhone`.
    TtyTddPhone,
    /// `BusinessMobile`.
    BusinessMobile,
    /// `IPPhone`.
    #[xml(rename = "IPPhone")]
    IpPhone,
    /// `Mms`.
    Mms,
    /// `Msn`.
    Msn,
    /// A key this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

impl PhoneNumberKey {
    /// Every key of the schema, in its order (without [`Other`](Self::Other)).
    pub const ALL: &'static [Self] = &[
        Self::AssistantPhone,
        Self::BusinessFax,
        Self::BusinessPhone,
        Self::BusinessPhone2,
        Self::Callback,
        Self::CarPhone,
        Self::CompanyMainPhone,
        Self::HomeFax,
        Self::HomePhone,
        Self::HomePhone2,
        Self::Isdn,
        Self::MobilePhone,
        Self::OtherFax,
        Self::OtherTelephone,
        Self::Pager,
        Self::PrimaryPhone,
        Self::RadioPhone,
        Self::Telex,
        Self::TtyTddPhone,
        Self::BusinessMobile,
        Self::IpPhone,
        Self::Mms,
        Self::Msn,
    ];
}

serde_as_xml_value!(PhoneNumberKey);
