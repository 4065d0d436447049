//! Property types: the values items and folders are made of (ids, mailboxes, bodies, flags,
//! the indexed properties of contacts), each writing and reading itself as the schema says.
//!
//! - [`ids`] holds [`ItemId`], [`AttachmentId`],
//!   [`ConversationId`], occurrence and recurring-master ids, and the
//!   [`ItemIdChoice`] of `m:ItemIds`.
//! - [`folder_ids`] holds [`FolderId`],
//!   [`DistinguishedFolderId`] with every
//!   [`DistinguishedFolderIdName`], and the
//!   [`FolderIdChoice`] of `m:FolderIds`.
//! - [`mailbox`] holds [`Mailbox`] (`t:EmailAddressType`),
//!   [`SingleRecipient`] (`t:Sender`, `t:From`),
//!   [`Attendee`].
//! - [`body`] holds [`Body`] and [`MimeContent`].
//! - [`flag`] holds the follow-up [`Flag`] and its [`FlagStatus`].
//! - [`headers`] holds the [`InternetMessageHeaders`] of a received message.
//! - [`importance`] and [`sensitivity`] hold [`Importance`] and [`Sensitivity`].
//! - [`rights`] holds [`EffectiveRights`].
//! - [`complete_name`] holds [`CompleteName`], the parts of a contact's name.
//! - [`indexed`] holds the dictionaries of contacts: [`EmailAddresses`],
//!   [`PhoneNumbers`], [`PhysicalAddresses`],
//!   [`ImAddresses`].
//!
//! Lists that are plain strings need no type of their own: `t:Categories` (an
//! `ArrayOfStringsType`, see [Categories](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/categories))
//! is a field of the item,
//!
//! ```
//! use ews_xml::{Name, XmlRead, XmlWrite};
//!
//! #[derive(Debug, Default, PartialEq, XmlWrite, XmlRead)]
//! struct Tagged {
//!     #[xml(wrapper = "Categories", item = "String")]
//!     categories: Vec<String>,   // <t:Categories><t:String>…</t:String>…</t:Categories>
//! }
//!
//! let tagged = Tagged { categories: vec!["Red".into(), "Work & play".into()] };
//! let xml = String::from_utf8(ews_xml::to_vec(&tagged, Name::t("Message"))?)?;
//! assert!(xml.ends_with(
//!     "<t:Categories><t:String>Red</t:String><t:String>Work &amp; play</t:String></t:Categories></t:Message>"
//! ));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Every enumeration of the schema is an open [`XmlValue`](ews_xml::XmlValue) enum: a value
//! newer than the schema reads as its `Other(String)` variant and is written back verbatim.
//! With the `serde` feature, these enums serialize as their XML text (`"SMTP"`, `"inbox"`).

pub mod body;
pub mod complete_name;
pub mod flag;
pub mod folder_ids;
pub mod headers;
pub mod ids;
pub mod importance;
pub mod indexed;
pub mod mailbox;
pub mod rights;
pub mod sensitivity;

pub use body::{Body, BodyType, MimeContent, NormalizedBody, UniqueBody};
pub use complete_name::CompleteName;
pub use flag::{Flag, FlagStatus};
pub use folder_ids::{DistinguishedFolderId, DistinguishedFolderIdName, FolderId, FolderIdChoice};
pub use headers::{InternetMessageHeader, InternetMessageHeaders};
pub use ids::{
    AttachmentId, ConversationId, ItemId, ItemIdChoice, OccurrenceItemId, RecurringMasterItemId,
};
pub use importance::Importance;
pub use indexed::{
    EmailAddress, EmailAddressKey, EmailAddresses, ImAddress, ImAddressKey, ImAddresses,
    PhoneNumber, PhoneNumberKey, PhoneNumbers, PhysicalAddress, PhysicalAddressKey,
    PhysicalAddresses,
};
pub use mailbox::{Attendee, Mailbox, MailboxType, ResponseType, RoutingType, SingleRecipient};
pub use rights::EffectiveRights;
pub use sensitivity::Sensitivity;
