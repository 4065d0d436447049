//! The HTTP side: the accept loop (plain or TLS), serving a connection, and the gate every
//! request passes (path, authentication, method, faults, body size) before the SOAP request
//! is answered.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use bytes::Bytes;
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;

use crate::{EWS_PATH, State, auth, dispatch, faults};

/// The largest request body accepted (bytes).
const MAX_BODY: usize = 32 * 1024 * 1024;

/// Accepts connections until `stop` changes, serving each on its own task (after the TLS
/// handshake when the server speaks TLS).
pub(crate) async fn accept_loop(
    listener: TcpListener,
    acceptor: Option<TlsAcceptor>,
    state: Arc<State>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stop.changed() => return,
        };
        let Ok((tcp, _)) = accepted else {
            continue;
        };
        let (state, acceptor, stop) = (state.clone(), acceptor.clone(), stop.clone());
        tokio::spawn(async move {
            let _open = state.faults.connection();
            match acceptor {
                Some(a) => {
                    if let Ok(tls) = a.accept(tcp).await {
                        let conn = auth::Connection::tls(&state, tls.get_ref().1);
                        serve(TokioIo::new(tls), state, stop, conn).await;
                    }
                }
                None => {
                    let conn = auth::Connection::new(&state);
                    serve(TokioIo::new(tcp), state, stop, conn).await;
                }
            }
        });
    }
}

async fn serve<IO>(
    io: IO,
    state: Arc<State>,
    mut stop: watch::Receiver<bool>,
    conn: auth::Connection,
) where
    IO: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
        let (state, conn) = (state.clone(), conn.clone());
        async move { faults::deliver(handle(&state, &conn, req).await).await }
    });
    let conn = hyper::server::conn::http1::Builder::new().serve_connection(io, service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = stop.changed() => {}
    }
}

fn plain(status: StatusCode) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::new()));
    *r.status_mut() = status;
    r
}

async fn handle(
    state: &State,
    conn: &auth::Connection,
    req: Request<Incoming>,
) -> Response<Full<Bytes>> {
    state.requests.fetch_add(1, Ordering::SeqCst);
    let req = match auth::token_endpoint(state, req).await {
        Ok(token_reply) => return token_reply,
        Err(req) => req,
    };
    if !req.uri().path().eq_ignore_ascii_case(EWS_PATH) {
        return plain(StatusCode::NOT_FOUND);
    }
    let granted = match auth::authenticate(state, conn, req.headers()) {
        Ok(granted) => granted,
        Err(challenge) => {
            // Read the body, so the connection stays usable for the next leg (NTLM).
            let _ = Limited::new(req.into_body(), MAX_BODY).collect().await;
            return *challenge;
        }
    };
    if req.method() != Method::POST {
        let mut r = plain(StatusCode::METHOD_NOT_ALLOWED);
        r.headers_mut()
            .insert(http::header::ALLOW, http::HeaderValue::from_static("POST"));
        return r;
    }
    let mut faults = state.faults.plan();
    if let Some(r) = faults.before_body() {
        return r;
    }
    let body = match Limited::new(req.into_body(), MAX_BODY).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return plain(StatusCode::PAYLOAD_TOO_LARGE),
    };
    if let Some(r) = faults.before_processing(&body, state.build) {
        return r;
    }
    let (status, xml) = faults.processed(dispatch::respond(state, &granted.user, &body));
    let mut r = Response::new(Full::new(Bytes::from(xml)));
    *r.status_mut() = status;
    r.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/xml; charset=utf-8"),
    );
    if let Some(v) = granted.www_authenticate {
        r.headers_mut().append(http::header::WWW_AUTHENTICATE, v);
    }
    faults.finish(r)
}
