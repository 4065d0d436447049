//! The ms-docs FindItem / FindFolder requests: every `m:Restriction` and `m:SortOrder` parses
//! into a query and compiles back to an equivalent one.

use std::path::Path;

use ews_model::restriction::{Restriction, SearchExpression};
use ews_model::version::ExchangeVersion;
use ews_model::view::SortOrder;
use ews_query::{Compiled, compile, compile_order, parse, parse_order};
use ews_xml::{Event, Reader, XmlRead};

use super::common::TABLE;

/// The restrictions and sort orders of the Find requests in `path`.
fn found_in(path: &Path) -> (Vec<Restriction>, Vec<SortOrder>) {
    let bytes = std::fs::read(path).unwrap();
    let mut r = Reader::from_bytes(&bytes);
    let (mut restrictions, mut sorts) = (Vec::new(), Vec::new());
    let mut parents: Vec<String> = Vec::new();
    loop {
        match r.next_event().unwrap() {
            Event::Start(tag) => {
                let parent = parents.last().map_or("", String::as_str);
                let find = matches!(parent, "FindItem" | "FindFolder");
                match tag.local_name() {
                    "Restriction" if find => {
                        restrictions.push(Restriction::read_xml(&mut r, &tag).unwrap())
                    }
                    "SortOrder" if find => sorts.push(SortOrder::read_xml(&mut r, &tag).unwrap()),
                    local => parents.push(local.to_owned()),
                }
            }
            Event::End => {
                parents.pop();
            }
            Event::Eof => return (restrictions, sorts),
            _ => {}
        }
    }
}

/// The element names of a tree, depth first (the shape, without constants).
fn shape(e: &SearchExpression, out: &mut Vec<&'static str>) {
    out.push(e.element_name());
    e.operands().iter().for_each(|c| shape(c, out));
}

#[test]
fn ms_docs_restrictions_and_sort_orders_round_trip() {
    let mut files = ews_test_support::ms_docs(Some("FindItem"), "request");
    files.extend(ews_test_support::ms_docs(Some("FindFolder"), "request"));
    if files.is_empty() {
        return;
    }
    let (mut n_restrictions, mut n_sorts) = (0, 0);
    for path in &files {
        let (restrictions, sorts) = found_in(path);
        for r in &restrictions {
            let q = parse(r, &TABLE).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let Compiled::Restriction(again) =
                compile(&q, &TABLE, ExchangeVersion::Exchange2016).unwrap()
            else {
                panic!("{}: not a restriction", path.display());
            };
            // Equivalent: the same tree of elements, and the same query once both are read.
            let (mut a, mut b) = (Vec::new(), Vec::new());
            shape(&r.expression, &mut a);
            shape(&again.expression, &mut b);
            assert_eq!(a, b, "{}", path.display());
            assert_eq!(parse(&again, &TABLE).unwrap(), q, "{}", path.display());
            n_restrictions += 1;
        }
        for s in &sorts {
            let keys = parse_order(s, &TABLE).unwrap();
            assert_eq!(
                compile_order(&keys, &TABLE, ExchangeVersion::Exchange2016)
                    .unwrap()
                    .as_ref(),
                Some(s)
            );
            n_sorts += 1;
        }
    }
    assert!(
        n_restrictions >= 3 && n_sorts >= 3,
        "{n_restrictions} restrictions, {n_sorts} sort orders"
    );
}

#[test]
fn fuzz_entry_points_accept_the_samples() {
    let files = ews_test_support::ms_docs(Some("FindItem"), "request");
    for path in &files {
        for r in found_in(path).0 {
            let mut doc = Vec::new();
            let mut w = ews_xml::Writer::new(&mut doc);
            ews_xml::XmlWrite::write_xml(&r, &mut w, ews_xml::Name::m("Restriction")).unwrap();
            w.finish().unwrap();
            ews_query::fuzzing::restriction(&doc);
        }
    }
    for s in [
        "subject__icontains",
        "physical_addresses__Home__street",
        "a____b",
        "__",
        "",
        "x__in__in",
    ] {
        ews_query::fuzzing::field_lookup(s.as_bytes());
    }
}
