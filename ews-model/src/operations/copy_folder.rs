//! `CopyFolder`: copies of folders under another parent.
//!
//! ```
//! use ews_model::operations::CopyFolder;
//! use ews_model::properties::{DistinguishedFolderIdName, FolderId};
//!
//! let request = CopyFolder::new(DistinguishedFolderIdName::Inbox).folder(FolderId::new("AScAc"));
//! assert_eq!(request.folder_ids.len(), 1);
//! ```
//!
//! Reference: [CopyFolder operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyfolder-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_folder::{FolderInfoResponseMessage, folder_results};
use super::transfer::transfer;
use super::{Operation, ResponseError, Sealed};
use crate::folders::FolderKind;
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

transfer! {
    folders: CopyFolder = "CopyFolder", CopyFolderResponse = "CopyFolderResponse", "CopyFolderResponseMessage";
    verb: "copy", "copying";
    to: "the parent of the copies";
    request: "The `CopyFolder` request (`m:CopyFolderType`).\n\nSee [CopyFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyfolder).";
    response: "The `CopyFolder` response (`m:CopyFolderResponseType`): the copies' ids.\n\nSee [CopyFolderResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/copyfolderresponse).";
    result: "One result per folder, in request order: the copy (its id) or its error.";
    retry: "A retried copy may copy the folder a second time.";
}
