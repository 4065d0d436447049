//! The EWS SOAP headers.

use crate::{
    Name, Ns, ReadError, ReadErrorKind, Reader, StartTag, WriteError, Writer, XmlElement, XmlRead,
    XmlWrite,
};

/// The SOAP header of a request.
///
/// References: [RequestServerVersion](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/requestserverversion),
/// [ExchangeImpersonation](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/exchangeimpersonation),
/// [TimeZoneContext](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/timezonecontext),
/// [ManagementRole](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/managementrole),
/// [DateTimePrecision](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/datetimeprecision).
///
/// ```
/// use ews_xml::soap::{Impersonation, RequestHeader};
///
/// let header = RequestHeader::new("Exchange2016")
///     .impersonate(Impersonation::PrimarySmtpAddress("bob@example.test".into()))
///     .time_zone("W. Europe Standard Time");
/// assert_eq!(header.version.as_deref(), Some("Exchange2016"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RequestHeader {
    /// `RequestServerVersion/@Version`: an `ExchangeVersionType` value such as `Exchange2016`.
    pub version: Option<String>,
    /// Act as another user (`ExchangeImpersonation`).
    pub impersonation: Option<Impersonation>,
    /// The time zone for date-times without one (`TimeZoneContext`).
    pub time_zone: Option<TimeZoneContext>,
    /// RBAC roles for the call (`ManagementRole`).
    pub management_role: Option<ManagementRole>,
    /// Precision of returned date-times (`DateTimePrecision`, Exchange 2010 SP2 and later).
    pub date_time_precision: Option<DateTimePrecision>,
}

impl RequestHeader {
    /// A header with `RequestServerVersion` set to `version`.
    pub fn new(version: impl Into<String>) -> Self {
        Self {
            version: Some(version.into()),
            ..Self::default()
        }
    }
    /// Sets the impersonated user.
    #[must_use]
    pub fn impersonate(mut self, who: Impersonation) -> Self {
        self.impersonation = Some(who);
        self
    }
    /// Sets the time zone context by Microsoft time zone id.
    #[must_use]
    pub fn time_zone(mut self, id: impl Into<String>) -> Self {
        self.time_zone = Some(TimeZoneContext {
            id: id.into(),
            name: None,
        });
        self
    }
    /// Whether no header element would be written.
    pub fn is_empty(&self) -> bool {
        self.version.is_none()
            && self.impersonation.is_none()
            && self.time_zone.is_none()
            && self.management_role.is_none()
            && self.date_time_precision.is_none()
    }
}

impl XmlWrite for RequestHeader {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        if let Some(v) = &self.version {
            w.start(Name::t("RequestServerVersion"))?;
            w.attr("Version", v)?;
            w.end()?;
        }
        if let Some(i) = &self.impersonation {
            w.start(Name::t("ExchangeImpersonation"))?;
            w.start(Name::t("ConnectingSID"))?;
            w.element_text(Name::t(i.element()), i.value())?;
            w.end()?;
            w.end()?;
        }
        if let Some(tz) = &self.time_zone {
            w.start(Name::t("TimeZoneContext"))?;
            w.start(Name::t("TimeZoneDefinition"))?;
            w.attr("Id", &tz.id)?;
            if let Some(n) = &tz.name {
                w.attr("Name", n)?;
            }
            w.end()?;
            w.end()?;
        }
        if let Some(role) = &self.management_role {
            w.start(Name::t("ManagementRole"))?;
            for (list, roles) in [
                ("UserRoles", &role.user_roles),
                ("ApplicationRoles", &role.application_roles),
            ] {
                if !roles.is_empty() {
                    w.start(Name::t(list))?;
                    for r in roles {
                        w.element_text(Name::t("Role"), r)?;
                    }
                    w.end()?;
                }
            }
            w.end()?;
        }
        if let Some(p) = self.date_time_precision {
            w.element_text(Name::t("DateTimePrecision"), p.as_str())?;
        }
        w.end()
    }
}

