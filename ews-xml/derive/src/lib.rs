//! Derive macros for the `ews-xml` codec traits: `#[derive(XmlWrite, XmlRead)]` for elements
//! and choices of elements, `#[derive(XmlValue)]` for text values.
//!
//! This crate owns the code generation only: reading the `#[xml(...)]` attributes and
//! reporting misuse as compile errors. The traits, the reader and the writer the generated
//! code calls belong to `ews-xml`, and the EWS types derived with it to `ews-model`.
//!
//! Use them through `ews-xml` (feature `derive`, on by default), which re-exports them under the
//! names of the traits they implement: `use ews_xml::{XmlRead, XmlValue, XmlWrite};`. The
//! generated code names `::ews_xml`, so the crate must be a dependency under that name.
//!
//! Everything is configured with `#[xml(...)]` attributes: keys separated by commas, each a
//! flag (`text`) or `key = "string"` (`name = "Subject"`). A misplaced or misspelt key is a
//! compile error pointing at it.
//!
//! # The grammar at a glance
//! ```text
//! struct:          #[xml(ns = "t", name = "Mailbox")]        both optional
//!   field:         (nothing) | name = "X" | ns = "m"          child element(s)
//!                  attr | attr = "X" [, ns = "xml"]           attribute
//!                  text                                       text content
//!                  wrapper = "W", item = "I" [, ns = "m"] [, item_ns = "t"]
//!                  wrapper = "W", choice [, ns = "m"]         items inside a wrapper element
//!                  choice                                     element(s) of a choice enum
//!                  flatten                                    another struct's fields, inline
//!                  skip                                       not XML at all
//! choice enum:     #[xml(choice, ns = "t")]                   (derive XmlWrite and XmlRead)
//!   variant:       name = "X" | ns = "m" | other
//! XmlValue enum:   (no container keys)
//!   variant:       rename = "X" | other
//! ```
//!
//! # Namespaces
//! `ns = "..."` takes the short forms: `"t"` (EWS types), `"m"` (EWS messages), `"e"` (EWS
//! errors), `"soap"` (or `"s"`, the SOAP 1.1 envelope), `"xsi"`, `"xml"` (attributes only) and
//! `""` (no namespace). Names are always matched by namespace and local name, whatever prefix
//! (or default namespace) a document uses.
//!
//! # Example
//! ```
//! use ews_xml::{Reader, XmlElement, XmlRead, XmlValue, XmlWrite};
//!
//! #[derive(Debug, PartialEq, XmlWrite, XmlRead)]
//! #[xml(ns = "t", name = "Mailbox")]      // both optional
//! struct Mailbox {
//!     name: Option<String>,               // <t:Name>…</t:Name>, written when Some
//!     email_address: String,              // <t:EmailAddress>…</t:EmailAddress>, required
//!     #[xml(name = "RoutingType")]
//!     routing: Option<RoutingType>,       // an enum deriving XmlValue
//!     #[xml(attr = "Id")]
//!     id: Option<String>,                 // Id="…"
//! }
//!
//! #[derive(Debug, PartialEq, XmlValue)]
//! enum RoutingType {
//!     #[xml(rename = "SMTP")]
//!     Smtp,
//!     #[xml(other)]
//!     Other(String),
//! }
//!
//! let mailbox = Mailbox {
//!     name: None,
//!     email_address: "ann@example.com".into(),
//!     routing: Some(RoutingType::Smtp),
//!     id: Some("1".into()),
//! };
//! let xml = String::from_utf8(ews_xml::to_vec(&mailbox, Mailbox::NAME)?)?;
//! assert!(xml.starts_with("<t:Mailbox xmlns:"));
//! assert!(xml.ends_with(concat!(
//!     r#" Id="1"><t:EmailAddress>ann@example.com</t:EmailAddress>"#,
//!     "<t:RoutingType>SMTP</t:RoutingType></t:Mailbox>",
//! )));
//!
//! // Any prefix, any order; unknown elements are skipped.
//! let doc = r#"<Mailbox xmlns="http://schemas.microsoft.com/exchange/services/2006/types" Id="1">
//!     <RoutingType>SMTP</RoutingType><Future/><EmailAddress>ann@example.com</EmailAddress>
//!   </Mailbox>"#;
//! let mut r = Reader::from_bytes(doc.as_bytes());
//! let root = r.root()?;
//! assert_eq!(Mailbox::read_xml(&mut r, &root)?, mailbox);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Structs: `#[derive(XmlWrite, XmlRead)]`
//! A struct with named fields is an element; its fields are its attributes, its children or its
//! text. Unit structs and structs without fields are empty elements.
//!
//! ## Container keys
//! - `ns = "t"`: the default namespace of the fields' elements (default `"t"`).
//! - `name = "Mailbox"`: the struct's own element name; the `XmlWrite` derive then also
//!   implements `XmlElement` with `NAME = Name::new(ns, "Mailbox")` (needed for instance by
//!   `soap::write_request`). The name of the element is otherwise chosen by whoever writes or
//!   reads it (the parent's field), so one type can serve several element names.
//!
//! ## Field kinds
//! The type of a field decides, syntactically, how many values it holds: `Option<T>` is
//! optional, `Vec<T>` repeated, `Option<Vec<T>>` an optional list (with `wrapper` only), any
//! other type is required. A required element or attribute that is missing is a read error
//! (`ReadErrorKind::MissingElement` / `MissingAttribute` with the local name; the error's path
//! is the element that lacks it).
//!
//! **Child element** (no key, or `name`/`ns`): `T: XmlWrite + XmlRead` (every `XmlValue` is
//! both, as an element with text content). The name is the field name in PascalCase
//! (`email_address` → `EmailAddress`, `r#type` → `Type`) in the container's namespace.
//! `Vec<T>` writes one element per item, all with the same name, in order.
//! ```ignore
//! #[xml(name = "ItemClass")] class: Option<String>,   // <t:ItemClass>
//! #[xml(ns = "m")] response_code: Option<ResponseCode>, // <m:ResponseCode>
//! #[xml(ns = "m", name = "Foo")] foo: Vec<Foo>,         // <m:Foo/><m:Foo/>…
//! ```
//!
//! **Attribute** (`attr` or `attr = "Id"`): `T` or `Option<T>` with `T: XmlValue`. Without a
//! value the name is the field name in PascalCase. Attributes have no namespace unless `ns` is
//! given (`ns = "xml"` for `xml:lang`, `ns = "xsi"` for `xsi:nil`; the container's `ns` does not
//! apply to attributes).
//! ```ignore
//! #[xml(attr = "Id")] id: String,            // Id="…", required
//! #[xml(attr)] change_key: Option<String>,   // ChangeKey="…", optional
//! #[xml(attr = "lang", ns = "xml")] lang: Option<String>,
//! ```
//!
//! **Text content** (`text`): `T` or `Option<T>` with `T: XmlValue`; at most one per struct,
//! and then the struct has only `attr` and `skip` fields besides. `Option<T>` reads empty text
//! as `None`.
//! ```ignore
//! #[derive(XmlWrite, XmlRead)]
//! struct Body {
//!     #[xml(attr = "BodyType")] body_type: BodyType,
//!     #[xml(text)] content: String,          // <t:Body BodyType="HTML">…</t:Body>
//! }
//! ```
//!
//! **Wrapper list** (`wrapper = "W", item = "I"`): the items inside one wrapper element,
//! `<t:ToRecipients><t:Mailbox/><t:Mailbox/></t:ToRecipients>`. The wrapper is in the field's
//! namespace (`ns`, default the container's), the items in `item_ns` (default: the wrapper's).
//! - `Vec<T>`: the wrapper is written only when the list is not empty.
//! - `Option<Vec<T>>`: the wrapper is written when `Some`, even empty.
//! - `T` / `Option<T>`: a wrapper around a single item (`<t:Organizer><t:Mailbox/></t:Organizer>`);
//!   a required one that is missing reports the wrapper's name.
//!
//! Elements inside the wrapper with another name are skipped; a repeated wrapper adds to the
//! list. With `choice` instead of `item`
//! the items are the elements of a choice enum (`T: XmlChoice`).
//! ```ignore
//! #[xml(wrapper = "ToRecipients", item = "Mailbox")] to: Vec<Mailbox>,
//! #[xml(ns = "m", wrapper = "ItemIds", item = "ItemId", item_ns = "t")] ids: Vec<ItemId>,
//! #[xml(ns = "m", wrapper = "Items", choice)] items: Option<Vec<Item>>,
//! #[xml(wrapper = "Organizer", item = "Mailbox")] organizer: Option<Mailbox>,
//! ```
//!
//! **Choice** (`choice`): `T`, `Option<T>` or `Vec<T>` where `T: XmlChoice` (an enum deriving
//! `XmlWrite, XmlRead` with `#[xml(choice)]`): the element name selects the variant. Each value
//! is written with `XmlChoice::write_choice`; on read, a child is taken when `T::matches` it.
//! A required choice that is missing reports the field name in PascalCase.
//! ```ignore
//! #[xml(choice)] folder_id: FolderIdChoice,   // <t:FolderId/> or <t:DistinguishedFolderId/>
//! ```
//!
//! **Flatten** (`flatten`): a field whose type is a struct that also derives the traits (and
//! implements `Default`) is written inline: its attributes among ours (at the field's place),
//! its children at the field's place in our sequence. This is how schema type extension
//! (`xs:extension`, e.g. `MessageType` extends `ItemType`) is modelled. While reading, the
//! attributes and the children that none of our own fields claims are offered to it. The
//! flattened value starts as `Default::default()` and is filled in place, so its own required
//! child elements are not checked (its required attributes are). A struct with a `text` field
//! cannot be flattened.
//! ```ignore
//! #[derive(XmlWrite, XmlRead)]
//! struct Message {
//!     #[xml(flatten)] item: ItemFields,        // ItemId, Subject, … first
//!     #[xml(wrapper = "ToRecipients", item = "Mailbox")] to: Vec<Mailbox>,
//! }
//! ```
//!
//! **Skip** (`skip`): neither read nor written; `T: Default`.
//!
//! Several keys combine with commas: `#[xml(ns = "m", name = "Items")]`,
//! `#[xml(attr = "Id", ns = "xsi")]`, `#[xml(wrapper = "Items", choice)]`.
//!
//! ## Order and leniency
//! Children are written in field declaration order: it is the schema's `xs:sequence` order, and
//! Exchange rejects requests whose elements are out of order. Reading accepts the children in
//! any order, skips unknown children and attributes (newer servers send more), and keeps the
//! last value of a repeated non-`Vec` element. Among the children that no named field claims,
//! `choice` and `flatten` fields are asked in declaration order. Text between children is
//! ignored.
//!
//! ## Generated items
//! Besides the trait impls, a struct gets `#[doc(hidden)]` inherent methods used by `flatten`:
//! `__xml_write_attrs`, `__xml_write_children` (from `XmlWrite`), `__xml_read_attrs` and
//! `__xml_read_child` (from `XmlRead`). They are not part of the API.
//!
//! # Choices: `#[derive(XmlWrite, XmlRead)]` with `#[xml(choice)]` on an enum
//! An `xs:choice` of elements: the element name says which variant. Each variant is a newtype
//! `Variant(T)` with `T: XmlWrite + XmlRead` whose element name is the variant name (override
//! with `name`, the namespace with `ns`; the container's `ns`, default `"t"`, applies to all), or
//! a unit variant for an empty element (written `<t:Foo/>`, its content skipped on read).
//!
//! One variant may be `#[xml(other)] Variant(T)` where `T: XmlChoice`: it gets every element the
//! named variants do not (`matches` is true when `T::matches` is; reading tries the named
//! variants first). Without it, reading an element of no variant is an `UnexpectedElement`
//! error.
//!
//! The pair of derives implements `XmlChoice` (not `XmlWrite`/`XmlRead`: a choice has no name
//! of its own). **List both derives**: `XmlRead` emits the whole `XmlChoice` impl and `XmlWrite`
//! emits nothing, so that deriving both does not implement the trait twice.
//! ```ignore
//! #[derive(XmlWrite, XmlRead)]
//! #[xml(choice, ns = "t")]
//! enum Item {
//!     Message(Message),                           // <t:Message>
//!     #[xml(name = "CalendarItem")] Calendar(CalendarItem),
//!     #[xml(name = "SharingMessage", ns = "t")] Sharing(Message),
//!     Flagged,                                    // <t:Flagged/>
//!     #[xml(other)] Unknown(AnyElement),          // AnyElement: XmlChoice, matches anything
//! }
//! ```
//!
//! # Text values: `#[derive(XmlValue)]`
//! On an enum of unit variants (an enumeration of the schema): the text is the variant name, or
//! `rename`. Reading trims XML whitespace and then matches exactly (the schema is
//! case-sensitive). Unknown text is `ValueError::expected("one of A, B, C")`, unless a variant
//! `#[xml(other)] Other(String)` keeps it (and writes it back verbatim; any type that is
//! `AsRef<str>` and `From<&str>` works).
//! ```ignore
//! #[derive(XmlValue)]
//! enum BodyType {
//!     #[xml(rename = "HTML")] Html,
//!     Text,
//!     #[xml(other)] Other(String),
//! }
//! ```
//! On a struct with exactly one field (`struct ChangeKey(String);`) it delegates to that
//! field's type.
//!
//! An `XmlValue` is an `XmlWrite` and `XmlRead` through blanket impls (an element with text
//! content), so do not derive those too.

