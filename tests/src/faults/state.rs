//! The rules installed on a server and the counters of what it did, with the builder's and
//! the running server's methods over them.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::time::Instant;

use super::plan::Plan;
use super::rule::Installed;
use super::{FaultKind, FaultRule, UNREAD_OPERATION};
use crate::{Builder, FakeExchange, lock};

impl Builder {
    /// Installs a fault rule (rules are consulted in the order they were added; their time
    /// windows start when the server starts).
    #[must_use]
    pub fn fault(mut self, rule: FaultRule) -> Self {
        self.faults.push(rule);
        self
    }
}

impl FakeExchange {
    /// Replaces all fault rules; their counts and time windows start now.
    pub fn set_faults(&self, rules: impl IntoIterator<Item = FaultRule>) {
        self.state.faults.install(rules.into_iter().collect(), true);
    }
    /// Adds a fault rule after the installed ones; its counts and time window start now.
    pub fn add_fault(&self, rule: FaultRule) {
        self.state.faults.install(vec![rule], false);
    }
    /// Removes all fault rules.
    pub fn clear_faults(&self) {
        self.state.faults.install(Vec::new(), true);
    }
    /// How many times any rule fired: one per request that got a fault.
    pub fn faults_fired(&self) -> usize {
        self.state.faults.fired.load(Ordering::SeqCst)
    }
    /// How many times rules fired, by [`FaultKind::name`].
    pub fn faults_fired_by_kind(&self) -> HashMap<&'static str, usize> {
        lock(&self.state.faults.fired_by_kind).clone()
    }
    /// How many requests for `operation` were processed: handed to the operation handler,
    /// so that their effects on the mailbox (if any) happened. This counts requests without
    /// a fault and those with a fault that lets the request through
    /// ([`FaultKind::processes_request`]): a `CreateFolder` that got
    /// [`CloseAfterProcessing`](FaultKind::CloseAfterProcessing) is counted here although
    /// the client saw no answer. It also counts requests the handler itself refused (a bad
    /// `RequestServerVersion`, an unknown operation). Requests answered 401, 404, 405 or 413
    /// and requests whose fault answered in place of the handler are not counted.
    ///
    /// The operation is the local name of the first element in `soap:Body`
    /// ([`UNREADABLE_OPERATION`](crate::UNREADABLE_OPERATION) when there is none).
    pub fn processed_count(&self, operation: &str) -> usize {
        lock(&self.state.faults.processed)
            .get(operation)
            .copied()
            .unwrap_or(0)
    }
    /// How many requests for `operation` got an injected fault, whether in place of
    /// processing (then they are not in [`processed_count`](Self::processed_count)) or after
    /// it (then they are in both). A request closed before its body was read counts under
    /// [`UNREAD_OPERATION`].
    pub fn faulted_count(&self, operation: &str) -> usize {
        lock(&self.state.faults.faulted)
            .get(operation)
            .copied()
            .unwrap_or(0)
    }
    /// TCP connections accepted so far (before any TLS handshake).
    pub fn connections_accepted(&self) -> usize {
        self.state.faults.connections.load(Ordering::SeqCst)
    }
    /// Connections open now (accepted and not yet closed).
    pub fn open_connections(&self) -> usize {
        self.state.faults.open.load(Ordering::SeqCst)
    }
    /// The most connections that were open at the same time.
    pub fn max_concurrent_connections(&self) -> usize {
        self.state.faults.max_open.load(Ordering::SeqCst)
    }
}

#[derive(Debug, Default)]
pub(super) struct Rules {
    /// Changes whenever the set of rules is replaced.
    pub(super) generation: u64,
    pub(super) installed: Vec<Installed>,
}

/// The rules and counters of one server.
#[derive(Debug, Default)]
pub(crate) struct FaultState {
    pub(super) rules: Mutex<Rules>,
    fired: AtomicUsize,
    fired_by_kind: Mutex<HashMap<&'static str, usize>>,
    pub(super) processed: Mutex<HashMap<String, usize>>,
    faulted: Mutex<HashMap<String, usize>>,
    connections: AtomicUsize,
    open: AtomicUsize,
    max_open: AtomicUsize,
}

impl FaultState {
    pub(crate) fn new(rules: Vec<FaultRule>) -> Self {
        let s = Self::default();
        s.install(rules, true);
        s
    }

    fn install(&self, rules: Vec<FaultRule>, replace: bool) {
        let mut r = lock(&self.rules);
        if replace {
            r.installed.clear();
            r.generation += 1;
        }
        r.installed.extend(rules.into_iter().map(Installed::new));
    }

    /// Counts an accepted connection until the guard is dropped.
    pub(crate) fn connection(self: &Arc<Self>) -> ConnectionGuard {
        self.connections.fetch_add(1, Ordering::SeqCst);
        let open = self.open.fetch_add(1, Ordering::SeqCst) + 1;
        self.max_open.fetch_max(open, Ordering::SeqCst);
        ConnectionGuard(self.clone())
    }

    /// Starts the plan of one request: consults the rules that do not need the body.
    pub(crate) fn plan(&self) -> Plan<'_> {
        let mut plan = Plan {
            faults: self,
            resume: None,
            chosen: None,
            operation: UNREAD_OPERATION.to_owned(),
        };
        let now = Instant::now();
        let mut rules = lock(&self.rules);
        let generation = rules.generation;
        for (i, installed) in rules.installed.iter_mut().enumerate() {
            if installed.rule.operation.is_some() {
                plan.resume = Some((generation, i));
                return plan;
            }
            if installed.offer(None, now) {
                plan.chosen = Some(installed.rule.kind.clone());
                break;
            }
        }
        drop(rules);
        if let Some(kind) = &plan.chosen {
            self.count_fired(kind);
        }
        plan
    }

    pub(super) fn count_fired(&self, kind: &FaultKind) {
        self.fired.fetch_add(1, Ordering::SeqCst);
        *lock(&self.fired_by_kind).entry(kind.name()).or_default() += 1;
    }

    pub(super) fn count_faulted(&self, operation: &str) {
        *lock(&self.faulted).entry(operation.to_owned()).or_default() += 1;
    }
}

/// Keeps one connection counted as open.
#[derive(Debug)]
pub(crate) struct ConnectionGuard(Arc<FaultState>);

impl Drop for ConnectionGuard {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::SeqCst);
    }
}
