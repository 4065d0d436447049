//! Folder ids: [`FolderId`], [`DistinguishedFolderId`] (every well-known folder by name, in
//! one's own or another mailbox) and the [`FolderIdChoice`] between them.
//!
//! ```
//! use ews_model::properties::{DistinguishedFolderId, DistinguishedFolderIdName, FolderIdChoice, Mailbox};
//!
//! let inbox: FolderIdChoice = DistinguishedFolderIdName::Inbox.into();
//! let shared = DistinguishedFolderId::new(DistinguishedFolderIdName::Calendar)
//!     .with_mailbox(Mailbox::new("room@example.test"));
//! assert_eq!(shared.mailbox.as_ref().and_then(|m| m.email_address.as_deref()), Some("room@example.test"));
//! assert_eq!(DistinguishedFolderIdName::from("sentitems"), DistinguishedFolderIdName::SentItems);
//! # let _ = inbox;
//! ```

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use super::mailbox::Mailbox;

/// The id of a folder, with its optional change key (`t:FolderIdType`).
///
/// Also the type of `t:ParentFolderId`. See
/// [FolderId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/folderid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "FolderId")]
pub struct FolderId {
    /// `Id`: the folder's id.
    #[xml(attr = "Id")]
    pub id: String,
    /// `ChangeKey`: the version of the folder this id refers to.
    #[xml(attr = "ChangeKey")]
    pub change_key: Option<String>,
}

impl FolderId {
    /// An id without a change key.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            change_key: None,
        }
    }

    /// This id with the change key `change_key`.
    #[must_use]
    pub fn with_change_key(mut self, change_key: impl Into<String>) -> Self {
        self.change_key = Some(change_key.into());
        self
    }
}

/// A well-known folder by name, optionally in another user's mailbox
/// (`t:DistinguishedFolderIdType`).
///
/// See [DistinguishedFolderId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/distinguishedfolderid).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "DistinguishedFolderId")]
#[non_exhaustive]
pub struct DistinguishedFolderId {
    /// `Id`: which folder.
    #[xml(attr = "Id")]
    pub id: DistinguishedFolderIdName,
    /// `ChangeKey`: the version of the folder.
    #[xml(attr = "ChangeKey")]
    pub change_key: Option<String>,
    /// `t:Mailbox`: whose folder, for shared and delegate access (default: the caller's).
    pub mailbox: Option<Mailbox>,
}

impl DistinguishedFolderId {
    /// The folder `id` of the caller's own mailbox.
    pub fn new(id: DistinguishedFolderIdName) -> Self {
        Self {
            id,
            change_key: None,
            mailbox: None,
        }
    }

    /// This folder in the mailbox of `mailbox` (shared or delegate access).
    #[must_use]
    pub fn with_mailbox(mut self, mailbox: impl Into<Mailbox>) -> Self {
        self.mailbox = Some(mailbox.into());
        self
    }

    /// This id with the change key `change_key`.
    #[must_use]
    pub fn with_change_key(mut self, change_key: impl Into<String>) -> Self {
        self.change_key = Some(change_key.into());
        self
    }
}

impl From<DistinguishedFolderIdName> for DistinguishedFolderId {
    fn from(id: DistinguishedFolderIdName) -> Self {
        Self::new(id)
    }
}

