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
mod directory;
mod faults;
mod mailbox;

pub use faults::{FaultKind, FaultRule, UNREAD_OPERATION, UNREADABLE_OPERATION};

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use ews_model::operations::{AnyRequest, AnyResponse, MessageStatus};
use ews_model::version::{Build, ExchangeVersion};
use ews_xml::soap::{self, Fault, RequestHeader, ServerVersionInfo};
use ews_xml::{Name, ReadError, Reader, ResponseCode, XmlRead as _, XmlWrite as _};
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;

use crate::access::Rights;
pub use crate::auth::{AuthScheme, NTLM_DOMAIN, TOKEN_PATH};
use crate::directory::Directory;
use crate::mailbox::{Ctx, Mailbox};
use ews_model::time::DateTime;

/// A recorded document: its name (`0001-request`) and bytes.
pub type Document = (String, Vec<u8>);
/// A check of recorded documents (see [`Builder::check_documents_on_drop`]).
pub type DocumentCheck = fn(&[Document]);

/// The path the server answers on.
pub const EWS_PATH: &str = "/EWS/Exchange.asmx";
/// The realm of the Basic and Bearer `WWW-Authenticate` challenges.
pub const REALM: &str = "fake-exchange";
/// The largest request body accepted (bytes).
const MAX_BODY: usize = 32 * 1024 * 1024;

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

/// Configures and starts a [`FakeExchange`].
///
/// ```no_run
/// # async fn demo() -> Result<(), ews_tests::Error> {
/// use ews_tests::{AuthScheme, FakeExchange, FaultKind, FaultRule};
///
/// let server = FakeExchange::builder()
///     .user("alice@example.test", "secret")
///     .user("svc@example.test", "s3cret")
///     .impersonator("svc@example.test")
///     .delegate("alice@example.test", "svc@example.test")
///     .auth([AuthScheme::Ntlm, AuthScheme::Basic])
///     .fault(FaultRule::new(FaultKind::TooManyRequests { retry_after_secs: Some(1) }).next(1))
///     .tls()
///     .start()
///     .await?;
/// assert!(server.url().starts_with("https://127.0.0.1:"));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Builder {
    users: Vec<(String, String)>,
    names: Vec<(String, String)>,
    groups: Vec<(String, Vec<String>)>,
    build: Build,
    tls: bool,
    listen: SocketAddr,
    seed: u64,
    faults: Vec<FaultRule>,
    impersonators: Vec<String>,
    delegates: Vec<(String, String)>,
    auth: auth::Settings,
    record: bool,
    check_documents: Option<DocumentCheck>,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            users: Vec::new(),
            names: Vec::new(),
            groups: Vec::new(),
            build: Build::new(15, 1, 2507, 6),
            tls: false,
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            seed: 0x5EED_F0DE_E5C4_A6E1,
            impersonators: Vec::new(),
            delegates: Vec::new(),
            faults: Vec::new(),
            auth: auth::Settings::default(),
            record: false,
            check_documents: None,
        }
    }
}

