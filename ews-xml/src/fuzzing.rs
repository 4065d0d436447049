//! Entry points for the fuzz targets (not a public API).

use crate::{Event, Reader, Writer};

/// Reads `data` as XML; for documents that read, writes the events back and checks that a
/// second read gives the same events.
pub fn reader_round_trip(data: &[u8]) {
    let Some(events) = collect(data) else { return };
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    for ev in &events {
        let res = match ev {
            Event::Start(tag) => w
                .start_uri(tag.name().namespace_uri(), tag.local_name())
                .and_then(|()| {
                    tag.attributes().iter().try_for_each(|a| {
                        w.attr_uri(a.name().namespace_uri(), a.name().local_name(), a.value())
                    })
                }),
            Event::End => w.end(),
            Event::Text(t) => w.text(t),
            Event::Eof => Ok(()),
        };
        if let Err(e) = res {
            panic!("writing events that were read failed: {e}");
        }
    }
    if let Err(e) = w.finish() {
        panic!("finishing the document failed: {e}");
    }
    match collect(&out) {
        Some(again) => assert_eq!(
            normalize(events),
            normalize(again),
            "round trip changed the events"
        ),
        None => panic!(
            "the written document does not read: {}",
            String::from_utf8_lossy(&out)
        ),
    }
}

/// Parses `data` as a SOAP response and reads a fault, if it is one.
pub fn soap_response(data: &[u8]) {
    if let Ok(resp) = crate::soap::read_response(data) {
        match resp.body {
            crate::soap::ResponseBody::Fault(f) => {
                let _ = f.response_code();
                let _ = f.back_off();
                let mut out = Vec::new();
                if crate::soap::write_fault(&mut out, resp.server_version.as_ref(), &f).is_err() {
                    panic!("writing a fault that was read failed");
                }
                match crate::soap::read_response(&out[..]).map(|r| r.body) {
                    Ok(crate::soap::ResponseBody::Fault(mut again)) => {
                        assert_eq!(f.canonical_code(), again.code);
                        again.code.clone_from(&f.code);
                        assert_eq!(*f, *again);
                    }
                    _ => panic!("a written fault does not read back"),
                }
            }
            crate::soap::ResponseBody::Message(body) => {
                let _ = body.finish();
            }
        }
    }
}

fn collect(data: &[u8]) -> Option<Vec<Event>> {
    let mut r = Reader::from_bytes(data);
    let mut events = Vec::new();
    loop {
        match r.next_event() {
            Ok(Event::Eof) => return Some(events),
            Ok(ev) => events.push(ev),
            Err(_) => return None,
        }
    }
}

/// Merges adjacent texts and drops empty ones (the writer joins what the reader split).
fn normalize(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for ev in events {
        match (out.last_mut(), ev) {
            (_, Event::Text(t)) if t.is_empty() => {}
            (Some(Event::Text(prev)), Event::Text(t)) => prev.push_str(&t),
            (_, ev) => out.push(ev),
        }
    }
    out
}
