//! Parsing and checking of `#[xml(...)]` attributes.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;
use syn::{Attribute, GenericArgument, Ident, LitStr, PathArguments, Token, Type};

/// Every key of `#[xml(...)]`, wherever it is allowed.
const KEYS: &[&str] = &[
    "ns", "name", "attr", "text", "wrapper", "item", "item_ns", "choice", "flatten", "skip",
    "other", "rename",
];

/// The keys of all `#[xml(...)]` attributes on one item, field or variant.
#[derive(Default)]
pub(crate) struct Keys {
    /// The keys present, in order, with their spans (for "not allowed here" errors).
    present: Vec<(&'static str, Span)>,
    pub(crate) ns: Option<LitStr>,
    pub(crate) name: Option<LitStr>,
    /// `attr` alone is `Some(None)`, `attr = "X"` is `Some(Some("X"))`.
    pub(crate) attr: Option<Option<LitStr>>,
    pub(crate) wrapper: Option<LitStr>,
    pub(crate) item: Option<LitStr>,
    pub(crate) item_ns: Option<LitStr>,
    pub(crate) rename: Option<LitStr>,
}

impl Keys {
    /// Collects the keys of every `#[xml(...)]` among `attrs`.
    pub(crate) fn parse(attrs: &[Attribute]) -> syn::Result<Self> {
        let mut keys = Self::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident("xml")) {
            attr.parse_nested_meta(|meta| {
                let span = meta.path.span();
                let Some(key) = meta.path.get_ident().and_then(|i| {
                    let s = i.to_string();
                    KEYS.iter().copied().find(|k| *k == s)
                }) else {
                    return Err(meta.error(format!(
                        "unknown key in #[xml(...)]; the keys are: {}",
                        KEYS.join(", ")
                    )));
                };
                if keys.has(key) {
                    return Err(meta.error(format!("duplicate key `{key}`")));
                }
                keys.present.push((key, span));
                let has_value = meta.input.peek(Token![=]);
                match key {
                    "text" | "choice" | "flatten" | "skip" | "other" => {
                        if has_value {
                            return Err(meta.error(format!("`{key}` takes no value")));
                        }
                    }
                    "attr" => {
                        keys.attr = Some(if has_value {
                            Some(meta.value()?.parse()?)
                        } else {
                            None
                        });
                    }
                    _ => {
                        if !has_value {
                            return Err(
                                meta.error(format!("`{key}` needs a value: {key} = \"...\""))
                            );
                        }
                        let value: LitStr = meta.value()?.parse()?;
                        let slot = match key {
                            "ns" => &mut keys.ns,
                            "name" => &mut keys.name,
                            "wrapper" => &mut keys.wrapper,
                            "item" => &mut keys.item,
                            "item_ns" => &mut keys.item_ns,
                            _ => &mut keys.rename,
                        };
                        *slot = Some(value);
                    }
                }
                Ok(())
            })?;
        }
        Ok(keys)
    }

    /// Whether `key` is present.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.present.iter().any(|(k, _)| *k == key)
    }

    /// The span of `key` (call site when absent).
    pub(crate) fn span(&self, key: &str) -> Span {
        self.present
            .iter()
            .find(|(k, _)| *k == key)
            .map_or_else(Span::call_site, |(_, s)| *s)
    }

    /// Fails on the first key not in `allowed`.
    pub(crate) fn only(&self, allowed: &[&str], here: &str) -> syn::Result<()> {
        match self.present.iter().find(|(k, _)| !allowed.contains(k)) {
            None => Ok(()),
            Some((key, span)) => {
                let hint = if allowed.is_empty() {
                    "no keys are allowed there".to_owned()
                } else {
                    format!("allowed there: {}", allowed.join(", "))
                };
                Err(syn::Error::new(
                    *span,
                    format!("`{key}` is not allowed {here} ({hint})"),
                ))
            }
        }
    }
}

/// A namespace, as the `::ews_xml::Ns` variant to emit.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Ns(pub(crate) &'static str);

