//! Expansion checks that need no compiler: misuse is a spanned error, never a panic. (What
//! the generated code does is tested against the real runtime in `ews-xml/tests/derive.rs`.)

use syn::{DeriveInput, parse_quote};

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
fn choices_are_checked() {
    rejects(
        parse_quote!(
            enum E {
                A(A),
            }
        ),
        "need #[xml(choice)]",
    );
    rejects(
        parse_quote!(
            #[xml(choice, name = "X")]
            enum E {
                A(A),
            }
        ),
        "`name` is not allowed on a choice enum",
    );
    let read_rejects = |input: DeriveInput, expected: &str| {
        let Err(err) = crate::xml_read(&input) else {
            panic!("accepted")
        };
        assert!(err.to_string().contains(expected), "{err}");
        // `XmlWrite` leaves the variants to `XmlRead`, which implements the whole `XmlChoice`.
        assert!(crate::xml_write(&input).is_ok_and(|t| t.is_empty()));
    };
    read_rejects(
        parse_quote!(
            #[xml(choice)]
            enum E {
                A(A, B),
            }
        ),
        "a choice variant is",
    );
    read_rejects(
        parse_quote!(
            #[xml(choice)]
            enum E {
                A { a: A },
            }
        ),
        "a choice variant is",
    );
    read_rejects(
        parse_quote!(
            #[xml(choice)]
            enum E {
                #[xml(other)]
                A,
            }
        ),
        "the `other` variant holds",
    );
    read_rejects(
        parse_quote!(
            #[xml(choice)]
            enum E {
                #[xml(other)]
                A(A),
                #[xml(other)]
                B(B),
            }
        ),
        "only one variant can be `other`",
    );
    read_rejects(
        parse_quote!(
            #[xml(choice)]
            enum E {
                #[xml(other, name = "X")]
                A(A),
            }
        ),
        "`name` is not allowed with `other`",
    );
    read_rejects(
        parse_quote!(
            #[xml(choice)]
            enum E {
                A(A),
                #[xml(name = "A")]
                B(B),
            }
        ),
        "already has the element name A",
    );
    read_rejects(
        parse_quote!(
            #[xml(choice)]
            enum E {
                #[xml(rename = "X")]
                A(A),
            }
        ),
        "`rename` is not allowed on a choice variant",
    );
    read_rejects(
        parse_quote!(
            #[xml(choice)]
            enum E {
                #[xml(ns = "bad")]
                A(A),
            }
        ),
        "unknown namespace",
    );
    // Another namespace, same local name: fine.
    let ok: DeriveInput = parse_quote!(
        #[xml(choice)]
        enum E {
            A(A),
            #[xml(name = "A", ns = "m")]
            B(B),
            C,
            #[xml(other)]
            D(D),
        }
    );
    assert!(crate::xml_read(&ok).is_ok());
}

#[test]
fn values_are_checked() {
    value_rejects(
        parse_quote!(
            enum E {
                A(String),
            }
        ),
        "XmlValue variants are unit variants",
    );
    value_rejects(
        parse_quote!(
            enum E {
                A { a: u8 },
            }
        ),
        "XmlValue variants are unit variants",
    );
    value_rejects(
        parse_quote!(
            enum E {}
        ),
        "at least one unit variant",
    );
    value_rejects(
        parse_quote!(
            enum E {
                A,
                #[xml(rename = "A")]
                B,
            }
        ),
        "another variant already is \"A\"",
    );
    value_rejects(
        parse_quote!(
            enum E {
                A,
                #[xml(other)]
                B,
            }
        ),
        "the `other` variant keeps the text",
    );
    value_rejects(
        parse_quote!(
            enum E {
                A,
                #[xml(other)]
                B(String),
                #[xml(other)]
                C(String),
            }
        ),
        "only one variant can be `other`",
    );
    value_rejects(
        parse_quote!(
            enum E {
                #[xml(name = "X")]
                A,
            }
        ),
        "`name` is not allowed on an XmlValue variant",
    );
    value_rejects(
        parse_quote!(
            #[xml(ns = "t")]
            enum E {
                A,
            }
        ),
        "`ns` is not allowed on a type deriving XmlValue",
    );
    value_rejects(
        parse_quote!(
            struct S(String, u8);
        ),
        "exactly one field",
    );
    value_rejects(
        parse_quote!(
            struct S;
        ),
        "exactly one field",
    );
    value_rejects(
        parse_quote!(
            struct S(#[xml(attr)] String);
        ),
        "not allowed on the field of an XmlValue newtype",
    );
    value_rejects(
        parse_quote!(union U { a: u8 }),
        "cannot be derived for a union",
    );
    for ok in [
        parse_quote!(
            enum E {
                A,
                #[xml(rename = "b-c")]
                B,
                #[xml(other)]
                Other(Box<str>),
            }
        ),
        parse_quote!(
            struct Id(String);
        ),
        parse_quote!(
            struct Id {
                value: u64,
            }
        ),
        parse_quote!(
            struct Id<T>(T);
        ),
    ] {
        assert!(crate::value::derive(&ok).is_ok());
    }
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
