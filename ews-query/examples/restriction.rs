//! Compiles queries on messages to the EWS XML a FindItem request carries, and prints it: a
//! typed query, the same built from `field__lookup` strings, and a whole [`Query`] with an
//! order and a page.
//!
//! ```text
//! cargo run -p ews-query --example restriction
//! ```
#![allow(clippy::print_stdout)]

use std::error::Error;

use ews_model::fields::HasFields;
use ews_model::items::{ItemBase, Message};
use ews_model::time::DateTime;
use ews_model::version::ExchangeVersion;
use ews_query::{
    Compiled, CompiledQuery, EqLookups, OrderLookups, Paging, Q, Query, TextLookups, compile,
};
use ews_xml::{Name, Writer, XmlChoice, XmlWrite};

const VERSION: ExchangeVersion = ExchangeVersion::Exchange2016;

fn main() -> Result<(), Box<dyn Error>> {
    // Typed: each field offers only the lookups its type allows (no `icontains` on a date).
    let since: DateTime = "2026-01-01T00:00:00Z".parse()?;
    let typed = ItemBase::SUBJECT.icontains("budget")
        & ItemBase::DATETIME_RECEIVED.gte(since)
        & !Message::IS_READ.eq(true);
    // Dynamic: the same query from strings, checked against the field table when built.
    let dynamic = Q::lookup("subject__icontains", "budget")?
        & Q::lookup("datetime_received__gte", "2026-01-01T00:00:00Z")?
        & !Q::lookup("is_read", true)?;

    for (what, q) in [("typed", &typed), ("from strings", &dynamic)] {
        println!("{what}:");
        match compile(q, &Message::FIELDS, VERSION)? {
            Compiled::Restriction(r) => println!("{}\n", xml(&r, Name::m("Restriction"))?),
            Compiled::Everything => println!("(no restriction: every item)\n"),
            Compiled::Nothing => println!("(nothing can match: no request needed)\n"),
        }
    }

    // A whole query: filter, newest first, the second page of 10.
    let query = Query::new()
        .filter(dynamic)
        .order_by(&["-datetime_received"])?
        .paging(Paging::Indexed {
            offset: 10,
            max: Some(10),
            base_point: Default::default(),
        });
    if let CompiledQuery::Find(parts) = query.compile(&Message::FIELDS, VERSION)? {
        println!("the parts of a FindItem request:");
        if let Some(order) = &parts.sort_order {
            println!("{}", xml(order, Name::m("SortOrder"))?);
        }
        if let Some(view) = &parts.item_view {
            let mut out = Vec::new();
            let mut w = Writer::new(&mut out);
            view.write_choice(&mut w)?;
            w.finish()?;
            println!("{}", String::from_utf8(out)?);
        }
    }
    Ok(())
}

/// `value` written as the element `name`, with its namespace declarations.
fn xml<T: XmlWrite + ?Sized>(value: &T, name: Name<'_>) -> Result<String, Box<dyn Error>> {
    Ok(String::from_utf8(ews_xml::to_vec(value, name)?)?)
}
