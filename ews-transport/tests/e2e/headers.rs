//! User agent, extra headers, anchor mailbox and the affinity cookie kept per mailbox.

use std::sync::{Arc, Mutex};

use ews_transport::{CallOptions, DEFAULT_USER_AGENT};
use http::{HeaderName, HeaderValue, Response};
use http_body_util::Full;

use crate::server::{self, Demand, Opts, Reply};
use crate::{REQUEST, builder};

#[tokio::test]
async fn headers_and_affinity_cookie() {
    let seen: Arc<Mutex<Vec<http::HeaderMap>>> = Arc::default();
    let log = seen.clone();
    let s = server::start(Opts::new(Demand::None, move |r| {
        log.lock().unwrap().push(r.headers.clone());
        let mailbox = r
            .headers
            .get("x-anchormailbox")
            .map(|v| v.to_str().unwrap().to_owned());
        let mut b = Response::builder()
            .status(200)
            .header("content-type", "text/xml; charset=utf-8");
        if let Some(m) = mailbox {
            b = b.header(
                "set-cookie",
                format!("X-BackEndOverrideCookie=BE-{m}; path=/; secure; HttpOnly"),
            );
        }
        b = b.header("set-cookie", "exchangecookie=abc; path=/");
        Reply::Http(b.body(Full::new(crate::OK_ENVELOPE.into())).unwrap())
    }))
    .await;
    let t = builder(&s)
        .header(
            HeaderName::from_static("x-clientapplication"),
            HeaderValue::from_static("tests/1.0"),
        )
        .build()
        .unwrap();
    let bob = CallOptions::new("GetItem").anchor_mailbox("bob@example.test");
    let carol = CallOptions::new("GetItem").anchor_mailbox("carol@example.test");
    for opts in [&bob, &bob, &carol, &CallOptions::default(), &carol] {
        let r = t.send_envelope(REQUEST, opts).await.unwrap();
        r.into_body().bytes(1 << 20).await.unwrap();
    }
    let seen = seen.lock().unwrap();
    let get = |i: usize, name: &str| seen[i].get(name).map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(get(0, "user-agent").as_deref(), Some(DEFAULT_USER_AGENT));
    assert!(DEFAULT_USER_AGENT.starts_with("ews-rs/0."));
    assert_eq!(get(0, "x-clientapplication").as_deref(), Some("tests/1.0"));
    assert_eq!(
        get(0, "x-anchormailbox").as_deref(),
        Some("bob@example.test")
    );
    assert_eq!(get(0, "x-preferserveraffinity").as_deref(), Some("true"));
    assert_eq!(get(0, "cookie"), None);
    assert_eq!(
        get(1, "cookie").as_deref(),
        Some("X-BackEndOverrideCookie=BE-bob@example.test")
    );
    assert_eq!(get(2, "cookie"), None);
    assert_eq!(get(3, "cookie"), None);
    assert_eq!(get(3, "x-anchormailbox"), None);
    assert_eq!(
        get(4, "cookie").as_deref(),
        Some("X-BackEndOverrideCookie=BE-carol@example.test")
    );
    assert_eq!(
        get(0, "content-type").as_deref(),
        Some("text/xml; charset=utf-8")
    );
}
