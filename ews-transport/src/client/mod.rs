//! The [`HttpSender`]: one attempt per call (a pooled connection, the request and its
//! authentication round trips on that connection, the classification of the answer),
//! without retries; [`crate::Retry`] adds those.

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http::header::{self, HeaderMap, HeaderValue};
use http::{Request, Uri};
use hyper::body::Incoming;

mod attempt;
mod authorize;

use crate::auth::AuthState;
use crate::config::parse_url;
use crate::connect::Dialer;
use crate::dump::Dumper;
use crate::error::ConfigError;
use crate::pool::{Conn, OriginKey, Pools, ReqBody};
use crate::retry::{IoFailure, Verdict, classify_io};
use crate::tls::TlsConfigs;
use crate::{CallOptions, Error, RequestBody, SendSoap, SoapResponse, TransportBuilder};

/// Most bytes of a non-2xx body read to classify it.
const ERROR_BODY_LIMIT: usize = 1 << 20;
/// Most authentication round trips in one attempt.
const MAX_AUTH_ROUNDS: u32 = 4;
const AFFINITY_COOKIE: &str = "X-BackEndOverrideCookie";

/// The HTTP layer of a [`Transport`](crate::Transport), without retries: each
/// [`send_soap`](SendSoap::send_soap) is one attempt, made of a connection from the pool
/// (capped per server), the request, and the authentication round trips the scheme needs on
/// that connection, with dumps and the affinity cookie. The answer is classified
/// ([`classify`](crate::classify)): a failure another attempt may fix comes back as
/// [`Error::Transient`], for [`Retry`](crate::Retry) (or the caller) to act on.
///
/// Built with the [`Transport`](crate::Transport) and shared with it
/// ([`Transport::http`](crate::Transport::http)); cheap to clone, clones share the pool.
///
/// ```no_run
/// # async fn f() -> Result<(), ews_transport::Error> {
/// use ews_transport::{CallOptions, Error, RequestBody, SendSoap, Transport};
///
/// let transport = Transport::builder("https://mail.example.test/EWS/Exchange.asmx").build()?;
/// let http = transport.http();
/// let mut body = RequestBody::from_bytes(&b"<soap:Envelope>...</soap:Envelope>"[..]);
/// match http.send_soap(&mut body, &CallOptions::new("GetFolder")).await {
///     Ok(response) => println!("HTTP {}", response.status()),
///     Err(Error::Transient { reason, after, .. }) => println!("try again after {after:?}: {reason}"),
///     Err(e) => return Err(e),
/// }
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct HttpSender {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    endpoint: String,
    auth: Option<AuthState>,
    accepted: AtomicBool,
    pools: Pools,
    /// Connections to OAuth token endpoints, apart from `pools`: a token request must never
    /// wait for a connection held by the request that waits for the token.
    token_pools: Pools,
    max_connections: usize,
    dialer: Dialer,
    request_timeout: Option<Duration>,
    idle_timeout: Option<Duration>,
    user_agent: HeaderValue,
    headers: HeaderMap,
    allow_plain_http: bool,
    dumper: Option<Dumper>,
    cookies: Mutex<HashMap<String, HeaderValue>>,
}

/// A response head from one attempt, its body, its connection and its dump number.
type Attempted = (http::response::Parts, Incoming, Conn, Option<u32>);

/// Why an attempt did not produce a response for the caller.
struct Failed {
    verdict: Verdict,
    error: Error,
}

impl Failed {
    fn io(failure: IoFailure, idempotent: bool, error: Error) -> Self {
        let verdict = classify_io(failure, idempotent);
        let error = match (&verdict, error) {
            (Verdict::Fail(_), Error::Http(e)) => Error::MaybeSent(e),
            (_, e) => e,
        };
        Self { verdict, error }
    }
    fn fatal(error: Error) -> Self {
        Self {
            verdict: Verdict::Fail(crate::FailKind::Status(0)),
            error,
        }
    }
    /// The error for the caller: transient failures are marked as such.
    fn into_error(self) -> Error {
        match self.verdict {
            Verdict::Retry { after, reason } => Error::Transient {
                reason,
                after,
                source: Box::new(self.error),
            },
            _ => self.error,
        }
    }
}

fn now() -> std::time::Instant {
    tokio::time::Instant::now().into_std()
}

impl HttpSender {
    pub(crate) fn from_builder(b: &mut TransportBuilder) -> Result<Self, Error> {
        let endpoint_uri = parse_url(&b.endpoint)?;
        let host = endpoint_uri.host().unwrap_or_default();
        let auth = b.auth.take().map(|a| AuthState::new(a, host)).transpose()?;
        let dump_dir = b.dump_dir.clone().or_else(|| {
            b.dump_from_env
                .then(|| std::env::var_os("EWS_DUMP_DIR"))
                .flatten()
                .filter(|d| !d.is_empty())
                .map(Into::into)
        });
        let dumper = dump_dir
            .map(|dir| {
                Dumper::new(dir.clone()).map_err(|source| ConfigError::DumpDir { dir, source })
            })
            .transpose()?;
        if b.allow_plain_http {
            tracing::warn!("plain HTTP allowed (dangerous): credentials may travel in clear text");
        }
        let inner = Inner {
            endpoint: b.endpoint.clone(),
            auth,
            accepted: AtomicBool::new(false),
            pools: Pools::default(),
            token_pools: Pools::default(),
            max_connections: b.max_connections,
            dialer: Dialer::new(
                TlsConfigs::new(b.tls.clone())?,
                b.proxy.clone(),
                b.proxy_from_env,
                b.connect_timeout,
            ),
            request_timeout: b.request_timeout,
            idle_timeout: b.idle_timeout,
            user_agent: header_value("User-Agent", &b.user_agent)?,
            headers: b.headers.clone(),
            allow_plain_http: b.allow_plain_http,
            dumper,
            cookies: Mutex::new(HashMap::new()),
        };
        let t = Self {
            inner: Arc::new(inner),
        };
        t.origin(&endpoint_uri)?;
        Ok(t)
    }

