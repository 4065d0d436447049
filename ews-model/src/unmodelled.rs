//! Elements the model keeps without modelling them (`ews_xml::Element`), and how they
//! serialize with serde: as their XML text.
//!
//! Exchange Online adds complex elements to items (entity extraction, mentions, likes,
//! rights-management licences, predicted actions...). They are read into an
//! [`Element`] and written back unchanged, so a read-modify-write keeps them.

#[cfg(feature = "serde")]
use ews_xml::{Element, Reader, Writer, XmlChoice, XmlRead};

/// The XML text of `element` (with namespace declarations).
#[cfg(feature = "serde")]
pub(crate) fn to_xml(element: &Element) -> Result<String, String> {
    let mut out = Vec::new();
    let mut w = Writer::new(&mut out);
    element.write_choice(&mut w).map_err(|e| e.to_string())?;
    w.finish().map_err(|e| e.to_string())?;
    String::from_utf8(out).map_err(|e| e.to_string())
}

/// Parses the XML text of one element.
#[cfg(feature = "serde")]
pub(crate) fn from_xml(text: &str) -> Result<Element, String> {
    let mut r = Reader::from_bytes(text.as_bytes());
    let root = r.root().map_err(|e| e.to_string())?;
    Element::read_xml(&mut r, &root).map_err(|e| e.to_string())
}

/// serde for `Option<Element>`: `None`, or the element's XML text.
#[cfg(feature = "serde")]
pub(crate) mod opt {
    use ews_xml::Element;
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _, ser::Error as _};

    pub(crate) fn serialize<S: Serializer>(v: &Option<Element>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(e) => s.serialize_some(&super::to_xml(e).map_err(S::Error::custom)?),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Element>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|t| super::from_xml(&t).map_err(D::Error::custom))
            .transpose()
    }
}

/// serde for `Vec<Element>`: a list of XML texts.
#[cfg(feature = "serde")]
pub(crate) mod list {
    use ews_xml::Element;
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _, ser::Error as _};

    pub(crate) fn serialize<S: Serializer>(v: &[Element], s: S) -> Result<S::Ok, S::Error> {
        let texts = v
            .iter()
            .map(super::to_xml)
            .collect::<Result<Vec<_>, _>>()
            .map_err(S::Error::custom)?;
        s.collect_seq(texts)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Element>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|t| super::from_xml(t).map_err(D::Error::custom))
            .collect()
    }
}

/// serde for a `QName`: `{namespace}local`, or `local` without a namespace.
#[cfg(feature = "serde")]
pub(crate) mod qname {
    use ews_xml::QName;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(v: &QName, s: S) -> Result<S::Ok, S::Error> {
        let uri = v.namespace_uri();
        if uri.is_empty() {
            s.serialize_str(v.local_name())
        } else {
            s.serialize_str(&format!("{{{uri}}}{}", v.local_name()))
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<QName, D::Error> {
        let text = String::deserialize(d)?;
        Ok(
            match text.strip_prefix('{').and_then(|t| t.split_once('}')) {
                Some((uri, local)) => QName::new(Some(uri.to_owned()), local.to_owned()),
                None => QName::unqualified(&text),
            },
        )
    }
}

/// serde for the attributes of an unknown element: a list of `[name, value]` pairs, names as
/// in [`qname`].
#[cfg(feature = "serde")]
pub(crate) mod attributes {
    use ews_xml::QName;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Attr(#[serde(with = "super::qname")] QName, String);

    pub(crate) fn serialize<S: Serializer>(v: &[(QName, String)], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|(n, v)| Attr(n.clone(), v.clone())))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(QName, String)>, D::Error> {
        Ok(Vec::<Attr>::deserialize(d)?
            .into_iter()
            .map(|Attr(n, v)| (n, v))
            .collect())
    }
}
