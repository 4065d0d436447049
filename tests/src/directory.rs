//! The directory side of the server: its users and public groups, and the operations that
//! read them (`ResolveNames`, `ExpandDL`), with `ConvertId`.
//!
//! # Id formats
//!
//! Every id this server issues is the standard base64 of some bytes `raw`: a folder id is
//! `FXF\x01` and 32 random bytes, an item id `FXI\x01` and 32 random bytes, an occurrence id
//! `FXO\x01`, the raw item id of the master and its 4-byte index. These ids are the `EwsId`
//! format. `ConvertId` maps them to the other formats Exchange names, without looking the
//! object up (as Exchange, it converts the text only), in a way that converts back exactly:
//!
//! | format        | text                                                               |
//! |---------------|--------------------------------------------------------------------|
//! | `EwsId`       | base64(`raw`), the id as issued                                    |
//! | `EwsLegacyId` | base64(`FXL\x01` ‖ `raw`)                                          |
//! | `EntryId`     | base64(`E`), `E` = 4 zero flag bytes ‖ [`PROVIDER`] ‖ `raw`        |
//! | `HexEntryId`  | `E` in upper-case hexadecimal (lower case is accepted)             |
//! | `StoreId`     | base64(`E` ‖ one byte: 1 folder, 2 item, 3 occurrence)             |
//! | `OwaId`       | URL-safe base64 without padding of (`FXW\x01` ‖ `raw`)             |
//!
//! An id that does not decode in its stated format, or decodes to bytes this server never
//! issues, gets `ErrorInvalidIdMalformed` (`ErrorInvalidIdMalformedEwsLegacyIdFormat` for
//! `EwsLegacyId`); an empty one `ErrorInvalidIdEmpty`; a `Mailbox` that is not a user of the
//! server `ErrorNonExistentMailbox`; `IsArchive="true"` `ErrorArchiveMailboxNotEnabled`;
//! public folder ids `ErrorInvalidOperation` (there are no public folders).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ews_model::items::Item;
use ews_model::items::contact::{Contact, ContactSource};
use ews_model::operations::{
    AlternateId, AnyAlternateId, ConvertId, ConvertIdResponse, ConvertIdResponseMessage,
    ConvertedId, DlExpansion, ExpandDl, ExpandDlResponse, ExpandDlResponseMessage, IdFormat,
    MessageStatus, Resolution, ResolutionSet, ResolveNames, ResolveNamesResponse,
    ResolveNamesResponseMessage, SearchScope,
};
use ews_model::properties::{
    EmailAddressKey, EmailAddresses, ItemId, Mailbox as Address, MailboxType, RoutingType,
};
use ews_xml::{ResponseClass, ResponseCode};

use crate::mailbox::{IdKind, Mailbox, id_kind};

