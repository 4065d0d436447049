//! The folder types of the schema ([`Folder`], [`CalendarFolder`], [`ContactsFolder`],
//! [`SearchFolder`], [`TasksFolder`]) and the [`FolderKind`] choice between them.

use ews_xml::{XmlRead, XmlWrite};

use super::base::FolderBase;
use super::generic::GenericFolder;
use super::permissions::{
    CalendarPermissionReadAccess, CalendarPermissionSet, PermissionReadAccess, PermissionSet,
};
use super::search::SearchParameters;
use crate::Fields;
use crate::properties::FolderId;

/// A mail or generic folder (`t:FolderType`): the base properties, permissions and the
/// unread count.
///
/// ```
/// use ews_model::folders::Folder;
///
/// let f = Folder::new("Receipts").with_class("IPF.Note");
/// assert_eq!(f.base.display_name.as_deref(), Some("Receipts"));
/// ```
///
/// See [Folder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/folder).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "Folder")]
#[non_exhaustive]
pub struct Folder {
    /// The properties of every folder.
    #[xml(flatten)]
    #[field(base)]
    pub base: FolderBase,
    /// `t:PermissionSet`: who may do what in the folder.
    #[field(uri = "folder:PermissionSet", since = "Exchange2007_SP1")]
    pub permission_set: Option<PermissionSet>,
    /// `t:UnreadCount`: the number of unread items.
    #[field(uri = "folder:UnreadCount", searchable, read_only)]
    pub unread_count: Option<i32>,
}

/// A calendar folder (`t:CalendarFolderType`): the base properties and calendar
/// permissions.
///
/// See [CalendarFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendarfolder).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "CalendarFolder")]
#[non_exhaustive]
pub struct CalendarFolder {
    /// The properties of every folder.
    #[xml(flatten)]
    #[field(base)]
    pub base: FolderBase,
    /// `t:SharingEffectiveRights`: what the caller may read of a shared calendar.
    #[field(
        uri = "folder:SharingEffectiveRights",
        read_only,
        since = "Exchange2010"
    )]
    pub sharing_effective_rights: Option<CalendarPermissionReadAccess>,
    /// `t:PermissionSet` (a `CalendarPermissionSetType`): who may do what in the calendar.
    #[field(uri = "folder:PermissionSet", since = "Exchange2007_SP1")]
    #[xml(name = "PermissionSet")]
    pub permission_set: Option<CalendarPermissionSet>,
}

/// A contacts folder (`t:ContactsFolderType`).
///
/// See [ContactsFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/contactsfolder).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "ContactsFolder")]
#[non_exhaustive]
pub struct ContactsFolder {
    /// The properties of every folder.
    #[xml(flatten)]
    #[field(base)]
    pub base: FolderBase,
    /// `t:SharingEffectiveRights`: what the caller may read of a shared contacts folder.
    #[field(
        uri = "folder:SharingEffectiveRights",
        read_only,
        since = "Exchange2010"
    )]
    pub sharing_effective_rights: Option<PermissionReadAccess>,
    /// `t:PermissionSet`: who may do what in the folder.
    #[field(uri = "folder:PermissionSet", since = "Exchange2007_SP1")]
    pub permission_set: Option<PermissionSet>,
    /// `t:SourceId`: the source of a connected (social network) contacts folder.
    pub source_id: Option<String>,
    /// `t:AccountName`: the account of a connected contacts folder.
    pub account_name: Option<String>,
}

/// A search folder (`t:SearchFolderType`): a folder whose content is a standing search.
///
/// See [SearchFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/searchfolder).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "SearchFolder")]
#[non_exhaustive]
pub struct SearchFolder {
    /// The properties of a folder.
    #[xml(flatten)]
    #[field(base)]
    pub folder: Folder,
    /// `t:SearchParameters`: the search.
    #[field(uri = "folder:SearchParameters")]
    pub search_parameters: Option<SearchParameters>,
}

/// A tasks folder (`t:TasksFolderType`): a [`Folder`] holding tasks.
///
/// See [TasksFolder](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/tasksfolder).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "TasksFolder")]
#[non_exhaustive]
pub struct TasksFolder {
    /// The properties of a folder.
    #[xml(flatten)]
    #[field(base)]
    pub folder: Folder,
}

/// Any folder: the choice of `t:ArrayOfFoldersType` (`m:Folders` of responses and
/// `CreateFolder`) and of the folder in an update.
///
/// See [Folders](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/folders-ex15websvcsotherref).
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum FolderKind {
    /// `t:Folder`.
    Folder(Folder),
    /// `t:CalendarFolder`.
    CalendarFolder(CalendarFolder),
    /// `t:ContactsFolder`.
    ContactsFolder(ContactsFolder),
    /// `t:SearchFolder`.
    SearchFolder(SearchFolder),
    /// `t:TasksFolder`.
    TasksFolder(TasksFolder),
    /// Any other element, kept whole.
    #[xml(other)]
    Unknown(GenericFolder),
}

impl FolderKind {
    /// The properties every folder has.
    pub fn base(&self) -> &FolderBase {
        match self {
            Self::Folder(f) => &f.base,
            Self::CalendarFolder(f) => &f.base,
            Self::ContactsFolder(f) => &f.base,
            Self::SearchFolder(f) => &f.folder.base,
            Self::TasksFolder(f) => &f.folder.base,
            Self::Unknown(f) => &f.base,
        }
    }

    /// The properties every folder has, to change them.
    pub fn base_mut(&mut self) -> &mut FolderBase {
        match self {
            Self::Folder(f) => &mut f.base,
            Self::CalendarFolder(f) => &mut f.base,
            Self::ContactsFolder(f) => &mut f.base,
            Self::SearchFolder(f) => &mut f.folder.base,
            Self::TasksFolder(f) => &mut f.folder.base,
            Self::Unknown(f) => &mut f.base,
        }
    }

