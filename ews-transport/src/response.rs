//! The response of one call.

use bytes::Bytes;
use http::{HeaderMap, StatusCode};

use crate::{Error, ResponseBody};

/// A response: status, headers and the body, which is a stream (success) or already buffered
/// (a fault or error status the transport had to look into).
///
/// SOAP is parsed off the executor: [`read_with`](Self::read_with) runs
/// [`ews_xml::soap::read_response`] on a blocking thread that pulls the body as it downloads.
#[derive(Debug)]
pub struct SoapResponse {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: ResponseBody,
    pub(crate) attempts: u32,
}

impl SoapResponse {
    /// A response with a body already in memory, for senders of one's own (a test double
    /// implementing [`SendSoap`](crate::SendSoap), a cache). One attempt.
    ///
    /// ```
    /// use ews_transport::SoapResponse;
    /// use http::{HeaderMap, StatusCode};
    ///
    /// let response = SoapResponse::new(StatusCode::OK, HeaderMap::new(), "<s:Envelope/>");
    /// assert_eq!(response.attempts(), 1);
    /// ```
    pub fn new(status: StatusCode, headers: HeaderMap, body: impl Into<Bytes>) -> Self {
        Self {
            status,
            headers,
            body: ResponseBody::buffered(body.into(), None),
            attempts: 1,
        }
    }

    /// The HTTP status (200, or 500 with a SOAP fault).
    pub fn status(&self) -> StatusCode {
        self.status
    }
    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }
    /// How many attempts the call took.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
    /// The body stream.
    pub fn into_body(self) -> ResponseBody {
        self.body
    }
    /// The body as a blocking reader; see [`ResponseBody::into_blocking_reader`].
    pub fn into_blocking_reader(self) -> impl std::io::Read + Send + 'static {
        self.body.into_blocking_reader()
    }

    /// Parses the envelope on a blocking thread and hands it to `f` there: the
    /// `ServerVersionInfo` header and the body (a reader positioned on the body element, or
    /// a fault). `f` runs on the blocking thread too, so it may read the whole body.
    ///
    /// ```no_run
    /// # async fn f(response: ews_transport::SoapResponse) -> Result<(), ews_transport::Error> {
    /// let version = response
    ///     .read_with(|envelope| envelope.server_version.map(|v| v.major_version))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn read_with<T, F>(self, f: F) -> Result<T, Error>
    where
        F: FnOnce(ews_xml::soap::Response<'static>) -> T + Send + 'static,
        T: Send + 'static,
    {
        let reader = self.body.into_blocking_reader();
        tokio::task::spawn_blocking(move || ews_xml::soap::read_response(reader).map(f))
            .await
            .map_err(|e| Error::Body(e.into()))?
            .map_err(Error::Soap)
    }
}