impl XmlRead for RequestHeader {
    fn read_xml(r: &mut Reader<'_>, _start: &StartTag) -> Result<Self, ReadError> {
        let mut h = Self::default();
        while let Some(child) = r.next_child()? {
            if child.ns() != Ns::Types {
                r.skip_element()?;
                continue;
            }
            match child.local_name() {
                "RequestServerVersion" => {
                    h.version = Some(required_attr(r, &child, "Version")?.to_owned());
                    r.skip_element()?;
                }
                "ExchangeImpersonation" => h.impersonation = read_impersonation(r)?,
                "TimeZoneContext" => {
                    while let Some(def) = r.next_child()? {
                        if def.is(Name::t("TimeZoneDefinition")) {
                            h.time_zone = Some(TimeZoneContext {
                                id: required_attr(r, &def, "Id")?.to_owned(),
                                name: def.attr("Name").map(str::to_owned),
                            });
                        }
                        r.skip_element()?;
                    }
                }
                "ManagementRole" => {
                    let mut role = ManagementRole::default();
                    while let Some(list) = r.next_child()? {
                        let target = match list.local_name() {
                            "UserRoles" => &mut role.user_roles,
                            "ApplicationRoles" => &mut role.application_roles,
                            _ => {
                                r.skip_element()?;
                                continue;
                            }
                        };
                        while let Some(item) = r.next_child()? {
                            if item.is(Name::t("Role")) {
                                target.push(r.read_text()?);
                            } else {
                                r.skip_element()?;
                            }
                        }
                    }
                    h.management_role = Some(role);
                }
                "DateTimePrecision" => {
                    let text = r.read_text()?;
                    h.date_time_precision = Some(match text.trim() {
                        "Seconds" => DateTimePrecision::Seconds,
                        "Milliseconds" => DateTimePrecision::Milliseconds,
                        _ => {
                            return Err(r.error(ReadErrorKind::InvalidValue {
                                value: text,
                                expected: "Seconds or Milliseconds",
                            }));
                        }
                    });
                }
                _ => r.skip_element()?,
            }
        }
        Ok(h)
    }
}

fn required_attr<'t>(
    r: &Reader<'_>,
    tag: &'t StartTag,
    name: &'static str,
) -> Result<&'t str, ReadError> {
    tag.attr(name)
        .ok_or_else(|| r.error(ReadErrorKind::MissingAttribute(name)))
}

fn read_impersonation(r: &mut Reader<'_>) -> Result<Option<Impersonation>, ReadError> {
    let mut found = None;
    while let Some(sid) = r.next_child()? {
        if !sid.is(Name::t("ConnectingSID")) {
            r.skip_element()?;
            continue;
        }
        while let Some(id) = r.next_child()? {
            let make: fn(String) -> Impersonation = match (id.ns(), id.local_name()) {
                (Ns::Types, "PrincipalName") => Impersonation::PrincipalName,
                (Ns::Types, "SID") => Impersonation::Sid,
                (Ns::Types, "PrimarySmtpAddress") => Impersonation::PrimarySmtpAddress,
                (Ns::Types, "SmtpAddress") => Impersonation::SmtpAddress,
                _ => {
                    r.skip_element()?;
                    continue;
                }
            };
            found = Some(make(r.read_text()?));
        }
    }
    Ok(found)
}

/// Whom to impersonate: exactly one identifier, as `ConnectingSID` allows.
///
/// Reference: [ConnectingSID](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/connectingsid).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Impersonation {
    /// The user principal name (`alice@corp.example`).
    PrincipalName(String),
    /// The security identifier (`S-1-5-21-...`).
    Sid(String),
    /// The primary SMTP address (the usual choice).
    PrimarySmtpAddress(String),
    /// Any SMTP address of the mailbox.
    SmtpAddress(String),
}

