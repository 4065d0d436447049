//! One attempt: a connection from the pool, the request and its authentication round trips
//! on that connection, and the classification of the response (retrying is not done here:
//! see `crate::retry`).

use std::sync::Arc;
use std::sync::atomic::Ordering;

use bytes::Bytes;
use ews_auth::{AuthStep, Failure};
use http::{StatusCode, Uri};
use hyper::body::Incoming;

use super::{Attempted, ERROR_BODY_LIMIT, Failed, HttpSender, MAX_AUTH_ROUNDS};
use crate::auth::AuthState;
use crate::body::collect;
use crate::pool::{Checkout, Conn, OriginKey, Pool};
use crate::retry::{IoFailure, Verdict, classify, classify_unauthorized};
use crate::{AuthError, CallOptions, Error, RequestBody, ResponseBody, SoapResponse, TimeoutKind};

impl HttpSender {
    /// Classifies a response head; buffers and parses non-2xx bodies to do so.
    pub(super) async fn classify(
        &self,
        parts: http::response::Parts,
        mut incoming: Incoming,
        conn: Conn,
        dump: Option<u32>,
        pool: &Arc<Pool>,
    ) -> Result<SoapResponse, Failed> {
        let status = parts.status;
        let dump = self.dump_response(dump, &parts);
        if status.is_success() {
            let body = ResponseBody::streaming(
                incoming,
                conn,
                pool.clone(),
                self.inner.idle_timeout,
                dump,
            );
            return Ok(SoapResponse {
                status,
                headers: parts.headers,
                body,
                attempts: 1,
            });
        }
        let (bytes, complete) = collect(&mut incoming, ERROR_BODY_LIMIT)
            .await
            .map_err(|e| Failed::io(IoFailure::AfterSend, false, e))?;
        if complete {
            pool.put(conn);
        }
        let fault = if status == StatusCode::INTERNAL_SERVER_ERROR || status.as_u16() == 503 {
            let b = bytes.clone();
            tokio::task::spawn_blocking(move || match ews_xml::soap::read_response(&b[..]) {
                Ok(ews_xml::soap::Response {
                    body: ews_xml::soap::ResponseBody::Fault(f),
                    ..
                }) => Some(f),
                _ => None,
            })
            .await
            .ok()
            .flatten()
        } else {
            None
        };
        let verdict = classify(status.as_u16(), &parts.headers, fault.as_deref());
        let head = || {
            let end = bytes.len().min(512);
            String::from_utf8_lossy(&bytes[..end]).into_owned()
        };
        match verdict {
            Verdict::Response => Ok(SoapResponse {
                status,
                headers: parts.headers,
                body: ResponseBody::buffered(bytes, dump),
                attempts: 1,
            }),
            Verdict::Fail(kind) => Err(Failed {
                error: Error::Failed {
                    status: status.as_u16(),
                    kind: kind.clone(),
                    body_head: head(),
                },
                verdict: Verdict::Fail(kind),
            }),
            retry @ Verdict::Retry { .. } => Err(Failed {
                error: Error::Failed {
                    status: status.as_u16(),
                    kind: crate::FailKind::Status(status.as_u16()),
                    body_head: head(),
                },
                verdict: retry,
            }),
        }
    }

    pub(super) fn dump_response(
        &self,
        n: Option<u32>,
        parts: &http::response::Parts,
    ) -> Option<crate::dump::DumpSink> {
        let dumper = self.inner.dumper.as_ref()?;
        Some(dumper.response(n?, &format!("HTTP/1.1 {}", parts.status), &parts.headers))
    }

    /// A connection: an idle one, or a new one (a failure to connect is classified).
    pub(super) async fn connection(
        &self,
        key: &OriginKey,
        pool: &Arc<Pool>,
    ) -> Result<Conn, Failed> {
        let conn = match pool.checkout().await {
            Checkout::Idle(c) => c,
            Checkout::Dial(slot) => match self.inner.dialer.dial(key, slot).await {
                Ok(c) => c,
                Err(e @ (Error::Connect { .. } | Error::Timeout(..))) => {
                    return Err(Failed::io(IoFailure::BeforeSend, false, e));
                }
                Err(e) => return Err(Failed::fatal(e)),
            },
        };
        Ok(conn)
    }

