//! Instant messaging addresses of contacts: `t:ImAddresses`.

use ews_xml::{XmlRead, XmlValue, XmlWrite};

/// The instant messaging addresses of a contact (`t:ImAddressDictionaryType`).
///
/// See [ImAddresses](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/imaddresses).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "ImAddresses")]
pub struct ImAddresses {
    /// `t:Entry`: the addresses.
    #[xml(name = "Entry")]
    pub entries: Vec<ImAddress>,
}

dictionary!(ImAddresses, ImAddress, ImAddressKey);

impl ImAddresses {
    /// The address for `key`.
    pub fn get(&self, key: ImAddressKey) -> Option<&str> {
        self.entry(key).map(|e| e.address.as_str())
    }

    /// Sets the address for `key`.
    pub fn set(&mut self, key: ImAddressKey, address: impl Into<String>) {
        self.insert(ImAddress::new(key, address));
    }
}

/// One instant messaging address of a contact (`t:ImAddressDictionaryEntryType`).
///
/// See [Entry (ImAddress)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/entry-imaddress).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ImAddress {
    /// `Key`: which of the contact's addresses.
    #[xml(attr = "Key")]
    pub key: ImAddressKey,
    /// The address.
    #[xml(text)]
    pub address: String,
}

impl ImAddress {
    /// The address `address` as entry `key`.
    pub fn new(key: ImAddressKey, address: impl Into<String>) -> Self {
        Self {
            key,
            address: address.into(),
        }
    }
}

/// Which instant messaging address of a contact (`t:ImAddressKeyType`).
///
/// See [Entry (ImAddress)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/entry-imaddress).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum ImAddressKey {
    /// `ImAddress1`.
    ImAddress1,
    /// `ImAddress2`.
    ImAddress2,
    /// `ImAddress3`.
    ImAddress3,
    /// A key this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

serde_as_xml_value!(ImAddressKey);
