//! Folders: the folder types of the schema, their permissions, and the well-known folders.
//!
//! - [`FolderBase`] (`t:BaseFolderType`) holds what every folder has; it is flattened into
//!   [`Folder`], [`CalendarFolder`], [`ContactsFolder`], and through [`Folder`] into
//!   [`SearchFolder`] and [`TasksFolder`]. [`FolderKind`] is the choice between them, as
//!   responses and `CreateFolder` carry them; a folder of a kind this crate does not know is
//!   kept whole as a [`GenericFolder`].
//! - [`permissions`] holds [`PermissionSet`] and [`CalendarPermissionSet`] with their users,
//!   levels and rights.
//! - [`well_known`] is a table of the well-known folders: container class, first Exchange
//!   version, localized display names ([`WellKnownFolder`]).
//!
//! Each folder type carries its field table (`#[derive(Fields)]`, the `folder:*` FieldURIs).
//!
//! ```
//! use ews_model::fields::HasFields;
//! use ews_model::folders::{Folder, FolderKind};
//!
//! let unread = Folder::FIELDS.by_uri("folder:UnreadCount").unwrap();
//! assert!(unread.is_read_only());
//! assert!(Folder::FIELDS.by_uri("folder:DisplayName").is_some()); // from the base table
//!
//! let kind = FolderKind::from(Folder::new("Receipts"));
//! assert_eq!(kind.display_name(), Some("Receipts"));
//! ```
//!
//! Reference: [Folders and items in EWS](https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/folders-and-items-in-ews-in-exchange).

mod base;
mod generic;
mod kinds;
pub mod permissions;
mod search;
pub mod well_known;

pub use base::{FolderBase, ManagedFolderInformation, RetentionTag};
pub use generic::GenericFolder;
pub use kinds::{CalendarFolder, ContactsFolder, Folder, FolderKind, SearchFolder, TasksFolder};
pub use permissions::{
    BasePermission, CalendarPermission, CalendarPermissionLevel, CalendarPermissionReadAccess,
    CalendarPermissionSet, DistinguishedUser, Permission, PermissionAction, PermissionLevel,
    PermissionReadAccess, PermissionSet, UserId,
};
pub use search::{SearchFolderTraversal, SearchParameters};
pub use well_known::{FolderLocation, LocalizedName, WellKnownFolder};
