//! The transport builder and per-call options.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use ews_auth::ClientCertificate;
use http::{HeaderMap, HeaderName, HeaderValue, Uri};

use crate::error::ConfigError;
use crate::retry::{Jitter, RandomJitter, RetryPolicy, Schedule};
use crate::tls::{Roots, TlsSettings};
use crate::{Auth, Error, Proxy, Transport};

/// The default `User-Agent`.
pub const DEFAULT_USER_AGENT: &str = concat!("ews-rs/", env!("CARGO_PKG_VERSION"));

/// Builds a [`Transport`]. The endpoint is required; everything else has defaults:
/// 4 connections per server, [`RetryPolicy::FailFast`], timeouts of 30 s (connect),
/// 120 s (request) and 120 s (body idle), webpki roots, no proxy, `EWS_DUMP_DIR` honoured.
#[derive(Debug)]
pub struct TransportBuilder {
    pub(crate) endpoint: String,
    pub(crate) auth: Option<Auth>,
    pub(crate) max_connections: usize,
    pub(crate) retry: RetryPolicy,
    pub(crate) schedule: Schedule,
    pub(crate) jitter: Arc<dyn Jitter>,
    pub(crate) connect_timeout: Option<Duration>,
    pub(crate) request_timeout: Option<Duration>,
    pub(crate) idle_timeout: Option<Duration>,
    pub(crate) user_agent: String,
    pub(crate) headers: HeaderMap,
    pub(crate) proxy: Option<Proxy>,
    pub(crate) proxy_from_env: bool,
    pub(crate) tls: TlsSettings,
    pub(crate) allow_plain_http: bool,
    pub(crate) dump_dir: Option<PathBuf>,
    pub(crate) dump_from_env: bool,
}

impl TransportBuilder {
    pub(crate) fn new(endpoint: impl Into<String>) -> Self {
        Self {
            endpoint: endpoint.into(),
            auth: None,
            max_connections: 4,
            retry: RetryPolicy::FailFast,
            schedule: Schedule::default(),
            jitter: Arc::new(RandomJitter),
            connect_timeout: Some(Duration::from_secs(30)),
            request_timeout: Some(Duration::from_secs(120)),
            idle_timeout: Some(Duration::from_secs(120)),
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            headers: HeaderMap::new(),
            proxy: None,
            proxy_from_env: false,
            tls: TlsSettings::default(),
            allow_plain_http: false,
            dump_dir: None,
            dump_from_env: true,
        }
    }

    /// The authentication to perform (none by default: anonymous or client certificate only).
    pub fn auth(&mut self, auth: Auth) -> &mut Self {
        self.auth = Some(auth);
        self
    }
    /// The most connections open to one server at once (at least 1).
    pub fn max_connections(&mut self, n: usize) -> &mut Self {
        self.max_connections = n.max(1);
        self
    }
    /// What to do about transient failures.
    pub fn retry_policy(&mut self, policy: RetryPolicy) -> &mut Self {
        self.retry = policy;
        self
    }
    /// The exponential back-off schedule of [`RetryPolicy::FaultTolerance`].
    pub fn back_off_schedule(&mut self, schedule: Schedule) -> &mut Self {
        self.schedule = schedule;
        self
    }
    /// The jitter source (deterministic ones for tests).
    pub fn jitter(&mut self, jitter: impl Jitter + 'static) -> &mut Self {
        self.jitter = Arc::new(jitter);
        self
    }
    /// Timeout for TCP connect, proxy tunnel and TLS handshake (`None`: no limit).
    pub fn connect_timeout(&mut self, t: Option<Duration>) -> &mut Self {
        self.connect_timeout = t;
        self
    }
    /// Timeout for one attempt, from sending to the response head (`None`: no limit).
    pub fn request_timeout(&mut self, t: Option<Duration>) -> &mut Self {
        self.request_timeout = t;
        self
    }
    /// Timeout between two chunks of a response body (`None`: no limit).
    pub fn idle_timeout(&mut self, t: Option<Duration>) -> &mut Self {
        self.idle_timeout = t;
        self
    }
    /// The `User-Agent` header.
    pub fn user_agent(&mut self, ua: impl Into<String>) -> &mut Self {
        self.user_agent = ua.into();
        self
    }
    /// A header sent with every request.
    pub fn header(&mut self, name: HeaderName, value: HeaderValue) -> &mut Self {
        self.headers.insert(name, value);
        self
    }
    /// Sends every request through this `CONNECT` proxy.
    pub fn proxy(&mut self, proxy: Proxy) -> &mut Self {
        self.proxy = Some(proxy);
        self
    }
    /// Uses `HTTPS_PROXY`/`HTTP_PROXY` and `NO_PROXY` from the environment (when no
    /// [`proxy`](Self::proxy) is set). Off by default.
    pub fn proxy_from_env(&mut self, yes: bool) -> &mut Self {
        self.proxy_from_env = yes;
        self
    }
    /// The built-in trust roots.
    pub fn roots(&mut self, roots: Roots) -> &mut Self {
        self.tls.roots = roots;
        self
    }
    /// Trusts a DER root certificate for every host.
    pub fn add_root_certificate(&mut self, der: impl Into<Vec<u8>>) -> &mut Self {
        self.tls.extra_roots.push(der.into());
        self
    }
    /// Trusts a DER root certificate for `host` only.
    pub fn add_root_certificate_for_host(
        &mut self,
        host: &str,
        der: impl Into<Vec<u8>>,
    ) -> &mut Self {
        self.tls
            .host_roots
            .entry(host.to_ascii_lowercase())
            .or_default()
            .push(der.into());
        self
    }
    /// Presents this client certificate when a server asks for one.
    pub fn client_certificate(&mut self, cert: ClientCertificate) -> &mut Self {
        self.tls.client_cert = Some(cert);
        self
    }
    /// Writes every request and response document into `dir` (overrides `EWS_DUMP_DIR`):
    /// `NNNN-request.xml`, `NNNN-response.xml` (`.json`/`.txt` for OAuth token exchanges)
    /// and a `.headers.txt` beside each. Secrets are redacted in both directions:
    /// credentials and tokens in `Authorization`, `WWW-Authenticate` and the other
    /// authentication headers, cookie values, the content of elements named `…Password`,
    /// `…Token` or `…Secret`, and every value of a token request or response but a few
    /// harmless ones (`grant_type`, `token_type`, `error`…). Only for debugging: the
    /// documents themselves (mail, contacts) are written as they are.
    pub fn dump_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.dump_dir = Some(dir.into());
        self
    }
    /// Whether `EWS_DUMP_DIR` is honoured (default: yes).
    pub fn dump_from_env(&mut self, yes: bool) -> &mut Self {
        self.dump_from_env = yes;
        self
    }
    /// The settings that weaken security.
    pub fn dangerous(&mut self) -> DangerousBuilder<'_> {
        DangerousBuilder(self)
    }
    /// Builds the transport. Call inside a tokio runtime.
    pub fn build(&mut self) -> Result<Transport, Error> {
        Transport::from_builder(self)
    }
}

