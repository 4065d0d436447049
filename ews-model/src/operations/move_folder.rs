//! `MoveFolder`: folders to another parent.
//!
//! ```
//! use ews_model::operations::MoveFolder;
//! use ews_model::properties::{DistinguishedFolderIdName, FolderId};
//!
//! let request = MoveFolder::new(DistinguishedFolderIdName::DeletedItems).folder(FolderId::new("AScAc"));
//! assert_eq!(request.folder_ids.len(), 1);
//! ```
//!
//! Reference: [MoveFolder operation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/movefolder-operation).

use ews_xml::{XmlRead, XmlWrite};

use super::get_folder::{FolderInfoResponseMessage, folder_results};
use super::transfer::transfer;
use super::{Operation, ResponseError, Sealed};
use crate::folders::FolderKind;
use crate::properties::FolderIdChoice;
use crate::version::ExchangeVersion;

transfer! {
    folders: MoveFolder = "MoveFolder", MoveFolderResponse = "MoveFolderResponse", "MoveFolderResponseMessage";
    verb: "move", "moving";
    to: "the new parent";
    request: "The `MoveFolder` request (`m:MoveFolderType`).\n\nSee [MoveFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/movefolder).";
    response: "The `MoveFolder` response (`m:MoveFolderResponseType`): the moved folders' ids.\n\nSee [MoveFolderResponse](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/movefolderresponse).";
    result: "One result per folder, in request order: the moved folder (its id) or its error.";
    retry: "A retried move may fail, the folder having moved already.";
}
