//! `XmlWrite` and `XmlRead` for structs: the parsed description of a struct and its fields
//! here, the writing and reading halves in `write` and `read`.

use proc_macro2::Span;
use quote::format_ident;
use syn::spanned::Spanned;
use syn::{DeriveInput, Fields, Ident, Type};

use crate::attr::{Card, Errors, Keys, Ns, QName, cardinality, local_name, pascal_case};

/// A struct with named fields (or none), its `#[xml]` attributes checked.
pub(crate) struct Struct<'a> {
    input: &'a DeriveInput,
    /// `name = "..."`: the element name for `XmlElement`.
    element: Option<QName>,
    fields: Vec<Field<'a>>,
    /// The struct has a `text` field: attributes and text content only.
    text: bool,
}

struct Field<'a> {
    ident: &'a Ident,
    ty: &'a Type,
    card: Card,
    /// `T` of `Option<T>`, `Vec<T>`, `Option<Vec<T>>`; the field type otherwise.
    item: &'a Type,
    kind: Kind,
}

enum Kind {
    Attr(QName),
    Text,
    Child(QName),
    /// A choice; the name is the field's, for the error when a required one is missing.
    Choice(String),
    Wrapper {
        wrapper: QName,
        item: Item,
    },
    Flatten,
    Skip,
}

enum Item {
    Named(QName),
    Choice,
}

impl<'a> Struct<'a> {
    pub(crate) fn parse(input: &'a DeriveInput, fields: &'a Fields) -> syn::Result<Self> {
        let mut errors = Errors::default();
        let keys = Keys::parse(&input.attrs)?;
        errors.ok(keys.only(&["ns", "name"], "on a struct"));
        let ns = errors
            .ok(Ns::or(keys.ns.as_ref(), &Ns::TYPES, true))
            .unwrap_or(Ns::TYPES);
        let element = match &keys.name {
            Some(lit) => errors.ok(local_name(lit)).map(|local| QName {
                ns: ns.clone(),
                local,
            }),
            None => None,
        };
        let named = match fields {
            Fields::Named(named) => named.named.iter().collect(),
            Fields::Unit => Vec::new(),
            Fields::Unnamed(f) if f.unnamed.is_empty() => Vec::new(),
            Fields::Unnamed(f) => {
                return Err(syn::Error::new(
                    f.span(),
                    "XmlWrite and XmlRead need named fields (derive XmlValue for a newtype of a value)",
                ));
            }
        };
        let mut out = Vec::new();
        for f in named {
            let Some(ident) = f.ident.as_ref() else {
                continue;
            };
            if let Some(field) = errors.ok(Field::parse(ident, &f.ty, &f.attrs, &ns)) {
                out.push(field);
            }
        }
        let text = check_fields(&out, &mut errors);
        errors.finish()?;
        Ok(Self {
            input,
            element,
            fields: out,
            text,
        })
    }
}

