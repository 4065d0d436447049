//! [`Importance`]: how important an item is.
//!
//! ```
//! use ews_model::properties::Importance;
//!
//! assert_eq!(Importance::default(), Importance::Normal);
//! ```

use ews_xml::XmlValue;

/// How important an item is (`t:ImportanceChoicesType`).
///
/// See [Importance](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/importance).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum Importance {
    /// `Low`.
    Low,
    /// `Normal`.
    #[default]
    Normal,
    /// `High`.
    High,
    /// An importance this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

serde_as_xml_value!(Importance);
