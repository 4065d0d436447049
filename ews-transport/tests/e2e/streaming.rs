//! Streaming bodies both ways, with a connection-bound scheme (the handshake runs first with
//! an empty request), and the blocking reader bridge.

use std::io::Read as _;

use bytes::Bytes;
use ews_auth::{Credentials, SchemeKind};
use ews_transport::{Auth, CallOptions, RequestBody};
use http::StatusCode;

use crate::builder;
use crate::server::{self, Demand, Opts, Reply, xml};

const CHUNK: usize = 64 * 1024;
const CHUNKS: usize = 80;

#[tokio::test]
async fn stream_up_and_down_with_ntlm() {
    let s = server::start(Opts::new(Demand::Ntlm("EXAMPLE", "alice", "pw"), |r| {
        if r.body.is_empty() {
            // The empty request that authenticates the connection.
            return Reply::Http(xml(StatusCode::BAD_REQUEST, ""));
        }
        assert_eq!(r.body.len(), CHUNK * CHUNKS);
        assert!(r.body.iter().all(|b| *b == b'x'));
        // A big answer: 5 MiB.
        Reply::Http(xml(StatusCode::OK, &"y".repeat(5 << 20)))
    }))
    .await;
    let t = builder(&s)
        .auth(Auth::from_credentials(
            SchemeKind::Ntlm,
            Credentials::password(r"EXAMPLE\alice", "pw").unwrap(),
        ))
        .build()
        .unwrap();
    for _ in 0..2 {
        let chunks = (0..CHUNKS).map(|_| Ok(Bytes::from(vec![b'x'; CHUNK])));
        let body = RequestBody::from_stream(Stream(chunks.collect()));
        let r = t
            .send(body, &CallOptions::new("UploadItems"))
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let reader = r.into_blocking_reader();
        let n = tokio::task::spawn_blocking(move || {
            let mut n = 0;
            let mut buf = [0u8; 8192];
            let mut reader = reader;
            loop {
                let k = reader.read(&mut buf).unwrap();
                if k == 0 {
                    return n;
                }
                assert!(buf[..k].iter().all(|b| *b == b'y'));
                n += k;
            }
        })
        .await
        .unwrap();
        assert_eq!(n, 5 << 20);
    }
    // One connection, one handshake (the second upload needs no preflight).
    assert_eq!(s.stats.ntlm_handshakes.lock().unwrap().len(), 1);
    assert_eq!(s.requests(), 3);
}

/// A simple stream over a vector of chunks.
struct Stream(std::collections::VecDeque<Result<Bytes, std::io::Error>>);

impl futures_core::Stream for Stream {
    type Item = Result<Bytes, std::io::Error>;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        std::task::Poll::Ready(self.0.pop_front())
    }
}