    /// One attempt: a connection, then the request with as many authentication round trips
    /// as the scheme needs, all on that connection.
    pub(super) async fn attempt(
        &self,
        uri: &Uri,
        key: &OriginKey,
        pool: &Arc<Pool>,
        body: &mut RequestBody,
        opts: &CallOptions,
    ) -> Result<Attempted, Failed> {
        let use_auth = opts.authenticate && self.inner.auth.is_some();
        let mut stale = 0;
        'conn: loop {
            let mut conn = self.connection(key, pool).await?;
            if conn.sender.ready().await.is_err() {
                stale += 1;
                if stale > self.inner.max_connections + 1 {
                    let e = Error::Http("connections keep closing".into());
                    return Err(Failed::io(IoFailure::BeforeSend, false, e));
                }
                continue 'conn;
            }
            // A one-shot body cannot take part in a handshake: authenticate with an empty
            // request first.
            let preflight = use_auth && body.is_stream() && self.needs_handshake(&conn);
            let mut empty = RequestBody::from_bytes(Bytes::new());
            let mut rounds = 0;
            let mut preflight_pending = preflight;
            loop {
                rounds += 1;
                if rounds > MAX_AUTH_ROUNDS + u32::from(preflight) {
                    return Err(Failed::fatal(AuthError::TooManyRounds.into()));
                }
                let authorization = if use_auth {
                    self.authorization(&mut conn, uri)
                        .await
                        .map_err(Failed::fatal)?
                } else {
                    None
                };
                let sent_header = authorization.is_some();
                let sent_credentials = sent_header || conn.authenticated;
                let this_body = if preflight_pending {
                    &mut empty
                } else {
                    &mut *body
                };
                let (req, dump) = self
                    .request(uri, opts, this_body, authorization)
                    .map_err(Failed::fatal)?;
                let fut = conn.sender.try_send_request(req);
                let res = match self.inner.request_timeout {
                    Some(t) => match tokio::time::timeout(t, fut).await {
                        Ok(r) => r,
                        Err(_) => {
                            let e = Error::Timeout(TimeoutKind::Request, t);
                            return Err(Failed::io(IoFailure::AfterSend, opts.idempotent, e));
                        }
                    },
                    None => fut.await,
                };
                let response = match res {
                    Ok(r) => r,
                    Err(mut e) => {
                        if let Some(req) = e.take_message() {
                            // Nothing was written: the pooled connection was already closed.
                            this_body.restore(req.into_body());
                            stale += 1;
                            if stale <= self.inner.max_connections + 1 {
                                continue 'conn;
                            }
                            let e = Error::http(e.into_error());
                            return Err(Failed::io(IoFailure::BeforeSend, false, e));
                        }
                        let e = Error::http(e.into_error());
                        return Err(Failed::io(IoFailure::AfterSend, opts.idempotent, e));
                    }
                };
                let (parts, mut incoming) = response.into_parts();
                if parts.status != StatusCode::UNAUTHORIZED || !use_auth {
                    if use_auth && sent_header {
                        // Step 4: the scheme checks the final answer (Negotiate's mutual
                        // authentication). On failure the response and its connection are
                        // dropped: the server did not prove who it is.
                        self.handle_success(&mut conn, &parts.headers)
                            .await
                            .map_err(Failed::fatal)?;
                    }
                    if sent_credentials {
                        conn.authenticated |=
                            matches!(self.inner.auth, Some(AuthState::PerConnection(_)));
                        self.inner.accepted.store(true, Ordering::Relaxed);
                    }
                    self.keep_cookie(opts, &parts.headers);
                    if preflight_pending {
                        preflight_pending = false;
                        let (_, complete) = collect(&mut incoming, ERROR_BODY_LIMIT)
                            .await
                            .map_err(|e| Failed::io(IoFailure::AfterSend, false, e))?;
                        if !complete || conn.sender.ready().await.is_err() {
                            continue 'conn;
                        }
                        continue;
                    }
                    return Ok((parts, incoming, conn, dump));
                }
                // 401: feed the challenges to the scheme, on this connection.
                let (drained, complete) = collect(&mut incoming, ERROR_BODY_LIMIT)
                    .await
                    .map_err(|e| Failed::io(IoFailure::AfterSend, false, e))?;
                if let Some(mut sink) = self.dump_response(dump, &parts) {
                    sink.write(&drained);
                    sink.finish();
                }
                let step = self
                    .handle_challenge(&mut conn, &parts.headers)
                    .await
                    .map_err(Failed::fatal)?;
                match step {
                    (_, AuthStep::Retry) => {
                        if !complete || conn.sender.ready().await.is_err() {
                            return Err(Failed::fatal(AuthError::TooManyRounds.into()));
                        }
                    }
                    (scheme, AuthStep::Failed(failure)) => {
                        let accepted_before = self.inner.accepted.load(Ordering::Relaxed)
                            && failure == Failure::Rejected;
                        if accepted_before {
                            self.reset_shared_scheme().await;
                        }
                        return Err(Failed {
                            verdict: classify_unauthorized(accepted_before),
                            error: AuthError::Failed { scheme, failure }.into(),
                        });
                    }
                    (_, _) => return Err(Failed::fatal(AuthError::TooManyRounds.into())),
                }
            }
        }
    }
}