/// The provider id inside this server's entry ids (16 bytes, as a MAPI provider UID).
pub(crate) const PROVIDER: &[u8; 16] = b"FakeExchange\x00\x00\x00\x01";
/// The prefix of the bytes of an `EwsLegacyId`.
const LEGACY_MAGIC: &[u8] = b"FXL\x01";
/// The prefix of the bytes of an `OwaId`.
const OWA_MAGIC: &[u8] = b"FXW\x01";
/// The most resolutions `ResolveNames` returns, as Exchange.
const MAX_RESOLUTIONS: usize = 100;

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
    fn is_group(&self) -> bool {
        self.members.is_some()
    }

    /// The entry as a `t:Mailbox`.
    fn mailbox(&self) -> Address {
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
    fn contact(&self) -> Contact {
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
    entries: Vec<Entry>,
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

    fn find(&self, address: &str) -> Option<&Entry> {
        let address = strip_smtp(address.trim());
        self.entries
            .iter()
            .find(|e| e.address.eq_ignore_ascii_case(address))
    }

    fn is_user(&self, address: &str) -> bool {
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
fn strip_smtp(text: &str) -> &str {
    match text.split_once(':') {
        Some((prefix, rest)) if prefix.eq_ignore_ascii_case("smtp") => rest,
        _ => text,
    }
}

fn status(code: ResponseCode, text: &str) -> MessageStatus {
    MessageStatus::error(code, text)
}

fn no_results() -> MessageStatus {
    status(
        ResponseCode::ErrorNameResolutionNoResults,
        "No results were found.",
    )
}

// ---------------------------------------------------------------------------------------
// ConvertId

/// The bytes of an entry id around `raw`.
fn entry_id(raw: &[u8]) -> Vec<u8> {
    let mut e = vec![0u8; 4];
    e.extend_from_slice(PROVIDER);
    e.extend_from_slice(raw);
    e
}

/// `raw` out of entry id bytes.
fn from_entry_id(entry: &[u8]) -> Option<Vec<u8>> {
    let rest = entry.strip_prefix(&[0u8; 4][..])?;
    rest.strip_prefix(&PROVIDER[..]).map(<[u8]>::to_vec)
}

fn kind_byte(kind: IdKind) -> u8 {
    match kind {
        IdKind::Folder => 1,
        IdKind::Item => 2,
        IdKind::Occurrence => 3,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The raw bytes of `text` read as `format`, and what they name.
fn decode(format: &IdFormat, text: &str) -> Result<(Vec<u8>, IdKind), MessageStatus> {
    let malformed = || status(ResponseCode::ErrorInvalidIdMalformed, "Id is malformed.");
    let raw = match format {
        IdFormat::EwsId => STANDARD.decode(text).ok(),
        IdFormat::EwsLegacyId => {
            let raw = STANDARD
                .decode(text)
                .ok()
                .and_then(|b| b.strip_prefix(LEGACY_MAGIC).map(<[u8]>::to_vec));
            let kind = raw.as_deref().and_then(id_kind);
            return match (raw, kind) {
                (Some(raw), Some(kind)) => Ok((raw, kind)),
                _ => Err(status(
                    ResponseCode::ErrorInvalidIdMalformedEwsLegacyIdFormat,
                    "The EwsLegacyId is malformed.",
                )),
            };
        }
        IdFormat::EntryId => STANDARD.decode(text).ok().and_then(|e| from_entry_id(&e)),
        IdFormat::HexEntryId => unhex(text).and_then(|e| from_entry_id(&e)),
        IdFormat::StoreId => {
            let bytes = STANDARD.decode(text).map_err(|_| malformed())?;
            let (last, entry) = bytes.split_last().ok_or_else(malformed)?;
            let raw = from_entry_id(entry).ok_or_else(malformed)?;
            let kind = id_kind(&raw).ok_or_else(malformed)?;
            if kind_byte(kind) != *last {
                return Err(malformed());
            }
            return Ok((raw, kind));
        }
        IdFormat::OwaId => URL_SAFE_NO_PAD
            .decode(text)
            .ok()
            .and_then(|b| b.strip_prefix(OWA_MAGIC).map(<[u8]>::to_vec)),
        _ => None,
    };
    let raw = raw.ok_or_else(malformed)?;
    let kind = id_kind(&raw).ok_or_else(malformed)?;
    Ok((raw, kind))
}

/// `raw` written as `format`.
fn encode(format: &IdFormat, raw: &[u8], kind: IdKind) -> Result<String, MessageStatus> {
    Ok(match format {
        IdFormat::EwsId => STANDARD.encode(raw),
        IdFormat::EwsLegacyId => STANDARD.encode([LEGACY_MAGIC, raw].concat()),
        IdFormat::EntryId => STANDARD.encode(entry_id(raw)),
        IdFormat::HexEntryId => hex(&entry_id(raw)),
        IdFormat::StoreId => {
            let mut bytes = entry_id(raw);
            bytes.push(kind_byte(kind));
            STANDARD.encode(bytes)
        }
        IdFormat::OwaId => URL_SAFE_NO_PAD.encode([OWA_MAGIC, raw].concat()),
        other => {
            return Err(status(
                ResponseCode::ErrorInvalidRequest,
                &format!("FakeExchange cannot convert ids to {other:?}."),
            ));
        }
    })
}

fn convert_one(
    dir: &Directory,
    destination: &IdFormat,
    id: &AnyAlternateId,
) -> Result<AlternateId, MessageStatus> {
    let AnyAlternateId::AlternateId(id) = id else {
        return Err(status(
            ResponseCode::ErrorInvalidOperation,
            "FakeExchange has no public folders.",
        ));
    };
    if id.id.trim().is_empty() {
        return Err(status(
            ResponseCode::ErrorInvalidIdEmpty,
            "The id is empty.",
        ));
    }
    if !dir.is_user(&id.mailbox) {
        return Err(status(
            ResponseCode::ErrorNonExistentMailbox,
            "The mailbox is not a mailbox of this server.",
        ));
    }
    if id.is_archive == Some(true) {
        return Err(status(
            ResponseCode::ErrorArchiveMailboxNotEnabled,
            "The mailbox has no archive.",
        ));
    }
    let (raw, kind) = decode(&id.format, id.id.trim())?;
    let converted = encode(destination, &raw, kind)?;
    let mut out = id.clone();
    out.format = destination.clone();
    out.id = converted;
    Ok(out)
}

pub(crate) fn convert_id(dir: &Directory, req: &ConvertId) -> ConvertIdResponse {
    let mut response = ConvertIdResponse::default();
    response.messages = req
        .source_ids
        .iter()
        .map(|id| {
            let mut m = ConvertIdResponseMessage::default();
            match convert_one(dir, &req.destination_format, id) {
                Ok(converted) => {
                    m.status = MessageStatus::success();
                    m.alternate_id = Some(ConvertedId(AnyAlternateId::AlternateId(converted)));
                }
                Err(s) => m.status = s,
            }
            m
        })
        .collect();
    response
}

// ---------------------------------------------------------------------------------------
// ResolveNames

/// Whether a name (or one of its words) starts with `needle` (lower case).
fn name_matches(name: &str, needle: &str) -> bool {
    let name = name.to_lowercase();
    name.starts_with(needle) || name.split_whitespace().any(|w| w.starts_with(needle))
}

/// Whether an address starts with `needle` (lower case): a prefix of the local part or of
/// the whole address.
fn address_matches(address: &str, needle: &str) -> bool {
    strip_smtp(address).to_lowercase().starts_with(needle)
}

/// What an entry asks for.
struct Query {
    needle: String,
    /// `smtp:` was given: match addresses only.
    addresses_only: bool,
    full: bool,
}

fn directory_matches(dir: &Directory, q: &Query) -> Vec<Resolution> {
    dir.entries
        .iter()
        .filter(|e| {
            address_matches(&e.address, &q.needle)
                || (!q.addresses_only && name_matches(&e.name, &q.needle))
        })
        .map(|e| {
            let mut r = Resolution::new(e.mailbox());
            if q.full {
                r.contact = Some(e.contact());
            }
            r
        })
        .collect()
}

fn contact_matches(items: Vec<Item>, q: &Query) -> Vec<Resolution> {
    let mut out = Vec::new();
    for item in items {
        match item {
            Item::Contact(mut c) => {
                let id = c.item.item_id.clone();
                let addresses: Vec<String> = c
                    .email_addresses
                    .iter()
                    .flat_map(|e| &e.entries)
                    .map(|e| strip_smtp(e.address.trim()).to_owned())
                    .filter(|a| !a.is_empty())
                    .collect();
                let by_name = !q.addresses_only
                    && [&c.display_name, &c.given_name, &c.surname, &c.nickname]
                        .into_iter()
                        .flatten()
                        .any(|n| name_matches(n, &q.needle));
                let name = c.display_name.clone();
                if c.contact_source.is_none() {
                    c.contact_source = Some(ContactSource::Store);
                }
                for a in addresses {
                    if !by_name && !address_matches(&a, &q.needle) {
                        continue;
                    }
                    let mut mailbox = Address::named(name.clone().unwrap_or_else(|| a.clone()), a)
                        .with_routing_type(RoutingType::Smtp)
                        .with_mailbox_type(MailboxType::Contact);
                    mailbox.item_id = id.clone();
                    let mut r = Resolution::new(mailbox);
                    if q.full {
                        r.contact = Some(c.clone());
                    }
                    out.push(r);
                }
            }
            Item::DistributionList(d) if !q.addresses_only => {
                let Some(name) = d.display_name.as_deref() else {
                    continue;
                };
                if name_matches(name, &q.needle) {
                    let mut mailbox = Address::default()
                        .with_routing_type(RoutingType::Other("MAPIPDL".to_owned()))
                        .with_mailbox_type(MailboxType::PrivateDL);
                    mailbox.name = Some(name.to_owned());
                    mailbox.item_id = d.item.item_id.clone();
                    out.push(Resolution::new(mailbox));
                }
            }
            _ => {}
        }
    }
    out
}

fn resolve(
    dir: &Directory,
    mb: &Mailbox,
    req: &ResolveNames,
) -> Result<Vec<Resolution>, MessageStatus> {
    let entry = req.unresolved_entry.trim();
    let stripped = strip_smtp(entry);
    let q = Query {
        needle: stripped.trim().to_lowercase(),
        addresses_only: stripped.len() != entry.len(),
        full: req.return_full_contact_data,
    };
    if q.needle.is_empty() {
        return Err(no_results());
    }
    let (directory_first, directory, contacts) = match req.search_scope {
        Some(SearchScope::ActiveDirectory) => (true, true, false),
        Some(SearchScope::Contacts) => (false, false, true),
        Some(SearchScope::ContactsActiveDirectory) => (false, true, true),
        _ => (true, true, true),
    };
    let from_directory = if directory {
        directory_matches(dir, &q)
    } else {
        Vec::new()
    };
    let from_contacts = if contacts {
        contact_matches(mb.address_book(&req.parent_folder_ids)?, &q)
    } else {
        Vec::new()
    };
    Ok(if directory_first {
        [from_directory, from_contacts].concat()
    } else {
        [from_contacts, from_directory].concat()
    })
}

pub(crate) fn resolve_names(
    dir: &Directory,
    mb: &Mailbox,
    req: &ResolveNames,
) -> ResolveNamesResponse {
    let mut m = ResolveNamesResponseMessage::default();
    match resolve(dir, mb, req) {
        Err(s) => m.status = s,
        Ok(found) if found.is_empty() => m.status = no_results(),
        Ok(mut found) => {
            let total = found.len();
            found.truncate(MAX_RESOLUTIONS);
            m.status = if total == 1 {
                MessageStatus::success()
            } else {
                let mut s = status(
                    ResponseCode::ErrorNameResolutionMultipleResults,
                    "Multiple results were found.",
                );
                s.class = ResponseClass::Warning;
                s
            };
            let mut set = ResolutionSet::default();
            set.paging.total_items_in_view = Some(i32::try_from(found.len()).unwrap_or(i32::MAX));
            set.paging.includes_last_item_in_range = Some(total <= MAX_RESOLUTIONS);
            set.resolutions = found;
            m.resolution_set = Some(set);
        }
    }
    ResolveNamesResponse::new(vec![m])
}

// ---------------------------------------------------------------------------------------
// ExpandDL

/// A member of a private list as `ExpandDL` shows it: what the list stores, completed from
/// the directory.
fn private_member(dir: &Directory, member: &Address) -> Address {
    let mut out = member.clone();
    let entry = out.email_address.as_deref().and_then(|a| dir.find(a));
    if out.name.is_none() {
        out.name = entry
            .map(|e| e.name.clone())
            .or_else(|| out.email_address.clone());
    }
    if out.routing_type.is_none() && out.email_address.is_some() {
        out.routing_type = Some(RoutingType::Smtp);
    }
    if out.mailbox_type.is_none() {
        out.mailbox_type = Some(match entry {
            Some(e) if e.is_group() => MailboxType::PublicDL,
            Some(_) => MailboxType::Mailbox,
            None if out.item_id.is_some() => MailboxType::Contact,
            None => MailboxType::OneOff,
        });
    }
    out
}

/// A member of a public group: the directory's entry, or a one-off address.
fn public_member(dir: &Directory, address: &str) -> Address {
    match dir.find(address) {
        Some(e) => e.mailbox(),
        None => Address::named(address, address)
            .with_routing_type(RoutingType::Smtp)
            .with_mailbox_type(MailboxType::OneOff),
    }
}

fn expand_private(
    dir: &Directory,
    mb: &Mailbox,
    id: &ItemId,
) -> Result<Vec<Address>, MessageStatus> {
    match mb.item_by_id(id)? {
        Item::DistributionList(d) => Ok(d
            .members
            .iter()
            .filter_map(|m| m.mailbox.as_ref())
            .map(|m| private_member(dir, m))
            .collect()),
        _ => Err(no_results()),
    }
}

fn expand_public(dir: &Directory, text: &str) -> Result<Vec<Address>, MessageStatus> {
    let needle = strip_smtp(text.trim()).trim().to_lowercase();
    let found: Vec<&Entry> = dir
        .entries
        .iter()
        .filter(|e| e.is_group())
        .filter(|e| {
            let address = e.address.to_lowercase();
            address == needle
                || address.split('@').next() == Some(needle.as_str())
                || e.name.to_lowercase() == needle
        })
        .collect();
    match found.as_slice() {
        [] => Err(no_results()),
        [group] => Ok(group
            .members
            .iter()
            .flatten()
            .map(|a| public_member(dir, a))
            .collect()),
        _ => Err(status(
            ResponseCode::ErrorNameResolutionMultipleResults,
            "Several distribution lists match; give the address of one.",
        )),
    }
}

pub(crate) fn expand_dl(dir: &Directory, mb: &Mailbox, req: &ExpandDl) -> ExpandDlResponse {
    let list = &req.mailbox;
    let result = match (&list.item_id, &list.email_address) {
        (Some(id), _) => expand_private(dir, mb, id),
        (None, Some(address)) => expand_public(dir, address),
        (None, None) => Err(no_results()),
    };
    let mut m = ExpandDlResponseMessage::default();
    match result {
        Ok(members) => {
            m.status = MessageStatus::success();
            let mut expansion = DlExpansion::default();
            expansion.paging.total_items_in_view =
                Some(i32::try_from(members.len()).unwrap_or(i32::MAX));
            expansion.paging.includes_last_item_in_range = Some(true);
            expansion.members = members;
            m.expansion = Some(expansion);
        }
        Err(s) => m.status = s,
    }
    let mut response = ExpandDlResponse::default();
    response.messages = vec![m];
    response
}
