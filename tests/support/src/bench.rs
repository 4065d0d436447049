//! The timing harness of the workspace's benchmark binaries (`harness = false`): how many
//! rounds to run, the best time of a pass, and the baseline every reader is compared with.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// How a benchmark binary was started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BenchRun {
    /// Started without `--bench` (as `cargo test --benches` does): run one small round.
    pub quick: bool,
    /// Rounds per pass: 1 when quick, else `EWS_BENCH_ROUNDS` (default 5).
    pub rounds: usize,
}

impl BenchRun {
    /// From the process's arguments and environment.
    pub fn from_env() -> Self {
        let quick = !std::env::args().any(|a| a == "--bench");
        let rounds = if quick {
            1
        } else {
            std::env::var("EWS_BENCH_ROUNDS")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(5)
        };
        Self { quick, rounds }
    }

    /// `small` when quick, else `full`.
    pub fn size(&self, small: usize, full: usize) -> usize {
        if self.quick { small } else { full }
    }

    /// The best time of `rounds` runs of `pass`, and what its last run returned.
    pub fn best<T>(&self, mut pass: impl FnMut() -> T) -> (Duration, T) {
        let mut best = Duration::MAX;
        let mut out = pass_once(&mut pass, &mut best);
        for _ in 1..self.rounds {
            out = pass_once(&mut pass, &mut best);
        }
        (best, out)
    }
}

fn pass_once<T>(pass: &mut impl FnMut() -> T, best: &mut Duration) -> T {
    let t = Instant::now();
    let out = pass();
    *best = (*best).min(t.elapsed());
    out
}

/// The baseline of the reading benchmarks: iterates the raw xml-rs events of `doc`, with the
/// parser configured as ews-xml configures it, and counts them.
pub fn raw_xml_rs_events(doc: &[u8]) -> Result<usize, xml::reader::Error> {
    let config = xml::reader::ParserConfig::new()
        .cdata_to_characters(true)
        .whitespace_to_characters(true)
        .coalesce_characters(true)
        .ignore_comments(true);
    let mut r = xml::reader::EventReader::new_with_config(doc, config);
    let mut n = 0;
    loop {
        match r.next()? {
            xml::reader::XmlEvent::EndDocument => return Ok(n),
            ev => {
                black_box(&ev);
                n += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_runs_every_round_and_keeps_the_minimum() {
        let run = BenchRun {
            quick: false,
            rounds: 3,
        };
        let mut calls = 0;
        let (d, last) = run.best(|| {
            calls += 1;
            calls
        });
        assert_eq!((calls, last), (3, 3));
        assert!(d < Duration::from_secs(1));
        assert_eq!(run.size(1, 2), 2);
    }
}
