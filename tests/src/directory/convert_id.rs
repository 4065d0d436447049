//! `ConvertId`.
//!
//! Every id this server issues is the standard base64 of some bytes `raw`: a folder id is
//! `FXF\x01` and 32 random bytes, an item id `FXI\x01` and 32 random bytes, an occurrence id
//! `FXO\x01`, the raw item id of the master and its 4-byte index. These ids are the `EwsId`
//! format. `ConvertId` maps them to the other formats Exchange names, without looking the
//! object up (as Exchange, it converts the text only), in a way that converts back exactly:
//!
//! | format        | text                                                               |
//! |---------------|--------------------------------------------------------------------|
//! | `EwsId`       | base64(`raw`), the id as issued                                    |
//! | `EwsLegacyId` | base64(`FXL\x01` ‖ `raw`)                                          |
//! | `EntryId`     | base64(`E`), `E` = 4 zero flag bytes ‖ [`PROVIDER`] ‖ `raw`        |
//! | `HexEntryId`  | `E` in upper-case hexadecimal (lower case is accepted)             |
//! | `StoreId`     | base64(`E` ‖ one byte: 1 folder, 2 item, 3 occurrence)             |
//! | `OwaId`       | URL-safe base64 without padding of (`FXW\x01` ‖ `raw`)             |
//!
//! An id that does not decode in its stated format, or decodes to bytes this server never
//! issues, gets `ErrorInvalidIdMalformed` (`ErrorInvalidIdMalformedEwsLegacyIdFormat` for
//! `EwsLegacyId`); an empty one `ErrorInvalidIdEmpty`; a `Mailbox` that is not a user of the
//! server `ErrorNonExistentMailbox`; `IsArchive="true"` `ErrorArchiveMailboxNotEnabled`;
//! public folder ids `ErrorInvalidOperation` (there are no public folders).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ews_model::operations::{
    AlternateId, AnyAlternateId, ConvertId, ConvertIdResponse, ConvertIdResponseMessage,
    ConvertedId, IdFormat, MessageStatus,
};
use ews_xml::ResponseCode;

use crate::mailbox::{IdKind, id_kind};

use super::{Directory, status};

/// The provider id inside this server's entry ids (16 bytes, as a MAPI provider UID).
pub(crate) const PROVIDER: &[u8; 16] = b"FakeExchange\x00\x00\x00\x01";
/// The prefix of the bytes of an `EwsLegacyId`.
const LEGACY_MAGIC: &[u8] = b"FXL\x01";
/// The prefix of the bytes of an `OwaId`.
const OWA_MAGIC: &[u8] = b"FXW\x01";

/// The bytes of an entry id around `raw`.
fn entry_id(raw: &[u8]) -> Vec<u8> {
    let mut e = vec![0u8; 4];
    e.extend_from_slice(PROVIDER);
    e.extend_from_slice(raw);
    e
}

/// `raw` out of entry id bytes.
fn from_entry_id(entry: &[u8]) -> Option<Vec<u8>> {
    let rest = entry.strip_prefix(&[0u8; 4][..])?;
    rest.strip_prefix(&PROVIDER[..]).map(<[u8]>::to_vec)
}

