//! Whose mailbox a request acts on: impersonation (`ExchangeImpersonation`) and delegate
//! access (another user's folders named by `DistinguishedFolderId/Mailbox` or by their ids).

use std::collections::{HashMap, HashSet};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ews_model::operations::{
    AnyRequest, AnyResponse, ArchiveItemResponse, CopyFolderResponse, CopyItemResponse,
    CreateFolderResponse, CreateItemResponse, DeleteFolderResponse, DeleteItemResponse,
    EmptyFolderResponse, FindFolderResponse, FindFolderResponseMessage, FindItemResponse,
    FindItemResponseMessage, FolderInfoResponseMessage, GetFolderResponse, GetItemResponse,
    ItemInfoResponseMessage, MarkAllItemsAsReadResponse, MarkAsJunkResponse,
    MarkAsJunkResponseMessage, MessageStatus, MoveFolderResponse, MoveItemResponse,
    SendItemResponse, UpdateItemResponse, UpdateItemResponseMessage,
};
use ews_model::properties::{FolderIdChoice, ItemIdChoice};
use ews_xml::ResponseCode;
use ews_xml::soap::Impersonation;

/// Who may act for whom.
#[derive(Debug, Default, Clone)]
pub(crate) struct Rights {
    /// Users holding the ApplicationImpersonation role (lower case).
    pub(crate) impersonators: HashSet<String>,
    /// Mailbox owner to the users with full access to it (lower case).
    pub(crate) delegates: HashMap<String, HashSet<String>>,
}

/// Why a request may not go ahead: a SOAP fault's response code and text.
#[derive(Debug, Clone)]
pub(crate) struct Denied {
    pub(crate) code: ResponseCode,
    pub(crate) message: String,
}

/// The fake security identifier of user number `n`.
pub(crate) fn sid(n: u16) -> String {
    format!(
        "S-1-5-21-2000000000-1000000000-300000000-{}",
        1100 + u32::from(n)
    )
}

/// The owner number written into the ids this server issues (bytes 4 and 5 of the decoded id,
/// after the 4-byte magic).
pub(crate) fn owner_of_id(id: &str) -> Option<u16> {
    let raw = STANDARD.decode(id.trim()).ok()?;
    if raw.len() < 6 || !raw.starts_with(b"FX") {
        return None;
    }
    Some(u16::from_be_bytes([raw[4], raw[5]]))
}

/// Where a request points: a mailbox by address or by the owner number of an id.
enum Hint {
    Address(String),
    Owner(u16),
}

fn folder_hint(id: &FolderIdChoice) -> Option<Hint> {
    match id {
        FolderIdChoice::DistinguishedFolderId(d) => d
            .mailbox
            .as_ref()
            .and_then(|m| m.email_address.as_deref())
            .map(|a| Hint::Address(a.trim().to_lowercase())),
        FolderIdChoice::FolderId(f) => owner_of_id(&f.id).map(Hint::Owner),
        _ => None,
    }
}

fn item_hint(id: &ItemIdChoice) -> Option<Hint> {
    let text = match id {
        ItemIdChoice::ItemId(i) => &i.id,
        ItemIdChoice::OccurrenceItemId(o) => &o.recurring_master_id,
        ItemIdChoice::RecurringMasterItemId(r) => &r.occurrence_id,
        _ => return None,
    };
    owner_of_id(text).map(Hint::Owner)
}

