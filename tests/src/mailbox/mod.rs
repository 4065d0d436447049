//! One user's mailbox: the folder tree, the items, and the operations over them.

mod aqs;
mod attachments;
mod folders_ops;
mod items;
mod responses;
mod shape;

pub(crate) use items::Ctx;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ews_model::folders::{
    CalendarFolder, ContactsFolder, Folder, FolderBase, FolderKind, TasksFolder, WellKnownFolder,
};
use ews_model::operations::{
    BaseShape, CreateFolder, CreateFolderResponse, DeleteFolder, DeleteFolderResponse,
    DisposalType, FindFolder, FindFolderResponse, FindFolderResponseMessage, FindFolderRoot,
    FolderInfoResponseMessage, GetFolder, GetFolderResponse, MessageStatus,
};
use ews_model::properties::{FolderId, FolderIdChoice};
use ews_model::view::{BasePoint, FolderTraversal, FolderView, PagingInfo};
use ews_xml::ResponseCode;
use ews_xml::XmlValue as _;

/// Magic prefix of the decoded bytes of every folder id this server issues.
const ID_MAGIC: &[u8] = b"FXF\x01";
/// Bytes after the prefix: the owner's number (2, big-endian) and random bytes (30).
const ID_RANDOM: usize = 32;

/// The distinguished folders every mailbox starts with: `(distinguished id, parent)`.
const TREE: &[(&str, Option<&str>)] = &[
    ("root", None),
    ("msgfolderroot", Some("root")),
    ("inbox", Some("msgfolderroot")),
    ("calendar", Some("msgfolderroot")),
    ("contacts", Some("msgfolderroot")),
    ("tasks", Some("msgfolderroot")),
    ("sentitems", Some("msgfolderroot")),
    ("drafts", Some("msgfolderroot")),
    ("deleteditems", Some("msgfolderroot")),
    ("junkemail", Some("msgfolderroot")),
    ("outbox", Some("msgfolderroot")),
    ("notes", Some("msgfolderroot")),
    ("journal", Some("msgfolderroot")),
    ("recoverableitemsroot", Some("root")),
    ("recoverableitemsdeletions", Some("recoverableitemsroot")),
    ("recoverableitemsversions", Some("recoverableitemsroot")),
    ("recoverableitemspurges", Some("recoverableitemsroot")),
    ("searchfolders", Some("root")),
];

/// What an id this server issues names, told from its decoded bytes (the magic prefix and
/// the length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdKind {
    /// A folder id.
    Folder,
    /// An item id.
    Item,
    /// The id of one occurrence of a recurring series.
    Occurrence,
}

/// The kind of id `raw` (decoded from base64) is, `None` when this server never issues
/// such an id.
pub(crate) fn id_kind(raw: &[u8]) -> Option<IdKind> {
    if raw.len() == ID_MAGIC.len() + ID_RANDOM && raw.starts_with(ID_MAGIC) {
        Some(IdKind::Folder)
    } else if items::is_item_id(raw) {
        Some(IdKind::Item)
    } else if items::is_occurrence_id(raw) {
        Some(IdKind::Occurrence)
    } else {
        None
    }
}

/// SplitMix64: small, seeded, deterministic.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n + 8);
        while out.len() < n {
            out.extend_from_slice(&self.next_u64().to_le_bytes());
        }
        out.truncate(n);
        out
    }
}

#[derive(Debug, Clone)]
struct Record {
    id: String,
    change_key: String,
    parent: Option<String>,
    distinguished: Option<&'static str>,
    /// The folder as stored: its own properties, without ids and counts.
    folder: FolderKind,
    /// Deleted with `SoftDelete`: found only by `SoftDeleted` traversal of its parent, and
    /// by nothing else.
    soft_deleted: bool,
}

/// Why a folder id does not name a folder.
enum Lookup {
    Malformed,
    NotFound,
}

impl Lookup {
    fn status(&self) -> MessageStatus {
        match self {
            Self::Malformed => {
                MessageStatus::error(ResponseCode::ErrorInvalidIdMalformed, "Id is malformed.")
            }
            Self::NotFound => MessageStatus::error(
                ResponseCode::ErrorFolderNotFound,
                "The specified folder could not be found in the store.",
            ),
        }
    }
}