impl Builder {
    /// Adds a user (e-mail address and password) with its own mailbox. The user signs in
    /// as the address, its local part or `EXAMPLE\\local-part`.
    #[must_use]
    pub fn user(mut self, email: impl Into<String>, password: impl Into<String>) -> Self {
        self.users.push((email.into(), password.into()));
        self
    }
    /// The display name of the user or group `address` in the directory (`ResolveNames`,
    /// `ExpandDL`). Without one, the name comes from the address's local part:
    /// `alice@example.test` is `Alice`, `ann.lee@example.test` is `Ann Lee`.
    #[must_use]
    pub fn display_name(mut self, address: impl Into<String>, name: impl Into<String>) -> Self {
        self.names.push((address.into(), name.into()));
        self
    }
    /// Adds a public distribution group (a directory group without a mailbox) with the
    /// addresses of its members: `ResolveNames` finds it, `ExpandDL` lists its members
    /// (users of the server, other groups, or any address).
    ///
    /// ```
    /// let builder = ews_tests::FakeExchange::builder()
    ///     .user("alice@example.test", "secret")
    ///     .group("team@example.test", ["alice@example.test", "bob@example.test"]);
    /// # let _ = builder;
    /// ```
    #[must_use]
    pub fn group<M: Into<String>>(
        mut self,
        address: impl Into<String>,
        members: impl IntoIterator<Item = M>,
    ) -> Self {
        self.groups.push((
            address.into(),
            members.into_iter().map(Into::into).collect(),
        ));
        self
    }
    /// The build the server reports (default 15.1.2507.6, Exchange 2016).
    #[must_use]
    pub fn server_version(mut self, build: Build) -> Self {
        self.build = build;
        self
    }
    /// Serves HTTPS with a certificate generated at start (see
    /// [`FakeExchange::ca_certificate_der`]).
    #[must_use]
    pub fn tls(mut self) -> Self {
        self.tls = true;
        self
    }
    /// The address to listen on (default `127.0.0.1:0`, an ephemeral port).
    #[must_use]
    pub fn listen(mut self, addr: SocketAddr) -> Self {
        self.listen = addr;
        self
    }
    /// The seed of folder ids and change keys (the same seed and the same requests give the
    /// same ids).
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Gives `user` the ApplicationImpersonation role: with `ExchangeImpersonation` it may act
    /// as any user of the server.
    #[must_use]
    pub fn impersonator(mut self, user: impl Into<String>) -> Self {
        self.impersonators.push(user.into());
        self
    }
    /// Gives `delegate` full access to `owner`'s mailbox: requests naming `owner`'s folders
    /// (`DistinguishedFolderId/Mailbox`) or ids act on that mailbox.
    #[must_use]
    pub fn delegate(mut self, owner: impl Into<String>, delegate: impl Into<String>) -> Self {
        self.delegates.push((owner.into(), delegate.into()));
        self
    }

    /// Keeps every request the server could read and every response it wrote, for
    /// [`FakeExchange::take_documents`] (tests validate them against the schema).
    #[must_use]
    pub fn record_documents(mut self) -> Self {
        self.record = true;
        self
    }

    /// Records documents (as [`record_documents`](Self::record_documents)) and hands those
    /// not yet taken to `check` when the server is dropped or shut down (not while a panic
    /// unwinds): the hook for a schema gate over everything a test made the server read and
    /// write.
    #[must_use]
    pub fn check_documents_on_drop(mut self, check: DocumentCheck) -> Self {
        self.record = true;
        self.check_documents = Some(check);
        self
    }

