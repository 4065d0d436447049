//! `XmlValue` for enumerations of text values and for newtypes.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields};

use crate::attr::{Errors, Keys};

/// `impl XmlValue`.
pub(crate) fn derive(input: &DeriveInput) -> syn::Result<TokenStream> {
    Keys::parse(&input.attrs)?.only(&[], "on a type deriving XmlValue")?;
    let body = match &input.data {
        Data::Enum(data) => enumeration(data)?,
        Data::Struct(data) => newtype(&data.fields)?,
        Data::Union(_) => {
            return Err(syn::Error::new(
                input.ident.span(),
                "XmlValue cannot be derived for a union",
            ));
        }
    };
    let ident = &input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    Ok(quote! {
        #[automatically_derived]
        impl #impl_g ::ews_xml::XmlValue for #ident #ty_g #where_c {
            #body
        }
    })
}

/// `struct Id(String);` or `struct Id { value: String }`: the inner value's text form.
fn newtype(fields: &Fields) -> syn::Result<TokenStream> {
    let mut iter = fields.iter();
    let (Some(field), None) = (iter.next(), iter.next()) else {
        return Err(syn::Error::new(
            fields.span(),
            "XmlValue is derived for a struct with exactly one field (a newtype)",
        ));
    };
    Keys::parse(&field.attrs)?.only(&[], "on the field of an XmlValue newtype")?;
    let ty = &field.ty;
    let (get, build) = match &field.ident {
        Some(ident) => (quote!(self.#ident), quote!(Self { #ident: v })),
        None => (quote!(self.0), quote!(Self(v))),
    };
    Ok(quote! {
        fn to_xml_value(&self) -> ::std::borrow::Cow<'_, str> {
            <#ty as ::ews_xml::XmlValue>::to_xml_value(&#get)
        }
        fn from_xml_value(s: &str) -> ::core::result::Result<Self, ::ews_xml::ValueError> {
            <#ty as ::ews_xml::XmlValue>::from_xml_value(s).map(|v| #build)
        }
    })
}

/// An enum of unit variants, each a text value, and maybe `#[xml(other)] Other(String)`.
fn enumeration(data: &syn::DataEnum) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let mut names: Vec<(String, &syn::Ident)> = Vec::new();
    let mut other = None;
    for v in &data.variants {
        let Some(keys) = errors.ok(Keys::parse(&v.attrs)) else {
            continue;
        };
        if keys.has("other") {
            errors.ok(keys.only(&["other"], "with `other`"));
            match &v.fields {
                Fields::Unnamed(f) if f.unnamed.len() == 1 && other.is_none() => {
                    other = Some(&v.ident)
                }
                Fields::Unnamed(f) if f.unnamed.len() == 1 => {
                    errors.push(syn::Error::new(
                        v.ident.span(),
                        "only one variant can be `other`",
                    ));
                }
                _ => errors.push(syn::Error::new(
                    v.span(),
                    "the `other` variant keeps the text: `Other(String)`",
                )),
            }
            continue;
        }
        errors.ok(keys.only(&["rename"], "on an XmlValue variant"));
        if !matches!(v.fields, Fields::Unit) {
            errors.push(syn::Error::new(
                v.span(),
                "XmlValue variants are unit variants (or one `#[xml(other)] Other(String)`)",
            ));
            continue;
        }
        let text = keys
            .rename
            .as_ref()
            .map_or_else(|| v.ident.to_string(), syn::LitStr::value);
        if names.iter().any(|(n, _)| *n == text) {
            errors.push(syn::Error::new(
                v.ident.span(),
                format!("another variant already is {text:?}"),
            ));
        }
        names.push((text, &v.ident));
    }
    if names.is_empty() {
        errors.push(syn::Error::new(
            data.enum_token.span(),
            "XmlValue needs at least one unit variant",
        ));
    }
    errors.finish()?;

    let to = names
        .iter()
        .map(|(text, ident)| quote!(Self::#ident => #text,));
    let from = names
        .iter()
        .map(|(text, ident)| quote!(#text => Self::#ident,));
    let (to_other, from_other) = match other {
        Some(ident) => (
            quote!(Self::#ident(v) => return ::std::borrow::Cow::Borrowed(::core::convert::AsRef::<str>::as_ref(v)),),
            quote!(v => Self::#ident(::core::convert::Into::into(v)),),
        ),
        None => {
            let list: Vec<_> = names.iter().map(|(n, _)| n.as_str()).collect();
            let expected = format!("one of {}", list.join(", "));
            (
                quote!(),
                quote!(_ => return ::core::result::Result::Err(::ews_xml::ValueError::expected(#expected)),),
            )
        }
    };
    Ok(quote! {
        fn to_xml_value(&self) -> ::std::borrow::Cow<'_, str> {
            ::std::borrow::Cow::Borrowed(match self {
                #(#to)*
                #to_other
            })
        }
        fn from_xml_value(s: &str) -> ::core::result::Result<Self, ::ews_xml::ValueError> {
            ::core::result::Result::Ok(
                match s.trim_matches(|c| ::core::matches!(c, ' ' | '\t' | '\n' | '\r')) {
                    #(#from)*
                    #from_other
                },
            )
        }
    })
}
