//! End-to-end tests of ews-transport against real sockets on loopback.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs,
    unreachable_pub,
    unnameable_types
)]

mod auth;
mod digest_server;
mod faults;
mod headers;
#[cfg(feature = "gssapi")]
mod negotiate;
mod pool;
mod proxy;
mod server;
mod streaming;

use ews_transport::{CallOptions, Error, Roots, SoapResponse, Transport, TransportBuilder};
use server::Server;

pub const OK_ENVELOPE: &str = r#"<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="2" MajorBuildNumber="1118" MinorBuildNumber="7" Version="V2018_01_08" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/></s:Header><s:Body><m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"/></s:Body></s:Envelope>"#;

pub const REQUEST: &str = r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Body><m:GetFolder/></soap:Body></soap:Envelope>"#;

/// A builder trusting the server's test CA only, with no dump from the environment.
pub fn builder(server: &Server) -> TransportBuilder {
    let mut b = Transport::builder(server.url());
    b.roots(Roots::None)
        .add_root_certificate(server.pki.ca_der.clone())
        .dump_from_env(false);
    b
}

/// Timeouts off: needed under tokio's paused clock, which jumps ahead while sockets wait.
pub fn untimed(b: &mut TransportBuilder) -> &mut TransportBuilder {
    b.connect_timeout(None)
        .request_timeout(None)
        .idle_timeout(None)
}

pub async fn call(t: &Transport) -> Result<SoapResponse, Error> {
    t.send_envelope(REQUEST, &CallOptions::new("GetFolder"))
        .await
}

/// Calls and checks the answer is the OK envelope with its ServerVersionInfo.
pub async fn call_ok(t: &Transport) {
    let r = call(t).await.unwrap();
    assert_eq!(r.status(), 200);
    let (major, body) = r
        .read_with(|env| {
            let major = env.server_version.as_ref().and_then(|v| v.major_version);
            let body = match env.body {
                ews_xml::soap::ResponseBody::Message(b) => b.start().local_name().to_owned(),
                _ => "fault".to_owned(),
            };
            (major, body)
        })
        .await
        .unwrap();
    assert_eq!(major, Some(15));
    assert_eq!(body, "GetFolderResponse");
}
