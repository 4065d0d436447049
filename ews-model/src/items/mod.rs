//! Items: the [`ItemBase`] every item shares, messages ([`Message`], [`PostItem`]), the
//! meeting messages, the response objects, and the [`Item`] choice of every item element.
//!
//! Each item type is a struct that flattens its schema base type first (`Message` flattens
//! [`ItemBase`], [`MeetingMessage`] flattens [`Message`], ...), writes and reads itself in the
//! schema's element order, and carries a field table (`Message::FIELDS`, base fields first).
//!
//! ```
//! use ews_model::fields::HasFields;
//! use ews_model::items::{Compose, Item, Message};
//! use ews_model::properties::Body;
//!
//! let item = Item::from(Message::new().subject("Hi").body(Body::text("Hello")).to(["a@example.com"]));
//! assert_eq!(item.base().and_then(|b| b.subject.as_deref()), Some("Hi"));
//! assert!(Message::FIELDS.by_uri("item:Subject").is_some());
//! assert!(Message::FIELDS.by_uri("message:IsRead").is_some());
//! ```

mod base;
pub mod calendar;
mod compose;
pub mod contact;
pub mod distribution_list;
mod field_values;
mod generic;
mod meeting;
mod message;
mod response_objects;
pub mod task;
mod values;

use ews_xml::{XmlRead, XmlWrite};

pub use base::ItemBase;
pub use compose::Compose;
pub use generic::GenericItem;
pub use meeting::{
    MeetingCancellation, MeetingMessage, MeetingRequest, MeetingResponse, MeetingSlot,
};
pub use message::{Message, PostItem};
pub use response_objects::{
    AcceptItem, AcceptSharingInvitation, AddItemToMyCalendar, CancelCalendarItem, DeclineItem,
    ForwardItem, GenericResponseObject, MeetingReply, PostReplyItem, ProposeNewTime,
    ReferenceItemResponse, RemoveItem, ReplyAllToItem, ReplyToItem, ResponseObject, SmartResponse,
    SuppressReadReceipt, TentativelyAcceptItem,
};
pub use values::{
    Base64Binary, CalendarItemType, InferenceClassification, LegacyFreeBusy, MeetingRequestType,
};

use crate::fields::{FieldValue, Kind, ValueKind};
use crate::properties::ItemId;

/// Any item element: an element of `m:Items` (`NonEmptyArrayOfAllItemsType` in requests,
/// `ArrayOfRealItemsType` in responses) or the item of an item attachment.
///
/// An element of a kind this crate does not know becomes [`Item::Unknown`], a
/// [`GenericItem`] with its ids and base elements, written back as it came: a newer server
/// never fails a response.
///
/// See [Items](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/items).
// The variants are the item structs themselves (a message is a few kilobytes), as in the
// schema; boxing them would cost an allocation per item for little gain.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum Item {
    /// `t:Item`: an item of no more specific type.
    Item(ItemBase),
    /// `t:Message`.
    Message(Message),
    /// `t:CalendarItem`.
    CalendarItem(calendar::CalendarItem),
    /// `t:Contact`.
    Contact(contact::Contact),
    /// `t:DistributionList`.
    DistributionList(distribution_list::DistributionList),
    /// `t:MeetingMessage`.
    MeetingMessage(MeetingMessage),
    /// `t:MeetingRequest`.
    MeetingRequest(MeetingRequest),
    /// `t:MeetingResponse`.
    MeetingResponse(MeetingResponse),
    /// `t:MeetingCancellation`.
    MeetingCancellation(MeetingCancellation),
    /// `t:Task`.
    Task(task::Task),
    /// `t:PostItem`.
    PostItem(PostItem),
    /// `t:ReplyToItem` (created only).
    ReplyToItem(ReplyToItem),
    /// `t:ForwardItem` (created only).
    ForwardItem(ForwardItem),
    /// `t:ReplyAllToItem` (created only).
    ReplyAllToItem(ReplyAllToItem),
    /// `t:AcceptItem` (created only).
    AcceptItem(AcceptItem),
    /// `t:TentativelyAcceptItem` (created only).
    TentativelyAcceptItem(TentativelyAcceptItem),
    /// `t:DeclineItem` (created only).
    DeclineItem(DeclineItem),
    /// `t:CancelCalendarItem` (created only).
    CancelCalendarItem(CancelCalendarItem),
    /// `t:RemoveItem` (created only).
    RemoveItem(RemoveItem),
    /// `t:SuppressReadReceipt` (created only).
    SuppressReadReceipt(SuppressReadReceipt),
    /// `t:PostReplyItem` (created only).
    PostReplyItem(PostReplyItem),
    /// `t:AcceptSharingInvitation` (created only).
    AcceptSharingInvitation(AcceptSharingInvitation),
    /// Any other element, kept whole.
    #[xml(other)]
    Unknown(GenericItem),
}

