//! Private distribution lists, kept in a contacts folder (`t:DistributionList`,
//! `DistributionListType` of `types.xsd`).
//!
//! ```
//! use ews_model::items::distribution_list::{DistributionList, Member};
//!
//! let list = DistributionList::new("Team")
//!     .member(Member::new("ann@example.test"))
//!     .member(Member::new("bob@example.test"));
//! assert_eq!(list.members.len(), 2);
//! ```

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use crate::fields::{FieldValue, Kind, ValueKind};
use crate::items::ItemBase;
use crate::items::contact::ContactSource;
use crate::properties::Mailbox;

/// A private distribution list (`t:DistributionList`): the item base, then its fields in the
/// schema's order.
///
/// See [DistributionList](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/distributionlist).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, crate::Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "DistributionList")]
#[non_exhaustive]
pub struct DistributionList {
    /// The fields every item has.
    #[xml(flatten)]
    #[field(base)]
    pub item: ItemBase,
    /// `t:DisplayName`.
    #[field(uri = "contacts:DisplayName", searchable, required)]
    pub display_name: Option<String>,
    /// `t:FileAs`.
    #[field(uri = "contacts:FileAs", searchable, read_only)]
    pub file_as: Option<String>,
    /// `t:ContactSource`.
    #[field(uri = "contacts:ContactSource", read_only)]
    pub contact_source: Option<ContactSource>,
    /// `t:Members/t:Member` (not written when empty).
    #[xml(wrapper = "Members", item = "Member")]
    #[field(uri = "distributionlist:Members")]
    pub members: Vec<Member>,
}

impl DistributionList {
    /// An empty list named `display_name`.
    pub fn new(display_name: impl Into<String>) -> Self {
        Self {
            display_name: Some(display_name.into()),
            ..Self::default()
        }
    }

    /// With the subject (`t:Subject` of the item base).
    #[must_use]
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.item.subject = Some(subject.into());
        self
    }

    /// With `member` added.
    #[must_use]
    pub fn member(mut self, member: Member) -> Self {
        self.members.push(member);
        self
    }

    /// With these members added.
    #[must_use]
    pub fn members<M: Into<Member>>(mut self, members: impl IntoIterator<Item = M>) -> Self {
        self.members.extend(members.into_iter().map(Into::into));
        self
    }
}

/// One member of a distribution list (`t:Member`, `MemberType`).
///
/// See [Member](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/member).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "Member")]
#[non_exhaustive]
pub struct Member {
    /// `Key`: the member's key within the list (set by the server; addresses
    /// `distributionlist:Members:Member` updates).
    #[xml(attr = "Key")]
    pub key: Option<String>,
    /// `t:Mailbox`: who (an address, a contact or another list).
    pub mailbox: Option<Mailbox>,
    /// `t:Status`.
    pub status: Option<MemberStatus>,
}

impl Member {
    /// A member for `mailbox`.
    pub fn new(mailbox: impl Into<Mailbox>) -> Self {
        Self {
            mailbox: Some(mailbox.into()),
            ..Self::default()
        }
    }
}

impl From<Mailbox> for Member {
    fn from(mailbox: Mailbox) -> Self {
        Self::new(mailbox)
    }
}

impl From<&str> for Member {
    fn from(address: &str) -> Self {
        Self::new(address)
    }
}

impl FieldValue for Member {
    const KIND: Kind = Kind::single(ValueKind::Mailbox);
}

/// The status of a distribution list member (`t:MemberStatusType`).
///
/// See [Status](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/status).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum MemberStatus {
    /// `Unrecognized`.
    Unrecognized,
    /// `Normal`.
    Normal,
    /// `Demoted`.
    Demoted,
    /// A value this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

serde_as_xml_value!(MemberStatus);
