//! The OAuth 2.0 token endpoint of `FakeExchange` (RFC 6749 section 4.3, 4.4 and 6) and
//! the bearer tokens it issues.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderValue, Method, Request, Response, StatusCode};
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Incoming;
use tokio::time::Instant;

use super::{AuthScheme, basic_pair, resolve};
use crate::{State, lock};

/// The largest token request body read.
const MAX_FORM: usize = 64 * 1024;

/// A registered OAuth client.
#[derive(Debug, Clone)]
pub(super) struct Client {
    pub(super) id: String,
    /// Empty for a public client.
    pub(super) secret: String,
    /// The lower-cased address `client_credentials` tokens act as.
    pub(super) acting_user: String,
}

#[derive(Debug)]
struct Grant {
    user: String,
    expires: Instant,
}

#[derive(Debug)]
struct RefreshGrant {
    user: String,
    client_id: String,
}

/// The clients, and the access and refresh tokens issued.
#[derive(Debug)]
pub(super) struct Issuer {
    clients: Vec<Client>,
    lifetime: Duration,
    access: Mutex<HashMap<String, Grant>>,
    refresh: Mutex<HashMap<String, RefreshGrant>>,
    issued: AtomicUsize,
}

impl Issuer {
    pub(super) fn new(clients: Vec<Client>, lifetime: Duration) -> Self {
        Self {
            clients,
            lifetime,
            access: Mutex::new(HashMap::new()),
            refresh: Mutex::new(HashMap::new()),
            issued: AtomicUsize::new(0),
        }
    }

    pub(super) fn issued(&self) -> usize {
        self.issued.load(Ordering::SeqCst)
    }

    /// The user of a valid access token (expired ones are forgotten).
    pub(super) fn user_of(&self, token: &str, now: Instant) -> Option<String> {
        let mut access = lock(&self.access);
        match access.get(token) {
            Some(g) if g.expires > now => Some(g.user.clone()),
            Some(_) => {
                access.remove(token);
                None
            }
            None => None,
        }
    }

    /// A new access token (and a refresh token when `refresh`) as the JSON reply.
    fn issue(
        &self,
        user: &str,
        client_id: &str,
        refresh: bool,
        scope: Option<&str>,
    ) -> Result<serde_json::Value, Refusal> {
        let access_token = random_token()?;
        let now = Instant::now();
        lock(&self.access).insert(
            access_token.clone(),
            Grant {
                user: user.to_owned(),
                expires: now + self.lifetime,
            },
        );
        self.issued.fetch_add(1, Ordering::SeqCst);
        let mut reply = serde_json::json!({
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": self.lifetime.as_secs(),
        });
        if refresh {
            let refresh_token = random_token()?;
            lock(&self.refresh).insert(
                refresh_token.clone(),
                RefreshGrant {
                    user: user.to_owned(),
                    client_id: client_id.to_owned(),
                },
            );
            reply["refresh_token"] = refresh_token.into();
        }
        if let Some(scope) = scope {
            reply["scope"] = scope.into();
        }
        Ok(reply)
    }
}

fn random_token() -> Result<String, Refusal> {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).map_err(|_| Refusal {
        status: StatusCode::SERVICE_UNAVAILABLE,
        error: "temporarily_unavailable",
        description: "the random source failed".to_owned(),
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// An error reply of the token endpoint (RFC 6749 5.2).
#[derive(Debug)]
struct Refusal {
    status: StatusCode,
    error: &'static str,
    description: String,
}

impl Refusal {
    fn request(description: &str) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            error: "invalid_request",
            description: description.to_owned(),
        }
    }
    fn client() -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            error: "invalid_client",
            description: "Client authentication failed: unknown client or wrong secret.".to_owned(),
        }
    }
    fn grant(description: &str) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            error: "invalid_grant",
            description: description.to_owned(),
        }
    }
}

fn json(status: StatusCode, value: &serde_json::Value) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(value.to_string())));
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    h.insert(
        http::header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    );
    h.insert(http::header::PRAGMA, HeaderValue::from_static("no-cache"));
    r
}

/// Answers a request to the token endpoint; gives the request back when it is for another
/// path or Bearer is not offered (the caller goes on with it).
pub(crate) async fn token_endpoint(
    state: &State,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Request<Incoming>> {
    let is_token_path = req.uri().path().eq_ignore_ascii_case(super::TOKEN_PATH);
    if !is_token_path || !state.auth.offers(AuthScheme::Bearer) {
        return Err(req);
    }
    if req.method() != Method::POST {
        let mut r = Response::new(Full::new(Bytes::new()));
        *r.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
        r.headers_mut()
            .insert(http::header::ALLOW, HeaderValue::from_static("POST"));
        return Ok(r);
    }
    Ok(match grant(state, req).await {
        Ok(reply) => json(StatusCode::OK, &reply),
        Err(e) => {
            let body = serde_json::json!({
                "error": e.error,
                "error_description": e.description,
            });
            let mut r = json(e.status, &body);
            if e.status == StatusCode::UNAUTHORIZED {
                r.headers_mut().insert(
                    http::header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Basic realm=\"oauth2\""),
                );
            }
            r
        }
    })
}