    /// Binds the socket and starts serving on the current tokio runtime.
    pub async fn start(self) -> Result<FakeExchange, Error> {
        let listener = TcpListener::bind(self.listen).await?;
        let addr = listener.local_addr()?;
        let pki = if self.tls {
            Some(auth::cert::Pki::generate()?)
        } else {
            None
        };
        let acceptor = pki.as_ref().map(auth::cert::Pki::acceptor).transpose()?;
        let ca = pki.as_ref().map(|p| (p.ca_der.clone(), p.ca_pem.clone()));
        let user_list: Vec<String> = self.users.iter().map(|(u, _)| u.to_lowercase()).collect();
        let mailboxes = user_list
            .iter()
            .enumerate()
            .map(|(n, u)| {
                let number = u16::try_from(n).unwrap_or(u16::MAX);
                (u.clone(), Mailbox::new(self.seed ^ fnv(u), number))
            })
            .collect();
        let mut rights = Rights {
            impersonators: self
                .impersonators
                .iter()
                .map(|u| u.to_lowercase())
                .collect(),
            ..Rights::default()
        };
        for (owner, delegate) in &self.delegates {
            rights
                .delegates
                .entry(owner.to_lowercase())
                .or_default()
                .insert(delegate.to_lowercase());
        }
        let state = Arc::new(State {
            users: self
                .users
                .iter()
                .map(|(u, p)| (u.to_lowercase(), p.clone()))
                .collect(),
            mailboxes: Mutex::new(mailboxes),
            user_list,
            rights,
            directory: Directory::new(&self.users, &self.names, &self.groups),
            build: self.build,
            requests: AtomicUsize::new(0),
            operations: Mutex::new(HashMap::new()),
            documents: self.record.then(|| Mutex::new(Vec::new())),
            faults: Arc::new(faults::FaultState::new(self.faults)),
            auth: auth::Auth::new(self.auth, pki),
        });
        let (stop_tx, stop_rx) = watch::channel(false);
        let task = tokio::spawn(accept_loop(listener, acceptor, state.clone(), stop_rx));
        Ok(FakeExchange {
            check_documents: self.check_documents,
            addr,
            tls: self.tls,
            ca,
            state,
            stop: stop_tx,
            task: Some(task),
        })
    }
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

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

async fn accept_loop(
    listener: TcpListener,
    acceptor: Option<TlsAcceptor>,
    state: Arc<State>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stop.changed() => return,
        };
        let Ok((tcp, _)) = accepted else {
            continue;
        };
        let (state, acceptor, stop) = (state.clone(), acceptor.clone(), stop.clone());
        tokio::spawn(async move {
            let _open = state.faults.connection();
            match acceptor {
                Some(a) => {
                    if let Ok(tls) = a.accept(tcp).await {
                        let conn = auth::Connection::tls(&state, tls.get_ref().1);
                        serve(TokioIo::new(tls), state, stop, conn).await;
                    }
                }
                None => {
                    let conn = auth::Connection::new(&state);
                    serve(TokioIo::new(tcp), state, stop, conn).await;
                }
            }
        });
    }
}

async fn serve<IO>(
    io: IO,
    state: Arc<State>,
    mut stop: watch::Receiver<bool>,
    conn: auth::Connection,
) where
    IO: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
        let (state, conn) = (state.clone(), conn.clone());
        async move { faults::deliver(handle(&state, &conn, req).await).await }
    });
    let conn = hyper::server::conn::http1::Builder::new().serve_connection(io, service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = stop.changed() => {}
    }
}

fn plain(status: StatusCode) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::new()));
    *r.status_mut() = status;
    r
}

async fn handle(
    state: &State,
    conn: &auth::Connection,
    req: Request<Incoming>,
) -> Response<Full<Bytes>> {
    state.requests.fetch_add(1, Ordering::SeqCst);
    let req = match auth::token_endpoint(state, req).await {
        Ok(token_reply) => return token_reply,
        Err(req) => req,
    };
    if !req.uri().path().eq_ignore_ascii_case(EWS_PATH) {
        return plain(StatusCode::NOT_FOUND);
    }
    let granted = match auth::authenticate(state, conn, req.headers()) {
        Ok(granted) => granted,
        Err(challenge) => {
            // Read the body, so the connection stays usable for the next leg (NTLM).
            let _ = Limited::new(req.into_body(), MAX_BODY).collect().await;
            return *challenge;
        }
    };
    if req.method() != Method::POST {
        let mut r = plain(StatusCode::METHOD_NOT_ALLOWED);
        r.headers_mut()
            .insert(http::header::ALLOW, http::HeaderValue::from_static("POST"));
        return r;
    }
    let mut faults = state.faults.plan();
    if let Some(r) = faults.before_body() {
        return r;
    }
    let body = match Limited::new(req.into_body(), MAX_BODY).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return plain(StatusCode::PAYLOAD_TOO_LARGE),
    };
    if let Some(r) = faults.before_processing(&body, state.build) {
        return r;
    }
    let (status, xml) = faults.processed(respond(state, &granted.user, &body));
    let mut r = Response::new(Full::new(Bytes::from(xml)));
    *r.status_mut() = status;
    r.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/xml; charset=utf-8"),
    );
    if let Some(v) = granted.www_authenticate {
        r.headers_mut().append(http::header::WWW_AUTHENTICATE, v);
    }
    faults.finish(r)
}

