//! Expansion checks that need no compiler: misuse is a spanned error, never a panic, and the
//! groups land in the table where their fields are. (What the generated code does is tested
//! against the real runtime in `ews-model`'s `fields` tests.)

use syn::{DeriveInput, parse_quote};

/// The error messages of the derive on `input`.
fn errors(input: &DeriveInput) -> Vec<String> {
    match crate::expand(input) {
        Ok(_) => Vec::new(),
        Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
    }
}

/// Asserts that the derive fails on `input` with an error containing `expected`.
#[track_caller]
fn rejects(input: DeriveInput, expected: &str) {
    let messages = errors(&input);
    assert!(
        messages.iter().any(|m| m.contains(expected)),
        "{messages:?} lacks {expected:?}"
    );
}

#[test]
fn keys_are_checked() {
    rejects(
        parse_quote!(
            struct S {
                #[field(searchable)]
                a: Option<String>,
            }
        ),
        "give exactly one of `uri` or `index`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[field(uri = "a:B", colour = "red")]
                a: Option<String>,
            }
        ),
        "unknown key",
    );
    rejects(
        parse_quote!(
            struct S {
                #[field(uri = "a:B", labels = "X Y")]
                a: Option<String>,
            }
        ),
        "`labels` goes with `index`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[field(uri = "a:B", since = "2010")]
                a: Option<String>,
            }
        ),
        "expected an ExchangeVersionType value",
    );
    rejects(
        parse_quote!(
            enum E {
                A,
            }
        ),
        "Fields derives on structs only",
    );
}

#[test]
fn base_group_and_extended_exclude_each_other() {
    rejects(
        parse_quote!(
            struct S {
                #[field(base, group)]
                a: A,
            }
        ),
        "give one of `base`, `group` or `extended`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[field(group, uri = "a:B")]
                a: A,
            }
        ),
        "`group` only `read_only`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[field(base, read_only)]
                a: A,
            }
        ),
        "`group` only `read_only`",
    );
    rejects(
        parse_quote!(
            struct S {
                #[field(base)]
                a: A,
                #[field(base)]
                b: B,
            }
        ),
        "only one `base` field",
    );
}

#[test]
fn groups_go_where_their_fields_are() {
    let input: DeriveInput = parse_quote! {
        struct S {
            #[field(base)] base: Base,
            #[field(uri = "a:One")] one: Option<String>,
            #[field(group)] first: First,
            #[field(uri = "a:Two")] two: Option<String>,
            #[field(group, read_only)] second: Second,
        }
    };
    let out = crate::expand(&input)
        .map(|ts| ts.to_string())
        .unwrap_or_else(|e| panic!("{e}"));
    let compact: String = out.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        compact.contains("at:1usize,table:&<Firstas::ews_model::fields::HasFields>::FIELDS"),
        "{out}"
    );
    assert!(compact.contains("at:2usize"), "{out}");
    assert!(
        compact.contains(
            "read_only_defs::<{<Secondas::ews_model::fields::HasFields>::FIELDS.own.len()}>"
        ),
        "{out}"
    );
    // Names not owned go to each group in order, then to the base.
    let first = compact.find("field(&self.first,name)");
    let second = compact.find("field(&self.second,name)");
    let base = compact.find("field(&self.base,name)");
    assert!(first < second && second < base && first.is_some(), "{out}");
}

#[test]
fn schema_versions_become_variants() {
    let lit: syn::LitStr = parse_quote!("Exchange2007_SP1");
    let v = crate::version(&lit)
        .map(|t| t.to_string())
        .unwrap_or_default();
    assert!(v.ends_with("Exchange2007Sp1"), "{v}");
    let lit: syn::LitStr = parse_quote!("V2015_10_05");
    let v = crate::version(&lit)
        .map(|t| t.to_string())
        .unwrap_or_default();
    assert!(v.ends_with("V2015_10_05"), "{v}");
}
