//! The [`Transport`]: the retry loop around attempts, and one attempt with its
//! authentication round trips on one connection.

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http::header::{self, HeaderMap, HeaderValue};
use http::{Request, Uri};
use hyper::body::Incoming;
use tracing::Instrument as _;

mod attempt;
mod authorize;

use crate::auth::AuthState;
use crate::connect::Dialer;
use crate::dump::Dumper;
use crate::pool::{Conn, OriginKey, Pool, Pools, ReqBody};
use crate::retry::{IoFailure, Jitter, RetryPolicy, Schedule, Verdict, classify_io};
use crate::tls::TlsConfigs;
use crate::{CallOptions, Error, RequestBody, SoapResponse, TransportBuilder};

/// Most bytes of a non-2xx body read to classify it.
const ERROR_BODY_LIMIT: usize = 1 << 20;
/// Most authentication round trips in one attempt.
const MAX_AUTH_ROUNDS: u32 = 4;
const AFFINITY_COOKIE: &str = "X-BackEndOverrideCookie";

/// Sends EWS requests: a pool of HTTP/1.1 connections per server with authentication,
/// retries and dumps. Cheap to clone; clones share everything.
///
/// ```no_run
/// # async fn f() -> Result<(), ews_transport::Error> {
/// use ews_transport::{CallOptions, Transport};
///
/// let transport = Transport::builder("https://mail.example.test/EWS/Exchange.asmx").build()?;
/// let envelope = b"<soap:Envelope>...</soap:Envelope>".to_vec();
/// let response = transport.send_envelope(envelope, &CallOptions::new("GetFolder")).await?;
/// let version = response.read_with(|env| env.server_version).await?;
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct Transport {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    endpoint: String,
    auth: Option<AuthState>,
    accepted: AtomicBool,
    pools: Pools,
    max_connections: usize,
    dialer: Dialer,
    retry: RetryPolicy,
    schedule: Schedule,
    jitter: Arc<dyn Jitter>,
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
}

fn now() -> std::time::Instant {
    tokio::time::Instant::now().into_std()
}

impl Transport {
    /// A builder for a transport posting to `endpoint` (`https://host/EWS/Exchange.asmx`).
    pub fn builder(endpoint: impl Into<String>) -> TransportBuilder {
        TransportBuilder::new(endpoint)
    }

