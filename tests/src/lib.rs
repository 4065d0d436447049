//! `FakeExchange`: a stateful in-memory Exchange Web Services server on loopback, for this
//! workspace's end-to-end tests and for users' own tests.
//!
//! It speaks real EWS (SOAP 1.1 over HTTP/1.1, optionally TLS with a certificate generated at
//! start) with shortcuts: state lives in memory, and it authenticates against its own user
//! list (Basic, NTLM, OAuth 2.0 bearer tokens from its own token endpoint, TLS client
//! certificates from its own CA) rather than a directory.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ews_tests::Error> {
//! use ews_model::version::Build;
//! let server = ews_tests::FakeExchange::builder()
//!     .user("alice@example.test", "secret")
//!     .server_version(Build::new(15, 1, 2507, 6))
//!     .start()
//!     .await?;
//! println!("{}", server.url());
//! server.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! # Behaviour
//!
//! - `POST /EWS/Exchange.asmx` (other paths: 404; other methods: 405), and
//!   `POST /oauth2/token` when Bearer is offered.
//! - Authentication ([`Builder::auth`], default Basic and NTLM): a request without valid
//!   credentials gets `401` with one `WWW-Authenticate` header per offered scheme, in the
//!   builder's order (`Basic realm="fake-exchange"`, `NTLM`, `Bearer realm="fake-exchange"`),
//!   as IIS sends them. A wrong password, an unknown user or a malformed token is always a
//!   401, never a 500. A user signs in as its address (`alice@example.test`), its local part
//!   (`alice`) or `EXAMPLE\alice` ([`NTLM_DOMAIN`]; the address's domain works too).
//!   - **Basic**: checked on every request.
//!   - **NTLM**: NTLMv2, verified cryptographically (the acceptor of
//!     `ews_test_support::ntlm`). Bound to the connection like IIS: NEGOTIATE gets a 401
//!     with the CHALLENGE, a valid AUTHENTICATE gets the answer, and later requests on that
//!     keep-alive connection need no `Authorization` ([`FakeExchange::ntlm_handshakes`]
//!     counts completed handshakes). The MIC and channel bindings are not checked.
//!   - **Bearer**: tokens from [`FakeExchange::token_url`]: form-encoded `grant_type`
//!     `client_credentials` (clients from [`Builder::oauth_client`], secret in the form or
//!     in HTTP Basic; the token acts as the client's user), `password` (a user's name and
//!     password) and `refresh_token` (single use: each refresh returns a new one). Replies
//!     are JSON with `access_token`, `token_type`, `expires_in` ([`Builder::token_lifetime`],
//!     default one hour, on tokio's clock) and, except for `client_credentials`,
//!     `refresh_token`; errors are `invalid_client` (401),
//!     `invalid_grant`, `invalid_request` or `unsupported_grant_type` (400) with an
//!     `error_description`. An unknown or expired token gets a 401 with
//!     `WWW-Authenticate: Bearer realm="fake-exchange", error="invalid_token"`.
//!   - **Negotiate** (feature `gssapi`): SPNEGO/Kerberos through the system GSSAPI
//!     library, with the service key from the keytab in `KRB5_KTNAME`; connection-bound
//!     like NTLM, the final token sent on the response that completes the handshake
//!     (mutual authentication); the principal `alice@EXAMPLE.TEST` is the user
//!     `alice@example.test`. Channel bindings are not required.
//!   - **Client certificates** (with [`Builder::tls`]): the TLS handshake asks for an
//!     optional certificate that must chain to the server's CA (another CA fails the
//!     handshake). One whose `rfc822Name` or subject e-mail names a user authenticates
//!     the connection ([`FakeExchange::issue_client_certificate`]); none, or one naming
//!     nobody, falls back to the schemes above.
//!   - An `Authorization` header, when present, decides (its failure is a 401 even on an
//!     authenticated connection); without one a connection's NTLM or Negotiate user, else
//!     its certificate user, is used.
//! - **Versions**: the build ([`Builder::server_version`]: 15.0 is Exchange 2013, 15.1 2016,
//!   15.2 2019, 15.20 and later Exchange Online) is reported in `ServerVersionInfo` and bounds
//!   `t:RequestServerVersion`: an unknown version, or one newer than the build speaks (Online
//!   builds speak every dated schema), gets a SOAP fault `ErrorInvalidServerVersion` (HTTP
//!   500); a request without it is read as of the server's own version. (`ErrorIncorrectSchemaVersion` is not used.)
//! - A body that is not well-formed XML or not a readable SOAP envelope / request: HTTP 500
//!   with a SOAP fault `ErrorSchemaValidation`.
//! - Every response carries `ServerVersionInfo`; several ids in one request get one response
//!   message each, errors in place (`ErrorItemNotFound` among successes).
//! - **Ids** are opaque base64 values that name their mailbox; they change when an item moves
//!   (as in Exchange), change keys change on every update.
//! - **Folders**: `GetFolder`, `CreateFolder`, `FindFolder` (Shallow, Deep and SoftDeleted
//!   traversal, indexed and fractional paging, restrictions evaluated with `ews-query`),
//!   `DeleteFolder` (`HardDelete` removes the folder and its subtree, `SoftDelete` keeps it
//!   where only `SoftDeleted` traversal of its parent finds it, `MoveToDeletedItems` moves it
//!   under `deleteditems`), `EmptyFolder`, `MarkAllItemsAsRead`. Folder shapes: `IdOnly` gives
//!   ids only, anything else the default set with item counts.
//! - **Items** of every kind: `CreateItem` (`SaveOnly` into Drafts or the given folder;
//!   `SendOnly` and `SendAndSaveCopy` deliver to the recipients' inboxes on this server;
//!   calendar items with attendees and `SendToAllAndSaveCopy`/`SendOnlyToAll` deliver a
//!   `MeetingRequest` and put a tentative calendar item in each attendee's calendar), with the
//!   response objects: replies, reply-all and forwards (threaded, sent or saved as drafts),
//!   accept / tentative / decline (the attendee's calendar item and the organizer's attendee
//!   list record the answer, the request moves to Deleted Items), cancellations (attendees'
//!   items marked cancelled) and their removal, post replies; `GetItem`, `FindItem` (restrictions evaluated with
//!   `ews-query`, `SortOrder`, indexed, fractional and seek-to-condition paging, at most 1,000
//!   items a page,
//!   a subset of AQS in `QueryString` (terms, phrases, `subject:`/`from:`/`to:`/`body:`/
//!   `category:`/`kind:`… scopes, `AND`, `OR`, `NOT`; see the `aqs` module),
//!   grouping (`GroupBy` with its aggregate, `DistinguishedGroupBy` by conversation topic;
//!   paging counts items across groups), `CalendarView` expanding recurring masters into
//!   occurrences and exceptions,
//!   `ContactsView`, `Shallow` and `SoftDeleted` traversal), `UpdateItem` (set, append,
//!   delete; `ErrorIrresolvableConflict` for a stale change key under `NeverOverwrite`;
//!   read-only fields refused; sending drafts; an updated occurrence becomes an exception
//!   listed in the master's `ModifiedOccurrences`, deleting it deletes the occurrence),
//!   `DeleteItem` (hard, soft, to Deleted Items; single occurrences), `MoveItem`, `CopyItem`,
//!   `SendItem`, `MarkAsJunk`, `ArchiveItem` (the mailboxes have no archive:
//!   `ErrorArchiveMailboxNotEnabled`).
//! - **Shapes**: `IdOnly`, `Default` (all but MIME content, the alternative bodies and the
//!   headers), `AllProperties`, plus `AdditionalProperties` (fields and extended properties);
//!   fields not asked for are not returned. A field newer than the requested version, or one
//!   `FindItem` cannot return (bodies, recipient lists, attachments, MIME content), is
//!   `ErrorInvalidPropertyRequest`.
//! - **Impersonation and delegates**: with `ExchangeImpersonation`, a user given the role
//!   ([`Builder::impersonator`]) acts as the named user (by SMTP address, UPN or the fake SID);
//!   anyone else gets a SOAP fault `ErrorImpersonateUserDenied`, an unknown user
//!   `ErrorNonExistentMailbox`. A delegate ([`Builder::delegate`]) reaches the owner's mailbox
//!   through `DistinguishedFolderId/Mailbox` or the owner's ids; others get `ErrorAccessDenied`.
//! - `CreateAttachment`: file, item and reference attachments added to an item; each gets an
//!   `AttachmentId` (with `RootItemId` and the parent's new `RootItemChangeKey`), files their
//!   `Size` and a `ContentType` (`application/octet-stream` when none is given); the parent
//!   gets one new change key and `HasAttachments`. Per-attachment errors: a file without
//!   `Content` (`ErrorRequiredPropertyMissing`), an item attachment without its item
//!   (`ErrorMissingItemForCreateItemAttachment`); attachments on attachments (an attachment id
//!   as the parent, or an attached item carrying attachments) and on single occurrences are
//!   refused with `ErrorInvalidOperation`.
//! - `GetAttachment`: attachments by id with their content; attached items in the `Default`
//!   item shape plus the `AttachmentShape`'s `IncludeMimeContent` and `AdditionalProperties`
//!   (`BodyType` and `FilterHtmlContent` are ignored). Errors in place: a malformed id
//!   `ErrorInvalidIdMalformed`, an item that is gone `ErrorItemNotFound`, an attachment that is
//!   gone `ErrorInvalidAttachmentId`.
//! - `DeleteAttachment`: removes attachments, same errors as `GetAttachment`; each message
//!   carries the `RootItemId` with the item's change key after the whole request.
//! - `GetItem` shows `t:Attachments` as metadata only (ids, name, type, size, inline...): file
//!   content and attached items only come from `GetAttachment`. An item that gets a new id
//!   (moved, copied) gives its attachments new ids, as in Exchange.
//! - `ExportItems`: each item's data as base64 `Data`. **FakeExchange-specific format**: a
//!   header line and the item's EWS XML with its attachments and their content, not
//!   Exchange's binary stream; only this server's `UploadItems` reads it.
//! - `UploadItems`: `CreateNew` (no `ItemId` allowed), `Update` (the `ItemId` must name an
//!   item in `ParentFolderId`; it keeps its id and gets a new change key) and `UpdateOrCreate`
//!   into a folder; data this server did not export gives `ErrorCorruptData` for that item;
//!   `IsAssociated="true"` is refused (`ErrorInvalidOperation`).
//! - `UpdateFolder`: `SetFolderField`, `DeleteFolderField` and extended properties;
//!   `AppendToFolderField` only on `folder:PermissionSet` (else `ErrorInvalidPropertyAppend`).
//!   All updates of one folder apply or none does. Read-only fields give
//!   `ErrorInvalidPropertySet`, fields the folder type lacks `ErrorInvalidPropertyRequest`, an
//!   empty or deleted display name `ErrorInvalidPropertySet`/`ErrorInvalidPropertyDelete`, a
//!   name a sibling has (case-insensitively) `ErrorFolderExists`. The folder gets a new change
//!   key; the response carries its id.
//! - `MoveFolder`: the folder keeps its id and gets a new change key. Distinguished folders
//!   give `ErrorMoveDistinguishedFolder`; a destination inside the folder's own subtree
//!   `ErrorMoveCopyFailed`; a sibling of the same name there `ErrorFolderExists`.
//! - `CopyFolder`: a deep copy (subfolders and live items) with new ids everywhere; the same
//!   subtree and name checks as `MoveFolder`. Distinguished folders may be copied (the copy is
//!   an ordinary folder).
//! - `ConvertId`: `EwsId` (the ids as issued), `EwsLegacyId`, `EntryId`, `HexEntryId`,
//!   `StoreId` and `OwaId`, by a FakeExchange-specific reversible encoding of the same bytes
//!   (entry ids are 4 zero flag bytes, a fixed 16-byte provider id, then the id's bytes;
//!   `StoreId` adds a byte for folder, item or occurrence; `EwsLegacyId` and `OwaId` add a
//!   magic prefix, `OwaId` in URL-safe base64). Only the text is converted, nothing is looked
//!   up. Per id: `ErrorInvalidIdMalformed` (or `…EwsLegacyIdFormat`), `ErrorInvalidIdEmpty`,
//!   `ErrorNonExistentMailbox` for an unknown `Mailbox`; public folder ids give
//!   `ErrorInvalidOperation`.
//! - `ResolveNames`: searches the directory (users, then the groups added with
//!   [`Builder::group`]; names from [`Builder::display_name`] or the address's local part) and
//!   the caller's contacts and private lists (the Contacts folder, or `ParentFolderIds`), in
//!   the order `SearchScope` says (default: directory first). An entry matches a prefix of a
//!   display name or of one of its words (contacts: also given name, surname, nickname), or a
//!   prefix of an address; with `smtp:` in front, addresses only. A contact gives one
//!   resolution per address, with its `ItemId`; private lists come as `PrivateDL` (routing type
//!   `MAPIPDL`). `ReturnFullContactData` adds a `Contact` (directory entries: name, address,
//!   `ContactSource` `ActiveDirectory`; contacts: the stored contact); `ContactDataShape` is
//!   ignored. At most 100 resolutions; one is `Success`, several a `Warning`
//!   `ErrorNameResolutionMultipleResults` with all of them, none `ErrorNameResolutionNoResults`.
//! - `ExpandDL`: a private list by `ItemId` (its members, completed from the directory; a
//!   malformed or unknown id gives the item errors), or a group by address, alias or display
//!   name (its members: `Mailbox` for users, `PublicDL` for groups, `OneOff` otherwise). Not
//!   recursive. No such list: `ErrorNameResolutionNoResults` (as Exchange's error sample; its
//!   prose says `Success`), several: `ErrorNameResolutionMultipleResults`.
//! - Any other operation: HTTP 500 with a SOAP fault `ErrorInvalidOperation`.
//!
//! # Crate features
//! - `gssapi`: `AuthScheme::Negotiate` (building needs libkrb5-dev and libclang-dev;
//!   `scripts/kdc-tests.sh` runs its tests against a real MIT KDC).
//!
//! # Faults on demand
//!
//! [`FaultRule`]s installed with [`Builder::fault`] or, while running, with
//! [`FakeExchange::set_faults`], [`add_fault`](FakeExchange::add_fault) and
//! [`clear_faults`](FakeExchange::clear_faults) spoil chosen requests. A rule is a
//! [`FaultKind`] and the requests it fires on: all of them, every n-th
//! ([`FaultRule::every_nth`]), the next n ([`FaultRule::next`]), only inside a time window
//! ([`FaultRule::between`]), only for one operation ([`FaultRule::operation`]). Only
//! authenticated `POST`s to the EWS path are offered to rules; the first rule that fires
//! decides.
//!
//! | [`FaultKind`] | The client gets | The request is processed |
//! |---|---|---|
//! | `ServerBusy { back_off }` | 500, SOAP fault `ErrorServerBusy` with `BackOffMilliseconds` in `MessageXml` | no |
//! | `ServiceUnavailable { retry_after_secs }` | 503, `Retry-After` when set | no |
//! | `TooManyRequests { retry_after_secs }` | 429, `Retry-After` when set | no |
//! | `SoapFault { code, message }` | 500, SOAP fault with that response code | no |
//! | `CloseBeforeBody` | the connection closes before the body is read | no |
//! | `CloseAfterProcessing` | the connection closes after the request was handled | yes |
//! | `Delay(d)` | the normal answer, `d` late | yes |
//! | `TruncateBody` | the full `Content-Length`, half the body, then the connection closes | yes |
//! | `InvalidXmlChar` | the normal answer with a raw U+0001 at the start of each `DisplayName` text | yes |
//!
//! # Schema gate
//!
//! [`Builder::record_documents`] keeps every request the server could read and every
//! response it wrote; [`Builder::check_documents_on_drop`] hands them to a check (this
//! workspace's tests pass the XSD schema gate) when the server goes away.
//!
//! # Counters
//!
//! - [`requests_received`](FakeExchange::requests_received): every HTTP request, whatever
//!   its answer (401s, faults and dropped connections included).
//! - [`operation_count`](FakeExchange::operation_count): authenticated requests with a
//!   valid `RequestServerVersion` that reached the operation dispatch.
//! - [`processed_count`](FakeExchange::processed_count): requests handed to the operation
//!   handler, so that their effects happened, per operation: the count that proves a write
//!   happened exactly once.
//! - [`faulted_count`](FakeExchange::faulted_count): requests that got an injected fault,
//!   per operation; [`faults_fired`](FakeExchange::faults_fired) and
//!   [`faults_fired_by_kind`](FakeExchange::faults_fired_by_kind) in total.
//! - [`connections_accepted`](FakeExchange::connections_accepted),
//!   [`open_connections`](FakeExchange::open_connections) and
//!   [`max_concurrent_connections`](FakeExchange::max_concurrent_connections): TCP
//!   connections.