/// The first id of the request that names a mailbox.
fn hint(req: &AnyRequest) -> Option<Hint> {
    let folders = |ids: &[FolderIdChoice]| ids.iter().find_map(folder_hint);
    let items = |ids: &[ItemIdChoice]| ids.iter().find_map(item_hint);
    match req {
        AnyRequest::GetFolder(r) => folders(&r.folder_ids),
        AnyRequest::FindFolder(r) => folders(&r.parent_folder_ids),
        AnyRequest::CreateFolder(r) => folder_hint(&r.parent_folder_id),
        AnyRequest::DeleteFolder(r) => folders(&r.folder_ids),
        AnyRequest::EmptyFolder(r) => folders(&r.folder_ids),
        AnyRequest::MarkAllItemsAsRead(r) => folders(&r.folder_ids),
        AnyRequest::FindItem(r) => folders(&r.parent_folder_ids),
        AnyRequest::CreateItem(r) => r.saved_item_folder_id.as_ref().and_then(folder_hint),
        AnyRequest::GetItem(r) => items(&r.item_ids),
        AnyRequest::DeleteItem(r) => items(&r.item_ids),
        AnyRequest::MoveItem(r) => items(&r.item_ids),
        AnyRequest::CopyItem(r) => items(&r.item_ids),
        AnyRequest::SendItem(r) => items(&r.item_ids),
        AnyRequest::MarkAsJunk(r) => items(&r.item_ids),
        AnyRequest::ArchiveItem(r) => items(&r.item_ids),
        AnyRequest::UpdateItem(r) => r.item_changes.iter().find_map(|c| item_hint(&c.item_id)),
        AnyRequest::UpdateFolder(r) => r
            .folder_changes
            .iter()
            .find_map(|c| folder_hint(&c.folder_id)),
        AnyRequest::MoveFolder(r) => folders(&r.folder_ids),
        AnyRequest::CopyFolder(r) => folders(&r.folder_ids),
        AnyRequest::CreateAttachment(r) => owner_of_id(&r.parent_item_id.id).map(Hint::Owner),
        AnyRequest::GetAttachment(r) => r
            .attachment_ids
            .iter()
            .find_map(|a| owner_of_id(&a.id).map(Hint::Owner)),
        AnyRequest::DeleteAttachment(r) => r
            .attachment_ids
            .iter()
            .find_map(|a| owner_of_id(&a.id).map(Hint::Owner)),
        AnyRequest::ExportItems(r) => r
            .item_ids
            .iter()
            .find_map(|i| owner_of_id(&i.id).map(Hint::Owner)),
        AnyRequest::UploadItems(r) => r
            .items
            .iter()
            .find_map(|i| owner_of_id(&i.parent_folder_id.id).map(Hint::Owner)),
        _ => None,
    }
}

impl Rights {
    /// The user a request acts as: the caller, or the user it impersonates.
    pub(crate) fn acting_user(
        &self,
        caller: &str,
        impersonation: Option<&Impersonation>,
        users: &[String],
    ) -> Result<String, Denied> {
        let Some(who) = impersonation else {
            return Ok(caller.to_owned());
        };
        let value = who.value().trim().to_lowercase();
        let target = match who {
            Impersonation::Sid(_) => users
                .iter()
                .enumerate()
                .find(|(n, _)| u16::try_from(*n).is_ok_and(|n| sid(n).eq_ignore_ascii_case(&value)))
                .map(|(_, u)| u.clone()),
            _ => users.iter().find(|u| **u == value).cloned(),
        };
        let Some(target) = target else {
            return Err(Denied {
                code: ResponseCode::ErrorNonExistentMailbox,
                message: format!("The impersonated mailbox {value:?} does not exist."),
            });
        };
        if target != caller && !self.impersonators.contains(caller) {
            return Err(Denied {
                code: ResponseCode::ErrorImpersonateUserDenied,
                message: "The account does not have permission to impersonate the requested user."
                    .to_owned(),
            });
        }
        Ok(target)
    }

    /// The mailbox the request works on, for `actor`: their own, or one they have delegate
    /// access to.
    pub(crate) fn target_mailbox(
        &self,
        actor: &str,
        req: &AnyRequest,
        users: &[String],
    ) -> Result<String, Denied> {
        let owner = match hint(req) {
            None => return Ok(actor.to_owned()),
            Some(Hint::Address(a)) => a,
            Some(Hint::Owner(n)) => match users.get(usize::from(n)) {
                Some(u) => u.clone(),
                // Not an id of a mailbox here: the operation reports it per item.
                None => return Ok(actor.to_owned()),
            },
        };
        if owner == actor {
            return Ok(owner);
        }
        if !users.contains(&owner) {
            return Err(Denied {
                code: ResponseCode::ErrorNonExistentMailbox,
                message: format!("The mailbox {owner:?} does not exist."),
            });
        }
        if self
            .delegates
            .get(&owner)
            .is_some_and(|d| d.contains(actor))
        {
            Ok(owner)
        } else {
            Err(Denied {
                code: ResponseCode::ErrorAccessDenied,
                message: format!("Access to the mailbox {owner:?} is denied."),
            })
        }
    }
}

