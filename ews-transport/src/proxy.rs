//! HTTP `CONNECT` proxies: configuration, `HTTPS_PROXY`/`NO_PROXY`, and the tunnel handshake.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::error::ConfigError;
use crate::{BoxError, Error};

/// An HTTP proxy reached with `CONNECT` (for `https://` and `http://` targets alike).
#[derive(Clone)]
pub struct Proxy {
    host: String,
    port: u16,
    authorization: Option<String>,
}

impl fmt::Debug for Proxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Proxy")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("basic_auth", &self.authorization.is_some())
            .finish()
    }
}

impl Proxy {
    /// A proxy from `http://[user:password@]host[:port]` (port 80 when absent; a bare
    /// `host:port` is accepted too). Credentials in the URL become Basic proxy auth.
    pub fn new(url: &str) -> Result<Self, Error> {
        let (scheme, rest) = match url.strip_prefix("http://") {
            Some(rest) => ("http://", rest),
            None => ("", url),
        };
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        let bad = |source: Option<BoxError>| ConfigError::InvalidProxy {
            url: match userinfo {
                Some(_) => format!("{scheme}[redacted]@{hostport}{path}"),
                None => url.to_owned(),
            },
            source,
        };
        let uri: http::uri::Authority = hostport.parse().map_err(|e| bad(Some(Box::new(e))))?;
        let mut proxy = Self {
            host: uri.host().trim_matches(['[', ']']).to_owned(),
            port: uri.port_u16().unwrap_or(80),
            authorization: None,
        };
        if let Some(u) = userinfo {
            let (user, pass) = u.split_once(':').unwrap_or((u, ""));
            proxy = proxy.basic_auth(user, pass);
        }
        if proxy.host.is_empty() || url.starts_with("https://") {
            return Err(bad(None).into());
        }
        Ok(proxy)
    }

    /// Sends `Proxy-Authorization: Basic …` with the `CONNECT` request.
    #[must_use]
    pub fn basic_auth(mut self, user: &str, password: &str) -> Self {
        self.authorization = Some(format!(
            "Basic {}",
            STANDARD.encode(format!("{user}:{password}"))
        ));
        self
    }

    /// `host:port` of the proxy.
    pub(crate) fn address(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// The proxy for `host` from the environment: `HTTPS_PROXY` (or `https_proxy`) for TLS
    /// targets, `HTTP_PROXY` (or `http_proxy`) for plain ones, unless `NO_PROXY`
    /// (`no_proxy`) exempts the host.
    pub(crate) fn from_env(host: &str, tls: bool) -> Option<Self> {
        let var = |names: [&str; 2]| {
            names
                .iter()
                .find_map(|n| std::env::var(n).ok().filter(|v| !v.trim().is_empty()))
        };
        let url = if tls {
            var(["HTTPS_PROXY", "https_proxy"])?
        } else {
            var(["HTTP_PROXY", "http_proxy"])?
        };
        let no_proxy = var(["NO_PROXY", "no_proxy"]).unwrap_or_default();
        if no_proxy_matches(&no_proxy, host) {
            return None;
        }
        match Self::new(url.trim()) {
            Ok(p) => Some(p),
            Err(e) => {
                tracing::warn!(error = %e, "ignoring the proxy from the environment");
                None
            }
        }
    }

    /// Opens the tunnel to `target` (`host:port`) over `stream`, already connected to the proxy.
    pub(crate) async fn connect(&self, stream: &mut TcpStream, target: &str) -> Result<(), Error> {
        let mut req = format!("CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n");
        if let Some(a) = &self.authorization {
            req.push_str(&format!("Proxy-Authorization: {a}\r\n"));
        }
        req.push_str("\r\n");
        let io = |e: std::io::Error| Error::Connect {
            target: self.address(),
            source: e.into(),
        };
        stream.write_all(req.as_bytes()).await.map_err(io)?;
        // Read the response head byte by byte so no tunnel byte is consumed.
        let mut head = Vec::with_capacity(128);
        while !head.ends_with(b"\r\n\r\n") {
            if head.len() > 16 * 1024 {
                return Err(Error::Proxy { status: 0 });
            }
            let b = stream.read_u8().await.map_err(io)?;
            head.push(b);
        }
        let status = std::str::from_utf8(&head)
            .ok()
            .and_then(|h| h.split_whitespace().nth(1))
            .and_then(|s| s.parse::<u16>().ok())
            .unwrap_or(0);
        if (200..300).contains(&status) {
            Ok(())
        } else {
            Err(Error::Proxy { status })
        }
    }
}

/// Whether a `NO_PROXY` list (comma-separated: `*`, host names, `.domain` or `domain` suffixes,
/// IP addresses, each optionally with `:port`, which is ignored) exempts `host`.
pub(crate) fn no_proxy_matches(list: &str, host: &str) -> bool {
    let host = host.trim_matches(['[', ']']).to_ascii_lowercase();
    list.split(',').map(str::trim).any(|entry| {
        let entry = entry.to_ascii_lowercase();
        if entry == "*" {
            return true;
        }
        let name = if let Some(rest) = entry.strip_prefix('[') {
            rest.split(']').next().unwrap_or("")
        } else if entry.matches(':').count() == 1 {
            entry.split(':').next().unwrap_or("")
        } else {
            entry.as_str()
        };
        let name = name.trim_matches(['[', ']']).trim_start_matches("*.");
        let name = name.trim_start_matches('.');
        !name.is_empty()
            && (host == name
                || host
                    .strip_suffix(name)
                    .is_some_and(|prefix| prefix.ends_with('.')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_proxy_table() {
        let table = [
            ("", "mail.example.test", false),
            ("*", "mail.example.test", true),
            ("example.test", "mail.example.test", true),
            (".example.test", "mail.example.test", true),
            ("*.example.test", "mail.example.test", true),
            ("example.test", "example.test", true),
            ("ample.test", "mail.example.test", false),
            ("localhost, 127.0.0.1", "127.0.0.1", true),
            (
                "other.test,MAIL.example.test:443",
                "mail.example.test",
                true,
            ),
            ("::1", "[::1]", true),
            ("[::1]:8080", "::1", true),
        ];
        for (list, host, want) in table {
            assert_eq!(no_proxy_matches(list, host), want, "{list:?} {host}");
        }
    }

    #[test]
    fn parse_proxy_urls() {
        let p = Proxy::new("http://u:p%40@proxy.test:3128/").unwrap();
        assert_eq!(p.address(), "proxy.test:3128");
        assert_eq!(p.authorization.as_deref(), Some("Basic dTpwJTQw"));
        assert_eq!(Proxy::new("proxy.test").unwrap().address(), "proxy.test:80");
        assert_eq!(Proxy::new("http://[::1]:8").unwrap().address(), "[::1]:8");
        assert!(Proxy::new("https://proxy.test").is_err());
        assert!(format!("{p:?}").contains("basic_auth: true"));
        assert!(!format!("{p:?}").contains("dTpw"));
    }
}
