//! Faults on demand and the counters that show what the server did.
//!
//! A [`FaultRule`] pairs a [`FaultKind`] with the requests it applies to. Rules are
//! installed with [`Builder::fault`] or, on a running server, with
//! [`FakeExchange::set_faults`], [`FakeExchange::add_fault`] and
//! [`FakeExchange::clear_faults`].
//!
//! Inside the server a request goes through a [`Plan`]: before the body is read, after it is
//! read (the operation is known), after the operation handler ran, and when the response is
//! delivered (delays, dropped connections and cut bodies happen there, in [`deliver`]).

use std::collections::HashMap;
use std::pin::Pin;
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use ews_model::version::Build;
use ews_xml::soap::{Fault, MessageXml};
use ews_xml::{Name, Reader, ResponseCode};
use http::{Response, StatusCode};
use http_body_util::{BodyExt as _, Full};
use hyper::body::Frame;
use tokio::time::{Instant, Sleep};

use crate::version::server_version_info;
use crate::{Builder, FakeExchange, lock};

/// The operation name under which a request is counted when its body was never read
/// ([`FaultKind::CloseBeforeBody`] fired before anything named the operation).
pub const UNREAD_OPERATION: &str = "(unread)";
/// The operation name under which a request is counted when its body has no readable
/// SOAP body element.
pub const UNREADABLE_OPERATION: &str = "(unreadable)";

/// What an injected fault does to a request.
///
/// The first five kinds answer **instead of** processing the request: the mailbox is not
/// touched. The last four let the request be **processed** (its effects on the mailbox
/// happen) and then spoil the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FaultKind {
    /// HTTP 500 with the SOAP fault Exchange sends when it throttles: `faultcode`
    /// `a:ErrorServerBusy`, detail `ResponseCode` `ErrorServerBusy`, and `MessageXml` with
    /// `<t:Value Name="BackOffMilliseconds">` set to `back_off` in milliseconds. Not
    /// processed.
    ServerBusy {
        /// The back-off the fault asks for.
        back_off: Duration,
    },
    /// HTTP 503 with a short HTML body and, when set, `Retry-After` in seconds. Not
    /// processed.
    ServiceUnavailable {
        /// The `Retry-After` header's value in seconds.
        retry_after_secs: Option<u64>,
    },
    /// HTTP 429 with an empty body and, when set, `Retry-After` in seconds. Not processed.
    TooManyRequests {
        /// The `Retry-After` header's value in seconds.
        retry_after_secs: Option<u64>,
    },
    /// HTTP 500 with a SOAP fault: `faultcode` `a:<code>`, `faultstring` and detail
    /// `Message` set to `message`, detail `ResponseCode` set to `code`. Not processed.
    SoapFault {
        /// The EWS response code.
        code: ResponseCode,
        /// The fault's text.
        message: String,
    },
    /// The connection is closed without an answer before the request body is read (when a
    /// rule naming an operation was consulted first, the body had to be read to learn the
    /// operation; it is then closed without processing all the same). Not processed.
    CloseBeforeBody,
    /// The request is read and processed, then the connection is closed without an answer:
    /// the client cannot know whether its write happened. Processed.
    CloseAfterProcessing,
    /// The request is processed and its answer held back for this long before it is sent.
    /// Processed.
    Delay(Duration),
    /// The request is processed; the answer's `Content-Length` is that of the whole body,
    /// but only its first half (at least one byte short) is sent before the connection is
    /// closed. Processed.
    TruncateBody,
    /// The request is processed and the answer is sent with the character U+0001 (not
    /// allowed in XML 1.0) as a raw byte at the start of every `DisplayName` text, or of the
    /// first text node when there is no `DisplayName`. Processed.
    InvalidXmlChar,
}

