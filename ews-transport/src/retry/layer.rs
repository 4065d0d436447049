//! [`Retry`]: the retry layer, around any [`SendSoap`], and its [`RetryPolicy`]. The
//! decisions come from the pure parts (the verdicts inside [`Error::Transient`],
//! [`BackOff`], [`Schedule`]); this layer only waits and repeats.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http::Uri;

use super::{BackOff, Jitter, RandomJitter, Schedule};
use crate::{CallOptions, Error, RequestBody, SendSoap, SoapResponse};

/// What to do about transient failures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryPolicy {
    /// Never retry: a transient failure is returned as [`crate::Error::GaveUp`] at once.
    #[default]
    FailFast,
    /// Retry transient failures with exponential back-off (and the server's hints) until
    /// `max_wait` of waiting would be exceeded.
    FaultTolerance {
        /// The most time spent waiting between attempts of one request.
        max_wait: Duration,
    },
}

/// Repeats the transient failures ([`Error::Transient`]) of the [`SendSoap`] it wraps, per
/// its [`RetryPolicy`]:
///
/// - [`RetryPolicy::FaultTolerance`]: waits the [`Schedule`]'s exponential delay (with
///   jitter), or longer if the server asked for it (`Retry-After`, `BackOffMilliseconds`),
///   and tries again, until `max_wait` of waiting would be exceeded: then
///   [`Error::GaveUp`]. A server's back-off request also holds back every other call
///   through this `Retry` (and its clones) to the same server until it has passed.
/// - [`RetryPolicy::FailFast`]: never waits; a transient failure is [`Error::GaveUp`] at
///   once (after one attempt).
///
/// Any other error, and every response, passes through unchanged (a response's
/// [`attempts`](SoapResponse::attempts) counts the attempts of this call). Whether a
/// failure is transient is decided below this layer: [`HttpSender`](crate::HttpSender)
/// never marks a request that may have reached the server as transient unless the call is
/// [idempotent](CallOptions::idempotent).
///
/// The back-off deadlines are kept per server: per origin of [`CallOptions::url`], and one
/// for the calls without a URL (they go to the wrapped sender's endpoint). Cheap to clone
/// when `S` is; clones share the deadlines.
///
/// ```no_run
/// # async fn f() -> Result<(), ews_transport::Error> {
/// use std::time::Duration;
/// use ews_transport::{CallOptions, RequestBody, Retry, RetryPolicy, Schedule, SendSoap, Transport};
///
/// let transport = Transport::builder("https://mail.example.test/EWS/Exchange.asmx").build()?;
/// // The transport retries per its builder's policy; this one is more patient.
/// let patient = Retry::new(
///     transport.http().clone(),
///     RetryPolicy::FaultTolerance { max_wait: Duration::from_secs(900) },
/// )
/// .with_schedule(Schedule::default());
/// let mut body = RequestBody::from_bytes(&b"<soap:Envelope>...</soap:Envelope>"[..]);
/// let response = patient.send_soap(&mut body, &CallOptions::new("SyncFolderItems")).await?;
/// println!("{} attempt(s)", response.attempts());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Retry<S> {
    inner: S,
    policy: RetryPolicy,
    schedule: Schedule,
    jitter: Arc<dyn Jitter>,
    back_off: Arc<Mutex<HashMap<String, BackOff>>>,
}

impl<S: fmt::Debug> fmt::Debug for Retry<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Retry")
            .field("inner", &self.inner)
            .field("policy", &self.policy)
            .field("schedule", &self.schedule)
            .field("jitter", &self.jitter)
            .finish_non_exhaustive()
    }
}

impl<S> Retry<S> {
    /// Retries `inner`'s transient failures per `policy`, with the default [`Schedule`] and
    /// random jitter.
    pub fn new(inner: S, policy: RetryPolicy) -> Self {
        Self {
            inner,
            policy,
            schedule: Schedule::default(),
            jitter: Arc::new(RandomJitter),
            back_off: Arc::default(),
        }
    }

