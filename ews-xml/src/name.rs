//! Namespaces and element names.

use std::fmt;

/// The SOAP 1.1 envelope namespace.
pub const NS_SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";
/// The EWS messages namespace (`m:`), home of requests and responses.
pub const NS_MESSAGES: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";
/// The EWS types namespace (`t:`), home of items, folders and properties.
pub const NS_TYPES: &str = "http://schemas.microsoft.com/exchange/services/2006/types";
/// The EWS errors namespace (`e:`), used in SOAP fault details.
pub const NS_ERRORS: &str = "http://schemas.microsoft.com/exchange/services/2006/errors";
/// The XML Schema instance namespace (`xsi:`).
pub const NS_XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
/// The `xml:` namespace (`xml:lang`).
pub const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";

/// A namespace, resolved from whatever prefix the document used.
///
/// Documents may bind EWS namespaces to any prefix (`s:`, `soap:`, `m:`, `t:`) or make them
/// the default namespace; names are always matched by namespace, never by prefix.
/// A namespace EWS does not use is [`Ns::Other`]; its URI is kept by the
/// [`StartTag`](crate::StartTag) or [`Attribute`](crate::Attribute) that carries it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Ns {
    /// No namespace.
    None,
    /// SOAP 1.1 envelope ([`NS_SOAP`]).
    Soap,
    /// EWS messages ([`NS_MESSAGES`]).
    Messages,
    /// EWS types ([`NS_TYPES`]).
    Types,
    /// EWS errors ([`NS_ERRORS`]).
    Errors,
    /// XML Schema instance ([`NS_XSI`]).
    Xsi,
    /// The `xml:` namespace ([`NS_XML`]).
    Xml,
    /// Any other namespace.
    Other,
}

impl Ns {
    /// Classifies a namespace URI.
    pub fn from_uri(uri: &str) -> Self {
        match uri {
            "" => Self::None,
            NS_TYPES => Self::Types,
            NS_MESSAGES => Self::Messages,
            NS_SOAP => Self::Soap,
            NS_ERRORS => Self::Errors,
            NS_XSI => Self::Xsi,
            NS_XML => Self::Xml,
            _ => Self::Other,
        }
    }

    /// The URI of a known namespace (`None` for [`Ns::None`] and [`Ns::Other`]).
    pub fn uri(self) -> Option<&'static str> {
        match self {
            Self::Soap => Some(NS_SOAP),
            Self::Messages => Some(NS_MESSAGES),
            Self::Types => Some(NS_TYPES),
            Self::Errors => Some(NS_ERRORS),
            Self::Xsi => Some(NS_XSI),
            Self::Xml => Some(NS_XML),
            Self::None | Self::Other => None,
        }
    }

    /// The prefix the [`Writer`](crate::Writer) uses for a known namespace.
    pub fn prefix(self) -> Option<&'static str> {
        match self {
            Self::Soap => Some("soap"),
            Self::Messages => Some("m"),
            Self::Types => Some("t"),
            Self::Errors => Some("e"),
            Self::Xsi => Some("xsi"),
            Self::Xml => Some("xml"),
            Self::None | Self::Other => None,
        }
    }

    /// Parses the short forms used in `#[xml(ns = "...")]`: `soap`, `m`, `t`, `e`, `xsi`, `xml`
    /// or `""` for no namespace.
    pub fn from_prefix(prefix: &str) -> Option<Self> {
        Some(match prefix {
            "" => Self::None,
            "soap" | "s" => Self::Soap,
            "m" => Self::Messages,
            "t" => Self::Types,
            "e" => Self::Errors,
            "xsi" => Self::Xsi,
            "xml" => Self::Xml,
            _ => return None,
        })
    }
}

/// An element or attribute name in a known namespace, as written by the [`Writer`](crate::Writer)
/// and declared by `#[xml(...)]` attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Name<'a> {
    /// The namespace.
    pub ns: Ns,
    /// The local name.
    pub local: &'a str,
}

impl<'a> Name<'a> {
    /// A name in namespace `ns`.
    pub const fn new(ns: Ns, local: &'a str) -> Self {
        Self { ns, local }
    }
    /// A name in the EWS types namespace (`t:`).
    pub const fn t(local: &'a str) -> Self {
        Self::new(Ns::Types, local)
    }
    /// A name in the EWS messages namespace (`m:`).
    pub const fn m(local: &'a str) -> Self {
        Self::new(Ns::Messages, local)
    }
    /// A name in the SOAP envelope namespace.
    pub const fn soap(local: &'a str) -> Self {
        Self::new(Ns::Soap, local)
    }
}

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ns.prefix() {
            Some(p) => write!(f, "{p}:{}", self.local),
            None => f.write_str(self.local),
        }
    }
}

/// A name read from a document: namespace resolved, prefix forgotten.
///
/// Displays with the canonical prefix of a known namespace (`t:Subject`), or with the URI in
/// braces for any other (`{urn:x}Thing`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QName {
    ns: Ns,
    /// The URI, kept only for [`Ns::Other`].
    uri: Option<Box<str>>,
    local: String,
}

impl QName {
    /// A name from a namespace URI (`None` for no namespace) and a local name.
    pub fn new(uri: Option<String>, local: String) -> Self {
        match uri.as_deref().map(Ns::from_uri) {
            None | Some(Ns::None) => Self {
                ns: Ns::None,
                uri: None,
                local,
            },
            Some(Ns::Other) => Self {
                ns: Ns::Other,
                uri: uri.map(String::into_boxed_str),
                local,
            },
            Some(ns) => Self {
                ns,
                uri: None,
                local,
            },
        }
    }
    /// A name without namespace.
    pub fn unqualified(local: &str) -> Self {
        Self {
            ns: Ns::None,
            uri: None,
            local: local.to_owned(),
        }
    }
    /// The namespace.
    pub fn ns(&self) -> Ns {
        self.ns
    }
    /// The namespace URI (empty for none).
    pub fn namespace_uri(&self) -> &str {
        self.uri.as_deref().or_else(|| self.ns.uri()).unwrap_or("")
    }
    /// The local name (without prefix).
    pub fn local_name(&self) -> &str {
        &self.local
    }
    /// Whether this is `name` (never true for [`Ns::Other`], which a [`Name`] cannot spell).
    pub fn is(&self, name: Name<'_>) -> bool {
        self.ns == name.ns && self.local == name.local && self.ns != Ns::Other
    }
}

impl fmt::Display for QName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.ns.prefix(), &self.uri) {
            (Some(p), _) => write!(f, "{p}:{}", self.local),
            (None, Some(uri)) => write!(f, "{{{uri}}}{}", self.local),
            (None, None) => f.write_str(&self.local),
        }
    }
}
