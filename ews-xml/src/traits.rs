//! The codec traits: one type, both directions.

use std::borrow::Cow;

use crate::{Name, ReadError, Reader, StartTag, ValueError, WriteError, Writer};

/// A value that writes itself as one XML element.
///
/// The element's name is chosen by the container (the field of the parent type), so the
/// same type can appear under several names (`t:ToRecipients` and `t:CcRecipients` are both
/// lists of `t:Mailbox`). Derive it with `#[derive(XmlWrite)]`; every [`XmlValue`] gets it
/// for free, written as an element with text content.
pub trait XmlWrite {
    /// Writes `self` as the element `name`: start tag, attributes, content, end tag.
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError>;
}

/// A value that reads itself from one XML element.
///
/// Called right after the [`Reader`] returned the element's start tag; must consume
/// everything up to and including the matching end tag. Unknown child elements are skipped
/// so that newer servers do not break older clients. Derive it with `#[derive(XmlRead)]`.
pub trait XmlRead: Sized {
    /// Reads the element whose start tag is `start`.
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError>;
}

/// A type with an element name of its own (a global element of the schema), declared with
/// `#[xml(ns = "t", name = "Mailbox")]` when derived.
pub trait XmlElement {
    /// The element name.
    const NAME: Name<'static>;
}

/// A choice of elements (`xs:choice`): the element name decides the variant, as for the
/// polymorphic item types (`t:Message`, `t:CalendarItem`, ...).
///
/// Derive it on an enum with `#[derive(XmlWrite, XmlRead)] #[xml(choice)]`.
pub trait XmlChoice: Sized {
    /// Writes the variant as its own element.
    fn write_choice(&self, w: &mut Writer<'_>) -> Result<(), WriteError>;
    /// Whether an element with this start tag is one of the choices.
    fn matches(start: &StartTag) -> bool;
    /// Reads the element; only called when [`matches`](Self::matches) said yes.
    fn read_choice(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError>;
}

/// A value with a text form: element text content or an attribute value
/// (strings, numbers, booleans, enumerations of the schema).
///
/// Derive it on an enum of unit variants with `#[derive(XmlValue)]`; a variant
/// `#[xml(other)] Other(String)` keeps values newer than the schema.
pub trait XmlValue: Sized {
    /// The text form.
    fn to_xml_value(&self) -> Cow<'_, str>;
    /// Parses the text form.
    fn from_xml_value(s: &str) -> Result<Self, ValueError>;
}

impl<T: XmlValue> XmlWrite for T {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        w.text(&self.to_xml_value())?;
        w.end()
    }
}

impl<T: XmlValue> XmlRead for T {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        r.read_value(start)
    }
}

impl XmlValue for String {
    fn to_xml_value(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
    fn from_xml_value(s: &str) -> Result<Self, ValueError> {
        Ok(s.to_owned())
    }
}

impl XmlValue for bool {
    fn to_xml_value(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
    /// `xs:boolean`: `true`, `false`, `1`, `0`, surrounding whitespace ignored.
    fn from_xml_value(s: &str) -> Result<Self, ValueError> {
        match s.trim() {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(ValueError::expected("a boolean (true, false, 1, 0)")),
        }
    }
}

macro_rules! number_values {
    ($($t:ty => $what:literal),* $(,)?) => {$(
        impl XmlValue for $t {
            fn to_xml_value(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
            fn from_xml_value(s: &str) -> Result<Self, ValueError> {
                s.trim().parse().map_err(|_| ValueError::expected($what))
            }
        }
    )*};
}

number_values! {
    i8 => "an integer (i8)", i16 => "an integer (i16)", i32 => "an integer (xs:int)",
    i64 => "an integer (xs:long)", u8 => "an unsigned integer (u8)",
    u16 => "an unsigned integer (u16)", u32 => "an unsigned integer (xs:unsignedInt)",
    u64 => "an unsigned integer (xs:unsignedLong)", usize => "an unsigned integer",
}

impl XmlValue for f64 {
    fn to_xml_value(&self) -> Cow<'_, str> {
        if self.is_nan() {
            Cow::Borrowed("NaN")
        } else if self.is_infinite() {
            Cow::Borrowed(if *self > 0.0 { "INF" } else { "-INF" })
        } else {
            Cow::Owned(self.to_string())
        }
    }
    /// `xs:double`, including `INF`, `-INF` and `NaN`.
    fn from_xml_value(s: &str) -> Result<Self, ValueError> {
        match s.trim() {
            "INF" => Ok(Self::INFINITY),
            "-INF" => Ok(Self::NEG_INFINITY),
            "NaN" => Ok(Self::NAN),
            t => t
                .parse()
                .map_err(|_| ValueError::expected("a number (xs:double)")),
        }
    }
}
