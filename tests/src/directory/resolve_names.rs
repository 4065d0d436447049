//! `ResolveNames`: the directory and the caller's contacts and private lists.

use ews_model::items::Item;
use ews_model::items::contact::ContactSource;
use ews_model::operations::{
    MessageStatus, Resolution, ResolutionSet, ResolveNames, ResolveNamesResponse,
    ResolveNamesResponseMessage, SearchScope,
};
use ews_model::properties::{Mailbox as Address, MailboxType, RoutingType};
use ews_xml::{ResponseClass, ResponseCode};

use crate::mailbox::Mailbox;

use super::{Directory, no_results, status, strip_smtp};

/// The most resolutions `ResolveNames` returns, as Exchange.
const MAX_RESOLUTIONS: usize = 100;

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
