//! Response shapes: which properties of an item a Get or Find returns.
//!
//! `IdOnly` returns the id; `Default` what Exchange's default set roughly is (everything but
//! the MIME content, the alternative bodies and the headers); `AllProperties` everything
//! stored (the MIME content only with `IncludeMimeContent`). `AdditionalProperties` add fields
//! (and extended properties). FindItem never returns bodies, attachments, recipient lists or
//! MIME content: asking for them is `ErrorInvalidPropertyRequest`, as in Exchange.

use ews_model::extended::ExtendedFieldUri;
use ews_model::fields::{FieldAccess as _, FieldDef, FieldTable, ValueKind};
use ews_model::items::Item;
use ews_model::operations::{BaseShape, FieldPath, ItemShape};
use ews_model::version::ExchangeVersion;
use ews_xml::ResponseCode;

use ews_model::operations::MessageStatus;

/// Fields left out of the `Default` shape.
const NOT_DEFAULT: &[&str] = &[
    "mime_content",
    "unique_body",
    "normalized_body",
    "text_body",
    "internet_message_headers",
    "entity_extraction_result",
];

/// What one request's shape asks for.
#[derive(Debug, Clone)]
pub(super) struct Projection {
    base: BaseShape,
    find: bool,
    /// `FieldURI`s of `AdditionalProperties`.
    extra: Vec<String>,
    extended: Vec<ExtendedFieldUri>,
}

/// Whether FindItem may return a field.
fn findable(def: &FieldDef) -> bool {
    let heavy = matches!(def.kind.value, ValueKind::Body)
        || (def.kind.list && matches!(def.kind.value, ValueKind::Mailbox | ValueKind::Attendee))
        || matches!(def.name, "mime_content" | "attachments" | "members");
    !heavy
}

fn known_def(uri: &str) -> Option<&'static FieldDef> {
    super::items::tables()
        .into_iter()
        .find_map(|t| t.by_uri(uri))
}

impl Projection {
    pub(super) fn new(
        shape: &ItemShape,
        find: bool,
        version: ExchangeVersion,
    ) -> Result<Self, MessageStatus> {
        let mut extra = Vec::new();
        let mut extended = Vec::new();
        for path in &shape.additional_properties {
            match path {
                FieldPath::Extended(uri) => extended.push(uri.clone()),
                other => {
                    let uri = other.uri().unwrap_or_default();
                    let def = known_def(uri).ok_or_else(|| {
                        MessageStatus::error(
                            ResponseCode::ErrorInvalidPropertyRequest,
                            format!("{uri} is not a property of any item type."),
                        )
                    })?;
                    if !def.is_supported_by(version) {
                        return Err(MessageStatus::error(
                            ResponseCode::ErrorInvalidPropertyRequest,
                            format!("{uri} is not available in the requested version."),
                        ));
                    }
                    if find && !findable(def) {
                        return Err(MessageStatus::error(
                            ResponseCode::ErrorInvalidPropertyRequest,
                            format!("{uri} cannot be returned by FindItem."),
                        ));
                    }
                    extra.push(uri.to_owned());
                }
            }
        }
        Ok(Self {
            base: shape.base_shape.clone(),
            find,
            extra,
            extended,
        })
    }

    /// The fields of `table` this projection returns.
    fn wants(&self, def: &FieldDef, shape: &ItemShape) -> bool {
        if def.name == "item_id" {
            return true;
        }
        if self.extra.iter().any(|u| def.uri.uri() == u) {
            return true;
        }
        if self.find && !findable(def) {
            return false;
        }
        match &self.base {
            BaseShape::IdOnly => false,
            BaseShape::AllProperties => {
                def.name != "mime_content" || shape.include_mime_content == Some(true)
            }
            _ => {
                !NOT_DEFAULT.contains(&def.name)
                    || (def.name == "mime_content" && shape.include_mime_content == Some(true))
            }
        }
    }

    /// `full` reduced to what the shape asks for.
    pub(super) fn apply(&self, mut full: Item, shape: &ItemShape) -> Item {
        let table: &FieldTable = full.table();
        let mut out = empty_like(&full);
        let mut seen: Vec<&str> = Vec::new();
        for def in table.iter() {
            if seen.contains(&def.name) || !self.wants(def, shape) {
                continue;
            }
            seen.push(def.name);
            out.swap_field(def.name, &mut full);
        }
        if !self.extended.is_empty()
            && let Some(src) = full.extended_properties()
        {
            let found: Vec<_> = self
                .extended
                .iter()
                .filter_map(|u| src.find(u).cloned())
                .collect();
            if let Some(dst) = out.extended_properties_mut() {
                for p in found {
                    dst.insert(p);
                }
            }
        }
        out
    }
}

/// An item of the same element kind as `item`, with no properties.
pub(super) fn empty_like(item: &Item) -> Item {
    match item {
        Item::Item(_) => Item::Item(Default::default()),
        Item::Message(_) => Item::Message(Default::default()),
        Item::CalendarItem(_) => Item::CalendarItem(Default::default()),
        Item::Contact(_) => Item::Contact(Default::default()),
        Item::DistributionList(_) => Item::DistributionList(Default::default()),
        Item::Task(_) => Item::Task(Default::default()),
        Item::MeetingMessage(_) => Item::MeetingMessage(Default::default()),
        Item::MeetingRequest(_) => Item::MeetingRequest(Default::default()),
        Item::MeetingResponse(_) => Item::MeetingResponse(Default::default()),
        Item::MeetingCancellation(_) => Item::MeetingCancellation(Default::default()),
        Item::PostItem(_) => Item::PostItem(Default::default()),
        Item::Unknown(g) => {
            let mut g = g.clone();
            g.item = Default::default();
            g.other.clear();
            Item::Unknown(g)
        }
        other => other.clone(),
    }
}
