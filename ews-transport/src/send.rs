//! [`SendSoap`]: the one operation every layer of the transport offers.

use std::future::Future;
use std::sync::Arc;

use crate::{CallOptions, Error, RequestBody, SoapResponse};

/// Sends one SOAP request and returns its response: the interface shared by the layers of
/// the transport, so that they stack.
///
/// - [`HttpSender`](crate::HttpSender): one HTTP attempt (with its authentication round
///   trips), no retries; a failure worth another attempt is [`Error::Transient`].
/// - [`Retry`](crate::Retry): wraps any `SendSoap` and repeats transient failures per its
///   [`RetryPolicy`](crate::RetryPolicy), honouring the server's back-off hints.
/// - [`Transport`](crate::Transport): what the builder makes, `Retry<HttpSender>` with a
///   `tracing` span per call.
///
/// The body is borrowed mutably so that a layer can hand it to several attempts: a body of
/// bytes is sent again as often as needed, a streamed body only as long as it was not sent
/// yet (then [`Error::BodyNotReplayable`]).
///
/// Implementations return a response the caller should see (success, or a SOAP fault
/// retrying cannot fix) as `Ok`, and every failure as `Err`, transient ones as
/// [`Error::Transient`] so that a [`Retry`](crate::Retry) above them can act on them.
///
/// # Example
/// A layer of one's own, here one that counts calls, stacked on the transport's HTTP layer
/// under a [`Retry`](crate::Retry):
/// ```no_run
/// use std::sync::atomic::{AtomicUsize, Ordering};
/// use std::time::Duration;
/// use ews_transport::{
///     CallOptions, Error, RequestBody, Retry, RetryPolicy, SendSoap, SoapResponse, Transport,
/// };
///
/// struct Counted<S> {
///     inner: S,
///     calls: AtomicUsize,
/// }
///
/// impl<S: SendSoap> SendSoap for Counted<S> {
///     async fn send_soap(
///         &self,
///         body: &mut RequestBody,
///         options: &CallOptions,
///     ) -> Result<SoapResponse, Error> {
///         self.calls.fetch_add(1, Ordering::Relaxed);
///         self.inner.send_soap(body, options).await
///     }
/// }
///
/// # async fn f() -> Result<(), Error> {
/// let transport = Transport::builder("https://mail.example.test/EWS/Exchange.asmx").build()?;
/// let counted = Counted { inner: transport.http().clone(), calls: AtomicUsize::new(0) };
/// let sender = Retry::new(
///     counted,
///     RetryPolicy::FaultTolerance { max_wait: Duration::from_secs(60) },
/// );
/// let mut body = RequestBody::from_bytes(&b"<soap:Envelope>...</soap:Envelope>"[..]);
/// let response = sender.send_soap(&mut body, &CallOptions::new("GetFolder")).await?;
/// println!(
///     "HTTP {} after {} attempt(s)",
///     response.status(),
///     sender.inner().calls.load(Ordering::Relaxed)
/// );
/// # Ok(()) }
/// ```
pub trait SendSoap: Send + Sync {
    /// Sends `body` (a SOAP envelope) as `options` say and returns the response.
    fn send_soap(
        &self,
        body: &mut RequestBody,
        options: &CallOptions,
    ) -> impl Future<Output = Result<SoapResponse, Error>> + Send;
}

impl<S: SendSoap + ?Sized> SendSoap for &S {
    fn send_soap(
        &self,
        body: &mut RequestBody,
        options: &CallOptions,
    ) -> impl Future<Output = Result<SoapResponse, Error>> + Send {
        (**self).send_soap(body, options)
    }
}

impl<S: SendSoap + ?Sized> SendSoap for Arc<S> {
    fn send_soap(
        &self,
        body: &mut RequestBody,
        options: &CallOptions,
    ) -> impl Future<Output = Result<SoapResponse, Error>> + Send {
        (**self).send_soap(body, options)
    }
}
