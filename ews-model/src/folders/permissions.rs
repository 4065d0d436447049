//! Folder permissions: who may do what in a folder (`t:PermissionSet` of mail, contacts and
//! other folders, the calendar flavour of `t:CalendarFolder`).
//!
//! ```
//! use ews_model::folders::{Permission, PermissionLevel, PermissionSet, UserId};
//!
//! let set = PermissionSet::new()
//!     .with(Permission::new(UserId::default_user(), PermissionLevel::None))
//!     .with(Permission::new(UserId::smtp("sadie@contoso.com"), PermissionLevel::Editor));
//! assert_eq!(set.permissions.len(), 2);
//! ```

use ews_xml::{Name, ReadError, Reader, StartTag, WriteError, Writer, XmlRead, XmlValue, XmlWrite};

use crate::fields::{FieldValue, Kind, ValueKind};

/// Whom a permission is for (`t:UserIdType`): a user by SID or SMTP address, the default
/// (every authenticated user) or anonymous users, or an external user.
///
/// See [UserId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/userid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct UserId {
    /// `t:SID`: the user's security identifier.
    #[xml(name = "SID")]
    pub sid: Option<String>,
    /// `t:PrimarySmtpAddress`: the user's primary SMTP address.
    pub primary_smtp_address: Option<String>,
    /// `t:DisplayName`: the user's display name (read-only).
    pub display_name: Option<String>,
    /// `t:DistinguishedUser`: `Default` or `Anonymous` instead of a real user.
    pub distinguished_user: Option<DistinguishedUser>,
    /// `t:ExternalUserIdentity`: a user outside the organization.
    pub external_user_identity: Option<String>,
}

impl UserId {
    /// The user with this primary SMTP address.
    pub fn smtp(address: impl Into<String>) -> Self {
        Self {
            primary_smtp_address: Some(address.into()),
            ..Self::default()
        }
    }
    /// The user with this security identifier.
    pub fn sid(sid: impl Into<String>) -> Self {
        Self {
            sid: Some(sid.into()),
            ..Self::default()
        }
    }
    /// Every authenticated user without a permission of their own (`Default`).
    pub fn default_user() -> Self {
        Self::distinguished(DistinguishedUser::Default)
    }
    /// Unauthenticated users (`Anonymous`).
    pub fn anonymous() -> Self {
        Self::distinguished(DistinguishedUser::Anonymous)
    }
    /// A distinguished user.
    pub fn distinguished(user: DistinguishedUser) -> Self {
        Self {
            distinguished_user: Some(user),
            ..Self::default()
        }
    }
}

/// `t:DistinguishedUserType`: the pseudo-users of a permission set.
///
/// See [DistinguishedUser](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/distinguisheduser).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum DistinguishedUser {
    /// Every authenticated user without a permission of their own.
    Default,
    /// Unauthenticated users.
    Anonymous,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:PermissionActionType`: which items a user may edit or delete.
///
/// See [EditItems](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/edititems).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum PermissionAction {
    /// No items.
    None,
    /// The items the user created.
    Owned,
    /// All items.
    All,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:PermissionReadAccessType`: whether a user may read items.
///
/// See [ReadItems](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/readitems).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum PermissionReadAccess {
    /// No read access.
    None,
    /// Full read access.
    FullDetails,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:CalendarPermissionReadAccessType`: how much of calendar items a user may read.
///
/// See [ReadItems](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/readitems).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum CalendarPermissionReadAccess {
    /// Nothing.
    None,
    /// Free/busy times only.
    TimeOnly,
    /// Times, subjects and locations.
    TimeAndSubjectAndLocation,
    /// Everything.
    FullDetails,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:PermissionLevelType`: a named bundle of folder rights (`Custom` for any other mix).
