//! SOAP 1.1 envelopes as EWS uses them: the request headers, `ServerVersionInfo`, the body and
//! SOAP faults.
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
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains(r#"<t:RequestServerVersion Version="Exchange2016"/>"#));
/// assert!(text.contains("<soap:Body><m:GetServerTimeZones/></soap:Body>"));
/// # Ok::<(), ews_xml::WriteError>(())
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

/// Why a response could not be read as a SOAP envelope.
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
    #[error("reading the SOAP response failed")]
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
    mut src: impl Read + Send + 'a,
    options: ReaderOptions,
) -> Result<Response<'a>, SoapError> {
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
    let mut server_version = None;
    loop {
        let Some(child) = reader.next_child()? else {
            return Err(reader
                .error(ReadErrorKind::MissingElement("soap:Body"))
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
            let Some(start) = reader.next_child()? else {
                return Err(reader
                    .error(ReadErrorKind::MissingElement("body element"))
                    .into());
            };
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
