//! `ConvertId`: translate item and folder ids between formats (EWS ids, OWA ids, MAPI entry
//! ids...).
//!
//! ```
//! use ews_model::operations::{AlternateId, ConvertId, IdFormat};
//!
//! let request = ConvertId::new(IdFormat::HexEntryId)
//!     .id(AlternateId::new(IdFormat::EwsId, "AAMkAD…", "alice@example.test"));
//! assert_eq!(request.source_ids.len(), 1);
//! ```
//!
//! Reference: [ConvertId operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/convertid-operation).

use ews_xml::{
    Name, Ns, ReadError, ReadErrorKind, Reader, StartTag, WriteError, Writer, XmlRead, XmlValue,
    XmlWrite,
};

use super::{MessageStatus, Operation, ResponseError, Sealed};
use crate::version::ExchangeVersion;

/// An id format (`t:IdFormatType`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum IdFormat {
    /// The Exchange 2007 RTM EWS id.
    EwsLegacyId,
    /// The EWS id.
    EwsId,
    /// A MAPI entry id, base64.
    EntryId,
    /// A MAPI entry id, hexadecimal (what Outlook shows).
    HexEntryId,
    /// A store id.
    StoreId,
    /// An Outlook Web App id.
    OwaId,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:AlternateId`: an id of a mailbox item or folder in some format.
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AlternateId {
    /// The format of `id`.
    #[xml(attr = "Format")]
    pub format: IdFormat,
    /// The id.
    #[xml(attr = "Id")]
    pub id: String,
    /// The primary SMTP address of the mailbox holding it.
    #[xml(attr = "Mailbox")]
    pub mailbox: String,
    /// Whether it lives in the archive mailbox.
    #[xml(attr = "IsArchive")]
    pub is_archive: Option<bool>,
}

impl AlternateId {
    /// An id of `format` in `mailbox`.
    pub fn new(format: IdFormat, id: impl Into<String>, mailbox: impl Into<String>) -> Self {
        Self {
            format,
            id: id.into(),
            mailbox: mailbox.into(),
            is_archive: None,
        }
    }
}

/// `t:AlternatePublicFolderId`: a public folder id in some format.
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AlternatePublicFolderId {
    /// The format of `folder_id`.
    #[xml(attr = "Format")]
    pub format: IdFormat,
    /// The folder id.
    #[xml(attr = "FolderId")]
    pub folder_id: String,
}

impl AlternatePublicFolderId {
    /// A public folder id of `format`.
    pub fn new(format: IdFormat, folder_id: impl Into<String>) -> Self {
        Self {
            format,
            folder_id: folder_id.into(),
        }
    }
}

/// `t:AlternatePublicFolderItemId`: an item of a public folder, in some format.
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AlternatePublicFolderItemId {
    /// The format of the ids.
    #[xml(attr = "Format")]
    pub format: IdFormat,
    /// The folder id.
    #[xml(attr = "FolderId")]
    pub folder_id: String,
    /// The item id.
    #[xml(attr = "ItemId")]
    pub item_id: String,
}

impl AlternatePublicFolderItemId {
    /// A public folder item id of `format`.
    pub fn new(format: IdFormat, folder_id: impl Into<String>, item_id: impl Into<String>) -> Self {
        Self {
            format,
            folder_id: folder_id.into(),
            item_id: item_id.into(),
        }
    }
}

/// One of the id kinds `ConvertId` takes and returns.
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum AnyAlternateId {
    /// A mailbox item or folder.
    AlternateId(AlternateId),
    /// A public folder.
    AlternatePublicFolderId(AlternatePublicFolderId),
    /// A public folder item.
    AlternatePublicFolderItemId(AlternatePublicFolderItemId),
}

impl From<AlternateId> for AnyAlternateId {
    fn from(id: AlternateId) -> Self {
        Self::AlternateId(id)
    }
}

/// The `ConvertId` request (`m:ConvertIdType`, Exchange 2007 SP1 and later).
///
/// See [ConvertId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/convertid).
#[derive(Clone, Debug, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "ConvertId")]
#[non_exhaustive]
pub struct ConvertId {
    /// The format to convert to.
    #[xml(attr = "DestinationFormat")]
    pub destination_format: IdFormat,
    /// `m:SourceIds`: the ids to convert.
    #[xml(wrapper = "SourceIds", choice)]
    pub source_ids: Vec<AnyAlternateId>,
}

impl ConvertId {
    /// Convert to `format`; add ids with [`id`](Self::id).
    pub fn new(format: IdFormat) -> Self {
        Self {
            destination_format: format,
            source_ids: Vec::new(),
        }
    }
    /// Also convert `id`.
    #[must_use]
    pub fn id(mut self, id: impl Into<AnyAlternateId>) -> Self {
        self.source_ids.push(id.into());
        self
    }
}

impl Sealed for ConvertId {}

impl Operation for ConvertId {
    type Response = ConvertIdResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2007Sp1;
    const IDEMPOTENT: bool = true;
}

/// One converted id, or why it could not be (`m:ConvertIdResponseMessageType`).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct ConvertIdResponseMessage {
    /// Class, code and error details.
    #[xml(flatten)]
    pub status: MessageStatus,
    /// `m:AlternateId`: the converted id (absent on error).
    pub alternate_id: Option<ConvertedId>,
}

/// The converted id of a response message: an `m:AlternateId` element whose `xsi:type` says
/// which kind of id it is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ConvertedId(pub AnyAlternateId);

impl XmlWrite for ConvertedId {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        let xsi_type = Name::new(Ns::Xsi, "type");
        match &self.0 {
            AnyAlternateId::AlternateId(id) => {
                w.attr_ns(xsi_type, "t:AlternateIdType")?;
                w.attr("Format", &id.format.to_xml_value())?;
                w.attr("Id", &id.id)?;
                w.attr("Mailbox", &id.mailbox)?;
                if let Some(a) = id.is_archive {
                    w.attr("IsArchive", if a { "true" } else { "false" })?;
                }
            }
            AnyAlternateId::AlternatePublicFolderId(id) => {
                w.attr_ns(xsi_type, "t:AlternatePublicFolderIdType")?;
                w.attr("Format", &id.format.to_xml_value())?;
                w.attr("FolderId", &id.folder_id)?;
            }
            AnyAlternateId::AlternatePublicFolderItemId(id) => {
                w.attr_ns(xsi_type, "t:AlternatePublicFolderItemIdType")?;
                w.attr("Format", &id.format.to_xml_value())?;
                w.attr("FolderId", &id.folder_id)?;
                w.attr("ItemId", &id.item_id)?;
            }
        }
        w.end()
    }
}

impl XmlRead for ConvertedId {
    /// Reads by `xsi:type` (its prefix ignored); without one, by the attributes present.
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let kind = start
            .attr_ns(Name::new(Ns::Xsi, "type"))
            .map(|t| t.rsplit(':').next().unwrap_or(t));
        let kind = match kind {
            Some(k) => k.to_owned(),
            None if start.attr("Mailbox").is_some() => "AlternateIdType".to_owned(),
            None if start.attr("ItemId").is_some() => "AlternatePublicFolderItemIdType".to_owned(),
            None => "AlternatePublicFolderIdType".to_owned(),
        };
        let id = match kind.as_str() {
            "AlternateIdType" => AnyAlternateId::AlternateId(AlternateId::read_xml(r, start)?),
            "AlternatePublicFolderIdType" => AnyAlternateId::AlternatePublicFolderId(
                AlternatePublicFolderId::read_xml(r, start)?,
            ),
            "AlternatePublicFolderItemIdType" => AnyAlternateId::AlternatePublicFolderItemId(
                AlternatePublicFolderItemId::read_xml(r, start)?,
            ),
            other => {
                return Err(r.error(ReadErrorKind::InvalidValue {
                    value: other.chars().take(80).collect(),
                    expected: "an alternate id type",
                }));
            }
        };
        Ok(Self(id))
    }
}

/// The `ConvertId` response: one message per source id, in request order.
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "ConvertIdResponse")]
#[non_exhaustive]
pub struct ConvertIdResponse {
    /// `m:ResponseMessages`.
    #[xml(wrapper = "ResponseMessages", item = "ConvertIdResponseMessage")]
    pub messages: Vec<ConvertIdResponseMessage>,
}

impl ConvertIdResponse {
    /// One result per source id, in request order.
    pub fn into_results(self) -> Vec<Result<AnyAlternateId, ResponseError>> {
        self.messages
            .into_iter()
            .map(|m| {
                m.status.check()?;
                m.alternate_id
                    .map(|c| c.0)
                    .ok_or(ResponseError::Incomplete {
                        missing: "AlternateId",
                    })
            })
            .collect()
    }
}
