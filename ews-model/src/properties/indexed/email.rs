//! E-mail addresses of contacts: `t:EmailAddresses`.

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use crate::properties::mailbox::MailboxType;

/// The e-mail addresses of a contact (`t:EmailAddressDictionaryType`).
///
/// See [EmailAddresses](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/emailaddresses).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "EmailAddresses")]
pub struct EmailAddresses {
    /// `t:Entry`: the addresses.
    #[xml(name = "Entry")]
    pub entries: Vec<EmailAddress>,
}

dictionary!(EmailAddresses, EmailAddress, EmailAddressKey);

impl EmailAddresses {
    /// The address for `key`.
    pub fn get(&self, key: EmailAddressKey) -> Option<&str> {
        self.entry(key).map(|e| e.address.as_str())
    }

    /// Sets the address for `key` (the entry's other attributes are dropped).
    pub fn set(&mut self, key: EmailAddressKey, address: impl Into<String>) {
        self.insert(EmailAddress::new(key, address));
    }
}

/// One e-mail address of a contact (`t:EmailAddressDictionaryEntryType`).
///
/// See [Entry (EmailAddress)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/entry-emailaddress).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct EmailAddress {
    /// `Key`: which of the contact's addresses.
    #[xml(attr = "Key")]
    pub key: EmailAddressKey,
    /// `Name`: the display name for this address.
    #[xml(attr = "Name")]
    pub name: Option<String>,
    /// `RoutingType`: e.g. `SMTP`.
    #[xml(attr = "RoutingType")]
    pub routing_type: Option<String>,
    /// `MailboxType`: what kind of mailbox it is.
    #[xml(attr = "MailboxType")]
    pub mailbox_type: Option<MailboxType>,
    /// The address.
    #[xml(text)]
    pub address: String,
}

impl EmailAddress {
    /// The address `address` as entry `key`.
    pub fn new(key: EmailAddressKey, address: impl Into<String>) -> Self {
        Self {
            key,
            name: None,
            routing_type: None,
            mailbox_type: None,
            address: address.into(),
        }
    }

    /// This entry with the display name `name`.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// This entry with the routing type `routing_type`.
    #[must_use]
    pub fn with_routing_type(mut self, routing_type: impl Into<String>) -> Self {
        self.routing_type = Some(routing_type.into());
        self
    }

    /// This entry with the mailbox type `mailbox_type`.
    #[must_use]
    pub fn with_mailbox_type(mut self, mailbox_type: MailboxType) -> Self {
        self.mailbox_type = Some(mailbox_type);
        self
    }
}

/// Which e-mail address of a contact (`t:EmailAddressKeyType`).
///
/// See [Entry (EmailAddress)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/entry-emailaddress).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum EmailAddressKey {
    /// `EmailAddress1`.
    EmailAddress1,
    /// `EmailAddress2`.
    EmailAddress2,
    /// `EmailAddress3`.
    EmailAddress3,
    /// A key this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

serde_as_xml_value!(EmailAddressKey);
