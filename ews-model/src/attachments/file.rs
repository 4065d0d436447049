//! [`FileAttachment`]: a file attached to an item, its content as bytes.

use ews_xml::{Name, ReadError, Reader, StartTag, WriteError, Writer, XmlRead, XmlWrite};

use super::AttachmentBase;

/// A file attached to an item (`t:FileAttachmentType`).
///
/// The content is held in memory, decoded from base64. The XML codec is hand-written so that
/// the base64 goes through [`Writer::base64`] (chunked) and [`Reader::read_base64`]; a
/// streamed variant for very large files (writing from an `io::Read` with
/// [`Writer::base64_from`], reading into a sink) belongs to the attachment operations and can
/// reuse [`AttachmentBase`] unchanged.
///
/// See [FileAttachment](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/fileattachment).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FileAttachment {
    /// The attachment's common elements.
    pub base: AttachmentBase,
    /// `t:IsContactPhoto`: the photo of the contact it is attached to.
    pub is_contact_photo: Option<bool>,
    /// `t:Content`: the file's bytes (absent when only the attachment's metadata was asked).
    pub content: Option<Vec<u8>>,
}

impl FileAttachment {
    /// A file called `name` with `content`.
    pub fn new(name: impl Into<String>, content: impl Into<Vec<u8>>) -> Self {
        Self {
            base: AttachmentBase::named(name),
            is_contact_photo: None,
            content: Some(content.into()),
        }
    }

    /// This attachment shown inline, referred to from an HTML body as `cid:<content_id>`.
    #[must_use]
    pub fn inline(mut self, content_id: impl Into<String>) -> Self {
        self.base.is_inline = Some(true);
        self.base.content_id = Some(content_id.into());
        self
    }

    /// This attachment with the MIME type `content_type`.
    #[must_use]
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.base.content_type = Some(content_type.into());
        self
    }

    /// This attachment as the photo of the contact it is attached to.
    #[must_use]
    pub fn contact_photo(mut self) -> Self {
        self.is_contact_photo = Some(true);
        self
    }
}

impl XmlWrite for FileAttachment {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        self.base.__xml_write_attrs(w)?;
        self.base.__xml_write_children(w)?;
        if let Some(photo) = self.is_contact_photo {
            photo.write_xml(w, Name::t("IsContactPhoto"))?;
        }
        if let Some(content) = &self.content {
            w.start(Name::t("Content"))?;
            w.base64(content)?;
            w.end()?;
        }
        w.end()
    }
}

impl XmlRead for FileAttachment {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let mut this = Self::default();
        this.base.__xml_read_attrs(r, start)?;
        while let Some(child) = r.next_child()? {
            if child.is(Name::t("IsContactPhoto")) {
                this.is_contact_photo = Some(bool::read_xml(r, &child)?);
            } else if child.is(Name::t("Content")) {
                this.content = Some(r.read_base64()?);
            } else if !this.base.__xml_read_child(r, &child)? {
                r.skip_element()?;
            }
        }
        Ok(this)
    }
}
