//! Fixed-format parsers for the XML Schema date and time values; every function returns
//! `None` instead of panicking, whatever the input.

use jiff::SignedDuration;
use jiff::civil;
use jiff::tz::Offset;

use super::Duration;

/// `xs:dateTime` without its zone check: the civil date-time and the zone, if any.
pub(super) fn parse_date_time(s: &str) -> Option<(civil::DateTime, Option<Offset>)> {
    let mut c = Cursor::new(s);
    let date = c.date()?;
    if !c.eat(b'T') {
        return None;
    }
    let (h, m, sec, ns) = c.time()?;
    let offset = c.zone()?;
    if !c.done() {
        return None;
    }
    let dt = if h == 24 && m == 0 && sec == 0 && ns == 0 {
        date.tomorrow().ok()?.to_datetime(civil::Time::midnight())
    } else {
        date.to_datetime(civil::Time::new(h, m, sec, ns).ok()?)
    };
    Some((dt, offset))
}

pub(super) fn parse_duration(s: &str) -> Option<Duration> {
    let mut c = Cursor::new(s);
    let negative = c.eat(b'-');
    if !c.eat(b'P') {
        return None;
    }
    let mut secs: i64 = 0;
    let mut nanos: i32 = 0;
    let mut any = false;
    let mut in_time = false;
    // Designators in the order they must appear; `M` is months before `T`, minutes after.
    let mut order = 0;
    loop {
        if c.done() {
            break;
        }
        if c.eat(b'T') {
            if in_time {
                return None;
            }
            in_time = true;
            order = 3;
            // `T` must be followed by at least one part.
            if c.done() {
                return None;
            }
            continue;
        }
        let n = c.number()?;
        let (frac, n) = if c.eat(b'.') {
            (Some(c.fraction()?), n)
        } else {
            (None, n)
        };
        let unit = c.next()?;
        let (rank, mult) = match (in_time, unit) {
            (false, b'Y') => (0, None),
            (false, b'M') => (1, None),
            (false, b'D') => (2, Some(86_400)),
            (true, b'H') => (3, Some(3600)),
            (true, b'M') => (4, Some(60)),
            (true, b'S') => (5, Some(1)),
            _ => return None,
        };
        if rank < order || (frac.is_some() && unit != b'S') {
            return None;
        }
        order = rank + 1;
        any = true;
        match mult {
            // Years and months have no fixed length: only zero is a duration here.
            None if n != 0 => return None,
            None => {}
            Some(mult) => secs = secs.checked_add(n.checked_mul(mult)?)?,
        }
        if let Some(frac) = frac {
            nanos = frac;
        }
    }
    if !any {
        return None;
    }
    let d = SignedDuration::new(secs, nanos);
    Some(Duration(if negative { d.checked_neg()? } else { d }))
}

/// A byte cursor for the fixed-format parsers above; every method returns `None` instead of
/// panicking.
pub(super) struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        // XML whitespace around values is not significant.
        Self {
            s: s.trim_matches([' ', '\t', '\r', '\n']).as_bytes(),
            i: 0,
        }
    }

    pub(super) fn done(&self) -> bool {
        self.i >= self.s.len()
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    fn eat(&mut self, b: u8) -> bool {
        let yes = self.peek() == Some(b);
        if yes {
            self.i += 1;
        }
        yes
    }

    /// Exactly `n` ASCII digits.
    fn digits(&mut self, n: usize) -> Option<i64> {
        let mut v = 0i64;
        for _ in 0..n {
            let b = self.peek().filter(u8::is_ascii_digit)?;
            v = v * 10 + i64::from(b - b'0');
            self.i += 1;
        }
        Some(v)
    }

    /// One or more ASCII digits (at most 18, so the value fits an `i64`).
    fn number(&mut self) -> Option<i64> {
        let start = self.i;
        let mut v = 0i64;
        while let Some(b) = self.peek().filter(u8::is_ascii_digit) {
            if self.i - start >= 18 {
                return None;
            }
            v = v * 10 + i64::from(b - b'0');
            self.i += 1;
        }
        (self.i > start).then_some(v)
    }

    /// The digits after a `.`: one or more, as nanoseconds (digits past the ninth dropped).
    fn fraction(&mut self) -> Option<i32> {
        let start = self.i;
        let mut nanos = 0i32;
        while let Some(b) = self.peek().filter(u8::is_ascii_digit) {
            if self.i - start < 9 {
                nanos = nanos * 10 + i32::from(b - b'0');
            }
            self.i += 1;
        }
        let n = self.i - start;
        if n == 0 {
            return None;
        }
        for _ in n..9 {
            nanos *= 10;
        }
        Some(nanos)
    }

    /// `-?YYYY-MM-DD` with four to six year digits.
    pub(super) fn date(&mut self) -> Option<civil::Date> {
        let negative = self.eat(b'-');
        let start = self.i;
        let year = self.number()?;
        if !(4..=6).contains(&(self.i - start)) || !self.eat(b'-') {
            return None;
        }
        let month = self.digits(2)?;
        if !self.eat(b'-') {
            return None;
        }
        let day = self.digits(2)?;
        let year = i16::try_from(if negative { -year } else { year }).ok()?;
        civil::Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
    }

    /// `HH:MM:SS(.f+)?`; the hour may be 24 (checked by the caller).
    pub(super) fn time(&mut self) -> Option<(i8, i8, i8, i32)> {
        let h = self.digits(2)?;
        if !self.eat(b':') {
            return None;
        }
        let m = self.digits(2)?;
        if !self.eat(b':') {
            return None;
        }
        let s = self.digits(2)?;
        let ns = if self.eat(b'.') { self.fraction()? } else { 0 };
        if h > 24 || m > 59 || s > 59 {
            return None;
        }
        Some((
            i8::try_from(h).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(s).ok()?,
            ns,
        ))
    }

    /// An optional zone: nothing, `Z`, or `±HH:MM`. `None` when malformed.
    pub(super) fn zone(&mut self) -> Option<Option<Offset>> {
        match self.peek() {
            None => Some(None),
            Some(b'Z') => {
                self.i += 1;
                Some(Some(Offset::UTC))
            }
            Some(sign @ (b'+' | b'-')) => {
                self.i += 1;
                let h = self.digits(2)?;
                if !self.eat(b':') {
                    return None;
                }
                let m = self.digits(2)?;
                if h > 23 || m > 59 {
                    return None;
                }
                let secs = i32::try_from(h * 3600 + m * 60).ok()?;
                let secs = if sign == b'-' { -secs } else { secs };
                Some(Some(Offset::from_seconds(secs).ok()?))
            }
            Some(_) => None,
        }
    }
}
