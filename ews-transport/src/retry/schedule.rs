//! When to try again: the per-server [`BackOff`] deadline and the exponential [`Schedule`]
//! with [`Jitter`]. No clock: the caller passes `now` in.

use std::fmt;
use std::time::{Duration, Instant};

/// The per-server back-off deadline: every request to that server waits until it has passed.
/// Shared by all requests to one server (the client keeps it behind a mutex).
#[derive(Clone, Copy, Debug, Default)]
pub struct BackOff {
    until: Option<Instant>,
}

impl BackOff {
    /// Records the server's request to back off for `wait` from `now`. A later deadline
    /// wins; an earlier one never shortens the current wait.
    pub fn handle_back_off(&mut self, now: Instant, wait: Duration) {
        let until = now + wait;
        if self.until.is_none_or(|u| u < until) {
            self.until = Some(until);
        }
    }
    /// How long a request starting at `now` must still wait (`None`: go ahead).
    pub fn poll_wait(&self, now: Instant) -> Option<Duration> {
        self.until
            .and_then(|u| u.checked_duration_since(now))
            .filter(|d| !d.is_zero())
    }
}

/// A source of jitter: a factor in `[0, 1)`. Injectable so tests are deterministic.
pub trait Jitter: Send + Sync + fmt::Debug {
    /// The next factor in `[0, 1)`.
    fn next_factor(&self) -> f64;
}

/// Jitter from the thread-local random generator.
#[derive(Clone, Copy, Debug, Default)]
pub struct RandomJitter;

impl Jitter for RandomJitter {
    fn next_factor(&self) -> f64 {
        rand::random::<f64>()
    }
}

/// Exponential back-off: `base * 2^retry`, capped at `cap`, then scaled into
/// `[0.5, 1.0)` of itself by the jitter ("equal jitter").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Schedule {
    /// The first delay before jitter.
    pub base: Duration,
    /// The largest delay before jitter.
    pub cap: Duration,
}

impl Default for Schedule {
    fn default() -> Self {
        Self {
            base: Duration::from_millis(200),
            cap: Duration::from_secs(60),
        }
    }
}

impl Schedule {
    /// The delay before retry number `retry` (0 for the first retry), at least `hint`.
    pub fn delay(&self, retry: u32, hint: Option<Duration>, jitter: &dyn Jitter) -> Duration {
        let exp = self
            .base
            .checked_mul(1u32.checked_shl(retry.min(30)).unwrap_or(u32::MAX))
            .unwrap_or(self.cap)
            .min(self.cap);
        let factor = 0.5 + jitter.next_factor().clamp(0.0, 1.0) / 2.0;
        exp.mul_f64(factor).max(hint.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_is_shared_deadline() {
        let t0 = Instant::now();
        let mut b = BackOff::default();
        assert_eq!(b.poll_wait(t0), None);
        b.handle_back_off(t0, Duration::from_secs(10));
        assert_eq!(b.poll_wait(t0), Some(Duration::from_secs(10)));
        // A shorter hint later does not shorten it.
        b.handle_back_off(t0 + Duration::from_secs(1), Duration::from_secs(2));
        assert_eq!(
            b.poll_wait(t0 + Duration::from_secs(4)),
            Some(Duration::from_secs(6))
        );
        // A longer one extends it.
        b.handle_back_off(t0 + Duration::from_secs(5), Duration::from_secs(20));
        assert_eq!(
            b.poll_wait(t0 + Duration::from_secs(5)),
            Some(Duration::from_secs(20))
        );
        assert_eq!(b.poll_wait(t0 + Duration::from_secs(25)), None);
        assert_eq!(b.poll_wait(t0 + Duration::from_secs(99)), None);
    }

    #[derive(Debug)]
    struct Fixed(f64);
    impl Jitter for Fixed {
        fn next_factor(&self) -> f64 {
            self.0
        }
    }

    #[test]
    fn schedule_is_exponential_capped_jittered() {
        let s = Schedule {
            base: Duration::from_millis(100),
            cap: Duration::from_secs(1),
        };
        let lo = Fixed(0.0);
        let hi = Fixed(0.999_999);
        assert_eq!(s.delay(0, None, &lo), Duration::from_millis(50));
        assert_eq!(s.delay(1, None, &lo), Duration::from_millis(100));
        assert_eq!(s.delay(3, None, &lo), Duration::from_millis(400));
        assert_eq!(s.delay(10, None, &lo), Duration::from_millis(500));
        assert_eq!(s.delay(200, None, &lo), Duration::from_millis(500));
        assert!(s.delay(3, None, &hi) < Duration::from_millis(800));
        assert!(s.delay(3, None, &hi) > Duration::from_millis(799));
        // The server's hint is a floor.
        assert_eq!(
            s.delay(0, Some(Duration::from_secs(5)), &hi),
            Duration::from_secs(5)
        );
        // Random jitter stays in range.
        for retry in 0..8 {
            let d = s.delay(retry, None, &RandomJitter);
            let exp = (s.base * 2u32.pow(retry)).min(s.cap);
            assert!(d >= exp / 2 && d <= exp, "{d:?} {exp:?}");
        }
    }
}
