//! The internet message headers of a received message: [`InternetMessageHeaders`], a list of
//! [`InternetMessageHeader`].
//!
//! ```
//! use ews_model::properties::{InternetMessageHeader, InternetMessageHeaders};
//!
//! let mut headers = InternetMessageHeaders::default();
//! assert_eq!(headers.get("Subject"), None);
//! headers.headers.push(InternetMessageHeader::new("Subject", "Hi"));
//! assert_eq!(headers.get("subject"), Some("Hi"));
//! ```

use ews_xml::{XmlRead, XmlWrite};

/// One header of a message as it was received (`t:InternetHeaderType`).
///
/// See [InternetMessageHeader](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/internetmessageheader).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "InternetMessageHeader")]
pub struct InternetMessageHeader {
    /// `HeaderName`: the header's name, e.g. `Received`.
    #[xml(attr = "HeaderName")]
    pub header_name: String,
    /// The header's value.
    #[xml(text)]
    pub value: String,
}

impl InternetMessageHeader {
    /// The header `name: value`.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            header_name: name.into(),
            value: value.into(),
        }
    }
}

/// The headers of a message as it was received (`t:NonEmptyArrayOfInternetHeadersType`,
/// read-only), in order; a name may repeat.
///
/// See [InternetMessageHeaders](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/internetmessageheaders).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "InternetMessageHeaders")]
pub struct InternetMessageHeaders {
    /// `t:InternetMessageHeader`: the headers.
    #[xml(name = "InternetMessageHeader")]
    pub headers: Vec<InternetMessageHeader>,
}

impl InternetMessageHeaders {
    /// The value of the first header named `name` (compared without regard to ASCII case,
    /// as RFC 5322 does).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.header_name.eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }

    /// The values of every header named `name`, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |h| h.header_name.eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }
}
