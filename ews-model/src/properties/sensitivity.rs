//! [`Sensitivity`]: how sensitive an item is.

use ews_xml::XmlValue;

/// How sensitive an item is (`t:SensitivityChoicesType`).
///
/// See [Sensitivity](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/sensitivity).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum Sensitivity {
    /// `Normal`.
    #[default]
    Normal,
    /// `Personal`.
    Personal,
    /// `Private`.
    Private,
    /// `Confidential`.
    Confidential,
    /// A sensitivity this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

serde_as_xml_value!(Sensitivity);
