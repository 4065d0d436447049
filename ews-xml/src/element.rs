//! A generic element tree, for content this crate's users do not model (yet).

use crate::{
    Event, Name, Ns, QName, ReadError, ReadErrorKind, Reader, StartTag, WriteError, Writer,
    XmlChoice, XmlRead, XmlWrite,
};

/// A node of an [`Element`]'s content.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Text.
    Text(String),
}

/// Any element, kept whole: name, attributes and content.
///
/// It reads any element and writes it back (with the writer's prefixes), so an element a
/// newer server sends survives a read-modify-write. As an [`XmlChoice`] it matches every
/// element, which makes it the natural `#[xml(other)]` catch-all of a choice.
///
/// ```
/// use ews_xml::{Element, Reader, XmlRead};
///
/// let doc = br#"<t:Future xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Kind="x"><t:Part>1</t:Part></t:Future>"#;
/// let mut r = Reader::from_bytes(doc);
/// let start = r.root()?;
/// let e = Element::read_xml(&mut r, &start)?;
/// assert_eq!(e.name.local_name(), "Future");
/// assert_eq!(e.attr("Kind"), Some("x"));
/// assert_eq!(e.child("Part").and_then(|p| p.text()), Some("1".to_owned()));
/// # Ok::<(), ews_xml::ReadError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Element {
    /// The name.
    pub name: QName,
    /// Attributes as `(name, value)`, in document order.
    pub attributes: Vec<(QName, String)>,
    /// Content in document order.
    pub children: Vec<Node>,
}

impl Element {
    /// The value of the unprefixed attribute `local`.
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n.is(Name::new(Ns::None, local)))
            .map(|(_, v)| v.as_str())
    }
    /// The first child element with this local name.
    pub fn child(&self, local: &str) -> Option<&Self> {
        self.elements().find(|e| e.name.local_name() == local)
    }
    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Self> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }
    /// The concatenated text directly inside this element, if any.
    pub fn text(&self) -> Option<String> {
        let mut out: Option<String> = None;
        for n in &self.children {
            if let Node::Text(t) = n {
                out.get_or_insert_with(String::new).push_str(t);
            }
        }
        out
    }

    fn write_content(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
        for (n, v) in &self.attributes {
            w.attr_uri(n.namespace_uri(), n.local_name(), v)?;
        }
        for node in &self.children {
            match node {
                Node::Text(t) => w.text(t)?,
                Node::Element(e) => e.write_choice(w)?,
            }
        }
        w.end()
    }
}

impl XmlRead for Element {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let attributes = start
            .attributes()
            .iter()
            .map(|a| (a.name().clone(), a.value().to_owned()))
            .collect();
        let mut children = Vec::new();
        loop {
            match r.next_event()? {
                Event::Start(tag) => children.push(Node::Element(Self::read_xml(r, &tag)?)),
                Event::Text(t) if t.trim().is_empty() => {}
                Event::Text(t) => children.push(Node::Text(t)),
                Event::End => break,
                Event::Eof => return Err(r.error(ReadErrorKind::Truncated)),
            }
        }
        Ok(Self {
            name: start.name().clone(),
            attributes,
            children,
        })
    }
}

impl XmlWrite for Element {
    /// Writes the content under `name` instead of the element's own name.
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        self.write_content(w)
    }
}

impl XmlChoice for Element {
    fn write_choice(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
        w.start_uri(self.name.namespace_uri(), self.name.local_name())?;
        self.write_content(w)
    }
    fn matches(_start: &StartTag) -> bool {
        true
    }
    fn read_choice(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        Self::read_xml(r, start)
    }
}