impl Ns {
    /// The namespace of an `ns = "..."` value; `element` refuses namespaces no element lives in.
    pub(crate) fn parse(lit: &LitStr, element: bool) -> syn::Result<Self> {
        let variant = match lit.value().as_str() {
            "" => "None",
            "soap" | "s" => "Soap",
            "m" => "Messages",
            "t" => "Types",
            "e" => "Errors",
            "xsi" => "Xsi",
            "xml" if !element => "Xml",
            "xml" => {
                return Err(syn::Error::new(
                    lit.span(),
                    "no element lives in the `xml` namespace",
                ));
            }
            _ => {
                return Err(syn::Error::new(
                    lit.span(),
                    "unknown namespace; use one of \"t\", \"m\", \"e\", \"soap\", \"xsi\", \"xml\" \
                     or \"\" (none)",
                ));
            }
        };
        Ok(Self(variant))
    }

    /// `ns = "..."` if given, else `default`.
    pub(crate) fn or(lit: Option<&LitStr>, default: &Self, element: bool) -> syn::Result<Self> {
        lit.map_or_else(|| Ok(default.clone()), |l| Self::parse(l, element))
    }

    pub(crate) const TYPES: Self = Self("Types");
    pub(crate) const NONE: Self = Self("None");

    /// `::ews_xml::Ns::Variant`.
    pub(crate) fn tokens(&self) -> TokenStream {
        let v = Ident::new(self.0, Span::call_site());
        quote!(::ews_xml::Ns::#v)
    }
}

/// A qualified element or attribute name.
#[derive(Clone)]
pub(crate) struct QName {
    pub(crate) ns: Ns,
    pub(crate) local: String,
}

impl QName {
    /// `::ews_xml::Name::new(ns, "local")`.
    pub(crate) fn tokens(&self) -> TokenStream {
        let (ns, local) = (self.ns.tokens(), &self.local);
        quote!(::ews_xml::Name::new(#ns, #local))
    }

    /// `tag.ns() == ns && tag.local_name() == "local"`, for a `&StartTag` expression `tag`.
    pub(crate) fn test(&self, tag: &TokenStream) -> TokenStream {
        let (ns, local) = (self.ns.tokens(), &self.local);
        quote!(#tag.ns() == #ns && #tag.local_name() == #local)
    }
}

/// The local name given by `lit`, checked to be an XML name.
pub(crate) fn local_name(lit: &LitStr) -> syn::Result<String> {
    let s = lit.value();
    let mut chars = s.chars();
    let ok = match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' => {
            chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        }
        _ => false,
    };
    if ok {
        Ok(s)
    } else {
        Err(syn::Error::new(
            lit.span(),
            "not an XML local name (no prefix, no spaces)",
        ))
    }
}

/// `email_address` → `EmailAddress` (raw identifiers lose their `r#`).
pub(crate) fn pascal_case(ident: &Ident) -> String {
    let s = ident.to_string();
    let s = s.strip_prefix("r#").unwrap_or(&s);
    let mut out = String::with_capacity(s.len());
    for part in s.split('_') {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// How many values a field holds, read off its type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Card {
    /// `T`: exactly one.
    One,
    /// `Option<T>`.
    Opt,
    /// `Vec<T>`.
    Many,
    /// `Option<Vec<T>>`.
    OptMany,
}

/// The cardinality of `ty` and its item type (`T` in `Option<T>`, `Vec<T>`, `Option<Vec<T>>`).
pub(crate) fn cardinality(ty: &Type) -> (Card, &Type) {
    match generic_arg(ty, "Option") {
        Some(inner) => match generic_arg(inner, "Vec") {
            Some(item) => (Card::OptMany, item),
            None => (Card::Opt, inner),
        },
        None => match generic_arg(ty, "Vec") {
            Some(item) => (Card::Many, item),
            None => (Card::One, ty),
        },
    }
}

/// `T` when `ty` is `wrapper<T>` (by the last path segment, so `std::option::Option<T>` too).
fn generic_arg<'a>(ty: &'a Type, wrapper: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != wrapper {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [GenericArgument::Type(t)] => Some(t),
        _ => None,
    }
}

/// Gathers errors so that one expansion reports them all.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    /// Keeps `err`.
    pub(crate) fn push(&mut self, err: syn::Error) {
        match &mut self.0 {
            Some(e) => e.combine(err),
            None => self.0 = Some(err),
        }
    }

    /// The value of `res`, keeping its error.
    pub(crate) fn ok<T>(&mut self, res: syn::Result<T>) -> Option<T> {
        res.map_err(|e| self.push(e)).ok()
    }

    /// `Err` with every error kept, if any.
    pub(crate) fn finish(self) -> syn::Result<()> {
        self.0.map_or(Ok(()), Err)
    }
}
