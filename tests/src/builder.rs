//! [`Builder`]: the server's configuration, and starting it.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};

use ews_model::version::Build;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::access::Rights;
use crate::directory::Directory;
use crate::mailbox::Mailbox;
use crate::{DocumentCheck, Error, FakeExchange, FaultRule, State, auth, faults, http};

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
    pub(crate) faults: Vec<FaultRule>,
    impersonators: Vec<String>,
    delegates: Vec<(String, String)>,
    pub(crate) auth: auth::Settings,
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
        let task = tokio::spawn(http::accept_loop(
            listener,
            acceptor,
            state.clone(),
            stop_rx,
        ));
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

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
