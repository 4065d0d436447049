//! The well-known folders of a mailbox: the distinguished folders (addressable by name with
//! `t:DistinguishedFolderId`) and the other system folders found by display name, each with
//! its container class, the first Exchange version that has it, whether it may be deleted,
//! and its display names in the languages where they are known.
//!
//! ```
//! use ews_model::folders::WellKnownFolder;
//! use ews_model::properties::DistinguishedFolderIdName;
//! use ews_model::version::ExchangeVersion;
//!
//! let inbox = WellKnownFolder::by_name(DistinguishedFolderIdName::Inbox).unwrap();
//! assert_eq!(inbox.container_class, Some("IPF.Note"));
//! assert_eq!(WellKnownFolder::by_localized_name("posteingang").unwrap().name, "Inbox");
//! assert_eq!(WellKnownFolder::by_container_class("IPF.Appointment").unwrap().name, "Calendar");
//! let archive = WellKnownFolder::by_name(DistinguishedFolderIdName::ArchiveInbox).unwrap();
//! assert_eq!(archive.since, ExchangeVersion::Exchange2013Sp1);
//! ```
//!
//! Versions: folders that only Exchange Online knows are marked
//! [`ExchangeVersion::Exchange2016`], the schema version Exchange Online is addressed with;
//! folders found by name have no version of their own and are marked
//! [`ExchangeVersion::Exchange2007`].
//!
//! Reference: [DistinguishedFolderId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/distinguishedfolderid).

use ews_xml::XmlValue;

use crate::properties::DistinguishedFolderIdName;
use crate::version::ExchangeVersion;

/// A display name of a folder in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LocalizedName {
    /// The locale (`de_DE`), or `None` for a name used in every language.
    pub locale: Option<&'static str>,
    /// The display name.
    pub name: &'static str,
}

/// Where in a mailbox a well-known folder lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum FolderLocation {
    /// Under the mailbox root, addressable by its distinguished name.
    Root,
    /// Under the archive mailbox root, addressable by its distinguished name.
    ArchiveRoot,
    /// A system folder without a distinguished name, found by display name or class.
    ByName,
}

/// A well-known folder: its names, class and version.
///
/// See [DistinguishedFolderId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/distinguishedfolderid).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct WellKnownFolder {
    /// A name for the folder in code (`Inbox`, `RecoverableItemsRoot`, `Reminders`).
    pub name: &'static str,
    /// The distinguished folder id (`inbox`), for folders that have one.
    pub distinguished_id: Option<&'static str>,
    /// The container class (`IPF.Note`), where known.
    pub container_class: Option<&'static str>,
    /// The first Exchange schema version with this folder.
    pub since: ExchangeVersion,
    /// Where the folder lives.
    pub location: FolderLocation,
    /// Whether the server lets a client delete the folder (never for distinguished folders).
    pub deletable: bool,
    /// Whether `GetFolder` on the folder is allowed (some system folders refuse it).
    pub get_folder_allowed: bool,
    /// Display names by locale, where known.
    pub localized_names: &'static [LocalizedName],
}

impl WellKnownFolder {
    /// Every known folder: the distinguished ones first, then the folders found by name.
    pub const ALL: &'static [Self] = TABLE;