async fn grant(state: &State, req: Request<Incoming>) -> Result<serde_json::Value, Refusal> {
    let form_type = req
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| {
            v.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !form_type {
        return Err(Refusal::request(
            "The body must be application/x-www-form-urlencoded.",
        ));
    }
    let header_client = req
        .headers()
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = Limited::new(req.into_body(), MAX_FORM)
        .collect()
        .await
        .map_err(|_| Refusal::request("The body is too large or unreadable."))?
        .to_bytes();
    let form = parse_form(&body).ok_or_else(|| Refusal::request("Malformed form body."))?;
    let get = |k: &str| form.get(k).map(String::as_str);
    let issuer = &state.auth.issuer;
    let client = authenticate_client(issuer, header_client.as_deref(), &form)?;
    let scope = get("scope");
    match get("grant_type") {
        Some("client_credentials") => {
            if client.secret.is_empty() {
                return Err(Refusal::client());
            }
            if !state.users.contains_key(&client.acting_user) {
                return Err(Refusal::grant("The client acts as no known user."));
            }
            issuer.issue(&client.acting_user, &client.id, false, scope)
        }
        Some("password") => {
            let (Some(name), Some(password)) = (get("username"), get("password")) else {
                return Err(Refusal::request("username and password are required."));
            };
            let (domain, user) = name.split_once('\\').unwrap_or(("", name));
            let address = resolve(state, domain, user)
                .filter(|a| state.users.get(a).is_some_and(|p| p == password))
                .ok_or_else(|| Refusal::grant("The user name or password is incorrect."))?;
            issuer.issue(&address, &client.id, true, scope)
        }
        Some("refresh_token") => {
            let token = get("refresh_token")
                .ok_or_else(|| Refusal::request("refresh_token is required."))?;
            // Refresh tokens are single-use: each refresh returns a new one.
            let grant = {
                let mut refresh = lock(&issuer.refresh);
                match refresh.remove(token) {
                    Some(g) if g.client_id == client.id => g,
                    Some(g) => {
                        refresh.insert(token.to_owned(), g);
                        return Err(Refusal::grant(
                            "The refresh token was issued to another client.",
                        ));
                    }
                    None => {
                        return Err(Refusal::grant(
                            "The refresh token is unknown, used or revoked.",
                        ));
                    }
                }
            };
            issuer.issue(&grant.user, &client.id, true, scope)
        }
        Some(_) => Err(Refusal {
            status: StatusCode::BAD_REQUEST,
            error: "unsupported_grant_type",
            description: "Supported grants: client_credentials, password, refresh_token."
                .to_owned(),
        }),
        None => Err(Refusal::request("grant_type is required.")),
    }
}

/// The client named by HTTP Basic (`client_secret_basic`) or by the form's `client_id`
/// and `client_secret` (`client_secret_post`), with its secret checked.
fn authenticate_client<'a>(
    issuer: &'a Issuer,
    header: Option<&str>,
    form: &HashMap<String, String>,
) -> Result<&'a Client, Refusal> {
    let from_header = header.and_then(|h| {
        let (scheme, token) = h.trim().split_once(' ')?;
        scheme
            .eq_ignore_ascii_case("basic")
            .then(|| basic_pair(token.trim()))
            .flatten()
    });
    let (id, secret) = match from_header {
        Some((id, secret)) => (id, Some(secret)),
        None => (
            form.get("client_id")
                .cloned()
                .ok_or_else(|| Refusal::request("client_id is required."))?,
            form.get("client_secret").cloned(),
        ),
    };
    let client = issuer
        .clients
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(Refusal::client)?;
    let secret_ok = match secret {
        Some(s) => s == client.secret,
        None => client.secret.is_empty(),
    };
    secret_ok.then_some(client).ok_or_else(Refusal::client)
}

/// An `application/x-www-form-urlencoded` body; `None` when it is not UTF-8, has a bad
/// `%` escape or names a parameter twice.
fn parse_form(body: &[u8]) -> Option<HashMap<String, String>> {
    let text = std::str::from_utf8(body).ok()?;
    let mut out = HashMap::new();
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if out.insert(decode(k)?, decode(v)?).is_some() {
            return None;
        }
    }
    Some(out)
}

fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_decoding() {
        let f = parse_form(b"grant_type=password&username=alice%40example.test&password=a+b%26c")
            .unwrap();
        assert_eq!(f["grant_type"], "password");
        assert_eq!(f["username"], "alice@example.test");
        assert_eq!(f["password"], "a b&c");
        for bad in [
            &b"a=%"[..],
            b"a=%4",
            b"a=%zz",
            b"a=1&a=2",
            b"a=%ff",
            b"\xff=1",
        ] {
            assert_eq!(parse_form(bad), None, "{bad:?}");
        }
        assert_eq!(parse_form(b"").unwrap().len(), 0);
    }
}
