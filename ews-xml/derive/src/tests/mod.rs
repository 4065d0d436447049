//! Expansion checks that need no compiler: misuse is a spanned error, never a panic. (What
//! the generated code does is tested against the real runtime in `ews-xml/tests/derive.rs`.)
//!
//! Here: the shared assertions, valid input and error collection; by concept, structs in
//! `structs`, element enumerations in `choices`, `XmlValue` types in `values`.

use syn::{DeriveInput, parse_quote};

mod choices;
mod structs;
mod values;

/// The error messages of each derive that fails on `input`.
fn errors(input: &DeriveInput) -> Vec<String> {
    let results = [
        crate::xml_write(input),
        crate::xml_read(input),
        crate::value::derive(input),
    ];
    let mut out = Vec::new();
    for err in results.into_iter().filter_map(Result::err) {
        out.extend(err.into_iter().map(|e| e.to_string()));
    }
    out
}

/// Asserts that `XmlWrite` and `XmlRead` both fail on `input`, each with one error containing
/// `expected`.
#[track_caller]
fn rejects(input: DeriveInput, expected: &str) {
    for (what, res) in [
        ("XmlWrite", crate::xml_write(&input)),
        ("XmlRead", crate::xml_read(&input)),
    ] {
        let Err(err) = res else {
            panic!("{what} accepted it")
        };
        let messages: Vec<_> = err.into_iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 1, "{what}: {messages:?}");
        assert!(messages[0].contains(expected), "{what}: {messages:?}");
    }
}

/// Asserts that `XmlValue` fails on `input` with an error containing `expected`.
#[track_caller]
fn value_rejects(input: DeriveInput, expected: &str) {
    let Err(err) = crate::value::derive(&input) else {
        panic!("XmlValue accepted it")
    };
    let shown = err.to_string();
    assert!(shown.contains(expected), "{shown}");
}

#[test]
fn valid_input_expands() {
    let input: DeriveInput = parse_quote! {
        #[xml(ns = "m", name = "Foo")]
        struct Foo {
            #[xml(attr)] id: String,
            #[xml(attr = "lang", ns = "xml")] lang: Option<String>,
            subject: Option<String>,
            #[xml(name = "X", ns = "t")] x: Vec<u32>,
            #[xml(wrapper = "To", item = "Mailbox", item_ns = "t")] to: Vec<Mailbox>,
            #[xml(wrapper = "Cc", item = "Mailbox")] cc: Option<Vec<Mailbox>>,
            #[xml(wrapper = "Items", choice, ns = "t")] items: Vec<Item>,
            #[xml(choice)] item: Item,
            #[xml(flatten)] base: Base,
            #[xml(skip)] cache: u8,
        }
    };
    let write = crate::xml_write(&input)
        .map(|t| t.to_string())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        write.contains("impl :: ews_xml :: XmlElement for Foo"),
        "{write}"
    );
    let read = crate::xml_read(&input)
        .map(|t| t.to_string())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(read.contains("fn __xml_read_child"), "{read}");
}

#[test]
fn all_errors_are_reported_at_once() {
    let input: DeriveInput = parse_quote! {
        #[xml(ns = "q")]
        struct S { #[xml(nme = "X")] a: String, #[xml(attr)] b: Vec<u8> }
    };
    let err = crate::xml_read(&input).err().map(|e| e.into_iter().count());
    assert_eq!(err, Some(3));
}

#[test]
fn pascal_case() {
    let case = |s: &str| {
        crate::attr::pascal_case(&syn::parse_str::<syn::Ident>(s).unwrap_or_else(|e| panic!("{e}")))
    };
    assert_eq!(case("email_address"), "EmailAddress");
    assert_eq!(case("id"), "Id");
    assert_eq!(case("r#type"), "Type");
    assert_eq!(case("_private"), "Private");
    assert_eq!(case("line_1"), "Line1");
    assert_eq!(case("already_PascalCase"), "AlreadyPascalCase");
    assert_eq!(case("IsRead"), "IsRead");
}
