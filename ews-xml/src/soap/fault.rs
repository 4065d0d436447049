//! SOAP faults.

use std::time::Duration;

use crate::{
    Name, Ns, ReadError, Reader, ResponseCode, StartTag, WriteError, Writer, XmlRead, XmlWrite,
};

/// A SOAP fault: the whole request failed (schema validation, version, throttling, access).
///
/// EWS puts its own error in the `detail`: `e:ResponseCode`, `e:Message` and, for some codes,
/// `t:MessageXml` with values such as `BackOffMilliseconds`.
///
/// ```
/// use std::time::Duration;
/// use ews_xml::soap::{self, ResponseBody};
///
/// let doc = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
///   <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode>
///   <faultstring>The server cannot service this request right now.</faultstring>
///   <detail>
///     <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode>
///     <t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
///       <t:Value Name="BackOffMilliseconds">30000</t:Value></t:MessageXml>
///   </detail></s:Fault></s:Body></s:Envelope>"#;
/// let ResponseBody::Fault(fault) = soap::read_response(&doc[..])?.body else { panic!() };
/// assert_eq!(fault.response_code(), Some(ews_xml::ResponseCode::ErrorServerBusy));
/// assert_eq!(fault.back_off(), Some(Duration::from_secs(30)));
/// # Ok::<(), ews_xml::soap::SoapError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Fault {
    /// `faultcode` as written (`soap:Client`, `a:ErrorSchemaValidation`).
    pub code: String,
    /// `faultstring`.
    pub string: String,
    /// `faultactor`, when present.
    pub actor: Option<String>,
    /// `detail/e:ResponseCode`.
    pub detail_code: Option<ResponseCode>,
    /// `detail/e:Message`.
    pub detail_message: Option<String>,
    /// `detail/t:MessageXml`.
    pub message_xml: Option<MessageXml>,
    /// `detail/m:ErrorCode` (a numeric code some older servers send).
    pub error_code: Option<String>,
}

impl Fault {
    /// A fault as Exchange writes one for `code`: `faultcode` names the code (in the types
    /// namespace), `faultstring` and the detail's `Message` are `message`, the detail's
    /// `ResponseCode` is `code`.
    ///
    /// ```
    /// use ews_xml::{ResponseCode, soap::Fault};
    ///
    /// let fault = Fault::new(ResponseCode::ErrorInvalidServerVersion, "Unknown version.");
    /// assert_eq!(fault.code, "t:ErrorInvalidServerVersion");
    /// assert_eq!(fault.response_code(), Some(ResponseCode::ErrorInvalidServerVersion));
    /// ```
    pub fn new(code: ResponseCode, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            code: format!("t:{}", code.as_str()),
            string: message.clone(),
            detail_code: Some(code),
            detail_message: Some(message),
            ..Self::default()
        }
    }

    /// The local part of `faultcode` (`Client`, `ErrorSchemaValidation`).
    pub fn code_local_name(&self) -> &str {
        self.code.rsplit(':').next().unwrap_or(&self.code)
    }

    /// `faultcode` with a prefix this crate's [`Writer`] declares: SOAP's own codes (`Client`,
    /// `Server`, `VersionMismatch`, `MustUnderstand`) as `soap:`, EWS codes as `t:`.
    pub fn canonical_code(&self) -> String {
        let local = self.code_local_name();
        match local {
            "Client" | "Server" | "VersionMismatch" | "MustUnderstand" => format!("soap:{local}"),
            _ => format!("t:{local}"),
        }
    }

    /// The EWS response code: the detail's `ResponseCode`, or else `faultcode` when it names one
    /// (`a:ErrorSchemaValidation`). `None` for plain SOAP codes such as `soap:Client`.
    pub fn response_code(&self) -> Option<ResponseCode> {
        if let Some(code) = &self.detail_code {
            return Some(code.clone());
        }
        let local = self.code_local_name();
        match ResponseCode::from_name(local) {
            ResponseCode::Other(_) if !local.starts_with("Error") => None,
            code => Some(code),
        }
    }

    /// The server's requested back-off (`BackOffMilliseconds` in `MessageXml`).
    pub fn back_off(&self) -> Option<Duration> {
        self.message_xml.as_ref()?.back_off()
    }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.response_code() {
            Some(code) => write!(f, "{code}: {}", self.string),
            None => write!(f, "{}: {}", self.code, self.string),
        }
    }
}