    pub(crate) fn from_builder(b: &mut TransportBuilder) -> Result<Self, Error> {
        let endpoint_uri: Uri = b
            .endpoint
            .parse()
            .map_err(|e| Error::Config(format!("invalid endpoint {:?}: {e}", b.endpoint)))?;
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
            .map(Dumper::new)
            .transpose()
            .map_err(|e| Error::Config(format!("EWS_DUMP_DIR: {e}")))?;
        if b.allow_plain_http {
            tracing::warn!("plain HTTP allowed (dangerous): credentials may travel in clear text");
        }
        let inner = Inner {
            endpoint: b.endpoint.clone(),
            auth,
            accepted: AtomicBool::new(false),
            pools: Pools::default(),
            max_connections: b.max_connections,
            dialer: Dialer {
                tls: TlsConfigs::new(b.tls.clone())?,
                proxy: b.proxy.clone(),
                proxy_from_env: b.proxy_from_env,
                connect_timeout: b.connect_timeout,
            },
            retry: b.retry,
            schedule: b.schedule,
            jitter: b.jitter.clone(),
            request_timeout: b.request_timeout,
            idle_timeout: b.idle_timeout,
            user_agent: HeaderValue::from_str(&b.user_agent)
                .map_err(|_| Error::Config("invalid user agent".into()))?,
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

    /// Posts a SOAP envelope (`text/xml; charset=utf-8`) and returns the response: status 200,
    /// or a 500 with a fault that retrying does not fix. Transient failures are retried per
    /// the [`RetryPolicy`].
    pub async fn send_envelope(
        &self,
        envelope: impl Into<Bytes>,
        options: &CallOptions,
    ) -> Result<SoapResponse, Error> {
        self.send(RequestBody::from_bytes(envelope), options).await
    }

    /// Posts `body` (bytes or a stream) and returns the response with a streaming body.
    pub async fn send(
        &self,
        mut body: RequestBody,
        options: &CallOptions,
    ) -> Result<SoapResponse, Error> {
        let url = options.url.as_deref().unwrap_or(&self.inner.endpoint);
        let uri: Uri = url
            .parse()
            .map_err(|e| Error::Config(format!("invalid URL {url:?}: {e}")))?;
        let key = self.origin(&uri)?;
        let pool = self.inner.pools.get(&key, self.inner.max_connections);
        let span = tracing::info_span!(
            "ews_request",
            operation = options.operation.as_deref().unwrap_or(""),
            url = %uri,
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
            bytes_sent = body.bytes().map(Bytes::len),
            bytes_received = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        );
        let started = tokio::time::Instant::now();
        let result = self
            .execute(&uri, &key, &pool, &mut body, options)
            .instrument(span.clone())
            .await;
        span.record("duration_ms", started.elapsed().as_millis() as u64);
        match &result {
            Ok(r) => {
                span.record("status", r.status.as_u16());
                span.record("attempts", r.attempts);
                if let Some(len) = r.headers.get(header::CONTENT_LENGTH) {
                    span.record("bytes_received", len.to_str().unwrap_or(""));
                }
            }
            Err(e) => tracing::debug!(parent: &span, error = %e, "request failed"),
        }
        result
    }

    fn origin(&self, uri: &Uri) -> Result<OriginKey, Error> {
        let tls = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            _ => return Err(Error::Config(format!("{uri}: not an http(s) URL"))),
        };
        let host = uri
            .host()
            .ok_or_else(|| Error::Config(format!("{uri}: no host")))?
            .trim_matches(['[', ']'])
            .to_owned();
        if !tls && !self.inner.allow_plain_http && !is_loopback(&host) {
            return Err(Error::Config(format!(
                "{uri}: plain HTTP to a non-loopback host needs dangerous().allow_plain_http()"
            )));
        }
        let port = uri.port_u16().unwrap_or(if tls { 443 } else { 80 });
        Ok(OriginKey { tls, host, port })
    }

    async fn execute(
        &self,
        uri: &Uri,
        key: &OriginKey,
        pool: &Arc<Pool>,
        body: &mut RequestBody,
        opts: &CallOptions,
    ) -> Result<SoapResponse, Error> {
        let mut attempts = 0;
        let mut waited = Duration::ZERO;
        loop {
            let max_wait = match self.inner.retry {
                RetryPolicy::FaultTolerance { max_wait } => Some(max_wait),
                _ => None,
            };
            if let Some(max_wait) = max_wait {
                let wait = pool.back_off.lock().ok().and_then(|b| b.poll_wait(now()));
                if let Some(wait) = wait {
                    if waited + wait > max_wait {
                        tracing::debug!(?wait, "server back-off exceeds the retry budget");
                    }
                    let wait = wait.min(max_wait.saturating_sub(waited));
                    tokio::time::sleep(wait).await;
                    waited += wait;
                }
            }
            attempts += 1;
            let failed = match self.attempt(uri, key, pool, body, opts).await {
                Ok((parts, incoming, conn, dump)) => {
                    match self
                        .classify(parts, incoming, conn, dump, pool, attempts)
                        .await
                    {
                        Ok(response) => return Ok(response),
                        Err(f) => f,
                    }
                }
                Err(f) => f,
            };
            let Verdict::Retry { after, reason } = failed.verdict else {
                return Err(failed.error);
            };
            tracing::debug!(%reason, ?after, attempts, error = %failed.error, "transient failure");
            if let (Some(after), Ok(mut b)) = (after, pool.back_off.lock()) {
                b.handle_back_off(now(), after);
            }
            let gave_up = |last: Error| Error::GaveUp {
                attempts,
                waited,
                reason: reason.clone(),
                last: Box::new(last),
            };
            let Some(max_wait) = max_wait else {
                return Err(gave_up(failed.error));
            };
            let delay = self
                .inner
                .schedule
                .delay(attempts - 1, after, &*self.inner.jitter);
            if waited + delay > max_wait {
                return Err(gave_up(failed.error));
            }
            tokio::time::sleep(delay).await;
            waited += delay;
        }
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
        let headers = builder
            .headers_mut()
            .ok_or_else(|| Error::Config("bad request".into()))?;
        for (name, value) in self.inner.headers.iter().chain(opts.headers.iter()) {
            headers.insert(name.clone(), value.clone());
        }
        if let Some(anchor) = &opts.anchor_mailbox {
            let v = HeaderValue::from_str(anchor)
                .map_err(|_| Error::Config(format!("invalid anchor mailbox {anchor:?}")))?;
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