fn kind_byte(kind: IdKind) -> u8 {
    match kind {
        IdKind::Folder => 1,
        IdKind::Item => 2,
        IdKind::Occurrence => 3,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The raw bytes of `text` read as `format`, and what they name.
fn decode(format: &IdFormat, text: &str) -> Result<(Vec<u8>, IdKind), MessageStatus> {
    let malformed = || status(ResponseCode::ErrorInvalidIdMalformed, "Id is malformed.");
    let raw = match format {
        IdFormat::EwsId => STANDARD.decode(text).ok(),
        IdFormat::EwsLegacyId => {
            let raw = STANDARD
                .decode(text)
                .ok()
                .and_then(|b| b.strip_prefix(LEGACY_MAGIC).map(<[u8]>::to_vec));
            let kind = raw.as_deref().and_then(id_kind);
            return match (raw, kind) {
                (Some(raw), Some(kind)) => Ok((raw, kind)),
                _ => Err(status(
                    ResponseCode::ErrorInvalidIdMalformedEwsLegacyIdFormat,
                    "The EwsLegacyId is malformed.",
                )),
            };
        }
        IdFormat::EntryId => STANDARD.decode(text).ok().and_then(|e| from_entry_id(&e)),
        IdFormat::HexEntryId => unhex(text).and_then(|e| from_entry_id(&e)),
        IdFormat::StoreId => {
            let bytes = STANDARD.decode(text).map_err(|_| malformed())?;
            let (last, entry) = bytes.split_last().ok_or_else(malformed)?;
            let raw = from_entry_id(entry).ok_or_else(malformed)?;
            let kind = id_kind(&raw).ok_or_else(malformed)?;
            if kind_byte(kind) != *last {
                return Err(malformed());
            }
            return Ok((raw, kind));
        }
        IdFormat::OwaId => URL_SAFE_NO_PAD
            .decode(text)
            .ok()
            .and_then(|b| b.strip_prefix(OWA_MAGIC).map(<[u8]>::to_vec)),
        _ => None,
    };
    let raw = raw.ok_or_else(malformed)?;
    let kind = id_kind(&raw).ok_or_else(malformed)?;
    Ok((raw, kind))
}

/// `raw` written as `format`.
fn encode(format: &IdFormat, raw: &[u8], kind: IdKind) -> Result<String, MessageStatus> {
    Ok(match format {
        IdFormat::EwsId => STANDARD.encode(raw),
        IdFormat::EwsLegacyId => STANDARD.encode([LEGACY_MAGIC, raw].concat()),
        IdFormat::EntryId => STANDARD.encode(entry_id(raw)),
        IdFormat::HexEntryId => hex(&entry_id(raw)),
        IdFormat::StoreId => {
            let mut bytes = entry_id(raw);
            bytes.push(kind_byte(kind));
            STANDARD.encode(bytes)
        }
        IdFormat::OwaId => URL_SAFE_NO_PAD.encode([OWA_MAGIC, raw].concat()),
        other => {
            return Err(status(
                ResponseCode::ErrorInvalidRequest,
                &format!("FakeExchange cannot convert ids to {other:?}."),
            ));
        }
    })
}

fn convert_one(
    dir: &Directory,
    destination: &IdFormat,
    id: &AnyAlternateId,
) -> Result<AlternateId, MessageStatus> {
    let AnyAlternateId::AlternateId(id) = id else {
        return Err(status(
            ResponseCode::ErrorInvalidOperation,
            "FakeExchange has no public folders.",
        ));
    };
    if id.id.trim().is_empty() {
        return Err(status(
            ResponseCode::ErrorInvalidIdEmpty,
            "The id is empty.",
        ));
    }
    if !dir.is_user(&id.mailbox) {
        return Err(status(
            ResponseCode::ErrorNonExistentMailbox,
            "The mailbox is not a mailbox of this server.",
        ));
    }
    if id.is_archive == Some(true) {
        return Err(status(
            ResponseCode::ErrorArchiveMailboxNotEnabled,
            "The mailbox has no archive.",
        ));
    }
    let (raw, kind) = decode(&id.format, id.id.trim())?;
    let converted = encode(destination, &raw, kind)?;
    let mut out = id.clone();
    out.format = destination.clone();
    out.id = converted;
    Ok(out)
}

pub(crate) fn convert_id(dir: &Directory, req: &ConvertId) -> ConvertIdResponse {
    let mut response = ConvertIdResponse::default();
    response.messages = req
        .source_ids
        .iter()
        .map(|id| {
            let mut m = ConvertIdResponseMessage::default();
            match convert_one(dir, &req.destination_format, id) {
                Ok(converted) => {
                    m.status = MessageStatus::success();
                    m.alternate_id = Some(ConvertedId(AnyAlternateId::AlternateId(converted)));
                }
                Err(s) => m.status = s,
            }
            m
        })
        .collect();
    response
}