mod attr;
mod choice;
mod structs;
mod value;

use proc_macro::TokenStream;
use syn::{Data, DeriveInput, parse_macro_input};

/// Implements `ews_xml::XmlWrite` for a struct (and `XmlElement` when it has
/// `#[xml(name = "...")]`); on a `#[xml(choice)]` enum, see [the crate docs](crate).
#[proc_macro_derive(XmlWrite, attributes(xml))]
pub fn derive_xml_write(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    xml_write(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Implements `ews_xml::XmlRead` for a struct, or `ews_xml::XmlChoice` for a `#[xml(choice)]`
/// enum; see [the crate docs](crate).
#[proc_macro_derive(XmlRead, attributes(xml))]
pub fn derive_xml_read(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    xml_read(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Implements `ews_xml::XmlValue` for an enum of unit variants or a newtype struct; see
/// [the crate docs](crate).
#[proc_macro_derive(XmlValue, attributes(xml))]
pub fn derive_xml_value(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    value::derive(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

fn xml_write(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    match &input.data {
        Data::Struct(data) => structs::Struct::parse(input, &data.fields).map(|s| s.write()),
        // `XmlRead` emits the whole `XmlChoice` impl.
        Data::Enum(_) => choice::check(input).map(|()| proc_macro2::TokenStream::new()),
        Data::Union(_) => Err(union_error(input)),
    }
}

fn xml_read(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    match &input.data {
        Data::Struct(data) => structs::Struct::parse(input, &data.fields).map(|s| s.read()),
        Data::Enum(data) => choice::derive(input, data),
        Data::Union(_) => Err(union_error(input)),
    }
}

fn union_error(input: &DeriveInput) -> syn::Error {
    syn::Error::new(
        input.ident.span(),
        "XmlWrite and XmlRead cannot be derived for a union",
    )
}

#[cfg(test)]
mod tests;

// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
