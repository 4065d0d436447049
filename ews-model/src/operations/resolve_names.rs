//! `ResolveNames`: find mailboxes and contacts matching an ambiguous name.
//!
//! ```
//! use ews_model::operations::{ResolveNames, SearchScope};
//!
//! let request = ResolveNames::new("johnson").full_contact_data().scope(SearchScope::Contacts);
//! assert_eq!(request.unresolved_entry, "johnson");
//! ```
//!
//! Reference: [ResolveNames operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/resolvenames-operation).

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use super::{BaseShape, MessageStatus, Operation, ResponseError, Sealed};
use crate::items::contact::Contact;
use crate::properties::{FolderIdChoice, Mailbox};
use crate::version::ExchangeVersion;
use crate::view::PagingInfo;

/// Where to look, in which order (`t:ResolveNamesSearchScopeType`).
///
/// See [ResolveNames](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/resolvenames).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum SearchScope {
    /// The directory only.
    ActiveDirectory,
    /// The directory, then the contacts folders (the server's default).
    ActiveDirectoryContacts,
    /// The contacts folders only.
    Contacts,
    /// The contacts folders, then the directory.
    ContactsActiveDirectory,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// The `ResolveNames` request (`m:ResolveNamesType`).
///
/// See [ResolveNames](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/resolvenames).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "ResolveNames")]
#[non_exhaustive]
pub struct ResolveNames {
    /// `ReturnFullContactData`: return the contact of each resolution.
    #[xml(attr = "ReturnFullContactData")]
    pub return_full_contact_data: bool,
    /// `SearchScope`: where to look (default `ActiveDirectoryContacts`).
    #[xml(attr = "SearchScope")]
    pub search_scope: Option<SearchScope>,
    /// `ContactDataShape`: which contact properties to return (Exchange 2010 SP2 and later).
    #[xml(attr = "ContactDataShape")]
    pub contact_data_shape: Option<BaseShape>,
    /// `m:ParentFolderIds`: the contacts folders to search (default: the user's Contacts).
    #[xml(wrapper = "ParentFolderIds", choice)]
    pub parent_folder_ids: Vec<FolderIdChoice>,
    /// `m:UnresolvedEntry`: the name to resolve (not empty).
    pub unresolved_entry: String,
}

impl ResolveNames {
    /// Resolve `entry` (a name, an alias or an address prefix such as `smtp:`).
    pub fn new(entry: impl Into<String>) -> Self {
        Self {
            unresolved_entry: entry.into(),
            ..Self::default()
        }
    }
    /// Return the contact of each resolution.
    #[must_use]
    pub fn full_contact_data(mut self) -> Self {
        self.return_full_contact_data = true;
        self
    }
    /// Look in `scope`.
    #[must_use]
    pub fn scope(mut self, scope: SearchScope) -> Self {
        self.search_scope = Some(scope);
        self
    }
    /// Return contacts in `shape`.
    #[must_use]
    pub fn contact_data_shape(mut self, shape: BaseShape) -> Self {
        self.contact_data_shape = Some(shape);
        self
    }
    /// Also search the contacts folder `folder`.
    #[must_use]
    pub fn folder(mut self, folder: impl Into<FolderIdChoice>) -> Self {
        self.parent_folder_ids.push(folder.into());
        self
    }
}

impl Sealed for ResolveNames {}

impl Operation for ResolveNames {
    type Response = ResolveNamesResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007;
    const IDEMPOTENT: bool = true;
}

/// One match (`t:ResolutionType`): the mailbox, and the contact when asked for.
///
/// See [Resolution](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/resolution).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Resolution {
    /// `t:Mailbox`: the address (with the `ItemId` of a contact from a contacts folder).
    pub mailbox: Mailbox,
    /// `t:Contact`: the contact's data (with `ReturnFullContactData`).
    pub contact: Option<Contact>,
}

impl Resolution {
    /// A resolution to `mailbox`.
    pub fn new(mailbox: impl Into<Mailbox>) -> Self {
        Self {
            mailbox: mailbox.into(),
            contact: None,
        }
    }
}

/// `m:ResolutionSet` (`t:ArrayOfResolutionType`): the matches, at most 100, with paging
/// attributes.
///
/// See [ResolutionSet](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/resolutionset).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ResolutionSet {
    /// Paging attributes (`TotalItemsInView`, `IncludesLastItemInRange`...).
    #[xml(flatten)]
    pub paging: PagingInfo,
    /// `t:Resolution`: the matches.
    #[xml(name = "Resolution")]
    pub resolutions: Vec<Resolution>,
}

/// The `ResolveNames` response message (`m:ResolveNamesResponseMessageType`).
///
/// Several matches come as a `Warning` with the code `ErrorNameResolutionMultipleResults`,
/// still carrying the matches; no match is an `Error` (`ErrorNameResolutionNoResults`).
///
/// See [ResolveNamesResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/resolvenamesresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct ResolveNamesResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:ResolutionSet`: the matches.
    pub resolution_set: Option<ResolutionSet>,
}

impl ResolveNamesResponseMessage {
    /// The matches (of a `Success` or `Warning` message), or the error.
    pub fn into_result(self) -> Result<ResolutionSet, ResponseError> {
        self.status.check()?;
        Ok(self.resolution_set.unwrap_or_default())
    }
}

/// The `ResolveNames` response (`m:ResolveNamesResponseType`).
///
/// See [ResolveNamesResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/resolvenamesresponse).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "ResolveNamesResponse")]
#[non_exhaustive]
pub struct ResolveNamesResponse {
    /// `m:ResponseMessages`: one message (for the one entry).
    #[xml(wrapper = "ResponseMessages", item = "ResolveNamesResponseMessage")]
    pub messages: Vec<ResolveNamesResponseMessage>,
}

impl ResolveNamesResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<ResolveNamesResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per message (one in practice): the matches, or the error. A `Warning`
    /// (several matches) keeps its matches.
    pub fn into_results(self) -> Vec<Result<ResolutionSet, ResponseError>> {
        self.messages
            .into_iter()
            .map(ResolveNamesResponseMessage::into_result)
            .collect()
    }
    /// The matches of the (single) message, or its error.
    pub fn into_result(self) -> Result<ResolutionSet, ResponseError> {
        self.messages
            .into_iter()
            .next()
            .ok_or(ResponseError::Incomplete {
                missing: "response message",
            })?
            .into_result()
    }
}