impl Item {
    /// The item base elements, for the kinds that have them (not the response objects).
    pub fn base(&self) -> Option<&ItemBase> {
        Some(match self {
            Self::Item(b) => b,
            Self::Message(m) => &m.item,
            Self::CalendarItem(c) => &c.item,
            Self::Contact(c) => &c.item,
            Self::DistributionList(d) => &d.item,
            Self::Task(t) => &t.item,
            Self::MeetingMessage(m) => &m.message.item,
            Self::MeetingRequest(m) => &m.meeting.message.item,
            Self::MeetingResponse(m) => &m.meeting.message.item,
            Self::MeetingCancellation(m) => &m.meeting.message.item,
            Self::PostItem(p) => &p.item,
            Self::Unknown(g) => &g.item,
            _ => return None,
        })
    }

    /// The item base elements, mutably.
    pub fn base_mut(&mut self) -> Option<&mut ItemBase> {
        Some(match self {
            Self::Item(b) => b,
            Self::Message(m) => &mut m.item,
            Self::CalendarItem(c) => &mut c.item,
            Self::Contact(c) => &mut c.item,
            Self::DistributionList(d) => &mut d.item,
            Self::Task(t) => &mut t.item,
            Self::MeetingMessage(m) => &mut m.message.item,
            Self::MeetingRequest(m) => &mut m.meeting.message.item,
            Self::MeetingResponse(m) => &mut m.meeting.message.item,
            Self::MeetingCancellation(m) => &mut m.meeting.message.item,
            Self::PostItem(p) => &mut p.item,
            Self::Unknown(g) => &mut g.item,
            _ => return None,
        })
    }

    /// The item's id, when the server gave one.
    pub fn id(&self) -> Option<&ItemId> {
        self.base().and_then(|b| b.item_id.as_ref())
    }

    /// The message elements, for messages and meeting messages.
    pub fn message(&self) -> Option<&Message> {
        match self {
            Self::Message(m) => Some(m),
            Self::MeetingMessage(m) => Some(&m.message),
            Self::MeetingRequest(m) => Some(&m.meeting.message),
            Self::MeetingResponse(m) => Some(&m.meeting.message),
            Self::MeetingCancellation(m) => Some(&m.meeting.message),
            _ => None,
        }
    }
}

macro_rules! item_from {
    ($($t:ty => $variant:ident),* $(,)?) => {$(
        impl From<$t> for Item {
            fn from(v: $t) -> Self {
                Self::$variant(v)
            }
        }
    )*};
}

item_from! {
    ItemBase => Item, Message => Message, calendar::CalendarItem => CalendarItem,
    contact::Contact => Contact, distribution_list::DistributionList => DistributionList,
    task::Task => Task, MeetingMessage => MeetingMessage,
    MeetingRequest => MeetingRequest, MeetingResponse => MeetingResponse,
    MeetingCancellation => MeetingCancellation, PostItem => PostItem,
    ReplyAllToItem => ReplyAllToItem, PostReplyItem => PostReplyItem, GenericItem => Unknown,
}

impl crate::fields::FieldAccess for Item {
    /// The field of the variant; an unknown element answers for its item base; the response
    /// objects (created only) have none.
    fn field(&self, name: &str) -> Option<&dyn std::any::Any> {
        match self.access() {
            Some(a) => a.field(name),
            None => self.base().and_then(|b| b.field(name)),
        }
    }

    fn extended_properties(&self) -> Option<&crate::extended::ExtendedProperties> {
        match self.access() {
            Some(a) => a.extended_properties(),
            None => self.base().and_then(|b| b.extended_properties()),
        }
    }

