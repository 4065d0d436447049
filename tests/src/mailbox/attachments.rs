//! Attachments (`CreateAttachment`, `GetAttachment`, `DeleteAttachment`, and the metadata
//! `GetItem` shows) and full-fidelity export and upload (`ExportItems`, `UploadItems`).
//!
//! # Attachment ids
//!
//! A stored attachment keeps only its *key* within its item (random bytes, base64, in its
//! `AttachmentId/@Id`) and its full content. Responses show the full id: the base64 of
//! [`ATTACHMENT_MAGIC`], the root item's decoded id and the key, with `RootItemId` and
//! `RootItemChangeKey`. An item that gets a new id (moved, copied) so gives its attachments
//! new ids too, as in Exchange. Every item stored gets fresh keys for its attachments.
//!
//! # Export data
//!
//! Exchange exports an opaque binary stream. FakeExchange's [`EXPORT_HEADER`] followed by
//! the item's EWS XML (a `t:` element: every stored property, attachments with their content,
//! no ids) is read back losslessly by this server's `UploadItems` and by nothing else.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ews_model::attachments::{
    Attachment, FileAttachment, GenericAttachment, ItemAttachment, ReferenceAttachment,
};
use ews_model::items::Item;
use ews_model::operations::{
    AttachmentInfoResponseMessage, BaseShape, CreateAction, CreateAttachment,
    CreateAttachmentResponse, DeleteAttachment, DeleteAttachmentResponse,
    DeleteAttachmentResponseMessage, ExportItems, ExportItemsResponse, ExportItemsResponseMessage,
    GetAttachment, GetAttachmentResponse, ItemShape, MessageStatus, RootItemId, UploadItem,
    UploadItems, UploadItemsResponse, UploadItemsResponseMessage,
};
use ews_model::properties::{AttachmentId, FolderIdChoice, ItemId, ItemIdChoice};
use ews_xml::{Ns, Reader, ResponseCode, Writer, XmlChoice as _};

use super::Mailbox;
use super::items::{Ctx, ITEM_MAGIC, Target, finalize, malformed, not_found};
use super::shape::Projection;

/// Magic prefix of the decoded bytes of every attachment id this server issues.
const ATTACHMENT_MAGIC: &[u8] = b"FXA\x01";
/// Bytes of an item id after its magic.
const ITEM_RANDOM: usize = 32;
/// Bytes of an attachment's key within its item.
const KEY_LEN: usize = 12;
/// The first bytes of every `ExportItems` data stream of this server (then the item's XML).
const EXPORT_HEADER: &[u8] = b"FakeExchange item export 1\n";
/// The content type of a file attachment created without one.
const DEFAULT_CONTENT_TYPE: &str = "application/octet-stream";

fn invalid_attachment_id() -> MessageStatus {
    MessageStatus::error(
        ResponseCode::ErrorInvalidAttachmentId,
        "The item has no attachment with this id.",
    )
}

fn corrupt(why: impl std::fmt::Display) -> MessageStatus {
    MessageStatus::error(
        ResponseCode::ErrorCorruptData,
        format!("The data is not an item exported by this server: {why}."),
    )
}

