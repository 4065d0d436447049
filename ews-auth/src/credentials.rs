//! Credentials, secrets and impersonation identities.

use std::fmt;

use zeroize::Zeroizing;

use crate::error::CredentialsError;

/// A secret string (password, client secret, token) that is wiped from memory when dropped
/// and prints as `***` in `Debug` output.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Self(Zeroizing::new(secret.into()))
    }

    /// The secret itself; keep the borrow short and do not log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Self::new(s)
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Self::new(s)
    }
}

/// A user name as given, with its domain and user parts.
///
/// Accepted forms:
/// - `DOMAIN\user` (down-level logon name): domain `DOMAIN`, user `user`;
/// - `user@corp.example` (a UPN or an SMTP address, which look alike): user `user`,
///   domain `corp.example`;
/// - `user` (a plain name): no domain.
///
/// NTLM sends down-level names as domain + user and UPN/SMTP forms whole with an empty
/// domain, as Windows does ([MS-NLMP] 3.1.5.1.2); Basic and Digest send the name as given.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct UserName {
    given: String,
    form: Form,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Form {
    /// `DOMAIN\user`, with the byte index of the backslash.
    DownLevel(usize),
    /// `user@domain`, with the byte index of the `@`.
    Principal(usize),
    Plain,
}

impl UserName {
    /// Parses and checks a user name.
    pub fn parse(given: impl Into<String>) -> Result<Self, CredentialsError> {
        let given = given.into();
        if given.is_empty() {
            return Err(CredentialsError::EmptyUserName);
        }
        if given.chars().any(|c| c.is_control() || c == ':') {
            return Err(CredentialsError::ForbiddenCharacter);
        }
        let backslashes = given.matches('\\').count();
        let ats = given.matches('@').count();
        let form = match (given.find('\\'), given.rfind('@')) {
            (Some(i), _) => {
                if backslashes > 1 || i == 0 || i + 1 == given.len() {
                    return Err(CredentialsError::MalformedUserName);
                }
                Form::DownLevel(i)
            }
            (None, Some(i)) => {
                if ats > 1 || i == 0 || i + 1 == given.len() {
                    return Err(CredentialsError::MalformedUserName);
                }
                Form::Principal(i)
            }
            (None, None) => Form::Plain,
        };
        Ok(Self { given, form })
    }

    /// The name exactly as given.
    pub fn as_given(&self) -> &str {
        &self.given
    }

    /// The user part: after the `\`, before the `@`, or the whole plain name.
    pub fn user(&self) -> &str {
        match self.form {
            Form::DownLevel(i) => &self.given[i + 1..],
            Form::Principal(i) => &self.given[..i],
            Form::Plain => &self.given,
        }
    }

    /// The domain part: before the `\`, after the `@`, or `None` for a plain name.
    pub fn domain(&self) -> Option<&str> {
        match self.form {
            Form::DownLevel(i) => Some(&self.given[..i]),
            Form::Principal(i) => Some(&self.given[i + 1..]),
            Form::Plain => None,
        }
    }

    /// True for the `user@domain` (UPN or SMTP address) form.
    pub fn is_principal_name(&self) -> bool {
        matches!(self.form, Form::Principal(_))
    }

    /// `(domain, user)` as NTLM sends them: split for `DOMAIN\user`, whole with an empty
    /// domain otherwise.
    pub(crate) fn ntlm_parts(&self) -> (&str, &str) {
        match self.form {
            Form::DownLevel(i) => (&self.given[..i], &self.given[i + 1..]),
            Form::Principal(_) | Form::Plain => ("", &self.given),
        }
    }
}

impl fmt::Debug for UserName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.given, f)
    }
}

impl fmt::Display for UserName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.given)
    }
}

/// What the client authenticates with.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// A user name and password, for Basic, Digest and NTLM.
    Password {
        /// The parsed user name.
        username: UserName,
        /// The password.
        password: Secret,
    },
    /// An OAuth 2.0 access token obtained elsewhere, sent as `Bearer`. For tokens this
    /// crate should fetch and refresh, use [`crate::OAuth2`] with a [`crate::OAuthFlow`].
    Token(Secret),
}

impl Credentials {
    /// User name and password. The user name may be `DOMAIN\user`, a UPN
    /// (`user@corp.example`), an SMTP address or a plain name, see [`UserName`].
    pub fn password(
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> Result<Self, CredentialsError> {
        Ok(Self::Password {
            username: UserName::parse(username)?,
            password: Secret::new(password),
        })
    }

    /// A caller-supplied access token.
    pub fn token(access_token: impl Into<String>) -> Self {
        Self::Token(Secret::new(access_token))
    }

    /// The user name, for password credentials.
    pub fn username(&self) -> Option<&UserName> {
        match self {
            Self::Password { username, .. } => Some(username),
            Self::Token(_) => None,
        }
    }
}

/// Whom to act as with EWS impersonation (the `ExchangeImpersonation` SOAP header,
/// <https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/connectingsid>).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Identity {
    /// `PrimarySmtpAddress`: the mailbox's primary SMTP address.
    PrimarySmtpAddress(String),
    /// `PrincipalName`: the user principal name.
    Upn(String),
    /// `SID`: the security identifier in SDDL form (`S-1-5-21-…`).
    Sid(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_name_forms() {
        let d = UserName::parse(r"CORP\alice").unwrap();
        assert_eq!((d.domain(), d.user()), (Some("CORP"), "alice"));
        assert_eq!(d.ntlm_parts(), ("CORP", "alice"));
        let u = UserName::parse("alice@corp.example").unwrap();
        assert_eq!((u.domain(), u.user()), (Some("corp.example"), "alice"));
        assert!(u.is_principal_name());
        assert_eq!(u.ntlm_parts(), ("", "alice@corp.example"));
        let p = UserName::parse("alice").unwrap();
        assert_eq!((p.domain(), p.user()), (None, "alice"));
        assert_eq!(p.as_given(), "alice");
    }

    #[test]
    fn user_name_rejects() {
        for (bad, err) in [
            ("", CredentialsError::EmptyUserName),
            (r"\alice", CredentialsError::MalformedUserName),
            (r"CORP\", CredentialsError::MalformedUserName),
            (r"A\B\c", CredentialsError::MalformedUserName),
            ("@corp", CredentialsError::MalformedUserName),
            ("alice@", CredentialsError::MalformedUserName),
            ("a@b@c", CredentialsError::MalformedUserName),
            ("ali:ce", CredentialsError::ForbiddenCharacter),
            ("ali\nce", CredentialsError::ForbiddenCharacter),
        ] {
            assert_eq!(UserName::parse(bad), Err(err), "{bad:?}");
        }
    }

    #[test]
    fn secrets_not_in_debug() {
        let c = Credentials::password(r"CORP\alice", "hunter2").unwrap();
        let s = format!("{c:?}");
        assert!(!s.contains("hunter2"), "{s}");
        assert!(s.contains("***") && s.contains("alice"), "{s}");
        let t = format!("{:?}", Credentials::token("eyJ0eXAiOi"));
        assert!(!t.contains("eyJ0eXAiOi"), "{t}");
    }
}
