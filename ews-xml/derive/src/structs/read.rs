//! The reading half of `#[derive(XmlRead)]` on structs.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::Type;
use syn::spanned::Spanned;

use super::{Field, Item, Kind, Struct};
use crate::attr::{Card, Ns};

impl Struct<'_> {
    /// `impl XmlRead`, and the hidden in-place reading helpers.
    pub(crate) fn read(&self) -> TokenStream {
        let (ident, (impl_g, ty_g, where_c)) =
            (&self.input.ident, self.input.generics.split_for_impl());
        let read_xml = if self.text {
            self.read_text_struct()
        } else if self.fields.iter().all(Field::has_default) {
            self.read_in_place()
        } else {
            self.read_accumulated()
        };
        let helpers = (!self.text).then(|| {
            let this = Place::SelfField;
            let attrs = self.fields.iter().filter_map(|f| f.read_attr(this));
            let child = if self.fields.iter().any(Field::is_content) {
                let child =
                    self.read_child(this, &quote!(return ::core::result::Result::Ok(false)));
                quote!(#child ::core::result::Result::Ok(true))
            } else {
                quote!(::core::result::Result::Ok(false))
            };
            quote! {
                #[automatically_derived]
                impl #impl_g #ident #ty_g #where_c {
                    /// Reads the attributes of `start` into `self` (`#[xml(flatten)]` support).
                    #[doc(hidden)]
                    #[allow(unused_variables)]
                    pub fn __xml_read_attrs(
                        &mut self,
                        r: &::ews_xml::Reader<'_>,
                        start: &::ews_xml::StartTag,
                    ) -> ::core::result::Result<(), ::ews_xml::ReadError> {
                        #(#attrs)*
                        ::core::result::Result::Ok(())
                    }
                    /// Reads the element `child` into `self` if it is one of ours; `false` when
                    /// it is not, and then nothing was consumed (`#[xml(flatten)]` support).
                    #[doc(hidden)]
                    #[allow(unused_variables)]
                    pub fn __xml_read_child(
                        &mut self,
                        r: &mut ::ews_xml::Reader<'_>,
                        child: &::ews_xml::StartTag,
                    ) -> ::core::result::Result<bool, ::ews_xml::ReadError> {
                        #child
                    }
                }
            }
        });
        quote! {
            #helpers
            #[automatically_derived]
            impl #impl_g ::ews_xml::XmlRead for #ident #ty_g #where_c {
                fn read_xml(
                    r: &mut ::ews_xml::Reader<'_>,
                    start: &::ews_xml::StartTag,
                ) -> ::core::result::Result<Self, ::ews_xml::ReadError> {
                    #read_xml
                }
            }
        }
    }

    /// Every field can start empty: build `Self` and fill it in place with the helpers.
    fn read_in_place(&self) -> TokenStream {
        let init = self.fields.iter().map(|f| {
            let ident = f.ident;
            quote!(#ident: ::core::default::Default::default())
        });
        quote! {
            let mut this = Self { #(#init),* };
            this.__xml_read_attrs(r, start)?;
            while let ::core::option::Option::Some(child) = r.next_child()? {
                if !this.__xml_read_child(r, &child)? {
                    r.skip_element()?;
                }
            }
            ::core::result::Result::Ok(this)
        }
    }

    /// Some field is required: read into `Option` locals, then check and build `Self`.
    fn read_accumulated(&self) -> TokenStream {
        let local = Place::Local;
        let attrs = self.fields.iter().filter_map(|f| f.read_attr(local));
        let locals = self.fields.iter().filter_map(|f| {
            let (var, ty) = (f.local(), f.ty);
            match (&f.kind, f.card) {
                (Kind::Attr(_) | Kind::Text | Kind::Skip | Kind::Flatten, _) => None,
                (_, Card::One) => Some(quote!(let mut #var: ::core::option::Option<#ty> = ::core::option::Option::None;)),
                _ => Some(quote!(let mut #var: #ty = ::core::default::Default::default();)),
            }
        });
        let child = self.read_child(local, &quote!(r.skip_element()?));
        let build = self.fields.iter().map(|f| {
            let (ident, var) = (f.ident, f.local());
            let value = match (&f.kind, f.card) {
                (Kind::Skip, _) => quote!(::core::default::Default::default()),
                (Kind::Child(_) | Kind::Choice(_) | Kind::Wrapper { .. }, Card::One) => {
                    let name = f.missing_name();
                    quote! {
                        match #var {
                            ::core::option::Option::Some(v) => v,
                            ::core::option::Option::None => return ::core::result::Result::Err(
                                r.error_after(start, ::ews_xml::ReadErrorKind::MissingElement(#name)),
                            ),
                        }
                    }
                }
                _ => quote!(#var),
            };
            quote!(#ident: #value)
        });
        let build: Vec<_> = build.collect();
        quote! {
            #(#attrs)*
            #(#locals)*
            while let ::core::option::Option::Some(child) = r.next_child()? {
                let child = &child;
                #child
            }
            ::core::result::Result::Ok(Self { #(#build),* })
        }
    }

    /// Attributes, then the text content.
    fn read_text_struct(&self) -> TokenStream {
        let attrs = self.fields.iter().filter_map(|f| f.read_attr(Place::Local));
        let mut text = None;
        let build = self.fields.iter().map(|f| {
            let (ident, var, item) = (f.ident, f.local(), f.item);
            let value = match (&f.kind, f.card) {
                (Kind::Text, Card::Opt) => {
                    text = Some(quote! {
                        let text = r.read_text()?;
                        let #var = if text.is_empty() {
                            ::core::option::Option::None
                        } else {
                            ::core::option::Option::Some(
                                r.parse_value::<#item>(&text)
                                    .map_err(|e| r.error_after(start, e.into_kind()))?,
                            )
                        };
                    });
                    quote!(#var)
                }
                (Kind::Text, _) => {
                    text = Some(quote!(let #var = r.read_value::<#item>(start)?;));
                    quote!(#var)
                }
                (Kind::Skip, _) => quote!(::core::default::Default::default()),
                _ => quote!(#var),
            };
            quote!(#ident: #value)
        });
        let build: Vec<_> = build.collect();
        quote! {
            #(#attrs)*
            #text
            ::core::result::Result::Ok(Self { #(#build),* })
        }
    }

    /// Dispatches the `&StartTag` named `child` to the field it belongs to; `otherwise` runs
    /// when none takes it. Named children are matched first, then choices and flattened
    /// fields are offered it in declaration order.
    fn read_child(&self, place: Place, otherwise: &TokenStream) -> TokenStream {
        let tag = quote!(child);
        let mut arms = Vec::new();
        let mut chain = Vec::new();
        for f in &self.fields {
            let target = place.of(f);
            match &f.kind {
                Kind::Child(name) => {
                    let (ns, local) = (name.ns.tokens(), &name.local);
                    let read = read_item(&Item::Named(name.clone()), f.item, &tag);
                    let store = store(place, f.card, &target, &read);
                    arms.push(quote!(#local if #tag.ns() == #ns => #store,));
                }
                Kind::Wrapper { wrapper, item } => {
                    let (ns, local) = (wrapper.ns.tokens(), &wrapper.local);
                    let it = quote!(&it);
                    let test = match item {
                        Item::Named(name) => name.test(&quote!(it)),
                        Item::Choice => {
                            let ty = f.item;
                            quote!(<#ty as ::ews_xml::XmlChoice>::matches(&it))
                        }
                    };
                    let read = read_item(item, f.item, &it);
                    let (list, store) = match f.card {
                        Card::Many => (
                            Some(quote!(let list = &mut #target;)),
                            quote!(list.push(#read)),
                        ),
                        Card::OptMany => (
                            Some(
                                quote!(let list = #target.get_or_insert_with(::std::vec::Vec::new);),
                            ),
                            quote!(list.push(#read)),
                        ),
                        card => (None, store(place, card, &target, &read)),
                    };
                    arms.push(quote! {
                        #local if #tag.ns() == #ns => {
                            #list
                            while let ::core::option::Option::Some(it) = r.next_child()? {
                                if #test {
                                    #store;
                                } else {
                                    r.skip_element()?;
                                }
                            }
                        }
                    });
                }
                Kind::Choice(_) => {
                    let ty = f.item;
                    let read = read_item(&Item::Choice, ty, &tag);
                    let store = store(place, f.card, &target, &read);
                    chain.push(quote!(if <#ty as ::ews_xml::XmlChoice>::matches(#tag) { #store; }));
                }
                Kind::Flatten => {
                    let span = f.ty.span();
                    chain.push(quote_spanned!(span=> if #target.__xml_read_child(r, #tag)? {}));
                }
                Kind::Attr(_) | Kind::Text | Kind::Skip => {}
            }
        }
        let fallback = quote!(#(#chain else)* { #otherwise; });
        if arms.is_empty() {
            fallback
        } else {
            quote! {
                match #tag.local_name() {
                    #(#arms)*
                    _ => #fallback
                }
            }
        }
    }
}

/// Where the reading code keeps a field's value.
#[derive(Clone, Copy)]
enum Place {
    /// `self.field`, in the in-place helpers: required fields hold their value directly.
    SelfField,
    /// A local `f_field` in `read_xml`: required fields accumulate in an `Option`.
    Local,
}

impl Place {
    fn of(self, f: &Field<'_>) -> TokenStream {
        match self {
            Self::SelfField => {
                let ident = f.ident;
                quote!(self.#ident)
            }
            Self::Local => {
                let var = f.local();
                quote!(#var)
            }
        }
    }
}

/// Stores one read value `read` into `target`.
fn store(place: Place, card: Card, target: &TokenStream, read: &TokenStream) -> TokenStream {
    match (place, card) {
        (Place::SelfField, Card::One) => quote!(#target = #read),
        (_, Card::Many) => quote!(#target.push(#read)),
        _ => quote!(#target = ::core::option::Option::Some(#read)),
    }
}

/// Reads one item from the `&StartTag` expression `tag`.
fn read_item(item: &Item, ty: &Type, tag: &TokenStream) -> TokenStream {
    match item {
        Item::Named(_) => quote!(<#ty as ::ews_xml::XmlRead>::read_xml(r, #tag)?),
        Item::Choice => quote!(<#ty as ::ews_xml::XmlChoice>::read_choice(r, #tag)?),
    }
}

impl Field<'_> {
    /// Reads the attribute (or, for a flattened field, its attributes) from `start`.
    fn read_attr(&self, place: Place) -> Option<TokenStream> {
        let target = place.of(self);
        let Kind::Attr(name) = &self.kind else {
            let read_attrs = quote_spanned!(self.ty.span()=> #target.__xml_read_attrs(r, start)?;);
            return match (&self.kind, place) {
                (Kind::Flatten, Place::SelfField) => Some(read_attrs),
                (Kind::Flatten, Place::Local) => {
                    let ty = self.ty;
                    Some(quote! {
                        let mut #target: #ty = ::core::default::Default::default();
                        #read_attrs
                    })
                }
                _ => None,
            };
        };
        let get = if name.ns == Ns::NONE {
            let local = &name.local;
            quote!(start.attr(#local))
        } else {
            let name = name.tokens();
            quote!(start.attr_ns(#name))
        };
        let (item, local) = (self.item, &name.local);
        let parse = quote!(r.parse_value::<#item>(v)?);
        Some(match (self.card, place) {
            (Card::Opt, Place::SelfField) => quote! {
                if let ::core::option::Option::Some(v) = #get {
                    #target = ::core::option::Option::Some(#parse);
                }
            },
            (Card::Opt, Place::Local) => quote! {
                let #target = match #get {
                    ::core::option::Option::Some(v) => ::core::option::Option::Some(#parse),
                    ::core::option::Option::None => ::core::option::Option::None,
                };
            },
            (_, place) => {
                let assign = match place {
                    Place::SelfField => quote!(#target =),
                    Place::Local => quote!(let #target =),
                };
                quote! {
                    #assign match #get {
                        ::core::option::Option::Some(v) => #parse,
                        ::core::option::Option::None => return ::core::result::Result::Err(
                            r.error(::ews_xml::ReadErrorKind::MissingAttribute(#local)),
                        ),
                    };
                }
            }
        })
    }
}