impl FaultKind {
    /// The variant's name (`"ServerBusy"`, `"CloseAfterProcessing"`…), the key of
    /// [`FakeExchange::faults_fired_by_kind`].
    pub fn name(&self) -> &'static str {
        match self {
            Self::ServerBusy { .. } => "ServerBusy",
            Self::ServiceUnavailable { .. } => "ServiceUnavailable",
            Self::TooManyRequests { .. } => "TooManyRequests",
            Self::SoapFault { .. } => "SoapFault",
            Self::CloseBeforeBody => "CloseBeforeBody",
            Self::CloseAfterProcessing => "CloseAfterProcessing",
            Self::Delay(_) => "Delay",
            Self::TruncateBody => "TruncateBody",
            Self::InvalidXmlChar => "InvalidXmlChar",
        }
    }

    /// Whether the request is processed (reaches the mailbox) when this fault fires.
    pub fn processes_request(&self) -> bool {
        matches!(
            self,
            Self::CloseAfterProcessing | Self::Delay(_) | Self::TruncateBody | Self::InvalidXmlChar
        )
    }
}

/// Which requests a rule counts, and which of those it fires on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Schedule {
    Always,
    EveryNth(u64),
    Next(u64),
}

/// A fault and the requests it fires on.
///
/// A request *matches* a rule when it names the rule's operation (if any) and arrives inside
/// the rule's time window (if any). Of the matching requests the rule fires on all (the
/// default), on every n-th ([`every_nth`](Self::every_nth)) or on the next n
/// ([`next`](Self::next)). Only authenticated `POST`s to the EWS path are offered to rules:
/// `401` challenges, `404` and `405` answers are never spoiled.
///
/// Rules are consulted in the order they were installed; the first that fires decides the
/// request's fault and later rules do not see the request (their counts do not advance).
///
/// ```
/// use std::time::Duration;
/// use ews_tests::{FaultKind, FaultRule};
///
/// // The 2nd, 4th, 6th... CreateFolder get ErrorServerBusy asking for a 50 ms back-off.
/// let busy = FaultRule::new(FaultKind::ServerBusy { back_off: Duration::from_millis(50) })
///     .operation("CreateFolder")
///     .every_nth(2);
/// // The next request, whatever it is, is processed but gets no answer.
/// let lost: FaultRule = "close-after,next=1".parse().unwrap();
/// # let _ = (busy, lost);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FaultRule {
    kind: FaultKind,
    schedule: Schedule,
    operation: Option<String>,
    window: Option<(Duration, Duration)>,
}

impl FaultRule {
    /// A rule firing `kind` on every request.
    pub fn new(kind: FaultKind) -> Self {
        Self {
            kind,
            schedule: Schedule::Always,
            operation: None,
            window: None,
        }
    }
    /// Fires on the n-th, 2n-th, 3n-th… matching request (`n` of 0 counts as 1).
    #[must_use]
    pub fn every_nth(mut self, n: u64) -> Self {
        self.schedule = Schedule::EveryNth(n.max(1));
        self
    }
    /// Fires on the next `n` matching requests after the rule is installed, then never.
    #[must_use]
    pub fn next(mut self, n: u64) -> Self {
        self.schedule = Schedule::Next(n);
        self
    }
    /// Only requests for this operation (the local name of the first element in
    /// `soap:Body`, e.g. `CreateItem`) match. Such a rule needs the body read to decide.
    #[must_use]
    pub fn operation(mut self, name: impl Into<String>) -> Self {
        self.operation = Some(name.into());
        self
    }
    /// Only requests arriving between `from` and `until` after the rule was installed
    /// (the server's start for [`Builder::fault`], the call for
    /// [`FakeExchange::set_faults`]) match; `from` inclusive, `until` exclusive.
    #[must_use]
    pub fn between(mut self, from: Duration, until: Duration) -> Self {
        self.window = Some((from, until));
        self
    }
    /// The fault.
    pub fn kind(&self) -> &FaultKind {
        &self.kind
    }
}

