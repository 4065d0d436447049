//! [`Plan`]: the fault decision for one request, taken in steps as the request is read, and
//! the answers a fault sends in place of the server's.

use bytes::Bytes;
use ews_model::version::Build;
use ews_xml::soap::{Fault, MessageXml};
use ews_xml::{Name, Reader, ResponseCode};
use http::{Response, StatusCode};
use http_body_util::Full;
use tokio::time::Instant;

use super::delivery::{Directive, directed};
use super::poison::poison;
use super::state::FaultState;
use super::{FaultKind, UNREAD_OPERATION, UNREADABLE_OPERATION};
use crate::lock;
use crate::version::server_version_info;

/// The fault decision for one request, taken in steps as the request is read.
#[derive(Debug)]
pub(crate) struct Plan<'a> {
    pub(super) faults: &'a FaultState,
    /// Where to continue consulting rules once the operation is known: the rules'
    /// generation and the index of the first rule naming an operation.
    pub(super) resume: Option<(u64, usize)>,
    pub(super) chosen: Option<FaultKind>,
    pub(super) operation: String,
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

    /// Attaches what [`deliver`](super::deliver) must do to the answer.
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
