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
            ResponseClass::Error => Err(ResponseError::Server {
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

/// Why one response message (one item, folder or attachment of a call) gave no result.
///
/// Either the server said so ([`Server`](Self::Server), a message with class `Error`), or the
/// message claimed success but lacked what it must carry ([`Incomplete`](Self::Incomplete):
/// found by this crate, not a code the server sent).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseError {
    /// A response message with class `Error`.
    #[non_exhaustive]
    Server {
        /// Why (`ErrorItemNotFound`, `ErrorAccessDenied`...).
        code: ResponseCode,
        /// The server's text.
        text: String,
        /// Details, if the server sent any.
        message_xml: Option<MessageXml>,
    },
    /// A successful response message without the element it should carry (the server broke
    /// its own contract).
    Incomplete {
        /// The missing element (`ItemId`, `RootFolder`, "item"...).
        missing: &'static str,
    },
}

impl ResponseError {
    /// The error the server reported with `code` and `text`.
    pub fn server(code: ResponseCode, text: impl Into<String>) -> Self {
        Self::Server {
            code,
            text: text.into(),
            message_xml: None,
        }
    }

    /// The server's response code; `None` for an [`Incomplete`](Self::Incomplete) message.
    pub fn code(&self) -> Option<&ResponseCode> {
        match self {
            Self::Server { code, .. } => Some(code),
            Self::Incomplete { .. } => None,
        }
    }

    /// The server's text; `None` for an [`Incomplete`](Self::Incomplete) message.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Server { text, .. } => Some(text),
            Self::Incomplete { .. } => None,
        }
    }

    /// The server's details of the error, if it sent any.
    pub fn message_xml(&self) -> Option<&MessageXml> {
        match self {
            Self::Server { message_xml, .. } => message_xml.as_ref(),
            Self::Incomplete { .. } => None,
        }
    }
}

impl std::fmt::Display for ResponseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Server { code, text, .. } if text.is_empty() => write!(f, "{code}"),
            Self::Server { code, text, .. } => write!(f, "{code}: {text}"),
            Self::Incomplete { missing } => {
                write!(
                    f,
                    "the response message claims success but holds no {missing}"
                )
            }
        }
    }
}

impl std::error::Error for ResponseError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_message_is_a_server_error() {
        let status = MessageStatus::error(ResponseCode::ErrorItemNotFound, "gone");
        let err = status.check().unwrap_err();
        assert_eq!(err.code(), Some(&ResponseCode::ErrorItemNotFound));
        assert_eq!(
            err,
            ResponseError::server(ResponseCode::ErrorItemNotFound, "gone")
        );
        assert_eq!(err.text(), Some("gone"));
        assert_eq!(err.to_string(), "ErrorItemNotFound: gone");
        assert!(MessageStatus::success().check().is_ok());
    }

    #[test]
    fn an_error_without_code_or_text_keeps_what_it_has() {
        let status = MessageStatus {
            class: ResponseClass::Error,
            ..MessageStatus::default()
        };
        let err = status.check().unwrap_err();
        assert_eq!(err.code(), Some(&ResponseCode::Other(String::new())));
        assert!(err.message_xml().is_none());
    }

    #[test]
    fn an_incomplete_message_has_no_server_code() {
        let err = ResponseError::Incomplete { missing: "ItemId" };
        assert_eq!(err.code(), None);
        assert_eq!(err.text(), None);
        assert!(err.message_xml().is_none());
        assert_eq!(
            err.to_string(),
            "the response message claims success but holds no ItemId"
        );
    }
}
