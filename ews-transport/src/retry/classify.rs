//! The classifier: a pure function from an attempt's outcome (status, headers and SOAP
//! fault, or a connection failure) to a [`Verdict`].

use std::fmt;
use std::time::Duration;

use ews_xml::ResponseCode;
use ews_xml::soap::Fault;
use http::HeaderMap;

/// The classifier's answer for one attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Verdict {
    /// A response for the caller (success, or a SOAP fault retrying will not fix).
    Response,
    /// A transient failure: try again, not before `after` if the server said so.
    Retry {
        /// The server's hint (`Retry-After`, `BackOffMilliseconds`).
        after: Option<Duration>,
        /// What happened.
        reason: RetryReason,
    },
    /// A failure retrying will not fix.
    Fail(FailKind),
}

/// Why an attempt is worth repeating.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryReason {
    /// HTTP 503.
    ServiceUnavailable,
    /// HTTP 429.
    TooManyRequests,
    /// HTTP 502 or 504 from a gateway.
    BadGateway(u16),
    /// `ErrorServerBusy` (possibly wrapped in `ErrorInternalServerError`).
    ServerBusy,
    /// Another transient EWS code (`ErrorTimeoutExpired`, `ErrorInternalServerTransientError`…).
    Transient(ResponseCode),
    /// A 302 to Exchange's error page (`genericerrorpage.htm`, `errorfe.aspx`).
    ErrorPage(String),
    /// The `X-CasErrorCode` header on a 5xx: the front end could not reach the mailbox server.
    CasError(String),
    /// The connection was refused or failed before the request was sent.
    ConnectFailed,
    /// The connection broke after the request was written (idempotent requests only).
    ConnectionReset,
    /// A 401 although these credentials were accepted before (Exchange throttling quirk).
    UnauthorizedAfterSuccess,
}

impl fmt::Display for RetryReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ServiceUnavailable => f.write_str("HTTP 503 service unavailable"),
            Self::TooManyRequests => f.write_str("HTTP 429 too many requests"),
            Self::BadGateway(s) => write!(f, "HTTP {s} from a gateway"),
            Self::ServerBusy => f.write_str("the server is busy (ErrorServerBusy)"),
            Self::Transient(c) => write!(f, "transient server error {c}"),
            Self::ErrorPage(l) => write!(f, "redirect to the server's error page {l}"),
            Self::CasError(c) => write!(f, "front-end error X-CasErrorCode: {c}"),
            Self::ConnectFailed => f.write_str("the connection failed before the request was sent"),
            Self::ConnectionReset => f.write_str("the connection broke after the request was sent"),
            Self::UnauthorizedAfterSuccess => {
                f.write_str("HTTP 401 although the credentials were accepted before")
            }
        }
    }
}

/// Why an attempt failed for good.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FailKind {
    /// A redirect the transport does not follow (autodiscover handles them).
    Redirect(Option<String>),
    /// HTTP 401 that authentication could not resolve.
    Unauthorized,
    /// `X-CasErrorCode` on a non-5xx response.
    CasError(String),
    /// Any other unexpected status.
    Status(u16),
    /// The connection broke after a non-idempotent request may have reached the server.
    MaybeSent,
}

impl fmt::Display for FailKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Redirect(Some(l)) => write!(f, "redirect to {l}"),
            Self::Redirect(None) => f.write_str("redirect without a location"),
            Self::Unauthorized => f.write_str("unauthorized"),
            Self::CasError(c) => write!(f, "front-end error X-CasErrorCode: {c}"),
            Self::Status(s) => write!(f, "unexpected status {s}"),
            Self::MaybeSent => f.write_str("the request may have been sent"),
        }
    }
}

