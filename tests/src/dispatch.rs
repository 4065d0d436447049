//! Answering a SOAP request: reading it, checking its version and who acts on which mailbox,
//! dispatching it to the operation, and writing the response or a fault.

use std::collections::HashMap;

use ews_model::operations::{AnyRequest, AnyResponse, MessageStatus};
use ews_model::time::DateTime;
use ews_model::version::ExchangeVersion;
use ews_xml::ResponseCode;
use ews_xml::soap::{self, Fault, RequestHeader, ServerVersionInfo, SoapError};
use http::StatusCode;

use crate::directory::{self, Directory};
use crate::mailbox::{Ctx, Mailbox};
use crate::version::{newest_version, server_version_info};
use crate::{State, access, lock};

/// Reads a request envelope: its header, the operation (`None` when this server does not
/// implement it) and the operation element's local name.
fn read_request(body: &[u8]) -> Result<(RequestHeader, Option<AnyRequest>, String), SoapError> {
    let request = soap::read_request(body)?;
    let header = request.header;
    let mut body = request.body;
    let start = body.start().clone();
    let operation = AnyRequest::read_body(body.reader(), &start)?;
    body.finish()?;
    Ok((header, operation, start.local_name().to_owned()))
}

/// Runs one request against the caller's mailbox; delivers what it sends. `Err` when the
/// caller has no mailbox; `Ok(None)` for an operation the server does not implement.
fn dispatch(
    boxes: &mut HashMap<String, Mailbox>,
    dir: &Directory,
    user: &str,
    request: AnyRequest,
    ctx: &Ctx,
) -> Result<Option<AnyResponse>, ()> {
    let mb = boxes.get_mut(user).ok_or(())?;
    let mut deliveries = Vec::new();
    let response = match &request {
        AnyRequest::GetFolder(r) => AnyResponse::GetFolder(mb.get_folder(r)),
        AnyRequest::FindFolder(r) => AnyResponse::FindFolder(mb.find_folder(r)),
        AnyRequest::CreateFolder(r) => AnyResponse::CreateFolder(mb.create_folder(r)),
        AnyRequest::DeleteFolder(r) => AnyResponse::DeleteFolder(mb.delete_folder(r)),
        AnyRequest::UpdateFolder(r) => AnyResponse::UpdateFolder(mb.update_folder(r, ctx.version)),
        AnyRequest::MoveFolder(r) => match mb.move_folder(r) {
            Ok(resp) => AnyResponse::MoveFolder(resp),
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::CopyFolder(r) => match mb.copy_folder(r) {
            Ok(resp) => AnyResponse::CopyFolder(resp),
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::ConvertId(r) => AnyResponse::ConvertId(directory::convert_id(dir, r)),
        AnyRequest::ResolveNames(r) => {
            AnyResponse::ResolveNames(directory::resolve_names(dir, mb, r))
        }
        AnyRequest::ExpandDl(r) => AnyResponse::ExpandDl(directory::expand_dl(dir, mb, r)),
        AnyRequest::GetItem(r) => AnyResponse::GetItem(mb.get_item(r, ctx)),
        AnyRequest::FindItem(r) => AnyResponse::FindItem(mb.find_item(r, ctx)),
        AnyRequest::CreateItem(r) => match mb.create_item(r, ctx) {
            Ok((resp, d)) => {
                deliveries = d;
                AnyResponse::CreateItem(resp)
            }
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::UpdateItem(r) => match mb.update_item(r, ctx) {
            Ok((resp, d)) => {
                deliveries = d;
                AnyResponse::UpdateItem(resp)
            }
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::SendItem(r) => match mb.send_item(r, ctx) {
            Ok((resp, d)) => {
                deliveries = d;
                AnyResponse::SendItem(resp)
            }
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::DeleteItem(r) => AnyResponse::DeleteItem(mb.delete_item(r, ctx)),
        AnyRequest::MoveItem(r) => match mb.move_item(r) {
            Ok(resp) => AnyResponse::MoveItem(resp),
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::CopyItem(r) => match mb.copy_item(r) {
            Ok(resp) => AnyResponse::CopyItem(resp),
            Err(status) => return Ok(access::refuse(&request, &status)),
        },
        AnyRequest::MarkAsJunk(r) => AnyResponse::MarkAsJunk(mb.mark_as_junk(r)),
        AnyRequest::ArchiveItem(r) => AnyResponse::ArchiveItem(mb.archive_item(r)),
        AnyRequest::EmptyFolder(r) => AnyResponse::EmptyFolder(mb.empty_folder(r)),
        AnyRequest::MarkAllItemsAsRead(r) => {
            AnyResponse::MarkAllItemsAsRead(mb.mark_all_items_as_read(r))
        }
        AnyRequest::CreateAttachment(r) => {
            AnyResponse::CreateAttachment(mb.create_attachment(r, ctx))
        }
        AnyRequest::GetAttachment(r) => AnyResponse::GetAttachment(mb.get_attachment(r, ctx)),
        AnyRequest::DeleteAttachment(r) => {
            AnyResponse::DeleteAttachment(mb.delete_attachment(r, ctx))
        }
        AnyRequest::ExportItems(r) => AnyResponse::ExportItems(mb.export_items(r)),
        AnyRequest::UploadItems(r) => AnyResponse::UploadItems(mb.upload_items(r, ctx)),
        _ => return Ok(None),
    };
    for d in deliveries {
        if let Some(target) = boxes.get_mut(&d.to) {
            let ctx = Ctx {
                owner: d.to.clone(),
                ..ctx.clone()
            };
            target.deliver(d.item, &ctx);
        }
    }
    Ok(Some(response))
}

/// Answers one authenticated request body: status and XML.
pub(crate) fn respond(state: &State, user: &str, body: &[u8]) -> (StatusCode, Vec<u8>) {
    let (status, xml) = respond_unrecorded(state, user, body);
    if let Some(docs) = &state.documents {
        let mut docs = lock(docs);
        let n = docs.len() + 1;
        // A request this server cannot read is a test's deliberate garbage: not recorded.
        if read_request(body).is_ok() {
            docs.push((format!("{n:04}-request"), body.to_vec()));
        }
        docs.push((format!("{n:04}-response"), xml.clone()));
    }
    (status, xml)
}

/// [`respond`] without the recording.
fn respond_unrecorded(state: &State, user: &str, body: &[u8]) -> (StatusCode, Vec<u8>) {
    let svi = server_version_info(state.build);
    let write_fault = |f: Fault| (StatusCode::INTERNAL_SERVER_ERROR, fault_xml(&svi, &f));
    let (header, request, name) = match read_request(body) {
        Ok(parsed) => parsed,
        Err(e) => {
            // The reader's error (with its element path), not the envelope's summary.
            let detail = match e {
                SoapError::Read(e) => e.to_string(),
                other => other.to_string(),
            };
            return write_fault(Fault::new(
                ResponseCode::ErrorSchemaValidation,
                format!("The request failed schema validation: {detail}"),
            ));
        }
    };
    // Without `RequestServerVersion` the request is read as of the server's own version;
    // an unknown version, or one newer than the server's, is refused.
    let version = match header.version.as_deref().map(str::trim) {
        None => newest_version(state.build),
        Some(v) => {
            match ExchangeVersion::from_name(v).filter(|v| *v <= newest_version(state.build)) {
                Some(v) => v,
                None => {
                    return write_fault(Fault::new(
                        ResponseCode::ErrorInvalidServerVersion,
                        "The specified server version is invalid.",
                    ));
                }
            }
        }
    };
    let op_name = match &request {
        Some(r) => r.operation().to_owned(),
        None => name,
    };
    *lock(&state.operations).entry(op_name.clone()).or_default() += 1;
    let actor =
        match state
            .rights
            .acting_user(user, header.impersonation.as_ref(), &state.user_list)
        {
            Ok(a) => a,
            Err(denied) => {
                return write_fault(Fault::new(denied.code, denied.message));
            }
        };
    // A mailbox the actor cannot open: every response message says so, as in Exchange.
    let target = match &request {
        Some(r) => match state.rights.target_mailbox(&actor, r, &state.user_list) {
            Ok(t) => t,
            Err(denied) => {
                let status = MessageStatus::error(denied.code.clone(), denied.message.clone());
                match access::refuse(r, &status) {
                    Some(response) => return write_response(&svi, &response),
                    None => {
                        return write_fault(Fault::new(denied.code, denied.message));
                    }
                }
            }
        },
        None => actor,
    };
    let ctx = Ctx {
        owner: target.clone(),
        now: DateTime(jiff::Timestamp::now()),
        version,
    };
    let response = {
        let mut boxes = lock(&state.mailboxes);
        match request.map(|r| dispatch(&mut boxes, &state.directory, &target, r, &ctx)) {
            Some(Err(())) => {
                return write_fault(Fault::new(
                    ResponseCode::ErrorMailboxStoreUnavailable,
                    "The mailbox is unavailable.",
                ));
            }
            Some(Ok(r)) => r,
            None => None,
        }
    };
    let Some(response) = response else {
        return write_fault(Fault::new(
            ResponseCode::ErrorInvalidOperation,
            format!("FakeExchange does not implement the operation {op_name:?}."),
        ));
    };
    write_response(&svi, &response)
}

/// HTTP 200 with `response`, or a fault when it cannot be written.
fn write_response(svi: &ServerVersionInfo, response: &AnyResponse) -> (StatusCode, Vec<u8>) {
    let mut out = Vec::new();
    match soap::write_response_envelope(&mut out, Some(svi), |w| response.write_body(w)) {
        Ok(()) => (StatusCode::OK, out),
        Err(e) => {
            let f = Fault::new(
                ResponseCode::ErrorInternalServerError,
                format!("writing the response failed: {e}"),
            );
            (StatusCode::INTERNAL_SERVER_ERROR, fault_xml(svi, &f))
        }
    }
}

/// A fault envelope with the server's `ServerVersionInfo`; empty when it cannot be written.
pub(crate) fn fault_xml(svi: &ServerVersionInfo, fault: &Fault) -> Vec<u8> {
    let mut out = Vec::new();
    if soap::write_fault(&mut out, Some(svi), fault).is_err() {
        out.clear();
    }
    out
}
