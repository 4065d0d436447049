//! Enumerations of elements (`XmlChoice`-style enums): variants, names and payloads.

use syn::{DeriveInput, parse_quote};

use super::rejects;

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
