//! What every response message carries: its class, code and error details.

use ews_xml::soap::MessageXml;
use ews_xml::{ResponseClass, ResponseCode, XmlRead, XmlWrite};

/// The status part of a response message (`m:ResponseMessageType`): present in every message
/// of every operation, flattened into each operation's message type.
///
/// Reference: [ResponseMessage](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responsemessage).
#[derive(Clone, Debug, Default, PartialEq, Eq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "m")]
#[non_exhaustive]
pub struct MessageStatus {
    /// `Success`, `Warning` or `Error`.
    #[xml(attr = "ResponseClass")]
    pub class: ResponseClass,
    /// The server's description of an error.
    pub message_text: Option<String>,
    /// The response code (`NoError` on success).
    pub response_code: Option<ResponseCode>,
    /// Unused by Exchange; kept for completeness.
    pub descriptive_link_key: Option<i32>,
    /// Details of an error as name/value pairs (e.g. `BackOffMilliseconds`).
    pub message_xml: Option<MessageXml>,
}

impl MessageStatus {
    /// A successful status.
    pub fn success() -> Self {
        Self {
            response_code: Some(ResponseCode::NoError),
            ..Self::default()
        }
    }

    /// An error status with a code and text.
    pub fn error(code: ResponseCode, text: impl Into<String>) -> Self {
        Self {
            class: ResponseClass::Error,
            message_text: Some(text.into()),
            response_code: Some(code),
            ..Self::default()
        }
    }

    /// `Ok(())` for `Success` and `Warning`, the error otherwise.
    pub fn check(&self) -> Result<(), ResponseError> {
        match self.class {
            ResponseClass::Error => Err(ResponseError {
                code: self
                    .response_code
                    .clone()
                    .unwrap_or(ResponseCode::Other(String::new())),
                text: self.message_text.clone().unwrap_or_default(),
                message_xml: self.message_xml.clone(),
            }),
            _ => Ok(()),
        }
    }
}

/// A response message with class `Error`: one item or folder of a call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseError {
    /// Why (`ErrorItemNotFound`, `ErrorAccessDenied`...).
    pub code: ResponseCode,
    /// The server's text.
    pub text: String,
    /// Details, if the server sent any.
    pub message_xml: Option<MessageXml>,
}

impl ResponseError {
    /// A successful message that lacks the element it should carry: reported as
    /// `ErrorInternalServerError`, since the server broke its own contract.
    pub fn missing(element: &str) -> Self {
        Self {
            code: ResponseCode::ErrorInternalServerError,
            text: format!("the response message holds no {element}"),
            message_xml: None,
        }
    }
}

impl std::fmt::Display for ResponseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.text.is_empty() {
            write!(f, "{}", self.code)
        } else {
            write!(f, "{}: {}", self.code, self.text)
        }
    }
}

impl std::error::Error for ResponseError {}
