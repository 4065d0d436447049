//! Retrying: the pure [`classify`]ers of responses and connection failures, the per-server
//! [`BackOff`] deadline and the exponential [`Schedule`] with jitter (no I/O, no clock: the
//! caller passes `now` in), and the [`Retry`] layer that waits and repeats per a
//! [`RetryPolicy`].

mod classify;
mod layer;
mod schedule;

pub use classify::{
    FailKind, IoFailure, RetryReason, Verdict, classify, classify_io, classify_unauthorized,
};
pub use layer::{Retry, RetryPolicy};
pub use schedule::{BackOff, Jitter, RandomJitter, Schedule};
