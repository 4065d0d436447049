//! Fault injection: each retry quirk, the server's back-off honoured (paused clock), max_wait
//! exhaustion, resets before and after the request was sent.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ews_auth::{Credentials, SchemeKind};
use ews_transport::{
    Auth, CallOptions, Error, RequestBody, Retry, RetryPolicy, RetryReason, SendSoap, Transport,
};
use http::{Response, StatusCode};
use http_body_util::Full;

use crate::server::{self, Demand, Opts, Reply, Server, soap_ok, xml};
use crate::{REQUEST, builder, call, call_ok, untimed};

const TOLERANT: RetryPolicy = RetryPolicy::FaultTolerance {
    max_wait: Duration::from_secs(600),
};

fn fault(code: &str, message: &str, message_xml: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:{code}</faultcode><faultstring>{message}</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">{code}</e:ResponseCode><e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">{message}</e:Message><t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">{message_xml}</t:MessageXml></detail></s:Fault></s:Body></s:Envelope>"#
    )
}

fn busy(ms: u64) -> Reply {
    Reply::Http(xml(
        StatusCode::INTERNAL_SERVER_ERROR,
        &fault(
            "ErrorServerBusy",
            "The server cannot service this request right now. Try again later.",
            &format!(r#"<t:Value Name="BackOffMilliseconds">{ms}</t:Value>"#),
        ),
    ))
}

fn status(code: u16, headers: &[(&str, &str)]) -> Reply {
    let mut b = Response::builder().status(code);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    Reply::Http(b.body(Full::default()).unwrap())
}

/// The server answers the first `failures` requests with `bad()`, then OK; returns the
/// elapsed (paused) time of one call.
async fn tolerated(failures: usize, bad: fn() -> Reply) -> (Server, Duration) {
    let s = server::start(Opts::new(Demand::None, move |r| {
        if r.n <= failures { bad() } else { soap_ok() }
    }))
    .await;
    let t = untimed(&mut builder(&s))
        .retry_policy(TOLERANT)
        .build()
        .unwrap();
    let start = tokio::time::Instant::now();
    call_ok(&t).await;
    (s, start.elapsed())
}

#[tokio::test(start_paused = true)]
async fn server_busy_back_off_is_honoured() {
    let (s, elapsed) = tolerated(1, || busy(5000)).await;
    assert_eq!(s.requests(), 2);
    assert!(elapsed >= Duration::from_millis(5000), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(5100), "{elapsed:?}");
}

#[tokio::test(start_paused = true)]
async fn server_busy_wrapped_in_internal_server_error() {
    let (s, elapsed) = tolerated(2, || {
        Reply::Http(xml(
            StatusCode::INTERNAL_SERVER_ERROR,
            &fault(
                "ErrorInternalServerError",
                "An internal server error occurred. The operation failed.",
                r#"<t:Value Name="InnerErrorResponseCode">ErrorServerBusy</t:Value><t:Value Name="BackOffMilliseconds">2000</t:Value>"#,
            ),
        ))
    })
    .await;
    assert_eq!(s.requests(), 3);
    assert!(elapsed >= Duration::from_millis(4000), "{elapsed:?}");
}

#[tokio::test(start_paused = true)]
async fn transient_quirks_are_retried() {
    let quirks: [fn() -> Reply; 6] = [
        || status(503, &[]),
        || status(429, &[("retry-after", "2")]),
        || status(302, &[("location", "/owa/auth/errorFE.aspx?httpCode=500")]),
        || status(302, &[("location", "https://x/ews/genericerrorpage.htm")]),
        || status(500, &[("x-casErrorCode", "ServerBusy")]),
        || {
            Reply::Http(xml(
                StatusCode::INTERNAL_SERVER_ERROR,
                &fault("ErrorTimeoutExpired", "The request timed out.", ""),
            ))
        },
    ];
    for (i, quirk) in quirks.into_iter().enumerate() {
        let (s, elapsed) = tolerated(1, quirk).await;
        assert_eq!(s.requests(), 2, "quirk {i}");
        if i == 1 {
            assert!(
                elapsed >= Duration::from_secs(2),
                "Retry-After: {elapsed:?}"
            );
        }
    }
}

#[tokio::test(start_paused = true)]
async fn fault_that_retrying_cannot_fix_is_the_response() {
    let s = server::start(Opts::new(Demand::None, |_| {
        Reply::Http(xml(
            StatusCode::INTERNAL_SERVER_ERROR,
            &fault(
                "ErrorSchemaValidation",
                "The request failed schema validation.",
                "",
            ),
        ))
    }))
    .await;
    let t = untimed(&mut builder(&s))
        .retry_policy(TOLERANT)
        .build()
        .unwrap();
    let r = call(&t).await.unwrap();
    assert_eq!(r.status(), 500);
    let code = r
        .read_with(|env| match env.body {
            ews_xml::soap::ResponseBody::Fault(f) => f.response_code(),
            _ => None,
        })
        .await
        .unwrap();
    assert_eq!(code, Some(ews_xml::ResponseCode::ErrorSchemaValidation));
    assert_eq!(s.requests(), 1);
}

#[tokio::test(start_paused = true)]
async fn max_wait_exhausted_says_how_long_and_why() {
    let s = server::start(Opts::new(Demand::None, |_| {
        status(503, &[("retry-after", "10")])
    }))
    .await;
    let t = untimed(&mut builder(&s))
        .retry_policy(RetryPolicy::FaultTolerance {
            max_wait: Duration::from_secs(35),
        })
        .build()
        .unwrap();
    let start = tokio::time::Instant::now();
    let e = call(&t).await.unwrap_err();
    let Error::GaveUp {
        attempts,
        waited,
        reason,
        ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(*reason, RetryReason::ServiceUnavailable);
    assert_eq!(*attempts, 4);
    assert!(*waited >= Duration::from_secs(30) && *waited <= Duration::from_secs(35));
    assert!(start.elapsed() <= Duration::from_secs(35));
    let text = e.to_string();
    assert!(text.contains("4 attempt") && text.contains("503"), "{text}");
}

#[tokio::test(start_paused = true)]
async fn fail_fast_does_not_retry() {
    let s = server::start(Opts::new(Demand::None, |_| busy(1000))).await;
    let t = untimed(&mut builder(&s)).build().unwrap();
    let e = call(&t).await.unwrap_err();
    assert!(
        matches!(
            e,
            Error::GaveUp {
                attempts: 1,
                reason: RetryReason::ServerBusy,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(s.requests(), 1);
}

/// The back-off hint one request got is honoured by another request to the same server.
#[tokio::test]
async fn back_off_is_shared_by_all_requests() {
    let s = server::start(Opts::new(Demand::None, |r| {
        if r.n == 1 { busy(400) } else { soap_ok() }
    }))
    .await;
    let t = builder(&s).retry_policy(TOLERANT).build().unwrap();
    let t1 = t.clone();
    let first = tokio::spawn(async move { call_ok(&t1).await });
    while s.requests() < 1 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let busy_at = s.stats.arrivals.lock().unwrap()[0];
    call_ok(&t).await;
    first.await.unwrap();
    let arrivals = s.stats.arrivals.lock().unwrap().clone();
    assert_eq!(arrivals.len(), 3);
    for a in &arrivals[1..] {
        assert!(
            *a - busy_at >= Duration::from_millis(400),
            "{:?}",
            *a - busy_at
        );
    }
}

fn counted_reset_server(counter: Arc<AtomicUsize>) -> Opts {
    Opts::new(Demand::None, move |_| {
        if counter.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::Drop
        } else {
            soap_ok()
        }
    })
}

#[tokio::test(start_paused = true)]
async fn reset_after_send_is_retried_only_when_idempotent() {
    let s = server::start(counted_reset_server(Arc::default())).await;
    let t = untimed(&mut builder(&s))
        .retry_policy(TOLERANT)
        .build()
        .unwrap();
    call_ok(&t).await;
    assert_eq!(s.requests(), 2);

    let s = server::start(counted_reset_server(Arc::default())).await;
    let t = untimed(&mut builder(&s))
        .retry_policy(TOLERANT)
        .build()
        .unwrap();
    let e = t
        .send_envelope(REQUEST, &CallOptions::new("SendItem").idempotent(false))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::MaybeSent(_)), "{e:?}");
    // The server saw it once and never again.
    tokio::time::sleep(Duration::from_secs(60)).await;
    assert_eq!(s.requests(), 1);
}

/// A pooled connection the server closed while idle: nothing was sent on it, so even a
/// non-idempotent request goes out (once) on a fresh connection.
#[tokio::test]
async fn stale_pooled_connection_is_replaced() {
    let s = server::start(Opts::new(Demand::None, |r| {
        if r.n == 1 {
            Reply::CloseAfter(xml(StatusCode::OK, crate::OK_ENVELOPE))
        } else {
            soap_ok()
        }
    }))
    .await;
    let t = builder(&s).build().unwrap();
    call_ok(&t).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    let r = t
        .send_envelope(REQUEST, &CallOptions::new("SendItem").idempotent(false))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(s.requests(), 2);
    assert_eq!(s.stats.connections.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn connection_refused_then_retried() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let url = format!("http://127.0.0.1:{port}/EWS/Exchange.asmx");
    let mut b = Transport::builder(url);
    b.dump_from_env(false).retry_policy(TOLERANT);
    let t = b.build().unwrap();
    // Fail fast: refused.
    let mut ff = Transport::builder(t.endpoint());
    let e = call(&ff.dump_from_env(false).build().unwrap())
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::GaveUp {
                reason: RetryReason::ConnectFailed,
                ..
            }
        ),
        "{e:?}"
    );
    // Tolerant: the server comes up 300 ms later.
    let server = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap();
        let (tcp, _) = listener.accept().await.unwrap();
        let service = hyper::service::service_fn(|_req| async {
            Ok::<_, std::convert::Infallible>(xml(StatusCode::OK, crate::OK_ENVELOPE))
        });
        let _ = hyper::server::conn::http1::Builder::new()
            .serve_connection(hyper_util::rt::TokioIo::new(tcp), service)
            .await;
    });
    call_ok(&t).await;
    server.abort();
}

