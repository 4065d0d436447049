//! Exchange builds and EWS schema versions.
//!
//! A server reports its build and schema version in the `ServerVersionInfo` header of every
//! response; a client names the schema version it speaks in `RequestServerVersion`. Field and
//! operation gates compare against [`ExchangeVersion`].
//!
//! Reference: [ExchangeVersionType](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/requestserverversion),
//! [Exchange Server build numbers](https://learn.microsoft.com/en-us/exchange/new-features/build-numbers-and-release-dates).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use ews_xml::soap::ServerVersionInfo;
use ews_xml::{ValueError, XmlValue};

/// An Exchange build number: `major.minor.major_build.minor_build`, ordered.
///
/// ```
/// use ews_model::version::{Build, ExchangeVersion, Product};
///
/// let b: Build = "15.1.2507.6".parse()?;
/// assert_eq!(b.product(), Product::Exchange2016);
/// assert_eq!(b.api_version(), ExchangeVersion::Exchange2016);
/// assert!(b > Build::new(15, 0, 847, 32));
/// # Ok::<(), ews_model::version::ParseBuildError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Build {
    /// Major version (8 = 2007, 14 = 2010, 15 = 2013 and later).
    pub major: u16,
    /// Minor version (15.0 = 2013, 15.1 = 2016, 15.2 = 2019, 15.20 = Exchange Online).
    pub minor: u16,
    /// Major build number.
    pub major_build: u16,
    /// Minor build number.
    pub minor_build: u16,
}

/// The first build of Exchange 2013 SP1, the first to speak `Exchange2013_SP1`.
const EXCHANGE_2013_SP1: Build = Build::new(15, 0, 847, 0);

impl Build {
    /// A build number.
    pub const fn new(major: u16, minor: u16, major_build: u16, minor_build: u16) -> Self {
        Self {
            major,
            minor,
            major_build,
            minor_build,
        }
    }

    /// The product this build belongs to.
    pub fn product(&self) -> Product {
        match (self.major, self.minor) {
            (8, _) => Product::Exchange2007,
            (14, _) => Product::Exchange2010,
            (15, 0) => Product::Exchange2013,
            (15, 1) => Product::Exchange2016,
            (15, 2) => Product::Exchange2019,
            (15, m) if m >= 20 => Product::ExchangeOnline,
            _ => Product::Unknown,
        }
    }

    /// The newest schema version this build speaks, to send as `RequestServerVersion`.
    ///
    /// Exchange 2007 SP2/SP3 speak `Exchange2007_SP1`, Exchange 2010 SP3 speaks
    /// `Exchange2010_SP2`, Exchange 2019 and Exchange Online speak `Exchange2016` (what
    /// Microsoft's own clients send them). Builds older than Exchange 2007 get
    /// `Exchange2007`; builds newer than known get `Exchange2016`.
    pub fn api_version(&self) -> ExchangeVersion {
        use ExchangeVersion as V;
        match (self.major, self.minor) {
            (0..=8, 0) => V::Exchange2007,
            (0..=8, _) => V::Exchange2007Sp1,
            (9..=14, 0) => V::Exchange2010,
            (9..=14, 1) => V::Exchange2010Sp1,
            (9..=14, _) => V::Exchange2010Sp2,
            (15, 0) if *self >= EXCHANGE_2013_SP1 => V::Exchange2013Sp1,
            (15, 0) => V::Exchange2013,
            _ => V::Exchange2016,
        }
    }
}

impl fmt::Display for Build {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}.{}.{}.{}",
            self.major, self.minor, self.major_build, self.minor_build
        )
    }
}

/// A string that is not a build number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid build number {0:?}: expected two to four dot-separated numbers")]
pub struct ParseBuildError(String);

impl FromStr for Build {
    type Err = ParseBuildError;

