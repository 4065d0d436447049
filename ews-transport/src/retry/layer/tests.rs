//! The retry layer over a scripted sender, under tokio's paused clock: no sockets.

use std::collections::VecDeque;
use std::sync::Mutex;

use http::{HeaderMap, StatusCode};
use tokio::time::Instant;

use super::*;
use crate::{FailKind, RetryReason};

/// Answers each call with the next scripted outcome, and notes when it was called.
#[derive(Debug, Default)]
struct Scripted {
    script: Mutex<VecDeque<Outcome>>,
    calls: Mutex<Vec<Instant>>,
}

#[derive(Debug)]
enum Outcome {
    Ok,
    Busy(Option<u64>),
    Fatal,
}

impl Scripted {
    fn new(script: impl IntoIterator<Item = Outcome>) -> Self {
        Self {
            script: Mutex::new(script.into_iter().collect()),
            calls: Mutex::default(),
        }
    }
    fn calls(&self) -> Vec<Instant> {
        self.calls.lock().unwrap().clone()
    }
}

impl SendSoap for Scripted {
    async fn send_soap(
        &self,
        _body: &mut RequestBody,
        _options: &CallOptions,
    ) -> Result<SoapResponse, Error> {
        self.calls.lock().unwrap().push(Instant::now());
        let next = self.script.lock().unwrap().pop_front();
        match next.unwrap_or(Outcome::Ok) {
            Outcome::Ok => Ok(SoapResponse::new(StatusCode::OK, HeaderMap::new(), "ok")),
            Outcome::Busy(ms) => Err(Error::Transient {
                reason: RetryReason::ServiceUnavailable,
                after: ms.map(Duration::from_millis),
                source: Box::new(Error::Failed {
                    status: 503,
                    kind: FailKind::Status(503),
                    body_head: String::new(),
                }),
            }),
            Outcome::Fatal => Err(Error::Failed {
                status: 404,
                kind: FailKind::Status(404),
                body_head: String::new(),
            }),
        }
    }
}

/// Jitter factor 0: every delay is half the exponential step.
#[derive(Debug)]
struct NoJitter;

impl Jitter for NoJitter {
    fn next_factor(&self) -> f64 {
        0.0
    }
}

fn tolerant(secs: u64) -> RetryPolicy {
    RetryPolicy::FaultTolerance {
        max_wait: Duration::from_secs(secs),
    }
}

fn schedule() -> Schedule {
    Schedule {
        base: Duration::from_millis(200),
        cap: Duration::from_secs(60),
    }
}

async fn send(sender: &impl SendSoap) -> Result<SoapResponse, Error> {
    let mut body = RequestBody::from_bytes("<x/>");
    sender.send_soap(&mut body, &CallOptions::new("Test")).await
}

#[tokio::test(start_paused = true)]
async fn transient_failures_are_retried_with_back_off() {
    let retry = Retry::new(
        Scripted::new([Outcome::Busy(None), Outcome::Busy(Some(3000)), Outcome::Ok]),
        tolerant(600),
    )
    .with_schedule(schedule())
    .with_jitter(NoJitter);
    let start = Instant::now();
    let response = send(&retry).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.attempts(), 3);
    let calls = retry.inner().calls();
    assert_eq!(calls.len(), 3);
    // Half of 200 ms, then the server's 3 s (more than half of 400 ms).
    assert_eq!(calls[1] - start, Duration::from_millis(100));
    assert_eq!(calls[2] - calls[1], Duration::from_millis(3000));
}

#[tokio::test(start_paused = true)]
async fn other_errors_and_fail_fast_are_not_retried() {
    let retry = Retry::new(Scripted::new([Outcome::Fatal]), tolerant(600));
    let e = send(&retry).await.unwrap_err();
    assert!(matches!(e, Error::Failed { status: 404, .. }), "{e:?}");
    assert_eq!(retry.inner().calls().len(), 1);

    let retry = Retry::new(
        Scripted::new([Outcome::Busy(Some(10))]),
        RetryPolicy::FailFast,
    );
    let e = send(&retry).await.unwrap_err();
    let Error::GaveUp {
        attempts,
        waited,
        reason,
        last,
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!((*attempts, *waited), (1, Duration::ZERO));
    assert_eq!(*reason, RetryReason::ServiceUnavailable);
    assert!(
        matches!(**last, Error::Failed { status: 503, .. }),
        "{last:?}"
    );
    assert_eq!(retry.inner().calls().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn gives_up_when_max_wait_would_be_exceeded() {
    let retry = Retry::new(
        Scripted::new((0..10).map(|_| Outcome::Busy(Some(4000)))),
        tolerant(10),
    )
    .with_jitter(NoJitter);
    let start = Instant::now();
    let e = send(&retry).await.unwrap_err();
    let Error::GaveUp {
        attempts, waited, ..
    } = e
    else {
        panic!("{e:?}")
    };
    // 4 s + 4 s waited; a third wait would pass 10 s.
    assert_eq!(attempts, 3);
    assert_eq!(waited, Duration::from_secs(8));
    assert_eq!(start.elapsed(), Duration::from_secs(8));
}

#[tokio::test(start_paused = true)]
async fn a_servers_back_off_holds_back_other_calls_to_it() {
    let retry = Arc::new(Retry::new(
        Scripted::new([Outcome::Busy(Some(5000))]),
        tolerant(600),
    ));
    let start = Instant::now();
    let first = tokio::spawn({
        let retry = retry.clone();
        async move { send(&retry).await.map(|r| r.attempts()) }
    });
    tokio::time::sleep(Duration::from_millis(1000)).await;
    // A second call, to the same server, a second later: it waits out the back-off too.
    assert_eq!(send(&retry).await.unwrap().attempts(), 1);
    assert_eq!(first.await.unwrap().unwrap(), 2);
    let calls = retry.inner().calls();
    assert_eq!(calls.len(), 3);
    assert!(
        calls[1..]
            .iter()
            .all(|c| *c - start >= Duration::from_secs(5))
    );

    // Another server is not held back.
    let retry = Retry::new(Scripted::new([Outcome::Busy(Some(5000))]), tolerant(600));
    let _ = send(&retry).await;
    let elsewhere = CallOptions::new("Test").url("https://other.example.test/EWS/Exchange.asmx");
    let before = Instant::now();
    let mut body = RequestBody::from_bytes("<x/>");
    retry.send_soap(&mut body, &elsewhere).await.unwrap();
    assert_eq!(before.elapsed(), Duration::ZERO);
}

#[test]
fn server_keys() {
    let key = |url: Option<&str>| {
        let mut o = CallOptions::new("X");
        if let Some(u) = url {
            o = o.url(u);
        }
        server_key(&o)
    };
    assert_eq!(key(None), "");
    assert_eq!(
        key(Some("https://Mail.Example.Test:8443/EWS/Exchange.asmx")),
        "https://mail.example.test:8443"
    );
    assert_eq!(
        key(Some("https://mail.example.test/autodiscover")),
        key(Some("https://mail.example.test/EWS/Exchange.asmx"))
    );
}
