//! Restrictions and views: round trips over generated trees and views, strict reading of
//! unknown expressions, schema validity inside whole Find requests, and every restriction,
//! sort order, view and paging element of the ms-docs samples read back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Debug;

use ews_model::extended::{ExtendedFieldUri, Guid, MapiType, PropertySet};
use ews_model::operations::FieldPath;
use ews_model::restriction::{
    Bitmask, CompareOp, Constant, ContainmentComparison, ContainmentMode, Contains, Near, Operand,
    Restriction, SearchExpression,
};
use ews_model::time::DateTime;
use ews_model::view::{
    Aggregate, BasePoint, CalendarView, ContactsView, DistinguishedGroupBy, FieldOrder,
    FolderTraversal, FolderView, FractionalPageView, GroupBy, Grouping, IndexedPageView,
    ItemTraversal, ItemView, PagingInfo, QueryString, SeekToConditionPageView, SortDirection,
    SortOrder, StandardGroupBy,
};
use ews_xml::{
    Name, ReadError, ReadErrorKind, Reader, Writer, XmlChoice, XmlRead, XmlValue, XmlWrite,
};
use jiff::Timestamp;
use proptest::prelude::*;

mod ms_docs;
mod schema;

// ---------------------------------------------------------------------------------------------
// Helpers

/// `value` written as the root element `name`.
fn write_doc<T: XmlWrite>(value: &T, name: Name<'_>) -> Vec<u8> {
    ews_xml::to_vec(value, name).unwrap()
}

/// The root element of `doc` read as a `T`, panicking with the document on error.
fn read_doc<T: XmlRead>(doc: &[u8]) -> T {
    ews_xml::from_slice(doc)
        .unwrap_or_else(|e| panic!("{e} reading {}", String::from_utf8_lossy(doc)))
}

/// Writes `value` as `name`, reads it back and checks it is equal.
fn round_trip<T: XmlWrite + XmlRead + PartialEq + Debug>(value: &T, name: Name<'_>) {
    let doc = write_doc(value, name);
    let back: T = read_doc(&doc);
    assert_eq!(&back, value, "{}", String::from_utf8_lossy(&doc));
}

/// Writes a choice inside `<t:Root>`, reads it back and checks it is equal.
fn choice_round_trip<T: XmlChoice + PartialEq + Debug>(value: &T) {
    let mut doc = Vec::new();
    let mut w = Writer::new(&mut doc);
    w.start(Name::t("Root")).unwrap();
    value.write_choice(&mut w).unwrap();
    w.end().unwrap();
    w.finish().unwrap();
    let mut r = Reader::from_bytes(&doc);
    r.root().unwrap();
    let tag = r.next_child().unwrap().unwrap();
    assert!(T::matches(&tag), "{}", String::from_utf8_lossy(&doc));
    let back = T::read_choice(&mut r, &tag).unwrap();
    assert_eq!(&back, value, "{}", String::from_utf8_lossy(&doc));
}

/// Every element name used in `e`, recursively.
fn element_names(e: &SearchExpression, out: &mut std::collections::BTreeSet<&'static str>) {
    out.insert(e.element_name());
    for child in e.operands() {
        element_names(child, out);
    }
}

const ALL_ELEMENTS: [&str; 13] = [
    "Exists",
    "Excludes",
    "IsEqualTo",
    "IsNotEqualTo",
    "IsGreaterThan",
    "IsGreaterThanOrEqualTo",
    "IsLessThan",
    "IsLessThanOrEqualTo",
    "Contains",
    "Not",
    "And",
    "Or",
    "Near",
];

// ---------------------------------------------------------------------------------------------
// Strategies

/// Any printable text, `<&"` included.
fn any_text() -> impl Strategy<Value = String> {
    "\\PC{0,20}"
}

/// A value of an open enumeration: one of `known`, or (when `open`) a token the schema does
/// not know.
fn open_enum<T: XmlValue + Clone + Debug + 'static>(known: Vec<T>, open: bool) -> BoxedStrategy<T> {
    if open {
        prop_oneof![
            proptest::sample::select(known),
            "[A-Za-z0-9_.-]{1,12}".prop_map(|s| T::from_xml_value(&s).unwrap()),
        ]
        .boxed()
    } else {
        proptest::sample::select(known).boxed()
    }
}

