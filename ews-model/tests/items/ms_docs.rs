//! The ms-docs samples: every item in an `m:Items`/`t:Items` list and every attachment in an
//! `m:Attachments` list reads (nested item attachments included); a few values are checked.

use std::path::Path;

use ews_model::attachments::Attachment;
use ews_model::items::{Item, ResponseObject};
use ews_xml::{Event, Name, Reader, XmlChoice};

/// What was read from one sample.
#[derive(Default)]
struct Found {
    items: Vec<Item>,
    attachments: Vec<Attachment>,
}

fn read_sample(path: &Path) -> Found {
    // The documentation elides some MIME content ("tDQe/Eo=…"), which is not base64.
    let doc = ews_test_support::ms_docs_sample(path);
    let mut r = Reader::from_bytes(&doc);
    let mut found = Found::default();
    loop {
        let event = r
            .next_event()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        match event {
            Event::Start(tag) if tag.local_name() == "Items" && tag.ns() != ews_xml::Ns::Other => {
                while let Some(child) = r.next_child().unwrap() {
                    let item = Item::read_choice(&mut r, &child)
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    found.items.push(item);
                }
            }
            Event::Start(tag) if tag.is(Name::m("Attachments")) => {
                while let Some(child) = r.next_child().unwrap() {
                    if Attachment::matches(&child) {
                        let a = Attachment::read_choice(&mut r, &child)
                            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                        found.attachments.push(a);
                    } else {
                        r.skip_element().unwrap();
                    }
                }
            }
            Event::Eof => return found,
            _ => {}
        }
    }
}

fn sample(operation: &str, file: &str) -> Option<Found> {
    let path = ews_test_support::fixtures_dir().join(operation).join(file);
    path.is_file().then(|| read_sample(&path))
}

#[test]
fn every_item_and_attachment_of_the_samples_reads() {
    let samples = ews_test_support::ms_docs(None, "");
    if samples.is_empty() {
        return;
    }
    let (mut items, mut attachments, mut unknown) = (0, 0, Vec::new());
    for path in &samples {
        let found = read_sample(path);
        items += found.items.len();
        attachments += found.attachments.len();
        for item in &found.items {
            if let Item::Unknown(g) = item {
                unknown.push(format!("{}: {}", path.display(), g.name));
            }
            // Written back (unknown kinds included) and read again: the same.
            let again: Item =
                super::support::read_choice_doc(&super::support::write_choice_doc(item));
            assert_eq!(&again, item, "{}", path.display());
            for a in item
                .base()
                .map(|b| b.attachments.as_slice())
                .unwrap_or_default()
            {
                assert!(
                    a.base().name.is_some() || a.id().is_some(),
                    "{}",
                    path.display()
                );
            }
        }
    }
    eprintln!("{items} items, {attachments} attachments read; unknown kinds: {unknown:#?}");
    assert!(items > 50, "{items}");
    // `t:NonIndexableItemDetail` is in an `m:Items` list of another type; the other kinds are
    // listed so that this test does not depend on which item modules are wired into `Item`.
    unknown.retain(|u| {
        ![
            "CalendarItem",
            "Contact",
            "DistributionList",
            "Task",
            "NonIndexableItemDetail",
        ]
        .iter()
        .any(|k| u.ends_with(&format!("t:{k}")))
    });
    assert!(unknown.is_empty(), "{unknown:#?}");
    assert!(attachments > 0);
}

#[test]
fn spot_checks() {
    let Some(found) = sample("GetAttachment", "response-01.xml") else {
        return;
    };
    let Attachment::ItemAttachment(a) = &found.attachments[0] else {
        panic!("not an item attachment")
    };
    assert_eq!(a.base.name.as_deref(), Some("Attached Message Item"));
    assert_eq!(a.base.attachment_id.as_ref().unwrap().id, "Ktum21o=");
    let inner = a.item.as_deref().unwrap();
    let Item::Message(m) = inner else {
        panic!("{inner:?}")
    };
    assert_eq!(m.item.subject.as_deref(), Some("Message Item Subject"));
    assert_eq!(m.item.size, Some(2859));
    assert_eq!(m.item.is_draft, Some(true));
    assert_eq!(
        m.item.response_objects,
        vec![ResponseObject::ForwardItem(Default::default())]
    );
    assert_eq!(m.item.display_to.as_deref(), Some("primary; emaildelegate"));
    assert!(!m.to_recipients.is_empty());

    if let Some(found) = sample("CreateItem", "request-17.xml") {
        let Item::CancelCalendarItem(c) = &found.items[0] else {
            panic!()
        };
        assert_eq!(c.reference_item_id.as_ref().unwrap().id, "AAMkADA5...");
        assert_eq!(
            c.new_body_content.as_ref().unwrap().content,
            "Cancelling this meeting."
        );
    }
    if let Some(found) = sample("GetItem", "response-01.xml") {
        let subject = found.items[0].base().unwrap().subject.as_deref();
        assert_eq!(subject, Some("Play tennis?"));
        assert!(found.items[0].id().is_some());
    }
}
