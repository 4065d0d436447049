//! The pool: 200 concurrent NTLM calls over at most 4 connections, one handshake each.

use std::sync::atomic::Ordering;

use ews_auth::{Credentials, SchemeKind};
use ews_transport::Auth;

use crate::server::{self, Demand, Opts, soap_ok};
use crate::{builder, call_ok};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_calls_over_four_ntlm_connections() {
    let s = server::start(Opts::new(Demand::Ntlm("EXAMPLE", "alice", "pw"), |_| {
        soap_ok()
    }))
    .await;
    let t = builder(&s)
        .max_connections(4)
        .auth(Auth::from_credentials(
            SchemeKind::Ntlm,
            Credentials::password(r"EXAMPLE\alice", "pw").unwrap(),
        ))
        .build()
        .unwrap();
    let calls: Vec<_> = (0..200)
        .map(|_| {
            let t = t.clone();
            tokio::spawn(async move { call_ok(&t).await })
        })
        .collect();
    for c in calls {
        c.await.unwrap();
    }
    assert_eq!(s.requests(), 200);
    let connections = s.stats.connections.load(Ordering::SeqCst);
    assert!(connections <= 4, "{connections} connections");
    assert!(s.stats.max_open.load(Ordering::SeqCst) <= 4);
    let handshakes = s.stats.ntlm_handshakes.lock().unwrap().clone();
    assert_eq!(handshakes.len(), connections);
    assert!(handshakes.values().all(|n| *n == 1), "{handshakes:?}");
}