/// `FieldURI` values of the schema's enumeration.
const URIS: &[&str] = &[
    "item:Subject",
    "item:DateTimeReceived",
    "item:Size",
    "item:Importance",
    "item:Categories",
    "item:ItemClass",
    "message:IsRead",
    "message:Sender",
    "calendar:Start",
    "calendar:End",
];

/// Indexed `FieldURI` values of the schema's enumeration.
const DICTIONARY_URIS: &[&str] = &[
    "contacts:PhoneNumber",
    "contacts:EmailAddress",
    "contacts:PhysicalAddress:City",
];

/// `t:ExtendedFieldURI`: a tag, a named or a numbered property of any type.
fn extended_uri() -> impl Strategy<Value = ExtendedFieldUri> {
    let set = prop_oneof![
        Just(PropertySet::Common),
        Just(PropertySet::PublicStrings),
        Just(PropertySet::InternetHeaders),
        any::<u128>().prop_map(|g| PropertySet::Guid(Guid::from_u128(g))),
    ];
    let mapi_type = proptest::sample::select(MapiType::ALL.to_vec());
    (
        any::<u16>(),
        set,
        "[A-Za-z0-9-]{1,12}",
        any::<i32>(),
        mapi_type,
        0..3u8,
    )
        .prop_map(|(tag, set, name, id, t, which)| match which {
            0 => ExtendedFieldUri::tag(tag, t),
            1 => ExtendedFieldUri::named_owned(set, name, t),
            _ => ExtendedFieldUri::id(set, id, t),
        })
}

/// Paths: schema-valid ones only (`valid`), or any text and `t:ExceptionFieldURI` too.
fn path(valid: bool) -> BoxedStrategy<FieldPath> {
    let schema = prop_oneof![
        3 => proptest::sample::select(URIS).prop_map(FieldPath::field),
        1 => (proptest::sample::select(DICTIONARY_URIS), "[A-Za-z0-9]{1,12}")
            .prop_map(|(u, i)| FieldPath::indexed(u, i)),
        1 => extended_uri().prop_map(FieldPath::Extended),
    ];
    if valid {
        schema.boxed()
    } else {
        prop_oneof![
            schema,
            any_text().prop_map(FieldPath::field),
            (any_text(), any_text()).prop_map(|(u, i)| FieldPath::indexed(u, i)),
            any_text()
                .prop_map(|u| FieldPath::Exception(ews_model::operations::FieldUriPath { uri: u })),
        ]
        .boxed()
    }
}

fn operand(valid: bool) -> BoxedStrategy<Operand> {
    prop_oneof![
        3 => any_text().prop_map(Operand::from),
        1 => path(valid).prop_map(Operand::from),
    ]
    .boxed()
}

fn bitmask(valid: bool) -> BoxedStrategy<Bitmask> {
    let schema = prop_oneof![
        any::<u64>().prop_map(Bitmask::new),
        "0[xX][0-9A-Fa-f]{0,16}".prop_map(|value| Bitmask { value }),
    ];
    if valid {
        schema.boxed()
    } else {
        prop_oneof![schema, any_text().prop_map(|value| Bitmask { value })].boxed()
    }
}

fn containment_mode(open: bool) -> BoxedStrategy<ContainmentMode> {
    use ContainmentMode as M;
    let known = vec![
        M::FullString,
        M::Prefixed,
        M::Substring,
        M::PrefixOnWords,
        M::ExactPhrase,
    ];
    open_enum(known, open)
}

fn containment_comparison(open: bool) -> BoxedStrategy<ContainmentComparison> {
    use ContainmentComparison as C;
    let known = vec![
        C::Exact,
        C::IgnoreCase,
        C::IgnoreNonSpacingCharacters,
        C::Loose,
        C::IgnoreCaseAndNonSpacingCharacters,
        C::LooseAndIgnoreCase,
        C::LooseAndIgnoreNonSpace,
        C::LooseAndIgnoreCaseAndIgnoreNonSpace,
    ];
    open_enum(known, open)
}