/// Parses the `--fault` syntax of the `fake-exchange` binary:
/// `KIND[,every=N][,next=N][,op=OPERATION][,from=MS][,until=MS]`, where `KIND` is one of
/// `busy=MS` (ErrorServerBusy with that back-off), `503`, `503=SECS` (with `Retry-After`),
/// `429`, `429=SECS`, `soap=CODE` (a SOAP fault with that response code),
/// `close-before`, `close-after`, `delay=MS`, `truncate`, `invalid-char`.
impl FromStr for FaultRule {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let mut parts = s.split(',').map(str::trim);
        let kind = parts.next().unwrap_or_default();
        let (name, value) = match kind.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (kind, None),
        };
        let number = |v: Option<&str>, what: &str| -> Result<u64, String> {
            v.ok_or_else(|| format!("{what} needs a number"))?
                .parse()
                .map_err(|e| format!("{what}: {e}"))
        };
        let secs = |v: Option<&str>| v.map(|_| number(v, name)).transpose();
        let kind = match name {
            "busy" => FaultKind::ServerBusy {
                back_off: Duration::from_millis(number(value, "busy")?),
            },
            "503" => FaultKind::ServiceUnavailable {
                retry_after_secs: secs(value)?,
            },
            "429" => FaultKind::TooManyRequests {
                retry_after_secs: secs(value)?,
            },
            "soap" => {
                let code = value.ok_or("soap needs a response code")?;
                FaultKind::SoapFault {
                    code: ResponseCode::from_name(code),
                    message: format!("Injected fault {code}."),
                }
            }
            "close-before" => FaultKind::CloseBeforeBody,
            "close-after" => FaultKind::CloseAfterProcessing,
            "delay" => FaultKind::Delay(Duration::from_millis(number(value, "delay")?)),
            "truncate" => FaultKind::TruncateBody,
            "invalid-char" => FaultKind::InvalidXmlChar,
            other => return Err(format!("unknown fault kind {other:?}")),
        };
        let mut rule = Self::new(kind);
        let (mut from, mut until) = (None, None);
        for part in parts {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| format!("{part:?}: expected KEY=VALUE"))?;
            match key {
                "every" => rule = rule.every_nth(number(Some(value), key)?),
                "next" => rule = rule.next(number(Some(value), key)?),
                "op" => rule = rule.operation(value),
                "from" => from = Some(Duration::from_millis(number(Some(value), key)?)),
                "until" => until = Some(Duration::from_millis(number(Some(value), key)?)),
                other => return Err(format!("unknown fault option {other:?}")),
            }
        }
        if from.is_some() || until.is_some() {
            rule = rule.between(from.unwrap_or_default(), until.unwrap_or(Duration::MAX));
        }
        Ok(rule)
    }
}

impl Builder {
    /// Installs a fault rule (rules are consulted in the order they were added; their time
    /// windows start when the server starts).
    #[must_use]
    pub fn fault(mut self, rule: FaultRule) -> Self {
        self.faults.push(rule);
        self
    }
}