#[tokio::test(start_paused = true)]
async fn unauthorized_after_success_is_retried() {
    let flip = Arc::new(AtomicUsize::new(0));
    let f = flip.clone();
    let s = server::start(Opts::new(Demand::Basic("alice", "pw"), move |r| {
        if r.n == 2 && f.fetch_add(1, Ordering::SeqCst) == 0 {
            status(401, &[("www-authenticate", r#"Basic realm="x""#)])
        } else {
            soap_ok()
        }
    }))
    .await;
    let auth = || {
        Auth::from_credentials(
            SchemeKind::Basic,
            Credentials::password("alice", "pw").unwrap(),
        )
    };
    let t = untimed(&mut builder(&s))
        .auth(auth())
        .retry_policy(TOLERANT)
        .build()
        .unwrap();
    call_ok(&t).await;
    call_ok(&t).await;
    call_ok(&t).await;
    assert_eq!(s.requests(), 4);
}

/// The layers on their own: the HTTP layer makes one attempt and reports a transient
/// failure as such; a `Retry` stacked on it (sharing the transport's pool) retries it.
#[tokio::test(start_paused = true)]
async fn http_layer_does_not_retry_and_retry_layer_does() {
    let s = server::start(Opts::new(Demand::None, |r| {
        if r.n == 1 {
            status(503, &[("retry-after", "3")])
        } else {
            soap_ok()
        }
    }))
    .await;
    let t = untimed(&mut builder(&s))
        .retry_policy(TOLERANT)
        .build()
        .unwrap();
    let options = CallOptions::new("GetFolder");
    let mut body = RequestBody::from_bytes(REQUEST);
    let e = t.http().send_soap(&mut body, &options).await.unwrap_err();
    let Error::Transient {
        reason,
        after,
        source,
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(*reason, RetryReason::ServiceUnavailable);
    assert_eq!(*after, Some(Duration::from_secs(3)));
    assert!(
        matches!(**source, Error::Failed { status: 503, .. }),
        "{source:?}"
    );
    assert!(e.is_transient());
    assert_eq!(s.requests(), 1);

    // Any `SendSoap` will do for the caller: here the transport itself, generically.
    async fn twice(sender: &impl SendSoap) -> (u32, u32) {
        let options = CallOptions::new("GetFolder");
        let mut attempts = [0; 2];
        for a in &mut attempts {
            let mut body = RequestBody::from_bytes(REQUEST);
            *a = sender
                .send_soap(&mut body, &options)
                .await
                .unwrap()
                .attempts();
        }
        (attempts[0], attempts[1])
    }
    assert_eq!(twice(&t).await, (1, 1));

    let s = server::start(Opts::new(Demand::None, |r| {
        if r.n == 1 {
            status(503, &[("retry-after", "3")])
        } else {
            soap_ok()
        }
    }))
    .await;
    let t = untimed(&mut builder(&s)).build().unwrap();
    let retry = Retry::new(t.http().clone(), TOLERANT);
    let start = tokio::time::Instant::now();
    assert_eq!(twice(&retry).await, (2, 1));
    assert!(start.elapsed() >= Duration::from_secs(3));
    assert_eq!(s.requests(), 3);
}
