//! `XmlWrite` and `XmlRead` for structs.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
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