///
/// See [PermissionLevel](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/permissionlevel).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum PermissionLevel {
    /// No rights.
    #[default]
    None,
    /// All rights.
    Owner,
    /// Create, read, edit and delete all items; create subfolders.
    PublishingEditor,
    /// Create, read, edit and delete all items.
    Editor,
    /// Create and read items, edit and delete own items; create subfolders.
    PublishingAuthor,
    /// Create and read items, edit and delete own items.
    Author,
    /// Create and read items, delete own items.
    NoneditingAuthor,
    /// Read items.
    Reviewer,
    /// Create items.
    Contributor,
    /// A mix of rights that is none of the named levels.
    Custom,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:CalendarPermissionLevelType`: the permission levels of calendars, with the free/busy
/// levels.
///
/// See [CalendarPermissionLevel](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendarpermissionlevel).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum CalendarPermissionLevel {
    /// No rights.
    #[default]
    None,
    /// All rights.
    Owner,
    /// Create, read, edit and delete all items; create subfolders.
    PublishingEditor,
    /// Create, read, edit and delete all items.
    Editor,
    /// Create and read items, edit and delete own items; create subfolders.
    PublishingAuthor,
    /// Create and read items, edit and delete own items.
    Author,
    /// Create and read items, delete own items.
    NoneditingAuthor,
    /// Read items.
    Reviewer,
    /// Create items.
    Contributor,
    /// See free/busy times.
    FreeBusyTimeOnly,
    /// See free/busy times, subjects and locations.
    FreeBusyTimeAndSubjectAndLocation,
    /// A mix of rights that is none of the named levels.
    Custom,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// The rights every permission has (`t:BasePermissionType`), flattened into [`Permission`]
/// and [`CalendarPermission`].
///
/// See [Permission](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/permission).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t")]
#[non_exhaustive]
pub struct BasePermission {
    /// `t:UserId`: whom the permission is for (required).
    pub user_id: UserId,
    /// `t:CanCreateItems`.
    pub can_create_items: Option<bool>,
    /// `t:CanCreateSubFolders`.
    pub can_create_sub_folders: Option<bool>,
    /// `t:IsFolderOwner`.
    pub is_folder_owner: Option<bool>,
    /// `t:IsFolderVisible`.
    pub is_folder_visible: Option<bool>,
    /// `t:IsFolderContact`.
    pub is_folder_contact: Option<bool>,
    /// `t:EditItems`.
    pub edit_items: Option<PermissionAction>,
    /// `t:DeleteItems`.
    pub delete_items: Option<PermissionAction>,
}

/// One user's rights on a folder (`t:PermissionType`).
///
/// See [Permission](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/permission).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "Permission")]
#[non_exhaustive]
pub struct Permission {
    /// The user and the individual rights.
    #[xml(flatten)]
    pub base: BasePermission,
    /// `t:ReadItems`.
    pub read_items: Option<PermissionReadAccess>,
    /// `t:PermissionLevel` (required): the named level, or `Custom`.
    pub permission_level: PermissionLevel,
}

impl Permission {
    /// `user` at `level`, without individual rights (the server derives them from the level).
    pub fn new(user: UserId, level: PermissionLevel) -> Self {
        Self {
            base: BasePermission {
                user_id: user,
                ..BasePermission::default()
            },
            read_items: None,
            permission_level: level,
        }
    }
}

/// One user's rights on a calendar (`t:CalendarPermissionType`).
///
/// See [CalendarPermission](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendarpermission).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "CalendarPermission")]
#[non_exhaustive]
pub struct CalendarPermission {
    /// The user and the individual rights.
    #[xml(flatten)]
    pub base: BasePermission,
    /// `t:ReadItems`.
    pub read_items: Option<CalendarPermissionReadAccess>,
    /// `t:CalendarPermissionLevel` (required): the named level, or `Custom`.
    pub calendar_permission_level: CalendarPermissionLevel,
}

impl CalendarPermission {
    /// `user` at `level`, without individual rights.
    pub fn new(user: UserId, level: CalendarPermissionLevel) -> Self {
        Self {
            base: BasePermission {
                user_id: user,
                ..BasePermission::default()
            },
            read_items: None,
            calendar_permission_level: level,
        }
    }
}

/// The permissions of a folder (`t:PermissionSetType`).
///
/// The `t:Permissions` list is always written (the schema requires it, even empty).
///
/// See [PermissionSet](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/permissionset-permissionsettype).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PermissionSet {
    /// `t:Permissions/t:Permission`.
    pub permissions: Vec<Permission>,
    /// `t:UnknownEntries/t:UnknownEntry`: entries the server could not resolve (read-only).
    pub unknown_entries: Vec<String>,
}

impl PermissionSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }
    /// This set with `permission` added.
    #[must_use]
    pub fn with(mut self, permission: Permission) -> Self {
        self.permissions.push(permission);
        self
    }
}

/// The permissions of a calendar (`t:CalendarPermissionSetType`); the element is
/// `t:PermissionSet` of a `t:CalendarFolder`.
///
/// See [PermissionSet](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/permissionset-calendarpermissionsettype).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CalendarPermissionSet {
    /// `t:CalendarPermissions/t:CalendarPermission`.
    pub calendar_permissions: Vec<CalendarPermission>,
    /// `t:UnknownEntries/t:UnknownEntry`: entries the server could not resolve (read-only).
    pub unknown_entries: Vec<String>,
}

impl CalendarPermissionSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }
    /// This set with `permission` added.
    #[must_use]
    pub fn with(mut self, permission: CalendarPermission) -> Self {
        self.calendar_permissions.push(permission);
        self
    }
}

/// Writes `name` with a required list wrapper `list` of `item`s, then the optional
/// `t:UnknownEntries`.
fn write_set<T: XmlWrite>(
    w: &mut Writer<'_>,
    name: Name<'_>,
    (list, item): (&str, &str),
    items: &[T],
    unknown: &[String],
) -> Result<(), WriteError> {
    w.start(name)?;
    w.start(Name::t(list))?;
    for i in items {
        i.write_xml(w, Name::t(item))?;
    }
    w.end()?;
    if !unknown.is_empty() {
        w.start(Name::t("UnknownEntries"))?;
        for u in unknown {
            w.element_text(Name::t("UnknownEntry"), u)?;
        }
        w.end()?;
    }
    w.end()
}

/// Reads the content of a permission set: the items of `list`, the unknown entries; other
/// elements are skipped.
fn read_set<T: XmlRead>(
    r: &mut Reader<'_>,
    (list, item): (&str, &str),
) -> Result<(Vec<T>, Vec<String>), ReadError> {
    let (mut items, mut unknown) = (Vec::new(), Vec::new());
    while let Some(child) = r.next_child()? {
        if child.is(Name::t(list)) {
            while let Some(tag) = r.next_child()? {
                if tag.is(Name::t(item)) {
                    items.push(T::read_xml(r, &tag)?);
                } else {
                    r.skip_element()?;
                }
            }
        } else if child.is(Name::t("UnknownEntries")) {
            while let Some(tag) = r.next_child()? {
                if tag.is(Name::t("UnknownEntry")) {
                    unknown.push(r.read_text()?);
                } else {
                    r.skip_element()?;
                }
            }
        } else {
            r.skip_element()?;
        }
    }
    Ok((items, unknown))
}

const PERMISSIONS: (&str, &str) = ("Permissions", "Permission");
const CALENDAR_PERMISSIONS: (&str, &str) = ("CalendarPermissions", "CalendarPermission");

impl XmlWrite for PermissionSet {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        write_set(
            w,
            name,
            PERMISSIONS,
            &self.permissions,
            &self.unknown_entries,
        )
    }
}

impl XmlRead for PermissionSet {
    fn read_xml(r: &mut Reader<'_>, _start: &StartTag) -> Result<Self, ReadError> {
        let (permissions, unknown_entries) = read_set(r, PERMISSIONS)?;
        Ok(Self {
            permissions,
            unknown_entries,
        })
    }
}

impl XmlWrite for CalendarPermissionSet {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        let (items, unknown) = (&self.calendar_permissions, &self.unknown_entries);
        write_set(w, name, CALENDAR_PERMISSIONS, items, unknown)
    }
}

impl XmlRead for CalendarPermissionSet {
    fn read_xml(r: &mut Reader<'_>, _start: &StartTag) -> Result<Self, ReadError> {
        let (calendar_permissions, unknown_entries) = read_set(r, CALENDAR_PERMISSIONS)?;
        Ok(Self {
            calendar_permissions,
            unknown_entries,
        })
    }
}

impl FieldValue for PermissionSet {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}

impl FieldValue for CalendarPermissionSet {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}

impl FieldValue for PermissionReadAccess {
    const KIND: Kind = Kind::enumeration(&["None", "FullDetails"]);
}

impl FieldValue for CalendarPermissionReadAccess {
    const KIND: Kind = Kind::enumeration(&[
        "None",
        "TimeOnly",
        "TimeAndSubjectAndLocation",
        "FullDetails",
    ]);
}

serde_as_xml_value!(
    DistinguishedUser,
    PermissionAction,
    PermissionReadAccess,
    CalendarPermissionReadAccess,
    PermissionLevel,
    CalendarPermissionLevel,
);