impl FakeExchange {
    /// Replaces all fault rules; their counts and time windows start now.
    pub fn set_faults(&self, rules: impl IntoIterator<Item = FaultRule>) {
        self.state.faults.install(rules.into_iter().collect(), true);
    }
    /// Adds a fault rule after the installed ones; its counts and time window start now.
    pub fn add_fault(&self, rule: FaultRule) {
        self.state.faults.install(vec![rule], false);
    }
    /// Removes all fault rules.
    pub fn clear_faults(&self) {
        self.state.faults.install(Vec::new(), true);
    }
    /// How many times any rule fired: one per request that got a fault.
    pub fn faults_fired(&self) -> usize {
        self.state.faults.fired.load(Ordering::SeqCst)
    }
    /// How many times rules fired, by [`FaultKind::name`].
    pub fn faults_fired_by_kind(&self) -> HashMap<&'static str, usize> {
        lock(&self.state.faults.fired_by_kind).clone()
    }
    /// How many requests for `operation` were processed: handed to the operation handler,
    /// so that their effects on the mailbox (if any) happened. This counts requests without
    /// a fault and those with a fault that lets the request through
    /// ([`FaultKind::processes_request`]): a `CreateFolder` that got
    /// [`CloseAfterProcessing`](FaultKind::CloseAfterProcessing) is counted here although
    /// the client saw no answer. It also counts requests the handler itself refused (a bad
    /// `RequestServerVersion`, an unknown operation). Requests answered 401, 404, 405 or 413
    /// and requests whose fault answered in place of the handler are not counted.
    ///
    /// The operation is the local name of the first element in `soap:Body`
    /// ([`UNREADABLE_OPERATION`] when there is none).
    pub fn processed_count(&self, operation: &str) -> usize {
        lock(&self.state.faults.processed)
            .get(operation)
            .copied()
            .unwrap_or(0)
    }
    /// How many requests for `operation` got an injected fault, whether in place of
    /// processing (then they are not in [`processed_count`](Self::processed_count)) or after
    /// it (then they are in both). A request closed before its body was read counts under
    /// [`UNREAD_OPERATION`].
    pub fn faulted_count(&self, operation: &str) -> usize {
        lock(&self.state.faults.faulted)
            .get(operation)
            .copied()
            .unwrap_or(0)
    }
    /// TCP connections accepted so far (before any TLS handshake).
    pub fn connections_accepted(&self) -> usize {
        self.state.faults.connections.load(Ordering::SeqCst)
    }
    /// Connections open now (accepted and not yet closed).
    pub fn open_connections(&self) -> usize {
        self.state.faults.open.load(Ordering::SeqCst)
    }
    /// The most connections that were open at the same time.
    pub fn max_concurrent_connections(&self) -> usize {
        self.state.faults.max_open.load(Ordering::SeqCst)
    }
}

/// A rule as installed: when, and how many requests it has seen and fired on.
#[derive(Debug)]
struct Installed {
    rule: FaultRule,
    since: Instant,
    seen: u64,
}

impl Installed {
    fn new(rule: FaultRule) -> Self {
        Self {
            rule,
            since: Instant::now(),
            seen: 0,
        }
    }

    /// Offers a request; true when the rule fires on it.
    fn offer(&mut self, operation: Option<&str>, now: Instant) -> bool {
        if let Some(wanted) = &self.rule.operation
            && operation != Some(wanted.as_str())
        {
            return false;
        }
        if let Some((from, until)) = self.rule.window {
            let age = now.saturating_duration_since(self.since);
            if age < from || age >= until {
                return false;
            }
        }
        self.seen += 1;
        match self.rule.schedule {
            Schedule::Always => true,
            Schedule::EveryNth(n) => self.seen % n == 0,
            Schedule::Next(n) => self.seen <= n,
        }
    }
}

#[derive(Debug, Default)]
struct Rules {
    /// Changes whenever the set of rules is replaced.
    generation: u64,
    installed: Vec<Installed>,
}

/// The rules and counters of one server.
#[derive(Debug, Default)]
pub(crate) struct FaultState {
    rules: Mutex<Rules>,
    fired: AtomicUsize,
    fired_by_kind: Mutex<HashMap<&'static str, usize>>,
    processed: Mutex<HashMap<String, usize>>,
    faulted: Mutex<HashMap<String, usize>>,
    connections: AtomicUsize,
    open: AtomicUsize,
    max_open: AtomicUsize,
}

impl FaultState {
    pub(crate) fn new(rules: Vec<FaultRule>) -> Self {
        let s = Self::default();
        s.install(rules, true);
        s
    }

    fn install(&self, rules: Vec<FaultRule>, replace: bool) {
        let mut r = lock(&self.rules);
        if replace {
            r.installed.clear();
            r.generation += 1;
        }
        r.installed.extend(rules.into_iter().map(Installed::new));
    }

