//! `#[derive(Fields)]`: the field table of an `ews-model` type, generated with the struct so
//! that the two can never disagree.
//!
//! This crate owns the code generation only; the traits and types the generated code
//! implements and names (`HasFields`, `FieldAccess`, `FieldDef`, `Field<T>`) belong to
//! `ews-model`, and queries over the tables to `ews-query`.
//!
//! Use it through `ews_model::Fields`. Each struct field that EWS can address carries a
//! `#[field(...)]` attribute; the derive implements `ews_model::fields::HasFields` with one
//! `FieldDef` per such field, in declaration order (the schema's order):
//!
//! ```ignore
//! #[derive(Fields)]
//! struct Message {
//!     #[field(base)]                       // a flattened base type: its table comes first
//!     item: ItemFields,
//!     #[field(uri = "message:IsRead", searchable)]
//!     is_read: Option<bool>,
//!     #[field(uri = "message:ConversationIndex", read_only, since = "Exchange2010")]
//!     conversation_index: Option<Vec<u8>>,
//! }
//!
//! #[derive(Fields)]
//! struct MeetingRequest {
//!     #[field(base)]
//!     meeting: MeetingMessage,
//!     #[field(uri = "meetingRequest:MeetingRequestType", read_only)]
//!     meeting_request_type: Option<MeetingRequestType>,
//!     #[field(group, read_only)]           // a run of fields shared with CalendarItem,
//!     schedule: Schedule,                  // chained here, read-only
//!     #[field(group, read_only)]
//!     attendance: Attendance,
//! }
//! ```
//!
//! Keys:
//! - `uri = "item:Subject"`: the `FieldURI`. With `index = "contacts:PhoneNumber"` instead, an
//!   indexed property (`IndexedFieldURI`); `labels = "A B C"` lists its `FieldIndex` values.
//! - flags: `searchable`, `read_only`, `read_only_after_send`, `required`;
//! - `since = "Exchange2010"`: the first `ExchangeVersionType` that has it (default
//!   `Exchange2007`); `deprecated = "Exchange2013"`: the first that no longer does;
//! - `name = "..."`: the exchangelib-style name when it differs from the Rust field name;
//! - `base`: on a flattened field, chain that type's table before this one's (and delegate
//!   `FieldAccess` to it for the names this type does not own); one per type;
//! - `group`: on a flattened field, a run of fields shared with other types: that type's
//!   table goes among this one's own fields where the Rust field is (groups and own fields
//!   keep their declaration order, the schema's), and `FieldAccess` delegates to it for the
//!   names it owns. Any number of groups; `group, read_only` chains the group's fields as
//!   read-only (and not required), for a type that only receives them;
//! - `extended`: on the `ExtendedProperties` field, alone: what
//!   `FieldAccess::extended_properties` returns (no table entry).
//!
//! The derive also implements `ews_model::fields::FieldAccess`: `field(name)` returns the
//! Rust field that carries the `FieldDef` named `name` (as `&dyn Any`), each name of a Rust
//! field with several `#[field]` attributes returning that same field.
//!
//! The value kind of each field comes from its type through the `FieldValue` trait, so it
//! cannot drift from the type either.
//!
//! Each field also gets a typed handle, an associated constant named after the field in upper
//! case (`Message::IS_READ: Field<Option<bool>>`), for queries that check at compile time which
//! lookups a field allows. Several `#[field]` attributes on one Rust field (the subfields of an
//! indexed property) each need their own `name`.
//! The handles of a base's or a group's fields are on that type (`ItemBase::SUBJECT`,
//! `Schedule::START`).

use proc_macro::TokenStream;
use proc_macro2::TokenStream as TokenStream2;
use quote::quote;
use syn::{Data, DeriveInput, Fields, LitStr, parse_macro_input, spanned::Spanned};