/// Checks the combination of fields; returns whether there is a text field.
fn check_fields(fields: &[Field<'_>], errors: &mut Errors) -> bool {
    let mut names: Vec<(&str, &str)> = Vec::new();
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    let mut text = None;
    let mut content = None;
    for f in fields {
        let dup = match &f.kind {
            Kind::Attr(n) => Some((&mut attrs, n, "attribute")),
            Kind::Child(n) | Kind::Wrapper { wrapper: n, .. } => Some((&mut names, n, "element")),
            _ => None,
        };
        if let Some((seen, n, what)) = dup {
            if seen.contains(&(n.ns.0, n.local.as_str())) {
                errors.push(syn::Error::new(
                    f.ident.span(),
                    format!(
                        "another field already reads and writes the {what} {}",
                        n.local
                    ),
                ));
            }
            seen.push((n.ns.0, n.local.as_str()));
        }
        match f.kind {
            Kind::Text if text.is_some() => {
                errors.push(syn::Error::new(
                    f.ident.span(),
                    "only one field can be `text`",
                ));
            }
            Kind::Text => text = Some(f.ident),
            Kind::Child(_) | Kind::Choice(_) | Kind::Wrapper { .. } | Kind::Flatten => {
                content = content.or(Some(f.ident));
            }
            Kind::Attr(_) | Kind::Skip => {}
        }
    }
    if let (Some(_), Some(other)) = (text, content) {
        errors.push(syn::Error::new(
            other.span(),
            "a struct with a `text` field has only `attr` and `skip` fields besides",
        ));
    }
    text.is_some()
}

impl<'a> Field<'a> {
    fn parse(
        ident: &'a Ident,
        ty: &'a Type,
        attrs: &[syn::Attribute],
        default_ns: &Ns,
    ) -> syn::Result<Self> {
        let keys = Keys::parse(attrs)?;
        let (card, item) = cardinality(ty);
        let pascal = || pascal_case(ident);
        let bad_type = |what: &str| syn::Error::new(ty.span(), what.to_owned());
        let kind = if keys.has("skip") {
            keys.only(&["skip"], "with `skip`")?;
            Kind::Skip
        } else if keys.has("flatten") {
            keys.only(&["flatten"], "with `flatten`")?;
            if card != Card::One {
                return Err(bad_type(
                    "`flatten` takes a struct deriving XmlWrite/XmlRead, not an Option or Vec",
                ));
            }
            Kind::Flatten
        } else if keys.has("text") {
            keys.only(&["text"], "with `text`")?;
            if !matches!(card, Card::One | Card::Opt) {
                return Err(bad_type(
                    "`text` takes `T` or `Option<T>` where T: XmlValue",
                ));
            }
            Kind::Text
        } else if let Some(attr) = &keys.attr {
            keys.only(&["attr", "ns"], "with `attr`")?;
            if !matches!(card, Card::One | Card::Opt) {
                return Err(bad_type(
                    "`attr` takes `T` or `Option<T>` where T: XmlValue",
                ));
            }
            let local = match attr {
                Some(lit) => local_name(lit)?,
                None => pascal(),
            };
            Kind::Attr(QName {
                ns: Ns::or(keys.ns.as_ref(), &Ns::NONE, false)?,
                local,
            })
        } else if let Some(wrapper) = &keys.wrapper {
            let ns = Ns::or(keys.ns.as_ref(), default_ns, true)?;
            let item = if keys.has("choice") {
                keys.only(&["wrapper", "choice", "ns"], "with `wrapper` and `choice`")?;
                Item::Choice
            } else {
                keys.only(&["wrapper", "item", "item_ns", "ns"], "with `wrapper`")?;
                let Some(item) = &keys.item else {
                    return Err(syn::Error::new(
                        keys.span("wrapper"),
                        "`wrapper` needs `item = \"...\"` (the items' element name) or `choice`",
                    ));
                };
                let local = local_name(item)?;
                Item::Named(QName {
                    ns: Ns::or(keys.item_ns.as_ref(), &ns, true)?,
                    local,
                })
            };
            Kind::Wrapper {
                wrapper: QName {
                    ns,
                    local: local_name(wrapper)?,
                },
                item,
            }
        } else if keys.has("choice") {
            keys.only(&["choice"], "with `choice` (without `wrapper`)")?;
            if card == Card::OptMany {
                return Err(bad_type(
                    "`choice` takes `T`, `Option<T>` or `Vec<T>` (or use a `wrapper`)",
                ));
            }
            Kind::Choice(pascal())
        } else {
            keys.only(&["name", "ns"], "on a child element field")?;
            if card == Card::OptMany {
                return Err(bad_type(
                    "`Option<Vec<T>>` needs a `wrapper`; use `Vec<T>` for repeated elements",
                ));
            }
            let local = match &keys.name {
                Some(lit) => local_name(lit)?,
                None => pascal(),
            };
            Kind::Child(QName {
                ns: Ns::or(keys.ns.as_ref(), default_ns, true)?,
                local,
            })
        };
        Ok(Self {
            ident,
            ty,
            card,
            item,
            kind,
        })
    }

    /// The local variable `f_<field>` of `read_xml`.
    fn local(&self) -> Ident {
        let name = self.ident.to_string();
        format_ident!(
            "f_{}",
            name.strip_prefix("r#").unwrap_or(&name),
            span = Span::call_site()
        )
    }

    /// Whether the field is read from child elements.
    fn is_content(&self) -> bool {
        matches!(
            self.kind,
            Kind::Child(_) | Kind::Choice(_) | Kind::Wrapper { .. } | Kind::Flatten
        )
    }

    /// Whether the field can start as `Default::default()` (nothing required).
    fn has_default(&self) -> bool {
        match self.kind {
            Kind::Skip | Kind::Flatten => true,
            Kind::Text => false,
            _ => self.card != Card::One,
        }
    }

    /// The name in the `MissingElement` error of a required field.
    fn missing_name(&self) -> &str {
        match &self.kind {
            Kind::Child(n) | Kind::Wrapper { wrapper: n, .. } => &n.local,
            Kind::Choice(n) => n,
            _ => "",
        }
    }
}

mod read;
mod write;
