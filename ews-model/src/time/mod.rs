//! Date-times and time zones as EWS writes and reads them.
//!
//! - [`DateTime`], [`Date`], [`Time`] and [`Duration`]: the XML Schema values (`xs:dateTime`,
//!   `xs:date`, `xs:time`, `xs:duration`), lenient on read (every form servers send), exact
//!   on write (UTC, `Z`).
//! - [`TimeZone`]: a zone as EWS names it (a Windows id such as `W. Europe Standard Time`) and
//!   as [`jiff`] computes it (an IANA zone such as `Europe/Berlin`), mapped through Unicode
//!   CLDR's `windowsZones.xml`; [`TimeZone::resolve`] turns what clients really send
//!   (display names, `Customized Time Zone` with a definition) into one.
//! - [`TimeZoneDefinition`]: the `t:TimeZoneDefinition` of `t:TimeZoneContext` and of the
//!   calendar item fields `StartTimeZone`/`EndTimeZone`: read, write, build one from a
//!   [`TimeZone`] ([`TimeZone::to_definition`]), and compute the UTC offset it gives at an
//!   instant ([`TimeZoneDefinition::offset_at`]).
//!
//! ```
//! use ews_model::time::{DateTime, TimeZone};
//!
//! let berlin = TimeZone::from_iana("Europe/Berlin")?;
//! assert_eq!(berlin.ms_id(), "W. Europe Standard Time");
//! let t: DateTime = "2026-07-01T12:00:00Z".parse()?;
//! let def = berlin.to_definition(2026..=2026)?;
//! assert_eq!(def.offset_at(t.0).map(|o| o.seconds()), Some(2 * 3600));
//! # Ok::<(), ews_model::time::TimeError>(())
//! ```

mod definition;
mod parse;
mod rules;
mod values;
mod windows_zones;
mod zone;

pub use definition::{
    AbsoluteDateTransition, DayOfWeek, Period, PlainTransition, RecurringDateTransition,
    RecurringDayTransition, TimeZoneDefinition, Transition, TransitionTarget, TransitionTargetKind,
    TransitionsGroup,
};
pub use values::{Date, DateTime, Duration, Time};
pub use zone::TimeZone;

/// What went wrong with a date, time or time zone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimeError {
    /// Text that is not the expected date, time or duration form.
    #[error("invalid {expected}: {value:?}")]
    Parse {
        /// What was expected, e.g. `xs:dateTime`.
        expected: &'static str,
        /// The text (cut to 80 characters).
        value: String,
    },
    /// A time zone id or name that is not known.
    #[error("unknown time zone {0:?}")]
    UnknownZone(String),
    /// A time zone that cannot be written as a `TimeZoneDefinition` (a year range outside
    /// what jiff supports, or an empty range).
    #[error("cannot build a time zone definition: {0}")]
    Definition(&'static str),
}
