//! SOAP 1.1 envelopes as EWS uses them: the request headers, `ServerVersionInfo`, the body and
//! SOAP faults.
//!
//! Both sides are here: a client writes requests ([`write_envelope`], [`write_request`]) and
//! reads responses ([`read_response`]); a server, or a test standing in for one, reads
//! requests ([`read_request`]) and writes responses ([`write_response_envelope`]) and faults
//! ([`write_fault`]).
//!
//! Reference: [EWS XML elements in Exchange](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/ews-xml-elements-in-exchange).

mod fault;
mod header;
mod response_code;

use std::io::{Read, Write};

pub use fault::{Fault, MessageXml};
pub use header::{
    DateTimePrecision, Impersonation, ManagementRole, RequestHeader, ServerVersionInfo,
    TimeZoneContext,
};
pub use response_code::ResponseCode;

use crate::{
    Name, ReadError, ReadErrorKind, Reader, ReaderOptions, StartTag, WriteError, Writer,
    XmlElement, XmlRead, XmlValue, XmlWrite,
};

/// The class of one response message (`ResponseClass` attribute).
///
/// Reference: [ResponseClass](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responseclass).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ResponseClass {
    /// The request succeeded.
    #[default]
    Success,
    /// The request was processed with a warning (e.g. `ErrorBatchProcessingStopped`).
    Warning,
    /// The request failed; the response code says why.
    Error,
}

impl XmlValue for ResponseClass {
    fn to_xml_value(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(match self {
            Self::Success => "Success",
            Self::Warning => "Warning",
            Self::Error => "Error",
        })
    }
    fn from_xml_value(s: &str) -> Result<Self, crate::ValueError> {
        match s.trim() {
            "Success" => Ok(Self::Success),
            "Warning" => Ok(Self::Warning),
            "Error" => Ok(Self::Error),
            _ => Err(crate::ValueError::expected(
                "one of Success, Warning, Error",
            )),
        }
    }
}

impl XmlValue for ResponseCode {
    fn to_xml_value(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self.as_str())
    }
    fn from_xml_value(s: &str) -> Result<Self, crate::ValueError> {
        Ok(Self::from_name(s.trim()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ResponseCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ResponseCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Self::from)
    }
}

/// Writes a request envelope: `soap:Envelope` with the `soap:`, `m:` and `t:` namespaces
/// declared once, the header, and `body` as the single child of `soap:Body`.
///
/// ```
/// use ews_xml::soap::{self, RequestHeader};
///
/// let mut out = Vec::new();
/// let header = RequestHeader::new("Exchange2016");
/// soap::write_envelope(&mut out, &header, |w| {
///     w.start(ews_xml::Name::m("GetServerTimeZones"))?;
///     w.end()
/// })?;
/// let text = String::from_utf8(out)?;
/// assert!(text.contains(r#"<t:RequestServerVersion Version="Exchange2016"/>"#));
/// assert!(text.contains("<soap:Body><m:GetServerTimeZones/></soap:Body>"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_envelope<'a>(
    out: impl Write + 'a,
    header: &RequestHeader,
    body: impl FnOnce(&mut Writer<'a>) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let mut w = Writer::new(out);
    w.declaration()?;
    w.start(Name::soap("Envelope"))?;
    if !header.is_empty() {
        header.write_xml(&mut w, Name::soap("Header"))?;
    }
    w.start(Name::soap("Body"))?;
    body(&mut w)?;
    w.end()?;
    w.end()?;
    w.finish()
}

/// Writes a request envelope whose body is `body`, written under its own element name.
pub fn write_request<T: XmlWrite + XmlElement>(
    out: impl Write,
    header: &RequestHeader,
    body: &T,
) -> Result<(), WriteError> {
    write_envelope(out, header, |w| body.write_xml(w, T::NAME))
}

