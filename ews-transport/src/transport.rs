//! The [`Transport`]: the layers the builder configures, stacked, with a `tracing` span per
//! call.

use bytes::Bytes;
use http::header;
use tracing::Instrument as _;

use crate::{
    CallOptions, Error, HttpSender, RequestBody, Retry, SendSoap, SoapResponse, TransportBuilder,
};

/// Sends EWS requests: an [`HttpSender`] (a pool of HTTP/1.1 connections per server, with
/// authentication and dumps) under a [`Retry`] with the builder's
/// [`RetryPolicy`](crate::RetryPolicy). Cheap to clone; clones share everything.
///
/// It implements [`SendSoap`] like the layers it is made of; [`http`](Self::http) gives
/// the layer below the retries, to stack other layers on.
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
    stack: Retry<HttpSender>,
}

impl Transport {
    /// A builder for a transport posting to `endpoint` (`https://host/EWS/Exchange.asmx`).
    pub fn builder(endpoint: impl Into<String>) -> TransportBuilder {
        TransportBuilder::new(endpoint)
    }

    pub(crate) fn from_builder(b: &mut TransportBuilder) -> Result<Self, Error> {
        let http = HttpSender::from_builder(b)?;
        let stack = Retry::new(http, b.retry)
            .with_schedule(b.schedule)
            .with_shared_jitter(b.jitter.clone());
        Ok(Self { stack })
    }

    /// The endpoint URL.
    pub fn endpoint(&self) -> &str {
        self.stack.inner().endpoint()
    }

    /// The HTTP layer, without retries (it shares the connection pool with this transport).
    pub fn http(&self) -> &HttpSender {
        self.stack.inner()
    }

    /// Posts a SOAP envelope (`text/xml; charset=utf-8`) and returns the response: status 200,
    /// or a 500 with a fault that retrying does not fix. Transient failures are retried per
    /// the [`RetryPolicy`](crate::RetryPolicy).
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
        self.send_soap(&mut body, options).await
    }
}

impl SendSoap for Transport {
    /// The call through the retry layer, in an `ews_request` span (operation, URL, status,
    /// attempts, bytes, duration).
    async fn send_soap(
        &self,
        body: &mut RequestBody,
        options: &CallOptions,
    ) -> Result<SoapResponse, Error> {
        let span = tracing::info_span!(
            "ews_request",
            operation = options.operation.as_deref().unwrap_or(""),
            url = options.url.as_deref().unwrap_or_else(|| self.endpoint()),
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
            bytes_sent = body.bytes().map(Bytes::len),
            bytes_received = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        );
        let started = tokio::time::Instant::now();
        let result = self
            .stack
            .send_soap(body, options)
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
}