/// The newest `RequestServerVersion` a build takes: its own version, and for Exchange Online
/// builds (15.20 and later) the newest dated schema.
fn newest_version(build: Build) -> ExchangeVersion {
    match (build.product(), ExchangeVersion::ALL.last()) {
        (ews_model::version::Product::ExchangeOnline, Some(newest)) => *newest,
        _ => build.api_version(),
    }
}

fn server_version_info(build: Build) -> ServerVersionInfo {
    let mut v = ServerVersionInfo::default();
    v.major_version = Some(i32::from(build.major));
    v.minor_version = Some(i32::from(build.minor));
    v.major_build_number = Some(i32::from(build.major_build));
    v.minor_build_number = Some(i32::from(build.minor_build));
    v.version = Some(newest_version(build).as_str().to_owned());
    v
}

fn fault(code: ResponseCode, soap_code: &str, message: &str) -> Fault {
    let mut f = Fault::default();
    f.code = soap_code.to_owned();
    f.string = message.to_owned();
    f.detail_code = Some(code);
    f.detail_message = Some(message.to_owned());
    f
}

/// Reads a request envelope: its header and body.
fn read_request(body: &[u8]) -> Result<(RequestHeader, Option<AnyRequest>, String), ReadError> {
    let mut r = Reader::from_bytes(body);
    let root = r.root()?;
    if !root.is(Name::soap("Envelope")) {
        return Err(r.error(ews_xml::ReadErrorKind::UnexpectedElement {
            found: root.display_name(),
        }));
    }
    let mut header = RequestHeader::default();
    let mut request = None;
    let mut name = String::new();
    while let Some(child) = r.next_child()? {
        if child.is(Name::soap("Header")) {
            header = RequestHeader::read_xml(&mut r, &child)?;
        } else if child.is(Name::soap("Body")) {
            if let Some(start) = r.next_child()? {
                name = start.local_name().to_owned();
                request = AnyRequest::read_body(&mut r, &start)?;
                if request.is_none() {
                    r.skip_element()?;
                }
            }
            while r.next_child()?.is_some() {
                r.skip_element()?;
            }
        } else {
            r.skip_element()?;
        }
    }
    r.read_to_end()?;
    Ok((header, request, name))
}