impl Impersonation {
    fn element(&self) -> &'static str {
        match self {
            Self::PrincipalName(_) => "PrincipalName",
            Self::Sid(_) => "SID",
            Self::PrimarySmtpAddress(_) => "PrimarySmtpAddress",
            Self::SmtpAddress(_) => "SmtpAddress",
        }
    }
    /// The identifier.
    pub fn value(&self) -> &str {
        match self {
            Self::PrincipalName(v)
            | Self::Sid(v)
            | Self::PrimarySmtpAddress(v)
            | Self::SmtpAddress(v) => v,
        }
    }
}

/// `TimeZoneContext`: the time zone the server uses for date-times that carry none.
///
/// Only the time zone's id (and optional name) is written, as Exchange needs no more for its own
/// zones; full definitions live in `ews-model`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TimeZoneContext {
    /// The Microsoft time zone id (`W. Europe Standard Time`).
    pub id: String,
    /// Its display name, if any.
    pub name: Option<String>,
}

impl TimeZoneContext {
    /// A context for the Microsoft time zone `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: None,
        }
    }
}

/// `ManagementRole`: the RBAC roles to run the request with (Exchange 2013 and later).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ManagementRole {
    /// User roles.
    pub user_roles: Vec<String>,
    /// Application roles.
    pub application_roles: Vec<String>,
}

/// `DateTimePrecision`: whether returned date-times carry milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum DateTimePrecision {
    /// Whole seconds (the server's default).
    Seconds,
    /// Milliseconds.
    Milliseconds,
}

impl DateTimePrecision {
    /// The schema value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Seconds => "Seconds",
            Self::Milliseconds => "Milliseconds",
        }
    }
}

/// The `ServerVersionInfo` response header: the server's build and schema version.
///
/// Reference: [ServerVersionInfo](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/serverversioninfo).
/// Exchange Online reports versions such as `V2018_01_08` with build 15.20; interpreting them is
/// `ews-model`'s job, this type keeps what was sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ServerVersionInfo {
    /// `MajorVersion` (15 for Exchange 2013 to 2019 and Online).
    pub major_version: Option<i32>,
    /// `MinorVersion`.
    pub minor_version: Option<i32>,
    /// `MajorBuildNumber`.
    pub major_build_number: Option<i32>,
    /// `MinorBuildNumber`.
    pub minor_build_number: Option<i32>,
    /// `Version`, e.g. `Exchange2016` or `V2018_01_08`.
    pub version: Option<String>,
}

impl XmlElement for ServerVersionInfo {
    const NAME: Name<'static> = Name::t("ServerVersionInfo");
}

const VERSION_ATTRS: [&str; 4] = [
    "MajorVersion",
    "MinorVersion",
    "MajorBuildNumber",
    "MinorBuildNumber",
];

impl XmlWrite for ServerVersionInfo {
    fn write_xml(&self, w: &mut Writer<'_>, name: Name<'_>) -> Result<(), WriteError> {
        w.start(name)?;
        let numbers = [
            self.major_version,
            self.minor_version,
            self.major_build_number,
            self.minor_build_number,
        ];
        for (attr, n) in VERSION_ATTRS.iter().zip(numbers) {
            if let Some(n) = n {
                w.attr(attr, &n.to_string())?;
            }
        }
        if let Some(v) = &self.version {
            w.attr("Version", v)?;
        }
        w.end()
    }
}

impl XmlRead for ServerVersionInfo {
    fn read_xml(r: &mut Reader<'_>, start: &StartTag) -> Result<Self, ReadError> {
        let mut numbers = [None; 4];
        for (attr, slot) in VERSION_ATTRS.iter().zip(numbers.iter_mut()) {
            if let Some(v) = start.attr(attr) {
                *slot = Some(r.parse_value::<i32>(v)?);
            }
        }
        let [
            major_version,
            minor_version,
            major_build_number,
            minor_build_number,
        ] = numbers;
        let version = start.attr("Version").map(str::to_owned);
        r.skip_element()?;
        Ok(Self {
            major_version,
            minor_version,
            major_build_number,
            minor_build_number,
            version,
        })
    }
}