    /// The exponential back-off schedule of [`RetryPolicy::FaultTolerance`].
    #[must_use]
    pub fn with_schedule(mut self, schedule: Schedule) -> Self {
        self.schedule = schedule;
        self
    }

    /// The jitter source (a fixed one makes delays deterministic, for tests).
    #[must_use]
    pub fn with_jitter(self, jitter: impl Jitter + 'static) -> Self {
        self.with_shared_jitter(Arc::new(jitter))
    }

    pub(crate) fn with_shared_jitter(mut self, jitter: Arc<dyn Jitter>) -> Self {
        self.jitter = jitter;
        self
    }

    /// The wrapped sender.
    pub fn inner(&self) -> &S {
        &self.inner
    }

    /// The retry policy.
    pub fn policy(&self) -> RetryPolicy {
        self.policy
    }

    /// How long a call to the server `key` must still wait.
    fn poll_wait(&self, key: &str) -> Option<Duration> {
        let map = self.back_off.lock().unwrap_or_else(|p| p.into_inner());
        map.get(key).and_then(|b| b.poll_wait(now()))
    }

    fn handle_back_off(&self, key: &str, after: Duration) {
        let mut map = self.back_off.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(key.to_owned())
            .or_default()
            .handle_back_off(now(), after);
    }
}

fn now() -> std::time::Instant {
    tokio::time::Instant::now().into_std()
}

/// The server a call goes to, as far as this layer can tell: the origin of its URL, or ""
/// for the wrapped sender's endpoint.
fn server_key(options: &CallOptions) -> String {
    let Some(url) = options.url.as_deref() else {
        return String::new();
    };
    match url.parse::<Uri>() {
        Ok(uri) => format!(
            "{}://{}",
            uri.scheme_str().unwrap_or(""),
            uri.authority().map_or("", |a| a.as_str())
        )
        .to_ascii_lowercase(),
        Err(_) => url.to_owned(),
    }
}

impl<S: SendSoap> SendSoap for Retry<S> {
    async fn send_soap(
        &self,
        body: &mut RequestBody,
        options: &CallOptions,
    ) -> Result<SoapResponse, Error> {
        let key = server_key(options);
        let max_wait = match self.policy {
            RetryPolicy::FaultTolerance { max_wait } => Some(max_wait),
            RetryPolicy::FailFast => None,
        };
        let mut attempts = 0;
        let mut waited = Duration::ZERO;
        loop {
            // Another call's back-off request to this server holds this one back too.
            if let (Some(max_wait), Some(wait)) = (max_wait, self.poll_wait(&key)) {
                if waited + wait > max_wait {
                    tracing::debug!(?wait, "server back-off exceeds the retry budget");
                }
                let wait = wait.min(max_wait.saturating_sub(waited));
                tokio::time::sleep(wait).await;
                waited += wait;
            }
            attempts += 1;
            let (reason, after, last) = match self.inner.send_soap(body, options).await {
                Ok(mut response) => {
                    response.attempts += attempts - 1;
                    return Ok(response);
                }
                Err(Error::Transient {
                    reason,
                    after,
                    source,
                }) => (reason, after, source),
                Err(e) => return Err(e),
            };
            tracing::debug!(%reason, ?after, attempts, error = %last, "transient failure");
            if let Some(after) = after {
                self.handle_back_off(&key, after);
            }
            let delay = max_wait.map(|max_wait| {
                let delay = self.schedule.delay(attempts - 1, after, &*self.jitter);
                (delay, waited + delay <= max_wait)
            });
            let Some((delay, true)) = delay else {
                return Err(Error::GaveUp {
                    attempts,
                    waited,
                    reason,
                    last,
                });
            };
            tokio::time::sleep(delay).await;
            waited += delay;
        }
    }
}

#[cfg(test)]
mod tests;
