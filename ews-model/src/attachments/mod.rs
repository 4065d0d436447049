//! Attachments: files ([`FileAttachment`]), items ([`ItemAttachment`]) and links to files in
//! the cloud ([`ReferenceAttachment`]), and the [`Attachment`] choice of `t:Attachments`.
//!
//! ```
//! use ews_model::attachments::{Attachment, FileAttachment};
//!
//! let logo = FileAttachment::new("logo.png", b"\x89PNG...".to_vec()).inline("logo.png");
//! assert_eq!(logo.base.is_inline, Some(true));
//! let attachment = Attachment::from(logo);
//! assert_eq!(attachment.base().name.as_deref(), Some("logo.png"));
//! ```
//!
//! See [Attachments](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/attachments-ex15websvcsotherref).

mod file;
mod generic;
mod item;

use ews_xml::{XmlRead, XmlWrite};

pub use file::FileAttachment;
pub use generic::GenericAttachment;
pub use item::ItemAttachment;

use crate::fields::{FieldValue, Kind, ValueKind};
use crate::properties::AttachmentId;
use crate::time::DateTime;

/// The elements every attachment has (`t:AttachmentType`), flattened into each kind.
///
/// See [FileAttachment](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/fileattachment).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AttachmentBase {
    /// `t:AttachmentId`: set by the server.
    pub attachment_id: Option<AttachmentId>,
    /// `t:Name`: the file name or title.
    pub name: Option<String>,
    /// `t:ContentType`: the MIME type.
    pub content_type: Option<String>,
    /// `t:ContentId`: the id an HTML body refers to (`cid:`) for inline attachments.
    pub content_id: Option<String>,
    /// `t:ContentLocation`: the URI of the content.
    pub content_location: Option<String>,
    /// `t:AttachmentOriginalUrl` (Exchange Online).
    pub attachment_original_url: Option<String>,
    /// `t:Size`: the size in bytes (responses).
    pub size: Option<i32>,
    /// `t:LastModifiedTime`.
    pub last_modified_time: Option<DateTime>,
    /// `t:IsInline`: shown in the body rather than as an attachment.
    pub is_inline: Option<bool>,
}

impl AttachmentBase {
    /// The base of an attachment called `name`.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::default()
        }
    }
}

/// A link to a file stored in the cloud (`t:ReferenceAttachmentType`, Exchange 2016 and
/// later).
///
/// See [ReferenceAttachment](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/referenceattachment).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReferenceAttachment {
    /// The attachment's common elements.
    #[xml(flatten)]
    pub base: AttachmentBase,
    /// `t:AttachLongPathName`: the URL of the file.
    pub attach_long_path_name: Option<String>,
    /// `t:ProviderType`: the storage provider (`OneDrivePro`, ...).
    pub provider_type: Option<String>,
    /// `t:ProviderEndpointUrl`.
    pub provider_endpoint_url: Option<String>,
    /// `t:AttachmentThumbnailUrl`.
    pub attachment_thumbnail_url: Option<String>,
    /// `t:AttachmentPreviewUrl`.
    pub attachment_preview_url: Option<String>,
    /// `t:PermissionType`: the sharing permission granted to recipients.
    pub permission_type: Option<i32>,
    /// `t:OriginalPermissionType`.
    pub original_permission_type: Option<i32>,
    /// `t:AttachmentIsFolder`: the link is to a folder.
    pub attachment_is_folder: Option<bool>,
}

impl ReferenceAttachment {
    /// A link called `name` to the file at `url`.
    pub fn new(name: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            base: AttachmentBase::named(name),
            attach_long_path_name: Some(url.into()),
            ..Self::default()
        }
    }
}

/// One attachment of an item: an element of `t:Attachments` (`NonEmptyArrayOfAttachmentsType`)
/// or of `m:Attachments` in `CreateAttachment` and `GetAttachment`.
///
/// An element of a kind this crate does not know becomes [`Attachment::Unknown`], a
/// [`GenericAttachment`] with its base elements, written back as it came.
///
/// See [Attachments](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/attachments-ex15websvcsotherref).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum Attachment {
    /// `t:ItemAttachment`: an item.
    ItemAttachment(ItemAttachment),
    /// `t:FileAttachment`: a file.
    FileAttachment(FileAttachment),
    /// `t:ReferenceAttachment`: a link to a file in the cloud.
    ReferenceAttachment(ReferenceAttachment),
    /// Any other element, kept whole.
    #[xml(other)]
    Unknown(GenericAttachment),
}

impl Attachment {
    /// The common elements (id, name, content type, size...).
    pub fn base(&self) -> &AttachmentBase {
        match self {
            Self::ItemAttachment(a) => &a.base,
            Self::FileAttachment(a) => &a.base,
            Self::ReferenceAttachment(a) => &a.base,
            Self::Unknown(a) => &a.base,
        }
    }

    /// The common elements, mutably.
    pub fn base_mut(&mut self) -> &mut AttachmentBase {
        match self {
            Self::ItemAttachment(a) => &mut a.base,
            Self::FileAttachment(a) => &mut a.base,
            Self::ReferenceAttachment(a) => &mut a.base,
            Self::Unknown(a) => &mut a.base,
        }
    }

    /// The attachment's id, when the server gave one.
    pub fn id(&self) -> Option<&AttachmentId> {
        self.base().attachment_id.as_ref()
    }
}

impl From<FileAttachment> for Attachment {
    fn from(a: FileAttachment) -> Self {
        Self::FileAttachment(a)
    }
}

impl From<ItemAttachment> for Attachment {
    fn from(a: ItemAttachment) -> Self {
        Self::ItemAttachment(a)
    }
}

impl From<ReferenceAttachment> for Attachment {
    fn from(a: ReferenceAttachment) -> Self {
        Self::ReferenceAttachment(a)
    }
}

impl From<GenericAttachment> for Attachment {
    fn from(a: GenericAttachment) -> Self {
        Self::Unknown(a)
    }
}

impl FieldValue for Attachment {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}
