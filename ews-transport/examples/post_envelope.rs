//! Posts a hand-written `GetFolder` (the inbox) to an EWS endpoint with `ews-transport`
//! alone, and prints the HTTP status, the `ServerVersionInfo` and the response body.
//!
//! ```text
//! post_envelope [URL USER PASSWORD [basic|digest|ntlm]]
//! ```
//!
//! Missing arguments come from `EWS_URL`, `EWS_USER`, `EWS_PASSWORD` and `EWS_AUTH` (the
//! scheme, NTLM by default). Against the in-memory server of the test suite:
//!
//! ```text
//! cargo run -p ews-tests --bin fake-exchange -- --listen 127.0.0.1:18080 --user alice@example.test:secret
//! cargo run -p ews-transport --example post_envelope -- \
//!     http://127.0.0.1:18080/EWS/Exchange.asmx alice@example.test secret
//! ```
//!
//! Plain `http://` is accepted for loopback hosts only.

use std::process::ExitCode;

use ews_auth::{Credentials, SchemeKind};
use ews_transport::{Auth, CallOptions, Transport};

const USAGE: &str = "usage: post_envelope [URL USER PASSWORD [basic|digest|ntlm]]\n\
    (or set EWS_URL, EWS_USER, EWS_PASSWORD and optionally EWS_AUTH)";

/// The request: `GetFolder` of the inbox, ids only, for Exchange 2013 and later.
const GET_INBOX: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
    xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"
    xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
  <soap:Header>
    <t:RequestServerVersion Version="Exchange2013"/>
  </soap:Header>
  <soap:Body>
    <m:GetFolder>
      <m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>
      <m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds>
    </m:GetFolder>
  </soap:Body>
</soap:Envelope>
"#;

/// Most bytes of the response body read.
const BODY_LIMIT: usize = 16 << 20;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut next = |env: &str| args.next().or_else(|| std::env::var(env).ok());
    let (Some(url), Some(user), Some(password)) =
        (next("EWS_URL"), next("EWS_USER"), next("EWS_PASSWORD"))
    else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let kind = match next("EWS_AUTH").as_deref().unwrap_or("ntlm") {
        "basic" => SchemeKind::Basic,
        "digest" => SchemeKind::Digest,
        "ntlm" => SchemeKind::Ntlm,
        other => {
            eprintln!("unknown scheme {other:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&url, &user, &password, kind).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The error and its causes, one per line.
            let mut cause: Option<&dyn std::error::Error> = Some(&*e);
            let mut prefix = "error";
            while let Some(c) = cause {
                eprintln!("{prefix}: {c}");
                prefix = "  caused by";
                cause = c.source();
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(
    url: &str,
    user: &str,
    password: &str,
    kind: SchemeKind,
) -> Result<(), Box<dyn std::error::Error>> {
    let credentials = Credentials::password(user, password)?;
    let transport = Transport::builder(url)
        .auth(Auth::from_credentials(kind, credentials))
        .build()?;
    let response = transport
        .send_envelope(GET_INBOX, &CallOptions::new("GetFolder"))
        .await?;
    println!("HTTP {}", response.status());
    let body = response.into_body().bytes(BODY_LIMIT).await?;
    match ews_xml::soap::read_response(&body[..])?.server_version {
        Some(v) => println!(
            "ServerVersionInfo: {}.{}.{}.{} ({})",
            show(v.major_version),
            show(v.minor_version),
            show(v.major_build_number),
            show(v.minor_build_number),
            v.version.as_deref().unwrap_or("no Version"),
        ),
        None => println!("ServerVersionInfo: none"),
    }
    println!("{}", String::from_utf8_lossy(&body));
    Ok(())
}

fn show(n: Option<i32>) -> String {
    n.map_or_else(|| "?".to_owned(), |n| n.to_string())
}
