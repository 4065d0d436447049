//! Every operation by name: parse any response (or request) without knowing its type at
//! compile time, for tools that inspect captured traffic and for servers.

use ews_xml::soap::{self, Fault, ResponseBody, SoapError};
use ews_xml::{
    ReadError, ReadErrorKind, Reader, StartTag, WriteError, Writer, XmlElement, XmlRead, XmlWrite,
};

use super::*;

/// Why [`parse_response`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParseResponseError {
    /// The operation name is not one of [`OPERATIONS`].
    #[error("unknown operation {0:?}")]
    UnknownOperation(String),
    /// The document is not a SOAP response.
    #[error("not a SOAP response")]
    Soap(#[from] SoapError),
    /// The server answered with a SOAP fault.
    #[error("the server answered with a SOAP fault: {0}")]
    Fault(Box<Fault>),
    /// The body is not the response of this operation, or is malformed.
    #[error("the response body could not be read")]
    Body(#[from] ReadError),
}

macro_rules! operations {
    ($($name:literal => $req:ident, $resp:ident;)*) => {
        /// The names of every operation this crate models, as EWS spells them.
        pub const OPERATIONS: &[&str] = &[$($name),*];

        /// The response of any operation.
        #[derive(Clone, Debug, PartialEq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        #[cfg_attr(feature = "serde", serde(tag = "operation", content = "response"))]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)] // one value per parsed document
        pub enum AnyResponse {
            $(
                #[doc = concat!("`", $name, "`.")]
                #[cfg_attr(feature = "serde", serde(rename = $name))]
                $req($resp),
            )*
        }

        /// The request of any operation (what a server receives).
        #[derive(Clone, Debug, PartialEq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        #[cfg_attr(feature = "serde", serde(tag = "operation", content = "request"))]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)] // one value per parsed document
        pub enum AnyRequest {
            $(
                #[doc = concat!("`", $name, "`.")]
                #[cfg_attr(feature = "serde", serde(rename = $name))]
                $req($req),
            )*
        }

        impl AnyResponse {
            /// The operation's name.
            pub fn operation(&self) -> &'static str {
                match self {
                    $(Self::$req(_) => $name,)*
                }
            }

            /// Reads the body element of `operation`'s response.
            pub fn read_body(
                operation: &str,
                r: &mut Reader<'_>,
                start: &StartTag,
            ) -> Result<Option<Self>, ReadError> {
                Ok(Some(match operation {
                    $($name => {
                        if !start.is(<$resp as XmlElement>::NAME) {
                            return Err(r.error(ReadErrorKind::UnexpectedElement {
                                found: start.display_name(),
                            }));
                        }
                        Self::$req(<$resp>::read_xml(r, start)?)
                    })*
                    _ => return Ok(None),
                }))
            }

            /// Writes the body element.
            pub fn write_body(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
                match self {
                    $(Self::$req(v) => v.write_xml(w, <$resp as XmlElement>::NAME),)*
                }
            }
        }

        impl AnyRequest {
            /// The operation's name.
            pub fn operation(&self) -> &'static str {
                match self {
                    $(Self::$req(_) => $name,)*
                }
            }

            /// Reads a request body element, whichever operation it names; `None` for an
            /// operation this crate does not model (the element is left unread).
            pub fn read_body(r: &mut Reader<'_>, start: &StartTag) -> Result<Option<Self>, ReadError> {
                $(
                    if start.is(<$req as XmlElement>::NAME) {
                        return Ok(Some(Self::$req(<$req>::read_xml(r, start)?)));
                    }
                )*
                Ok(None)
            }

            /// Writes the body element.
            pub fn write_body(&self, w: &mut Writer<'_>) -> Result<(), WriteError> {
                match self {
                    $(Self::$req(v) => v.write_xml(w, <$req as XmlElement>::NAME),)*
                }
            }
        }
    };
}

operations! {
    "ArchiveItem" => ArchiveItem, ArchiveItemResponse;
    "ConvertId" => ConvertId, ConvertIdResponse;
    "CopyFolder" => CopyFolder, CopyFolderResponse;
    "CopyItem" => CopyItem, CopyItemResponse;
    "CreateAttachment" => CreateAttachment, CreateAttachmentResponse;
    "CreateFolder" => CreateFolder, CreateFolderResponse;
    "CreateItem" => CreateItem, CreateItemResponse;
    "DeleteAttachment" => DeleteAttachment, DeleteAttachmentResponse;
    "DeleteFolder" => DeleteFolder, DeleteFolderResponse;
    "DeleteItem" => DeleteItem, DeleteItemResponse;
    "EmptyFolder" => EmptyFolder, EmptyFolderResponse;
    "ExpandDL" => ExpandDl, ExpandDlResponse;
    "ExportItems" => ExportItems, ExportItemsResponse;
    "FindFolder" => FindFolder, FindFolderResponse;
    "FindItem" => FindItem, FindItemResponse;
    "GetAttachment" => GetAttachment, GetAttachmentResponse;
    "GetFolder" => GetFolder, GetFolderResponse;
    "GetItem" => GetItem, GetItemResponse;
    "MarkAllItemsAsRead" => MarkAllItemsAsRead, MarkAllItemsAsReadResponse;
    "MarkAsJunk" => MarkAsJunk, MarkAsJunkResponse;
    "MoveFolder" => MoveFolder, MoveFolderResponse;
    "MoveItem" => MoveItem, MoveItemResponse;
    "ResolveNames" => ResolveNames, ResolveNamesResponse;
    "SendItem" => SendItem, SendItemResponse;
    "UpdateFolder" => UpdateFolder, UpdateFolderResponse;
    "UpdateItem" => UpdateItem, UpdateItemResponse;
    "UploadItems" => UploadItems, UploadItemsResponse;
}

/// Parses a whole SOAP response of `operation` (its EWS name, e.g. `GetItem`) into the typed
/// response: for tools that inspect captured traffic.
///
/// ```
/// use ews_model::operations::{AnyResponse, parse_response};
///
/// let doc = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
///   <m:SendItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
///     <m:ResponseMessages><m:SendItemResponseMessage ResponseClass="Success">
///       <m:ResponseCode>NoError</m:ResponseCode></m:SendItemResponseMessage></m:ResponseMessages>
///   </m:SendItemResponse></s:Body></s:Envelope>"#;
/// let AnyResponse::SendItem(r) = parse_response("SendItem", doc)? else { unreachable!() };
/// assert!(r.into_results()[0].is_ok());
/// # Ok::<(), ews_model::operations::ParseResponseError>(())
/// ```
pub fn parse_response(operation: &str, bytes: &[u8]) -> Result<AnyResponse, ParseResponseError> {
    if !OPERATIONS.contains(&operation) {
        return Err(ParseResponseError::UnknownOperation(
            operation.chars().take(64).collect(),
        ));
    }
    let mut body = match soap::read_response(bytes)?.body {
        ResponseBody::Fault(f) => return Err(ParseResponseError::Fault(f)),
        ResponseBody::Message(body) => body,
        _ => return Err(ParseResponseError::UnknownOperation(operation.to_owned())),
    };
    let start = body.start().clone();
    let response = AnyResponse::read_body(operation, body.reader(), &start)?
        .ok_or_else(|| ParseResponseError::UnknownOperation(operation.to_owned()))?;
    body.finish()?;
    Ok(response)
}