    /// The endpoint URL.
    pub fn endpoint(&self) -> &str {
        &self.inner.endpoint
    }

    fn origin(&self, uri: &Uri) -> Result<OriginKey, Error> {
        let tls = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            _ => {
                return Err(ConfigError::UnsupportedScheme {
                    url: uri.to_string(),
                }
                .into());
            }
        };
        let host = uri
            .host()
            .ok_or_else(|| ConfigError::MissingHost {
                url: uri.to_string(),
            })?
            .trim_matches(['[', ']'])
            .to_owned();
        if !tls && !self.inner.allow_plain_http && !is_loopback(&host) {
            return Err(ConfigError::PlainHttp {
                url: uri.to_string(),
            }
            .into());
        }
        let port = uri.port_u16().unwrap_or(if tls { 443 } else { 80 });
        Ok(OriginKey { tls, host, port })
    }

    /// One attempt, classified.
    async fn send_once(
        &self,
        body: &mut RequestBody,
        options: &CallOptions,
    ) -> Result<SoapResponse, Error> {
        let url = options.url.as_deref().unwrap_or(&self.inner.endpoint);
        let uri = parse_url(url)?;
        let key = self.origin(&uri)?;
        let pool = self.inner.pools.get(&key, self.inner.max_connections);
        let result = match self.attempt(&uri, &key, &pool, body, options).await {
            Ok((parts, incoming, conn, dump)) => {
                self.classify(parts, incoming, conn, dump, &pool).await
            }
            Err(failed) => Err(failed),
        };
        result.map_err(Failed::into_error)
    }

    fn request(
        &self,
        uri: &Uri,
        opts: &CallOptions,
        body: &mut RequestBody,
        authorization: Option<HeaderValue>,
    ) -> Result<(Request<ReqBody>, Option<u32>), Error> {
        let mut builder = Request::post(origin_form(uri))
            .header(header::HOST, host_header(uri))
            .header(header::USER_AGENT, self.inner.user_agent.clone())
            .header(header::CONTENT_TYPE, "text/xml; charset=utf-8")
            .header(header::ACCEPT, "text/xml");
        // The builder only lacks headers after an invalid URI or `Host`, which a parsed URI
        // cannot give.
        let headers = builder
            .headers_mut()
            .ok_or_else(|| Error::http("invalid request head"))?;
        for (name, value) in self.inner.headers.iter().chain(opts.headers.iter()) {
            headers.insert(name.clone(), value.clone());
        }
        if let Some(anchor) = &opts.anchor_mailbox {
            let v = header_value("X-AnchorMailbox", anchor)?;
            headers.insert("x-anchormailbox", v);
            headers.insert("x-preferserveraffinity", HeaderValue::from_static("true"));
            let cookie = self
                .inner
                .cookies
                .lock()
                .ok()
                .and_then(|c| c.get(&anchor.to_ascii_lowercase()).cloned());
            if let Some(cookie) = cookie {
                headers.insert(header::COOKIE, cookie);
            }
        }
        if let Some(a) = authorization {
            headers.insert(header::AUTHORIZATION, a);
        }
        let dump = self.inner.dumper.as_ref().map(|dumper| {
            let n = dumper.next_number();
            dumper.request(
                n,
                &format!("POST {uri}"),
                headers,
                body.bytes().map(|b| &b[..]),
            );
            n
        });
        Ok((builder.body(body.take()?).map_err(Error::http)?, dump))
    }

    /// Keeps the `X-BackEndOverrideCookie` the server set, per anchor mailbox.
    fn keep_cookie(&self, opts: &CallOptions, headers: &HeaderMap) {
        let Some(anchor) = &opts.anchor_mailbox else {
            return;
        };
        for v in headers.get_all(header::SET_COOKIE) {
            let Ok(v) = v.to_str() else { continue };
            let pair = v.split(';').next().unwrap_or("").trim();
            let is_affinity = pair
                .split_once('=')
                .is_some_and(|(n, _)| n.trim().eq_ignore_ascii_case(AFFINITY_COOKIE));
            if let (true, Ok(value), Ok(mut cookies)) = (
                is_affinity,
                HeaderValue::from_str(pair),
                self.inner.cookies.lock(),
            ) {
                cookies.insert(anchor.to_ascii_lowercase(), value);
            }
        }
    }
}

impl SendSoap for HttpSender {
    /// One attempt, no retry: a transient failure is [`Error::Transient`].
    async fn send_soap(
        &self,
        body: &mut RequestBody,
        options: &CallOptions,
    ) -> Result<SoapResponse, Error> {
        self.send_once(body, options).await
    }
}

fn header_value(header: &'static str, value: &str) -> Result<HeaderValue, ConfigError> {
    HeaderValue::from_str(value).map_err(|e| ConfigError::InvalidHeaderValue {
        header,
        value: value.to_owned(),
        source: Box::new(e),
    })
}

fn origin_form(uri: &Uri) -> String {
    uri.path_and_query()
        .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned())
}

fn host_header(uri: &Uri) -> String {
    uri.authority()
        .map_or_else(String::new, |a| a.as_str().to_owned())
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
