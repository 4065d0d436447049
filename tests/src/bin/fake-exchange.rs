//! Runs a [`FakeExchange`](ews_tests::FakeExchange) until Ctrl-C.
//!
//! ```text
//! fake-exchange [--listen 127.0.0.1:PORT] --user EMAIL:PASSWORD [--user …] [--tls] [--ca-out FILE]
//!               [--fault RULE …]
//! ```
//!
//! `RULE` is `KIND[,every=N][,next=N][,op=OPERATION][,from=MS][,until=MS]` with `KIND` one of
//! `busy=MS`, `503`, `503=SECS`, `429`, `429=SECS`, `soap=CODE`, `close-before`,
//! `close-after`, `delay=MS`, `truncate`, `invalid-char` (see
//! [`FaultRule`](ews_tests::FaultRule)), e.g. `--fault busy=2000,every=3,op=CreateFolder`.

#![forbid(unsafe_code)]

use std::net::SocketAddr;
use std::process::ExitCode;

const USAGE: &str = "usage: fake-exchange [--listen 127.0.0.1:PORT] --user EMAIL:PASSWORD [--user ...] [--tls] [--ca-out FILE] [--fault RULE ...]";

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fake-exchange: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let mut builder = ews_tests::FakeExchange::builder();
    let mut ca_out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => {
                let v = args.next().ok_or(USAGE)?;
                let addr: SocketAddr = v.parse().map_err(|e| format!("--listen {v}: {e}"))?;
                builder = builder.listen(addr);
            }
            "--user" => {
                let v = args.next().ok_or(USAGE)?;
                let (user, pass) = v.split_once(':').ok_or("--user wants EMAIL:PASSWORD")?;
                builder = builder.user(user, pass);
            }
            "--tls" => builder = builder.tls(),
            "--fault" => {
                let v = args.next().ok_or(USAGE)?;
                let rule: ews_tests::FaultRule =
                    v.parse().map_err(|e| format!("--fault {v}: {e}"))?;
                builder = builder.fault(rule);
            }
            "--ca-out" => ca_out = Some(args.next().ok_or(USAGE)?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let server = builder.start().await.map_err(|e| e.to_string())?;
    println!("{}", server.url());
    if let Some(pem) = server.ca_certificate_pem() {
        match &ca_out {
            Some(path) => std::fs::write(path, pem).map_err(|e| format!("{path}: {e}"))?,
            None => print!("{pem}"),
        }
    }
    tokio::signal::ctrl_c().await.map_err(|e| e.to_string())?;
    server.shutdown().await;
    Ok(())
}
