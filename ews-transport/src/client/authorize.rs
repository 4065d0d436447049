//! Driving the `AuthScheme`: the `Authorization` value for each request (after an OAuth token
//! request when the scheme asks for one), and the 401 challenges fed back.

use std::sync::atomic::Ordering;

use bytes::Bytes;
use ews_auth::{AuthScheme, AuthStep, Challenge, RequestInfo};
use http::header::{self, HeaderMap, HeaderValue};
use http::{Request, Uri};

use super::{ERROR_BODY_LIMIT, HttpSender, host_header, now, origin_form};
use crate::auth::AuthState;
use crate::body::{collect, full};
use crate::config::parse_url;
use crate::pool::Conn;
use crate::{AuthError, Error};

/// The parsed `WWW-Authenticate` challenges of a response (values that are not visible
/// ASCII are skipped).
fn challenges_of(headers: &HeaderMap) -> Result<Vec<Challenge>, Error> {
    let values: Vec<&str> = headers
        .get_all(header::WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    Ok(ews_auth::parse_www_authenticate(&values).map_err(AuthError::Scheme)?)
}

/// Runs `f` on the connection's (connection-bound) scheme on tokio's blocking pool:
/// Negotiate's GSSAPI library may block on KDC round trips in any of its calls. The scheme
/// moves to the blocking thread and back (if the task is lost, so is the scheme, and the
/// call fails). NTLM goes the same way: connection-bound schemes only run during a
/// connection's handshake, so the cost of the hop is small.
async fn with_scheme_blocking<T: Send + 'static>(
    conn: &mut Conn,
    f: impl FnOnce(&mut dyn AuthScheme) -> T + Send + 'static,
) -> Result<T, Error> {
    let Some(mut scheme) = conn.scheme.take() else {
        return Err(AuthError::NotConfigured.into());
    };
    let (scheme, out) = tokio::task::spawn_blocking(move || {
        let out = f(scheme.as_mut());
        (scheme, out)
    })
    .await
    .map_err(|e| AuthError::SchemeTask(e.to_string()))?;
    conn.scheme = Some(scheme);
    Ok(out)
}

impl HttpSender {
    pub(super) fn needs_handshake(&self, conn: &Conn) -> bool {
        match &self.inner.auth {
            Some(AuthState::PerConnection(_)) => !conn.authenticated,
            Some(AuthState::Shared { .. }) => !self.inner.accepted.load(Ordering::Relaxed),
            None => false,
        }
    }

    /// The `Authorization` value for the next request on `conn` (fetching an OAuth token
    /// first when the scheme asks for one).
    pub(super) async fn authorization(
        &self,
        conn: &mut Conn,
        uri: &Uri,
    ) -> Result<Option<HeaderValue>, Error> {
        let target = uri.path_and_query().map_or("/", |p| p.as_str());
        let info = RequestInfo::new("POST", target);
        match &self.inner.auth {
            None => Ok(None),
            Some(AuthState::PerConnection(factory)) => {
                if conn.authenticated {
                    return Ok(None);
                }
                if conn.scheme.is_none() {
                    let host = uri.host().unwrap_or_default();
                    conn.scheme = Some(factory(host).map_err(AuthError::Scheme)?);
                }
                let target = target.to_owned();
                let end_point = conn.end_point.clone();
                let at = now();
                let value = with_scheme_blocking(conn, move |scheme| {
                    let mut info = RequestInfo::new("POST", &target);
                    if let Some(ep) = &end_point {
                        info = info.with_tls_server_end_point(ep);
                    }
                    scheme.poll_authorization(&info, at)
                })
                .await?;
                Ok(value.map_err(AuthError::Scheme)?)
            }
            Some(AuthState::Shared { scheme, .. }) => {
                let mut scheme = scheme.lock().await;
                if let Some(request) = scheme
                    .poll_token_request(now())
                    .map_err(AuthError::Scheme)?
                {
                    let (status, body) = self
                        .fetch_token(&request)
                        .await
                        .map_err(|e| AuthError::TokenRequest(Box::new(e)))?;
                    scheme
                        .handle_token_response(status, &body, now())
                        .map_err(AuthError::Scheme)?;
                }
                Ok(scheme
                    .poll_authorization(&info, now())
                    .map_err(AuthError::Scheme)?)
            }
        }
    }