/// Runs one request against the caller's mailbox; delivers what it sends. `Err` when the
/// caller has no mailbox; `Ok(None)` for an operation the server does not implement.
fn dispatch(
    boxes: &mut HashMap<String, Mailbox>,
    dir: &Directory,
    user: &str,
    request: AnyRequest,
    ctx: &Ctx,
) -> Result<Option<AnyResponse>, ()> {
    let mb = boxes.get_mut(user).ok_or(())?;
    let mut deliveries = Vec::new();
    let response = match &request {
        AnyRequest::GetFolder(r) => AnyResponse::GetFolder(mb.get_folder(r)),
        AnyRequest::FindFolder(r) => AnyResponse::FindFolder(mb.find_folder(r)),
        AnyRequest::CreateFolder(r) => AnyResponse::CreateFolder(mb.create_folder(r)),
        AnyRequest::DeleteFolder(r) => AnyResponse::DeleteFolder(mb.delete_folder(r)),
        AnyRequest::UpdateFolder(r) => AnyResponse::UpdateFolder(mb.update_folder(r, ctx.version)),
        AnyRequest::MoveFolder(r) => match mb.move_folder(r) {
            Ok(resp) => AnyResponse::MoveFolder(resp),
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::CopyFolder(r) => match mb.copy_folder(r) {
            Ok(resp) => AnyResponse::CopyFolder(resp),
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::ConvertId(r) => AnyResponse::ConvertId(directory::convert_id(dir, r)),
        AnyRequest::ResolveNames(r) => {
            AnyResponse::ResolveNames(directory::resolve_names(dir, mb, r))
        }
        AnyRequest::ExpandDl(r) => AnyResponse::ExpandDl(directory::expand_dl(dir, mb, r)),
        AnyRequest::GetItem(r) => AnyResponse::GetItem(mb.get_item(r, ctx)),
        AnyRequest::FindItem(r) => AnyResponse::FindItem(mb.find_item(r, ctx)),
        AnyRequest::CreateItem(r) => match mb.create_item(r, ctx) {
            Ok((resp, d)) => {
                deliveries = d;
                AnyResponse::CreateItem(resp)
            }
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::UpdateItem(r) => match mb.update_item(r, ctx) {
            Ok((resp, d)) => {
                deliveries = d;
                AnyResponse::UpdateItem(resp)
            }
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::SendItem(r) => match mb.send_item(r, ctx) {
            Ok((resp, d)) => {
                deliveries = d;
                AnyResponse::SendItem(resp)
            }
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::DeleteItem(r) => AnyResponse::DeleteItem(mb.delete_item(r, ctx)),
        AnyRequest::MoveItem(r) => match mb.move_item(r) {
            Ok(resp) => AnyResponse::MoveItem(resp),
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::CopyItem(r) => match mb.copy_item(r) {
            Ok(resp) => AnyResponse::CopyItem(resp),
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::MarkAsJunk(r) => AnyResponse::MarkAsJunk(mb.mark_as_junk(r)),
        AnyRequest::ArchiveItem(r) => AnyResponse::ArchiveItem(mb.archive_item(r)),
        AnyRequest::EmptyFolder(r) => AnyResponse::EmptyFolder(mb.empty_folder(r)),
        AnyRequest::MarkAllItemsAsRead(r) => {
            AnyResponse::MarkAllItemsAsRead(mb.mark_all_items_as_read(r))
        }
        AnyRequest::CreateAttachment(r) => {
            AnyResponse::CreateAttachment(mb.create_attachment(r, ctx))
        }
        AnyRequest::GetAttachment(r) => AnyResponse::GetAttachment(mb.get_attachment(r, ctx)),
        AnyRequest::DeleteAttachment(r) => {
            AnyResponse::DeleteAttachment(mb.delete_attachment(r, ctx))
        }
        AnyRequest::ExportItems(r) => AnyResponse::ExportItems(mb.export_items(r)),
        AnyRequest::UploadItems(r) => AnyResponse::UploadItems(mb.upload_items(r, ctx)),
        _ => return Ok(None),
    };
    for d in deliveries {
        if let Some(target) = boxes.get_mut(&d.to) {
            let ctx = Ctx {
                owner: d.to.clone(),
                ..ctx.clone()
            };
            target.deliver(d.item, &ctx);
        }
    }
    Ok(Some(response))
}

/// Answers one authenticated request body: status and XML.
fn respond(state: &State, user: &str, body: &[u8]) -> (StatusCode, Vec<u8>) {
    let (status, xml) = respond_unrecorded(state, user, body);
    if let Some(docs) = &state.documents {
        let mut docs = lock(docs);
        let n = docs.len() + 1;
        // A request this server cannot read is a test's deliberate garbage: not recorded.
        if read_request(body).is_ok() {
            docs.push((format!("{n:04}-request"), body.to_vec()));
        }
        docs.push((format!("{n:04}-response"), xml.clone()));
    }
    (status, xml)
}

/// [`respond`] without the recording.
fn respond_unrecorded(state: &State, user: &str, body: &[u8]) -> (StatusCode, Vec<u8>) {
    let svi = server_version_info(state.build);
    let write_fault = |f: Fault| {
        let mut out = Vec::new();
        let res = soap::write_response_envelope(&mut out, Some(&svi), |w| {
            f.write_xml(w, Name::soap("Fault"))
        });
        match res {
            Ok(()) => (StatusCode::INTERNAL_SERVER_ERROR, out),
            Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, Vec::new()),
        }
    };
    let (header, request, name) = match read_request(body) {
        Ok(parsed) => parsed,
        Err(e) => {
            return write_fault(fault(
                ResponseCode::ErrorSchemaValidation,
                "a:ErrorSchemaValidation",
                &format!("The request failed schema validation: {e}"),
            ));
        }
    };
    // Without `RequestServerVersion` the request is read as of the server's own version;
    // an unknown version, or one newer than the server's, is refused.
    let version = match header.version.as_deref().map(str::trim) {
        None => newest_version(state.build),
        Some(v) => {
            match ExchangeVersion::from_name(v).filter(|v| *v <= newest_version(state.build)) {
                Some(v) => v,
                None => {
                    return write_fault(fault(
                        ResponseCode::ErrorInvalidServerVersion,
                        "a:ErrorInvalidServerVersion",
                        "The specified server version is invalid.",
                    ));
                }
            }
        }
    };
    let op_name = match &request {
        Some(r) => r.operation().to_owned(),
        None => name,
    };
    *lock(&state.operations).entry(op_name.clone()).or_default() += 1;
    let actor =
        match state
            .rights
            .acting_user(user, header.impersonation.as_ref(), &state.user_list)
        {
            Ok(a) => a,
            Err(denied) => {
                let soap_code = format!("a:{}", denied.code.as_str());
                return write_fault(fault(denied.code, &soap_code, &denied.message));
            }
        };
    // A mailbox the actor cannot open: every response message says so, as in Exchange.
    let target = match &request {
        Some(r) => match state.rights.target_mailbox(&actor, r, &state.user_list) {
            Ok(t) => t,
            Err(denied) => {
                let status = MessageStatus::error(denied.code.clone(), denied.message.clone());
                match access::refuse(r, &status) {
                    Some(response) => return write_response(&svi, &response),
                    None => {
                        let soap_code = format!("a:{}", denied.code.as_str());
                        return write_fault(fault(denied.code, &soap_code, &denied.message));
                    }
                }
            }
        },
        None => actor,
    };
    let ctx = Ctx {
        owner: target.clone(),
        now: DateTime(jiff::Timestamp::now()),
        version,
    };
    let response = {
        let mut boxes = lock(&state.mailboxes);
        match request.map(|r| dispatch(&mut boxes, &state.directory, &target, r, &ctx)) {
            Some(Err(())) => {
                return write_fault(fault(
                    ResponseCode::ErrorMailboxStoreUnavailable,
                    "a:ErrorMailboxStoreUnavailable",
                    "The mailbox is unavailable.",
                ));
            }
            Some(Ok(r)) => r,
            None => None,
        }
    };
    let Some(response) = response else {
        return write_fault(fault(
            ResponseCode::ErrorInvalidOperation,
            "a:ErrorInvalidOperation",
            &format!("FakeExchange does not implement the operation {op_name:?}."),
        ));
    };
    write_response(&svi, &response)
}

/// HTTP 200 with `response`, or a fault when it cannot be written.
fn write_response(svi: &ServerVersionInfo, response: &AnyResponse) -> (StatusCode, Vec<u8>) {
    let mut out = Vec::new();
    match soap::write_response_envelope(&mut out, Some(svi), |w| response.write_body(w)) {
        Ok(()) => (StatusCode::OK, out),
        Err(e) => {
            let f = fault(
                ResponseCode::ErrorInternalServerError,
                "a:ErrorInternalServerError",
                &format!("writing the response failed: {e}"),
            );
            let mut out = Vec::new();
            let _ = soap::write_response_envelope(&mut out, Some(svi), |w| {
                f.write_xml(w, Name::soap("Fault"))
            });
            (StatusCode::INTERNAL_SERVER_ERROR, out)
        }
    }
}