/// One user's mailbox.
#[derive(Debug)]
pub(crate) struct Mailbox {
    /// The owner's number.
    number: u16,
    /// Folders in creation order (the order FindFolder returns them in).
    folders: Vec<Record>,
    /// Items in creation order.
    items: Vec<items::ItemRecord>,
    /// The last item sequence number given.
    seq: u64,
    rng: Rng,
    change_counter: u32,
}

impl Mailbox {
    /// The mailbox of user number `number` (written into every id it issues).
    pub(crate) fn new(seed: u64, number: u16) -> Self {
        let mut mb = Self {
            number,
            folders: Vec::new(),
            items: Vec::new(),
            seq: 0,
            rng: Rng::new(seed),
            change_counter: 0,
        };
        for (dist, parent) in TREE {
            let Some(wk) = WellKnownFolder::by_distinguished_id(dist) else {
                continue;
            };
            let parent_id = parent
                .and_then(|p| mb.distinguished(p))
                .map(|r| r.id.clone());
            let name = wk.localized_name("en_US").unwrap_or(wk.name);
            let folder = folder_of_class(name, wk.container_class);
            let id = mb.new_id();
            let change_key = mb.new_change_key();
            mb.folders.push(Record {
                id,
                change_key,
                parent: parent_id,
                distinguished: wk.distinguished_id,
                folder,
                soft_deleted: false,
            });
        }
        mb
    }

    fn new_id(&mut self) -> String {
        self.id_with(ID_MAGIC)
    }

    /// A new id: `magic`, the owner's number, random bytes.
    fn id_with(&mut self, magic: &[u8]) -> String {
        let mut raw = magic.to_vec();
        raw.extend(self.number.to_be_bytes());
        raw.extend(self.rng.bytes(ID_RANDOM - 2));
        STANDARD.encode(raw)
    }

    fn new_change_key(&mut self) -> String {
        self.change_counter = self.change_counter.wrapping_add(1);
        let mut raw = b"CK".to_vec();
        raw.extend(self.change_counter.to_be_bytes());
        raw.extend(self.rng.bytes(12));
        STANDARD.encode(raw)
    }

    fn distinguished(&self, name: &str) -> Option<&Record> {
        self.folders.iter().find(|r| {
            r.distinguished
                .is_some_and(|d| d.eq_ignore_ascii_case(name))
        })
    }

    fn index_of_id(&self, id: &str) -> Option<usize> {
        self.folders.iter().position(|r| r.id == id)
    }

    /// Resolves a folder id to an index in `folders`.
    fn resolve(&self, id: &FolderIdChoice) -> Result<usize, Lookup> {
        match id {
            FolderIdChoice::FolderId(f) => {
                let well_formed = STANDARD.decode(f.id.trim()).is_ok_and(|b| {
                    b.len() == ID_MAGIC.len() + ID_RANDOM && b.starts_with(ID_MAGIC)
                });
                if !well_formed {
                    return Err(Lookup::Malformed);
                }
                self.index_of_id(f.id.trim())
                    .filter(|&i| !self.folders[i].soft_deleted)
                    .ok_or(Lookup::NotFound)
            }
            FolderIdChoice::DistinguishedFolderId(d) => {
                let name = d.id.to_xml_value();
                self.folders
                    .iter()
                    .position(|r| {
                        r.distinguished
                            .is_some_and(|x| x.eq_ignore_ascii_case(&name))
                    })
                    .ok_or(Lookup::NotFound)
            }
            _ => Err(Lookup::Malformed),
        }
    }

