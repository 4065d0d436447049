//! `XmlChoice` for enums marked `#[xml(choice)]`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;
use syn::{DataEnum, DeriveInput, Fields, Ident, Type};

use crate::attr::{Errors, Keys, Ns, QName, local_name};

struct Variant<'a> {
    ident: &'a Ident,
    kind: Kind<'a>,
}

enum Kind<'a> {
    /// `Variant(T)`: the element `name`, read and written by `T`.
    Newtype(QName, &'a Type),
    /// `Variant`: the empty element `name`.
    Unit(QName),
    /// `#[xml(other)] Variant(T)` with `T: XmlChoice`: everything else.
    Other(&'a Type),
}

/// Checks that the enum is marked `#[xml(choice)]`, and its other container keys.
pub(crate) fn check(input: &DeriveInput) -> syn::Result<()> {
    let keys = Keys::parse(&input.attrs)?;
    if !keys.has("choice") {
        return Err(syn::Error::new(
            input.ident.span(),
            "XmlWrite and XmlRead on an enum need #[xml(choice)] (an element per variant); \
             for an enumeration of text values derive XmlValue",
        ));
    }
    keys.only(&["choice", "ns"], "on a choice enum")
}

/// `impl XmlChoice`.
pub(crate) fn derive(input: &DeriveInput, data: &DataEnum) -> syn::Result<TokenStream> {
    check(input)?;
    let keys = Keys::parse(&input.attrs)?;
    let ns = Ns::or(keys.ns.as_ref(), &Ns::TYPES, true)?;
    let mut errors = Errors::default();
    let mut variants = Vec::new();
    for v in &data.variants {
        if let Some(variant) = errors.ok(parse_variant(v, &ns)) {
            variants.push(variant);
        }
    }
    let others: Vec<_> = variants
        .iter()
        .filter(|v| matches!(v.kind, Kind::Other(_)))
        .collect();
    if let [_, second, ..] = others.as_slice() {
        errors.push(syn::Error::new(
            second.ident.span(),
            "only one variant can be `other`",
        ));
    }
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for v in &variants {
        if let Kind::Newtype(name, _) | Kind::Unit(name) = &v.kind {
            if seen.contains(&(name.ns.0, &name.local)) {
                errors.push(syn::Error::new(
                    v.ident.span(),
                    format!(
                        "another variant already has the element name {}",
                        name.local
                    ),
                ));
            }
            seen.push((name.ns.0, &name.local));
        }
    }
    errors.finish()?;

    let write = variants.iter().map(|v| {
        let ident = v.ident;
        match &v.kind {
            Kind::Newtype(name, ty) => {
                let name = name.tokens();
                quote!(Self::#ident(v) => <#ty as ::ews_xml::XmlWrite>::write_xml(v, w, #name),)
            }
            Kind::Unit(name) => {
                let name = name.tokens();
                quote!(Self::#ident => { w.start(#name)?; w.end() })
            }
            Kind::Other(ty) => {
                quote!(Self::#ident(v) => <#ty as ::ews_xml::XmlChoice>::write_choice(v, w),)
            }
        }
    });
    let names: Vec<_> = variants
        .iter()
        .filter_map(|v| match &v.kind {
            Kind::Newtype(name, _) | Kind::Unit(name) => {
                let (ns, local) = (name.ns.tokens(), &name.local);
                Some(quote!((#ns, #local)))
            }
            Kind::Other(_) => None,
        })
        .collect();
    let mut tests = Vec::new();
    if !names.is_empty() {
        tests.push(quote!(
            ::core::matches!((start.ns(), start.local_name()), #(#names)|*)
        ));
    }
    if let Some(Variant {
        kind: Kind::Other(ty),
        ..
    }) = others.first()
    {
        tests.push(quote!(<#ty as ::ews_xml::XmlChoice>::matches(start)));
    }
    if tests.is_empty() {
        tests.push(quote!(false));
    }
    let read = variants.iter().filter_map(|v| {
        let ident = v.ident;
        let (name, read) = match &v.kind {
            Kind::Newtype(name, ty) => (
                name,
                quote!(Self::#ident(<#ty as ::ews_xml::XmlRead>::read_xml(r, start)?)),
            ),
            Kind::Unit(name) => (name, quote!({ r.skip_element()?; Self::#ident })),
            Kind::Other(_) => return None,
        };
        let (ns, local) = (name.ns.tokens(), &name.local);
        Some(quote!(#local if start.ns() == #ns => ::core::result::Result::Ok(#read),))
    });
    let fallback = match others.first() {
        Some(Variant {
            ident,
            kind: Kind::Other(ty),
        }) => quote! {
            ::core::result::Result::Ok(Self::#ident(<#ty as ::ews_xml::XmlChoice>::read_choice(r, start)?))
        },
        _ => quote! {
            ::core::result::Result::Err(r.error(::ews_xml::ReadErrorKind::UnexpectedElement {
                found: start.display_name(),
            }))
        },
    };
    let ident = &input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    Ok(quote! {
        #[automatically_derived]
        impl #impl_g ::ews_xml::XmlChoice for #ident #ty_g #where_c {
            fn write_choice(
                &self,
                w: &mut ::ews_xml::Writer<'_>,
            ) -> ::core::result::Result<(), ::ews_xml::WriteError> {
                match self {
                    #(#write)*
                }
            }
            fn matches(start: &::ews_xml::StartTag) -> bool {
                #(#tests)||*
            }
            fn read_choice(
                r: &mut ::ews_xml::Reader<'_>,
                start: &::ews_xml::StartTag,
            ) -> ::core::result::Result<Self, ::ews_xml::ReadError> {
                match start.local_name() {
                    #(#read)*
                    _ => #fallback,
                }
            }
        }
    })
}

fn parse_variant<'a>(v: &'a syn::Variant, ns: &Ns) -> syn::Result<Variant<'a>> {
    let keys = Keys::parse(&v.attrs)?;
    let ident = &v.ident;
    let ty = match &v.fields {
        Fields::Unnamed(f) if f.unnamed.len() == 1 => f.unnamed.first().map(|f| &f.ty),
        Fields::Unit => None,
        fields => {
            return Err(syn::Error::new(
                fields.span(),
                "a choice variant is `Variant(T)` or a unit variant `Variant` (an empty element)",
            ));
        }
    };
    if keys.has("other") {
        keys.only(&["other"], "with `other`")?;
        let Some(ty) = ty else {
            return Err(syn::Error::new(
                keys.span("other"),
                "the `other` variant holds a type implementing XmlChoice: `Other(T)`",
            ));
        };
        return Ok(Variant {
            ident,
            kind: Kind::Other(ty),
        });
    }
    keys.only(&["name", "ns"], "on a choice variant")?;
    let local = match &keys.name {
        Some(lit) => local_name(lit)?,
        None => ident.to_string(),
    };
    let name = QName {
        ns: Ns::or(keys.ns.as_ref(), ns, true)?,
        local,
    };
    let kind = match ty {
        Some(ty) => Kind::Newtype(name, ty),
        None => Kind::Unit(name),
    };
    Ok(Variant { ident, kind })
}
