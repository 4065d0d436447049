//! Extended MAPI properties: every `MapiType` round-trips through write and read (arrays
//! too), typed definitions, invalid addresses and values give typed errors, the ms-docs
//! samples read, and what we write validates against the schema in a full request.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ews_model::extended::{
    AppTime, Currency, ExtendedError, ExtendedFieldUri, ExtendedProperties, ExtendedProperty,
    ExtendedPropertyValue, ExtendedValue, Guid, MapiType, PropertyAddress, PropertyDef,
    PropertySet,
};
use ews_model::fields::{FieldValue, ValueKind};
use ews_model::time::DateTime;
use ews_xml::soap::{RequestHeader, write_envelope};
use ews_xml::{
    Event, Name, ReadError, ReadErrorKind, Reader, WriteError, Writer, XmlRead, XmlWrite,
};
use jiff::Timestamp;
use proptest::collection::vec;
use proptest::prelude::*;

const MY_SET: Guid = Guid::from_u128(0xaa3df801_4fc7_401f_bbc1_7c93d6498c2e);

fn write_fragment<T: XmlWrite>(value: &T, name: Name<'_>) -> Vec<u8> {
    ews_xml::to_vec(value, name).unwrap()
}

fn read_fragment<T: XmlRead>(doc: &[u8]) -> Result<T, ReadError> {
    ews_xml::from_slice(doc)
}

fn round_trip(p: &ExtendedProperty) -> ExtendedProperty {
    let doc = write_fragment(p, Name::t("ExtendedProperty"));
    read_fragment(&doc).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&doc)))
}

/// `t:ExtendedProperty` in the types namespace, for hand-written documents.
fn prop_doc(inner: &str) -> String {
    format!(
        r#"<t:ExtendedProperty xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">{inner}</t:ExtendedProperty>"#
    )
}

fn uri_doc(attrs: &str) -> String {
    format!(
        r#"<t:ExtendedFieldURI xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" {attrs}/>"#
    )
}