    /// The folder with the distinguished name `name` (also names newer than the schema, held
    /// in [`DistinguishedFolderIdName::Other`]).
    pub fn by_name(name: DistinguishedFolderIdName) -> Option<&'static Self> {
        Self::by_distinguished_id(&name.to_xml_value())
    }

    /// The folder with the distinguished id `id` (`inbox`), ignoring ASCII case.
    pub fn by_distinguished_id(id: &str) -> Option<&'static Self> {
        TABLE.iter().find(|f| {
            f.distinguished_id
                .is_some_and(|d| d.eq_ignore_ascii_case(id))
        })
    }

    /// The folder with the display name `name` in any known language, ignoring case
    /// (`Posteingang` and `inbox` are both the inbox).
    pub fn by_localized_name(name: &str) -> Option<&'static Self> {
        let name = name.trim().to_lowercase();
        TABLE.iter().find(|f| {
            f.localized_names
                .iter()
                .any(|l| l.name.to_lowercase() == name)
        })
    }

    /// The folder most typical of the container class `class`, ignoring ASCII case: the main
    /// folder of the class where there is one (`IPF.Note` is the inbox, `IPF.Appointment` the
    /// calendar), else the first folder with the class; a class without a folder of its own
    /// falls back to its parent class (`IPF.Note.Custom` to `IPF.Note`).
    pub fn by_container_class(class: &str) -> Option<&'static Self> {
        let mut class = class.trim();
        loop {
            if let Some(main) = MAIN_FOLDER_OF_CLASS
                .iter()
                .find(|(c, _)| c.eq_ignore_ascii_case(class))
            {
                return Self::by_name(main.1.clone());
            }
            if let Some(f) = Self::with_container_class(class).next() {
                return Some(f);
            }
            class = &class[..class.rfind('.')?];
        }
    }

    /// Every folder with exactly the container class `class` (ignoring ASCII case).
    pub fn with_container_class(class: &str) -> impl Iterator<Item = &'static Self> + use<'_> {
        TABLE.iter().filter(move |f| {
            f.container_class
                .is_some_and(|c| c.eq_ignore_ascii_case(class))
        })
    }

    /// The distinguished name, for folders that have one.
    pub fn distinguished_name(&self) -> Option<DistinguishedFolderIdName> {
        self.distinguished_id.map(DistinguishedFolderIdName::from)
    }

    /// The display name in `locale` (`de_DE`), else the name used in every language.
    pub fn localized_name(&self, locale: &str) -> Option<&'static str> {
        let find = |want: Option<&str>| {
            self.localized_names
                .iter()
                .find(|l| l.locale == want)
                .map(|l| l.name)
        };
        find(Some(locale)).or_else(|| find(None))
    }
}

/// The folder that stands for a container class.
const MAIN_FOLDER_OF_CLASS: &[(&str, DistinguishedFolderIdName)] = &[
    ("IPF.Note", DistinguishedFolderIdName::Inbox),
    ("IPF.Appointment", DistinguishedFolderIdName::Calendar),
    ("IPF.Contact", DistinguishedFolderIdName::Contacts),
    ("IPF.Task", DistinguishedFolderIdName::Tasks),
    ("IPF.StickyNote", DistinguishedFolderIdName::Notes),
    ("IPF.Journal", DistinguishedFolderIdName::Journal),
];

const fn l(locale: &'static str, name: &'static str) -> LocalizedName {
    LocalizedName {
        locale: Some(locale),
        name,
    }
}

const fn any(name: &'static str) -> LocalizedName {
    LocalizedName { locale: None, name }
}

/// A distinguished folder under the root.
const fn root(
    name: &'static str,
    id: &'static str,
    class: Option<&'static str>,
    since: ExchangeVersion,
    names: &'static [LocalizedName],
) -> WellKnownFolder {
    WellKnownFolder {
        name,
        distinguished_id: Some(id),
        container_class: class,
        since,
        location: FolderLocation::Root,
        deletable: false,
        get_folder_allowed: true,
        localized_names: names,
    }
}

/// A distinguished folder of the archive mailbox.
const fn archive(name: &'static str, id: &'static str, since: ExchangeVersion) -> WellKnownFolder {
    WellKnownFolder {
        location: FolderLocation::ArchiveRoot,
        ..root(name, id, None, since, &[])
    }
}

/// A system folder without a distinguished name.
const fn by_name(
    name: &'static str,
    class: Option<&'static str>,
    deletable: bool,
    names: &'static [LocalizedName],
) -> WellKnownFolder {
    WellKnownFolder {
        name,
        distinguished_id: None,
        container_class: class,
        since: V::Exchange2007,
        location: FolderLocation::ByName,
        deletable,
        get_folder_allowed: true,
        localized_names: names,
    }
}

