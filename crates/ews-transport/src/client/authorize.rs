//! Driving the `AuthScheme`: the `Authorization` value for each request (after an OAuth token
//! request when the scheme asks for one), and the 401 challenges fed back.

use std::sync::atomic::Ordering;

use bytes::Bytes;
use ews_auth::{AuthStep, RequestInfo};
use http::header::{self, HeaderMap, HeaderValue};
use http::{Request, Uri};

use super::{ERROR_BODY_LIMIT, Transport, host_header, now, origin_form};
use crate::auth::AuthState;
use crate::body::{collect, full};
use crate::pool::Conn;
use crate::{AuthError, Error};

impl Transport {
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
        let mut info = RequestInfo::new("POST", target);
        match &self.inner.auth {
            None => Ok(None),
            Some(AuthState::PerConnection(factory)) => {
                if conn.authenticated {
                    return Ok(None);
                }
                if conn.scheme.is_none() {
                    conn.scheme = Some(factory().map_err(AuthError::Scheme)?);
                }
                if let Some(ep) = &conn.end_point {
                    info = info.with_tls_server_end_point(ep);
                }
                let Some(scheme) = conn.scheme.as_mut() else {
                    return Ok(None);
                };
                Ok(scheme
                    .poll_authorization(&info, now())
                    .map_err(AuthError::Scheme)?)
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
        let values: Vec<&str> = headers
            .get_all(header::WWW_AUTHENTICATE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let challenges = ews_auth::parse_www_authenticate(&values).map_err(AuthError::Scheme)?;
        let result = match &self.inner.auth {
            None => return Err(AuthError::NotConfigured.into()),
            Some(AuthState::PerConnection(_)) => match conn.scheme.as_mut() {
                Some(s) => (s.name(), s.handle_challenge(&challenges, now())),
                None => return Err(AuthError::NotConfigured.into()),
            },
            Some(AuthState::Shared { scheme, .. }) => {
                let mut s = scheme.lock().await;
                (s.name(), s.handle_challenge(&challenges, now()))
            }
        };
        Ok((result.0, result.1.map_err(AuthError::Scheme)?))
    }

    pub(super) async fn reset_shared_scheme(&self) {
        if let Some(AuthState::Shared {
            scheme,
            factory: Some(f),
        }) = &self.inner.auth
        {
            match f() {
                Ok(fresh) => *scheme.lock().await = fresh,
                Err(e) => tracing::warn!(error = %e, "rebuilding the auth scheme failed"),
            }
        }
    }

    /// Sends an OAuth token request (no auth, no retries, no dump: it holds secrets).
    pub(super) async fn fetch_token(
        &self,
        request: &ews_auth::TokenRequest,
    ) -> Result<(u16, Bytes), Error> {
        let uri: Uri = request
            .url()
            .parse()
            .map_err(|e| Error::Config(format!("invalid token endpoint: {e}")))?;
        let key = self.origin(&uri)?;
        let pool = self.inner.pools.get(&key, self.inner.max_connections);
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
        let response = conn.sender.send_request(req).await.map_err(Error::http)?;
        let status = response.status().as_u16();
        let mut incoming = response.into_body();
        let (bytes, complete) = collect(&mut incoming, ERROR_BODY_LIMIT).await?;
        if complete {
            pool.put(conn);
        }
        Ok((status, bytes))
    }
}
