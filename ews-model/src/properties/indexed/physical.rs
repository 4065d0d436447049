//! Postal addresses of contacts: `t:PhysicalAddresses`.

use ews_xml::{XmlRead, XmlValue, XmlWrite};

/// The postal addresses of a contact (`t:PhysicalAddressDictionaryType`).
///
/// See [PhysicalAddresses](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/physicaladdresses).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "PhysicalAddresses")]
pub struct PhysicalAddresses {
    /// `t:Entry`: the addresses.
    #[xml(name = "Entry")]
    pub entries: Vec<PhysicalAddress>,
}

dictionary!(PhysicalAddresses, PhysicalAddress, PhysicalAddressKey);

impl PhysicalAddresses {
    /// The address for `key`.
    pub fn get(&self, key: PhysicalAddressKey) -> Option<&PhysicalAddress> {
        self.entry(key)
    }

    /// Sets the address for `key` (the key of `address` is replaced by `key`).
    pub fn set(&mut self, key: PhysicalAddressKey, mut address: PhysicalAddress) {
        address.key = key;
        self.insert(address);
    }
}

/// One postal address of a contact (`t:PhysicalAddressDictionaryEntryType`).
///
/// See [Entry (PhysicalAddress)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/entry-physicaladdress).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PhysicalAddress {
    /// `Key`: which of the contact's addresses.
    #[xml(attr = "Key")]
    pub key: PhysicalAddressKey,
    /// `t:Street`.
    pub street: Option<String>,
    /// `t:City`.
    pub city: Option<String>,
    /// `t:State`.
    pub state: Option<String>,
    /// `t:CountryOrRegion`.
    pub country_or_region: Option<String>,
    /// `t:PostalCode`.
    pub postal_code: Option<String>,
}

impl PhysicalAddress {
    /// An empty address as entry `key`.
    pub fn new(key: PhysicalAddressKey) -> Self {
        Self {
            key,
            ..Self::default()
        }
    }

    /// This address with the street `street`.
    #[must_use]
    pub fn with_street(mut self, street: impl Into<String>) -> Self {
        self.street = Some(street.into());
        self
    }

    /// This address with the city `city`.
    #[must_use]
    pub fn with_city(mut self, city: impl Into<String>) -> Self {
        self.city = Some(city.into());
        self
    }

    /// This address with the state `state`.
    #[must_use]
    pub fn with_state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }

    /// This address with the country or region `country`.
    #[must_use]
    pub fn with_country_or_region(mut self, country: impl Into<String>) -> Self {
        self.country_or_region = Some(country.into());
        self
    }

    /// This address with the postal code `code`.
    #[must_use]
    pub fn with_postal_code(mut self, code: impl Into<String>) -> Self {
        self.postal_code = Some(code.into());
        self
    }
}

/// Which postal address of a contact (`t:PhysicalAddressKeyType`).
///
/// See [Entry (PhysicalAddress)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/entry-physicaladdress).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum PhysicalAddressKey {
    /// `Home`.
    Home,
    /// `Business`.
    #[default]
    Business,
    /// `Other` (the schema's value; not [`Unknown`](Self::Unknown)).
    Other,
    /// A key this schema does not know, kept verbatim.
    #[xml(other)]
    Unknown(String),
}

serde_as_xml_value!(PhysicalAddressKey);