/// One leaf: a test on one property.
fn leaf(valid: bool) -> BoxedStrategy<SearchExpression> {
    prop_oneof![
        path(valid).prop_map(SearchExpression::exists),
        (path(valid), bitmask(valid)).prop_map(|(p, b)| SearchExpression::excludes(p, b)),
        (
            proptest::sample::select(CompareOp::ALL.to_vec()),
            path(valid),
            operand(valid)
        )
            .prop_map(|(op, p, o)| SearchExpression::compare(op, p, o)),
        (
            proptest::option::of(containment_mode(!valid)),
            proptest::option::of(containment_comparison(!valid)),
            path(valid),
            any_text(),
        )
            .prop_map(|(m, c, p, v)| SearchExpression::Contains(Contains {
                containment_mode: m,
                containment_comparison: c,
                path: p,
                constant: Constant::new(v),
            })),
    ]
    .boxed()
}

/// A search expression tree of bounded depth (`valid`: one the schema accepts).
fn expression(valid: bool) -> BoxedStrategy<SearchExpression> {
    leaf(valid)
        .prop_recursive(4, 48, 4, |inner| {
            prop_oneof![
                inner.clone().prop_map(|e| !e),
                prop::collection::vec(inner.clone(), 1..4).prop_map(SearchExpression::And),
                prop::collection::vec(inner.clone(), 1..4).prop_map(SearchExpression::Or),
                (
                    prop::collection::vec(inner, 1..3),
                    any::<u32>(),
                    any::<bool>()
                )
                    .prop_map(|(expressions, distance, ordered)| {
                        SearchExpression::Near(Near {
                            expressions,
                            distance,
                            ordered,
                        })
                    }),
            ]
        })
        .boxed()
}

fn date_time() -> impl Strategy<Value = DateTime> {
    (-2_000_000_000i64..4_000_000_000, 0i32..1_000_000_000)
        .prop_map(|(s, ns)| DateTime(Timestamp::new(s, ns).unwrap()))
}

fn base_point(open: bool) -> BoxedStrategy<BasePoint> {
    open_enum(vec![BasePoint::Beginning, BasePoint::End], open)
}

fn direction(open: bool) -> BoxedStrategy<SortDirection> {
    open_enum(
        vec![SortDirection::Ascending, SortDirection::Descending],
        open,
    )
}

fn indexed_page(open: bool) -> impl Strategy<Value = IndexedPageView> {
    (
        proptest::option::of(1..i32::MAX),
        0..i32::MAX,
        base_point(open),
    )
        .prop_map(|(max, o, b)| {
            let mut v = IndexedPageView::new(o, 1).counted_from(b);
            v.max_entries_returned = max;
            v
        })
}

fn fractional_page() -> impl Strategy<Value = FractionalPageView> {
    (proptest::option::of(1..i32::MAX), any::<i32>(), 1..i32::MAX)
        .prop_map(|(max, n, d)| FractionalPageView::new(n, d, max))
}

fn item_view(valid: bool) -> BoxedStrategy<ItemView> {
    let opt_text = || proptest::option::of(any_text());
    prop_oneof![
        indexed_page(!valid).prop_map(ItemView::from),
        fractional_page().prop_map(ItemView::from),
        (
            expression(valid),
            proptest::option::of(1..1000i32),
            base_point(!valid)
        )
            .prop_map(|(e, max, b)| {
                let mut v = SeekToConditionPageView::new(e, max);
                v.base_point = b;
                ItemView::from(v)
            }),
        (date_time(), date_time(), proptest::option::of(1..1000i32)).prop_map(|(s, e, max)| {
            let mut v = CalendarView::new(s, e);
            v.max_entries_returned = max;
            ItemView::from(v)
        }),
        (opt_text(), opt_text(), proptest::option::of(1..1000i32)).prop_map(|(i, f, max)| {
            let mut v = ContactsView::new(i, f);
            v.max_entries_returned = max;
            ItemView::from(v)
        }),
    ]
    .boxed()
}

fn folder_view(valid: bool) -> BoxedStrategy<FolderView> {
    prop_oneof![
        indexed_page(!valid).prop_map(FolderView::from),
        fractional_page().prop_map(FolderView::from),
    ]
    .boxed()
}

fn sort_order(valid: bool) -> impl Strategy<Value = SortOrder> {
    prop::collection::vec(
        (direction(!valid), path(valid)).prop_map(|(order, path)| FieldOrder { order, path }),
        1..4,
    )
    .prop_map(SortOrder::new)
}

