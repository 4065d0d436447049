//! Property sets of named properties: the distinguished ones and any by GUID.

use super::Guid;

/// A property set of named properties: one of the sets EWS knows by name
/// (`DistinguishedPropertySetId`) or any set by its GUID (`PropertySetId`).
///
/// A distinguished set and its GUID name the same set: [`PropertySet::same_set`] compares
/// that way, and [`PropertySet::guid`] gives the GUID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum PropertySet {
    /// `PSETID_Meeting` (6ed8da90-450b-101b-98da-00aa003f1305).
    Meeting,
    /// `PSETID_Appointment` (00062002-0000-0000-c000-000000000046).
    Appointment,
    /// `PSETID_Common` (00062008-0000-0000-c000-000000000046).
    Common,
    /// `PS_PUBLIC_STRINGS` (00020329-0000-0000-c000-000000000046): where Outlook keeps user
    /// defined fields.
    PublicStrings,
    /// `PSETID_Address` (00062004-0000-0000-c000-000000000046).
    Address,
    /// `PS_INTERNET_HEADERS` (00020386-0000-0000-c000-000000000046): names are header names,
    /// compared without regard to case.
    InternetHeaders,
    /// `PSETID_CalendarAssistant` (11000e07-b51b-40d6-af21-caa85edab1d0).
    CalendarAssistant,
    /// `PSETID_UnifiedMessaging` (4442858e-a9e3-4e80-b900-317a210cc15b).
    UnifiedMessaging,
    /// `PSETID_Task` (00062003-0000-0000-c000-000000000046).
    Task,
    /// `PSETID_Sharing` (00062040-0000-0000-c000-000000000046).
    Sharing,
    /// Any set by its GUID (`PropertySetId`).
    Guid(Guid),
}

const DISTINGUISHED: [(PropertySet, &str, u128); 10] = [
    (
        PropertySet::Meeting,
        "Meeting",
        0x6ed8da90_450b_101b_98da_00aa003f1305,
    ),
    (
        PropertySet::Appointment,
        "Appointment",
        0x00062002_0000_0000_c000_000000000046,
    ),
    (
        PropertySet::Common,
        "Common",
        0x00062008_0000_0000_c000_000000000046,
    ),
    (
        PropertySet::PublicStrings,
        "PublicStrings",
        0x00020329_0000_0000_c000_000000000046,
    ),
    (
        PropertySet::Address,
        "Address",
        0x00062004_0000_0000_c000_000000000046,
    ),
    (
        PropertySet::InternetHeaders,
        "InternetHeaders",
        0x00020386_0000_0000_c000_000000000046,
    ),
    (
        PropertySet::CalendarAssistant,
        "CalendarAssistant",
        0x11000e07_b51b_40d6_af21_caa85edab1d0,
    ),
    (
        PropertySet::UnifiedMessaging,
        "UnifiedMessaging",
        0x4442858e_a9e3_4e80_b900_317a210cc15b,
    ),
    (
        PropertySet::Task,
        "Task",
        0x00062003_0000_0000_c000_000000000046,
    ),
    (
        PropertySet::Sharing,
        "Sharing",
        0x00062040_0000_0000_c000_000000000046,
    ),
];

impl PropertySet {
    /// The `DistinguishedPropertySetId` value, `None` for [`PropertySet::Guid`].
    pub fn distinguished_name(self) -> Option<&'static str> {
        DISTINGUISHED
            .iter()
            .find(|(set, ..)| *set == self)
            .map(|(_, name, _)| *name)
    }

    /// A `DistinguishedPropertySetId` value (exactly as the schema spells it).
    pub fn from_distinguished_name(name: &str) -> Option<Self> {
        DISTINGUISHED
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(set, ..)| *set)
    }

    /// The set's GUID (also for the distinguished sets).
    pub fn guid(self) -> Guid {
        match self {
            Self::Guid(guid) => guid,
            _ => DISTINGUISHED
                .iter()
                .find(|(set, ..)| *set == self)
                .map_or(Guid::NIL, |(.., g)| Guid::from_u128(*g)),
        }
    }

    /// Whether both name the same set (`Task` and `Guid(00062003-...)` do).
    pub fn same_set(self, other: Self) -> bool {
        self.guid() == other.guid()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinguished_sets() {
        for (set, name, _) in DISTINGUISHED {
            assert_eq!(set.distinguished_name(), Some(name));
            assert_ne!(set.guid(), Guid::NIL);
        }
        assert_eq!(
            PropertySet::from_distinguished_name("PublicStrings"),
            Some(PropertySet::PublicStrings)
        );
        assert_eq!(PropertySet::from_distinguished_name("publicstrings"), None);
        assert!(
            PropertySet::Task.same_set(PropertySet::Guid(Guid::from_u128(
                0x00062003_0000_0000_c000_000000000046
            )))
        );
    }
}
