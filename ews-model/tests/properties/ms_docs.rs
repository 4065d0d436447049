//! The ms-docs samples: every element this crate has a type for, wherever it appears in a
//! request or response, reads; a few values are checked.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ews_xml::ReadError;

use super::*;

/// One property read from a sample.
#[derive(Debug)]
#[allow(dead_code)] // the payloads are read for the Debug output and the spot checks
enum Prop {
    Mailbox(Mailbox),
    Single(SingleRecipient),
    Attendee(Attendee),
    ItemId(ItemId),
    FolderId(FolderId),
    Distinguished(DistinguishedFolderId),
    Attachment(AttachmentId),
    Occurrence(OccurrenceItemId),
    Master(RecurringMasterItemId),
    Conversation(ConversationId),
    Body(Body),
    Mime(MimeContent),
    Flag(Flag),
    Rights(EffectiveRights),
    Name(CompleteName),
    Headers(InternetMessageHeaders),
    Importance(Importance),
    Sensitivity(Sensitivity),
    Emails(EmailAddresses),
    Phones(PhoneNumbers),
    Addresses(PhysicalAddresses),
    Ims(ImAddresses),
}

/// Parents under which an element of one of our names has another type in the schema
/// (`xs:string`, persona or search types), so it is not ours to read.
fn is_foreign(parent: &str, local: &str) -> bool {
    matches!(
        (parent, local),
        // Persona (`t:ArrayOfEmailAddressesType`, `t:ArrayOfPhoneEntitiesType`, …)
        ("Persona", "EmailAddresses" | "PhoneNumbers")
            | ("EmailAddressesArray" | "PhoneNumbersArray", _)
    )
}

/// Reads the element `tag` with the type its name says, or `None` when it is not ours.
fn read_prop(
    r: &mut Reader<'_>,
    parent: &str,
    tag: &ews_xml::StartTag,
) -> Result<Option<Prop>, ReadError> {
    if tag.ns() != ews_xml::Ns::Types {
        return Ok(None);
    }
    Ok(Some(match tag.local_name() {
        // `t:ReminderType` has an `ItemIdType` under this name.
        "RecurringMasterItemId" if parent == "Reminder" => Prop::ItemId(ItemId::read_xml(r, tag)?),
        "Mailbox" => Prop::Mailbox(Mailbox::read_xml(r, tag)?),
        "Sender" | "From" | "ReceivedBy" | "ReceivedRepresenting" | "Organizer" => {
            Prop::Single(SingleRecipient::read_xml(r, tag)?)
        }
        "Attendee" => Prop::Attendee(Attendee::read_xml(r, tag)?),
        "ItemId" | "ParentItemId" | "ReferenceItemId" => Prop::ItemId(ItemId::read_xml(r, tag)?),
        "FolderId" | "ParentFolderId" => Prop::FolderId(FolderId::read_xml(r, tag)?),
        "DistinguishedFolderId" => Prop::Distinguished(DistinguishedFolderId::read_xml(r, tag)?),
        "AttachmentId" => Prop::Attachment(AttachmentId::read_xml(r, tag)?),
        "OccurrenceItemId" => Prop::Occurrence(OccurrenceItemId::read_xml(r, tag)?),
        "RecurringMasterItemId" => Prop::Master(RecurringMasterItemId::read_xml(r, tag)?),
        "ConversationId" => Prop::Conversation(ConversationId::read_xml(r, tag)?),
        "Body" | "UniqueBody" | "NormalizedBody" | "TextBody" => {
            Prop::Body(Body::read_xml(r, tag)?)
        }
        "MimeContent" => Prop::Mime(MimeContent::read_xml(r, tag)?),
        "Flag" => Prop::Flag(Flag::read_xml(r, tag)?),
        "EffectiveRights" => Prop::Rights(EffectiveRights::read_xml(r, tag)?),
        "CompleteName" => Prop::Name(CompleteName::read_xml(r, tag)?),
        "InternetMessageHeaders" => Prop::Headers(InternetMessageHeaders::read_xml(r, tag)?),
        "Importance" => Prop::Importance(Importance::read_xml(r, tag)?),
        "Sensitivity" => Prop::Sensitivity(Sensitivity::read_xml(r, tag)?),
        "EmailAddresses" => Prop::Emails(EmailAddresses::read_xml(r, tag)?),
        "PhoneNumbers" => Prop::Phones(PhoneNumbers::read_xml(r, tag)?),
        "PhysicalAddresses" => Prop::Addresses(PhysicalAddresses::read_xml(r, tag)?),
        "ImAddresses" => Prop::Ims(ImAddresses::read_xml(r, tag)?),
        _ => return Ok(None),
    }))
}

/// Whether the error is an invalid value on a line where the sample elides text with `…`.
fn is_elided(doc: &[u8], e: &ReadError) -> bool {
    let line = e.position().line;
    matches!(e.kind(), ews_xml::ReadErrorKind::InvalidValue { .. })
        && String::from_utf8_lossy(doc)
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .is_some_and(|l| l.contains('…'))
}

