//! `#[derive(XmlValue)]`: enumerations of schema values and newtypes.

use syn::parse_quote;

use super::value_rejects;

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
