//! What every folder has: [`FolderBase`] (`t:BaseFolderType`), with the
//! [`ManagedFolderInformation`] and [`RetentionTag`] it refers to.

use ews_xml::{XmlRead, XmlWrite};

use crate::Fields;
use crate::extended::{ExtendedProperties, Guid};
use crate::fields::{FieldValue, Kind, ValueKind};
use crate::properties::{DistinguishedFolderIdName, EffectiveRights, FolderId};

/// The properties common to every kind of folder (`t:BaseFolderType`), flattened into
/// [`Folder`](super::Folder), [`CalendarFolder`](super::CalendarFolder),
/// [`ContactsFolder`](super::ContactsFolder) and the others.
///
/// Every field is optional: a response carries what the request's `FolderShape` asked for, a
/// create or update request what it sets.
///
/// See [Folder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/folder).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct FolderBase {
    /// `t:FolderId`: the folder's id and change key.
    #[field(uri = "folder:FolderId", read_only)]
    pub folder_id: Option<FolderId>,
    /// `t:ParentFolderId`: the folder that contains this one.
    #[field(uri = "folder:ParentFolderId", read_only)]
    pub parent_folder_id: Option<FolderId>,
    /// `t:FolderClass`: the container class (`IPF.Note`, `IPF.Appointment`...); set on
    /// creation, fixed afterwards.
    #[field(uri = "folder:FolderClass", searchable)]
    pub folder_class: Option<String>,
    /// `t:DisplayName`: the name shown to users.
    #[field(uri = "folder:DisplayName", searchable)]
    pub display_name: Option<String>,
    /// `t:TotalCount`: the number of items.
    #[field(uri = "folder:TotalCount", searchable, read_only)]
    pub total_count: Option<i32>,
    /// `t:ChildFolderCount`: the number of direct subfolders.
    #[field(uri = "folder:ChildFolderCount", searchable, read_only)]
    pub child_folder_count: Option<i32>,
    /// `t:ExtendedProperty` (repeated): extended MAPI properties.
    #[xml(flatten)]
    #[field(extended)]
    pub extended_properties: ExtendedProperties,
    /// `t:ManagedFolderInformation`: managed (messaging records management) folder facts.
    #[field(uri = "folder:ManagedFolderInformation", read_only)]
    pub managed_folder_information: Option<ManagedFolderInformation>,
    /// `t:EffectiveRights`: what the caller may do with the folder.
    #[field(uri = "folder:EffectiveRights", read_only, since = "Exchange2007_SP1")]
    pub effective_rights: Option<EffectiveRights>,
    /// `t:DistinguishedFolderId`: the well-known name of the folder, if it has one.
    #[field(
        uri = "folder:DistinguishedFolderId",
        read_only,
        since = "Exchange2013"
    )]
    pub distinguished_folder_id: Option<DistinguishedFolderIdName>,
    /// `t:PolicyTag`: the retention policy tag.
    #[field(uri = "folder:PolicyTag", since = "Exchange2013")]
    pub policy_tag: Option<RetentionTag>,
    /// `t:ArchiveTag`: the archive policy tag.
    #[field(uri = "folder:ArchiveTag", since = "Exchange2013")]
    pub archive_tag: Option<RetentionTag>,
    /// `t:ReplicaList`: the servers holding replicas of a public folder.
    #[field(uri = "folder:ReplicaList", read_only, since = "Exchange2013")]
    #[xml(wrapper = "ReplicaList", item = "String")]
    pub replica_list: Option<Vec<String>>,
}

/// Managed folder (messaging records management) information of a folder
/// (`t:ManagedFolderInformationType`, read-only).
///
/// See [ManagedFolderInformation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/managedfolderinformation).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct ManagedFolderInformation {
    /// `t:CanDelete`: the folder may be deleted.
    pub can_delete: Option<bool>,
    /// `t:CanRenameOrMove`: the folder may be renamed or moved.
    pub can_rename_or_move: Option<bool>,
    /// `t:MustDisplayComment`: clients must show the comment.
    pub must_display_comment: Option<bool>,
    /// `t:HasQuota`: the folder has a storage quota.
    pub has_quota: Option<bool>,
    /// `t:IsManagedFoldersRoot`: the folder is the root of the managed folders.
    pub is_managed_folders_root: Option<bool>,
    /// `t:ManagedFolderId`: the managed folder's id.
    pub managed_folder_id: Option<String>,
    /// `t:Comment`: the administrator's comment.
    pub comment: Option<String>,
    /// `t:StorageQuota`: the quota, in kilobytes.
    pub storage_quota: Option<i32>,
    /// `t:FolderSize`: the folder's size, in kilobytes.
    pub folder_size: Option<i32>,
    /// `t:HomePage`: the folder's home page URL.
    pub home_page: Option<String>,
}

/// A retention or archive policy tag (`t:RetentionTagType`): the tag's GUID and whether it
/// was set on the folder itself (`IsExplicit`) or inherited.
///
/// See [PolicyTag](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/policytag)
/// and [ArchiveTag](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/archivetag).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RetentionTag {
    /// `IsExplicit`: set on this folder rather than inherited from its parent.
    #[xml(attr = "IsExplicit")]
    pub is_explicit: bool,
    /// The tag's GUID.
    #[xml(text)]
    pub guid: Guid,
}

impl RetentionTag {
    /// The tag `guid`, explicit or inherited.
    pub fn new(guid: Guid, is_explicit: bool) -> Self {
        Self { is_explicit, guid }
    }
}

impl FieldValue for ManagedFolderInformation {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}

impl FieldValue for RetentionTag {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}

impl FolderBase {
    /// The folder's id, if the response carried it.
    pub fn id(&self) -> Option<&FolderId> {
        self.folder_id.as_ref()
    }
}
