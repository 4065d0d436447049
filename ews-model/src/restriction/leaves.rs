//! The leaves of a search expression: the tests on one property.

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use crate::operations::FieldPath;

/// `t:Constant`: a literal value (`t:ConstantValueType`), always text; Exchange converts it to
/// the property's type (`2014-07-01T07:00:00Z` for a date, `true`, `42`).
///
/// See [Constant](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/constant).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Constant {
    /// `Value`: the text.
    #[xml(attr = "Value")]
    pub value: String,
}

impl Constant {
    /// A constant with this text.
    pub fn new(value: impl Into<String>) -> Self {
        Self {
            value: value.into(),
        }
    }
}

/// The right-hand side of a comparison: the content of `t:FieldURIOrConstant`, a constant
/// or a second property path (compare two properties of the same item).
///
/// Any path element [`FieldPath`] knows is accepted, so a new kind of path is one variant of
/// [`FieldPath`], nothing here.
///
/// ```
/// use ews_model::operations::FieldPath;
/// use ews_model::restriction::Operand;
///
/// assert_eq!(Operand::from("x").constant(), Some("x"));
/// let end = Operand::from(FieldPath::field("calendar:End"));
/// assert_eq!(end.path().and_then(FieldPath::uri), Some("calendar:End"));
/// ```
///
/// See [FieldURIOrConstant](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/fielduriorconstant).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
pub enum Operand {
    /// `t:Constant Value="…"`.
    Constant(Constant),
    /// A property of the same item (`t:FieldURI`, `t:IndexedFieldURI`, …).
    #[xml(other)]
    Path(FieldPath),
}

impl Operand {
    /// The constant's text, if this is a constant.
    pub fn constant(&self) -> Option<&str> {
        match self {
            Self::Constant(c) => Some(&c.value),
            Self::Path(_) => None,
        }
    }

    /// The path, if this is a property.
    pub fn path(&self) -> Option<&FieldPath> {
        match self {
            Self::Path(p) => Some(p),
            Self::Constant(_) => None,
        }
    }
}

impl From<Constant> for Operand {
    fn from(c: Constant) -> Self {
        Self::Constant(c)
    }
}

impl From<FieldPath> for Operand {
    fn from(p: FieldPath) -> Self {
        Self::Path(p)
    }
}

impl From<String> for Operand {
    fn from(s: String) -> Self {
        Self::Constant(Constant::new(s))
    }
}

impl From<&str> for Operand {
    fn from(s: &str) -> Self {
        Self::Constant(Constant::new(s))
    }
}

/// The content of the comparisons (`t:TwoOperandExpressionType`: `t:IsEqualTo`,
/// `t:IsLessThan`, …): a property and what it is compared with.
///
/// See [IsEqualTo](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/isequalto).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TwoOperand {
    /// The property compared.
    #[xml(choice)]
    pub path: FieldPath,
    /// `t:FieldURIOrConstant`: what it is compared with.
    #[xml(wrapper = "FieldURIOrConstant", choice)]
    pub operand: Operand,
}

impl TwoOperand {
    /// `path` compared with `operand`.
    pub fn new(path: FieldPath, operand: impl Into<Operand>) -> Self {
        Self {
            path,
            operand: operand.into(),
        }
    }
}

/// `t:Exists`: the item has the property at all.
///
/// See [Exists](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/exists).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Exists {
    /// The property.
    #[xml(choice)]
    pub path: FieldPath,
}

/// `t:Bitmask Value="…"` of [`Excludes`]: a decimal or `0x` hexadecimal number of any
/// length (`t:ExcludesAttributeType`), kept as text.
///
/// ```
/// use ews_model::restriction::Bitmask;
///
/// assert_eq!(Bitmask::new(6).value, "6");
/// assert_eq!(Bitmask { value: "0x1F".into() }.to_u64(), Some(31));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Bitmask {
    /// `Value`: the mask as written.
    #[xml(attr = "Value")]
    pub value: String,
}

impl Bitmask {
    /// The mask `mask`, written in decimal.
    pub fn new(mask: u64) -> Self {
        Self {
            value: mask.to_string(),
        }
    }

    /// The mask as a number (decimal or `0x`/`0X` hexadecimal), `None` when it is neither or
    /// does not fit.
    pub fn to_u64(&self) -> Option<u64> {
        let v = self.value.trim();
        match v.strip_prefix("0x").or_else(|| v.strip_prefix("0X")) {
            Some(hex) => u64::from_str_radix(hex, 16).ok(),
            None => v.parse().ok(),
        }
    }
}

impl From<u64> for Bitmask {
    fn from(mask: u64) -> Self {
        Self::new(mask)
    }
}

/// `t:Excludes`: the bitwise AND of the property and the mask is zero.
///
/// See [Excludes](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/excludes).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Excludes {
    /// The property (an integer).
    #[xml(choice)]
    pub path: FieldPath,
    /// The mask.
    pub bitmask: Bitmask,
}

/// `ContainmentMode`: which part of the property must match the constant.
///
/// See [Contains](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/contains).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ContainmentMode {
    /// The whole value.
    FullString,
    /// The start of the value.
    Prefixed,
    /// Anywhere in the value.
    Substring,
    /// The start of any word.
    PrefixOnWords,
    /// The exact phrase.
    ExactPhrase,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `ContainmentComparison`: how characters are compared.
///
/// See [Contains](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/contains).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ContainmentComparison {
    /// Exactly.
    Exact,
    /// Ignoring case.
    IgnoreCase,
    /// Ignoring non-spacing characters (diacritics).
    IgnoreNonSpacingCharacters,
    /// Loosely (the server's choice).
    Loose,
    /// Ignoring case and non-spacing characters.
    IgnoreCaseAndNonSpacingCharacters,
    /// Loosely, ignoring case.
    LooseAndIgnoreCase,
    /// Loosely, ignoring non-spacing characters.
    LooseAndIgnoreNonSpace,
    /// Loosely, ignoring case and non-spacing characters.
    LooseAndIgnoreCaseAndIgnoreNonSpace,
    /// A value newer than this crate.
    #[xml(other)]
    Other(String),
}

/// `t:Contains`: a text property contains the constant (content index search).
///
/// Without `ContainmentMode` Exchange compares the full string, without
/// `ContainmentComparison` exactly.
///
/// See [Contains](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/contains).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Contains {
    /// `ContainmentMode`.
    #[xml(attr)]
    pub containment_mode: Option<ContainmentMode>,
    /// `ContainmentComparison`.
    #[xml(attr)]
    pub containment_comparison: Option<ContainmentComparison>,
    /// The property (a string or a list of strings).
    #[xml(choice)]
    pub path: FieldPath,
    /// The text searched for.
    pub constant: Constant,
}
