//! `ExpandDL`: the members of a private list or of a public group.

use ews_model::items::Item;
use ews_model::operations::{
    DlExpansion, ExpandDl, ExpandDlResponse, ExpandDlResponseMessage, MessageStatus,
};
use ews_model::properties::{ItemId, Mailbox as Address, MailboxType, RoutingType};
use ews_xml::ResponseCode;

use crate::mailbox::Mailbox;

use super::{Directory, Entry, no_results, status, strip_smtp};

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