/// Settings that weaken security, from [`TransportBuilder::dangerous`].
#[derive(Debug)]
pub struct DangerousBuilder<'a>(&'a mut TransportBuilder);

impl DangerousBuilder<'_> {
    /// Accepts any server certificate: anyone on the path can read the credentials.
    pub fn accept_invalid_certificates(&mut self) -> &mut Self {
        self.0.tls.no_verify = true;
        self
    }
    /// Allows plain `http://` to hosts other than loopback: credentials travel in clear text.
    pub fn allow_plain_http(&mut self) -> &mut Self {
        self.0.allow_plain_http = true;
        self
    }
}

/// The EWS operations that must not be sent twice: a repeat could create, move or send a
/// second time. [`CallOptions::new`] marks calls of these operations not idempotent (the
/// same list as the `IDEMPOTENT` constants of `ews-model`'s operations; a test keeps the two
/// in step).
pub const NOT_IDEMPOTENT: &[&str] = &[
    "ArchiveItem",
    "CopyFolder",
    "CopyItem",
    "CreateAttachment",
    "CreateFolder",
    "CreateItem",
    "MarkAsJunk",
    "MoveFolder",
    "MoveItem",
    "SendItem",
    "UpdateFolder",
    "UpdateItem",
    "UploadItems",
];

/// Parses a URL of the configuration (the endpoint, a call's, a token endpoint's).
pub(crate) fn parse_url(url: &str) -> Result<Uri, ConfigError> {
    url.parse().map_err(|e| ConfigError::InvalidUrl {
        url: url.to_owned(),
        source: Box::new(e),
    })
}

/// Options of one call.
#[derive(Clone, Debug)]
pub struct CallOptions {
    pub(crate) operation: Option<String>,
    pub(crate) idempotent: bool,
    pub(crate) anchor_mailbox: Option<String>,
    pub(crate) headers: HeaderMap,
    pub(crate) authenticate: bool,
    pub(crate) url: Option<String>,
}

impl Default for CallOptions {
    fn default() -> Self {
        Self {
            operation: None,
            idempotent: false,
            anchor_mailbox: None,
            headers: HeaderMap::new(),
            authenticate: true,
            url: None,
        }
    }
}

impl CallOptions {
    /// Options for the EWS operation `name` (used in tracing and dumps), idempotent unless
    /// the operation is one of [`NOT_IDEMPOTENT`]. The default options (no operation) are not
    /// idempotent: an unknown request is never sent twice.
    pub fn new(operation: impl Into<String>) -> Self {
        let operation = operation.into();
        Self {
            idempotent: !NOT_IDEMPOTENT.contains(&operation.as_str()),
            operation: Some(operation),
            ..Self::default()
        }
    }
    /// Whether these options let a call be sent again after it may have reached the server.
    pub fn is_idempotent(&self) -> bool {
        self.idempotent
    }
    /// Whether sending the request twice is harmless. A non-idempotent request
    /// (CreateItem that sends, SendItem, …) is never sent again once it may have reached the
    /// server; connection failures before any byte was written are still retried.
    #[must_use]
    pub fn idempotent(mut self, yes: bool) -> Self {
        self.idempotent = yes;
        self
    }
    /// Routes the request to `mailbox`'s server: `X-AnchorMailbox`, `X-PreferServerAffinity`,
    /// and the `X-BackEndOverrideCookie` the server set for this mailbox before.
    #[must_use]
    pub fn anchor_mailbox(mut self, mailbox: impl Into<String>) -> Self {
        self.anchor_mailbox = Some(mailbox.into());
        self
    }
    /// An extra header for this call.
    #[must_use]
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.insert(name, value);
        self
    }
    /// Sends no credentials (e.g. for autodiscover probes of other hosts).
    #[must_use]
    pub fn without_auth(mut self) -> Self {
        self.authenticate = false;
        self
    }
    /// Posts to this URL instead of the transport's endpoint.
    #[must_use]
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
}
