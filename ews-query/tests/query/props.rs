//! Property tests over generated queries and items: compiling and parsing back never changes
//! what a query matches, nor does simplifying; generated restrictions are schema-valid.

use ews_model::restriction::{CompareOp, ContainmentComparison, ContainmentMode};
use ews_model::time::{Date, DateTime};
use ews_model::version::ExchangeVersion;
use ews_query::{Compiled, Op, Q, Target, Value, compile, eval, parse};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

use super::common::{Find, Item, TABLE, find_item};

const WORDS: [&str; 7] = ["", "a", "A", "ab", "Ab", "b", "ba"];
const INSTANTS: [&str; 4] = [
    "2026-03-01T10:00:00Z",
    "2026-03-01T11:00:00+01:00",
    "2026-03-01T10:00:01Z",
    "2026-02-28T23:00:00-02:00",
];
const DATES: [&str; 3] = ["2026-03-01", "2026-03-02", "2027-01-01"];

fn target(name: &str) -> Target {
    Target::def(TABLE.get(name).unwrap())
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS.to_vec()).prop_map(str::to_owned)
}

fn instant() -> impl Strategy<Value = DateTime> {
    prop::sample::select(INSTANTS.to_vec()).prop_map(|s| s.parse().unwrap())
}

fn date() -> impl Strategy<Value = Date> {
    prop::sample::select(DATES.to_vec()).prop_map(|s| s.parse().unwrap())
}

fn any_compare() -> impl Strategy<Value = CompareOp> {
    prop::sample::select(CompareOp::ALL.to_vec())
}

fn eq_compare() -> impl Strategy<Value = CompareOp> {
    prop::sample::select(vec![CompareOp::Equal, CompareOp::NotEqual])
}

fn text_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (eq_compare(), word()).prop_map(|(op, w)| Op::Compare(op, Value::Text(w))),
        (
            word(),
            prop::sample::select(vec![
                ContainmentMode::FullString,
                ContainmentMode::Prefixed,
                ContainmentMode::Substring,
            ]),
            prop::sample::select(vec![
                ContainmentComparison::Exact,
                ContainmentComparison::IgnoreCase
            ]),
        )
            .prop_map(|(text, mode, comparison)| Op::Contains {
                text,
                mode,
                comparison
            }),
        Just(Op::Exists),
    ]
}

fn leaf() -> impl Strategy<Value = Q> {
    prop_oneof![
        text_op().prop_map(|op| Q::leaf(target("subject"), op)),
        text_op().prop_map(|op| Q::leaf(target("categories"), op)),
        text_op().prop_map(|op| Q::leaf(target("phone_numbers").at("CarPhone"), op)),
        prop_oneof![
            (eq_compare(), any::<bool>()).prop_map(|(op, b)| Op::Compare(op, Value::Bool(b))),
            Just(Op::Exists),
        ]
        .prop_map(|op| Q::leaf(target("is_read"), op)),
        prop_oneof![
            (any_compare(), -2i64..3).prop_map(|(op, i)| Op::Compare(op, Value::Int(i))),
            (0u64..4).prop_map(Op::Excludes),
            Just(Op::Exists),
        ]
        .prop_map(|op| Q::leaf(target("size"), op)),
        (any_compare(), instant()).prop_map(|(op, t)| Q::leaf(
            target("datetime_received"),
            Op::Compare(op, Value::DateTime(t))
        )),
        (any_compare(), date())
            .prop_map(|(op, d)| Q::leaf(target("due_date"), Op::Compare(op, Value::Date(d)))),
        Just(Q::All),
        Just(Q::Nothing),
    ]
}

fn query() -> impl Strategy<Value = Q> {
    leaf().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|q| !q),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Q::And),
            prop::collection::vec(inner, 0..4).prop_map(Q::Or),
        ]
    })
}

fn item() -> impl Strategy<Value = Item> {
    (
        prop::option::of(word()),
        prop::collection::vec(word(), 0..3),
        prop::option::of(any::<bool>()),
        prop::option::of(-2i32..3),
        prop::option::of(instant()),
        prop::option::of(date()),
        prop::option::of(word()),
    )
        .prop_map(
            |(subject, categories, is_read, size, received, due, phone)| Item {
                subject,
                categories,
                is_read,
                size,
                datetime_received: received,
                due_date: due,
                phone_numbers: super::common::Entries(
                    phone
                        .map(|p| ("CarPhone".to_owned(), p))
                        .into_iter()
                        .collect(),
                ),
                ..Item::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn compile_then_parse_keeps_the_meaning(q in query(), items in prop::collection::vec(item(), 1..6)) {
        let compiled = compile(&q, &TABLE, ExchangeVersion::Exchange2016).unwrap();
        let simple = q.simplified();
        for item in &items {
            let want = eval(&q, item);
            prop_assert_eq!(eval(&simple, item), want, "simplified: {:?}", simple);
            match &compiled {
                Compiled::Restriction(r) => {
                    let back = parse(r, &TABLE).unwrap();
                    prop_assert_eq!(eval(&back, item), want, "parsed back: {:?}", back);
                }
                Compiled::Everything => prop_assert!(want),
                Compiled::Nothing => prop_assert!(!want),
            }
        }
    }

    #[test]
    fn simplifying_is_idempotent_and_compiling_deterministic(q in query()) {
        let s = q.simplified();
        prop_assert_eq!(&s.simplified(), &s);
        let a = compile(&q, &TABLE, ExchangeVersion::Exchange2016).unwrap();
        prop_assert_eq!(&compile(&s, &TABLE, ExchangeVersion::Exchange2016).unwrap(), &a);
        if let Compiled::Restriction(r) = &a {
            prop_assert_eq!(parse(r, &TABLE).unwrap().simplified(), s);
        }
    }
}

#[test]
fn generated_restrictions_are_schema_valid() {
    let mut runner = TestRunner::deterministic();
    let mut docs = ews_test_support::Collector::new();
    let strategy = query();
    let mut n = 0;
    while n < 150 {
        let q = strategy.new_tree(&mut runner).unwrap().current();
        if let Compiled::Restriction(r) =
            compile(&q, &TABLE, ExchangeVersion::Exchange2016).unwrap()
        {
            docs.add(
                format!("generated-{n}"),
                find_item(&Find {
                    restriction: Some(&r),
                    ..Find::default()
                }),
            );
            n += 1;
        }
    }
    docs.finish();
}