const fn no_get(mut f: WellKnownFolder) -> WellKnownFolder {
    f.get_folder_allowed = false;
    f
}

use ExchangeVersion as V;

const NOTE: Option<&str> = Some("IPF.Note");
const CONTACT: Option<&str> = Some("IPF.Contact");
const TASK: Option<&str> = Some("IPF.Task");
const APPOINTMENT: Option<&str> = Some("IPF.Appointment");

#[rustfmt::skip]
const CALENDAR: &[LocalizedName] = &[
    l("da_DK", "Kalender"), l("de_DE", "Kalender"), l("en_US", "Calendar"),
    l("es_ES", "Calendario"), l("fr_CA", "Calendrier"), l("nl_NL", "Agenda"),
    l("ru_RU", "Календарь"), l("sv_SE", "Kalender"), l("zh_CN", "日历"),
];
#[rustfmt::skip]
const CONTACTS: &[LocalizedName] = &[
    l("da_DK", "Kontaktpersoner"), l("de_DE", "Kontakte"), l("en_US", "Contacts"),
    l("es_ES", "Contactos"), l("fr_CA", "Contacts"), l("nl_NL", "Contactpersonen"),
    l("ru_RU", "Контакты"), l("sv_SE", "Kontakter"), l("zh_CN", "联系人"),
];
#[rustfmt::skip]
const DELETED_ITEMS: &[LocalizedName] = &[
    l("da_DK", "Slettet post"), l("de_DE", "Gelöschte Elemente"), l("en_US", "Deleted Items"),
    l("es_ES", "Elementos eliminados"), l("fr_CA", "Éléments supprimés"),
    l("nl_NL", "Verwijderde items"), l("ru_RU", "Удаленные"), l("sv_SE", "Borttaget"),
    l("zh_CN", "已删除邮件"),
];
#[rustfmt::skip]
const DRAFTS: &[LocalizedName] = &[
    l("da_DK", "Kladder"), l("de_DE", "Entwürfe"), l("en_US", "Drafts"),
    l("es_ES", "Borradores"), l("fr_CA", "Brouillons"), l("nl_NL", "Concepten"),
    l("ru_RU", "Черновики"), l("sv_SE", "Utkast"), l("zh_CN", "草稿"),
];
#[rustfmt::skip]
const INBOX: &[LocalizedName] = &[
    l("da_DK", "Indbakke"), l("de_DE", "Posteingang"), l("en_US", "Inbox"),
    l("es_ES", "Bandeja de entrada"), l("fr_CA", "Boîte de réception"),
    l("nl_NL", "Postvak IN"), l("ru_RU", "Входящие"), l("sv_SE", "Inkorgen"),
    l("zh_CN", "收件箱"),
];
#[rustfmt::skip]
const OUTBOX: &[LocalizedName] = &[
    l("da_DK", "Udbakke"), l("de_DE", "Postausgang"), l("en_US", "Outbox"),
    l("es_ES", "Bandeja de salida"), l("fr_CA", "Boîte d'envoi"), l("nl_NL", "Postvak UIT"),
    l("ru_RU", "Исходящие"), l("sv_SE", "Utkorgen"), l("zh_CN", "发件箱"),
];
#[rustfmt::skip]
const SENT_ITEMS: &[LocalizedName] = &[
    l("da_DK", "Sendt post"), l("de_DE", "Gesendete Elemente"), l("en_US", "Sent Items"),
    l("es_ES", "Elementos enviados"), l("fr_CA", "Éléments envoyés"),
    l("nl_NL", "Verzonden items"), l("ru_RU", "Отправленные"), l("sv_SE", "Skickat"),
    l("zh_CN", "已发送邮件"),
];
#[rustfmt::skip]
const JUNK_EMAIL: &[LocalizedName] = &[
    l("da_DK", "Uønsket e-mail"), l("de_DE", "Junk-E-Mail"), l("en_US", "Junk E-mail"),
    l("es_ES", "Correo no deseado"), l("fr_CA", "Courrier indésirables"),
    l("nl_NL", "Ongewenste e-mail"), l("ru_RU", "Нежелательная почта"),
    l("sv_SE", "Skräppost"), l("zh_CN", "垃圾邮件"),
];
#[rustfmt::skip]
const TASKS: &[LocalizedName] = &[
    l("da_DK", "Opgaver"), l("de_DE", "Aufgaben"), l("en_US", "Tasks"), l("es_ES", "Tareas"),
    l("fr_CA", "Tâches"), l("nl_NL", "Taken"), l("ru_RU", "Задачи"), l("sv_SE", "Uppgifter"),
    l("zh_CN", "任务"),
];
#[rustfmt::skip]
const MSG_FOLDER_ROOT: &[LocalizedName] = &[
    any("Top of Information Store"), l("da_DK", "Informationslagerets øverste niveau"),
    l("zh_CN", "信息存储顶部"),
];

