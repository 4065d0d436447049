//! What [`GenericItem`](crate::items::GenericItem),
//! [`GenericFolder`](crate::folders::GenericFolder) and
//! [`GenericAttachment`](crate::attachments::GenericAttachment) share: an element of a kind
//! this crate does not know, read as its name, its attributes, the base elements of its
//! family (item, folder or attachment) and every other child kept whole.
//!
//! Writing puts the base elements first and the others after them, as the schema orders a
//! derived type's own elements after its base's.

use ews_xml::{
    Element, Name, QName, ReadError, Reader, StartTag, WriteError, Writer, XmlChoice, XmlRead,
};

/// A struct whose elements can be flattened into another element: the helpers the
/// `XmlWrite`/`XmlRead` derives generate, as a trait.
pub(crate) trait Flattened: Default {
    fn write_attrs(&self, w: &mut Writer<'_>) -> Result<(), WriteError>;
    fn write_children(&self, w: &mut Writer<'_>) -> Result<(), WriteError>;
    fn read_attrs(&mut self, r: &Reader<'_>, start: &StartTag) -> Result<(), ReadError>;
    fn read_child(&mut self, r: &mut Reader<'_>, child: &StartTag) -> Result<bool, ReadError>;
}

macro_rules! flattened {
    ($($t:ty),* $(,)?) => {$(
        impl Flattened for $t {
            fn write_attrs(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
                self.__xml_write_attrs(w)
            }
            fn write_children(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
                self.__xml_write_children(w)
            }
            fn read_attrs(&mut self, r: &Reader<'_>, start: &StartTag) -> Result<(), ReadError> {
                self.__xml_read_attrs(r, start)
            }
            fn read_child(
                &mut self,
                r: &mut Reader<'_>,
                child: &StartTag,
            ) -> Result<bool, ReadError> {
                self.__xml_read_child(r, child)
            }
        }
    )*};
}

flattened!(
    crate::items::ItemBase,
    crate::folders::FolderBase,
    crate::attachments::AttachmentBase,
);

/// The parts of an unknown element, as read.
pub(crate) struct Parts<B> {
    pub(crate) name: QName,
    pub(crate) attributes: Vec<(QName, String)>,
    pub(crate) base: B,
    pub(crate) other: Vec<Element>,
}

/// Reads the element `start`: its base elements into a `B`, everything else kept.
pub(crate) fn read<B: Flattened>(
    r: &mut Reader<'_>,
    start: &StartTag,
) -> Result<Parts<B>, ReadError> {
    let mut base = B::default();
    base.read_attrs(r, start)?;
    let mut other = Vec::new();
    while let Some(child) = r.next_child()? {
        if !base.read_child(r, &child)? {
            other.push(Element::read_xml(r, &child)?);
        }
    }
    Ok(Parts {
        name: start.name().clone(),
        attributes: start
            .attributes()
            .iter()
            .map(|a| (a.name().clone(), a.value().to_owned()))
            .collect(),
        base,
        other,
    })
}

/// Writes the element `name` (or under `rename` instead) with its attributes, base elements
/// and other elements.
pub(crate) fn write<B: Flattened>(
    w: &mut Writer<'_>,
    rename: Option<Name<'_>>,
    name: &QName,
    attributes: &[(QName, String)],
    base: &B,
    other: &[Element],
) -> Result<(), WriteError> {
    match rename {
        Some(rename) => w.start(rename)?,
        None => w.start_uri(name.namespace_uri(), name.local_name())?,
    }
    for (n, v) in attributes {
        w.attr_uri(n.namespace_uri(), n.local_name(), v)?;
    }
    base.write_attrs(w)?;
    base.write_children(w)?;
    for e in other {
        e.write_choice(w)?;
    }
    w.end()
}

/// Implements `XmlChoice` (matching every element) and `XmlWrite` for a generic element
/// struct with the fields `name`, `attributes`, `other` and its base in the field `$base`.
macro_rules! generic_element {
    ($t:ty, $base:ident) => {
        impl ews_xml::XmlChoice for $t {
            fn write_choice(&self, w: &mut ews_xml::Writer<'_>) -> Result<(), ews_xml::WriteError> {
                let Self {
                    name,
                    attributes,
                    $base,
                    other,
                } = self;
                crate::unknown::write(w, None, name, attributes, $base, other)
            }

            fn matches(_start: &ews_xml::StartTag) -> bool {
                true
            }

            fn read_choice(
                r: &mut ews_xml::Reader<'_>,
                start: &ews_xml::StartTag,
            ) -> Result<Self, ews_xml::ReadError> {
                let p = crate::unknown::read(r, start)?;
                Ok(Self {
                    name: p.name,
                    attributes: p.attributes,
                    $base: p.base,
                    other: p.other,
                })
            }
        }

        impl ews_xml::XmlWrite for $t {
            /// Writes the element under `rename` instead of its own name.
            fn write_xml(
                &self,
                w: &mut ews_xml::Writer<'_>,
                rename: ews_xml::Name<'_>,
            ) -> Result<(), ews_xml::WriteError> {
                let Self {
                    name,
                    attributes,
                    $base,
                    other,
                } = self;
                crate::unknown::write(w, Some(rename), name, attributes, $base, other)
            }
        }
    };
}
pub(crate) use generic_element;
