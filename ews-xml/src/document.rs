//! Whole documents of one element: a value written as a document of its own, a document read
//! back as a value. For storing and loading EWS values offline, and for tests.

use crate::{
    Name, ReadError, ReadErrorKind, Reader, WriteError, Writer, XmlChoice, XmlRead, XmlWrite,
};

/// `value` written as the root element `name` of a document of its own.
///
/// ```
/// use ews_xml::{Name, XmlRead, XmlWrite};
///
/// #[derive(Debug, PartialEq, XmlWrite, XmlRead)]
/// struct Mailbox {
///     name: Option<String>,
///     email_address: Option<String>,
/// }
///
/// let mailbox = Mailbox { name: Some("Alice".into()), email_address: Some("alice@example.com".into()) };
/// let doc = ews_xml::to_vec(&mailbox, Name::t("Mailbox"))?;
/// assert!(String::from_utf8_lossy(&doc).contains("<t:Name>Alice</t:Name>"));
/// let back: Mailbox = ews_xml::from_slice(&doc)?;
/// assert_eq!(back, mailbox);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_vec<T: XmlWrite + ?Sized>(value: &T, name: Name<'_>) -> Result<Vec<u8>, WriteError> {
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    value.write_xml(&mut w, name)?;
    w.finish()?;
    Ok(out)
}

/// The root element of `doc` read as a `T`, whatever its name; the rest of the document is
/// read too, so a document that is not well-formed after the root element is an error.
pub fn from_slice<T: XmlRead>(doc: &[u8]) -> Result<T, ReadError> {
    let mut r = Reader::from_bytes(doc);
    let root = r.root()?;
    let value = T::read_xml(&mut r, &root)?;
    r.read_to_end()?;
    Ok(value)
}

/// A choice (an item, a folder, an attachment ...) written as the root element of a document
/// of its own, under its own element name.
pub fn choice_to_vec<T: XmlChoice>(value: &T) -> Result<Vec<u8>, WriteError> {
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    value.write_choice(&mut w)?;
    w.finish()?;
    Ok(out)
}

/// The root element of `doc` read as a choice `T`; a root element that is none of the choices
/// is [`ReadErrorKind::UnexpectedElement`].
pub fn choice_from_slice<T: XmlChoice>(doc: &[u8]) -> Result<T, ReadError> {
    let mut r = Reader::from_bytes(doc);
    let root = r.root()?;
    if !T::matches(&root) {
        return Err(r.error(ReadErrorKind::UnexpectedElement {
            found: root.name().to_string(),
        }));
    }
    let value = T::read_choice(&mut r, &root)?;
    r.read_to_end()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StartTag;

    #[derive(Debug, PartialEq)]
    enum Shape {
        Circle(u32),
    }

    impl XmlChoice for Shape {
        fn write_choice(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
            let Self::Circle(r) = self;
            r.write_xml(w, Name::t("Circle"))
        }
        fn matches(start: &StartTag) -> bool {
            start.is(Name::t("Circle"))
        }
        fn read_choice(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
            r.read_value(start).map(Self::Circle)
        }
    }

    #[test]
    fn values_round_trip_through_documents() {
        let doc = to_vec(&42u32, Name::t("Count")).unwrap();
        assert_eq!(from_slice::<u32>(&doc).unwrap(), 42);
        let doc = choice_to_vec(&Shape::Circle(3)).unwrap();
        assert_eq!(choice_from_slice::<Shape>(&doc).unwrap(), Shape::Circle(3));
    }

    #[test]
    fn a_root_of_no_choice_is_an_unexpected_element() {
        let doc = to_vec(&3u32, Name::t("Square")).unwrap();
        let e = choice_from_slice::<Shape>(&doc).unwrap_err();
        assert!(
            matches!(e.kind(), ReadErrorKind::UnexpectedElement { found } if found == "t:Square"),
            "{e}"
        );
    }

    #[test]
    fn what_follows_the_root_is_checked() {
        let e = from_slice::<u32>(b"<a>1</a><b/>").unwrap_err();
        assert!(matches!(e.kind(), ReadErrorKind::Syntax(_)), "{e}");
    }
}