/// Every property of the document at `path`, outermost first (an element read as a
/// property is consumed whole: a `t:Mailbox` inside a `t:Sender` is part of the sender).
fn props_of(path: &PathBuf) -> Vec<(String, Prop)> {
    let bytes = std::fs::read(path).unwrap();
    let mut r = Reader::from_bytes(&bytes);
    let mut found = Vec::new();
    let mut parents: Vec<String> = Vec::new();
    loop {
        let event = r
            .next_event()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        match event {
            Event::Start(tag) => {
                let parent = parents.last().map_or("", String::as_str);
                if !is_foreign(parent, tag.local_name()) {
                    let at = r.path().to_owned();
                    match read_prop(&mut r, parent, &tag) {
                        Ok(Some(prop)) => {
                            found.push((at, prop));
                            continue;
                        }
                        Ok(None) => {}
                        // The documentation elides some values ("tDQe/Eo=…"): an
                        // invalid value on such a line is the sample's, not ours.
                        Err(e) if is_elided(&bytes, &e) => {
                            eprintln!("elided value in {}: {e}", path.display());
                            continue;
                        }
                        Err(e) => panic!("{}: {e}", path.display()),
                    }
                }
                parents.push(tag.local_name().to_owned());
            }
            Event::End => {
                parents.pop();
            }
            Event::Eof => return found,
            _ => {}
        }
    }
}

#[test]
fn ms_docs_properties_read() {
    let files = ews_test_support::ms_docs(None, "");
    if files.is_empty() {
        return;
    }
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut all = Vec::new();
    for path in &files {
        for (at, prop) in props_of(path) {
            let kind = match &prop {
                Prop::Mailbox(_) => "Mailbox",
                Prop::Single(_) => "SingleRecipient",
                Prop::Attendee(_) => "Attendee",
                Prop::ItemId(_) => "ItemId",
                Prop::FolderId(_) => "FolderId",
                Prop::Distinguished(_) => "DistinguishedFolderId",
                Prop::Attachment(_) => "AttachmentId",
                Prop::Occurrence(_) => "OccurrenceItemId",
                Prop::Master(_) => "RecurringMasterItemId",
                Prop::Conversation(_) => "ConversationId",
                Prop::Body(_) => "Body",
                Prop::Mime(_) => "MimeContent",
                Prop::Flag(_) => "Flag",
                Prop::Rights(_) => "EffectiveRights",
                Prop::Name(_) => "CompleteName",
                Prop::Headers(_) => "InternetMessageHeaders",
                Prop::Importance(_) => "Importance",
                Prop::Sensitivity(_) => "Sensitivity",
                Prop::Emails(_) => "EmailAddresses",
                Prop::Phones(_) => "PhoneNumbers",
                Prop::Addresses(_) => "PhysicalAddresses",
                Prop::Ims(_) => "ImAddresses",
            };
            *counts.entry(kind).or_default() += 1;
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            let op = path
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy();
            all.push((format!("{op}/{file}"), at, prop));
        }
    }
    eprintln!(
        "properties read from {} ms-docs samples: {counts:?}",
        files.len()
    );
    for kind in [
        "Mailbox",
        "ItemId",
        "FolderId",
        "DistinguishedFolderId",
        "Body",
        "EmailAddresses",
        "PhoneNumbers",
        "AttachmentId",
    ] {
        assert!(
            counts.get(kind).copied().unwrap_or(0) > 0,
            "no {kind} in the samples"
        );
    }

    // Spot checks: values as the samples have them.
    let mailboxes: Vec<&Mailbox> = all
        .iter()
        .filter_map(|(_, _, p)| match p {
            Prop::Mailbox(m) => Some(m),
            Prop::Single(s) => Some(&s.mailbox),
            Prop::Attendee(a) => Some(&a.mailbox),
            _ => None,
        })
        .collect();
    assert!(
        mailboxes
            .iter()
            .any(|m| m.email_address.as_deref().is_some_and(|a| a.contains('@')))
    );
    let item_ids = all.iter().filter_map(|(_, _, p)| match p {
        Prop::ItemId(id) => Some(id),
        _ => None,
    });
    assert!(item_ids.clone().all(|id| !id.id.is_empty()));
    assert!(item_ids.clone().any(|id| id.change_key.is_some()));
    assert!(mailboxes.iter().any(|m| {
        m.name.as_deref() == Some("primary")
            && m.email_address.as_deref() == Some("sadie@contoso.com")
            && m.routing_type == Some(RoutingType::Smtp)
    }));
    assert!(all.iter().any(|(_, _, p)| matches!(p,
        Prop::Body(b) if b.is_html() && b.content.contains("&lt;meta http-equiv"))));
    assert!(all.iter().any(|(_, _, p)| matches!(p,
        Prop::Rights(r) if !r.create_associated && r.delete && r.read && r.view_private_items.is_none())));
    let phones: Vec<&PhoneNumbers> = all
        .iter()
        .filter_map(|(_, _, p)| match p {
            Prop::Phones(p) => Some(p),
            _ => None,
        })
        .collect();
    assert!(
        phones
            .iter()
            .flat_map(|p| p.iter())
            .all(|e| !matches!(e.key, PhoneNumberKey::Other(_)))
    );
    assert!(
        phones
            .iter()
            .any(|p| p.get(PhoneNumberKey::CarPhone) == Some("425-555-0130")
                && p.get(PhoneNumberKey::BusinessPhone) == Some("425-555-0110"))
    );
    assert!(all.iter().any(|(_, _, p)| matches!(p,
        Prop::Addresses(a) if a.get(PhysicalAddressKey::Business)
            .is_some_and(|b| b.city.as_deref() == Some("La Habra")
                && b.street.as_deref() == Some("1234 56th Ave")))));
    let emails = all.iter().find_map(|(_, _, p)| match p {
        Prop::Emails(e) if !e.is_empty() => Some(e),
        _ => None,
    });
    if let Some(emails) = emails {
        assert!(
            emails.get(EmailAddressKey::EmailAddress1).is_some(),
            "{emails:?}"
        );
    }
    let folders = all.iter().filter_map(|(_, _, p)| match p {
        Prop::Distinguished(d) => Some(&d.id),
        _ => None,
    });
    assert!(
        folders
            .clone()
            .all(|f| !matches!(f, DistinguishedFolderIdName::Other(_)))
    );
}