/// Writes a response envelope (used by servers and tests): an optional `ServerVersionInfo`
/// header and the body.
///
/// ```
/// use ews_xml::soap::{self, ServerVersionInfo};
///
/// let mut version = ServerVersionInfo::default();
/// version.version = Some("Exchange2016".into());
/// let mut out = Vec::new();
/// soap::write_response_envelope(&mut out, Some(&version), |w| {
///     w.start(ews_xml::Name::m("GetServerTimeZonesResponse"))?;
///     w.end()
/// })?;
/// let text = String::from_utf8(out)?;
/// assert!(text.contains(r#"<t:ServerVersionInfo Version="Exchange2016"/>"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_response_envelope<'a>(
    out: impl Write + 'a,
    server_version: Option<&ServerVersionInfo>,
    body: impl FnOnce(&mut Writer<'a>) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let mut w = Writer::new(out);
    w.declaration()?;
    w.start(Name::soap("Envelope"))?;
    if let Some(v) = server_version {
        w.start(Name::soap("Header"))?;
        v.write_xml(&mut w, ServerVersionInfo::NAME)?;
        w.end()?;
    }
    w.start(Name::soap("Body"))?;
    body(&mut w)?;
    w.end()?;
    w.end()?;
    w.finish()
}

/// Writes a fault envelope, as a server answers a request that failed as a whole: an optional
/// `ServerVersionInfo` header and `fault` as the `soap:Fault` in the body.
///
/// ```
/// use ews_xml::ResponseCode;
/// use ews_xml::soap::{self, Fault, ResponseBody};
///
/// let fault = Fault::new(ResponseCode::ErrorServerBusy, "The server is busy.");
/// let mut out = Vec::new();
/// soap::write_fault(&mut out, None, &fault)?;
/// let ResponseBody::Fault(back) = soap::read_response(&out[..])?.body else {
///     return Err("not a fault".into());
/// };
/// assert_eq!(back.response_code(), Some(ResponseCode::ErrorServerBusy));
/// assert_eq!(back.string, "The server is busy.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_fault(
    out: impl Write,
    server_version: Option<&ServerVersionInfo>,
    fault: &Fault,
) -> Result<(), WriteError> {
    write_response_envelope(out, server_version, |w| {
        fault.write_xml(w, Name::soap("Fault"))
    })
}

/// Why a response or request could not be read as a SOAP envelope.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SoapError {
    /// The body is not a SOAP envelope: an HTML error page, a proxy's message, other XML.
    /// `head` holds the start of what came back, for the error message.
    #[error("expected a SOAP envelope, got {what}: {head:?}")]
    NotSoap {
        /// What it looked like (`an HTML page`, `empty body`, `a <foo> document`, `text`).
        what: String,
        /// The first bytes of the body (up to 512, lossily decoded, control characters dropped).
        head: String,
    },
    /// The envelope is malformed or its content could not be read.
    #[error("reading the SOAP envelope failed")]
    Read(#[from] ReadError),
}

/// The body of a SOAP response.
#[derive(Debug)]
#[non_exhaustive]
pub enum ResponseBody<'a> {
    /// A response message: the body element's start tag and a reader positioned right after it.
    Message(BodyReader<'a>),
    /// A SOAP fault.
    Fault(Box<Fault>),
}

/// A response envelope whose header has been read.
#[derive(Debug)]
#[non_exhaustive]
pub struct Response<'a> {
    /// The `ServerVersionInfo` header, when the server sent one.
    pub server_version: Option<ServerVersionInfo>,
    /// The body.
    pub body: ResponseBody<'a>,
}

/// A reader positioned on the element inside `soap:Body`.
#[derive(Debug)]
pub struct BodyReader<'a> {
    reader: Box<Reader<'a>>,
    start: StartTag,
}

