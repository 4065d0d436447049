//! Whole queries: sort orders, paging views, calendar views and query strings compiled into
//! schema-valid FindItem requests; sort orders parsed back; client-side sorting.

use ews_model::version::ExchangeVersion;
use ews_model::view::{BasePoint, ItemView};
use ews_query::{
    CompiledQuery, Ordering, Paging, Q, Query, QueryError, compile_order, order_by, parse_order,
    resolve_order, sort,
};
use ews_test_support::Collector;

use super::common::{Find, Item, TABLE, find_item, sample};

const V: ExchangeVersion = ExchangeVersion::Exchange2016;

fn parts(q: &Query) -> ews_query::FindParts {
    match q.compile(&TABLE, V).unwrap() {
        CompiledQuery::Find(p) => *p,
        CompiledQuery::Nothing => panic!("nothing"),
    }
}

#[test]
fn views_orders_and_query_strings_are_schema_valid() {
    let mut docs = Collector::new();
    let start = "2026-03-01T00:00:00Z".parse().unwrap();
    let end = "2026-03-08T00:00:00Z".parse().unwrap();
    let queries = [
        (
            "indexed",
            Query::new()
                .page(20, 10)
                .order_by(&["-datetime_received", "subject"])
                .unwrap(),
        ),
        (
            "indexed-end",
            Query::new().paging(Paging::Indexed {
                offset: 0,
                max: None,
                base_point: BasePoint::End,
            }),
        ),
        (
            "fractional",
            Query::new().paging(Paging::Fractional {
                numerator: 1,
                denominator: 2,
                max: Some(5),
            }),
        ),
        ("calendar", Query::new().calendar_view(start, end)),
        (
            "calendar-max",
            Query::new().paging(Paging::Calendar {
                start,
                end,
                max: Some(50),
            }),
        ),
        (
            "aqs",
            Query::new()
                .query_string("subject:\"project plan\"")
                .page(0, 100),
        ),
        (
            "indexed-orders",
            Query::new()
                .order_by(&[
                    "phone_numbers__CarPhone",
                    "-physical_addresses__Home__street",
                ])
                .unwrap()
                .filter(Q::lookup("subject__icontains", "x").unwrap())
                .exclude(Q::lookup("is_read", true).unwrap()),
        ),
        (
            "typed-orders",
            Query::new().ordered(vec![
                Ordering::desc(Item::START),
                Ordering::asc(Item::SUBJECT),
            ]),
        ),
    ];
    for (name, q) in &queries {
        let p = parts(q);
        docs.add(
            *name,
            find_item(&Find {
                view: p.item_view.as_ref(),
                restriction: p.restriction.as_ref(),
                sort: p.sort_order.as_ref(),
                query: p.query_string.as_ref(),
            }),
        );
    }
    docs.finish();

    let p = parts(&queries[0].1);
    assert!(
        matches!(p.item_view, Some(ItemView::IndexedPage(ref v)) if v.offset == 20 && v.max_entries_returned == Some(10))
    );
    assert!(p.folder_view().is_some());
    assert!(parts(&queries[3].1).folder_view().is_none());
}

#[test]
fn query_level_errors_and_nothing() {
    let aqs = Query::new()
        .query_string("x")
        .filter(Q::lookup("subject", "y").unwrap());
    assert_eq!(
        aqs.compile(&TABLE, V),
        Err(QueryError::QueryStringWithRestriction)
    );
    let old = Query::new().query_string("x");
    assert_eq!(
        old.compile(&TABLE, ExchangeVersion::Exchange2007Sp1),
        Err(QueryError::NotInVersion {
            what: "QueryString".to_owned(),
            target: ExchangeVersion::Exchange2007Sp1,
            since: ExchangeVersion::Exchange2010,
            until: None,
        })
    );
    let none = Query::new().filter(Q::lookup("subject__in", Vec::<String>::new()).unwrap());
    assert_eq!(none.compile(&TABLE, V), Ok(CompiledQuery::Nothing));
    let gated = Query::new().order_by(&["reminder_next_time"]).unwrap();
    assert_eq!(
        gated.compile(&TABLE, ExchangeVersion::Exchange2010),
        Err(QueryError::NotInVersion {
            what: "field \"reminder_next_time\"".to_owned(),
            target: ExchangeVersion::Exchange2010,
            since: ExchangeVersion::Exchange2013,
            until: None,
        })
    );
    assert!(Query::new().order_by(&["subject__icontains"]).is_err());
    assert!(
        Query::new()
            .order_by(&["nope"])
            .unwrap()
            .compile(&TABLE, V)
            .is_err()
    );
}

