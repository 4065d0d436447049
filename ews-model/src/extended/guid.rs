//! GUIDs as EWS writes them (`GuidType`): property set ids and `CLSID` values.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use ews_xml::{ValueError, XmlValue};

use super::ExtendedError;

/// A GUID, `00062008-0000-0000-c000-000000000046`: a property set id or a `CLSID` value.
///
/// Reading accepts upper and lower case hex digits, braces around the whole
/// (`{00062008-...}`) and surrounding whitespace; writing is lower case without braces, as
/// .NET (and so Exchange) writes them. The `u128` is the GUID's text read as one big-endian
/// number, so `Guid::from_u128(0x00062008_0000_0000_c000_000000000046)` is the GUID above.
///
/// ```
/// use ews_model::extended::Guid;
///
/// const PSETID_TASK: Guid = Guid::from_u128(0x00062003_0000_0000_C000_000000000046);
/// let g: Guid = "{00062003-0000-0000-C000-000000000046}".parse()?;
/// assert_eq!(g, PSETID_TASK);
/// assert_eq!(g.to_string(), "00062003-0000-0000-c000-000000000046");
/// # Ok::<(), ews_model::extended::ExtendedError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Guid(u128);

impl Guid {
    /// The nil GUID (all zeros).
    pub const NIL: Self = Self(0);

    /// The GUID whose text form, read as hex without dashes, is `value`.
    pub const fn from_u128(value: u128) -> Self {
        Self(value)
    }

    /// The GUID as one number (its text form read as hex without dashes).
    pub const fn as_u128(self) -> u128 {
        self.0
    }

    /// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (any case, braces allowed, no
    /// whitespace); usable in constants.
    pub const fn parse(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        let (start, end) = if b.len() == 38 && b[0] == b'{' && b[37] == b'}' {
            (1, 37)
        } else if b.len() == 36 {
            (0, 36)
        } else {
            return None;
        };
        let mut value: u128 = 0;
        let mut i = start;
        while i < end {
            let c = b[i];
            let pos = i - start;
            if pos == 8 || pos == 13 || pos == 18 || pos == 23 {
                if c != b'-' {
                    return None;
                }
            } else {
                let digit = match c {
                    b'0'..=b'9' => c - b'0',
                    b'a'..=b'f' => c - b'a' + 10,
                    b'A'..=b'F' => c - b'A' + 10,
                    _ => return None,
                };
                value = (value << 4) | digit as u128;
            }
            i += 1;
        }
        Some(Self(value))
    }
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            v >> 96,
            (v >> 80) & 0xffff,
            (v >> 64) & 0xffff,
            (v >> 48) & 0xffff,
            v & 0xffff_ffff_ffff
        )
    }
}

impl FromStr for Guid {
    type Err = ExtendedError;
    /// Like [`Guid::parse`], surrounding whitespace ignored.
    fn from_str(s: &str) -> Result<Self, ExtendedError> {
        Self::parse(s.trim()).ok_or_else(|| ExtendedError::InvalidGuid(super::cut(s)))
    }
}

impl XmlValue for Guid {
    fn to_xml_value(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
    fn from_xml_value(s: &str) -> Result<Self, ValueError> {
        Self::parse(s.trim()).ok_or(ValueError::expected("a GUID"))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Guid {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Guid {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let g = Guid::parse("6ED8DA90-450B-101B-98DA-00AA003F1305").unwrap();
        assert_eq!(g.as_u128(), 0x6ED8DA90_450B_101B_98DA_00AA003F1305);
        assert_eq!(g.to_string(), "6ed8da90-450b-101b-98da-00aa003f1305");
        assert_eq!(" {6ed8da90-450b-101b-98da-00aa003f1305} ".parse(), Ok(g));
        for bad in [
            "",
            "6ED8DA90-450B-101B-98DA-00AA003F130",
            "6ED8DA90-450B-101B-98DA-00AA003F13050",
            "6ED8DA90+450B-101B-98DA-00AA003F1305",
            "6ED8DA9G-450B-101B-98DA-00AA003F1305",
            "{6ED8DA90-450B-101B-98DA-00AA003F1305",
            "6ED8DA90450B101B98DA00AA003F1305",
            "6ED8DA90-450B-101B-98DA-00AA003F13é",
        ] {
            assert!(bad.parse::<Guid>().is_err(), "{bad}");
        }
    }
}