impl<'a> BodyReader<'a> {
    /// The body element's start tag (e.g. `m:GetItemResponse`).
    pub fn start(&self) -> &StartTag {
        &self.start
    }
    /// The reader, positioned right after the body element's start tag, for streaming
    /// consumers (read children with [`Reader::next_child`]).
    pub fn reader(&mut self) -> &mut Reader<'a> {
        &mut self.reader
    }
    /// Reads the body element with [`XmlRead`] and checks that the envelope ends properly.
    pub fn read<T: XmlRead>(mut self) -> Result<T, ReadError> {
        let value = T::read_xml(&mut self.reader, &self.start)?;
        self.finish()?;
        Ok(value)
    }
    /// Consumes the rest of the body element and checks that the envelope ends properly.
    pub fn finish(mut self) -> Result<(), ReadError> {
        // Whatever of the body element is left, then soap:Body and soap:Envelope.
        while self.reader.depth() > 2 {
            self.reader.skip_element()?;
        }
        while self.reader.next_child()?.is_some() {
            self.reader.skip_element()?;
        }
        while self.reader.next_child()?.is_some() {
            self.reader.skip_element()?;
        }
        self.reader.read_to_end()
    }
}

const HEAD_LEN: usize = 512;

/// Reads a SOAP response: the header's `ServerVersionInfo`, then either the body element or a
/// fault. Works on any response, including HTTP 500 responses that carry a fault; a body that
/// is not a SOAP envelope (an HTML error page) gives [`SoapError::NotSoap`] with its start.
pub fn read_response<'a>(src: impl Read + Send + 'a) -> Result<Response<'a>, SoapError> {
    read_response_with(src, ReaderOptions::default())
}

/// [`read_response`] with explicit reader options.
pub fn read_response_with<'a>(
    src: impl Read + Send + 'a,
    options: ReaderOptions,
) -> Result<Response<'a>, SoapError> {
    let (mut reader, envelope) = open_envelope(src, options)?;
    let mut server_version = None;
    loop {
        let Some(child) = reader.next_child()? else {
            return Err(reader
                .error_after(&envelope, ReadErrorKind::MissingElement("soap:Body"))
                .into());
        };
        if child.is(Name::soap("Header")) {
            while let Some(h) = reader.next_child()? {
                if h.is(ServerVersionInfo::NAME) {
                    server_version = Some(ServerVersionInfo::read_xml(&mut reader, &h)?);
                } else {
                    reader.skip_element()?;
                }
            }
        } else if child.is(Name::soap("Body")) {
            let start = body_element(&mut reader, &child)?;
            if start.is(Name::soap("Fault")) {
                let fault = Fault::read_xml(&mut reader, &start)?;
                return Ok(Response {
                    server_version,
                    body: ResponseBody::Fault(Box::new(fault)),
                });
            }
            return Ok(Response {
                server_version,
                body: ResponseBody::Message(BodyReader {
                    reader: Box::new(reader),
                    start,
                }),
            });
        } else {
            reader.skip_element()?;
        }
    }
}

/// A request envelope whose header has been read: what a server reads first.
#[derive(Debug)]
#[non_exhaustive]
pub struct Request<'a> {
    /// The `soap:Header` (empty when the envelope has none): `RequestServerVersion`,
    /// `ExchangeImpersonation`, `TimeZoneContext`, `ManagementRole`, `DateTimePrecision`.
    pub header: RequestHeader,
    /// The operation element (e.g. `m:GetFolder`) and a reader positioned inside it.
    pub body: BodyReader<'a>,
}

/// Reads a SOAP request, the server-side twin of [`read_response`]: the envelope, its header
/// ([`RequestHeader`]), then stops inside `soap:Body` on the operation element, which the
/// caller reads from [`Request::body`].
///
/// Names are matched by namespace, whatever the prefixes; header elements this crate does not
/// know are skipped. A body that is not a SOAP envelope gives [`SoapError::NotSoap`]; an
/// envelope without `soap:Body`, or with an empty one, a [`ReadErrorKind::MissingElement`]
/// error at the element path where it was missed.
///
/// ```
/// use ews_xml::soap::{self, Impersonation};
///
/// let doc = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"
///     xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"
///     xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
///   <s:Header>
///     <t:RequestServerVersion Version="Exchange2016"/>
///     <t:ExchangeImpersonation><t:ConnectingSID>
///       <t:PrimarySmtpAddress>bob@example.test</t:PrimarySmtpAddress>
///     </t:ConnectingSID></t:ExchangeImpersonation>
///   </s:Header>
///   <s:Body><m:GetFolder><m:FolderIds/></m:GetFolder></s:Body>
/// </s:Envelope>"#;
/// let request = soap::read_request(&doc[..])?;
/// assert_eq!(request.header.version.as_deref(), Some("Exchange2016"));
/// assert_eq!(
///     request.header.impersonation,
///     Some(Impersonation::PrimarySmtpAddress("bob@example.test".into()))
/// );
/// let mut body = request.body;
/// assert!(body.start().is(ews_xml::Name::m("GetFolder")));
/// // Read the operation from `body.reader()`, or skip it:
/// body.finish()?;
/// # Ok::<(), ews_xml::soap::SoapError>(())
/// ```
pub fn read_request<'a>(src: impl Read + Send + 'a) -> Result<Request<'a>, SoapError> {
    read_request_with(src, ReaderOptions::default())
}

