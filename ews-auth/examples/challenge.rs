//! Drives the authentication of one request with no network: parses a server's 401
//! `WWW-Authenticate` values, picks a scheme, and prints the `Authorization` values Basic and
//! NTLM produce, the NTLM ones over the whole NEGOTIATE, CHALLENGE, AUTHENTICATE round trip
//! (against the fixed CHALLENGE message of the NTLMv2 example in [MS-NLMP] 4.2.4.3).
//!
//! ```text
//! cargo run -p ews-auth --example challenge
//! ```
//!
//! The NTLM AUTHENTICATE value changes from run to run: it carries a fresh client challenge
//! and the current time.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use ews_auth::{
    Credentials, Error, RequestInfo, SchemeKind, choose_scheme, parse_www_authenticate,
};

/// The `WWW-Authenticate` values of a typical on-premises Exchange 401.
const FIRST_401: [&str; 3] = ["Negotiate", "NTLM", r#"Basic realm="mail.example.test""#];

/// The server's second 401 in an NTLM handshake: its CHALLENGE message (target "Server",
/// domain "Domain", server challenge 0123456789abcdef), base64-encoded.
const NTLM_CHALLENGE: &str = "NTLM TlRMTVNTUAACAAAADAAMADgAAAAzgoriASNFZ4mrze8AAAAAAAAAACQAJABEAAAABgBwFwAAAA9TAGUAcgB2AGUAcgACAAwARABvAG0AYQBpAG4AAQAMAFMAZQByAHYAZQByAAAAAAA=";

fn main() -> Result<(), Error> {
    let now = Instant::now();
    let request = RequestInfo::new("POST", "/EWS/Exchange.asmx");
    let credentials = Credentials::password(r"Domain\User", "Password")?;

    // 1. The 401 to a first, unauthenticated request.
    let challenges = parse_www_authenticate(&FIRST_401)?;
    println!("the server offers:");
    for challenge in &challenges {
        println!("  {challenge}");
    }
    let chosen = choose_scheme(&challenges, &credentials);
    println!("chosen for password credentials: {chosen:?}\n");

    // 2. Basic: one value, sent with the retried request.
    let mut basic = SchemeKind::Basic.build(&credentials)?;
    let step = basic.handle_challenge(&challenges, now)?;
    let header = basic.poll_authorization(&request, now)?;
    println!("Basic: {step:?}, then");
    println!("  Authorization: {}\n", shown(header.as_ref()));

    // 3. NTLM: NEGOTIATE on the retry, the server's CHALLENGE in a second 401, AUTHENTICATE
    //    on the next retry, all on one connection.
    let mut ntlm = SchemeKind::Ntlm.build(&credentials)?;
    println!(
        "NTLM (bound to one connection: {}):",
        ntlm.is_connection_bound()
    );
    let step = ntlm.handle_challenge(&challenges, now)?;
    let negotiate = ntlm.poll_authorization(&request, now)?;
    println!(
        "  {step:?} with Authorization: {}",
        shown(negotiate.as_ref())
    );
    let second = parse_www_authenticate(&[NTLM_CHALLENGE])?;
    println!(
        "  the server answers 401 with WWW-Authenticate: {}",
        second[0]
    );
    let step = ntlm.handle_challenge(&second, now)?;
    let authenticate = ntlm.poll_authorization(&request, now)?;
    println!(
        "  {step:?} with Authorization: {}",
        shown(authenticate.as_ref())
    );
    // The request succeeds: the handshake is over and the connection is authenticated.
    ntlm.handle_success(&[], now)?;
    println!(
        "  after the 200, the next request on this connection sends: {}",
        shown(ntlm.poll_authorization(&request, now)?.as_ref())
    );
    Ok(())
}

/// A header value as text (the values this crate produces are ASCII).
fn shown(value: Option<&http::HeaderValue>) -> String {
    match value {
        Some(v) => String::from_utf8_lossy(v.as_bytes()).into_owned(),
        None => "(nothing)".to_owned(),
    }
}