fn grouping(valid: bool) -> BoxedStrategy<Grouping> {
    let aggregate = open_enum(vec![Aggregate::Minimum, Aggregate::Maximum], !valid);
    let group_by = (
        direction(!valid),
        path(valid),
        aggregate,
        path(valid),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<u32>()),
        proptest::option::of(any::<u32>()),
        prop::collection::vec("[A-Za-z0-9+/]{4}", 0..3),
    )
        .prop_map(|(order, p, agg, agg_path, collapse, per, max, expand)| {
            let mut g = GroupBy::new(order, p, agg, agg_path);
            g.use_collapsible_groups = collapse;
            g.items_per_group = per;
            g.max_items_per_group = max;
            g.groups_to_expand = expand;
            Grouping::GroupBy(g)
        });
    let standard = (
        direction(!valid),
        open_enum(vec![StandardGroupBy::ConversationTopic], !valid),
    )
        .prop_map(|(order, standard_group_by)| {
            Grouping::DistinguishedGroupBy(DistinguishedGroupBy {
                order,
                standard_group_by,
            })
        });
    prop_oneof![group_by, standard].boxed()
}

fn query_string() -> impl Strategy<Value = QueryString> {
    (
        "[A-Za-z0-9:\" ]{1,30}",
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(q, a, b, c)| {
            let mut s = QueryString::new(q);
            s.reset_cache = a;
            s.return_highlight_terms = b;
            s.return_deleted_items = c;
            s
        })
}

fn paging_info() -> impl Strategy<Value = PagingInfo> {
    let n = || proptest::option::of(any::<i32>());
    (n(), n(), n(), proptest::option::of(any::<bool>()), n()).prop_map(|(a, b, c, d, e)| {
        let mut p = PagingInfo::default();
        p.indexed_paging_offset = a;
        p.numerator_offset = b;
        p.absolute_denominator = c;
        p.includes_last_item_in_range = d;
        p.total_items_in_view = e;
        p
    })
}

// ---------------------------------------------------------------------------------------------
// Round trips

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn restriction_round_trips(e in expression(false)) {
        round_trip(&Restriction::new(e.clone()), Name::m("Restriction"));
        round_trip(&Restriction::new(e.clone()), Name::t("Restriction"));
        choice_round_trip(&e);
    }

    #[test]
    fn views_round_trip(
        item in item_view(false),
        folder in folder_view(false),
        sort in sort_order(false),
        group in grouping(false),
        query in query_string(),
        paging in paging_info(),
    ) {
        choice_round_trip(&item);
        choice_round_trip(&folder);
        round_trip(&sort, Name::m("SortOrder"));
        choice_round_trip(&group);
        round_trip(&query, Name::m("QueryString"));
        round_trip(&paging, Name::m("RootFolder"));
    }

    #[test]
    fn traversals_round_trip(
        i in open_enum(vec![ItemTraversal::Shallow, ItemTraversal::SoftDeleted, ItemTraversal::Associated], true),
        f in open_enum(vec![FolderTraversal::Shallow, FolderTraversal::Deep, FolderTraversal::SoftDeleted], true),
    ) {
        prop_assert_eq!(ItemTraversal::from_xml_value(&i.to_xml_value()).unwrap(), i);
        prop_assert_eq!(FolderTraversal::from_xml_value(&f.to_xml_value()).unwrap(), f);
    }
}

// ---------------------------------------------------------------------------------------------
// Constructors