    pub(super) async fn handle_challenge(
        &self,
        conn: &mut Conn,
        headers: &HeaderMap,
    ) -> Result<(&'static str, AuthStep), Error> {
        let challenges = challenges_of(headers)?;
        let result = match &self.inner.auth {
            None => return Err(AuthError::NotConfigured.into()),
            Some(AuthState::PerConnection(_)) => {
                let at = now();
                with_scheme_blocking(conn, move |s| {
                    (s.name(), s.handle_challenge(&challenges, at))
                })
                .await?
            }
            Some(AuthState::Shared { scheme, .. }) => {
                let mut s = scheme.lock().await;
                (s.name(), s.handle_challenge(&challenges, now()))
            }
        };
        Ok((result.0, result.1.map_err(AuthError::Scheme)?))
    }

    /// Step 4 of the `AuthScheme` loop: the final, non-401 response to a request that carried
    /// an `Authorization` header. An error means the server did not prove its identity
    /// (Negotiate's mutual authentication): the response must be discarded.
    pub(super) async fn handle_success(
        &self,
        conn: &mut Conn,
        headers: &HeaderMap,
    ) -> Result<(), Error> {
        let challenges = challenges_of(headers)?;
        let (scheme, result) = match &self.inner.auth {
            None => return Ok(()),
            Some(AuthState::PerConnection(_)) => {
                let at = now();
                with_scheme_blocking(conn, move |s| (s.name(), s.handle_success(&challenges, at)))
                    .await?
            }
            Some(AuthState::Shared { scheme, .. }) => {
                let mut s = scheme.lock().await;
                (s.name(), s.handle_success(&challenges, now()))
            }
        };
        result.map_err(|source| AuthError::ServerNotAuthenticated { scheme, source }.into())
    }

    pub(super) async fn reset_shared_scheme(&self) {
        if let Some(AuthState::Shared {
            scheme,
            factory: Some((f, host)),
        }) = &self.inner.auth
        {
            match f(host) {
                Ok(fresh) => *scheme.lock().await = fresh,
                Err(e) => tracing::warn!(error = %e, "rebuilding the auth scheme failed"),
            }
        }
    }

    /// Sends an OAuth token request (no auth, no retries). Dumps redact its secrets: the
    /// form's values but `grant_type`, `client_id`, `scope`…, the tokens of the answer.
    pub(super) async fn fetch_token(
        &self,
        request: &ews_auth::TokenRequest,
    ) -> Result<(u16, Bytes), Error> {
        let uri = parse_url(request.url())?;
        let key = self.origin(&uri)?;
        let pool = self.inner.token_pools.get(&key, self.inner.max_connections);
        let mut conn = self.connection(&key, &pool).await.map_err(|f| f.error)?;
        conn.sender.ready().await.map_err(Error::http)?;
        let form = request.form_body();
        let req = Request::post(origin_form(&uri))
            .header(header::HOST, host_header(&uri))
            .header(header::USER_AGENT, self.inner.user_agent.clone())
            .header(header::CONTENT_TYPE, request.content_type())
            .header(header::ACCEPT, "application/json")
            .body(full(Bytes::copy_from_slice(&form)))
            .map_err(Error::http)?;
        let dump = self.inner.dumper.as_ref().map(|dumper| {
            let n = dumper.next_number();
            dumper.request(n, &format!("POST {uri}"), req.headers(), Some(&form[..]));
            n
        });
        let response = conn.sender.send_request(req).await.map_err(Error::http)?;
        let status = response.status().as_u16();
        let (parts, mut incoming) = response.into_parts();
        let (bytes, complete) = collect(&mut incoming, ERROR_BODY_LIMIT).await?;
        if let Some(mut sink) = self.dump_response(dump, &parts) {
            sink.write(&bytes);
            sink.finish();
        }
        if complete {
            pool.put(conn);
        }
        Ok((status, bytes))
    }
}