fn custom(e: &ReadError) -> &ExtendedError {
    match e.kind() {
        ReadErrorKind::Custom(c) => c.downcast_ref().expect("an ExtendedError"),
        other => panic!("expected a custom error, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies

fn arb_set() -> impl Strategy<Value = PropertySet> {
    prop_oneof![
        Just(PropertySet::Meeting),
        Just(PropertySet::Appointment),
        Just(PropertySet::Common),
        Just(PropertySet::PublicStrings),
        Just(PropertySet::Address),
        Just(PropertySet::InternetHeaders),
        Just(PropertySet::CalendarAssistant),
        Just(PropertySet::UnifiedMessaging),
        Just(PropertySet::Task),
        Just(PropertySet::Sharing),
        any::<u128>().prop_map(|g| PropertySet::Guid(Guid::from_u128(g))),
    ]
}

fn arb_uri(mapi_type: MapiType) -> impl Strategy<Value = ExtendedFieldUri> {
    prop_oneof![
        any::<u16>().prop_map(move |t| ExtendedFieldUri::tag(t, mapi_type)),
        (arb_set(), "[\\PC]{0,12}")
            .prop_map(move |(s, n)| ExtendedFieldUri::named_owned(s, n, mapi_type)),
        (arb_set(), any::<i32>()).prop_map(move |(s, id)| ExtendedFieldUri::id(s, id, mapi_type)),
    ]
}

fn arb_text() -> impl Strategy<Value = String> {
    "[\\PC\t\n\r ]{0,16}"
}

fn arb_time() -> impl Strategy<Value = DateTime> {
    // The FILETIME range of MAPI: 1601 to 9999.
    (-11_644_473_600_i64..253_402_300_799, 0..1_000_000_000_i32)
        .prop_map(|(s, n)| DateTime(Timestamp::new(s, n).unwrap()))
}

fn not_nan() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("NaN never equals itself", |f| !f.is_nan())
}

fn single() -> impl Strategy<Value = f64> {
    any::<f32>()
        .prop_filter("NaN never equals itself", |f| !f.is_nan())
        .prop_map(f64::from)
}

fn arb_bytes() -> impl Strategy<Value = Vec<u8>> {
    vec(any::<u8>(), 0..40)
}

fn arb_value(t: MapiType) -> BoxedStrategy<ExtendedValue> {
    use ExtendedValue as V;
    use MapiType as T;
    let n = 1..5;
    match t {
        T::Boolean => any::<bool>().prop_map(V::Bool).boxed(),
        T::Short => any::<i16>().prop_map(|i| V::Int(i.into())).boxed(),
        T::Integer => any::<i32>().prop_map(|i| V::Int(i.into())).boxed(),
        T::Long => any::<i64>().prop_map(V::Int).boxed(),
        T::Currency => any::<i64>().prop_map(V::Currency).boxed(),
        T::Float => single().prop_map(V::Float).boxed(),
        T::Double => not_nan().prop_map(V::Float).boxed(),
        T::ApplicationTime => not_nan().prop_map(V::AppTime).boxed(),
        T::SystemTime => arb_time().prop_map(V::SystemTime).boxed(),
        T::Clsid => any::<u128>()
            .prop_map(|g| V::Guid(Guid::from_u128(g)))
            .boxed(),
        T::Binary => arb_bytes().prop_map(V::Binary).boxed(),
        T::String => arb_text().prop_map(V::String).boxed(),
        T::Null => Just(V::Null).boxed(),
        T::Error => any::<u32>().prop_map(V::Error).boxed(),
        T::Object => arb_text().prop_map(V::Object).boxed(),
        T::ShortArray => vec(any::<i16>().prop_map(i64::from), n)
            .prop_map(V::IntArray)
            .boxed(),
        T::IntegerArray => vec(any::<i32>().prop_map(i64::from), n)
            .prop_map(V::IntArray)
            .boxed(),
        T::LongArray => vec(any::<i64>(), n).prop_map(V::IntArray).boxed(),
        T::CurrencyArray => vec(any::<i64>(), n).prop_map(V::CurrencyArray).boxed(),
        T::FloatArray => vec(single(), n).prop_map(V::FloatArray).boxed(),
        T::DoubleArray => vec(not_nan(), n).prop_map(V::FloatArray).boxed(),
        T::ApplicationTimeArray => vec(not_nan(), n).prop_map(V::AppTimeArray).boxed(),
        T::SystemTimeArray => vec(arb_time(), n).prop_map(V::SystemTimeArray).boxed(),
        T::ClsidArray => vec(any::<u128>().prop_map(Guid::from_u128), n)
            .prop_map(V::GuidArray)
            .boxed(),
        T::BinaryArray => vec(arb_bytes(), n).prop_map(V::BinaryArray).boxed(),
        T::StringArray => vec(arb_text(), n).prop_map(V::StringArray).boxed(),
        T::ObjectArray => vec(arb_text(), n).prop_map(V::ObjectArray).boxed(),
        other => panic!("no strategy for {other}"),
    }
}

fn arb_property() -> impl Strategy<Value = ExtendedProperty> {
    proptest::sample::select(MapiType::ALL.to_vec()).prop_flat_map(|t| {
        (arb_uri(t), arb_value(t)).prop_map(|(uri, value)| ExtendedProperty { uri, value })
    })
}

// ---------------------------------------------------------------------------------------------
// Round trips

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn every_type_round_trips(p in arb_property()) {
        prop_assert_eq!(round_trip(&p), p);
    }

    #[test]
    fn paths_round_trip(uri in proptest::sample::select(MapiType::ALL.to_vec())
        .prop_flat_map(arb_uri))
    {
        let doc = write_fragment(&uri, Name::t("ExtendedFieldURI"));
        prop_assert_eq!(read_fragment::<ExtendedFieldUri>(&doc).unwrap(), uri);
    }

    #[test]
    fn typed_values_round_trip(
        short in any::<i16>(), ints in vec(any::<i32>(), 1..4), f in any::<f32>(),
        s in arb_text(), t in arb_time(), money in vec(any::<i64>().prop_map(Currency), 1..3),
    ) {
        const SHORT: PropertyDef<i16> = PropertyDef::tag(0x0001);
        const INTS: PropertyDef<Vec<i32>> = PropertyDef::id(PropertySet::Common, 0x8001);
        const FLOAT: PropertyDef<f32> = PropertyDef::named(PropertySet::PublicStrings, "F");
        const TEXT: PropertyDef<String> = PropertyDef::named(PropertySet::Guid(MY_SET), "S");
        const TIME: PropertyDef<DateTime> = PropertyDef::id(PropertySet::Task, 0x8105);
        const MONEY: PropertyDef<Vec<Currency>> = PropertyDef::tag(0x6000);
        let mut props = ExtendedProperties::default();
        props.set(&SHORT, short);
        props.set(&INTS, ints.clone());
        props.set(&FLOAT, f);
        props.set(&TEXT, s.clone());
        props.set(&TIME, t);
        props.set(&MONEY, money.clone());
        let doc = write_fragment(&props, Name::t("ExtendedProperties"));
        let back: ExtendedProperties = read_fragment(&doc).unwrap();
        prop_assert_eq!(back.get(&SHORT).unwrap().unwrap(), short);
        prop_assert_eq!(back.get(&INTS).unwrap().unwrap(), ints);
        let f_back = back.get(&FLOAT).unwrap().unwrap();
        prop_assert!(f_back == f || (f.is_nan() && f_back.is_nan()));
        prop_assert_eq!(back.get(&TEXT).unwrap().unwrap(), s);
        prop_assert_eq!(back.get(&TIME).unwrap().unwrap(), t);
        prop_assert_eq!(back.get(&MONEY).unwrap().unwrap(), money);
    }

    /// Whatever the text, reading never panics.
    #[test]
    fn reading_arbitrary_values_never_panics(
        t in proptest::sample::select(MapiType::ALL.to_vec()), text in "\\PC{0,20}",
    ) {
        let inner = if t.is_array() { "Values" } else { "Value" };
        let body = format!(
            r#"<t:ExtendedFieldURI PropertyTag="1" PropertyType="{t}"/><t:{inner}>{}</t:{inner}>"#,
            text.replace('&', "&amp;").replace('<', "&lt;")
        );
        let _ = read_fragment::<ExtendedProperty>(prop_doc(&body).as_bytes());
        let _ = ExtendedValue::parse_one(t, &text);
    }
}

#[test]
fn nan_round_trips() {
    for t in [MapiType::Float, MapiType::Double] {
        let p = ExtendedProperty::new(ExtendedFieldUri::tag(1, t), ExtendedValue::Float(f64::NAN))
            .unwrap();
        let ExtendedValue::Float(f) = round_trip(&p).value else {
            panic!("not a float");
        };
        assert!(f.is_nan());
    }
}

/// One typed definition per Rust type of the mapping table.
#[test]
fn every_rust_type_has_its_mapi_type() {
    fn check<T: ExtendedPropertyValue + PartialEq + std::fmt::Debug>(t: MapiType, value: T) {
        assert_eq!(T::MAPI_TYPE, t);
        let def = PropertyDef::<T>::tag(0x7000);
        let mut props = ExtendedProperties::default();
        props.set(&def, value);
        let doc = write_fragment(&props, Name::t("ExtendedProperties"));
        let back: ExtendedProperties = read_fragment(&doc).unwrap();
        assert_eq!(back, props);
        assert_eq!(
            back.get(&def).unwrap().unwrap(),
            props.get(&def).unwrap().unwrap()
        );
    }
    let t: DateTime = "2026-03-08T13:21:32.5Z".parse().unwrap();
    let g = Guid::parse("00062008-0000-0000-C000-000000000046").unwrap();
    check(MapiType::Boolean, true);
    check(MapiType::Short, -7i16);
    check(MapiType::Integer, 1 << 30);
    check(MapiType::Long, i64::MIN);
    check(MapiType::Float, 1.5f32);
    check(MapiType::Double, -2.25f64);
    check(MapiType::Currency, Currency(12_3400));
    check(MapiType::ApplicationTime, AppTime(45_000.25));
    check(MapiType::SystemTime, t);
    check(MapiType::Clsid, g);
    check(MapiType::Binary, vec![0u8, 255, 7]);
    check(MapiType::String, " é\tx ".to_owned());
    check(MapiType::ShortArray, vec![1i16, -1]);
    check(MapiType::IntegerArray, vec![i32::MAX]);
    check(MapiType::LongArray, vec![0i64]);
    check(MapiType::FloatArray, vec![0.1f32, 1e30]);
    check(MapiType::DoubleArray, vec![f64::INFINITY, 1e300]);
    check(MapiType::CurrencyArray, vec![Currency(-1)]);
    check(MapiType::ApplicationTimeArray, vec![AppTime(0.5)]);
    check(MapiType::SystemTimeArray, vec![t, t]);
    check(MapiType::ClsidArray, vec![g, Guid::NIL]);
    check(MapiType::BinaryArray, vec![vec![1u8], vec![]]);
    check(MapiType::StringArray, vec![String::new(), "a".to_owned()]);
}

#[test]
fn collection_get_set_remove() {
    const FLAG: PropertyDef<i32> = PropertyDef::tag(0x1090);
    const FLAG_AS_STRING: PropertyDef<String> = PropertyDef::tag(0x1090);
    const DUE: PropertyDef<DateTime> = PropertyDef::id(PropertySet::Task, 0x8105);
    let mut props = ExtendedProperties::default();
    assert!(props.get(&FLAG).is_none());
    props.set(&FLAG, 1);
    props.set(&FLAG, 2);
    assert_eq!(props.len(), 1);
    assert_eq!(props.get(&FLAG), Some(Ok(2)));
    assert!(matches!(
        props.get(&FLAG_AS_STRING),
        Some(Err(ExtendedError::TypeMismatch { .. }))
    ));
    // A response naming the set by GUID matches a definition naming it by name.
    let task_guid = Guid::parse("00062003-0000-0000-c000-000000000046").unwrap();
    let t: DateTime = "2026-01-01T00:00:00Z".parse().unwrap();
    props.insert(ExtendedProperty {
        uri: ExtendedFieldUri::id(PropertySet::Guid(task_guid), 0x8105, MapiType::SystemTime),
        value: ExtendedValue::SystemTime(t),
    });
    assert_eq!(props.get(&DUE), Some(Ok(t)));
    assert!(props.remove(&DUE));
    assert!(!props.remove(&DUE));
    // A value out of the definition's range reads as an error, not a wrapped number.
    const SHORT: PropertyDef<i16> = PropertyDef::tag(0x1090);
    props.set(&PropertyDef::<i64>::tag(0x1090), 1 << 40);
    assert!(matches!(
        props.get(&SHORT),
        Some(Err(ExtendedError::OutOfRange { .. }))
    ));
    assert_eq!(ExtendedProperties::KIND.value, ValueKind::Extended);
    const { assert!(ExtendedProperties::KIND.list) };
    assert_eq!(FLAG.constant(&5).unwrap(), "5");
    let empty: PropertyDef<Vec<String>> = PropertyDef::tag(1);
    assert_eq!(
        empty.constant(&vec![]),
        Err(ExtendedError::EmptyArray(MapiType::StringArray))
    );
}

// ---------------------------------------------------------------------------------------------
// Errors

#[test]
fn invalid_addresses_are_read_errors() {
    let cases = [
        r#"PropertyType="Integer""#,
        r#"PropertyTag="0x1" PropertyName="x" PropertyType="Integer""#,
        r#"PropertyTag="0x1" DistinguishedPropertySetId="Common" PropertyType="Integer""#,
        r#"DistinguishedPropertySetId="Common" PropertyType="Integer""#,
        r#"DistinguishedPropertySetId="Common" PropertySetId="00062008-0000-0000-C000-000000000046" PropertyId="1" PropertyType="Integer""#,
        r#"DistinguishedPropertySetId="Common" PropertyName="a" PropertyId="1" PropertyType="Integer""#,
        r#"PropertyName="a" PropertyType="Integer""#,
        r#"PropertyId="1" PropertyType="Integer""#,
    ];
    for attrs in cases {
        let err = read_fragment::<ExtendedFieldUri>(uri_doc(attrs).as_bytes()).unwrap_err();
        assert!(
            matches!(custom(&err), ExtendedError::InvalidAddress(_)),
            "{attrs}: {err}"
        );
        assert_eq!(err.path(), "ExtendedFieldURI", "{attrs}");
    }
    let err =
        read_fragment::<ExtendedFieldUri>(uri_doc(r#"PropertyTag="1""#).as_bytes()).unwrap_err();
    assert!(matches!(
        err.kind(),
        ReadErrorKind::MissingAttribute("PropertyType")
    ));
    for attrs in [
        r#"PropertyTag="0x10000" PropertyType="Integer""#,
        r#"PropertyTag="abc" PropertyType="Integer""#,
        r#"PropertyTag="1" PropertyType="integer""#,
        r#"PropertyTag="1" PropertyType="BooleanArray""#,
        r#"PropertySetId="not-a-guid" PropertyId="1" PropertyType="Integer""#,
        r#"DistinguishedPropertySetId="Nope" PropertyId="1" PropertyType="Integer""#,
        r#"DistinguishedPropertySetId="Common" PropertyId="1.5" PropertyType="Integer""#,
    ] {
        let err = read_fragment::<ExtendedFieldUri>(uri_doc(attrs).as_bytes()).unwrap_err();
        assert!(
            matches!(err.kind(), ReadErrorKind::InvalidValue { .. }),
            "{attrs}: {err}"
        );
    }
    // Valid forms, as servers and documentation write them.
    for (attrs, address) in [
        (
            r#"PropertyTag="0X10F4" PropertyType="Boolean""#,
            PropertyAddress::Tag(0x10f4),
        ),
        (
            r#"PropertyTag="26264" PropertyType="Boolean""#,
            PropertyAddress::Tag(0x6698),
        ),
        (
            r#"PropertySetId="{AA3DF801-4FC7-401F-BBC1-7C93D6498C2E}" PropertyName="ItemIndex" PropertyType="Boolean""#,
            PropertyAddress::Name {
                set: PropertySet::Guid(MY_SET),
                name: "ItemIndex".into(),
            },
        ),
        (
            r#"DistinguishedPropertySetId="Common" PropertyId="0x8524" PropertyType="Boolean""#,
            PropertyAddress::Id {
                set: PropertySet::Common,
                id: 0x8524,
            },
        ),
    ] {
        let uri = read_fragment::<ExtendedFieldUri>(uri_doc(attrs).as_bytes()).unwrap();
        assert_eq!(uri.address(), &address);
    }
}

#[test]
fn bad_values_are_read_errors_at_the_value() {
    let tag = |t: &str| format!(r#"<t:ExtendedFieldURI PropertyTag="0x1" PropertyType="{t}"/>"#);
    let read = |body: String| read_fragment::<ExtendedProperty>(prop_doc(&body).as_bytes());

    let err = read(format!("{}<t:Value>abc</t:Value>", tag("Integer"))).unwrap_err();
    assert!(matches!(err.kind(), ReadErrorKind::InvalidValue { value, .. } if value == "abc"));
    assert_eq!(err.path(), "ExtendedProperty/Value");

    let err = read(format!(
        "{}<t:Values><t:Value>1</t:Value><t:Value>x</t:Value></t:Values>",
        tag("ShortArray")
    ))
    .unwrap_err();
    assert_eq!(err.path(), "ExtendedProperty/Values/Value");

    for (t, text) in [
        ("Boolean", "yes"),
        ("SystemTime", "yesterday"),
        ("CLSID", "{x}"),
        ("Binary", "!!"),
        ("Double", "1,5"),
        ("Error", "E_FAIL"),
    ] {
        let err = read(format!("{}<t:Value>{text}</t:Value>", tag(t))).unwrap_err();
        assert!(
            matches!(err.kind(), ReadErrorKind::InvalidValue { .. }),
            "{t}"
        );
    }

    let err = read(format!("{}<t:Value>70000</t:Value>", tag("Short"))).unwrap_err();
    assert!(matches!(custom(&err), ExtendedError::OutOfRange { .. }));
    let err = read(format!(
        "{}<t:Values><t:Value>1</t:Value><t:Value>2</t:Value></t:Values>",
        tag("Integer")
    ))
    .unwrap_err();
    assert_eq!(
        custom(&err),
        &ExtendedError::ValueCount(MapiType::Integer, 2)
    );
    let err = read(format!(
        "{}<t:Value>1</t:Value><t:Values><t:Value>2</t:Value></t:Values>",
        tag("IntegerArray")
    ))
    .unwrap_err();
    assert_eq!(custom(&err), &ExtendedError::ValueAndValues);
    let err = read(tag("Integer")).unwrap_err();
    assert!(matches!(err.kind(), ReadErrorKind::MissingElement("Value")));
    let err = read("<t:Value>1</t:Value>".into()).unwrap_err();
    assert!(matches!(
        err.kind(),
        ReadErrorKind::MissingElement("ExtendedFieldURI")
    ));
}

#[test]
fn lenient_reads() {
    let tag = |t: &str| format!(r#"<t:ExtendedFieldURI PropertyTag="0x1" PropertyType="{t}"/>"#);
    let read = |body: String| read_fragment::<ExtendedProperty>(prop_doc(&body).as_bytes());
    // An array type with a single t:Value: a one-element array.
    let p = read(format!("{}<t:Value>a</t:Value>", tag("StringArray"))).unwrap();
    assert_eq!(p.value, ExtendedValue::StringArray(vec!["a".into()]));
    // A scalar type in t:Values with one t:Value.
    let p = read(format!(
        "{}<t:Values><t:Value> 5 </t:Value></t:Values>",
        tag("Integer")
    ))
    .unwrap();
    assert_eq!(p.value, ExtendedValue::Int(5));
    // An empty t:Values: an empty array; unknown children are skipped.
    let p = read(format!("{}<t:Values/><t:Future/>", tag("LongArray"))).unwrap();
    assert_eq!(p.value, ExtendedValue::IntArray(vec![]));
    // Strings keep their whitespace; base64 may be wrapped.
    let p = read(format!("{}<t:Value> a </t:Value>", tag("String"))).unwrap();
    assert_eq!(p.value, ExtendedValue::String(" a ".into()));
    let p = read(format!("{}<t:Value>AQID\n  BA==</t:Value>", tag("Binary"))).unwrap();
    assert_eq!(p.value, ExtendedValue::Binary(vec![1, 2, 3, 4]));
}

#[test]
fn writing_is_strict() {
    let write = |t: MapiType, value: ExtendedValue| {
        let p = ExtendedProperty {
            uri: ExtendedFieldUri::tag(1, t),
            value,
        };
        let mut out = Vec::new();
        let mut w = Writer::new(&mut out);
        p.write_xml(&mut w, Name::t("ExtendedProperty"))
    };
    for (t, v) in [
        (MapiType::Short, ExtendedValue::Int(40_000)),
        (MapiType::Integer, ExtendedValue::Int(1 << 31)),
        (MapiType::Float, ExtendedValue::Float(1e39)),
        (MapiType::Integer, ExtendedValue::String("1".into())),
        (MapiType::StringArray, ExtendedValue::StringArray(vec![])),
        (
            MapiType::String,
            ExtendedValue::StringArray(vec!["a".into()]),
        ),
    ] {
        assert!(
            matches!(write(t, v.clone()), Err(WriteError::InvalidValue(_))),
            "{t} {v:?}"
        );
    }
    assert!(
        ExtendedProperty::new(
            ExtendedFieldUri::tag(1, MapiType::Short),
            ExtendedValue::Int(-40_000)
        )
        .is_err()
    );
    let doc = write_fragment(
        &ExtendedProperty::new(
            ExtendedFieldUri::named(PropertySet::PublicStrings, "Tags", MapiType::StringArray),
            ExtendedValue::StringArray(vec!["a".into(), "b".into()]),
        )
        .unwrap(),
        Name::t("ExtendedProperty"),
    );
    let doc = String::from_utf8(doc).unwrap();
    assert!(doc.ends_with(concat!(
        r#"<t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyName="Tags" PropertyType="StringArray"/>"#,
        "<t:Values><t:Value>a</t:Value><t:Value>b</t:Value></t:Values></t:ExtendedProperty>"
    )), "{doc}");
    let doc = write_fragment(
        &ExtendedFieldUri::tag(0x0E08, MapiType::Integer),
        Name::t("ExtendedFieldURI"),
    );
    assert!(
        String::from_utf8(doc)
            .unwrap()
            .ends_with(r#" PropertyTag="0x0e08" PropertyType="Integer"/>"#)
    );
}

// ---------------------------------------------------------------------------------------------
// The ms-docs samples

/// Reads every extended property and path of a document; returns how many of each.
fn read_all_extended(doc: &[u8]) -> (Vec<ExtendedProperty>, Vec<ExtendedFieldUri>) {
    let mut props = Vec::new();
    let mut paths = Vec::new();
    let mut r = Reader::from_bytes(doc);
    loop {
        match r.next_event().unwrap() {
            Event::Start(tag) if tag.is(Name::t("ExtendedFieldURI")) => {
                paths.push(ExtendedFieldUri::read_xml(&mut r, &tag).unwrap());
            }
            // `GetImItems` lists paths as `t:ExtendedProperty` (`PathToExtendedFieldType`).
            Event::Start(tag)
                if tag.is(Name::t("ExtendedProperty")) && tag.attr("PropertyType").is_some() =>
            {
                paths.push(ExtendedFieldUri::read_xml(&mut r, &tag).unwrap());
            }
            Event::Start(tag) if tag.is(Name::t("ExtendedProperty")) => {
                props.push(ExtendedProperty::read_xml(&mut r, &tag).unwrap());
            }
            // `ExtendedPropertyAttributedValue/Value` is an `ExtendedPropertyType`.
            Event::Start(tag) if tag.is(Name::t("ExtendedPropertyAttributedValue")) => {
                while let Some(child) = r.next_child().unwrap() {
                    if child.is(Name::t("Value")) {
                        props.push(ExtendedProperty::read_xml(&mut r, &child).unwrap());
                    } else {
                        r.skip_element().unwrap();
                    }
                }
            }
            Event::Eof => return (props, paths),
            _ => {}
        }
    }
}

#[test]
fn ms_docs_extended_properties_read() {
    let files: Vec<_> = ews_test_support::ms_docs(None, "")
        .into_iter()
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|s| s.contains("Extended")))
        .collect();
    let mut total = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let (props, paths) = read_all_extended(text.as_bytes());
        // Every ExtendedFieldURI (alone or inside a property) and every path-form
        // ExtendedProperty was read.
        let uris = text.matches("ExtendedFieldURI ").count();
        let path_props = text
            .split('<')
            .filter(|t| {
                t.trim_start_matches("t:").starts_with("ExtendedProperty ")
                    && t.contains("PropertyType")
            })
            .count();
        assert_eq!(
            props.len() + paths.len(),
            uris + path_props,
            "{}",
            path.display()
        );
        assert!(props.len() + paths.len() > 0, "{}", path.display());
        total += props.len() + paths.len();
        // A sample's values, checked.
        let name = path.to_string_lossy();
        if name.ends_with("FindItem/response-11.xml") {
            assert!(
                props
                    .iter()
                    .all(|p| matches!(p.value, ExtendedValue::Int(_)))
            );
        }
        if name.ends_with("GetImItems/response-01.xml") {
            assert_eq!(
                props[0].value,
                ExtendedValue::String("Exchange SDK Team".into())
            );
            assert_eq!(props[1].value, ExtendedValue::String("Tony Smith".into()));
        }
        if name.ends_with("GetFolder/response-05.xml") {
            assert_eq!(props[0].value, ExtendedValue::Bool(false));
            assert_eq!(props[0].uri.address(), &PropertyAddress::Tag(0x10f4));
        }
    }
    if !files.is_empty() {
        assert!(total >= 18, "{total}");
    }
}

// ---------------------------------------------------------------------------------------------
// Schema validity in context

/// A message with one extended property of each type: `t:ExtendedProperty` is part of the
/// item sequence, after `t:Subject`; flattening `ExtendedProperties` puts them there.
#[derive(Debug, Default, PartialEq, ews_xml::XmlWrite, ews_xml::XmlRead)]
struct Message {
    subject: Option<String>,
    #[xml(flatten)]
    extended: ExtendedProperties,
}

fn one_of_each_type() -> ExtendedProperties {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    MapiType::ALL
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let value = arb_value(t).new_tree(&mut runner).unwrap().current();
            let i = i32::try_from(i).unwrap();
            let uri = match i % 3 {
                0 => ExtendedFieldUri::tag(0x7000 + u16::try_from(i).unwrap(), t),
                1 => ExtendedFieldUri::id(PropertySet::Common, 0x8500 + i, t),
                _ => ExtendedFieldUri::named_owned(PropertySet::Guid(MY_SET), format!("p{i}"), t),
            };
            ExtendedProperty::new(uri, value).unwrap()
        })
        .collect()
}

#[test]
fn create_item_with_every_type_is_schema_valid() {
    let message = Message {
        subject: Some("extended".into()),
        extended: one_of_each_type(),
    };
    let mut out = Vec::new();
    write_envelope(&mut out, &RequestHeader::new("Exchange2016"), |w| {
        w.start(Name::m("CreateItem"))?;
        w.attr("MessageDisposition", "SaveOnly")?;
        w.start(Name::m("Items"))?;
        message.write_xml(w, Name::t("Message"))?;
        w.end()?;
        w.end()
    })
    .unwrap();
    ews_test_support::assert_valid("extended-create-item.xml", &out);
    // And the message reads back whole from the request.
    let mut r = Reader::from_bytes(&out);
    let back = loop {
        match r.next_event().unwrap() {
            Event::Start(tag) if tag.is(Name::t("Message")) => {
                break Message::read_xml(&mut r, &tag).unwrap();
            }
            Event::Eof => panic!("no message"),
            _ => {}
        }
    };
    assert_eq!(back, message);
}

#[test]
fn get_item_with_extended_paths_is_schema_valid() {
    let paths = [
        ExtendedFieldUri::tag(0x1090, MapiType::Integer),
        ExtendedFieldUri::named(PropertySet::PublicStrings, "MyProp", MapiType::String),
        ExtendedFieldUri::id(PropertySet::Guid(MY_SET), 0x8501, MapiType::ClsidArray),
    ];
    let mut out = Vec::new();
    write_envelope(&mut out, &RequestHeader::new("Exchange2016"), |w| {
        w.start(Name::m("GetItem"))?;
        w.start(Name::m("ItemShape"))?;
        w.element_text(Name::t("BaseShape"), "IdOnly")?;
        w.start(Name::t("AdditionalProperties"))?;
        for path in &paths {
            path.write_xml(w, Name::t("ExtendedFieldURI"))?;
        }
        w.end()?;
        w.end()?;
        w.start(Name::m("ItemIds"))?;
        w.start(Name::t("ItemId"))?;
        w.attr("Id", "AAMkAGI=")?;
        w.end()?;
        w.end()?;
        w.end()
    })
    .unwrap();
    ews_test_support::assert_valid("extended-get-item.xml", &out);
    let (_, read) = read_all_extended(&out);
    assert_eq!(read, paths);
}