    /// Swaps within the same variant; an unknown element swaps its item base fields.
    fn swap_field(&mut self, name: &str, other: &mut Self) -> bool {
        use crate::fields::FieldAccess as F;
        match (self, other) {
            (Self::Item(a), Self::Item(b)) => F::swap_field(a, name, b),
            (Self::Message(a), Self::Message(b)) => F::swap_field(a, name, b),
            (Self::CalendarItem(a), Self::CalendarItem(b)) => F::swap_field(a, name, b),
            (Self::Contact(a), Self::Contact(b)) => F::swap_field(a, name, b),
            (Self::DistributionList(a), Self::DistributionList(b)) => F::swap_field(a, name, b),
            (Self::Task(a), Self::Task(b)) => F::swap_field(a, name, b),
            (Self::MeetingMessage(a), Self::MeetingMessage(b)) => F::swap_field(a, name, b),
            (Self::MeetingRequest(a), Self::MeetingRequest(b)) => F::swap_field(a, name, b),
            (Self::MeetingResponse(a), Self::MeetingResponse(b)) => F::swap_field(a, name, b),
            (Self::MeetingCancellation(a), Self::MeetingCancellation(b)) => {
                F::swap_field(a, name, b)
            }
            (Self::PostItem(a), Self::PostItem(b)) => F::swap_field(a, name, b),
            (Self::Unknown(a), Self::Unknown(b)) => F::swap_field(&mut a.item, name, &mut b.item),
            _ => false,
        }
    }

    fn extended_properties_mut(&mut self) -> Option<&mut crate::extended::ExtendedProperties> {
        use crate::fields::FieldAccess as F;
        match self {
            Self::Item(a) => F::extended_properties_mut(a),
            Self::Message(a) => F::extended_properties_mut(a),
            Self::CalendarItem(a) => F::extended_properties_mut(a),
            Self::Contact(a) => F::extended_properties_mut(a),
            Self::DistributionList(a) => F::extended_properties_mut(a),
            Self::Task(a) => F::extended_properties_mut(a),
            Self::MeetingMessage(a) => F::extended_properties_mut(a),
            Self::MeetingRequest(a) => F::extended_properties_mut(a),
            Self::MeetingResponse(a) => F::extended_properties_mut(a),
            Self::MeetingCancellation(a) => F::extended_properties_mut(a),
            Self::PostItem(a) => F::extended_properties_mut(a),
            Self::Unknown(g) => F::extended_properties_mut(&mut g.item),
            _ => None,
        }
    }
}

impl Item {
    /// The field table of the variant; the item base's for an unknown element and the response
    /// objects.
    pub fn table(&self) -> &'static crate::fields::FieldTable {
        use crate::fields::HasFields as H;
        match self {
            Self::Message(_) => &<Message as H>::FIELDS,
            Self::CalendarItem(_) => &<calendar::CalendarItem as H>::FIELDS,
            Self::Contact(_) => &<contact::Contact as H>::FIELDS,
            Self::DistributionList(_) => &<distribution_list::DistributionList as H>::FIELDS,
            Self::Task(_) => &<task::Task as H>::FIELDS,
            Self::MeetingMessage(_) => &<MeetingMessage as H>::FIELDS,
            Self::MeetingRequest(_) => &<MeetingRequest as H>::FIELDS,
            Self::MeetingResponse(_) => &<MeetingResponse as H>::FIELDS,
            Self::MeetingCancellation(_) => &<MeetingCancellation as H>::FIELDS,
            Self::PostItem(_) => &<PostItem as H>::FIELDS,
            _ => &<ItemBase as H>::FIELDS,
        }
    }

    /// The variant, for the kinds with a field table.
    fn access(&self) -> Option<&dyn crate::fields::FieldAccess> {
        Some(match self {
            Self::Item(b) => b,
            Self::Message(m) => m,
            Self::CalendarItem(c) => c,
            Self::Contact(c) => c,
            Self::DistributionList(d) => d,
            Self::Task(t) => t,
            Self::MeetingMessage(m) => m,
            Self::MeetingRequest(m) => m,
            Self::MeetingResponse(m) => m,
            Self::MeetingCancellation(m) => m,
            Self::PostItem(p) => p,
            _ => return None,
        })
    }
}

impl FieldValue for Item {
    const KIND: Kind = Kind::single(ValueKind::Complex);
}