#[rustfmt::skip]
const TABLE: &[WellKnownFolder] = &[
    // The distinguished folders of the schema, in its order.
    root("Calendar", "calendar", APPOINTMENT, V::Exchange2007, CALENDAR),
    root("Contacts", "contacts", CONTACT, V::Exchange2007, CONTACTS),
    root("DeletedItems", "deleteditems", NOTE, V::Exchange2007, DELETED_ITEMS),
    root("Drafts", "drafts", NOTE, V::Exchange2007, DRAFTS),
    root("Inbox", "inbox", NOTE, V::Exchange2007, INBOX),
    root("Journal", "journal", Some("IPF.Journal"), V::Exchange2007, &[l("en_US", "Journal")]),
    root("Notes", "notes", Some("IPF.StickyNote"), V::Exchange2007,
        &[l("da_DK", "Noter"), l("en_US", "Notes")]),
    root("Outbox", "outbox", NOTE, V::Exchange2007, OUTBOX),
    root("SentItems", "sentitems", NOTE, V::Exchange2007, SENT_ITEMS),
    root("Tasks", "tasks", TASK, V::Exchange2007, TASKS),
    root("MsgFolderRoot", "msgfolderroot", None, V::Exchange2007, MSG_FOLDER_ROOT),
    root("PublicFoldersRoot", "publicfoldersroot", None, V::Exchange2007, &[]),
    root("Root", "root", None, V::Exchange2007, &[]),
    root("JunkEmail", "junkemail", NOTE, V::Exchange2007, JUNK_EMAIL),
    root("SearchFolders", "searchfolders", None, V::Exchange2007, &[]),
    root("VoiceMail", "voicemail", Some("IPF.Note.Microsoft.Voicemail"), V::Exchange2007,
        &[any("Voice Mail")]),
    root("RecoverableItemsRoot", "recoverableitemsroot", None, V::Exchange2010Sp1,
        &[any("Recoverable Items")]),
    root("RecoverableItemsDeletions", "recoverableitemsdeletions", None, V::Exchange2010Sp1,
        &[any("Deletions")]),
    root("RecoverableItemsVersions", "recoverableitemsversions", None, V::Exchange2010Sp1,
        &[any("Versions")]),
    root("RecoverableItemsPurges", "recoverableitemspurges", None, V::Exchange2010Sp1,
        &[any("Purges")]),
    root("RecoverableItemsDiscoveryHolds", "recoverableitemsdiscoveryholds", None,
        V::Exchange2013, &[any("DiscoveryHolds")]),
    archive("ArchiveRoot", "archiveroot", V::Exchange2010Sp1),
    archive("ArchiveMsgFolderRoot", "archivemsgfolderroot", V::Exchange2010Sp1),
    archive("ArchiveDeletedItems", "archivedeleteditems", V::Exchange2010Sp1),
    archive("ArchiveInbox", "archiveinbox", V::Exchange2013Sp1),
    archive("ArchiveRecoverableItemsRoot", "archiverecoverableitemsroot", V::Exchange2010Sp1),
    archive("ArchiveRecoverableItemsDeletions", "archiverecoverableitemsdeletions",
        V::Exchange2010Sp1),
    archive("ArchiveRecoverableItemsVersions", "archiverecoverableitemsversions",
        V::Exchange2010Sp1),
    archive("ArchiveRecoverableItemsPurges", "archiverecoverableitemspurges", V::Exchange2010Sp1),
    archive("ArchiveRecoverableItemsDiscoveryHolds", "archiverecoverableitemsdiscoveryholds",
        V::Exchange2013),
    root("SyncIssues", "syncissues", NOTE, V::Exchange2013, &[l("en_US", "Sync Issues")]),
    root("Conflicts", "conflicts", None, V::Exchange2013, &[l("en_US", "Conflicts")]),
    root("LocalFailures", "localfailures", None, V::Exchange2013,
        &[l("en_US", "Local Failures")]),
    root("ServerFailures", "serverfailures", None, V::Exchange2013,
        &[l("en_US", "Server Failures")]),
    root("RecipientCache", "recipientcache", Some("IPF.Contact.RecipientCache"), V::Exchange2013,
        &[]),
    root("QuickContacts", "quickcontacts", Some("IPF.Contact.MOC.QuickContacts"),
        V::Exchange2013, &[]),
    root("ConversationHistory", "conversationhistory", None, V::Exchange2013,
        &[l("en_US", "Conversation History")]),
    no_get(root("AdminAuditLogs", "adminauditlogs", None, V::Exchange2013, &[])),
    root("ToDoSearch", "todosearch", TASK, V::Exchange2013, &[any("To-Do Search")]),
    root("MyContacts", "mycontacts", NOTE, V::Exchange2013, &[]),
    root("Directory", "directory", None, V::Exchange2013Sp1, &[]),
    root("ImContactList", "imcontactlist", Some("IPF.Contact.MOC.ImContactList"),
        V::Exchange2013, &[]),
    root("PeopleConnect", "peopleconnect", None, V::Exchange2013, &[]),
    root("Favorites", "favorites", NOTE, V::Exchange2013, &[]),
    root("MeContact", "mecontact", None, V::Exchange2016, &[]),
    root("PersonMetadata", "personmetadata", CONTACT, V::Exchange2016, &[]),
    root("TeamSpaceActivity", "teamspaceactivity", None, V::Exchange2016, &[]),
    root("TeamSpaceMessaging", "teamspacemessaging", None, V::Exchange2016, &[]),
    root("TeamSpaceWorkItems", "teamspaceworkitems", None, V::Exchange2016, &[]),
    root("Scheduled", "scheduled", None, V::Exchange2016, &[]),
    root("OrionNotes", "orionnotes", None, V::Exchange2016, &[]),
    root("TagItems", "tagitems", None, V::Exchange2016, &[]),
    root("AllTaggedItems", "alltaggeditems", None, V::Exchange2016, &[]),
    root("AllCategorizedItems", "allcategorizeditems", NOTE, V::Exchange2016, &[]),
    root("ExternalContacts", "externalcontacts", CONTACT, V::Exchange2016, &[]),
    root("TeamChat", "teamchat", None, V::Exchange2016, &[]),
    root("TeamChatHistory", "teamchathistory", None, V::Exchange2016, &[]),
    root("YammerData", "yammerdata", None, V::Exchange2016, &[]),
    root("YammerRoot", "yammerroot", None, V::Exchange2016, &[]),
    root("YammerInbound", "yammerinbound", None, V::Exchange2016, &[]),
    root("YammerOutbound", "yammeroutbound", None, V::Exchange2016, &[]),
    root("YammerFeeds", "yammerfeeds", None, V::Exchange2016, &[]),
    root("KaizalaData", "kaizaladata", None, V::Exchange2016, &[]),
    root("MessageIngestion", "messageingestion", None, V::Exchange2016, &[]),
    root("OneDriveRoot", "onedriveroot", None, V::Exchange2016, &[]),
    root("OneDriveRecycleBin", "onedriverecylebin", None, V::Exchange2016, &[]),
    root("OneDriveSystem", "onedrivesystem", None, V::Exchange2016, &[]),
    root("OneDriveVolume", "onedrivevolume", None, V::Exchange2016, &[]),
    root("Important", "important", None, V::Exchange2016, &[]),
    root("Starred", "starred", None, V::Exchange2016, &[]),
    root("Archive", "archive", None, V::Exchange2016, &[]),
    // Distinguished names of Exchange Online that the schema does not list.
    root("AllContacts", "allcontacts", NOTE, V::Exchange2016, &[any("AllContacts")]),
    root("AllItems", "allitems", Some("IPF"), V::Exchange2016, &[any("AllItems")]),
    root("AllPersonMetadata", "allpersonmetadata", NOTE, V::Exchange2016, &[]),
    root("CompanyContacts", "companycontacts", Some("IPF.Contact.Company"), V::Exchange2016,
        &[l("da_DK", "Firmaer")]),
    root("DlpPolicyEvaluation", "dlppolicyevaluation",
        Some("IPF.StoreItem.DlpPolicyEvaluation"), V::Exchange2016, &[]),
    root("FromFavoriteSenders", "fromfavoritesenders", NOTE, V::Exchange2016,
        &[l("da_DK", "Personer jeg kender")]),
    root("Inference", "inference", None, V::Exchange2016, &[]),
    root("OneNotePagePreviews", "onenotepagepreviews", None, V::Exchange2016, &[]),
    root("PeopleCentricConversationBuddies", "peoplecentricconversationbuddies",
        Some("IPF.Contact.PeopleCentricConversationBuddies"), V::Exchange2016,
        &[any("PeopleCentricConversation Buddies")]),
    root("QedcDefaultRetention", "qedcdefaultretention", None, V::Exchange2016, &[]),
    root("QedcLongRetention", "qedclongretention", None, V::Exchange2016, &[]),
    root("QedcMediumRetention", "qedcmediumretention", None, V::Exchange2016, &[]),
    root("QedcShortRetention", "qedcshortretention", None, V::Exchange2016, &[]),
    root("QuarantinedEmail", "quarantinedemail", None, V::Exchange2016, &[]),
    root("QuarantinedEmailDefaultCategory", "quarantinedemaildefaultcategory", None,
        V::Exchange2016, &[]),
    root("RelevantContacts", "relevantcontacts", NOTE, V::Exchange2016, &[]),
    root("RecoverableItemsSubstrateHolds", "recoverableitemssubstrateholds", None,
        V::Exchange2016, &[any("SubstrateHolds")]),
    root("SharePointNotifications", "sharepointnotifications", None, V::Exchange2016, &[]),
    root("ShortNotes", "shortnotes", None, V::Exchange2016, &[]),
    root("TemporarySaves", "temporarysaves", None, V::Exchange2016, &[any("TemporarySaves")]),
    root("UserCuratedContacts", "usercuratedcontacts", NOTE, V::Exchange2016, &[]),
    // System folders without a distinguished name, which the server refuses to delete.
    by_name("AllTodoTasks", TASK, false, &[]),
    by_name("ApplicationData", Some("IPM.ApplicationData"), false, &[]),
    no_get(by_name("Audits", None, false, &[any("Audits")])),
    by_name("CalendarLogging", None, false, &[any("Calendar Logging")]),
    by_name("CalendarSearchCache", APPOINTMENT, false, &[]),
    by_name("CommonViews", None, false, &[any("Common Views")]),
    by_name("ConversationSettings", Some("IPF.Configuration"), false,
        &[l("da_DK", "Indstillinger for samtalehandlinger")]),
    by_name("DefaultFoldersChangeHistory", Some("IPM.DefaultFolderHistoryItem"), false,
        &[any("DefaultFoldersChangeHistory")]),
    by_name("DeferredAction", None, false, &[any("Deferred Action")]),
    by_name("ExchangeSyncData", None, false, &[any("ExchangeSyncData")]),
    by_name("Files", Some("IPF.Files"), false, &[l("da_DK", "Filer")]),
    by_name("FreebusyData", None, false, &[any("Freebusy Data")]),
    by_name("Friends", NOTE, false, &[l("de_DE", "Bekannte")]),
    by_name("GalContacts", Some("IPF.Contact.GalContacts"), false, &[any("GAL Contacts")]),
    by_name("GraphAnalytics", Some("IPF.StoreItem.GraphAnalytics"), false,
        &[any("GraphAnalytics")]),
    by_name("Location", None, false, &[any("Location")]),
    by_name("MailboxAssociations", None, false, &[any("MailboxAssociations")]),
    by_name("MyContactsExtended", NOTE, false, &[any("MyContactsExtended")]),
    by_name("OrganizationalContacts", Some("IPF.Contact.OrganizationalContacts"), false,
        &[any("Organizational Contacts")]),
    by_name("ParkedMessages", None, false, &[any("ParkedMessages")]),
    by_name("PassThroughSearchResults", Some("IPF.StoreItem.PassThroughSearchResults"), false,
        &[any("Pass-Through Search Results")]),
    by_name("PdpProfileV2Secured", Some("IPF.StoreItem.PdpProfileSecured"), false,
        &[any("PdpProfileV2Secured")]),
    by_name("Reminders", Some("Outlook.Reminder"), false, &[l("da_DK", "Påmindelser")]),
    by_name("RssFeeds", Some("IPF.Note.OutlookHomepage"), false, &[any("RSS Feeds")]),
    by_name("Schedule", None, false, &[any("Schedule")]),
    by_name("ShadowItems", Some("IPF.StoreItem.ShadowItems"), false, &[]),
    by_name("Sharing", NOTE, false, &[any("Sharing")]),
    by_name("Shortcuts", None, false, &[any("Shortcuts")]),
    by_name("Signal", Some("IPF.StoreItem.Signal"), false, &[any("Signal")]),
    by_name("SmsAndChatsSync", Some("IPF.SmsAndChatsSync"), false, &[any("SmsAndChatsSync")]),
    by_name("SpoolerQueue", None, false, &[any("Spooler Queue")]),
    no_get(by_name("System", None, false, &[any("System")])),
    no_get(by_name("System1", None, false, &[])),
    by_name("Views", None, false, &[any("Views")]),
    by_name("WorkingSet", None, false, &[any("Working Set")]),
    // Other folders with a class of their own.
    by_name("Birthdays", Some("IPF.Appointment.Birthday"), true, &[l("da_DK", "Fødselsdage")]),
    by_name("CrawlerData", Some("IPF.StoreItem.CrawlerData"), true, &[]),
    by_name("EventCheckPoints", Some("IPF.StoreItem.EventCheckPoints"), true, &[]),
    by_name("FolderMemberships", TASK, true, &[any("Folder Memberships")]),
    by_name("FreeBusyCache", Some("IPF.StoreItem.FreeBusyCache"), true, &[]),
    by_name("RecoveryPoints", Some("IPF.StoreItem.RecoveryPoints"), true, &[]),
    by_name("SkypeTeamsMessages", Some("IPF.SkypeTeams.Message"), true, &[any("Team-chat")]),
    by_name("SwssItems", Some("IPF.StoreItem.SwssItems"), true, &[]),
];

#[cfg(test)]
mod tests;