/// The response to `req` with every message carrying `status`: how Exchange answers a
/// request that fails as a whole (a mailbox the caller cannot open, a destination folder
/// that does not exist). `None` for operations without per-id messages.
pub(crate) fn refuse(req: &AnyRequest, status: &MessageStatus) -> Option<AnyResponse> {
    let n = |len: usize| len.max(1);
    let info = |len: usize| {
        (0..n(len))
            .map(|_| ItemInfoResponseMessage::error(status.clone()))
            .collect::<Vec<_>>()
    };
    let folders = |len: usize| {
        (0..n(len))
            .map(|_| FolderInfoResponseMessage::error(status.clone()))
            .collect::<Vec<_>>()
    };
    let plain = |len: usize| (0..n(len)).map(|_| status.clone()).collect::<Vec<_>>();
    Some(match req {
        AnyRequest::GetFolder(r) => {
            AnyResponse::GetFolder(GetFolderResponse::new(folders(r.folder_ids.len())))
        }
        AnyRequest::CreateFolder(r) => {
            AnyResponse::CreateFolder(CreateFolderResponse::new(folders(r.folders.len())))
        }
        AnyRequest::FindFolder(r) => AnyResponse::FindFolder(FindFolderResponse::new(
            (0..n(r.parent_folder_ids.len()))
                .map(|_| FindFolderResponseMessage::error(status.clone()))
                .collect(),
        )),
        AnyRequest::MoveFolder(r) => {
            AnyResponse::MoveFolder(MoveFolderResponse::new(folders(r.folder_ids.len())))
        }
        AnyRequest::CopyFolder(r) => {
            AnyResponse::CopyFolder(CopyFolderResponse::new(folders(r.folder_ids.len())))
        }
        AnyRequest::DeleteFolder(r) => {
            AnyResponse::DeleteFolder(DeleteFolderResponse::new(plain(r.folder_ids.len())))
        }
        AnyRequest::EmptyFolder(r) => {
            AnyResponse::EmptyFolder(EmptyFolderResponse::new(plain(r.folder_ids.len())))
        }
        AnyRequest::MarkAllItemsAsRead(r) => AnyResponse::MarkAllItemsAsRead(
            MarkAllItemsAsReadResponse::new(plain(r.folder_ids.len())),
        ),
        AnyRequest::FindItem(r) => AnyResponse::FindItem(FindItemResponse::new(
            (0..n(r.parent_folder_ids.len()))
                .map(|_| FindItemResponseMessage::error(status.clone()))
                .collect(),
        )),
        AnyRequest::CreateItem(r) => {
            AnyResponse::CreateItem(CreateItemResponse::new(info(r.items.len())))
        }
        AnyRequest::GetItem(r) => {
            AnyResponse::GetItem(GetItemResponse::new(info(r.item_ids.len())))
        }
        AnyRequest::MoveItem(r) => {
            AnyResponse::MoveItem(MoveItemResponse::new(info(r.item_ids.len())))
        }
        AnyRequest::CopyItem(r) => {
            AnyResponse::CopyItem(CopyItemResponse::new(info(r.item_ids.len())))
        }
        AnyRequest::ArchiveItem(r) => {
            AnyResponse::ArchiveItem(ArchiveItemResponse::new(info(r.item_ids.len())))
        }
        AnyRequest::DeleteItem(r) => {
            AnyResponse::DeleteItem(DeleteItemResponse::new(plain(r.item_ids.len())))
        }
        AnyRequest::SendItem(r) => {
            AnyResponse::SendItem(SendItemResponse::new(plain(r.item_ids.len())))
        }
        AnyRequest::MarkAsJunk(r) => AnyResponse::MarkAsJunk(MarkAsJunkResponse::new(
            (0..n(r.item_ids.len()))
                .map(|_| MarkAsJunkResponseMessage::error(status.clone()))
                .collect(),
        )),
        AnyRequest::UpdateItem(r) => AnyResponse::UpdateItem(UpdateItemResponse::new(
            info(r.item_changes.len())
                .into_iter()
                .map(|m| UpdateItemResponseMessage::new(m, None))
                .collect(),
        )),
        _ => return None,
    })
}