impl std::error::Error for Fault {}

/// `MessageXml`: name/value details of an error (`<t:Value Name="BackOffMilliseconds">`,
/// `<t:LineNumber>`...), kept in document order.
///
/// Reference: [MessageXml](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/messagexml).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MessageXml {
    /// `(name, value)`: a `t:Value` element gives its `Name` attribute, any other element its
    /// local name.
    pub entries: Vec<(String, String)>,
}

impl MessageXml {
    /// The first value named `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    /// `BackOffMilliseconds`, when present and numeric.
    pub fn back_off(&self) -> Option<Duration> {
        self.get("BackOffMilliseconds")?
            .trim()
            .parse()
            .ok()
            .map(Duration::from_millis)
    }
}

impl XmlRead for MessageXml {
    fn read_xml(r: &mut Reader<'_>, _start: &StartTag) -> Result<Self, ReadError> {
        let mut entries = Vec::new();
        while let Some(child) = r.next_child()? {
            let name = match child.attr("Name") {
                Some(n) if child.local_name() == "Value" => n.to_owned(),
                _ => child.local_name().to_owned(),
            };
            entries.push((name, r.read_text()?));
        }
        Ok(Self { entries })
    }
}

impl XmlWrite for MessageXml {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        for (n, v) in &self.entries {
            w.start(Name::t("Value"))?;
            w.attr("Name", n)?;
            w.text(v)?;
            w.end()?;
        }
        w.end()
    }
}

impl XmlRead for Fault {
    fn read_xml(r: &mut Reader<'_>, _start: &StartTag) -> Result<Self, ReadError> {
        let mut fault = Self::default();
        while let Some(child) = r.next_child()? {
            // SOAP 1.1 fault children are unqualified; tolerate qualified ones too.
            match (child.ns(), child.local_name()) {
                (Ns::None | Ns::Soap, "faultcode") => fault.code = r.read_text()?.trim().to_owned(),
                (Ns::None | Ns::Soap, "faultstring") => fault.string = r.read_text()?,
                (Ns::None | Ns::Soap, "faultactor") => fault.actor = Some(r.read_text()?),
                (Ns::None | Ns::Soap, "detail") => read_detail(r, &mut fault)?,
                _ => r.skip_element()?,
            }
        }
        Ok(fault)
    }
}

fn read_detail(r: &mut Reader<'_>, fault: &mut Fault) -> Result<(), ReadError> {
    while let Some(child) = r.next_child()? {
        match child.local_name() {
            "ResponseCode" => {
                fault.detail_code = Some(ResponseCode::from_name(r.read_text()?.trim()));
            }
            "Message" => fault.detail_message = Some(r.read_text()?),
            "MessageXml" => fault.message_xml = Some(MessageXml::read_xml(r, &child)?),
            "ErrorCode" => fault.error_code = Some(r.read_text()?.trim().to_owned()),
            _ => r.skip_element()?,
        }
    }
    Ok(())
}

impl XmlWrite for Fault {
    /// Writes `soap:Fault` as Exchange does (the name argument is the fault element's name).
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        w.element_text(Name::new(Ns::None, "faultcode"), &self.canonical_code())?;
        w.element_text(Name::new(Ns::None, "faultstring"), &self.string)?;
        if let Some(a) = &self.actor {
            w.element_text(Name::new(Ns::None, "faultactor"), a)?;
        }
        let has_detail = self.detail_code.is_some()
            || self.detail_message.is_some()
            || self.message_xml.is_some()
            || self.error_code.is_some();
        if has_detail {
            w.start(Name::new(Ns::None, "detail"))?;
            if let Some(c) = &self.detail_code {
                w.element_text(Name::new(Ns::Errors, "ResponseCode"), c.as_str())?;
            }
            if let Some(m) = &self.detail_message {
                w.element_text(Name::new(Ns::Errors, "Message"), m)?;
            }
            if let Some(x) = &self.message_xml {
                x.write_xml(w, Name::t("MessageXml"))?;
            }
            if let Some(c) = &self.error_code {
                w.element_text(Name::m("ErrorCode"), c)?;
            }
            w.end()?;
        }
        w.end()
    }
}