    fn children(&self, id: &str) -> impl Iterator<Item = usize> + '_ {
        let id = id.to_owned();
        self.folders
            .iter()
            .enumerate()
            .filter(move |(_, r)| !r.soft_deleted && r.parent.as_deref() == Some(id.as_str()))
            .map(|(i, _)| i)
    }

    /// The soft-deleted folders directly under `id`.
    fn soft_deleted_children(&self, id: &str) -> Vec<usize> {
        self.folders
            .iter()
            .enumerate()
            .filter(|(_, r)| r.soft_deleted && r.parent.as_deref() == Some(id))
            .map(|(i, _)| i)
            .collect()
    }

    /// Descendants in depth-first pre-order.
    fn descendants(&self, idx: usize, out: &mut Vec<usize>) {
        let id = self.folders[idx].id.clone();
        let kids: Vec<usize> = self.children(&id).collect();
        for k in kids {
            out.push(k);
            self.descendants(k, out);
        }
    }

    fn touch(&mut self, idx: usize) {
        let ck = self.new_change_key();
        if let Some(r) = self.folders.get_mut(idx) {
            r.change_key = ck;
        }
    }

    /// The folder as a response shows it.
    fn render(&self, idx: usize, shape: &BaseShape) -> FolderKind {
        let r = &self.folders[idx];
        let id = FolderId::new(r.id.clone()).with_change_key(r.change_key.clone());
        if matches!(shape, BaseShape::IdOnly) {
            let mut f = empty_like(&r.folder);
            f.base_mut().folder_id = Some(id);
            return f;
        }
        let mut f = r.folder.clone();
        let child_count = self.children(&r.id).count();
        let base = f.base_mut();
        base.folder_id = Some(id);
        base.parent_folder_id = r
            .parent
            .as_ref()
            .and_then(|p| self.index_of_id(p))
            .map(|p| {
                FolderId::new(self.folders[p].id.clone())
                    .with_change_key(self.folders[p].change_key.clone())
            });
        let total = self.items_in(&r.id).count();
        let unread = self.unread_in(&r.id);
        let base = f.base_mut();
        base.total_count = Some(i32::try_from(total).unwrap_or(i32::MAX));
        base.child_folder_count = Some(i32::try_from(child_count).unwrap_or(i32::MAX));
        if let FolderKind::Folder(plain) = &mut f {
            plain.unread_count = Some(i32::try_from(unread).unwrap_or(i32::MAX));
        }
        f
    }

    pub(crate) fn get_folder(&self, req: &GetFolder) -> GetFolderResponse {
        let shape = &req.folder_shape.base_shape;
        GetFolderResponse::new(
            req.folder_ids
                .iter()
                .map(|id| match self.resolve(id) {
                    Ok(idx) => FolderInfoResponseMessage::success(self.render(idx, shape)),
                    Err(e) => FolderInfoResponseMessage::error(e.status()),
                })
                .collect(),
        )
    }

    pub(crate) fn create_folder(&mut self, req: &CreateFolder) -> CreateFolderResponse {
        let parent = match self.resolve(&req.parent_folder_id) {
            Ok(p) => p,
            Err(e) => {
                let status = e.status();
                return CreateFolderResponse::new(
                    req.folders
                        .iter()
                        .map(|_| FolderInfoResponseMessage::error(status.clone()))
                        .collect(),
                );
            }
        };
        let parent_id = self.folders[parent].id.clone();
        let mut messages = Vec::with_capacity(req.folders.len());
        for requested in &req.folders {
            let name = requested.display_name().unwrap_or("").trim().to_owned();
            if name.is_empty() {
                messages.push(FolderInfoResponseMessage::error(MessageStatus::error(
                    ResponseCode::ErrorInvalidRequest,
                    "A folder must have a display name.",
                )));
                continue;
            }
            let exists = self.children(&parent_id).any(|c| {
                self.folders[c]
                    .folder
                    .display_name()
                    .is_some_and(|n| n.eq_ignore_ascii_case(&name))
            });
            if exists {
                messages.push(FolderInfoResponseMessage::error(MessageStatus::error(
                    ResponseCode::ErrorFolderExists,
                    "A folder with the specified name already exists.",
                )));
                continue;
            }
            let mut folder = requested.clone();
            {
                let base = folder.base_mut();
                base.folder_id = None;
                base.parent_folder_id = None;
                base.total_count = None;
                base.child_folder_count = None;
                base.display_name = Some(name);
                if base.folder_class.is_none() {
                    base.folder_class = default_class(requested).map(str::to_owned);
                }
            }
            let id = self.new_id();
            let change_key = self.new_change_key();
            self.folders.push(Record {
                id: id.clone(),
                change_key: change_key.clone(),
                parent: Some(parent_id.clone()),
                distinguished: None,
                folder,
                soft_deleted: false,
            });
            self.touch(parent);
            let mut shown = empty_like(requested);
            shown.base_mut().folder_id = Some(FolderId::new(id).with_change_key(change_key));
            messages.push(FolderInfoResponseMessage::success(shown));
        }
        CreateFolderResponse::new(messages)
    }

    pub(crate) fn find_folder(&self, req: &FindFolder) -> FindFolderResponse {
        let shape = &req.folder_shape.base_shape;
        let messages = req
            .parent_folder_ids
            .iter()
            .map(|id| {
                let parent = match self.resolve(id) {
                    Ok(p) => p,
                    Err(e) => return FindFolderResponseMessage::error(e.status()),
                };
                let mut all = Vec::new();
                match req.traversal {
                    FolderTraversal::Shallow => {
                        all.extend(self.children(&self.folders[parent].id));
                    }
                    FolderTraversal::Deep => self.descendants(parent, &mut all),
                    FolderTraversal::SoftDeleted => {
                        all.extend(self.soft_deleted_children(&self.folders[parent].id));
                    }
                    _ => {}
                }
                if let Some(restriction) = &req.restriction {
                    use ews_model::fields::HasFields as _;
                    let q = match ews_query::parse(restriction, &Folder::FIELDS) {
                        Ok(q) => q,
                        Err(e) => {
                            return FindFolderResponseMessage::error(MessageStatus::error(
                                ResponseCode::ErrorInvalidRestriction,
                                format!("The restriction is invalid: {e}"),
                            ));
                        }
                    };
                    all.retain(|&i| {
                        ews_query::eval(&q, &self.render(i, &BaseShape::AllProperties))
                    });
                }
                let (page, paging) = page(&all, req.view.as_ref());
                let folders = page.iter().map(|&i| self.render(i, shape)).collect();
                FindFolderResponseMessage::success(FindFolderRoot::new(paging, folders))
            })
            .collect();
        FindFolderResponse::new(messages)
    }

    pub(crate) fn delete_folder(&mut self, req: &DeleteFolder) -> DeleteFolderResponse {
        let mut messages = Vec::with_capacity(req.folder_ids.len());
        for id in &req.folder_ids {
            let idx = match self.resolve(id) {
                Ok(i) => i,
                Err(e) => {
                    messages.push(e.status());
                    continue;
                }
            };
            if self.folders[idx].distinguished.is_some() {
                messages.push(MessageStatus::error(
                    ResponseCode::ErrorDeleteDistinguishedFolder,
                    "Distinguished folders cannot be deleted.",
                ));
                continue;
            }
            let parent = self.folders[idx]
                .parent
                .as_ref()
                .and_then(|p| self.index_of_id(p));
            let move_to = match req.delete_type {
                DisposalType::MoveToDeletedItems => self
                    .distinguished("deleteditems")
                    .map(|r| r.id.clone())
                    .filter(|d| *d != self.folders[idx].id),
                _ => None,
            };
            if let Some(target) = move_to {
                self.folders[idx].parent = Some(target.clone());
                self.touch(idx);
                if let Some(t) = self.index_of_id(&target) {
                    self.touch(t);
                }
            } else if matches!(req.delete_type, DisposalType::SoftDelete) {
                // Kept with its subtree, seen only by SoftDeleted traversal of its parent.
                self.folders[idx].soft_deleted = true;
                self.touch(idx);
            } else {
                let mut doomed = vec![idx];
                self.descendants(idx, &mut doomed);
                let ids: Vec<String> = doomed.iter().map(|&i| self.folders[i].id.clone()).collect();
                self.folders.retain(|r| !ids.contains(&r.id));
                self.items.retain(|r| !ids.contains(&r.folder));
            }
            if let Some(p) = parent.and_then(|p| {
                // The parent's index may have shifted after a removal.
                self.folders.get(p).map(|r| r.id.clone())
            }) && let Some(p) = self.index_of_id(&p)
            {
                self.touch(p);
            }
            messages.push(MessageStatus::success());
        }
        DeleteFolderResponse::new(messages)
    }
}