#[test]
fn constructors_build_the_expected_tree() {
    let subject = FieldPath::field("item:Subject");
    let a = SearchExpression::equal(subject.clone(), "a");
    let b = SearchExpression::not_equal(subject.clone(), "b");
    let c = SearchExpression::exists(subject.clone());
    let d = SearchExpression::less_than(subject.clone(), FieldPath::field("item:Size"));

    // `and`/`or` extend rather than nest, on either side.
    let abc = a.clone().and(b.clone()).and(c.clone());
    assert_eq!(
        abc,
        SearchExpression::And(vec![a.clone(), b.clone(), c.clone()])
    );
    assert_eq!(
        c.clone() & (a.clone() & b.clone()),
        SearchExpression::And(vec![c.clone(), a.clone(), b.clone()])
    );
    assert_eq!(
        (a.clone() | b.clone()) | (c.clone() | d.clone()),
        SearchExpression::Or(vec![a.clone(), b.clone(), c.clone(), d.clone()])
    );
    // An Or inside an And stays nested.
    assert_eq!(
        a.clone() & (b.clone() | c.clone()),
        SearchExpression::And(vec![a.clone(), SearchExpression::Or(vec![b.clone(), c])])
    );
    assert_eq!(!a.clone(), SearchExpression::Not(Box::new(a.clone())));
    assert_eq!(
        std::ops::Not::not(!a.clone()).operands()[0].operands()[0],
        a
    );

    assert_eq!(SearchExpression::all([]), None);
    assert_eq!(SearchExpression::all([a.clone()]), Some(a.clone()));
    assert_eq!(
        SearchExpression::any([a.clone(), b.clone()]),
        Some(SearchExpression::Or(vec![a, b]))
    );

    let (op, cmp) = d.as_comparison().unwrap();
    assert_eq!(op, CompareOp::LessThan);
    assert_eq!(
        cmp.operand.path().and_then(FieldPath::uri),
        Some("item:Size")
    );
    assert_eq!(d.path(), Some(&subject));
    assert_eq!(abc.path(), None);
    for op in CompareOp::ALL {
        let e = SearchExpression::compare(op, subject.clone(), "x");
        assert_eq!(e.element_name(), op.element_name());
        assert_eq!(CompareOp::from_element_name(op.element_name()), Some(op));
        assert_eq!(e.as_comparison().map(|(o, _)| o), Some(op));
    }
    assert_eq!(
        Bitmask {
            value: "0Xff".into()
        }
        .to_u64(),
        Some(255)
    );
    assert_eq!(Bitmask { value: "12".into() }.to_u64(), Some(12));
    assert_eq!(Bitmask { value: "x".into() }.to_u64(), None);
}

#[test]
fn restriction_writes_the_schema_shape() {
    let e = SearchExpression::contains(
        FieldPath::field("item:Subject"),
        "meeting notes",
        ContainmentMode::Substring,
        ContainmentComparison::IgnoreCase,
    ) & SearchExpression::equal(FieldPath::field("message:Sender"), "sadie@contoso.com");
    let doc = write_doc(&Restriction::new(e), Name::m("Restriction"));
    let xml = String::from_utf8(doc).unwrap();
    assert!(
        xml.ends_with(concat!(
            r#"><t:And><t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase">"#,
            r#"<t:FieldURI FieldURI="item:Subject"/><t:Constant Value="meeting notes"/></t:Contains>"#,
            r#"<t:IsEqualTo><t:FieldURI FieldURI="message:Sender"/><t:FieldURIOrConstant>"#,
            r#"<t:Constant Value="sadie@contoso.com"/></t:FieldURIOrConstant></t:IsEqualTo>"#,
            "</t:And></m:Restriction>"
        )),
        "{xml}"
    );
}

// ---------------------------------------------------------------------------------------------
// Strict reading

const T_NS: &str = r#"xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types""#;

fn restriction_error(inner: &str) -> ReadError {
    let doc = format!("<t:Restriction {T_NS}>{inner}</t:Restriction>");
    ews_xml::from_slice::<Restriction>(doc.as_bytes()).expect_err(&doc)
}

fn unexpected(e: &ReadError) -> &str {
    match e.kind() {
        ReadErrorKind::UnexpectedElement { found } => found,
        other => panic!(
            "expected an unexpected element, got {other} at {}",
            e.path()
        ),
    }
}