#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod access;
mod auth;
mod builder;
mod directory;
mod dispatch;
mod faults;
mod http;
mod mailbox;
mod version;

// The README's examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use crate::auth::{AuthScheme, NTLM_DOMAIN, TOKEN_PATH};
pub use crate::builder::Builder;
pub use crate::faults::{FaultKind, FaultRule, UNREAD_OPERATION, UNREADABLE_OPERATION};

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use ews_model::version::Build;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::access::Rights;
use crate::directory::Directory;
use crate::mailbox::Mailbox;

/// A recorded document: its name (`0001-request`) and bytes.
pub type Document = (String, Vec<u8>);
/// A check of recorded documents (see [`Builder::check_documents_on_drop`]).
pub type DocumentCheck = fn(&[Document]);

/// The path the server answers on.
pub const EWS_PATH: &str = "/EWS/Exchange.asmx";
/// The realm of the Basic and Bearer `WWW-Authenticate` challenges.
pub const REALM: &str = "fake-exchange";

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Binding the listening socket failed.
    #[error("binding the listening socket failed")]
    Bind(#[from] std::io::Error),
    /// Generating the certificate or configuring TLS failed.
    #[error("setting up TLS failed: {0}")]
    Tls(String),
}

/// A running fake Exchange server. Stops on [`shutdown`](Self::shutdown) or when dropped.
///
/// ```no_run
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let server = ews_tests::FakeExchange::builder()
///     .user("alice@example.test", "secret")
///     .start()
///     .await?;
/// // Point a client at server.url(); then check what the server saw.
/// assert_eq!(server.operation_count("CreateItem"), 0);
/// assert_eq!(server.processed_count("CreateItem"), 0);
/// server.shutdown().await;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct FakeExchange {
    check_documents: Option<DocumentCheck>,
    addr: SocketAddr,
    tls: bool,
    ca: Option<(Vec<u8>, String)>,
    state: Arc<State>,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl FakeExchange {
    /// A builder with no users, build 15.1.2507.6, plain HTTP.
    pub fn builder() -> Builder {
        Builder::default()
    }
    /// The EWS endpoint, e.g. `http://127.0.0.1:40123/EWS/Exchange.asmx`.
    pub fn url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}{EWS_PATH}", self.addr)
    }
    /// The listening address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
    /// The DER of the CA that signed the server certificate (`None` without TLS).
    pub fn ca_certificate_der(&self) -> Option<&[u8]> {
        self.ca.as_ref().map(|(der, _)| der.as_slice())
    }
    /// The PEM of the CA that signed the server certificate (`None` without TLS).
    pub fn ca_certificate_pem(&self) -> Option<&str> {
        self.ca.as_ref().map(|(_, pem)| pem.as_str())
    }
    /// Every HTTP request received, including those answered 401 or with a fault.
    pub fn requests_received(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }
    /// How many authenticated requests named `operation` (e.g. `GetFolder`) were dispatched:
    /// their envelope was read and their `RequestServerVersion` accepted. Requests an injected
    /// fault answered in place of processing are not counted (see
    /// [`processed_count`](Self::processed_count)).
    pub fn operation_count(&self, operation: &str) -> usize {
        self.operation_counts().get(operation).copied().unwrap_or(0)
    }
    /// Per-operation counts of authenticated, dispatched requests.
    pub fn operation_counts(&self) -> HashMap<String, usize> {
        lock(&self.state.operations).clone()
    }

    /// The documents recorded since the last call (see [`Builder::record_documents`]): each
    /// request the server could read and each response it wrote (as written, before any
    /// injected fault spoils it), named `NNNN-request` / `NNNN-response`. Empty without
    /// recording.
    pub fn take_documents(&self) -> Vec<Document> {
        self.state
            .documents
            .as_ref()
            .map(|d| std::mem::take(&mut *lock(d)))
            .unwrap_or_default()
    }
    /// Stops accepting connections, closes open ones, and waits for the server task.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for FakeExchange {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(check) = self.check_documents
            && !std::thread::panicking()
        {
            check(&self.take_documents());
        }
    }
}

/// What the server's tasks share: users, mailboxes, rights, counters and fault rules.
#[derive(Debug)]
struct State {
    /// Lower-cased e-mail address to password.
    users: HashMap<String, String>,
    mailboxes: Mutex<HashMap<String, Mailbox>>,
    /// Lower-cased addresses in the order they were added (a user's number is its index).
    user_list: Vec<String>,
    rights: Rights,
    directory: Directory,
    build: Build,
    requests: AtomicUsize,
    operations: Mutex<HashMap<String, usize>>,
    /// With [`Builder::record_documents`]: the requests read and the responses written.
    documents: Option<Mutex<Vec<Document>>>,
    faults: Arc<faults::FaultState>,
    auth: auth::Auth,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
