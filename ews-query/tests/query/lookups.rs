//! Every lookup on every kind: valid ones compile (schema-checked inside a FindItem) and
//! evaluate as Exchange would on the sample item; invalid ones fail with the right error.

use ews_model::extended::{ExtendedFieldUri, MapiType};
use ews_model::properties::Importance;
use ews_model::time::{Date, DateTime};
use ews_model::version::ExchangeVersion;
use ews_query::{
    Compiled, EqLookups, ExistsLookup, ListLookups, Lookup, OrderLookups, Q, QueryError, Target,
    TextLookups, Value, compile, eval, parse,
};
use ews_test_support::Collector;

use super::common::{Find, IMPORTANCE, Item, TABLE, find_item, sample};

const V: ExchangeVersion = ExchangeVersion::Exchange2016;

fn dt(s: &str) -> DateTime {
    s.parse().unwrap()
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// Compiles `q`, validates it in a FindItem, parses it back and checks `eval` on the sample
/// item gives `expected` both before and after.
fn check(docs: &mut Collector, name: &str, q: &Q, expected: bool) {
    let item = sample();
    let resolved = q.resolve(&TABLE).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(eval(&resolved, &item), expected, "{name}: {resolved:?}");
    match compile(q, &TABLE, V).unwrap_or_else(|e| panic!("{name}: {e}")) {
        Compiled::Restriction(r) => {
            docs.add(
                name,
                find_item(&Find {
                    restriction: Some(&r),
                    ..Find::default()
                }),
            );
            let back = parse(&r, &TABLE).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(eval(&back, &item), expected, "{name} parsed back: {back:?}");
        }
        Compiled::Everything => assert!(expected, "{name}"),
        Compiled::Nothing => assert!(!expected, "{name}"),
    }
}

fn dynamic(path: &str, value: impl Into<Value>) -> Q {
    Q::lookup(path, value).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn valid_lookups_compile_validate_and_evaluate() {
    let mut docs = Collector::new();
    let cases: Vec<(&str, Q, bool)> = vec![
        // Text
        (
            "eq-ignores-case",
            dynamic("subject", "quarterly budget review"),
            true,
        ),
        ("eq-other", dynamic("subject", "Other"), false),
        ("not", dynamic("subject__not", "Other"), true),
        (
            "not-same",
            dynamic("subject__not", "QUARTERLY budget review"),
            false,
        ),
        (
            "in",
            dynamic("subject__in", ["a", "Quarterly Budget Review"]),
            true,
        ),
        ("in-miss", dynamic("subject__in", ["a", "b"]), false),
        (
            "in-empty",
            dynamic("subject__in", Vec::<String>::new()),
            false,
        ),
        (
            "exact",
            dynamic("subject__exact", "Quarterly Budget Review"),
            true,
        ),
        (
            "exact-case",
            dynamic("subject__exact", "quarterly budget review"),
            false,
        ),
        (
            "iexact",
            dynamic("subject__iexact", "quarterly budget review"),
            true,
        ),
        ("contains", dynamic("subject__contains", "Budget"), true),
        (
            "contains-case",
            dynamic("subject__contains", "budget"),
            false,
        ),
        ("icontains", dynamic("subject__icontains", "budget"), true),
        (
            "startswith",
            dynamic("subject__startswith", "Quarterly"),
            true,
        ),
        (
            "startswith-case",
            dynamic("subject__startswith", "quarterly"),
            false,
        ),
        (
            "istartswith",
            dynamic("subject__istartswith", "quarterly"),
            true,
        ),
        (
            "istartswith-miss",
            dynamic("subject__istartswith", "budget"),
            false,
        ),
        ("exists", dynamic("subject__exists", true), true),
        ("exists-false", dynamic("subject__exists", false), false),
        (
            "absent-exists",
            dynamic("reminder_next_time__exists", false),
            true,
        ),
        (
            "body-icontains",
            dynamic("body__icontains", "ATTACHED"),
            true,
        ),
        ("sender", dynamic("sender", "Sadie@Contoso.com"), true),
        ("typed-icontains", Item::SUBJECT.icontains("REVIEW"), true),
        (
            "typed-exact",
            Item::SUBJECT.exact("Quarterly Budget Review"),
            true,
        ),
        (
            "typed-iexact",
            Item::SUBJECT.iexact("quarterly budget review"),
            true,
        ),
        ("typed-contains", Item::SUBJECT.contains("get Rev"), true),
        ("typed-startswith", Item::SUBJECT.startswith("Q"), true),
        ("typed-istartswith", Item::SUBJECT.istartswith("q"), true),
        (
            "typed-eq",
            Item::SUBJECT.eq("QUARTERLY BUDGET REVIEW"),
            true,
        ),
        ("typed-not", Item::SUBJECT.not("x"), true),
        (
            "typed-in",
            Item::SUBJECT.any_of(["x", "quarterly budget review"]),
            true,
        ),
        (
            "typed-exists",
            Item::START.exists(true) & Item::REMINDER_NEXT_TIME.exists(false),
            true,
        ),
        // Bool
        ("bool-eq", dynamic("is_read", true), true),
        ("bool-eq-text", dynamic("is_read", "false"), false),
        ("bool-not", dynamic("is_read__not", true), false),
        ("bool-in", dynamic("is_read__in", [false]), false),
        (
            "typed-bool",
            Item::IS_READ.eq(true) & Item::IS_READ.any_of([true, false]),
            true,
        ),
        // Int
        ("int-eq", dynamic("size", 2048), true),
        ("int-eq-text", dynamic("size", "2048"), true),
        ("int-gt", dynamic("size__gt", 1000), true),
        ("int-gte", dynamic("size__gte", 2048), true),
        ("int-lt", dynamic("size__lt", 2048), false),
        ("int-lte", dynamic("size__lte", 2048), true),
        ("int-range", dynamic("size__range", (1000, 3000)), true),
        (
            "int-range-miss",
            dynamic("size__range", (3000, 4000)),
            false,
        ),
        ("int-in", dynamic("size__in", [1, 2048]), true),
        (
            "typed-int",
            Item::SIZE.range(2048..=2048) & Item::SIZE.gt(1) & Item::SIZE.lt(4096),
            true,
        ),
        (
            "typed-int-lte",
            Item::SIZE.lte(2047) | Item::SIZE.gte(4096),
            false,
        ),
        // DateTime, across zones
        (
            "dt-gt-zone",
            dynamic("datetime_received__gt", "2026-03-01T10:00:00+01:00"),
            true,
        ),
        (
            "dt-lt-zone",
            dynamic("datetime_received__lt", "2026-03-01T10:00:00-01:00"),
            true,
        ),
        (
            "dt-eq-zone",
            dynamic("datetime_received", "2026-03-01T11:00:00+01:00"),
            true,
        ),
        (
            "dt-range",
            dynamic(
                "start__range",
                (dt("2026-03-02T00:00:00Z"), dt("2026-03-02T09:00:00Z")),
            ),
            true,
        ),
        (
            "dt-not",
            dynamic("start__not", dt("2026-03-02T09:00:00Z")),
            false,
        ),
        (
            "typed-dt",
            Item::START.range(dt("2026-03-01T00:00:00Z")..=dt("2026-03-03T00:00:00Z"))
                & Item::END.gt(dt("2026-03-02T09:30:00Z")),
            true,
        ),
        // Date
        ("date-gte", dynamic("due_date__gte", "2026-03-15"), true),
        (
            "date-lt",
            dynamic("due_date__lt", date("2026-03-15")),
            false,
        ),
        (
            "typed-date",
            Item::DUE_DATE.range(date("2026-03-01")..=date("2026-03-31")),
            true,
        ),
        // Enum
        ("enum-eq", dynamic("importance", "High"), true),
        (
            "enum-in",
            dynamic("importance__in", ["Low", "Normal"]),
            false,
        ),
        ("typed-enum", IMPORTANCE.eq(Importance::High), true),
        ("typed-enum-not", IMPORTANCE.not(Importance::Low), true),
        // List
        ("list-eq-any", dynamic("categories", "red"), true),
        (
            "list-contains-all",
            dynamic("categories__contains", ["Red", "Blue"]),
            true,
        ),
        (
            "list-contains-all-miss",
            dynamic("categories__contains", ["Red", "Green"]),
            false,
        ),
        (
            "list-substring",
            dynamic("categories__contains", "Blu"),
            true,
        ),
        (
            "list-icontains",
            dynamic("categories__icontains", "blu"),
            true,
        ),
        (
            "list-in",
            dynamic("categories__in", ["Green", "Blue"]),
            true,
        ),
        ("list-exists", dynamic("categories__exists", true), true),
        (
            "typed-list",
            Item::CATEGORIES.contains(["Red"]) & Item::CATEGORIES.eq("BLUE"),
            true,
        ),
        (
            "typed-list-miss",
            Item::CATEGORIES.contains(["Red", "Green"]),
            false,
        ),
        // Indexed
        (
            "indexed",
            dynamic("phone_numbers__CarPhone", "+1 555 0100"),
            true,
        ),
        (
            "indexed-absent",
            dynamic("phone_numbers__HomePhone__exists", true),
            false,
        ),
        (
            "indexed-part",
            dynamic("physical_addresses__Home__street__icontains", "elm"),
            true,
        ),
        (
            "indexed-part-miss",
            dynamic("physical_addresses__Business__street__exists", true),
            false,
        ),
        // Extended properties
        (
            "extended-gt",
            Lookup::Gt
                .apply(
                    Target::extended(ExtendedFieldUri::tag(0x1090, MapiType::Integer)),
                    1.into(),
                )
                .unwrap(),
            true,
        ),
        (
            "extended-exists",
            Lookup::Exists
                .apply(
                    Target::extended(ExtendedFieldUri::tag(0x1091, MapiType::String)),
                    true.into(),
                )
                .unwrap(),
            false,
        ),
        // Boolean structure
        ("not-not", !!dynamic("subject__icontains", "budget"), true),
        (
            "or",
            dynamic("size__lt", 1) | dynamic("is_read", true),
            true,
        ),
        (
            "and-not",
            dynamic("size__gt", 1) & !dynamic("is_read", true),
            false,
        ),
        (
            "contradiction",
            dynamic("size__gt", 1) & !dynamic("size__gt", 1),
            false,
        ),
        (
            "tautology",
            dynamic("size__gt", 1) | !dynamic("size__gt", 1),
            true,
        ),
        ("empty", Q::All, true),
    ];
    for (name, q, expected) in &cases {
        check(&mut docs, name, q, *expected);
    }
    docs.finish();
}

/// The error `path`/`value` gives, resolved against the table and compiled.
fn error(path: &str, value: impl Into<Value>) -> QueryError {
    let q = match Q::lookup(path, value) {
        Ok(q) => q,
        Err(e) => return e,
    };
    compile(&q, &TABLE, V).expect_err(path)
}

#[test]
fn invalid_lookups_name_the_problem() {
    use QueryError as E;
    let not_valid = |path: &str, value: Value, want: &str| match error(path, value) {
        E::LookupNotValid { lookup, .. } => assert_eq!(lookup, want, "{path}"),
        other => panic!("{path}: {other:?}"),
    };
    not_valid("subject__gt", "a".into(), "gt");
    not_valid("subject__range", ("a", "b").into(), "gte");
    not_valid("is_read__lt", true.into(), "lt");
    not_valid("is_read__contains", "t".into(), "contains");
    not_valid("size__icontains", "2".into(), "contains");
    not_valid("start__icontains", "2026".into(), "contains");
    not_valid("due_date__startswith", "2026".into(), "startswith");
    not_valid("importance__gt", "Low".into(), "gt");
    not_valid("importance__iexact", "low".into(), "exact");
    not_valid("categories__gt", "a".into(), "gt");

    let wrong = |path: &str, value: Value| {
        assert!(matches!(error(path, value), E::WrongValue { .. }), "{path}");
    };
    wrong("size", "many".into());
    wrong("size", true.into());
    wrong("start__gt", 5.into());
    wrong("start__gt", "yesterday".into());
    wrong("due_date", "2026-13-01".into());
    wrong("is_read", "maybe".into());
    wrong("importance", "Urgent".into());
    wrong("subject", 5.into());
    wrong("subject", ["a"].into());
    wrong("subject__range", "a".into());
    wrong("size__range", [1, 2, 3].into());
    wrong("subject__in", "a".into());
    wrong("subject__exists", "yes".into());
    wrong("subject__icontains", 5.into());

    assert!(matches!(error("sujbect", "x"), E::UnknownField(f) if f == "sujbect"));
    assert!(matches!(
        error("mime_content__exists", true),
        E::NotSearchable(_)
    ));
    for bad in [
        "phone_numbers",
        "phone_numbers__Pager",
        "phone_numbers__CarPhone__street",
        "physical_addresses__Home",
        "physical_addresses__Home__planet",
        "subject__Home",
    ] {
        assert!(matches!(error(bad, "x"), E::BadIndex { .. }), "{bad}");
    }
    for bad in [
        "",
        "Subject",
        "subject__",
        "__subject",
        "subject____x",
        "a__B__c__d",
        "a__B__C",
    ] {
        assert!(matches!(error(bad, "x"), E::Syntax(_)), "{bad:?}");
    }
    let gated = compile(
        &dynamic("reminder_next_time__exists", true),
        &TABLE,
        ExchangeVersion::Exchange2010,
    );
    assert_eq!(
        gated,
        Err(E::NotInVersion {
            what: "field \"reminder_next_time\"".to_owned(),
            target: ExchangeVersion::Exchange2010,
            since: ExchangeVersion::Exchange2013,
            until: None,
        })
    );
    assert!(compile(&dynamic("reminder_next_time__exists", true), &TABLE, V).is_ok());

    // A typed field of another table is refused.
    let other = ews_query::fuzzing::FuzzItem::SIZE.gt(1);
    assert!(matches!(
        compile(&other, &TABLE, V),
        Err(E::UnknownField(_))
    ));

    // Messages name the field and the lookup.
    let msg = error("start__icontains", "x").to_string();
    assert!(
        msg.contains("start") && msg.contains("contains") && msg.contains("date-time"),
        "{msg}"
    );
}

#[test]
fn compiled_output_is_deterministic_and_simplified() {
    let q = (dynamic("subject__iexact", "foo") | dynamic("subject__contains", "bar"))
        & !!(!dynamic("subject__startswith", "baz"))
        & (Q::All & (dynamic("size__gt", 1) & dynamic("size__gt", 1)));
    let a = compile(&q, &TABLE, V).unwrap();
    let b = compile(&q, &TABLE, V).unwrap();
    assert_eq!(a, b);
    let Compiled::Restriction(r) = a else {
        panic!()
    };
    let names: Vec<_> = r
        .expression
        .operands()
        .iter()
        .map(|e| e.element_name())
        .collect();
    assert_eq!(names, ["Or", "Not", "IsGreaterThan"]);
    assert_eq!(compile(&Q::All, &TABLE, V).unwrap(), Compiled::Everything);
    assert_eq!(compile(&!Q::All, &TABLE, V).unwrap(), Compiled::Nothing);
    assert_eq!(
        compile(
            &(dynamic("subject__in", Vec::<String>::new()) & dynamic("size", 1)),
            &TABLE,
            V
        )
        .unwrap(),
        Compiled::Nothing
    );
}