/// The name of a well-known folder (`t:DistinguishedFolderIdNameType`): every value of the
/// schema, and [`Other`](Self::Other) for names newer than it.
///
/// See [DistinguishedFolderId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/distinguishedfolderid).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum DistinguishedFolderIdName {
    /// `calendar`.
    #[xml(rename = "calendar")]
    Calendar,
    /// `contacts`.
    #[xml(rename = "contacts")]
    Contacts,
    /// `deleteditems`.
    #[xml(rename = "deleteditems")]
    DeletedItems,
    /// `drafts`.
    #[xml(rename = "drafts")]
    Drafts,
    /// `inbox`.
    #[xml(rename = "inbox")]
    Inbox,
    /// `journal`.
    #[xml(rename = "journal")]
    Journal,
    /// `notes`.
    #[xml(rename = "notes")]
    Notes,
    /// `outbox`.
    #[xml(rename = "outbox")]
    Outbox,
    /// `sentitems`.
    #[xml(rename = "sentitems")]
    SentItems,
    /// `tasks`.
    #[xml(rename = "tasks")]
    Tasks,
    /// `msgfolderroot`.
    #[xml(rename = "msgfolderroot")]
    MsgFolderRoot,
    /// `publicfoldersroot`.
    #[xml(rename = "publicfoldersroot")]
    PublicFoldersRoot,
    /// `root`.
    #[xml(rename = "root")]
    Root,
    /// `junkemail`.
    #[xml(rename = "junkemail")]
    JunkEmail,
    /// `searchfolders`.
    #[xml(rename = "searchfolders")]
    SearchFolders,
    /// `voicemail`.
    #[xml(rename = "voicemail")]
    VoiceMail,
    /// `recoverableitemsroot`.
    #[xml(rename = "recoverableitemsroot")]
    RecoverableItemsRoot,
    /// `recoverableitemsdeletions`.
    #[xml(rename = "recoverableitemsdeletions")]
    RecoverableItemsDeletions,
    /// `recoverableitemsversions`.
    #[xml(rename = "recoverableitemsversions")]
    RecoverableItemsVersions,
    /// `recoverableitemspurges`.
    #[xml(rename = "recoverableitemspurges")]
    RecoverableItemsPurges,
    /// `recoverableitemsdiscoveryholds`.
    #[xml(rename = "recoverableitemsdiscoveryholds")]
    RecoverableItemsDiscoveryHolds,
    /// `archiveroot`.
    #[xml(rename = "archiveroot")]
    ArchiveRoot,
    /// `archivemsgfolderroot`.
    #[xml(rename = "archivemsgfolderroot")]
    ArchiveMsgFolderRoot,
    /// `archivedeleteditems`.
    #[xml(rename = "archivedeleteditems")]
    ArchiveDeletedItems,
    /// `archiveinbox`.
    #[xml(rename = "archiveinbox")]
    ArchiveInbox,
    /// `archiverecoverableitemsroot`.
    #[xml(rename = "archiverecoverableitemsroot")]
    ArchiveRecoverableItemsRoot,
    /// `archiverecoverableitemsdeletions`.
    #[xml(rename = "archiverecoverableitemsdeletions")]
    ArchiveRecoverableItemsDeletions,
    /// `archiverecoverableitemsversions`.
    #[xml(rename = "archiverecoverableitemsversions")]
    ArchiveRecoverableItemsVersions,
    /// `archiverecoverableitemspurges`.
    #[xml(rename = "archiverecoverableitemspurges")]
    ArchiveRecoverableItemsPurges,
    /// `archiverecoverableitemsdiscoveryholds`.
    #[xml(rename = "archiverecoverableitemsdiscoveryholds")]
    ArchiveRecoverableItemsDiscoveryHolds,
    /// `syncissues`.
    #[xml(rename = "syncissues")]
    SyncIssues,
    /// `conflicts`.
    #[xml(rename = "conflicts")]
    Conflicts,
    /// `localfailures`.
    #[xml(rename = "localfailures")]
    LocalFailures,
    /// `serverfailures`.
    #[xml(rename = "serverfailures")]
    ServerFailures,
    /// `recipientcache`.
    #[xml(rename = "recipientcache")]
    RecipientCache,
    /// `quickcontacts`.
    #[xml(rename = "quickcontacts")]
    QuickContacts,
    /// `conversationhistory`.
    #[xml(rename = "conversationhistory")]
    ConversationHistory,
    /// `adminauditlogs`.
    #[xml(rename = "adminauditlogs")]
    AdminAuditLogs,
    /// `todosearch`.
    #[xml(rename = "todosearch")]
    ToDoSearch,
    /// `mycontacts`.
    #[xml(rename = "mycontacts")]
    MyContacts,
    /// `directory`.
    #[xml(rename = "directory")]
    Directory,
    /// `imcontactlist`.
    #[xml(rename = "imcontactlist")]
    ImContactList,
    /// `peopleconnect`.
    #[xml(rename = "peopleconnect")]
    PeopleConnect,
    /// `favorites`.
    #[xml(rename = "favorites")]
    Favorites,
    /// `mecontact`.
    #[xml(rename = "mecontact")]
    MeContact,
    /// `personmetadata`.
    #[xml(rename = "personmetadata")]
    PersonMetadata,
    /// `teamspaceactivity`.
    #[xml(rename = "teamspaceactivity")]
    TeamSpaceActivity,
    /// `teamspacemessaging`.
    #[xml(rename = "teamspacemessaging")]
    TeamSpaceMessaging,
    /// `teamspaceworkitems`.
    #[xml(rename = "teamspaceworkitems")]
    TeamSpaceWorkItems,
    /// `scheduled`.
    #[xml(rename = "scheduled")]
    Scheduled,
    /// `orionnotes`.
    #[xml(rename = "orionnotes")]
    OrionNotes,
    /// `tagitems`.
    #[xml(rename = "tagitems")]
    TagItems,
    /// `alltaggeditems`.
    #[xml(rename = "alltaggeditems")]
    AllTaggedItems,
    /// `allcategorizeditems`.
    #[xml(rename = "allcategorizeditems")]
    AllCategorizedItems,
    /// `externalcontacts`.
    #[xml(rename = "externalcontacts")]
    ExternalContacts,
    /// `teamchat`.
    #[xml(rename = "teamchat")]
    TeamChat,
    /// `teamchathistory`.
    #[xml(rename = "teamchathistory")]
    TeamChatHistory,
    /// `yammerdata`.
    #[xml(rename = "yammerdata")]
    YammerData,
    /// `yammerroot`.
    #[xml(rename = "yammerroot")]
    YammerRoot,
    /// `yammerinbound`.
    #[xml(rename = "yammerinbound")]
    YammerInbound,
    /// `yammeroutbound`.
    #[xml(rename = "yammeroutbound")]
    YammerOutbound,
    /// `yammerfeeds`.
    #[xml(rename = "yammerfeeds")]
    YammerFeeds,
    /// `kaizaladata`.
    #[xml(rename = "kaizaladata")]
    KaizalaData,
    /// `messageingestion`.
    #[xml(rename = "messageingestion")]
    MessageIngestion,
    /// `onedriveroot`.
    #[xml(rename = "onedriveroot")]
    OneDriveRoot,
    /// `onedriverecylebin` (sic: the schema's spelling).
    #[xml(rename = "onedriverecylebin")]
    OneDriveRecycleBin,
    /// `onedrivesystem`.
    #[xml(rename = "onedrivesystem")]
    OneDriveSystem,
    /// `onedrivevolume`.
    #[xml(rename = "onedrivevolume")]
    OneDriveVolume,
    /// `important`.
    #[xml(rename = "important")]
    Important,
    /// `starred`.
    #[xml(rename = "starred")]
    Starred,
    /// `archive`.
    #[xml(rename = "archive")]
    Archive,
    /// A name this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