    /// Counts an accepted connection until the guard is dropped.
    pub(crate) fn connection(self: &Arc<Self>) -> ConnectionGuard {
        self.connections.fetch_add(1, Ordering::SeqCst);
        let open = self.open.fetch_add(1, Ordering::SeqCst) + 1;
        self.max_open.fetch_max(open, Ordering::SeqCst);
        ConnectionGuard(self.clone())
    }

    /// Starts the plan of one request: consults the rules that do not need the body.
    pub(crate) fn plan(&self) -> Plan<'_> {
        let mut plan = Plan {
            faults: self,
            resume: None,
            chosen: None,
            operation: UNREAD_OPERATION.to_owned(),
        };
        let now = Instant::now();
        let mut rules = lock(&self.rules);
        let generation = rules.generation;
        for (i, installed) in rules.installed.iter_mut().enumerate() {
            if installed.rule.operation.is_some() {
                plan.resume = Some((generation, i));
                return plan;
            }
            if installed.offer(None, now) {
                plan.chosen = Some(installed.rule.kind.clone());
                break;
            }
        }
        drop(rules);
        if let Some(kind) = &plan.chosen {
            self.count_fired(kind);
        }
        plan
    }

    fn count_fired(&self, kind: &FaultKind) {
        self.fired.fetch_add(1, Ordering::SeqCst);
        *lock(&self.fired_by_kind).entry(kind.name()).or_default() += 1;
    }

    fn count_faulted(&self, operation: &str) {
        *lock(&self.faulted).entry(operation.to_owned()).or_default() += 1;
    }
}

/// Keeps one connection counted as open.
#[derive(Debug)]
pub(crate) struct ConnectionGuard(Arc<FaultState>);

impl Drop for ConnectionGuard {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The fault decision for one request, taken in steps as the request is read.
#[derive(Debug)]
pub(crate) struct Plan<'a> {
    faults: &'a FaultState,
    /// Where to continue consulting rules once the operation is known: the rules'
    /// generation and the index of the first rule naming an operation.
    resume: Option<(u64, usize)>,
    chosen: Option<FaultKind>,
    operation: String,
}

