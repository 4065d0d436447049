//! `ExpandDL`: the members of a distribution list (public or a private list in Contacts).
//!
//! ```
//! use ews_model::operations::ExpandDl;
//! use ews_model::properties::Mailbox;
//!
//! let request = ExpandDl::new(Mailbox::new("all-staff@example.test"));
//! assert_eq!(request.mailbox.email_address.as_deref(), Some("all-staff@example.test"));
//! ```
//!
//! Reference: [ExpandDL operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/expanddl-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::{MessageStatus, Operation, ResponseError, Sealed};
use crate::properties::Mailbox;
use crate::version::ExchangeVersion;
use crate::view::PagingInfo;

/// The `ExpandDL` request (`m:ExpandDLType`).
///
/// See [ExpandDL](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/expanddl).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "ExpandDL")]
#[non_exhaustive]
pub struct ExpandDl {
    /// The list: its SMTP address, or the `ItemId` of a private list.
    pub mailbox: Mailbox,
}

impl ExpandDl {
    /// Expand `list`.
    pub fn new(list: impl Into<Mailbox>) -> Self {
        Self {
            mailbox: list.into(),
        }
    }
}

impl Sealed for ExpandDl {}

impl Operation for ExpandDl {
    type Response = ExpandDlResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = true;
}

/// `m:DLExpansion`: the members, with paging attributes.
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DlExpansion {
    /// Paging attributes (`TotalItemsInView`, `IncludesLastItemInRange`...).
    #[xml(flatten)]
    pub paging: PagingInfo,
    /// The members (nested lists are not expanded).
    #[xml(name = "Mailbox")]
    pub members: Vec<Mailbox>,
}

/// The `ExpandDL` response message (`m:ExpandDLResponseMessageType`).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct ExpandDlResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:DLExpansion`.
    #[xml(name = "DLExpansion")]
    pub expansion: Option<DlExpansion>,
}

/// The `ExpandDL` response.
///
/// See [ExpandDLResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/expanddlresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "ExpandDLResponse")]
#[non_exhaustive]
pub struct ExpandDlResponse {
    /// `m:ResponseMessages`: one message.
    #[xml(wrapper = "ResponseMessages", item = "ExpandDLResponseMessage")]
    pub messages: Vec<ExpandDlResponseMessage>,
}

impl ExpandDlResponse {
    /// The members, or the error.
    pub fn into_result(self) -> Result<DlExpansion, ResponseError> {
        let message = self
            .messages
            .into_iter()
            .next()
            .ok_or(ResponseError::Incomplete {
                missing: "response message",
            })?;
        message.status.check()?;
        Ok(message.expansion.unwrap_or_default())
    }
}
