//! Small value types of items: short base64 blobs, retention tags, the inference
//! classification, and the enumerations of meeting messages.

use std::borrow::Cow;

use ews_xml::{ValueError, XmlValue};

use crate::fields::{FieldValue, Kind, ValueKind};

/// A short binary value written as base64 text (`xs:base64Binary`): `t:StoreEntryId`,
/// `t:InstanceKey`, `t:SearchKey`, `t:ConversationIndex`.
///
/// Large binary content (attachments, MIME) has its own types that write the base64 in
/// chunks. See [StoreEntryId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/storeentryid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Base64Binary(pub Vec<u8>);

impl XmlValue for Base64Binary {
    fn to_xml_value(&self) -> Cow<'_, str> {
        Cow::Owned(ews_xml::base64::encode(&self.0))
    }
    fn from_xml_value(s: &str) -> Result<Self, ValueError> {
        ews_xml::base64::decode(s)
            .map(Self)
            .ok_or_else(|| ValueError::expected("base64"))
    }
}

impl From<Vec<u8>> for Base64Binary {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl AsRef<[u8]> for Base64Binary {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl FieldValue for Base64Binary {
    const KIND: Kind = Kind::single(ValueKind::Base64);
}

/// Whether an item belongs in the Focused inbox (`t:InferenceClassificationType`).
///
/// See [InferenceClassification](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/inferenceclassification).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum InferenceClassification {
    /// `Focused`.
    Focused,
    /// `Other`: the Other tab.
    #[xml(rename = "Other")]
    OtherTab,
    /// A value this schema does not know, kept verbatim.
    #[xml(other)]
    Unknown(String),
}

/// What kind of update a meeting request is (`t:MeetingRequestTypeType`).
///
/// See [MeetingRequestType](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/meetingrequesttype).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum MeetingRequestType {
    /// `None`.
    None,
    /// `FullUpdate`: important details changed.
    FullUpdate,
    /// `InformationalUpdate`: minor details changed.
    InformationalUpdate,
    /// `NewMeetingRequest`: a new meeting.
    NewMeetingRequest,
    /// `Outdated`: a newer request exists.
    Outdated,
    /// `SilentUpdate`: an update that does not need attention.
    SilentUpdate,
    /// `PrincipalWantsCopy`: a copy for the principal of a delegate.
    PrincipalWantsCopy,
    /// A value this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

/// A free/busy status (`t:LegacyFreeBusyType`).
///
/// See [LegacyFreeBusyStatus](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/legacyfreebusystatus).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum LegacyFreeBusy {
    /// `Free`.
    Free,
    /// `Tentative`.
    Tentative,
    /// `Busy`.
    Busy,
    /// `OOF`: out of office.
    #[xml(rename = "OOF")]
    Oof,
    /// `WorkingElsewhere`.
    WorkingElsewhere,
    /// `NoData`.
    NoData,
    /// A value this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

/// Whether a calendar item is single, an occurrence, an exception or a recurring master
/// (`t:CalendarItemTypeType`).
///
/// See [CalendarItemType](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendaritemtype).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum CalendarItemType {
    /// `Single`.
    Single,
    /// `Occurrence`.
    Occurrence,
    /// `Exception`.
    Exception,
    /// `RecurringMaster`.
    RecurringMaster,
    /// A value this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

serde_as_xml_value!(
    InferenceClassification,
    MeetingRequestType,
    LegacyFreeBusy,
    CalendarItemType
);

impl FieldValue for InferenceClassification {
    const KIND: Kind = Kind::enumeration(&["Focused", "Other"]);
}

impl FieldValue for MeetingRequestType {
    const KIND: Kind = Kind::enumeration(&[
        "None",
        "FullUpdate",
        "InformationalUpdate",
        "NewMeetingRequest",
        "Outdated",
        "SilentUpdate",
        "PrincipalWantsCopy",
    ]);
}

impl FieldValue for LegacyFreeBusy {
    const KIND: Kind = Kind::enumeration(&[
        "Free",
        "Tentative",
        "Busy",
        "OOF",
        "WorkingElsewhere",
        "NoData",
    ]);
}

impl FieldValue for CalendarItemType {
    const KIND: Kind = Kind::enumeration(&["Single", "Occurrence", "Exception", "RecurringMaster"]);
}
