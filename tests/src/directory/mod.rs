//! The directory side of the server: its users and public groups, and the operations that
//! read them (`ResolveNames`, `ExpandDL`), with `ConvertId` (its id formats are described in
//! [`convert_id`](mod@convert_id)).

mod convert_id;
mod expand_dl;
mod resolve_names;

pub(crate) use convert_id::convert_id;
pub(crate) use expand_dl::expand_dl;
pub(crate) use resolve_names::resolve_names;

use ews_model::items::contact::{Contact, ContactSource};
use ews_model::operations::MessageStatus;
use ews_model::properties::{
    EmailAddressKey, EmailAddresses, Mailbox as Address, MailboxType, RoutingType,
};
use ews_xml::ResponseCode;

/// One entry of the directory: a user's mailbox or a public group.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The primary SMTP address, as configured.
    pub(crate) address: String,
    /// The display name.
    pub(crate) name: String,
    /// The members' addresses of a group; `None` for a user.
    pub(crate) members: Option<Vec<String>>,
}

impl Entry {
    pub(super) fn is_group(&self) -> bool {
        self.members.is_some()
    }

    /// The entry as a `t:Mailbox`.
    pub(super) fn mailbox(&self) -> Address {
        let kind = if self.is_group() {
            MailboxType::PublicDL
        } else {
            MailboxType::Mailbox
        };
        Address::named(self.name.clone(), self.address.clone())
            .with_routing_type(RoutingType::Smtp)
            .with_mailbox_type(kind)
    }

    /// The entry as the contact `ReturnFullContactData` asks for.
    pub(super) fn contact(&self) -> Contact {
        let mut addresses = EmailAddresses::default();
        addresses.set(
            EmailAddressKey::EmailAddress1,
            format!("SMTP:{}", self.address),
        );
        let mut c = Contact::new().display_name(self.name.clone());
        c.email_addresses = Some(addresses);
        c.contact_source = Some(ContactSource::ActiveDirectory);
        c
    }
}

/// The server's directory: users first, then groups, each in the order configured.
#[derive(Debug, Clone, Default)]
pub(crate) struct Directory {
    pub(super) entries: Vec<Entry>,
}

impl Directory {
    /// The directory of these users and groups, with the display names configured for some
    /// addresses (the others get one from their local part).
    pub(crate) fn new(
        users: &[(String, String)],
        names: &[(String, String)],
        groups: &[(String, Vec<String>)],
    ) -> Self {
        let name_of = |address: &str| {
            names
                .iter()
                .rev()
                .find(|(a, _)| a.eq_ignore_ascii_case(address))
                .map_or_else(|| default_name(address), |(_, n)| n.clone())
        };
        let mut entries: Vec<Entry> = users
            .iter()
            .map(|(address, _)| Entry {
                address: address.clone(),
                name: name_of(address),
                members: None,
            })
            .collect();
        entries.extend(groups.iter().map(|(address, members)| Entry {
            address: address.clone(),
            name: name_of(address),
            members: Some(members.clone()),
        }));
        Self { entries }
    }

    pub(super) fn find(&self, address: &str) -> Option<&Entry> {
        let address = strip_smtp(address.trim());
        self.entries
            .iter()
            .find(|e| e.address.eq_ignore_ascii_case(address))
    }

    pub(super) fn is_user(&self, address: &str) -> bool {
        self.find(address).is_some_and(|e| !e.is_group())
    }
}

/// A display name from an address's local part: `alice@…` gives `Alice`, `ann.lee@…`
/// `Ann Lee`.
pub(crate) fn default_name(address: &str) -> String {
    let local = address.split('@').next().unwrap_or(address);
    let words: Vec<String> = local
        .split(['.', '_', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    if words.is_empty() {
        address.to_owned()
    } else {
        words.join(" ")
    }
}

/// `text` without a leading `smtp:` (any case).
pub(super) fn strip_smtp(text: &str) -> &str {
    match text.split_once(':') {
        Some((prefix, rest)) if prefix.eq_ignore_ascii_case("smtp") => rest,
        _ => text,
    }
}

pub(super) fn status(code: ResponseCode, text: &str) -> MessageStatus {
    MessageStatus::error(code, text)
}

pub(super) fn no_results() -> MessageStatus {
    status(
        ResponseCode::ErrorNameResolutionNoResults,
        "No results were found.",
    )
}
