//! `WWW-Authenticate` parsing (RFC 7235 section 4.1) and writing.

use std::fmt;

use crate::error::{ChallengeError, ChallengeErrorKind, Error};

/// An authentication scheme name, compared case-insensitively.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scheme {
    /// `Basic` (RFC 7617).
    Basic,
    /// `Digest` (RFC 7616).
    Digest,
    /// `NTLM` ([MS-NLMP]).
    Ntlm,
    /// `Negotiate` (SPNEGO, RFC 4559): Kerberos or NTLM.
    Negotiate,
    /// `Bearer` (RFC 6750).
    Bearer,
    /// Any other scheme, with its name as sent.
    Other(String),
}

impl Scheme {
    /// Maps a scheme name, case-insensitively.
    pub fn from_name(name: &str) -> Self {
        const KNOWN: [(&str, Scheme); 5] = [
            ("Basic", Scheme::Basic),
            ("Digest", Scheme::Digest),
            ("NTLM", Scheme::Ntlm),
            ("Negotiate", Scheme::Negotiate),
            ("Bearer", Scheme::Bearer),
        ];
        KNOWN
            .into_iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or_else(|| Self::Other(name.to_owned()), |(_, s)| s)
    }

    /// The canonical name (`NTLM`, `Negotiate`, …), or the name as sent for
    /// [`Scheme::Other`].
    pub fn as_str(&self) -> &str {
        match self {
            Self::Basic => "Basic",
            Self::Digest => "Digest",
            Self::Ntlm => "NTLM",
            Self::Negotiate => "Negotiate",
            Self::Bearer => "Bearer",
            Self::Other(s) => s,
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One challenge from a `WWW-Authenticate` header: a scheme with either a token68
/// (`NTLM TlRMTVNTUAAC…`) or auth-params (`Basic realm="mail.example.test"`), or neither.
///
/// `Display` writes it back in header syntax (parameter values always quoted).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Challenge {
    /// The scheme.
    pub scheme: Scheme,
    /// The token68 (base64-like blob) after the scheme, if any.
    pub token68: Option<String>,
    /// The auth-params in order, names as sent, values unquoted and unescaped.
    pub params: Vec<(String, String)>,
}

impl Challenge {
    /// A challenge with neither token68 nor parameters.
    pub fn new(scheme: Scheme) -> Self {
        Self {
            scheme,
            token68: None,
            params: Vec::new(),
        }
    }

    /// Sets the token68.
    pub fn with_token68(mut self, token68: impl Into<String>) -> Self {
        self.token68 = Some(token68.into());
        self
    }

    /// Appends an auth-param.
    pub fn with_param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.params.push((name.into(), value.into()));
        self
    }

    /// The value of the first parameter called `name` (case-insensitive).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Display for Challenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.scheme.as_str())?;
        if let Some(t) = &self.token68 {
            return write!(f, " {t}");
        }
        for (i, (name, value)) in self.params.iter().enumerate() {
            f.write_str(if i == 0 { " " } else { ", " })?;
            write!(f, "{name}=")?;
            write_quoted(f, value)?;
        }
        Ok(())
    }
}

/// Writes `value` as an RFC 7230 quoted-string.
pub(crate) fn write_quoted(out: &mut impl fmt::Write, value: &str) -> fmt::Result {
    out.write_char('"')?;
    for c in value.chars() {
        if c == '"' || c == '\\' {
            out.write_char('\\')?;
        }
        out.write_char(c)?;
    }
    out.write_char('"')
}

/// Parses the values of all `WWW-Authenticate` (or `Proxy-Authenticate`) headers of a
/// response, in order.
///
/// Each value may hold several comma-separated challenges; empty list elements are
/// skipped. Scheme names are case-insensitive; parameter values may be tokens or quoted
/// strings with `\` escapes. Any syntax error fails the whole parse with its position.
/// Never panics.
///
/// ```
/// use ews_auth::{Scheme, parse_www_authenticate};
///
/// let challenges = parse_www_authenticate(&[
///     "Negotiate",
///     "NTLM",
///     r#"Basic realm="mail.example.test""#,
/// ])?;
/// assert_eq!(challenges[1].scheme, Scheme::Ntlm);
/// assert_eq!(challenges[2].param("REALM"), Some("mail.example.test"));
/// # Ok::<(), ews_auth::Error>(())
/// ```
pub fn parse_www_authenticate(values: &[&str]) -> Result<Vec<Challenge>, Error> {
    let mut out = Vec::new();
    for (value_index, value) in values.iter().enumerate() {
        Parser {
            s: value.as_bytes(),
            pos: 0,
            value_index,
        }
        .parse_into(&mut out)?;
    }
    Ok(out)
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    value_index: usize,
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn is_token68_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~+/".contains(&b)
}

