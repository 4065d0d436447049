//! `ExportItems`: items as opaque full-fidelity data streams, for backup or migration with
//! [`UploadItems`](super::UploadItems) (Exchange 2010 SP1 and later).
//!
//! ```
//! use ews_model::operations::ExportItems;
//! use ews_model::properties::ItemId;
//!
//! let request = ExportItems::new([ItemId::new("AAMkAGYz")]);
//! assert_eq!(request.item_ids.len(), 1);
//! ```
//!
//! Reference: [ExportItems operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/exportitems-operation).

use ews_xml::{Name, ReadError, Reader, StartTag, WriteError, Writer, XmlRead, XmlWrite};

use super::{MessageStatus, Operation, ResponseError, Sealed};
use crate::properties::ItemId;
use crate::version::ExchangeVersion;

/// The `ExportItems` request (`m:ExportItemsType`).
///
/// See [ExportItems](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/exportitems).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "ExportItems")]
#[non_exhaustive]
pub struct ExportItems {
    /// `m:ItemIds`: the items (at least one; plain item ids only).
    #[xml(wrapper = "ItemIds", item = "ItemId", item_ns = "t")]
    pub item_ids: Vec<ItemId>,
}

impl ExportItems {
    /// Export these items.
    pub fn new<I: IntoIterator<Item = ItemId>>(items: I) -> Self {
        Self {
            item_ids: items.into_iter().collect(),
        }
    }
}

impl Sealed for ExportItems {}

impl Operation for ExportItems {
    type Response = ExportItemsResponse;
    const SINCE: ExchangeVersion = ExchangeVersion::Exchange2010Sp1;
    const IDEMPOTENT: bool = true;
}

/// One exported item (`m:ExportItemsResponseMessageType`).
///
/// See [ExportItemsResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/exportitemsresponsemessage).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ExportItemsResponseMessage {
    /// Class, code and error details.
    pub status: MessageStatus,
    /// `m:ItemId`: the exported item.
    pub item_id: Option<ItemId>,
    /// `m:Data`: the item's full-fidelity stream (base64 in XML), to give back to
    /// `UploadItems`.
    pub data: Option<Vec<u8>>,
}

impl ExportItemsResponseMessage {
    /// A successful message with the item's id and data.
    pub fn success(item_id: ItemId, data: Vec<u8>) -> Self {
        Self {
            status: MessageStatus::success(),
            item_id: Some(item_id),
            data: Some(data),
        }
    }
    /// A failed message.
    pub fn error(status: MessageStatus) -> Self {
        Self {
            status,
            ..Self::default()
        }
    }
}

impl XmlWrite for ExportItemsResponseMessage {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        self.status.__xml_write_attrs(w)?;
        self.status.__xml_write_children(w)?;
        if let Some(id) = &self.item_id {
            id.write_xml(w, Name::m("ItemId"))?;
        }
        if let Some(data) = &self.data {
            w.start(Name::m("Data"))?;
            w.base64(data)?;
            w.end()?;
        }
        w.end()
    }
}

impl XmlRead for ExportItemsResponseMessage {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let mut this = Self::default();
        this.status.__xml_read_attrs(r, start)?;
        while let Some(child) = r.next_child()? {
            if child.is(Name::m("ItemId")) {
                this.item_id = Some(ItemId::read_xml(r, &child)?);
            } else if child.is(Name::m("Data")) {
                this.data = Some(r.read_base64()?);
            } else if !this.status.__xml_read_child(r, &child)? {
                r.skip_element()?;
            }
        }
        Ok(this)
    }
}

/// The `ExportItems` response (`m:ExportItemsResponseType`).
///
/// See [ExportItemsResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/exportitemsresponse).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m", name = "ExportItemsResponse")]
#[non_exhaustive]
pub struct ExportItemsResponse {
    /// `m:ResponseMessages`: one message per item, in request order.
    #[xml(wrapper = "ResponseMessages", item = "ExportItemsResponseMessage")]
    pub messages: Vec<ExportItemsResponseMessage>,
}

impl ExportItemsResponse {
    /// A response with these messages.
    pub fn new(messages: Vec<ExportItemsResponseMessage>) -> Self {
        Self { messages }
    }
    /// One result per item, in request order: the item's id and data, or its error. A
    /// successful message without them is a [`ResponseError::Incomplete`].
    pub fn into_results(self) -> Vec<Result<(ItemId, Vec<u8>), ResponseError>> {
        self.messages
            .into_iter()
            .map(|m| {
                m.status.check()?;
                let id = m
                    .item_id
                    .ok_or(ResponseError::Incomplete { missing: "ItemId" })?;
                let data = m
                    .data
                    .ok_or(ResponseError::Incomplete { missing: "Data" })?;
                Ok((id, data))
            })
            .collect()
    }
}
