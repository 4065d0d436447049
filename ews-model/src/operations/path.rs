//! Paths to properties (`t:Path`): what `AdditionalProperties`, restrictions, sort orders and
//! updates name.
//!
//! Reference: [FieldURI](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/fielduri),
//! [IndexedFieldURI](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/indexedfielduri).

use ews_xml::{XmlRead, XmlWrite};

use crate::extended::ExtendedFieldUri;
use crate::fields::{FieldDef, FieldUri};

/// `t:FieldURI` (and `t:ExceptionFieldURI`): a property by its `FieldURI` value.
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FieldUriPath {
    /// `item:Subject`, `folder:DisplayName`...
    #[xml(attr = "FieldURI")]
    pub uri: String,
}

/// `t:IndexedFieldURI`: one entry of an indexed property (`contacts:PhoneNumber` /
/// `BusinessPhone`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct IndexedFieldUriPath {
    /// The property (`contacts:PhoneNumber`, `contacts:PhysicalAddress:Street`).
    #[xml(attr = "FieldURI")]
    pub uri: String,
    /// The entry (`BusinessPhone`, `Home`).
    #[xml(attr = "FieldIndex")]
    pub index: String,
}

/// A path to a property: the `t:Path` substitution group of the schema.
///
/// ```
/// use ews_model::operations::FieldPath;
///
/// let p = FieldPath::field("item:Subject");
/// assert_eq!(p.uri(), Some("item:Subject"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum FieldPath {
    /// `t:FieldURI`.
    #[xml(name = "FieldURI")]
    Field(FieldUriPath),
    /// `t:IndexedFieldURI`.
    #[xml(name = "IndexedFieldURI")]
    Indexed(IndexedFieldUriPath),
    /// `t:ExceptionFieldURI` (properties of recurrence exceptions).
    #[xml(name = "ExceptionFieldURI")]
    Exception(FieldUriPath),
    /// `t:ExtendedFieldURI`: an extended MAPI property.
    #[xml(name = "ExtendedFieldURI")]
    Extended(ExtendedFieldUri),
}

impl FieldPath {
    /// `t:FieldURI FieldURI="{uri}"`.
    pub fn field(uri: impl Into<String>) -> Self {
        Self::Field(FieldUriPath { uri: uri.into() })
    }

    /// `t:IndexedFieldURI FieldURI="{uri}" FieldIndex="{index}"`.
    pub fn indexed(uri: impl Into<String>, index: impl Into<String>) -> Self {
        Self::Indexed(IndexedFieldUriPath {
            uri: uri.into(),
            index: index.into(),
        })
    }

    /// The paths that fetch a field: one for an unindexed field, one per label of an indexed
    /// one.
    pub fn for_field(def: &FieldDef) -> Vec<Self> {
        match def.uri {
            FieldUri::Unindexed(uri) => vec![Self::field(uri)],
            FieldUri::Indexed { uri, labels } => {
                labels.iter().map(|l| Self::indexed(uri, *l)).collect()
            }
        }
    }

    /// The `FieldURI` value (`None` for extended properties, which have none).
    pub fn uri(&self) -> Option<&str> {
        match self {
            Self::Field(p) | Self::Exception(p) => Some(&p.uri),
            Self::Indexed(p) => Some(&p.uri),
            Self::Extended(_) => None,
        }
    }
}

/// A list of paths, as in `AdditionalProperties`.
pub type Paths = Vec<FieldPath>;
