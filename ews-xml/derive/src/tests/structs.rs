//! Structs: attribute keys, element names and namespaces, field types, text structs.

use syn::{DeriveInput, parse_quote};

use super::{errors, rejects};

#[test]
fn keys_are_checked() {
    rejects(
        parse_quote!(
            struct S {
                #[xml(nme = "X")]
                a: String,
            }
        ),
        "unknown key",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(name = "X", name = "Y")]
                a: String,
            }
        ),
        "duplicate key `name`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(name)]
                a: String,
            }
        ),
        "`name` needs a value",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(text = "x")]
                a: String,
            }
        ),
        "`text` takes no value",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(name = 3)]
                a: String,
            }
        ),
        "expected string literal",
    );
    rejects(
        parse_quote!(
            #[xml(choice)]
            struct S {
                a: String,
            }
        ),
        "`choice` is not allowed on a struct",
    );
    rejects(
        parse_quote!(
            #[xml(rename = "X")]
            struct S {}
        ),
        "not allowed on a struct",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(skip, name = "X")]
                a: String,
            }
        ),
        "`name` is not allowed with `skip`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(flatten, ns = "m")]
                a: B,
            }
        ),
        "`ns` is not allowed with `flatten`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(attr, name = "X")]
                a: String,
            }
        ),
        "`name` is not allowed with `attr`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(choice, name = "X")]
                a: C,
            }
        ),
        "`name` is not allowed with `choice`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(item = "X")]
                a: Vec<B>,
            }
        ),
        "`item` is not allowed on a child element",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(wrapper = "W", choice, item = "I")]
                a: Vec<C>,
            }
        ),
        "`item` is not allowed with `wrapper` and `choice`",
    );
}

#[test]
fn names_and_namespaces_are_checked() {
    rejects(
        parse_quote!(
            #[xml(ns = "q")]
            struct S {}
        ),
        "unknown namespace",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(ns = "xml")]
                a: String,
            }
        ),
        "no element lives in the `xml` namespace",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(name = "t:A")]
                a: String,
            }
        ),
        "not an XML local name",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(name = "")]
                a: String,
            }
        ),
        "not an XML local name",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(attr = "a b")]
                a: String,
            }
        ),
        "not an XML local name",
    );
    rejects(
        parse_quote!(
            #[xml(name = "1st")]
            struct S {}
        ),
        "not an XML local name",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(wrapper = "W", item = "I", item_ns = "z")]
                a: Vec<B>,
            }
        ),
        "unknown namespace",
    );
    rejects(
        parse_quote!(
            struct S {
                a: String,
                #[xml(name = "A")]
                b: String,
            }
        ),
        "already reads and writes the element A",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(wrapper = "A", item = "I")]
                a: Vec<B>,
                #[xml(name = "A")]
                a2: Vec<B>,
            }
        ),
        "already reads and writes the element A",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(attr)]
                id: String,
                #[xml(attr = "Id")]
                b: String,
            }
        ),
        "the attribute Id",
    );
    // Same local name, other namespace: fine.
    assert!(
        crate::xml_read(&parse_quote!(
            struct S {
                a: String,
                #[xml(ns = "m", name = "A")]
                b: String,
            }
        ))
        .is_ok()
    );
}

#[test]
fn types_are_checked() {
    rejects(
        parse_quote!(
            struct S {
                #[xml(attr)]
                a: Vec<String>,
            }
        ),
        "`attr` takes `T` or `Option<T>`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(text)]
                a: Vec<String>,
            }
        ),
        "`text` takes `T` or `Option<T>`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(flatten)]
                a: Option<B>,
            }
        ),
        "`flatten` takes a struct",
    );
    rejects(
        parse_quote!(
            struct S {
                a: Option<Vec<B>>,
            }
        ),
        "needs a `wrapper`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(choice)]
                a: Option<Vec<B>>,
            }
        ),
        "`choice` takes",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(wrapper = "W")]
                a: Vec<B>,
            }
        ),
        "`wrapper` needs `item",
    );
    rejects(
        parse_quote!(
            struct S(String);
        ),
        "need named fields",
    );
    rejects(
        parse_quote!(union U { a: u8 }),
        "cannot be derived for a union",
    );
}

#[test]
fn text_structs_are_checked() {
    rejects(
        parse_quote!(
            struct S {
                #[xml(text)]
                a: String,
                #[xml(text)]
                b: String,
            }
        ),
        "only one field can be `text`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(text)]
                a: String,
                b: String,
            }
        ),
        "has only `attr` and `skip` fields",
    );
    rejects(
        parse_quote!(
            struct S {
                #[xml(flatten)]
                b: B,
                #[xml(text)]
                a: String,
            }
        ),
        "has only `attr` and `skip` fields",
    );
    let ok: DeriveInput = parse_quote!(
        struct S {
            #[xml(attr)]
            k: String,
            #[xml(text)]
            a: Option<u32>,
            #[xml(skip)]
            c: u8,
        }
    );
    assert!(
        errors(&ok).iter().all(|e| e.contains("XmlValue")),
        "{:?}",
        errors(&ok)
    );
}
