//! The ms-docs samples: every restriction, view, grouping, sort order, query string and
//! `m:RootFolder` paging set reads; written again and read again it is equal; a few values are
//! checked.

use std::collections::BTreeMap;
use std::path::Path;

use ews_xml::{Event, StartTag};

use super::*;

/// One element read from a sample, with the name it had.
#[derive(Debug, PartialEq)]
enum Found {
    Restriction(String, Restriction),
    ItemView(ItemView),
    FolderView(FolderView),
    Grouping(Grouping),
    Sort(SortOrder),
    Query(QueryString),
    Paging(PagingInfo),
}

impl Found {
    fn kind(&self) -> &'static str {
        match self {
            Self::Restriction(..) => "Restriction",
            Self::ItemView(_) => "ItemView",
            Self::FolderView(_) => "FolderView",
            Self::Grouping(_) => "Grouping",
            Self::Sort(_) => "SortOrder",
            Self::Query(_) => "QueryString",
            Self::Paging(_) => "PagingInfo",
        }
    }

    /// Written again (under its own name) and read again.
    fn rewritten(&self) -> Self {
        match self {
            Self::Restriction(name, r) => {
                let doc = write_doc(r, Name::m(name));
                Self::Restriction(name.clone(), read_doc(&doc))
            }
            Self::ItemView(v) => Self::ItemView(rechoose(v)),
            Self::FolderView(v) => Self::FolderView(rechoose(v)),
            Self::Grouping(g) => Self::Grouping(rechoose(g)),
            Self::Sort(s) => Self::Sort(read_doc(&write_doc(s, Name::m("SortOrder")))),
            Self::Query(q) => Self::Query(read_doc(&write_doc(q, Name::m("QueryString")))),
            Self::Paging(p) => Self::Paging(read_doc(&write_doc(p, Name::m("RootFolder")))),
        }
    }
}

/// A choice written inside a wrapper and read again.
fn rechoose<T: XmlChoice>(value: &T) -> T {
    let mut doc = Vec::new();
    let mut w = Writer::new(&mut doc);
    w.start(Name::m("Root")).unwrap();
    value.write_choice(&mut w).unwrap();
    w.end().unwrap();
    w.finish().unwrap();
    let mut r = Reader::from_bytes(&doc);
    r.root().unwrap();
    let tag = r.next_child().unwrap().unwrap();
    T::read_choice(&mut r, &tag).unwrap()
}

/// Reads `tag` with the type its name (and parent) says, or `None` when it is not ours.
fn read_found(
    r: &mut Reader<'_>,
    parent: &str,
    tag: &StartTag,
) -> Result<Option<Found>, ReadError> {
    let local = tag.local_name();
    let find_request = matches!(
        parent,
        "FindItem" | "FindFolder" | "FindConversation" | "FindPeople"
    );
    Ok(Some(match local {
        "Restriction" | "AggregationRestriction" | "SearchRestrictions" | "Condition" => {
            Found::Restriction(local.to_owned(), Restriction::read_xml(r, tag)?)
        }
        _ if ItemView::matches(tag) => Found::ItemView(ItemView::read_choice(r, tag)?),
        _ if FolderView::matches(tag) => Found::FolderView(FolderView::read_choice(r, tag)?),
        _ if Grouping::matches(tag) => Found::Grouping(Grouping::read_choice(r, tag)?),
        // `m:SortOrder` of GetConversationItems is an enumeration, not field orders.
        "SortOrder" if find_request => Found::Sort(SortOrder::read_xml(r, tag)?),
        "QueryString" if find_request => Found::Query(QueryString::read_xml(r, tag)?),
        "RootFolder" if tag.is(Name::m("RootFolder")) => {
            Found::Paging(PagingInfo::read_xml(r, tag)?)
        }
        _ => return Ok(None),
    }))
}

