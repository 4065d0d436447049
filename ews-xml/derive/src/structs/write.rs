//! The writing half of `#[derive(XmlWrite)]` on structs.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{Field, Item, Kind, Struct};
use crate::attr::{Card, Ns};

impl Struct<'_> {
    /// `impl XmlWrite` (and `XmlElement` with `name`), and the hidden writing helpers.
    pub(crate) fn write(&self) -> TokenStream {
        let (ident, (impl_g, ty_g, where_c)) =
            (&self.input.ident, self.input.generics.split_for_impl());
        let attrs: Vec<_> = self.fields.iter().filter_map(Field::write_attr).collect();
        let element = self.element.as_ref().map(|name| {
            let name = name.tokens();
            quote! {
                #[automatically_derived]
                impl #impl_g ::ews_xml::XmlElement for #ident #ty_g #where_c {
                    const NAME: ::ews_xml::Name<'static> = #name;
                }
            }
        });
        let write_xml = if self.text {
            let text = self.fields.iter().filter_map(Field::write_text);
            quote! {
                w.start(name)?;
                #(#attrs)*
                #(#text)*
                w.end()
            }
        } else {
            quote! {
                w.start(name)?;
                self.__xml_write_attrs(w)?;
                self.__xml_write_children(w)?;
                w.end()
            }
        };
        let helpers = (!self.text).then(|| {
            let children = self.fields.iter().filter_map(Field::write_child);
            quote! {
                #[automatically_derived]
                impl #impl_g #ident #ty_g #where_c {
                    /// Writes the attributes (`#[xml(flatten)]` support).
                    #[doc(hidden)]
                    #[allow(unused_variables)]
                    pub fn __xml_write_attrs(
                        &self,
                        w: &mut ::ews_xml::Writer<'_>,
                    ) -> ::core::result::Result<(), ::ews_xml::WriteError> {
                        #(#attrs)*
                        ::core::result::Result::Ok(())
                    }
                    /// Writes the child elements (`#[xml(flatten)]` support).
                    #[doc(hidden)]
                    #[allow(unused_variables)]
                    pub fn __xml_write_children(
                        &self,
                        w: &mut ::ews_xml::Writer<'_>,
                    ) -> ::core::result::Result<(), ::ews_xml::WriteError> {
                        #(#children)*
                        ::core::result::Result::Ok(())
                    }
                }
            }
        });
        quote! {
            #helpers
            #[automatically_derived]
            impl #impl_g ::ews_xml::XmlWrite for #ident #ty_g #where_c {
                fn write_xml(
                    &self,
                    w: &mut ::ews_xml::Writer<'_>,
                    name: ::ews_xml::Name<'_>,
                ) -> ::core::result::Result<(), ::ews_xml::WriteError> {
                    #write_xml
                }
            }
            #element
        }
    }
}

impl Field<'_> {
    /// Writes the attribute (or, for a flattened field, its attributes).
    fn write_attr(&self) -> Option<TokenStream> {
        let (ident, item) = (self.ident, self.item);
        let Kind::Attr(name) = &self.kind else {
            return matches!(self.kind, Kind::Flatten)
                .then(|| quote_spanned!(self.ty.span()=> self.#ident.__xml_write_attrs(w)?;));
        };
        let write = if name.ns == Ns::NONE {
            let local = &name.local;
            quote!(w.attr(#local, &<#item as ::ews_xml::XmlValue>::to_xml_value(v))?;)
        } else {
            let name = name.tokens();
            quote!(w.attr_ns(#name, &<#item as ::ews_xml::XmlValue>::to_xml_value(v))?;)
        };
        Some(match self.card {
            Card::Opt => quote!(if let ::core::option::Option::Some(v) = &self.#ident { #write }),
            _ => quote!({ let v = &self.#ident; #write }),
        })
    }

    /// Writes the text content.
    fn write_text(&self) -> Option<TokenStream> {
        let ident = self.ident;
        let Kind::Text = self.kind else { return None };
        let item = self.item;
        let write = quote!(w.text(&<#item as ::ews_xml::XmlValue>::to_xml_value(v))?;);
        Some(match self.card {
            Card::Opt => quote!(if let ::core::option::Option::Some(v) = &self.#ident { #write }),
            _ => quote!({ let v = &self.#ident; #write }),
        })
    }

    /// Writes the child element(s) of the field.
    fn write_child(&self) -> Option<TokenStream> {
        let (ident, item_ty) = (self.ident, self.item);
        let one = |item: &Item| match item {
            Item::Named(name) => {
                let name = name.tokens();
                quote!(<#item_ty as ::ews_xml::XmlWrite>::write_xml(v, w, #name)?;)
            }
            Item::Choice => quote!(<#item_ty as ::ews_xml::XmlChoice>::write_choice(v, w)?;),
        };
        let each = |card: Card, write: &TokenStream| match card {
            Card::One => quote!({ let v = &self.#ident; #write }),
            Card::Opt => quote!(if let ::core::option::Option::Some(v) = &self.#ident { #write }),
            Card::Many => quote!(for v in &self.#ident { #write }),
            Card::OptMany => {
                quote!(if let ::core::option::Option::Some(list) = &self.#ident { for v in list { #write } })
            }
        };
        Some(match &self.kind {
            Kind::Child(name) => each(self.card, &one(&Item::Named(name.clone()))),
            Kind::Choice(_) => each(self.card, &one(&Item::Choice)),
            Kind::Wrapper { wrapper, item } => {
                let (start, write) = (wrapper.tokens(), one(item));
                let body = |items: TokenStream| quote!({ w.start(#start)?; #items w.end()?; });
                match self.card {
                    Card::One => body(quote!(let v = &self.#ident; #write)),
                    Card::Opt => {
                        let inner = body(write);
                        quote!(if let ::core::option::Option::Some(v) = &self.#ident #inner)
                    }
                    Card::Many => {
                        let inner = body(quote!(for v in &self.#ident { #write }));
                        quote!(if !self.#ident.is_empty() #inner)
                    }
                    Card::OptMany => {
                        let inner = body(quote!(for v in list { #write }));
                        quote!(if let ::core::option::Option::Some(list) = &self.#ident #inner)
                    }
                }
            }
            Kind::Flatten => quote_spanned!(self.ty.span()=> self.#ident.__xml_write_children(w)?;),
            Kind::Attr(_) | Kind::Text | Kind::Skip => return None,
        })
    }
}
