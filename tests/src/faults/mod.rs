//! Faults on demand and the counters that show what the server did.
//!
//! A [`FaultRule`] pairs a [`FaultKind`] with the requests it applies to. Rules are
//! installed with [`Builder::fault`](crate::Builder::fault) or, on a running server, with
//! [`FakeExchange::set_faults`](crate::FakeExchange::set_faults),
//! [`FakeExchange::add_fault`](crate::FakeExchange::add_fault) and
//! [`FakeExchange::clear_faults`](crate::FakeExchange::clear_faults) ([`state`], which also
//! keeps the counters).
//!
//! Inside the server a request goes through a [`Plan`](plan::Plan): before the body is read,
//! after it is read (the operation is known), after the operation handler ran, and when the
//! response is delivered (delays, dropped connections and cut bodies happen there, in
//! [`deliver`]).

mod delivery;
mod plan;
mod poison;
mod rule;
mod state;

pub(crate) use delivery::deliver;
pub use rule::FaultRule;
pub(crate) use state::FaultState;

use std::time::Duration;

use ews_xml::ResponseCode;

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
    /// [`FakeExchange::faults_fired_by_kind`](crate::FakeExchange::faults_fired_by_kind).
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