/// Classifies one HTTP response. `fault` is the SOAP fault of a 500 response, when its body
/// parsed as one. Pure: the same inputs always give the same verdict.
pub fn classify(status: u16, headers: &HeaderMap, fault: Option<&Fault>) -> Verdict {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(cas) = header("x-casErrorCode") {
        return if status >= 500 {
            Verdict::Retry {
                after: retry_after(headers),
                reason: RetryReason::CasError(cas.to_owned()),
            }
        } else if (200..300).contains(&status) {
            Verdict::Response
        } else {
            Verdict::Fail(FailKind::CasError(cas.to_owned()))
        };
    }
    match status {
        200..=299 => Verdict::Response,
        300..=399 => {
            let location = header("location").map(str::to_owned);
            let lower = location.as_deref().unwrap_or("").to_ascii_lowercase();
            if lower.contains("genericerrorpage.htm") || lower.contains("errorfe.aspx") {
                Verdict::Retry {
                    after: None,
                    reason: RetryReason::ErrorPage(location.unwrap_or_default()),
                }
            } else {
                Verdict::Fail(FailKind::Redirect(location))
            }
        }
        401 => Verdict::Fail(FailKind::Unauthorized),
        429 => Verdict::Retry {
            after: retry_after(headers),
            reason: RetryReason::TooManyRequests,
        },
        503 => Verdict::Retry {
            after: retry_after(headers).or_else(|| fault.and_then(Fault::back_off)),
            reason: RetryReason::ServiceUnavailable,
        },
        502 | 504 => Verdict::Retry {
            after: retry_after(headers),
            reason: RetryReason::BadGateway(status),
        },
        500 => fault.map_or(Verdict::Response, classify_fault),
        _ => Verdict::Fail(FailKind::Status(status)),
    }
}

/// Classifies the fault of an HTTP 500 response.
fn classify_fault(fault: &Fault) -> Verdict {
    let code = fault.response_code();
    let after = fault.back_off().or_else(|| back_off_in_text(fault));
    match code {
        Some(ResponseCode::ErrorServerBusy) => Verdict::Retry {
            after,
            reason: RetryReason::ServerBusy,
        },
        Some(ResponseCode::ErrorInternalServerError) if wraps_server_busy(fault) => {
            Verdict::Retry {
                after,
                reason: RetryReason::ServerBusy,
            }
        }
        Some(
            c @ (ResponseCode::ErrorTimeoutExpired
            | ResponseCode::ErrorInternalServerTransientError
            | ResponseCode::ErrorMailboxStoreUnavailable
            | ResponseCode::ErrorTooManyObjectsOpened),
        ) => Verdict::Retry {
            after,
            reason: RetryReason::Transient(c),
        },
        _ => Verdict::Response,
    }
}

/// `ErrorInternalServerError` whose inner error is `ErrorServerBusy` (in `MessageXml` as
/// `InnerErrorResponseCode`, or only in the message text).
fn wraps_server_busy(fault: &Fault) -> bool {
    let in_xml = fault
        .message_xml
        .as_ref()
        .is_some_and(|x| x.entries.iter().any(|(_, v)| v.contains("ErrorServerBusy")));
    let texts = [Some(fault.string.as_str()), fault.detail_message.as_deref()];
    in_xml
        || texts.into_iter().flatten().any(|t| {
            t.contains("ErrorServerBusy")
                || t.contains("The server cannot service this request right now")
        })
}

/// `BackOffMilliseconds` followed by a number in the fault's texts.
fn back_off_in_text(fault: &Fault) -> Option<Duration> {
    let texts = [Some(fault.string.as_str()), fault.detail_message.as_deref()];
    texts.into_iter().flatten().find_map(|t| {
        let rest = &t[t.find("BackOffMilliseconds")? + "BackOffMilliseconds".len()..];
        let digits: String = rest
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok().map(Duration::from_millis)
    })
}

/// `Retry-After` in delta-seconds (an HTTP-date is ignored).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    v.trim().parse().ok().map(Duration::from_secs)
}

/// How a connection-level failure happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IoFailure {
    /// Refused, unreachable, or TLS/proxy failure before any request byte was written.
    BeforeSend,
    /// The connection broke after the request was (possibly partly) written.
    AfterSend,
}

/// Classifies a connection failure: safe to retry unless the request may have reached the
/// server and the caller did not mark it idempotent.
pub fn classify_io(failure: IoFailure, idempotent: bool) -> Verdict {
    match failure {
        IoFailure::BeforeSend => Verdict::Retry {
            after: None,
            reason: RetryReason::ConnectFailed,
        },
        IoFailure::AfterSend if idempotent => Verdict::Retry {
            after: None,
            reason: RetryReason::ConnectionReset,
        },
        IoFailure::AfterSend => Verdict::Fail(FailKind::MaybeSent),
    }
}

/// Classifies a 401 that authentication gave up on: a throttling quirk worth retrying when the
/// same credentials were accepted by this server before, else a failure.
pub fn classify_unauthorized(accepted_before: bool) -> Verdict {
    if accepted_before {
        Verdict::Retry {
            after: None,
            reason: RetryReason::UnauthorizedAfterSuccess,
        }
    } else {
        Verdict::Fail(FailKind::Unauthorized)
    }
}

#[cfg(test)]
mod tests;
