//! [`GenericItem`]: an item element this crate does not know, kept whole.

use ews_xml::{
    Element, Name, QName, ReadError, Reader, StartTag, WriteError, Writer, XmlChoice, XmlRead,
};

use super::ItemBase;

/// An item of a kind the model does not know (a newer server's type, or one not modelled such
/// as `t:SharingMessage`): its name, the [`ItemBase`] elements it has (ids, subject, dates...)
/// and everything else kept whole, so it is written back as it came.
///
/// Elements other than the item base's come back after them when written (the schema puts a
/// derived type's own elements after the base's, so the order is kept for the schema's types).
///
/// See [Items](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/items).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GenericItem {
    /// The element's name (`t:SharingMessage`, ...).
    #[cfg_attr(feature = "serde", serde(with = "super::unmodelled::qname"))]
    pub name: QName,
    /// The attributes, in document order.
    #[cfg_attr(feature = "serde", serde(with = "attributes"))]
    pub attributes: Vec<(QName, String)>,
    /// The item base elements.
    pub item: ItemBase,
    /// The other child elements, in document order.
    #[cfg_attr(feature = "serde", serde(with = "super::unmodelled::list"))]
    pub other: Vec<Element>,
}

impl GenericItem {
    /// An empty item element called `name` (in the types namespace).
    pub fn new(local_name: impl Into<String>) -> Self {
        Self {
            name: QName::new(Some(ews_xml::NS_TYPES.to_owned()), local_name.into()),
            attributes: Vec::new(),
            item: ItemBase::default(),
            other: Vec::new(),
        }
    }
}

impl XmlChoice for GenericItem {
    fn write_choice(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
        w.start_uri(self.name.namespace_uri(), self.name.local_name())?;
        for (n, v) in &self.attributes {
            w.attr_uri(n.namespace_uri(), n.local_name(), v)?;
        }
        self.item.__xml_write_attrs(w)?;
        self.item.__xml_write_children(w)?;
        for e in &self.other {
            e.write_choice(w)?;
        }
        w.end()
    }

    fn matches(_start: &StartTag) -> bool {
        true
    }

    fn read_choice(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let mut item = ItemBase::default();
        item.__xml_read_attrs(r, start)?;
        let mut other = Vec::new();
        while let Some(child) = r.next_child()? {
            if !item.__xml_read_child(r, &child)? {
                other.push(Element::read_xml(r, &child)?);
            }
        }
        Ok(Self {
            name: start.name().clone(),
            attributes: start
                .attributes()
                .iter()
                .map(|a| (a.name().clone(), a.value().to_owned()))
                .collect(),
            item,
            other,
        })
    }
}

impl ews_xml::XmlWrite for GenericItem {
    /// Writes the item under `name` instead of its own name.
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        for (n, v) in &self.attributes {
            w.attr_uri(n.namespace_uri(), n.local_name(), v)?;
        }
        self.item.__xml_write_children(w)?;
        for e in &self.other {
            e.write_choice(w)?;
        }
        w.end()
    }
}

/// serde for the attributes: a list of `[name, value]` pairs, names as in
/// [`unmodelled::qname`](super::unmodelled).
#[cfg(feature = "serde")]
mod attributes {
    use ews_xml::QName;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Attr(
        #[serde(with = "super::super::unmodelled::qname")] QName,
        String,
    );

    pub(super) fn serialize<S: Serializer>(v: &[(QName, String)], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|(n, v)| Attr(n.clone(), v.clone())))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(QName, String)>, D::Error> {
        Ok(Vec::<Attr>::deserialize(d)?
            .into_iter()
            .map(|Attr(n, v)| (n, v))
            .collect())
    }
}