    /// Parses `15.1`, `15.1.2507` or `15.1.2507.6`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseBuildError(s.chars().take(40).collect());
        let mut parts = [0u16; 4];
        let mut n = 0;
        for part in s.trim().split('.') {
            let slot = parts.get_mut(n).ok_or_else(err)?;
            *slot = part.parse().map_err(|_| err())?;
            n += 1;
        }
        if n < 2 {
            return Err(err());
        }
        let [major, minor, major_build, minor_build] = parts;
        Ok(Self {
            major,
            minor,
            major_build,
            minor_build,
        })
    }
}

/// The product family of a [`Build`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Product {
    /// Exchange Server 2007 (8.x).
    Exchange2007,
    /// Exchange Server 2010 (14.x).
    Exchange2010,
    /// Exchange Server 2013 (15.0).
    Exchange2013,
    /// Exchange Server 2016 (15.1).
    Exchange2016,
    /// Exchange Server 2019 and Subscription Edition (15.2).
    Exchange2019,
    /// Exchange Online / Microsoft 365 (15.20 and later).
    ExchangeOnline,
    /// A build this crate does not place.
    Unknown,
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Exchange2007 => "Exchange 2007",
            Self::Exchange2010 => "Exchange 2010",
            Self::Exchange2013 => "Exchange 2013",
            Self::Exchange2016 => "Exchange 2016",
            Self::Exchange2019 => "Exchange 2019",
            Self::ExchangeOnline => "Exchange Online",
            Self::Unknown => "unknown Exchange",
        })
    }
}