#[test]
fn sort_orders_round_trip() {
    let keys = order_by(&[
        "-datetime_received",
        "subject",
        "phone_numbers__CarPhone",
        "physical_addresses__Home__street",
    ])
    .unwrap();
    let sort = compile_order(&keys, &TABLE, V).unwrap().unwrap();
    assert_eq!(sort.field_orders.len(), 4);
    let back = parse_order(&sort, &TABLE).unwrap();
    assert_eq!(compile_order(&back, &TABLE, V).unwrap().unwrap(), sort);
    let names: Vec<_> = back
        .iter()
        .map(|k| (k.target.display(), k.descending))
        .collect();
    assert_eq!(
        names,
        [
            ("datetime_received".to_owned(), true),
            ("subject".to_owned(), false),
            ("phone_numbers__CarPhone".to_owned(), false),
            ("physical_addresses__Home__street".to_owned(), false),
        ]
    );
    assert_eq!(compile_order(&[], &TABLE, V).unwrap(), None);
}

#[test]
fn client_side_sort_follows_exchange() {
    let with = |subject: Option<&str>, size: Option<i32>| Item {
        subject: subject.map(str::to_owned),
        size,
        ..sample()
    };
    let mut items = vec![
        with(Some("beta"), Some(1)),
        with(None, Some(2)),
        with(Some("Alpha"), Some(3)),
        with(Some("alpha"), Some(1)),
        with(Some("Gamma"), None),
    ];
    let keys = order_by(&["subject", "-size"]).unwrap();
    let keys: Vec<Ordering> =
        parse_order(&compile_order(&keys, &TABLE, V).unwrap().unwrap(), &TABLE).unwrap();
    sort(&mut items, &keys);
    let got: Vec<_> = items.iter().map(|i| (i.subject.clone(), i.size)).collect();
    assert_eq!(
        got,
        [
            (None, Some(2)),
            (Some("Alpha".to_owned()), Some(3)),
            (Some("alpha".to_owned()), Some(1)),
            (Some("beta".to_owned()), Some(1)),
            (Some("Gamma".to_owned()), None),
        ]
    );
    let desc = resolve_order(&order_by(&["-subject"]).unwrap(), &TABLE).unwrap();
    sort(&mut items, &desc);
    assert_eq!(items[0].subject.as_deref(), Some("Gamma"));
    assert_eq!(items[4].subject, None);
}

#[test]
fn calendar_views_leave_filters_and_multi_key_orders_to_the_client() {
    let start = "2026-03-01T00:00:00Z".parse().unwrap();
    let end = "2026-03-08T00:00:00Z".parse().unwrap();
    let q = Query::new()
        .calendar_view(start, end)
        .filter(Q::lookup("subject__icontains", "x").unwrap())
        .order_by(&["subject", "-datetime_received"])
        .unwrap();
    let p = parts(&q);
    assert!(matches!(p.item_view, Some(ItemView::Calendar(_))));
    assert_eq!(p.restriction, None, "a calendar view takes no restriction");
    assert_eq!(p.sort_order, None);
    let filter = p.client_filter.expect("the filter is left to the client");
    assert_eq!(p.client_order.len(), 2);
    // The client-side filter is resolved and evaluates like the server would have.
    let item = sample();
    assert_eq!(
        ews_query::eval(&filter, &item),
        ews_query::eval(
            &Q::lookup("subject__icontains", "x")
                .unwrap()
                .resolve(&TABLE)
                .unwrap(),
            &item
        )
    );
    // One key is still the server's, and other views keep their restriction.
    let single = parts(
        &Query::new()
            .calendar_view(start, end)
            .order_by(&["subject"])
            .unwrap(),
    );
    assert!(single.sort_order.is_some() && single.client_order.is_empty());
    let paged = parts(
        &Query::new()
            .page(0, 10)
            .filter(Q::lookup("subject__icontains", "x").unwrap()),
    );
    assert!(paged.restriction.is_some() && paged.client_filter.is_none());
}
