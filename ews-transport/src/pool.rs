//! The connection pool: at most `max_connections` live connections per server; requests wait
//! for a free one; connections closed by the server are dropped; a connection keeps its own
//! authentication state, so connection-bound handshakes (NTLM) run once per connection.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use bytes::Bytes;
use ews_auth::AuthScheme;
use hyper::client::conn::http1::SendRequest;
use tokio::sync::Notify;

/// The request body type hyper sees.
pub(crate) type ReqBody = http_body_util::combinators::UnsyncBoxBody<Bytes, std::io::Error>;

/// Which server a connection goes to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct OriginKey {
    pub(crate) tls: bool,
    pub(crate) host: String,
    pub(crate) port: u16,
}

impl OriginKey {
    pub(crate) fn target(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

/// One open HTTP/1.1 connection.
pub(crate) struct Conn {
    pub(crate) sender: SendRequest<ReqBody>,
    pub(crate) id: u64,
    /// The connection-bound scheme (NTLM) whose handshake ran, or runs, on this connection.
    pub(crate) scheme: Option<Box<dyn AuthScheme>>,
    /// The connection-bound handshake finished: requests on it need no `Authorization`.
    pub(crate) authenticated: bool,
    /// `tls-server-end-point` channel binding of this TLS connection.
    pub(crate) end_point: Option<Vec<u8>>,
    /// It served a request before (a failure on it may be a stale keep-alive).
    pub(crate) reused: bool,
    _slot: Slot,
}

impl Conn {
    pub(crate) fn new(
        sender: SendRequest<ReqBody>,
        end_point: Option<Vec<u8>>,
        slot: Slot,
    ) -> Self {
        static IDS: AtomicU64 = AtomicU64::new(1);
        Self {
            sender,
            id: IDS.fetch_add(1, Ordering::Relaxed),
            scheme: None,
            authenticated: false,
            end_point,
            reused: false,
            _slot: slot,
        }
    }
}

impl std::fmt::Debug for Conn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Conn")
            .field("id", &self.id)
            .field("authenticated", &self.authenticated)
            .finish_non_exhaustive()
    }
}

/// The right to hold one live connection; dropping it frees the place and wakes a waiter.
#[derive(Debug)]
pub(crate) struct Slot(Arc<Pool>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.lock().live -= 1;
        self.0.notify.notify_one();
    }
}

/// What [`Pool::checkout`] hands out.
#[derive(Debug)]
pub(crate) enum Checkout {
    /// An idle, open connection.
    Idle(Conn),
    /// A free place: open a new connection with this slot.
    Dial(Slot),
}

#[derive(Debug, Default)]
struct PoolState {
    idle: Vec<Conn>,
    live: usize,
}

/// The connections to one server.
#[derive(Debug)]
pub(crate) struct Pool {
    state: Mutex<PoolState>,
    notify: Notify,
    max: usize,
}

impl Pool {
    pub(crate) fn new(max: usize) -> Arc<Self> {
        Arc::new(Self {
            state: Mutex::new(PoolState::default()),
            notify: Notify::new(),
            max: max.max(1),
        })
    }

    fn lock(&self) -> MutexGuard<'_, PoolState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// An idle connection (authenticated ones first), or a slot to dial a new one; waits
    /// while `max` connections are live and busy.
    pub(crate) async fn checkout(self: &Arc<Self>) -> Checkout {
        loop {
            let notified = self.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let mut closed = Vec::new();
            let found = {
                let mut st = self.lock();
                let mut found = None;
                while found.is_none() && !st.idle.is_empty() {
                    let i = st.idle.iter().rposition(|c| c.authenticated);
                    let c = match i {
                        Some(i) => Some(st.idle.remove(i)),
                        None => st.idle.pop(),
                    };
                    match c {
                        Some(c) if c.sender.is_closed() => closed.push(c),
                        other => found = other,
                    }
                }
                match found {
                    Some(c) => Some(Checkout::Idle(c)),
                    // `closed` still count as live until they are dropped below.
                    None if st.live - closed.len() < self.max => {
                        st.live += 1;
                        Some(Checkout::Dial(Slot(self.clone())))
                    }
                    None => None,
                }
            };
            drop(closed);
            if let Some(c) = found {
                return c;
            }
            notified.await;
        }
    }

    /// Returns a connection after a complete exchange.
    pub(crate) fn put(&self, mut conn: Conn) {
        if conn.sender.is_closed() {
            return;
        }
        conn.reused = true;
        self.lock().idle.push(conn);
        self.notify.notify_one();
    }

    /// How many connections are live (tests).
    #[cfg(test)]
    pub(crate) fn live(&self) -> usize {
        self.lock().live
    }
}

/// The pools of all servers this transport talked to.
#[derive(Debug, Default)]
pub(crate) struct Pools {
    map: Mutex<HashMap<OriginKey, Arc<Pool>>>,
}

impl Pools {
    pub(crate) fn get(&self, key: &OriginKey, max: usize) -> Arc<Pool> {
        let mut m = self.map.lock().unwrap_or_else(|p| p.into_inner());
        m.entry(key.clone())
            .or_insert_with(|| Pool::new(max))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn slots_are_capped_and_released() {
        let pool = Pool::new(2);
        let Checkout::Dial(a) = pool.checkout().await else {
            panic!()
        };
        let Checkout::Dial(b) = pool.checkout().await else {
            panic!()
        };
        assert_eq!(pool.live(), 2);
        let p = pool.clone();
        let waiter = tokio::spawn(async move { matches!(p.checkout().await, Checkout::Dial(_)) });
        tokio::task::yield_now().await;
        assert!(!waiter.is_finished());
        drop(a);
        assert!(waiter.await.unwrap());
        drop(b);
        assert_eq!(pool.live(), 0);
    }
}
