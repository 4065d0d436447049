//! EWS operations: one request type and one response type per operation, paired by the
//! [`Operation`] trait.
//!
//! A request writes itself as the body element of a SOAP request (`m:GetFolder`), a response
//! reads itself from the body of the reply (`m:GetFolderResponse`). Each response holds one
//! response message per input, in input order, each either a success with its content or an
//! error with its [`ResponseCode`](ews_xml::ResponseCode): bulk calls report per-item
//! failures in place, never as a failure of the whole call.
//!
//! Reference: [EWS operations in Exchange](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/ews-operations-in-exchange).

mod any;
mod archive_item;
mod convert_id;
mod copy_folder;
mod copy_item;
mod create_attachment;
mod create_folder;
mod create_item;
mod delete_attachment;
mod delete_folder;
mod delete_item;
mod empty_folder;
mod expand_dl;
mod export_items;
mod find_folder;
mod find_item;
mod get_attachment;
mod get_folder;
mod get_item;
mod mark_all_items_as_read;
mod mark_as_junk;
mod move_folder;
mod move_item;
mod path;
mod resolve_names;
mod response;
mod send_item;
mod shape;
mod stream;
mod transfer;
mod update_folder;
mod update_item;
mod upload_items;

pub use convert_id::{
    AlternateId, AlternatePublicFolderId, AlternatePublicFolderItemId, AnyAlternateId, ConvertId,
    ConvertIdResponse, ConvertIdResponseMessage, ConvertedId, IdFormat,
};
pub use expand_dl::{DlExpansion, ExpandDl, ExpandDlResponse, ExpandDlResponseMessage};
pub use mark_all_items_as_read::{MarkAllItemsAsRead, MarkAllItemsAsReadResponse};
pub use send_item::{SendItem, SendItemResponse};

pub use copy_folder::{CopyFolder, CopyFolderResponse};
pub use create_folder::{CreateFolder, CreateFolderResponse};
pub use delete_folder::{DeleteFolder, DeleteFolderResponse, DisposalType};
pub use empty_folder::{EmptyFolder, EmptyFolderResponse};
pub use get_folder::{FolderInfoResponseMessage, GetFolder, GetFolderResponse};
pub use move_folder::{MoveFolder, MoveFolderResponse};
pub use update_folder::{
    DeleteFolderField, FolderChange, FolderChangeDescription, FolderFieldValue, UpdateFolder,
    UpdateFolderResponse,
};

pub use create_item::{CreateItem, CreateItemResponse, MessageDisposition, SendMeetingInvitations};
pub use find_folder::{
    FindFolder, FindFolderPage, FindFolderResponse, FindFolderResponseMessage, FindFolderRoot,
};
pub use find_item::{
    FindItem, FindItemPage, FindItemResponse, FindItemResponseMessage, FindItemRoot, GroupSummary,
    GroupedItems, HighlightTerm,
};
pub use get_item::{GetItem, GetItemResponse, ItemInfoResponseMessage};
pub use update_item::{
    CalendarActivityData, ConflictResolution, ConflictResults, DeleteItemField, ItemChange,
    ItemChangeDescription, ItemFieldValue, SendMeetingUpdates, UpdateItem, UpdateItemResponse,
    UpdateItemResponseMessage, UpdatedItem,
};

pub use any::{AnyRequest, AnyResponse, OPERATIONS, ParseResponseError, parse_response};
pub use archive_item::{ArchiveItem, ArchiveItemResponse};
pub use copy_item::{CopyItem, CopyItemResponse};
pub use create_attachment::{CreateAttachment, CreateAttachmentResponse};
pub use delete_attachment::{
    DeleteAttachment, DeleteAttachmentResponse, DeleteAttachmentResponseMessage, RootItemId,
};
pub use delete_item::{
    AffectedTaskOccurrences, CalendarItemCreateOrDeleteOperation, DeleteItem, DeleteItemResponse,
};
pub use export_items::{ExportItems, ExportItemsResponse, ExportItemsResponseMessage};
pub use get_attachment::{AttachmentInfoResponseMessage, GetAttachment, GetAttachmentResponse};
pub use mark_as_junk::{MarkAsJunk, MarkAsJunkResponse, MarkAsJunkResponseMessage};
pub use move_item::{MoveItem, MoveItemResponse};
pub use path::{FieldPath, FieldUriPath, IndexedFieldUriPath, Paths};
pub use resolve_names::{
    Resolution, ResolutionSet, ResolveNames, ResolveNamesResponse, ResolveNamesResponseMessage,
    SearchScope,
};
pub use response::{MessageStatus, ResponseError};
pub use shape::{AttachmentShape, BaseShape, BodyKind, FolderShape, ItemShape};
pub use stream::{ItemStream, Streamed, stream_items};
pub use upload_items::{
    CreateAction, UploadItem, UploadItems, UploadItemsResponse, UploadItemsResponseMessage,
};

use ews_xml::{XmlElement, XmlRead, XmlWrite};

use crate::version::ExchangeVersion;

mod sealed {
    /// Only this crate defines operations: their request and response types are tied to the
    /// schema, and the trait may grow.
    #[allow(unnameable_types)] // the point of a sealed trait
    pub trait Sealed {}
}
pub(crate) use sealed::Sealed;

/// An EWS operation: a request that writes itself as the SOAP body, and the type its response
/// body reads into.
///
/// The request's element name ([`XmlElement::NAME`], e.g. `m:GetFolder`) names the operation.
pub trait Operation: XmlWrite + XmlElement + Sealed {
    /// The response body (`m:GetFolderResponse`).
    type Response: XmlRead + XmlElement;
    /// The first schema version with this operation.
    const SINCE: ExchangeVersion;
    /// Whether sending the request twice is harmless. Requests that send mail or create
    /// items are not: a transport must never retry them once they may have reached the server.
    const IDEMPOTENT: bool;

    /// The operation's name (`GetFolder`).
    fn name() -> &'static str {
        Self::NAME.local
    }
}