impl DistinguishedFolderIdName {
    /// Every name of the schema, in its order (without [`Other`](Self::Other)).
    pub const ALL: &'static [Self] = &[
        Self::Calendar,
        Self::Contacts,
        Self::DeletedItems,
        Self::Drafts,
        Self::Inbox,
        Self::Journal,
        Self::Notes,
        Self::Outbox,
        Self::SentItems,
        Self::Tasks,
        Self::MsgFolderRoot,
        Self::PublicFoldersRoot,
        Self::Root,
        Self::JunkEmail,
        Self::SearchFolders,
        Self::VoiceMail,
        Self::RecoverableItemsRoot,
        Self::RecoverableItemsDeletions,
        Self::RecoverableItemsVersions,
        Self::RecoverableItemsPurges,
        Self::RecoverableItemsDiscoveryHolds,
        Self::ArchiveRoot,
        Self::ArchiveMsgFolderRoot,
        Self::ArchiveDeletedItems,
        Self::ArchiveInbox,
        Self::ArchiveRecoverableItemsRoot,
        Self::ArchiveRecoverableItemsDeletions,
        Self::ArchiveRecoverableItemsVersions,
        Self::ArchiveRecoverableItemsPurges,
        Self::ArchiveRecoverableItemsDiscoveryHolds,
        Self::SyncIssues,
        Self::Conflicts,
        Self::LocalFailures,
        Self::ServerFailures,
        Self::RecipientCache,
        Self::QuickContacts,
        Self::ConversationHistory,
        Self::AdminAuditLogs,
        Self::ToDoSearch,
        Self::MyContacts,
        Self::Directory,
        Self::ImContactList,
        Self::PeopleConnect,
        Self::Favorites,
        Self::MeContact,
        Self::PersonMetadata,
        Self::TeamSpaceActivity,
        Self::TeamSpaceMessaging,
        Self::TeamSpaceWorkItems,
        Self::Scheduled,
        Self::OrionNotes,
        Self::TagItems,
        Self::AllTaggedItems,
        Self::AllCategorizedItems,
        Self::ExternalContacts,
        Self::TeamChat,
        Self::TeamChatHistory,
        Self::YammerData,
        Self::YammerRoot,
        Self::YammerInbound,
        Self::YammerOutbound,
        Self::YammerFeeds,
        Self::KaizalaData,
        Self::MessageIngestion,
        Self::OneDriveRoot,
        Self::OneDriveRecycleBin,
        Self::OneDriveSystem,
        Self::OneDriveVolume,
        Self::Important,
        Self::Starred,
        Self::Archive,
    ];
}