    /// The folder's id, if present.
    pub fn folder_id(&self) -> Option<&FolderId> {
        self.base().folder_id.as_ref()
    }

    /// The folder's display name, if present.
    pub fn display_name(&self) -> Option<&str> {
        self.base().display_name.as_deref()
    }

    /// The element name of this kind (`Folder`, `CalendarFolder`...; an unknown element's
    /// local name).
    pub fn element_name(&self) -> &str {
        match self {
            Self::Folder(_) => "Folder",
            Self::CalendarFolder(_) => "CalendarFolder",
            Self::ContactsFolder(_) => "ContactsFolder",
            Self::SearchFolder(_) => "SearchFolder",
            Self::TasksFolder(_) => "TasksFolder",
            Self::Unknown(f) => f.name.local_name(),
        }
    }
}

impl crate::fields::FieldAccess for FolderKind {
    /// The field of the variant; an unknown element answers for its folder base.
    fn field(&self, name: &str) -> Option<&dyn std::any::Any> {
        self.access().field(name)
    }

    fn extended_properties(&self) -> Option<&crate::extended::ExtendedProperties> {
        self.access().extended_properties()
    }

    /// Swaps within the same variant; an unknown element swaps its folder base fields.
    fn swap_field(&mut self, name: &str, other: &mut Self) -> bool {
        use crate::fields::FieldAccess as F;
        match (self, other) {
            (Self::Folder(a), Self::Folder(b)) => F::swap_field(a, name, b),
            (Self::CalendarFolder(a), Self::CalendarFolder(b)) => F::swap_field(a, name, b),
            (Self::ContactsFolder(a), Self::ContactsFolder(b)) => F::swap_field(a, name, b),
            (Self::SearchFolder(a), Self::SearchFolder(b)) => F::swap_field(a, name, b),
            (Self::TasksFolder(a), Self::TasksFolder(b)) => F::swap_field(a, name, b),
            (Self::Unknown(a), Self::Unknown(b)) => F::swap_field(&mut a.base, name, &mut b.base),
            _ => false,
        }
    }

    fn extended_properties_mut(&mut self) -> Option<&mut crate::extended::ExtendedProperties> {
        use crate::fields::FieldAccess as F;
        match self {
            Self::Folder(f) => F::extended_properties_mut(f),
            Self::CalendarFolder(f) => F::extended_properties_mut(f),
            Self::ContactsFolder(f) => F::extended_properties_mut(f),
            Self::SearchFolder(f) => F::extended_properties_mut(f),
            Self::TasksFolder(f) => F::extended_properties_mut(f),
            Self::Unknown(f) => F::extended_properties_mut(&mut f.base),
        }
    }
}

impl FolderKind {
    /// The variant (an unknown element's folder base).
    fn access(&self) -> &dyn crate::fields::FieldAccess {
        match self {
            Self::Folder(f) => f,
            Self::CalendarFolder(f) => f,
            Self::ContactsFolder(f) => f,
            Self::SearchFolder(f) => f,
            Self::TasksFolder(f) => f,
            Self::Unknown(f) => &f.base,
        }
    }
}

macro_rules! folder_kind_from {
    ($($variant:ident),*) => {$(
        impl From<$variant> for FolderKind {
            fn from(f: $variant) -> Self {
                Self::$variant(f)
            }
        }
    )*};
}
folder_kind_from!(
    Folder,
    CalendarFolder,
    ContactsFolder,
    SearchFolder,
    TasksFolder
);

impl From<GenericFolder> for FolderKind {
    fn from(f: GenericFolder) -> Self {
        Self::Unknown(f)
    }
}

impl FolderBase {
    /// Properties with only a display name (what a new folder needs).
    pub fn named(display_name: impl Into<String>) -> Self {
        Self {
            display_name: Some(display_name.into()),
            ..Self::default()
        }
    }
}

impl Folder {
    /// A new folder named `display_name` (for `CreateFolder`).
    pub fn new(display_name: impl Into<String>) -> Self {
        Self {
            base: FolderBase::named(display_name),
            ..Self::default()
        }
    }
    /// This folder with the container class `class` (`IPF.Note`...).
    #[must_use]
    pub fn with_class(mut self, class: impl Into<String>) -> Self {
        self.base.folder_class = Some(class.into());
        self
    }
    /// This folder with these permissions.
    #[must_use]
    pub fn with_permissions(mut self, set: PermissionSet) -> Self {
        self.permission_set = Some(set);
        self
    }
}

impl CalendarFolder {
    /// A new calendar named `display_name`.
    pub fn new(display_name: impl Into<String>) -> Self {
        Self {
            base: FolderBase::named(display_name),
            ..Self::default()
        }
    }
    /// This calendar with these permissions.
    #[must_use]
    pub fn with_permissions(mut self, set: CalendarPermissionSet) -> Self {
        self.permission_set = Some(set);
        self
    }
}

impl ContactsFolder {
    /// A new contacts folder named `display_name`.
    pub fn new(display_name: impl Into<String>) -> Self {
        Self {
            base: FolderBase::named(display_name),
            ..Self::default()
        }
    }
}

impl SearchFolder {
    /// A new search folder named `display_name` running `search`.
    pub fn new(display_name: impl Into<String>, search: SearchParameters) -> Self {
        Self {
            folder: Folder::new(display_name),
            search_parameters: Some(search),
        }
    }
}

impl TasksFolder {
    /// A new tasks folder named `display_name`.
    pub fn new(display_name: impl Into<String>) -> Self {
        Self {
            folder: Folder::new(display_name),
        }
    }
}