fn size_of(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// An attachment of the same kind as `a` carrying only `id` (what `CreateAttachment`
/// answers with).
fn id_only(a: &Attachment, id: AttachmentId) -> Attachment {
    let mut out = match a {
        Attachment::ItemAttachment(_) => Attachment::from(ItemAttachment::default()),
        Attachment::ReferenceAttachment(_) => Attachment::from(ReferenceAttachment::default()),
        Attachment::Unknown(g) => Attachment::from(GenericAttachment::new(g.name.local_name())),
        _ => Attachment::from(FileAttachment::default()),
    };
    out.base_mut().attachment_id = Some(id);
    out
}

/// `a` without its content: a file without its bytes, an item attachment without its item.
fn metadata_only(a: &mut Attachment) {
    match a {
        Attachment::FileAttachment(f) => f.content = None,
        Attachment::ItemAttachment(i) => i.item = None,
        _ => {}
    }
}

/// The nested attachments of an attached item, as metadata without ids (they cannot be
/// addressed here).
fn strip_nested(item: &mut Item) {
    if let Some(b) = item.base_mut() {
        for a in &mut b.attachments {
            metadata_only(a);
            a.base_mut().attachment_id = None;
        }
    }
}

/// The export data of `item`.
fn encode(item: &Item) -> Result<Vec<u8>, MessageStatus> {
    let mut out = EXPORT_HEADER.to_vec();
    let mut w = Writer::new(&mut out);
    item.write_choice(&mut w)
        .and_then(|()| w.finish())
        .map_err(|e| {
            MessageStatus::error(
                ResponseCode::ErrorInternalServerError,
                format!("Writing the item failed: {e}"),
            )
        })?;
    Ok(out)
}

/// The item in export data; never panics, whatever the bytes.
fn decode(data: &[u8]) -> Result<Item, MessageStatus> {
    let xml = data
        .strip_prefix(EXPORT_HEADER)
        .ok_or_else(|| corrupt("the header is missing"))?;
    let mut r = Reader::from_bytes(xml);
    let root = r.root().map_err(corrupt)?;
    if root.ns() != Ns::Types || !Item::matches(&root) {
        return Err(corrupt(format_args!(
            "{} is not an item element",
            root.display_name()
        )));
    }
    let item = Item::read_choice(&mut r, &root).map_err(corrupt)?;
    // The reader refuses anything but whitespace and comments after the root element.
    r.read_to_end().map_err(corrupt)?;
    if item.base().is_none() {
        return Err(corrupt("the element is a response object, not an item"));
    }
    Ok(item)
}

impl Mailbox {
    fn new_attachment_key(&mut self) -> String {
        STANDARD.encode(self.rng.bytes(KEY_LEN))
    }

    /// Readies the attachments of an item about to be stored: each gets a fresh key, files
    /// their size and a content type, attached items what the server computes for items.
    pub(super) fn admit_attachments(&mut self, item: &mut Item, ctx: &Ctx) {
        let Some(b) = item.base_mut() else {
            return;
        };
        let mut attachments = std::mem::take(&mut b.attachments);
        for a in &mut attachments {
            self.admit(a, ctx);
        }
        if let Some(b) = item.base_mut() {
            b.attachments = attachments;
        }
    }

    /// Readies one attachment for storage (see [`admit_attachments`](Self::admit_attachments)).
    fn admit(&mut self, a: &mut Attachment, ctx: &Ctx) {
        match a {
            Attachment::FileAttachment(f) => {
                let len = f.content.as_ref().map_or(0, Vec::len);
                f.base.size = Some(size_of(len));
                f.base
                    .content_type
                    .get_or_insert_with(|| DEFAULT_CONTENT_TYPE.to_owned());
            }
            Attachment::ItemAttachment(i) => {
                if let Some(inner) = &mut i.item {
                    if let Some(b) = inner.base_mut() {
                        b.item_id = None;
                        b.parent_folder_id = None;
                        b.datetime_created.get_or_insert(ctx.now);
                    }
                    finalize(inner, ctx);
                    i.base.size = inner.base().and_then(|b| b.size);
                }
            }
            _ => {}
        }
        let key = self.new_attachment_key();
        let base = a.base_mut();
        base.attachment_id = Some(AttachmentId::new(key));
        base.last_modified_time.get_or_insert(ctx.now);
    }

    /// The full id of the attachment with `key` on item `idx` (`None` for a key this server
    /// did not give).
    fn attachment_id(&self, idx: usize, key: &str) -> Option<AttachmentId> {
        let r = &self.items[idx];
        let key = STANDARD.decode(key).ok().filter(|k| k.len() == KEY_LEN)?;
        let mut raw = ATTACHMENT_MAGIC.to_vec();
        raw.extend(STANDARD.decode(&r.id).ok()?);
        raw.extend(key);
        let mut id = AttachmentId::new(STANDARD.encode(raw));
        id.root_item_id = Some(r.id.clone());
        id.root_item_change_key = Some(r.change_key.clone());
        Some(id)
    }

    /// `a` (stored on item `idx`) with its full id.
    fn with_full_id(&self, idx: usize, a: &mut Attachment) {
        let key = a.id().map(|k| k.id.clone()).unwrap_or_default();
        a.base_mut().attachment_id = self.attachment_id(idx, &key);
    }

    /// The attachments of `item` (a rendering of item `root`) as `GetItem` shows them: full
    /// ids, no content.
    pub(super) fn present_attachments(&self, item: &mut Item, root: usize) {
        let Some(b) = item.base_mut() else {
            return;
        };
        for a in &mut b.attachments {
            metadata_only(a);
            self.with_full_id(root, a);
        }
    }

    /// The item index and the attachment's position in it.
    fn resolve_attachment(&self, id: &str) -> Result<(usize, usize), MessageStatus> {
        let raw = STANDARD.decode(id.trim()).map_err(|_| malformed())?;
        let root_len = ITEM_MAGIC.len() + ITEM_RANDOM;
        if raw.len() != ATTACHMENT_MAGIC.len() + root_len + KEY_LEN
            || !raw.starts_with(ATTACHMENT_MAGIC)
        {
            return Err(malformed());
        }
        let (root, key) = raw[ATTACHMENT_MAGIC.len()..].split_at(root_len);
        let root = STANDARD.encode(root);
        let key = STANDARD.encode(key);
        let idx = self
            .items
            .iter()
            .position(|r| r.id == root)
            .ok_or_else(not_found)?;
        let pos = self.items[idx]
            .item
            .base()
            .and_then(|b| {
                b.attachments
                    .iter()
                    .position(|a| a.id().is_some_and(|i| i.id == key))
            })
            .ok_or_else(invalid_attachment_id)?;
        Ok((idx, pos))
    }

    /// Whether `id` is an attachment id of this server.
    fn is_attachment_id(id: &str) -> bool {
        STANDARD
            .decode(id.trim())
            .is_ok_and(|raw| raw.starts_with(ATTACHMENT_MAGIC))
    }

    /// The item an attachment may be added to.
    fn attachment_parent(&self, parent: &ItemId) -> Result<usize, MessageStatus> {
        if Self::is_attachment_id(&parent.id) {
            return Err(MessageStatus::error(
                ResponseCode::ErrorInvalidOperation,
                "FakeExchange does not implement attachments on attachments: the parent must \
                 be an item.",
            ));
        }
        match self.resolve_item(&ItemIdChoice::ItemId(ItemId::new(parent.id.clone())))? {
            Target::Item(i) => Ok(i),
            Target::Occurrence { .. } => Err(MessageStatus::error(
                ResponseCode::ErrorInvalidOperation,
                "FakeExchange does not implement attachments on single occurrences.",
            )),
        }
    }

    /// Checks one requested attachment.
    fn check_new_attachment(a: &Attachment) -> Result<(), MessageStatus> {
        match a {
            Attachment::FileAttachment(f) if f.content.is_none() => Err(MessageStatus::error(
                ResponseCode::ErrorRequiredPropertyMissing,
                "A file attachment needs its Content.",
            )),
            Attachment::ItemAttachment(i) => match i.item.as_deref() {
                None => Err(MessageStatus::error(
                    ResponseCode::ErrorMissingItemForCreateItemAttachment,
                    "An item attachment needs the item to attach.",
                )),
                Some(item) => match item.base() {
                    None => Err(MessageStatus::error(
                        ResponseCode::ErrorInvalidItemForOperationCreateItemAttachment,
                        "A response object cannot be attached.",
                    )),
                    Some(b) if !b.attachments.is_empty() => Err(MessageStatus::error(
                        ResponseCode::ErrorInvalidOperation,
                        "FakeExchange does not implement attachments inside item attachments.",
                    )),
                    Some(_) => Ok(()),
                },
            },
            _ => Ok(()),
        }
    }

    pub(crate) fn create_attachment(
        &mut self,
        req: &CreateAttachment,
        ctx: &Ctx,
    ) -> CreateAttachmentResponse {
        let idx = match self.attachment_parent(&req.parent_item_id) {
            Ok(i) => i,
            Err(s) => {
                return CreateAttachmentResponse::new(
                    req.attachments
                        .iter()
                        .map(|_| AttachmentInfoResponseMessage::error(s.clone()))
                        .collect(),
                );
            }
        };
        // Each message: the new attachment (its kind and key only), or the error.
        let mut results: Vec<Result<Attachment, MessageStatus>> = Vec::new();
        let mut added = Vec::new();
        for requested in &req.attachments {
            let result = Self::check_new_attachment(requested).map(|()| {
                let mut a = requested.clone();
                self.admit(&mut a, ctx);
                let shown = id_only(&a, a.id().cloned().unwrap_or_default());
                added.push(a);
                shown
            });
            results.push(result);
        }
        if !added.is_empty() {
            let r = &mut self.items[idx];
            if let Some(b) = r.item.base_mut() {
                b.attachments.extend(added);
                b.last_modified_time = Some(ctx.now);
            }
            finalize(&mut r.item, ctx);
            self.items[idx].change_key = self.new_change_key();
        }
        let messages = results
            .into_iter()
            .map(|r| match r {
                Ok(mut a) => {
                    self.with_full_id(idx, &mut a);
                    AttachmentInfoResponseMessage::success(a)
                }
                Err(s) => AttachmentInfoResponseMessage::error(s),
            })
            .collect();
        CreateAttachmentResponse::new(messages)
    }

    pub(crate) fn get_attachment(&self, req: &GetAttachment, ctx: &Ctx) -> GetAttachmentResponse {
        // Attached items are shaped like a GetItem in the Default shape with the options of
        // AttachmentShape.
        let mut shape = ItemShape::new(BaseShape::Default);
        if let Some(a) = &req.attachment_shape {
            shape.include_mime_content = a.include_mime_content;
            shape.body_type = a.body_type.clone();
            shape.filter_html_content = a.filter_html_content;
            shape.additional_properties = a.additional_properties.clone();
        }
        let projection = match Projection::new(&shape, false, ctx.version) {
            Ok(p) => p,
            Err(s) => {
                return GetAttachmentResponse::new(
                    req.attachment_ids
                        .iter()
                        .map(|_| AttachmentInfoResponseMessage::error(s.clone()))
                        .collect(),
                );
            }
        };
        let messages = req
            .attachment_ids
            .iter()
            .map(|id| match self.resolve_attachment(&id.id) {
                Ok((idx, pos)) => {
                    let Some(mut a) = self.items[idx]
                        .item
                        .base()
                        .and_then(|b| b.attachments.get(pos))
                        .cloned()
                    else {
                        return AttachmentInfoResponseMessage::error(invalid_attachment_id());
                    };
                    self.with_full_id(idx, &mut a);
                    if let Attachment::ItemAttachment(i) = &mut a
                        && let Some(inner) = i.item.take()
                    {
                        let mut shown = projection.apply(*inner, &shape);
                        strip_nested(&mut shown);
                        i.item = Some(Box::new(shown));
                    }
                    AttachmentInfoResponseMessage::success(a)
                }
                Err(s) => AttachmentInfoResponseMessage::error(s),
            })
            .collect();
        GetAttachmentResponse::new(messages)
    }

    pub(crate) fn delete_attachment(
        &mut self,
        req: &DeleteAttachment,
        ctx: &Ctx,
    ) -> DeleteAttachmentResponse {
        // Each message: the root item's index, or the error.
        let mut results: Vec<Result<usize, MessageStatus>> = Vec::new();
        let mut touched: Vec<usize> = Vec::new();
        for id in &req.attachment_ids {
            let result = self.resolve_attachment(&id.id).map(|(idx, pos)| {
                if let Some(b) = self.items[idx].item.base_mut() {
                    b.attachments.remove(pos);
                }
                if !touched.contains(&idx) {
                    touched.push(idx);
                }
                idx
            });
            results.push(result);
        }
        // One new version per item, reported by every message about it (as Exchange does).
        for &idx in &touched {
            let r = &mut self.items[idx];
            if let Some(b) = r.item.base_mut() {
                b.last_modified_time = Some(ctx.now);
            }
            finalize(&mut r.item, ctx);
            self.items[idx].change_key = self.new_change_key();
        }
        let messages = results
            .into_iter()
            .map(|r| match r {
                Ok(idx) => {
                    let mut root = RootItemId::default();
                    root.root_item_id = self.items[idx].id.clone();
                    root.root_item_change_key = self.items[idx].change_key.clone();
                    DeleteAttachmentResponseMessage::success(root)
                }
                Err(s) => DeleteAttachmentResponseMessage::error(s),
            })
            .collect();
        DeleteAttachmentResponse::new(messages)
    }

    pub(crate) fn export_items(&self, req: &ExportItems) -> ExportItemsResponse {
        let messages = req
            .item_ids
            .iter()
            .map(|id| {
                let idx = match self.resolve_item(&ItemIdChoice::ItemId(id.clone())) {
                    Ok(Target::Item(i)) => i,
                    Ok(Target::Occurrence { .. }) => {
                        return ExportItemsResponseMessage::error(MessageStatus::error(
                            ResponseCode::ErrorInvalidOperation,
                            "An occurrence cannot be exported alone: export its recurring \
                             master.",
                        ));
                    }
                    Err(s) => return ExportItemsResponseMessage::error(s),
                };
                let r = &self.items[idx];
                match encode(&r.item) {
                    Ok(data) => ExportItemsResponseMessage::success(
                        ItemId::new(r.id.clone()).with_change_key(r.change_key.clone()),
                        data,
                    ),
                    Err(s) => ExportItemsResponseMessage::error(s),
                }
            })
            .collect();
        ExportItemsResponse::new(messages)
    }

    pub(crate) fn upload_items(&mut self, req: &UploadItems, ctx: &Ctx) -> UploadItemsResponse {
        let messages = req
            .items
            .iter()
            .map(|u| match self.upload_one(u, ctx) {
                Ok(idx) => {
                    let r = &self.items[idx];
                    UploadItemsResponseMessage::success(
                        ItemId::new(r.id.clone()).with_change_key(r.change_key.clone()),
                    )
                }
                Err(s) => UploadItemsResponseMessage::error(s),
            })
            .collect();
        UploadItemsResponse::new(messages)
    }

    fn upload_one(&mut self, u: &UploadItem, ctx: &Ctx) -> Result<usize, MessageStatus> {
        if u.is_associated == Some(true) {
            return Err(MessageStatus::error(
                ResponseCode::ErrorInvalidOperation,
                "FakeExchange does not implement folder-associated items.",
            ));
        }
        let folder = self.folder_or_error(&FolderIdChoice::FolderId(u.parent_folder_id.clone()))?;
        let item = decode(&u.data)?;
        // The item `ItemId` names, when it is in the folder.
        let existing = |mb: &Self, id: &ItemId| -> Result<usize, MessageStatus> {
            match mb.resolve_item(&ItemIdChoice::ItemId(ItemId::new(id.id.clone())))? {
                Target::Item(i) if mb.items[i].folder == folder => Ok(i),
                _ => Err(not_found()),
            }
        };
        match &u.create_action {
            CreateAction::CreateNew => {
                if u.item_id.is_some() {
                    return Err(MessageStatus::error(
                        ResponseCode::ErrorInvalidRequest,
                        "CreateNew takes no ItemId.",
                    ));
                }
                Ok(self.store(folder, item, ctx))
            }
            CreateAction::Update => {
                let id = u.item_id.as_ref().ok_or_else(|| {
                    MessageStatus::error(
                        ResponseCode::ErrorInvalidRequest,
                        "Update needs the ItemId of the item to overwrite.",
                    )
                })?;
                let idx = existing(self, id)?;
                self.overwrite(idx, item, ctx);
                Ok(idx)
            }
            CreateAction::UpdateOrCreate => match u.item_id.as_ref().map(|id| existing(self, id)) {
                Some(Ok(idx)) => {
                    self.overwrite(idx, item, ctx);
                    Ok(idx)
                }
                Some(Err(s)) if s.response_code == Some(ResponseCode::ErrorInvalidIdMalformed) => {
                    Err(s)
                }
                _ => Ok(self.store(folder, item, ctx)),
            },
            other => Err(MessageStatus::error(
                ResponseCode::ErrorInvalidRequest,
                format!("Unknown CreateAction {other:?}."),
            )),
        }
    }

    /// Replaces the content of item `idx` with `item`: same id, new change key.
    fn overwrite(&mut self, idx: usize, mut item: Item, ctx: &Ctx) {
        self.admit_attachments(&mut item, ctx);
        finalize(&mut item, ctx);
        if let Some(b) = item.base_mut() {
            b.item_id = None;
            b.parent_folder_id = None;
        }
        self.items[idx].item = item;
        self.items[idx].change_key = self.new_change_key();
        self.items[idx].soft_deleted = false;
        let folder = self.items[idx].folder.clone();
        if let Some(f) = self.index_of_id(&folder) {
            self.touch(f);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn decode_never_panics_on_bad_data() {
        let mut with_header = EXPORT_HEADER.to_vec();
        with_header.extend_from_slice(b"<t:Message xmlns:t='urn:wrong'><t:Subject>x");
        for data in [
            &b""[..],
            b"\xff\xfe\x00garbage",
            EXPORT_HEADER,
            &with_header,
            b"FakeExchange item export 1\n<t:Item xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\"/><t:Item xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\"/>",
            b"FakeExchange item export 1\n<m:GetItem xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\"/>",
        ] {
            let e = decode(data).unwrap_err();
            assert_eq!(e.response_code, Some(ResponseCode::ErrorCorruptData), "{data:?}");
        }
    }

    #[test]
    fn export_data_round_trips() {
        let mut m = ews_model::items::Message::new().subject("Round trip");
        m.item
            .attachments
            .push(Attachment::from(FileAttachment::new(
                "a.bin",
                vec![0u8, 1, 2, 255],
            )));
        let item = Item::Message(m);
        let back = decode(&encode(&item).unwrap()).unwrap();
        assert_eq!(back, item);
    }
}
