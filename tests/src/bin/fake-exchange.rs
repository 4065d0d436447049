//! Runs a [`FakeExchange`](ews_tests::FakeExchange) until Ctrl-C.
//!
//! ```text
//! fake-exchange [--listen 127.0.0.1:PORT] --user EMAIL:PASSWORD [--user …] [--tls] [--ca-out FILE]
//!               [--seed N] [--build MAJOR.MINOR.BUILD.REVISION]
//!               [--auth basic,ntlm,bearer] [--oauth-client ID:SECRET:EMAIL …] [--token-lifetime SECONDS]
//!               [--fault RULE …]
//! ```
//!
//! `--seed` fixes the ids it issues (same seed, same requests: same ids); `--build` is the
//! Exchange build it reports (default `15.1.2507.6`, Exchange 2016; `15.0.1497.2` is 2013,
//! `15.2.1118.7` 2019, `15.20.…` Online), which also bounds the `RequestServerVersion` it takes.
//!
//! Built with the `gssapi` feature, `--auth` also takes `negotiate` (the service key comes from
//! the keytab in `KRB5_KTNAME`).
//!
//! It prints the EWS URL, then (with `bearer`) the token endpoint URL, then (with `--tls`
//! and no `--ca-out`) the CA certificate.
//!
//! `RULE` is `KIND[,every=N][,next=N][,op=OPERATION][,from=MS][,until=MS]` with `KIND` one of
//! `busy=MS`, `503`, `503=SECS`, `429`, `429=SECS`, `soap=CODE`, `close-before`,
//! `close-after`, `delay=MS`, `truncate`, `invalid-char` (see
//! [`FaultRule`](ews_tests::FaultRule)), e.g. `--fault busy=2000,every=3,op=CreateFolder`.

#![forbid(unsafe_code)]

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use ews_tests::AuthScheme;

const USAGE: &str = "usage: fake-exchange [--listen 127.0.0.1:PORT] --user EMAIL:PASSWORD [--user ...] [--tls] [--ca-out FILE] [--seed N] [--build 15.1.2507.6] [--auth basic,ntlm,bearer] [--oauth-client ID:SECRET:EMAIL ...] [--token-lifetime SECONDS] [--fault RULE ...]";

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
    let mut bearer = false;
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
            "--seed" => {
                let v = args.next().ok_or(USAGE)?;
                let seed: u64 = v.parse().map_err(|e| format!("--seed {v}: {e}"))?;
                builder = builder.seed(seed);
            }
            "--build" => {
                let v = args.next().ok_or(USAGE)?;
                let build: ews_model::version::Build =
                    v.parse().map_err(|e| format!("--build {v}: {e}"))?;
                builder = builder.server_version(build);
            }
            "--fault" => {
                let v = args.next().ok_or(USAGE)?;
                let rule: ews_tests::FaultRule =
                    v.parse().map_err(|e| format!("--fault {v}: {e}"))?;
                builder = builder.fault(rule);
            }
            "--auth" => {
                let v = args.next().ok_or(USAGE)?;
                let schemes = v
                    .split(',')
                    .map(|name| {
                        AuthScheme::from_name(name)
                            .ok_or_else(|| format!("--auth: unknown scheme {name:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                bearer = schemes.contains(&AuthScheme::Bearer);
                builder = builder.auth(schemes);
            }
            "--oauth-client" => {
                let v = args.next().ok_or(USAGE)?;
                let mut parts = v.splitn(3, ':');
                let (Some(id), Some(secret), Some(user)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    return Err("--oauth-client wants ID:SECRET:EMAIL".to_owned());
                };
                builder = builder.oauth_client(id, secret, user);
            }
            "--token-lifetime" => {
                let v = args.next().ok_or(USAGE)?;
                let secs: u64 = v
                    .parse()
                    .map_err(|e| format!("--token-lifetime {v}: {e}"))?;
                builder = builder.token_lifetime(Duration::from_secs(secs));
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
    if bearer {
        println!("{}", server.token_url());
    }
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