impl From<&str> for DistinguishedFolderIdName {
    /// The folder named `name`; names the schema does not know become [`Other`](Self::Other).
    fn from(name: &str) -> Self {
        Self::from_xml_value(name).unwrap_or_else(|_| Self::Other(name.to_owned()))
    }
}

serde_as_xml_value!(DistinguishedFolderIdName);

/// A folder by id or by name (`t:BaseFolderIdType`: `t:FolderId` or
/// `t:DistinguishedFolderId`), as in `m:FolderIds` and `m:ParentFolderId`.
///
/// A parent declares it as `#[xml(ns = "m", wrapper = "FolderIds", choice)] ids: Vec<FolderIdChoice>`
/// or `#[xml(choice)] id: FolderIdChoice`. See
/// [FolderIds](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/folderids).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum FolderIdChoice {
    /// `t:FolderId`.
    FolderId(FolderId),
    /// `t:DistinguishedFolderId`.
    DistinguishedFolderId(DistinguishedFolderId),
}

impl From<FolderId> for FolderIdChoice {
    fn from(id: FolderId) -> Self {
        Self::FolderId(id)
    }
}

impl From<DistinguishedFolderId> for FolderIdChoice {
    fn from(id: DistinguishedFolderId) -> Self {
        Self::DistinguishedFolderId(id)
    }
}

impl From<DistinguishedFolderIdName> for FolderIdChoice {
    fn from(name: DistinguishedFolderIdName) -> Self {
        Self::DistinguishedFolderId(name.into())
    }
}

impl crate::fields::FieldValue for FolderId {
    const KIND: crate::fields::Kind = crate::fields::Kind::single(crate::fields::ValueKind::Id);
}

impl crate::fields::FieldValue for DistinguishedFolderIdName {
    const KIND: crate::fields::Kind = crate::fields::Kind::single(crate::fields::ValueKind::Text);
}