impl Parser<'_> {
    fn err(&self, kind: ChallengeErrorKind) -> ChallengeError {
        ChallengeError {
            value_index: self.value_index,
            offset: self.pos,
            kind,
        }
    }

    fn unexpected(&self) -> ChallengeError {
        let c = std::str::from_utf8(&self.s[self.pos..])
            .ok()
            .and_then(|rest| rest.chars().next())
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        self.err(ChallengeErrorKind::UnexpectedChar(c))
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn token(&mut self) -> &str {
        let start = self.pos;
        while self.peek().is_some_and(is_tchar) {
            self.pos += 1;
        }
        // tchars are ASCII, so this slice is valid UTF-8.
        std::str::from_utf8(&self.s[start..self.pos]).unwrap_or_default()
    }

    /// If a token68 starts here and is followed by the end of the value or a comma, consumes
    /// and returns it.
    fn try_token68(&mut self) -> Option<String> {
        let start = self.pos;
        let mut end = start;
        while self.s.get(end).copied().is_some_and(is_token68_char) {
            end += 1;
        }
        if end == start {
            return None;
        }
        while self.s.get(end) == Some(&b'=') {
            end += 1;
        }
        let mut after = end;
        while matches!(self.s.get(after), Some(b' ' | b'\t')) {
            after += 1;
        }
        if !matches!(self.s.get(after), None | Some(b',')) {
            return None;
        }
        let t = std::str::from_utf8(&self.s[start..end]).ok()?.to_owned();
        self.pos = after;
        Some(t)
    }

    fn quoted_string(&mut self) -> Result<String, ChallengeError> {
        let open = self.pos;
        self.pos += 1; // the opening quote
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None => {
                    self.pos = open;
                    return Err(self.err(ChallengeErrorKind::UnterminatedQuotedString));
                }
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b) if b == b'\t' || b >= 0x20 && b != 0x7f => {
                            out.push(b);
                            self.pos += 1;
                        }
                        Some(_) => return Err(self.unexpected()),
                        None => {
                            self.pos = open;
                            return Err(self.err(ChallengeErrorKind::UnterminatedQuotedString));
                        }
                    }
                }
                Some(b) if b == b'\t' || b >= 0x20 && b != 0x7f => {
                    out.push(b);
                    self.pos += 1;
                }
                Some(_) => return Err(self.unexpected()),
            }
        }
        // The input was a &str and only whole characters (escapes are ASCII) were copied.
        String::from_utf8(out).map_err(|_| self.err(ChallengeErrorKind::ExpectedValue))
    }

    fn parse_into(mut self, out: &mut Vec<Challenge>) -> Result<(), ChallengeError> {
        #[derive(PartialEq)]
        enum After {
            Start,
            Scheme,
            Param,
            Token68,
        }
        let mut after = After::Start;
        let mut current: Option<Challenge> = None;
        loop {
            let mut saw_comma = false;
            while let Some(b @ (b' ' | b'\t' | b',')) = self.peek() {
                saw_comma |= b == b',';
                self.pos += 1;
            }
            if self.pos >= self.s.len() {
                break;
            }
            if matches!(after, After::Param | After::Token68) && !saw_comma {
                return Err(self.unexpected());
            }
            let start = self.pos;
            let name = self.token().to_owned();
            if name.is_empty() {
                return Err(if after == After::Start || saw_comma {
                    self.err(ChallengeErrorKind::ExpectedScheme)
                } else {
                    self.unexpected()
                });
            }
            let name_end = self.pos;
            self.skip_ws();
            if self.peek() == Some(b'=') {
                match (&after, current.as_mut()) {
                    (After::Scheme | After::Param, Some(c)) => {
                        self.pos += 1;
                        self.skip_ws();
                        let value = match self.peek() {
                            Some(b'"') => self.quoted_string()?,
                            Some(b) if is_tchar(b) => self.token().to_owned(),
                            _ => return Err(self.err(ChallengeErrorKind::ExpectedValue)),
                        };
                        c.params.push((name, value));
                        after = After::Param;
                        continue;
                    }
                    (After::Token68, _) => {
                        self.pos = start;
                        return Err(self.unexpected());
                    }
                    _ => {
                        self.pos = start;
                        return Err(self.err(ChallengeErrorKind::ExpectedScheme));
                    }
                }
            }
            if after == After::Scheme && !saw_comma {
                // After `Scheme `: neither a token68 nor an auth-param.
                self.pos = start;
                return Err(self.unexpected());
            }
            // A new challenge: the scheme, then a token68, the first auth-param or nothing.
            out.extend(current.take());
            let mut challenge = Challenge::new(Scheme::from_name(&name));
            after = After::Scheme;
            if self.pos > name_end && !matches!(self.peek(), None | Some(b',')) {
                if let Some(t) = self.try_token68() {
                    challenge.token68 = Some(t);
                    after = After::Token68;
                }
            }
            current = Some(challenge);
        }
        out.extend(current);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
