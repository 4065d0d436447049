//! Mailboxes (`t:EmailAddressType`), single recipients (`t:Sender`, `t:From`) and meeting
//! attendees.
//!
//! ```
//! use ews_model::properties::{Attendee, Mailbox, ResponseType, SingleRecipient};
//!
//! let alice = Mailbox::named("Alice", "alice@example.test");
//! let bob: Mailbox = "bob@example.test".into();
//! assert_eq!(bob.email_address.as_deref(), Some("bob@example.test"));
//! let from = SingleRecipient::from(alice.clone());
//! assert_eq!(from.mailbox.name.as_deref(), Some("Alice"));
//! let attendee = Attendee::new(alice).with_response_type(ResponseType::Accept);
//! assert_eq!(attendee.response_type, Some(ResponseType::Accept));
//! ```

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use super::ids::ItemId;
use crate::time::DateTime;

/// A mailbox: a name and an address, with how to route to it (`t:EmailAddressType`).
///
/// The element is `t:Mailbox` in recipient lists, `t:Sender`/`t:From` (inside a
/// [`SingleRecipient`]), attendees and delegates. All its children are optional in the
/// schema; requests normally give at least [`email_address`](Self::email_address). See
/// [Mailbox](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/mailbox).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "Mailbox")]
#[non_exhaustive]
pub struct Mailbox {
    /// `t:Name`: the display name.
    pub name: Option<String>,
    /// `t:EmailAddress`: the address (SMTP, or an X.500 DN when the routing type is `EX`);
    /// must not be empty.
    pub email_address: Option<String>,
    /// `t:RoutingType`: how the address is to be read (`SMTP`, `EX`, …); must not be empty.
    pub routing_type: Option<RoutingType>,
    /// `t:MailboxType`: what kind of mailbox it is (responses).
    pub mailbox_type: Option<MailboxType>,
    /// `t:ItemId`: the contact or distribution list this address comes from.
    pub item_id: Option<ItemId>,
    /// `t:OriginalDisplayName`: the name the sender typed, before resolution.
    pub original_display_name: Option<String>,
}

impl Mailbox {
    /// A mailbox with an address and nothing else.
    pub fn new(email_address: impl Into<String>) -> Self {
        Self {
            email_address: Some(email_address.into()),
            ..Self::default()
        }
    }

    /// A mailbox with a display name and an address.
    pub fn named(name: impl Into<String>, email_address: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::new(email_address)
        }
    }

    /// This mailbox with the routing type `routing_type`.
    #[must_use]
    pub fn with_routing_type(mut self, routing_type: RoutingType) -> Self {
        self.routing_type = Some(routing_type);
        self
    }

    /// This mailbox with the mailbox type `mailbox_type`.
    #[must_use]
    pub fn with_mailbox_type(mut self, mailbox_type: MailboxType) -> Self {
        self.mailbox_type = Some(mailbox_type);
        self
    }

    /// This mailbox pointing at the contact or distribution list `item_id`.
    #[must_use]
    pub fn with_item_id(mut self, item_id: ItemId) -> Self {
        self.item_id = Some(item_id);
        self
    }
}

impl From<&str> for Mailbox {
    /// A mailbox with the address `email_address`.
    fn from(email_address: &str) -> Self {
        Self::new(email_address)
    }
}

impl From<String> for Mailbox {
    /// A mailbox with the address `email_address`.
    fn from(email_address: String) -> Self {
        Self::new(email_address)
    }
}

/// How an address is to be read (`t:RoutingType`, a non-empty string in the schema).
///
/// See [RoutingType](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/routingtype-emailaddresstype).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum RoutingType {
    /// `SMTP`: an internet address.
    #[xml(rename = "SMTP")]
    Smtp,
    /// `EX`: an Exchange (X.500) address.
    #[xml(rename = "EX")]
    Ex,
    /// Any other routing type, kept verbatim.
    #[xml(other)]
    Other(String),
}

/// What kind of mailbox an address belongs to (`t:MailboxTypeType`).
///
/// See [MailboxType](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/mailboxtype).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum MailboxType {
    /// `Unknown`.
    Unknown,
    /// `OneOff`: an address that is not in any directory or contacts folder.
    OneOff,
    /// `Mailbox`: a mail-enabled directory user.
    Mailbox,
    /// `PublicDL`: a distribution list of the directory.
    PublicDL,
    /// `PrivateDL`: a distribution list in a contacts folder.
    PrivateDL,
    /// `Contact`: a contact in a contacts folder.
    Contact,
    /// `PublicFolder`: a mail-enabled public folder.
    PublicFolder,
    /// `GroupMailbox`: a Microsoft 365 group.
    GroupMailbox,
    /// `ImplicitContact`: a contact implied by a conversation.
    ImplicitContact,
    /// `User`: a user of the directory.
    User,
    /// A mailbox type this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

/// One mailbox in an element that holds exactly one (`t:SingleRecipientType`): `t:Sender`,
/// `t:From`, `t:ReceivedBy`, `t:Organizer`, … — `<t:From><t:Mailbox>…</t:Mailbox></t:From>`.
///
/// A parent can also say this directly, without this type:
/// `#[xml(wrapper = "From", item = "Mailbox")] from: Option<Mailbox>`. See
/// [From](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/from)
/// and [Sender](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/sender).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SingleRecipient {
    /// `t:Mailbox`: the one mailbox.
    pub mailbox: Mailbox,
}

impl From<Mailbox> for SingleRecipient {
    fn from(mailbox: Mailbox) -> Self {
        Self { mailbox }
    }
}

impl From<&str> for SingleRecipient {
    /// The mailbox with the address `email_address`.
    fn from(email_address: &str) -> Self {
        Self::from(Mailbox::new(email_address))
    }
}

impl From<SingleRecipient> for Mailbox {
    fn from(recipient: SingleRecipient) -> Self {
        recipient.mailbox
    }
}

/// An attendee of a meeting, with their response (`t:AttendeeType`), in
/// `t:RequiredAttendees`, `t:OptionalAttendees` and `t:Resources`.
///
/// See [Attendee](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/attendee).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "Attendee")]
#[non_exhaustive]
pub struct Attendee {
    /// `t:Mailbox`: who.
    pub mailbox: Mailbox,
    /// `t:ResponseType`: their answer so far.
    pub response_type: Option<ResponseType>,
    /// `t:LastResponseTime`: when they last answered.
    pub last_response_time: Option<DateTime>,
    /// `t:ProposedStart`: the start they proposed instead.
    pub proposed_start: Option<DateTime>,
    /// `t:ProposedEnd`: the end they proposed instead.
    pub proposed_end: Option<DateTime>,
}

impl Attendee {
    /// An attendee who has not answered.
    pub fn new(mailbox: impl Into<Mailbox>) -> Self {
        Self {
            mailbox: mailbox.into(),
            ..Self::default()
        }
    }

    /// This attendee with the response `response_type`.
    #[must_use]
    pub fn with_response_type(mut self, response_type: ResponseType) -> Self {
        self.response_type = Some(response_type);
        self
    }
}

/// An attendee's answer to a meeting request (`t:ResponseTypeType`).
///
/// See [ResponseType](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responsetype).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum ResponseType {
    /// `Unknown`.
    Unknown,
    /// `Organizer`: the attendee organizes the meeting.
    Organizer,
    /// `Tentative`: tentatively accepted.
    Tentative,
    /// `Accept`: accepted.
    Accept,
    /// `Decline`: declined.
    Decline,
    /// `NoResponseReceived`: not answered yet.
    NoResponseReceived,
    /// A response this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

serde_as_xml_value!(RoutingType, MailboxType, ResponseType);