/// Slices `all` by the view (at most [`items::FIND_CAP`] entries) and computes the paging
/// attributes.
fn page<'a>(all: &'a [usize], view: Option<&FolderView>) -> (&'a [usize], PagingInfo) {
    let total = all.len();
    let total_i32 = i32::try_from(total).unwrap_or(i32::MAX);
    let mut info = PagingInfo::default();
    info.total_items_in_view = Some(total_i32);
    let (start, max, fractional) = match view {
        None => (0, total, None),
        Some(FolderView::IndexedPage(v)) => {
            let offset = usize::try_from(v.offset.max(0)).unwrap_or(0);
            let max = v
                .max_entries_returned
                .and_then(|m| usize::try_from(m).ok())
                .unwrap_or(total);
            let start = match v.base_point {
                BasePoint::End => total.saturating_sub(offset.saturating_add(max)),
                _ => offset,
            };
            let max = match v.base_point {
                BasePoint::End => total.saturating_sub(offset).min(max),
                _ => max,
            };
            (start, max, None)
        }
        Some(FolderView::FractionalPage(v)) => {
            let den = i64::from(v.denominator.max(1));
            let num = i64::from(v.numerator.clamp(0, v.denominator.max(1)));
            let start = usize::try_from(num * total as i64 / den).unwrap_or(0);
            let max = v
                .max_entries_returned
                .and_then(|m| usize::try_from(m).ok())
                .unwrap_or(total);
            (start, max, Some(den))
        }
    };
    let start = start.min(total);
    let end = start.saturating_add(max.min(items::FIND_CAP)).min(total);
    let end_i32 = i32::try_from(end).unwrap_or(i32::MAX);
    info.includes_last_item_in_range = Some(end >= total);
    match fractional {
        None => info.indexed_paging_offset = Some(end_i32),
        Some(_) => {
            info.numerator_offset = Some(end_i32);
            info.absolute_denominator = Some(total_i32);
        }
    }
    (&all[start..end], info)
}