/// Everything of ours in the document at `path`.
fn found_in(path: &Path) -> Vec<Found> {
    let bytes = std::fs::read(path).unwrap();
    let mut r = Reader::from_bytes(&bytes);
    let mut found = Vec::new();
    let mut parents: Vec<String> = Vec::new();
    loop {
        match r
            .next_event()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        {
            Event::Start(tag) => {
                let parent = parents.last().map_or("", String::as_str);
                match read_found(&mut r, parent, &tag) {
                    Ok(Some(f)) => found.push(f),
                    Ok(None) => parents.push(tag.local_name().to_owned()),
                    Err(e) => panic!("{}: {e}", path.display()),
                }
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
fn ms_docs_restrictions_and_views_read() {
    let files = ews_test_support::ms_docs(None, "");
    if files.is_empty() {
        return;
    }
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut by_file: BTreeMap<String, Vec<Found>> = BTreeMap::new();
    for path in &files {
        let found = found_in(path);
        for f in &found {
            *counts.entry(f.kind()).or_default() += 1;
            assert_eq!(&f.rewritten(), f, "{}", path.display());
        }
        let op = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy();
        let file = path.file_name().unwrap().to_string_lossy();
        by_file.insert(format!("{op}/{file}"), found);
    }
    eprintln!("read from {} ms-docs samples: {counts:?}", files.len());
    for (kind, min) in [
        ("Restriction", 4),
        ("ItemView", 10),
        ("FolderView", 3),
        ("Grouping", 1),
        ("SortOrder", 3),
        ("QueryString", 3),
        ("PagingInfo", 10),
    ] {
        let n = counts.get(kind).copied().unwrap_or(0);
        assert!(n >= min, "{kind}: {n} < {min}");
    }

    let get = |file: &str| {
        by_file
            .get(file)
            .unwrap_or_else(|| panic!("{file} missing"))
    };

    // FindItem/request-11: a Contains and an IsEqualTo under an And.
    let expected =
        SearchExpression::contains(
            FieldPath::field("item:Subject"),
            "meeting notes",
            ContainmentMode::Substring,
            ContainmentComparison::IgnoreCase,
        ) & SearchExpression::equal(FieldPath::field("message:Sender"), "sadie@contoso.com");
    assert!(get("FindItem/request-11.xml").contains(&Found::Restriction(
        "Restriction".into(),
        Restriction::new(expected)
    )));

    // FindItem/request-13: a date range.
    let range = SearchExpression::greater_than(
        FieldPath::field("calendar:Start"),
        "2014-07-01T07:00:00.000Z",
    ) & SearchExpression::less_than(
        FieldPath::field("calendar:End"),
        "2014-07-31T07:00:00.000Z",
    );
    assert!(
        get("FindItem/request-13.xml")
            .contains(&Found::Restriction("Restriction".into(), range.into()))
    );

    // UpdateFolder/request-05: a search folder's t:Restriction.
    let sender = SearchExpression::equal(FieldPath::field("message:Sender"), "hope@contoso.com");
    assert!(
        get("UpdateFolder/request-05.xml")
            .contains(&Found::Restriction("Restriction".into(), sender.into()))
    );

    // FindItem/request-01: paging, sort order.
    let f = get("FindItem/request-01.xml");
    assert!(f.contains(&Found::ItemView(IndexedPageView::new(0, 10).into())));
    assert!(f.contains(&Found::Sort(
        FieldOrder::descending(FieldPath::field("item:DateTimeReceived")).into()
    )));

    // FindItem/request-05 and -15: calendar views, with and without fractions and offsets.
    let start: DateTime = "2013-08-21T17:30:24.127Z".parse().unwrap();
    let end: DateTime = "2013-09-20T17:30:24.127Z".parse().unwrap();
    assert!(get("FindItem/request-05.xml").contains(&Found::ItemView(
        CalendarView::new(start, end).max_entries(5).into()
    )));
    let start: DateTime = "2006-05-18T08:00:00Z".parse().unwrap();
    let end: DateTime = "2006-05-19T08:00:00Z".parse().unwrap();
    assert!(get("FindItem/request-15.xml").contains(&Found::ItemView(
        CalendarView::new(start, end).max_entries(2).into()
    )));

    // FindItem/request-19: a GroupBy in the default namespace.
    let group = GroupBy::new(
        SortDirection::Ascending,
        FieldPath::field("item:Importance"),
        Aggregate::Maximum,
        FieldPath::field("item:Subject"),
    );
    assert!(get("FindItem/request-19.xml").contains(&Found::Grouping(Grouping::GroupBy(group))));

    // FindItem/request-07: an AQS query string.
    assert!(
        get("FindItem/request-07.xml")
            .contains(&Found::Query(QueryString::new("subject:\"project plan\"")))
    );

    // FindFolder/request-03: a folder view.
    assert!(
        get("FindFolder/request-03.xml")
            .contains(&Found::FolderView(IndexedPageView::new(0, 100).into()))
    );

    // Paging of responses.
    let paging = |file: &str| {
        get(file)
            .iter()
            .find_map(|f| match f {
                Found::Paging(p) => Some(p.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{file}: no RootFolder"))
    };
    let p = paging("FindItem/response-09.xml");
    assert_eq!(
        (
            p.indexed_paging_offset,
            p.total_items_in_view,
            p.next_offset()
        ),
        (Some(6), Some(8), Some(6))
    );
    let p = paging("FindItem/response-03.xml");
    assert_eq!(
        (p.total_items_in_view, p.next_offset()),
        (Some(10748), Some(1))
    );
    let p = paging("FindFolder/response-01.xml");
    assert_eq!((p.indexed_paging_offset, p.next_offset()), (Some(2), None));
    // A calendar view: no offset, no next page.
    let p = paging("FindItem/response-05.xml");
    assert_eq!((p.indexed_paging_offset, p.next_offset()), (None, None));
}
