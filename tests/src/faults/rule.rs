//! [`FaultRule`]: a fault and the requests it fires on, as built, parsed and installed.

use std::str::FromStr;
use std::time::Duration;

use tokio::time::Instant;

use ews_xml::ResponseCode;

use super::FaultKind;

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
    pub(super) kind: FaultKind,
    schedule: Schedule,
    pub(super) operation: Option<String>,
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
    /// (the server's start for [`Builder::fault`](crate::Builder::fault), the call for
    /// [`FakeExchange::set_faults`](crate::FakeExchange::set_faults)) match; `from` inclusive, `until` exclusive.
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

/// A rule as installed: when, and how many requests it has seen and fired on.
#[derive(Debug)]
pub(super) struct Installed {
    pub(super) rule: FaultRule,
    since: Instant,
    seen: u64,
}

impl Installed {
    pub(super) fn new(rule: FaultRule) -> Self {
        Self {
            rule,
            since: Instant::now(),
            seen: 0,
        }
    }

    /// Offers a request; true when the rule fires on it.
    pub(super) fn offer(&mut self, operation: Option<&str>, now: Instant) -> bool {
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