/// Derives `ews_model::fields::HasFields` and `ews_model::fields::FieldAccess`; see the crate
/// documentation.
#[proc_macro_derive(Fields, attributes(field))]
pub fn derive_fields(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(ts) => ts.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

#[derive(Default)]
struct FieldAttr {
    uri: Option<LitStr>,
    index: Option<LitStr>,
    labels: Option<LitStr>,
    name: Option<LitStr>,
    since: Option<LitStr>,
    deprecated: Option<LitStr>,
    searchable: bool,
    read_only: bool,
    read_only_after_send: bool,
    required: bool,
    base: bool,
    group: bool,
    extended: bool,
}

fn parse_attr(attr: &syn::Attribute) -> syn::Result<FieldAttr> {
    let mut out = FieldAttr::default();
    attr.parse_nested_meta(|meta| {
        let key = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        let string = |slot: &mut Option<LitStr>| -> syn::Result<()> {
            *slot = Some(meta.value()?.parse()?);
            Ok(())
        };
        let flag = match key.as_str() {
            "uri" => return string(&mut out.uri),
            "index" => return string(&mut out.index),
            "labels" => return string(&mut out.labels),
            "name" => return string(&mut out.name),
            "since" => return string(&mut out.since),
            "deprecated" => return string(&mut out.deprecated),
            "searchable" => &mut out.searchable,
            "read_only" => &mut out.read_only,
            "read_only_after_send" => &mut out.read_only_after_send,
            "required" => &mut out.required,
            "base" => &mut out.base,
            "group" => &mut out.group,
            "extended" => &mut out.extended,
            _ => {
                return Err(meta.error(
                    "unknown key: expected uri, index, labels, name, since, deprecated, \
                     searchable, read_only, read_only_after_send, required, base, group or \
                     extended",
                ));
            }
        };
        *flag = true;
        Ok(())
    })?;
    let structural = usize::from(out.base) + usize::from(out.group) + usize::from(out.extended);
    if structural > 1 {
        return Err(syn::Error::new(
            attr.span(),
            "give one of `base`, `group` or `extended`",
        ));
    }
    let others = out.uri.is_some()
        || out.index.is_some()
        || out.labels.is_some()
        || out.name.is_some()
        || out.since.is_some()
        || out.deprecated.is_some()
        || out.searchable
        || out.read_only_after_send
        || out.required;
    if structural == 1 && (others || (out.read_only && !out.group)) {
        return Err(syn::Error::new(
            attr.span(),
            "`base` and `extended` take no other keys, `group` only `read_only`",
        ));
    }
    if structural == 0 && out.uri.is_some() == out.index.is_some() {
        return Err(syn::Error::new(
            attr.span(),
            "give exactly one of `uri` or `index`",
        ));
    }
    if out.labels.is_some() && out.index.is_none() {
        return Err(syn::Error::new(attr.span(), "`labels` goes with `index`"));
    }
    Ok(out)
}

/// The `ExchangeVersion` variant for a schema value (`Exchange2007_SP1` → `Exchange2007Sp1`).
fn version(lit: &LitStr) -> syn::Result<TokenStream2> {
    let value = lit.value();
    let known = value.starts_with("Exchange20") || value.starts_with("V20");
    if !known || !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(syn::Error::new(
            lit.span(),
            "expected an ExchangeVersionType value",
        ));
    }
    let variant = if value.starts_with("Exchange") {
        value.replace("_SP", "Sp")
    } else {
        value
    };
    let variant = syn::Ident::new(&variant, lit.span());
    Ok(quote!(::ews_model::version::ExchangeVersion::#variant))
}

fn expand(input: &DeriveInput) -> syn::Result<TokenStream2> {
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(
            input.span(),
            "Fields derives on structs only",
        ));
    };
    let Fields::Named(named) = &data.fields else {
        return Err(syn::Error::new(input.span(), "Fields needs named fields"));
    };
    let mut defs = Vec::new();
    let mut consts = Vec::new();
    let mut base = None;
    // `FieldAccess`: the match arms (names → Rust field), the base field, the extended field.
    let mut arms: Vec<(Vec<String>, syn::Ident)> = Vec::new();
    let mut base_field: Option<syn::Ident> = None;
    // The groups: their place among the own fields, their table, their Rust field.
    let mut groups: Vec<TokenStream2> = Vec::new();
    let mut group_fields: Vec<syn::Ident> = Vec::new();
    let mut extended_field: Option<syn::Ident> = None;
    let mut errors: Option<syn::Error> = None;
    for f in &named.named {
        for attr in f.attrs.iter().filter(|a| a.path().is_ident("field")) {
            let parsed = match parse_attr(attr) {
                Ok(p) => p,
                Err(e) => {
                    match &mut errors {
                        Some(all) => all.combine(e),
                        None => errors = Some(e),
                    }
                    continue;
                }
            };
            let ty = &f.ty;
            let Some(rust_ident) = f.ident.clone() else {
                continue;
            };
            if parsed.extended {
                if extended_field.is_some() {
                    return Err(syn::Error::new(attr.span(), "only one `extended` field"));
                }
                extended_field = Some(rust_ident);
                continue;
            }
            if parsed.base {
                if base.is_some() {
                    return Err(syn::Error::new(attr.span(), "only one `base` field"));
                }
                base = Some(quote!(::core::option::Option::Some(
                    &<#ty as ::ews_model::fields::HasFields>::FIELDS
                )));
                base_field = Some(rust_ident);
                continue;
            }
            if parsed.group {
                let at = defs.len();
                let fields = quote!(<#ty as ::ews_model::fields::HasFields>::FIELDS);
                let table = if parsed.read_only {
                    quote!(&::ews_model::fields::FieldTable {
                        own: &::ews_model::fields::read_only_defs::<{ #fields.own.len() }>(
                            #fields.own,
                        ),
                        base: ::core::option::Option::None,
                        groups: &[],
                    })
                } else {
                    quote!(&#fields)
                };
                groups.push(quote!(::ews_model::fields::FieldGroup { at: #at, table: #table }));
                group_fields.push(rust_ident);
                continue;
            }
            let ident = f
                .ident
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let ident = ident.trim_start_matches("r#").to_owned();
            let name = parsed.name.as_ref().map_or(ident, LitStr::value);
            let uri = match (&parsed.uri, &parsed.index) {
                (Some(uri), _) => quote!(::ews_model::fields::FieldUri::Unindexed(#uri)),
                (None, Some(index)) => {
                    let labels: Vec<String> = parsed
                        .labels
                        .as_ref()
                        .map(|l| l.value().split_whitespace().map(str::to_owned).collect())
                        .unwrap_or_default();
                    quote!(::ews_model::fields::FieldUri::Indexed {
                        uri: #index,
                        labels: &[#(#labels),*],
                    })
                }
                (None, None) => continue,
            };
            let since = match &parsed.since {
                Some(s) => {
                    let v = version(s)?;
                    Some(quote!(.since(#v)))
                }
                None => None,
            };
            let deprecated = match &parsed.deprecated {
                Some(s) => {
                    let v = version(s)?;
                    Some(quote!(.deprecated_from(#v)))
                }
                None => None,
            };
            let flag = |on: bool, name: &str| {
                let id = syn::Ident::new(name, proc_macro2::Span::call_site());
                on.then(|| quote!(.with_flags(::ews_model::fields::FieldFlags::#id)))
            };
            let flags = [
                flag(parsed.searchable, "SEARCHABLE"),
                flag(parsed.read_only, "READ_ONLY"),
                flag(parsed.read_only_after_send, "READ_ONLY_AFTER_SEND"),
                flag(parsed.required, "REQUIRED"),
            ];
            match arms.last_mut() {
                Some((names, id)) if *id == rust_ident => names.push(name.clone()),
                _ => arms.push((vec![name.clone()], rust_ident)),
            }
            let index = defs.len();
            let const_name: String = name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_uppercase()
                    } else {
                        '_'
                    }
                })
                .collect();
            let const_ident = syn::Ident::new(&const_name, f.span());
            let doc = format!("The typed handle of the `{name}` field.");
            consts.push(quote! {
                #[doc = #doc]
                pub const #const_ident: ::ews_model::fields::Field<#ty> =
                    ::ews_model::fields::Field::new(
                        &<Self as ::ews_model::fields::HasFields>::FIELDS.own[#index],
                    );
            });
            defs.push(quote! {
                ::ews_model::fields::FieldDef::new(
                    #name,
                    #uri,
                    <#ty as ::ews_model::fields::FieldValue>::KIND,
                ) #(#flags)* #since #deprecated
            });
        }
    }
    if let Some(e) = errors {
        return Err(e);
    }
    let base = base.unwrap_or_else(|| quote!(::core::option::Option::None));
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let swap_arms = arms.iter().map(|(names, id)| {
        quote!(#(#names)|* => {
            ::core::mem::swap(&mut self.#id, &mut other.#id);
            true
        })
    });
    let arms = arms.iter().map(|(names, id)| {
        quote!(#(#names)|* => ::core::option::Option::Some(&self.#id as &dyn ::core::any::Any),)
    });
    // Names this type does not own: each group's, then the base's.
    let delegates: Vec<&syn::Ident> = group_fields.iter().chain(&base_field).collect();
    let fallback = quote!(_ => {
        #(if let ::core::option::Option::Some(f) =
            ::ews_model::fields::FieldAccess::field(&self.#delegates, name)
        {
            return ::core::option::Option::Some(f);
        })*
        ::core::option::Option::None
    });
    let swap_fallback = quote!(_ => {
        #(::ews_model::fields::FieldAccess::swap_field(
            &mut self.#delegates, name, &mut other.#delegates,
        ))||*
    });
    let swap_fallback = if delegates.is_empty() {
        quote!(_ => false,)
    } else {
        swap_fallback
    };
    let extended_mut = match (&extended_field, &base_field) {
        (Some(e), _) => quote!(::core::option::Option::Some(&mut self.#e)),
        (None, Some(b)) => {
            quote!(::ews_model::fields::FieldAccess::extended_properties_mut(&mut self.#b))
        }
        (None, None) => quote!(::core::option::Option::None),
    };
    let extended = match (&extended_field, &base_field) {
        (Some(e), _) => quote!(::core::option::Option::Some(&self.#e)),
        (None, Some(b)) => quote!(::ews_model::fields::FieldAccess::extended_properties(&self.#b)),
        (None, None) => quote!(::core::option::Option::None),
    };
    Ok(quote! {
        impl #impl_generics ::ews_model::fields::FieldAccess for #ident #ty_generics #where_clause {
            fn field(&self, name: &str) -> ::core::option::Option<&dyn ::core::any::Any> {
                match name {
                    #(#arms)*
                    #fallback
                }
            }

            fn extended_properties(
                &self,
            ) -> ::core::option::Option<&::ews_model::extended::ExtendedProperties> {
                #extended
            }

            fn swap_field(&mut self, name: &str, other: &mut Self) -> bool {
                match name {
                    #(#swap_arms)*
                    #swap_fallback
                }
            }

            fn extended_properties_mut(
                &mut self,
            ) -> ::core::option::Option<&mut ::ews_model::extended::ExtendedProperties> {
                #extended_mut
            }
        }

        impl #impl_generics ::ews_model::fields::HasFields for #ident #ty_generics #where_clause {
            const FIELDS: ::ews_model::fields::FieldTable = ::ews_model::fields::FieldTable {
                own: &[#(#defs),*],
                base: #base,
                groups: &[#(#groups),*],
            };
        }

        #[allow(dead_code)]
        impl #impl_generics #ident #ty_generics #where_clause {
            #(#consts)*
        }
    })
}

#[cfg(test)]
mod tests;