/// A folder of the same element kind as `f`, with no properties.
fn empty_like(f: &FolderKind) -> FolderKind {
    match f {
        FolderKind::CalendarFolder(_) => FolderKind::CalendarFolder(CalendarFolder::default()),
        FolderKind::ContactsFolder(_) => FolderKind::ContactsFolder(ContactsFolder::default()),
        FolderKind::TasksFolder(_) => FolderKind::TasksFolder(TasksFolder::default()),
        FolderKind::Unknown(g) => {
            let mut g = g.clone();
            g.base = FolderBase::default();
            g.other.clear();
            FolderKind::Unknown(g)
        }
        _ => FolderKind::Folder(Folder::default()),
    }
}

fn default_class(f: &FolderKind) -> Option<&'static str> {
    match f {
        FolderKind::CalendarFolder(_) => Some("IPF.Appointment"),
        FolderKind::ContactsFolder(_) => Some("IPF.Contact"),
        FolderKind::TasksFolder(_) => Some("IPF.Task"),
        _ => None,
    }
}

/// The folder element Exchange uses for a container class.
fn folder_of_class(name: &str, class: Option<&str>) -> FolderKind {
    let mut f = match class {
        Some("IPF.Appointment") => FolderKind::CalendarFolder(CalendarFolder::new(name)),
        Some("IPF.Contact") => FolderKind::ContactsFolder(ContactsFolder::new(name)),
        Some("IPF.Task") => FolderKind::TasksFolder(TasksFolder::new(name)),
        _ => FolderKind::Folder(Folder::new(name)),
    };
    let base: &mut FolderBase = f.base_mut();
    base.folder_class = class.map(str::to_owned);
    f
}