macro_rules! exchange_versions {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)*) => {
        /// An EWS schema version: every value of the schema's `ExchangeVersionType`, in
        /// schema order (which is also their order of appearance: comparisons say "at least").
        ///
        /// ```
        /// use ews_model::version::ExchangeVersion;
        ///
        /// let v: ExchangeVersion = "Exchange2013_SP1".parse()?;
        /// assert!(v >= ExchangeVersion::Exchange2010Sp1);
        /// assert_eq!(v.as_str(), "Exchange2013_SP1");
        /// # Ok::<(), ews_model::version::UnknownVersion>(())
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum ExchangeVersion {
            $($(#[$doc])* $variant,)*
        }

        impl ExchangeVersion {
            /// Every version, oldest first.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// The schema value (`Exchange2010_SP1`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }

            /// The version with this schema value, exactly.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

exchange_versions! {
    /// Exchange 2007 RTM.
    Exchange2007 => "Exchange2007",
    /// Exchange 2007 SP1 (also SP2, SP3).
    Exchange2007Sp1 => "Exchange2007_SP1",
    /// An internal version between Exchange 2007 and 2010.
    Exchange2009 => "Exchange2009",
    /// Exchange 2010 RTM.
    Exchange2010 => "Exchange2010",
    /// Exchange 2010 SP1.
    Exchange2010Sp1 => "Exchange2010_SP1",
    /// Exchange 2010 SP2 (also SP3).
    Exchange2010Sp2 => "Exchange2010_SP2",
    /// An internal version between Exchange 2010 and 2013.
    Exchange2012 => "Exchange2012",
    /// Exchange 2013 RTM.
    Exchange2013 => "Exchange2013",
    /// Exchange 2013 SP1 and later cumulative updates.
    Exchange2013Sp1 => "Exchange2013_SP1",
    /// An internal version between Exchange 2013 and 2016.
    Exchange2015 => "Exchange2015",
    /// Exchange 2016; also what Exchange 2019 and Exchange Online are asked for.
    Exchange2016 => "Exchange2016",
    /// Exchange Online schema of 2015-10-05.
    V2015_10_05 => "V2015_10_05",
    /// Exchange Online schema of 2016-01-06.
    V2016_01_06 => "V2016_01_06",
    /// Exchange Online schema of 2016-04-13.
    V2016_04_13 => "V2016_04_13",
    /// Exchange Online schema of 2016-07-13.
    V2016_07_13 => "V2016_07_13",
    /// Exchange Online schema of 2016-10-10.
    V2016_10_10 => "V2016_10_10",
    /// Exchange Online schema of 2017-01-07.
    V2017_01_07 => "V2017_01_07",
    /// Exchange Online schema of 2017-04-14.
    V2017_04_14 => "V2017_04_14",
    /// Exchange Online schema of 2017-07-11.
    V2017_07_11 => "V2017_07_11",
    /// Exchange Online schema of 2017-10-09.
    V2017_10_09 => "V2017_10_09",
    /// Exchange Online schema of 2018-01-08.
    V2018_01_08 => "V2018_01_08",
}

impl fmt::Display for ExchangeVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not an `ExchangeVersionType` value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown Exchange schema version {0:?}")]
pub struct UnknownVersion(String);

impl FromStr for ExchangeVersion {
    type Err = UnknownVersion;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_name(s).ok_or_else(|| UnknownVersion(s.chars().take(40).collect()))
    }
}

impl XmlValue for ExchangeVersion {
    fn to_xml_value(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
    fn from_xml_value(s: &str) -> Result<Self, ValueError> {
        Self::from_name(s.trim()).ok_or(ValueError::expected("an ExchangeVersionType value"))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ExchangeVersion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ExchangeVersion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        Self::from_name(&s).ok_or_else(|| serde::de::Error::custom(UnknownVersion(s.into_owned())))
    }
}

/// What a server is: its build, if known, and the schema version to speak with it.
///
/// ```
/// use ews_model::version::{Build, ExchangeVersion, Version};
/// use ews_xml::soap::ServerVersionInfo;
///
/// let mut info = ServerVersionInfo::default();
/// (info.major_version, info.minor_version) = (Some(15), Some(20));
/// (info.major_build_number, info.minor_build_number) = (Some(7249), Some(22));
/// info.version = Some("V2018_01_08".into());
/// let v = Version::from_server_version_info(&info).unwrap();
/// assert_eq!(v.build, Some(Build::new(15, 20, 7249, 22)));
/// assert_eq!(v.api_version, ExchangeVersion::V2018_01_08);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Version {
    /// The server's build, when it said.
    pub build: Option<Build>,
    /// The schema version to send as `RequestServerVersion`.
    pub api_version: ExchangeVersion,
}

impl Version {
    /// A version from a known build; the API version follows from it.
    pub fn from_build(build: Build) -> Self {
        Self {
            build: Some(build),
            api_version: build.api_version(),
        }
    }

    /// A version from an API version alone.
    pub fn from_api_version(api_version: ExchangeVersion) -> Self {
        Self {
            build: None,
            api_version,
        }
    }

    /// Reads the `ServerVersionInfo` header.
    ///
    /// The `Version` attribute is used when it is a schema value (`Exchange2016`,
    /// `V2017_07_11`...). Servers also report values outside the schema (Exchange 2013 sends
    /// `V2_10`, `V2_12`...); then the API version follows from the build. Without a usable
    /// version or build, `None`.
    pub fn from_server_version_info(info: &ServerVersionInfo) -> Option<Self> {
        let num = |v: Option<i32>| v.and_then(|v| u16::try_from(v).ok());
        let build = match (num(info.major_version), num(info.minor_version)) {
            (Some(major), Some(minor)) => Some(Build::new(
                major,
                minor,
                num(info.major_build_number).unwrap_or(0),
                num(info.minor_build_number).unwrap_or(0),
            )),
            _ => None,
        };
        let named = info
            .version
            .as_deref()
            .and_then(|v| ExchangeVersion::from_name(v.trim()));
        let api_version = named.or_else(|| build.map(|b| b.api_version()))?;
        Some(Self { build, api_version })
    }

    /// Whether the server speaks at least `version`.
    pub fn supports(&self, version: ExchangeVersion) -> bool {
        self.api_version >= version
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.build {
            Some(b) => write!(
                f,
                "{} (build {b}, schema {})",
                b.product(),
                self.api_version
            ),
            None => write!(f, "schema {}", self.api_version),
        }
    }
}

#[cfg(test)]
mod tests;