impl Plan<'_> {
    /// A closing answer when the connection is to be dropped before the body is read.
    pub(crate) fn before_body(&mut self) -> Option<Response<Full<Bytes>>> {
        if self.chosen == Some(FaultKind::CloseBeforeBody) {
            self.faults.count_faulted(UNREAD_OPERATION);
            return Some(directed(Directive::Close));
        }
        None
    }

    /// Once the body is read: consults the rules that name an operation, and returns the
    /// answer to send in place of processing when a fault says so.
    pub(crate) fn before_processing(
        &mut self,
        body: &[u8],
        build: Build,
    ) -> Option<Response<Full<Bytes>>> {
        self.operation = operation_of(body);
        if let Some((generation, start)) = self.resume.take() {
            let now = Instant::now();
            let mut rules = lock(&self.faults.rules);
            // The rules were replaced meanwhile: consult the new set from its start.
            let start = if rules.generation == generation {
                start
            } else {
                0
            };
            for installed in rules.installed.iter_mut().skip(start) {
                if installed.offer(Some(&self.operation), now) {
                    self.chosen = Some(installed.rule.kind.clone());
                    break;
                }
            }
            drop(rules);
            if let Some(kind) = &self.chosen {
                self.faults.count_fired(kind);
            }
        }
        let kind = self.chosen.as_ref()?;
        self.faults.count_faulted(&self.operation);
        let response = match kind {
            FaultKind::ServerBusy { back_off } => {
                let mut f = Fault::new(
                    ResponseCode::ErrorServerBusy,
                    "The server cannot service this request right now. Try again later.",
                );
                let mut xml = MessageXml::default();
                xml.entries.push((
                    "BackOffMilliseconds".to_owned(),
                    back_off.as_millis().to_string(),
                ));
                f.message_xml = Some(xml);
                fault_response(&f, build)
            }
            FaultKind::SoapFault { code, message } => {
                fault_response(&Fault::new(code.clone(), message.as_str()), build)
            }
            FaultKind::ServiceUnavailable { retry_after_secs } => status_response(
                StatusCode::SERVICE_UNAVAILABLE,
                *retry_after_secs,
                "<html><body><h1>Service Unavailable</h1></body></html>",
            ),
            FaultKind::TooManyRequests { retry_after_secs } => {
                status_response(StatusCode::TOO_MANY_REQUESTS, *retry_after_secs, "")
            }
            FaultKind::CloseBeforeBody => directed(Directive::Close),
            _ => return None,
        };
        Some(response)
    }

    /// Counts the request as processed and passes the handler's answer on, spoiled when
    /// the fault says so.
    pub(crate) fn processed(&self, (status, xml): (StatusCode, Vec<u8>)) -> (StatusCode, Vec<u8>) {
        *lock(&self.faults.processed)
            .entry(self.operation.clone())
            .or_default() += 1;
        match self.chosen {
            Some(FaultKind::InvalidXmlChar) => (status, poison(&xml)),
            _ => (status, xml),
        }
    }

    /// Attaches what [`deliver`] must do to the answer.
    pub(crate) fn finish(&self, mut response: Response<Full<Bytes>>) -> Response<Full<Bytes>> {
        let directive = match self.chosen {
            Some(FaultKind::CloseAfterProcessing) => Directive::Close,
            Some(FaultKind::Delay(d)) => Directive::Delay(d),
            Some(FaultKind::TruncateBody) => Directive::Truncate,
            _ => return response,
        };
        response.extensions_mut().insert(directive);
        response
    }
}

/// What to do when delivering an answer, carried in its extensions.
#[derive(Clone, Copy, Debug)]
enum Directive {
    Close,
    Delay(Duration),
    Truncate,
}

fn directed(directive: Directive) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::new()));
    r.extensions_mut().insert(directive);
    r
}

fn fault_response(fault: &Fault, build: Build) -> Response<Full<Bytes>> {
    let xml = crate::dispatch::fault_xml(&server_version_info(build), fault);
    let mut r = Response::new(Full::new(Bytes::from(xml)));
    *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    r.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/xml; charset=utf-8"),
    );
    r
}

fn status_response(
    status: StatusCode,
    retry_after_secs: Option<u64>,
    html: &'static str,
) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from_static(html.as_bytes())));
    *r.status_mut() = status;
    if !html.is_empty() {
        r.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("text/html"),
        );
    }
    if let Some(secs) = retry_after_secs {
        r.headers_mut()
            .insert(http::header::RETRY_AFTER, http::HeaderValue::from(secs));
    }
    r
}

/// The local name of the first element in `soap:Body`.
fn operation_of(body: &[u8]) -> String {
    let find = || -> Result<Option<String>, ews_xml::ReadError> {
        let mut r = Reader::from_bytes(body);
        r.root()?;
        while let Some(child) = r.next_child()? {
            if child.is(Name::soap("Body")) {
                return Ok(r.next_child()?.map(|op| op.local_name().to_owned()));
            }
            r.skip_element()?;
        }
        Ok(None)
    };
    find()
        .ok()
        .flatten()
        .unwrap_or_else(|| UNREADABLE_OPERATION.to_owned())
}

