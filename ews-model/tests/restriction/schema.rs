//! Schema validity in context: restrictions, views, sort orders, groupings and query strings
//! written inside whole FindItem, FindFolder, FindConversation, FindPeople and CreateFolder
//! requests, validated against the EWS schema, then read back out of them.

use std::collections::BTreeSet;

use ews_model::operations::{BaseShape, FolderShape, ItemShape};
use ews_model::properties::{DistinguishedFolderId, DistinguishedFolderIdName};
use ews_xml::soap::{self, RequestHeader};
use ews_xml::{Event, WriteError, XmlElement};
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

use super::*;

/// What one Find request holds besides its shape and folder.
#[derive(Default)]
struct Find {
    item_view: Option<ItemView>,
    folder_view: Option<FolderView>,
    grouping: Option<Grouping>,
    restriction: Option<Restriction>,
    sort: Option<SortOrder>,
    query: Option<QueryString>,
}

fn envelope(body: impl FnOnce(&mut Writer<'_>) -> Result<(), WriteError>) -> Vec<u8> {
    let mut out = Vec::new();
    soap::write_envelope(&mut out, &RequestHeader::new("Exchange2016"), body).unwrap();
    out
}

fn parent_folder(w: &mut Writer<'_>, wrapper: &str) -> Result<(), WriteError> {
    w.start(Name::m(wrapper))?;
    DistinguishedFolderId::new(DistinguishedFolderIdName::Inbox)
        .write_xml(w, DistinguishedFolderId::NAME)?;
    w.end()
}

/// `m:FindItem` in `FindItemType` order: ItemShape, view, grouping, Restriction, SortOrder,
/// ParentFolderIds, QueryString.
fn find_item(f: &Find, traversal: &ItemTraversal) -> Vec<u8> {
    envelope(|w| {
        w.start(Name::m("FindItem"))?;
        w.attr("Traversal", &traversal.to_xml_value())?;
        ItemShape::new(BaseShape::IdOnly).write_xml(w, Name::m("ItemShape"))?;
        if let Some(v) = &f.item_view {
            v.write_choice(w)?;
        }
        if let Some(g) = &f.grouping {
            g.write_choice(w)?;
        }
        if let Some(r) = &f.restriction {
            r.write_xml(w, Name::m("Restriction"))?;
        }
        if let Some(s) = &f.sort {
            s.write_xml(w, Name::m("SortOrder"))?;
        }
        parent_folder(w, "ParentFolderIds")?;
        if let Some(q) = &f.query {
            q.write_xml(w, Name::m("QueryString"))?;
        }
        w.end()
    })
}

/// `m:FindFolder`: FolderShape, view, Restriction, ParentFolderIds.
fn find_folder(f: &Find, traversal: &FolderTraversal) -> Vec<u8> {
    envelope(|w| {
        w.start(Name::m("FindFolder"))?;
        w.attr("Traversal", &traversal.to_xml_value())?;
        FolderShape::new(BaseShape::IdOnly).write_xml(w, Name::m("FolderShape"))?;
        if let Some(v) = &f.folder_view {
            v.write_choice(w)?;
        }
        if let Some(r) = &f.restriction {
            r.write_xml(w, Name::m("Restriction"))?;
        }
        parent_folder(w, "ParentFolderIds")?;
        w.end()
    })
}

/// `m:FindConversation`: view, SortOrder, ParentFolderId, QueryString.
fn find_conversation(f: &Find) -> Vec<u8> {
    envelope(|w| {
        w.start(Name::m("FindConversation"))?;
        w.attr("Traversal", "Deep")?;
        if let Some(v) = &f.item_view {
            v.write_choice(w)?;
        }
        if let Some(s) = &f.sort {
            s.write_xml(w, Name::m("SortOrder"))?;
        }
        parent_folder(w, "ParentFolderId")?;
        if let Some(q) = &f.query {
            q.write_xml(w, Name::m("QueryString"))?;
        }
        w.end()
    })
}

/// `m:FindPeople`: IndexedPageItemView, Restriction, AggregationRestriction, SortOrder,
/// ParentFolderId, QueryString (plain text).
fn find_people(view: &IndexedPageView, r: &Restriction, sort: &SortOrder) -> Vec<u8> {
    envelope(|w| {
        w.start(Name::m("FindPeople"))?;
        view.write_xml(w, Name::m("IndexedPageItemView"))?;
        r.write_xml(w, Name::m("Restriction"))?;
        r.write_xml(w, Name::m("AggregationRestriction"))?;
        sort.write_xml(w, Name::m("SortOrder"))?;
        parent_folder(w, "ParentFolderId")?;
        QueryString::new("adams").write_xml(w, Name::m("QueryString"))?;
        w.end()
    })
}

/// `m:CreateFolder` of a search folder: `t:SearchParameters` with a `t:Restriction`.
fn create_search_folder(r: &Restriction) -> Vec<u8> {
    envelope(|w| {
        w.start(Name::m("CreateFolder"))?;
        parent_folder(w, "ParentFolderId")?;
        w.start(Name::m("Folders"))?;
        w.start(Name::t("SearchFolder"))?;
        "Found".to_owned().write_xml(w, Name::t("DisplayName"))?;
        w.start(Name::t("SearchParameters"))?;
        w.attr("Traversal", "Deep")?;
        r.write_xml(w, Name::t("Restriction"))?;
        w.start(Name::t("BaseFolderIds"))?;
        DistinguishedFolderId::new(DistinguishedFolderIdName::Inbox)
            .write_xml(w, DistinguishedFolderId::NAME)?;
        w.end()?;
        w.end()?;
        w.end()?;
        w.end()?;
        w.end()
    })
}

/// Reads every restriction, view, grouping, sort order and query string back out of `doc`.
fn read_back(doc: &[u8]) -> (Vec<Restriction>, Vec<ItemView>, Vec<FolderView>, usize) {
    let (mut restrictions, mut items, mut folders, mut others) = (vec![], vec![], vec![], 0);
    let mut r = Reader::from_bytes(doc);
    loop {
        match r.next_event().unwrap() {
            Event::Start(tag) => {
                let local = tag.local_name();
                if matches!(local, "Restriction" | "AggregationRestriction") {
                    restrictions.push(Restriction::read_xml(&mut r, &tag).unwrap());
                } else if ItemView::matches(&tag) {
                    items.push(ItemView::read_choice(&mut r, &tag).unwrap());
                } else if FolderView::matches(&tag) {
                    folders.push(FolderView::read_choice(&mut r, &tag).unwrap());
                } else if Grouping::matches(&tag) {
                    Grouping::read_choice(&mut r, &tag).unwrap();
                    others += 1;
                } else if tag.is(Name::m("SortOrder")) {
                    SortOrder::read_xml(&mut r, &tag).unwrap();
                    others += 1;
                } else if tag.is(Name::m("QueryString")) {
                    QueryString::read_xml(&mut r, &tag).unwrap();
                    others += 1;
                }
            }
            Event::Eof => return (restrictions, items, folders, others),
            _ => {}
        }
    }
}

/// Generated values from a deterministic runner.
fn sample<S: Strategy>(strategy: S, runner: &mut TestRunner, n: usize) -> Vec<S::Value> {
    (0..n)
        .map(|_| strategy.new_tree(runner).unwrap().current())
        .collect()
}

#[test]
fn generated_requests_are_schema_valid() {
    let mut runner = TestRunner::deterministic();
    let exprs = sample(expression(true), &mut runner, 80);
    let item_views = sample(item_view(true), &mut runner, 80);
    let folder_views = sample(folder_view(true), &mut runner, 80);
    let sorts = sample(sort_order(true), &mut runner, 80);
    let groupings = sample(grouping(true), &mut runner, 80);
    let queries = sample(query_string(), &mut runner, 80);

    // Every member of the substitution group appears in a validated document.
    let mut seen = BTreeSet::new();
    exprs.iter().for_each(|e| element_names(e, &mut seen));
    assert_eq!(
        seen,
        ALL_ELEMENTS.into_iter().collect(),
        "generated elements"
    );
    // And extended properties among the paths.
    fn has_extended(e: &SearchExpression) -> bool {
        matches!(e.path(), Some(FieldPath::Extended(_))) || e.operands().iter().any(has_extended)
    }
    assert!(
        exprs.iter().any(has_extended),
        "no ExtendedFieldURI generated"
    );

    let item_traversals = [
        ItemTraversal::Shallow,
        ItemTraversal::SoftDeleted,
        ItemTraversal::Associated,
    ];
    let folder_traversals = [
        FolderTraversal::Shallow,
        FolderTraversal::Deep,
        FolderTraversal::SoftDeleted,
    ];
    let mut docs: Vec<(String, Vec<u8>)> = Vec::new();
    let mut expected = Vec::new();
    for (i, e) in exprs.iter().enumerate() {
        let restriction = Restriction::new(e.clone());
        let f = Find {
            item_view: Some(item_views[i].clone()),
            grouping: (i % 3 != 0).then(|| groupings[i].clone()),
            restriction: Some(restriction.clone()),
            sort: (i % 2 == 0).then(|| sorts[i].clone()),
            query: (i % 4 == 1).then(|| queries[i].clone()),
            ..Find::default()
        };
        docs.push((
            format!("finditem-{i}"),
            find_item(&f, &item_traversals[i % 3]),
        ));
        expected.push((restriction.clone(), f.item_view.clone(), None));
        let f = Find {
            folder_view: (i % 5 != 0).then(|| folder_views[i].clone()),
            restriction: Some(restriction.clone()),
            ..Find::default()
        };
        docs.push((
            format!("findfolder-{i}"),
            find_folder(&f, &folder_traversals[i % 3]),
        ));
        expected.push((restriction.clone(), None, f.folder_view.clone()));
    }
    for i in 0..10 {
        let view = match &item_views[i] {
            v @ (ItemView::IndexedPage(_) | ItemView::SeekToCondition(_)) => v.clone(),
            _ => ItemView::IndexedPage(IndexedPageView::new(0, 10)),
        };
        let f = Find {
            item_view: Some(view),
            sort: Some(sorts[i].clone()),
            query: Some(queries[i].clone()),
            ..Find::default()
        };
        docs.push((format!("findconversation-{i}"), find_conversation(&f)));
        let r = Restriction::new(exprs[i].clone());
        docs.push((
            format!("findpeople-{i}"),
            find_people(&IndexedPageView::new(0, 100), &r, &sorts[i]),
        ));
        docs.push((format!("createfolder-{i}"), create_search_folder(&r)));
    }
    let refs: Vec<(&str, &[u8])> = docs
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    ews_test_support::assert_all_valid(&refs);

    // And each reads back out of its request.
    for ((name, doc), (restriction, item_view, folder_view)) in docs.iter().zip(&expected) {
        let (restrictions, items, folders, _) = read_back(doc);
        assert_eq!(restrictions, vec![restriction.clone()], "{name}");
        assert_eq!(
            items,
            item_view.iter().cloned().collect::<Vec<_>>(),
            "{name}"
        );
        assert_eq!(
            folders,
            folder_view.iter().cloned().collect::<Vec<_>>(),
            "{name}"
        );
    }
    for (name, doc) in &docs[expected.len()..] {
        let (restrictions, items, _, others) = read_back(doc);
        assert!(
            !restrictions.is_empty() || !items.is_empty() || others > 0,
            "{name}"
        );
    }
}

/// One hand-written request per kind of element, with every enumeration value.
#[test]
fn every_enumeration_value_is_schema_valid() {
    let subject = FieldPath::field("item:Subject");
    let modes = [
        ContainmentMode::FullString,
        ContainmentMode::Prefixed,
        ContainmentMode::Substring,
        ContainmentMode::PrefixOnWords,
        ContainmentMode::ExactPhrase,
    ];
    let comparisons = [
        ContainmentComparison::Exact,
        ContainmentComparison::IgnoreCase,
        ContainmentComparison::IgnoreNonSpacingCharacters,
        ContainmentComparison::Loose,
        ContainmentComparison::IgnoreCaseAndNonSpacingCharacters,
        ContainmentComparison::LooseAndIgnoreCase,
        ContainmentComparison::LooseAndIgnoreNonSpace,
        ContainmentComparison::LooseAndIgnoreCaseAndIgnoreNonSpace,
    ];
    let contains = comparisons.iter().enumerate().map(|(i, c)| {
        SearchExpression::contains(subject.clone(), "x", modes[i % 5].clone(), c.clone())
    });
    let mut all: Vec<SearchExpression> = contains.collect();
    all.extend(
        CompareOp::ALL
            .into_iter()
            .map(|op| SearchExpression::compare(op, subject.clone(), "y")),
    );
    all.push(SearchExpression::exists(FieldPath::indexed(
        "contacts:PhoneNumber",
        "BusinessPhone",
    )));
    all.push(SearchExpression::equal(
        FieldPath::Extended(ExtendedFieldUri::tag(0x1090, MapiType::Integer)),
        "2",
    ));
    all.push(SearchExpression::excludes(
        FieldPath::field("item:Size"),
        Bitmask {
            value: "0x0F".into(),
        },
    ));
    all.push(SearchExpression::Near(Near {
        expressions: all[..2].to_vec(),
        distance: 3,
        ordered: true,
    }));
    let e = SearchExpression::Or(vec![
        !SearchExpression::And(all),
        SearchExpression::equal(subject.clone(), FieldPath::field("item:ItemClass")),
    ]);
    let mut seen = BTreeSet::new();
    element_names(&e, &mut seen);
    assert_eq!(seen, ALL_ELEMENTS.into_iter().collect());

    let r = Restriction::new(e);
    let start: DateTime = "2013-08-21T17:30:24.127Z".parse().unwrap();
    let end: DateTime = "2013-09-20T17:30:24Z".parse().unwrap();
    let views = [
        ItemView::from(IndexedPageView::new(0, 10).counted_from(BasePoint::End)),
        ItemView::from(FractionalPageView::new(1, 4, Some(10))),
        ItemView::from(SeekToConditionPageView::new(r.clone(), Some(5))),
        ItemView::from(CalendarView::new(start, end).max_entries(5)),
        ItemView::from(ContactsView::new(Some("A".into()), Some("M".into()))),
    ];
    let groupings = [
        Grouping::GroupBy(GroupBy::new(
            SortDirection::Descending,
            FieldPath::field("item:Importance"),
            Aggregate::Minimum,
            subject.clone(),
        )),
        Grouping::DistinguishedGroupBy(DistinguishedGroupBy {
            order: SortDirection::Ascending,
            standard_group_by: StandardGroupBy::ConversationTopic,
        }),
    ];
    let sort = SortOrder::from(FieldOrder::descending(FieldPath::field(
        "item:DateTimeReceived",
    )))
    .then(FieldOrder::ascending(subject));
    let mut query = QueryString::new("subject:\"project plan\"");
    query.reset_cache = Some(true);
    query.return_highlight_terms = Some(false);
    query.return_deleted_items = Some(true);

    let mut docs = Vec::new();
    for (i, view) in views.iter().enumerate() {
        let f = Find {
            item_view: Some(view.clone()),
            grouping: Some(groupings[i % 2].clone()),
            restriction: Some(r.clone()),
            sort: Some(sort.clone()),
            query: Some(query.clone()),
            ..Find::default()
        };
        docs.push((
            format!("finditem-view-{i}"),
            find_item(&f, &ItemTraversal::Shallow),
        ));
    }
    for view in [
        FolderView::from(IndexedPageView::new(5, 10)),
        FolderView::from(FractionalPageView::new(0, 1, None)),
    ] {
        let f = Find {
            folder_view: Some(view),
            restriction: Some(r.clone()),
            ..Find::default()
        };
        docs.push(("findfolder".into(), find_folder(&f, &FolderTraversal::Deep)));
    }
    docs.push(("createfolder".into(), create_search_folder(&r)));
    let refs: Vec<(&str, &[u8])> = docs
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    ews_test_support::assert_all_valid(&refs);
    for (name, doc) in &docs {
        let (restrictions, ..) = read_back(doc);
        assert!(restrictions.iter().all(|x| *x == r), "{name}");
    }
}
