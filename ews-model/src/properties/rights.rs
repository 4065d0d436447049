//! [`EffectiveRights`]: what the caller may do with an item or folder.

use ews_xml::{XmlRead, XmlWrite};

/// What the caller may do with an item or folder (`t:EffectiveRightsType`, read-only).
///
/// See [EffectiveRights](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/effectiverights).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "EffectiveRights")]
#[non_exhaustive]
pub struct EffectiveRights {
    /// `t:CreateAssociated`: may create associated (hidden) items.
    pub create_associated: bool,
    /// `t:CreateContents`: may create items.
    pub create_contents: bool,
    /// `t:CreateHierarchy`: may create subfolders.
    pub create_hierarchy: bool,
    /// `t:Delete`: may delete.
    pub delete: bool,
    /// `t:Modify`: may change.
    pub modify: bool,
    /// `t:Read`: may read.
    pub read: bool,
    /// `t:ViewPrivateItems`: may see private items (Exchange 2013 and later).
    pub view_private_items: Option<bool>,
}

impl crate::fields::FieldValue for EffectiveRights {
    const KIND: crate::fields::Kind =
        crate::fields::Kind::single(crate::fields::ValueKind::Complex);
}