/// Inserts the byte 0x01 at the start of every `DisplayName` text, or of the first text
/// node when there is none.
fn poison(xml: &[u8]) -> Vec<u8> {
    // Positions just after the `>` of start tags, with whether the tag is a DisplayName.
    let mut starts = Vec::new();
    let mut i = 0;
    while i < xml.len() {
        if xml[i] != b'<' {
            i += 1;
            continue;
        }
        let open = i;
        let mut quote = None;
        let mut end = None;
        for (j, &b) in xml.iter().enumerate().skip(open + 1) {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), _) if b == q => quote = None,
                (None, b'>') => {
                    end = Some(j);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else { break };
        let tag = &xml[open + 1..end];
        let is_start =
            !matches!(tag.first(), Some(b'/' | b'?' | b'!')) && tag.last() != Some(&b'/');
        if is_start {
            let name_end = tag
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(tag.len());
            let name = &tag[..name_end];
            let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
            starts.push((end + 1, local == b"DisplayName"));
        }
        i = end + 1;
    }
    let mut at: Vec<usize> = starts
        .iter()
        .filter(|(_, display)| *display)
        .map(|(p, _)| *p)
        .collect();
    if at.is_empty() {
        at.extend(
            starts
                .iter()
                .map(|(p, _)| *p)
                .find(|&p| xml.get(p).is_some_and(|&b| b != b'<')),
        );
    }
    let mut out = Vec::with_capacity(xml.len() + at.len());
    let mut last = 0;
    for p in at {
        out.extend_from_slice(&xml[last..p]);
        out.push(0x01);
        last = p;
    }
    out.extend_from_slice(&xml[last..]);
    out
}

/// The connection was dropped on purpose (the error makes hyper close it unanswered).
#[derive(Debug, thiserror::Error)]
#[error("connection dropped by an injected fault")]
pub(crate) struct Dropped;

/// Carries out an answer's [`Directive`]: waits, drops the connection, or cuts the body.
pub(crate) async fn deliver(
    mut response: Response<Full<Bytes>>,
) -> Result<Response<Body>, Dropped> {
    let directive = response.extensions_mut().remove::<Directive>();
    let (mut parts, full) = response.into_parts();
    let body = match directive {
        None => Body::Full(full),
        Some(Directive::Close) => return Err(Dropped),
        Some(Directive::Delay(d)) => {
            tokio::time::sleep(d).await;
            Body::Full(full)
        }
        Some(Directive::Truncate) => {
            let bytes = match full.collect().await {
                Ok(c) => c.to_bytes(),
                Err(never) => match never {},
            };
            parts.headers.insert(
                http::header::CONTENT_LENGTH,
                http::HeaderValue::from(bytes.len()),
            );
            let sent = (bytes.len() / 2).min(bytes.len().saturating_sub(1));
            Body::Cut {
                part: Some(bytes.slice(..sent)),
                pause: Box::pin(tokio::time::sleep(Duration::from_millis(20))),
            }
        }
    };
    Ok(Response::from_parts(parts, body))
}

/// A response body: whole, or cut short (the part is sent, flushed during a short pause,
/// then the body fails, which makes hyper close the connection).
#[derive(Debug)]
pub(crate) enum Body {
    Full(Full<Bytes>),
    Cut {
        part: Option<Bytes>,
        pause: Pin<Box<Sleep>>,
    },
}

impl hyper::body::Body for Body {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        match self.get_mut() {
            Self::Full(full) => match ready!(Pin::new(full).poll_frame(cx)) {
                Some(Ok(frame)) => Poll::Ready(Some(Ok(frame))),
                Some(Err(never)) => match never {},
                None => Poll::Ready(None),
            },
            Self::Cut { part, pause } => {
                if let Some(part) = part.take().filter(|p| !p.is_empty()) {
                    return Poll::Ready(Some(Ok(Frame::data(part))));
                }
                ready!(pause.as_mut().poll(cx));
                Poll::Ready(Some(Err(
                    "response body cut short by an injected fault".into()
                )))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            Self::Full(full) => full.is_end_stream(),
            Self::Cut { .. } => false,
        }
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        match self {
            Self::Full(full) => full.size_hint(),
            // Unknown, so that hyper sends the Content-Length header as set.
            Self::Cut { .. } => hyper::body::SizeHint::default(),
        }
    }
}
