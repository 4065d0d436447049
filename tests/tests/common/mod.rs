//! A typed SOAP client for the end-to-end tests: requests built from `ews-model` values,
//! every request and response collected for the schema gate.
#![allow(dead_code, unreachable_pub)]

use base64::Engine as _;
use bytes::Bytes;
use ews_model::operations::Operation;
use ews_model::version::Build;
use ews_test_support::Collector;
use ews_tests::FakeExchange;
use ews_xml::soap::{self, Fault, RequestHeader, ResponseBody};
use http_body_util::{BodyExt as _, Full};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

pub const ALICE: (&str, &str) = ("alice@example.test", "secret");
pub const BOB: (&str, &str) = ("bob@example.test", "hunter2");

/// A server with alice and bob.
pub async fn start() -> FakeExchange {
    FakeExchange::builder()
        .user(ALICE.0, ALICE.1)
        .user(BOB.0, BOB.1)
        .server_version(Build::new(15, 1, 2507, 6))
        .check_documents_on_drop(gate)
        .start()
        .await
        .unwrap()
}

/// Validates documents a server recorded against the schema (for
/// `Builder::check_documents_on_drop`).
pub fn gate(docs: &[(String, Vec<u8>)]) {
    let docs: Vec<(&str, &[u8])> = docs
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    ews_test_support::assert_all_valid(&docs);
}

/// Each result's error code (`None` for a success), for asserting several at once.
pub fn codes<T>(
    results: &[Result<T, ews_model::operations::ResponseError>],
) -> Vec<Option<ews_xml::ResponseCode>> {
    results
        .iter()
        .map(|r| {
            r.as_ref()
                .err()
                .map(|e| e.code().expect("a server error").clone())
        })
        .collect()
}

/// The error of the first result, which must be one.
pub fn first_err<T: std::fmt::Debug>(
    results: Vec<Result<T, ews_model::operations::ResponseError>>,
) -> ews_model::operations::ResponseError {
    results.into_iter().next().expect("a result").unwrap_err()
}

/// HTTP status and body.
pub struct Reply {
    pub status: http::StatusCode,
    pub body: Vec<u8>,
}

/// Posts `body` with Basic credentials on a new connection.
pub async fn post(server: &FakeExchange, auth: (&str, &str), body: Vec<u8>) -> Reply {
    let tcp = TcpStream::connect(server.addr()).await.unwrap();
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tcp))
        .await
        .unwrap();
    tokio::spawn(conn);
    let token = base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", auth.0, auth.1));
    let req = http::Request::post(ews_tests::EWS_PATH)
        .header("host", server.addr().to_string())
        .header("content-type", "text/xml; charset=utf-8")
        .header("authorization", format!("Basic {token}"))
        .body(Full::new(Bytes::from(body)))
        .unwrap();
    let resp = sender.send_request(req).await.unwrap();
    let (parts, b) = resp.into_parts();
    Reply {
        status: parts.status,
        body: b.collect().await.unwrap().to_bytes().to_vec(),
    }
}

/// One user's typed view of the server.
pub struct Session<'a> {
    pub server: &'a FakeExchange,
    pub user: (&'static str, &'static str),
    pub version: &'static str,
    /// `ExchangeImpersonation` sent with every request.
    pub impersonate: Option<soap::Impersonation>,
    pub docs: Collector,
    n: usize,
}

impl<'a> Session<'a> {
    pub fn new(server: &'a FakeExchange, user: (&'static str, &'static str)) -> Self {
        Self {
            server,
            user,
            version: "Exchange2016",
            impersonate: None,
            docs: Collector::new(),
            n: 0,
        }
    }

    /// Sends `req`, expects HTTP 200 and reads the response body; both documents go to the
    /// schema gate.
    pub async fn call<O: Operation>(&mut self, req: &O) -> O::Response {
        match self.try_call(req).await {
            Ok(r) => r,
            Err(f) => panic!("{}: fault {f:?}", O::name()),
        }
    }

    /// Sends `req`: the response body, or the SOAP fault (HTTP 500).
    pub async fn try_call<O: Operation>(&mut self, req: &O) -> Result<O::Response, Box<Fault>> {
        let mut header = RequestHeader::new(self.version);
        header.impersonation = self.impersonate.clone();
        let mut body = Vec::new();
        soap::write_request(&mut body, &header, req).unwrap();
        self.n += 1;
        let label = format!("{}-{}-{}", self.user.0, self.n, O::name());
        self.docs.add(format!("{label}-request"), body.clone());
        let reply = post(self.server, self.user, body).await;
        let text = String::from_utf8_lossy(&reply.body).into_owned();
        self.docs
            .add(format!("{label}-response"), reply.body.clone());
        match soap::read_response(&reply.body[..]).unwrap().body {
            ResponseBody::Message(m) => {
                assert_eq!(reply.status, 200, "{label}: {text}");
                Ok(m.read().unwrap())
            }
            ResponseBody::Fault(f) => {
                assert_eq!(reply.status, 500, "{label}: {text}");
                Err(f)
            }
            _ => panic!("{label}: unexpected body"),
        }
    }

    /// Validates everything collected so far.
    pub fn finish(self) {
        self.docs.finish();
    }
}