/// [`read_request`] with explicit reader options.
pub fn read_request_with<'a>(
    src: impl Read + Send + 'a,
    options: ReaderOptions,
) -> Result<Request<'a>, SoapError> {
    let (mut reader, envelope) = open_envelope(src, options)?;
    let mut header = RequestHeader::default();
    loop {
        let Some(child) = reader.next_child()? else {
            return Err(reader
                .error_after(&envelope, ReadErrorKind::MissingElement("soap:Body"))
                .into());
        };
        if child.is(Name::soap("Header")) {
            header = RequestHeader::read_xml(&mut reader, &child)?;
        } else if child.is(Name::soap("Body")) {
            let start = body_element(&mut reader, &child)?;
            return Ok(Request {
                header,
                body: BodyReader {
                    reader: Box::new(reader),
                    start,
                },
            });
        } else {
            reader.skip_element()?;
        }
    }
}

/// Starts reading `src` as a SOAP envelope: a reader positioned right after the
/// `soap:Envelope` start tag, and that tag; or [`SoapError::NotSoap`] with the start of what
/// came.
fn open_envelope<'a>(
    mut src: impl Read + Send + 'a,
    options: ReaderOptions,
) -> Result<(Reader<'a>, StartTag), SoapError> {
    let mut head = vec![0u8; HEAD_LEN];
    let mut filled = 0;
    while filled < HEAD_LEN {
        match src.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(SoapError::Read(ReadError::new(
                    ReadErrorKind::Io(e),
                    String::new(),
                    crate::Position::default(),
                )));
            }
        }
    }
    head.truncate(filled);
    let mut reader = Reader::with_options(std::io::Cursor::new(head.clone()).chain(src), options);
    let not_soap = |what: String| SoapError::NotSoap {
        what,
        head: printable(&head),
    };
    let root = match reader.root() {
        Ok(root) => root,
        Err(_) if filled == 0 => return Err(not_soap("an empty body".into())),
        Err(e) => {
            return match sniff(&head) {
                Some(what) => Err(not_soap(what.into())),
                None => Err(e.into()),
            };
        }
    };
    if !root.is(Name::soap("Envelope")) {
        let what = if root.local_name().eq_ignore_ascii_case("html") {
            "an HTML page".to_owned()
        } else {
            format!("a <{}> document", root.name())
        };
        return Err(not_soap(what));
    }
    Ok((reader, root))
}

/// The start tag of the element inside `soap:Body` (the reader is just inside `body`).
fn body_element(reader: &mut Reader<'_>, body: &StartTag) -> Result<StartTag, ReadError> {
    reader
        .next_child()?
        .ok_or_else(|| reader.error_after(body, ReadErrorKind::MissingElement("body element")))
}

/// What a body that failed to parse looks like, when it is recognisably not XML.
fn sniff(head: &[u8]) -> Option<&'static str> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = text.trim_start();
    if t.starts_with("<!doctype html") || t.starts_with("<html") || t.contains("<html") {
        Some("an HTML page")
    } else if !t.starts_with('<') {
        Some("text")
    } else {
        None
    }
}

fn printable(head: &[u8]) -> String {
    String::from_utf8_lossy(head)
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests;