#[test]
fn unknown_expressions_are_errors_naming_them() {
    let eq = r#"<t:IsEqualTo><t:FieldURI FieldURI="item:Subject"/><t:FieldURIOrConstant><t:Constant Value="a"/></t:FieldURIOrConstant></t:IsEqualTo>"#;

    let e = restriction_error("<t:IsSimilarTo/>");
    assert_eq!(unexpected(&e), "t:IsSimilarTo");
    assert_eq!(e.path(), "Restriction/IsSimilarTo");

    for wrapper in ["And", "Or", "Not"] {
        let e = restriction_error(&format!("<t:{wrapper}><t:Matches/></t:{wrapper}>"));
        assert_eq!(unexpected(&e), "t:Matches", "{wrapper}");
        assert_eq!(e.path(), format!("Restriction/{wrapper}/Matches"));
    }
    // Not even after valid operands, not even in another namespace.
    let e = restriction_error(&format!("<t:Or>{eq}<x:Future xmlns:x=\"urn:x\"/></t:Or>"));
    assert!(unexpected(&e).contains("Future"), "{e}");
    let e = restriction_error(&format!(
        "<t:Near>{eq}<t:Proximity/><t:Distance>2</t:Distance><t:Ordered>true</t:Ordered></t:Near>"
    ));
    assert_eq!(unexpected(&e), "t:Proximity");
    // A nested unknown is found at any depth.
    let e = restriction_error(&format!(
        "<t:And>{eq}<t:Not><t:Or><t:Fuzzy/></t:Or></t:Not></t:And>"
    ));
    assert_eq!(e.path(), "Restriction/And/Not/Or/Fuzzy");

    // Two expressions where the schema has one.
    assert_eq!(
        unexpected(&restriction_error(&format!("{eq}{eq}"))),
        "t:IsEqualTo"
    );
    assert_eq!(
        unexpected(&restriction_error(&format!("<t:Not>{eq}{eq}</t:Not>"))),
        "t:IsEqualTo"
    );

    // Missing operands.
    for inner in ["", "<t:And/>", "<t:Or> </t:Or>", "<t:Not/>"] {
        let e = restriction_error(inner);
        assert!(
            matches!(e.kind(), ReadErrorKind::MissingElement("SearchExpression")),
            "{inner}: {e}"
        );
    }
    let e = restriction_error(&format!("<t:Near>{eq}<t:Ordered>true</t:Ordered></t:Near>"));
    assert!(
        matches!(e.kind(), ReadErrorKind::MissingElement("Distance")),
        "{e}"
    );
    // A comparison without its right-hand side, or with a path we do not know.
    let e =
        restriction_error(r#"<t:IsEqualTo><t:FieldURI FieldURI="item:Subject"/></t:IsEqualTo>"#);
    assert!(matches!(e.kind(), ReadErrorKind::MissingElement(_)), "{e}");
    let e = restriction_error(r#"<t:Exists><t:FuturePathURI Uri="x"/></t:Exists>"#);
    assert!(matches!(e.kind(), ReadErrorKind::MissingElement(_)), "{e}");
}

#[test]
fn leaves_skip_unknown_children_and_keep_open_values() {
    let doc = format!(
        r#"<t:Restriction {T_NS}><t:Contains ContainmentMode="Fuzzy" Extra="1"><t:Hint/><t:FieldURI FieldURI="item:Subject"/><t:Constant Value="x"/></t:Contains></t:Restriction>"#
    );
    let r: Restriction = read_doc(doc.as_bytes());
    let SearchExpression::Contains(c) = &r.expression else {
        panic!("{r:?}")
    };
    assert_eq!(
        c.containment_mode,
        Some(ContainmentMode::Other("Fuzzy".into()))
    );
    assert_eq!(c.containment_comparison, None);
    round_trip(&r, Name::t("Restriction"));
}

#[test]
fn empty_operand_lists_are_not_written() {
    for e in [
        SearchExpression::And(vec![]),
        SearchExpression::Or(vec![]),
        SearchExpression::Near(Near {
            expressions: vec![],
            distance: 1,
            ordered: false,
        }),
        !SearchExpression::And(vec![]),
    ] {
        let mut out = Vec::new();
        let mut w = Writer::new(&mut out);
        let err = Restriction::new(e)
            .write_xml(&mut w, Name::m("Restriction"))
            .unwrap_err();
        assert!(matches!(err, ews_xml::WriteError::Misuse(_)), "{err}");
    }
}

#[test]
fn paging_info_helpers() {
    let mut p = PagingInfo::default();
    assert!(p.is_last_page());
    assert_eq!(p.next_offset(), None);
    p.indexed_paging_offset = Some(10);
    assert_eq!(p.next_offset(), None, "no IncludesLastItemInRange: stop");
    p.includes_last_item_in_range = Some(false);
    assert_eq!(p.next_offset(), Some(10));
    assert_eq!(p.next_fraction(), None);
    p.numerator_offset = Some(3);
    p.absolute_denominator = Some(7);
    assert_eq!(p.next_fraction(), Some((3, 7)));
    let view = IndexedPageView::new(0, 10).counted_from(BasePoint::End);
    let next = view.next_page(&p).unwrap();
    assert_eq!((next.offset, next.base_point), (10, BasePoint::End));
    p.includes_last_item_in_range = Some(true);
    assert_eq!(view.next_page(&p), None);
    assert_eq!(p.next_fraction(), None);
}
