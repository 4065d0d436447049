//! Through a small CONNECT proxy, with and without proxy Basic authentication.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ews_transport::{Error, Proxy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::server::{self, Demand, Opts, soap_ok};
use crate::{builder, call, call_ok};

/// A CONNECT proxy on loopback; returns its address and the number of tunnels opened.
async fn connect_proxy(credentials: Option<&'static str>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let tunnels = Arc::new(AtomicUsize::new(0));
    let count = tunnels.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut client, _)) = listener.accept().await else {
                return;
            };
            let count = count.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                while !head.ends_with(b"\r\n\r\n") {
                    match client.read_u8().await {
                        Ok(b) => head.push(b),
                        Err(_) => return,
                    }
                }
                let head = String::from_utf8(head).unwrap();
                let target = head.split_whitespace().nth(1).unwrap().to_owned();
                assert!(head.starts_with("CONNECT "));
                if let Some(c) = credentials {
                    use base64::Engine as _;
                    let want = format!(
                        "proxy-authorization: basic {}",
                        base64::engine::general_purpose::STANDARD.encode(c)
                    );
                    if !head
                        .to_ascii_lowercase()
                        .contains(&want.to_ascii_lowercase())
                    {
                        let _ = client
                            .write_all(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"p\"\r\ncontent-length: 0\r\n\r\n")
                            .await;
                        return;
                    }
                }
                let Ok(mut upstream) = TcpStream::connect(&target).await else {
                    let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n").await;
                    return;
                };
                count.fetch_add(1, Ordering::SeqCst);
                client
                    .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    .await
                    .unwrap();
                let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
            });
        }
    });
    (addr, tunnels)
}

#[tokio::test]
async fn through_connect_proxy() {
    let s = server::start(Opts::new(Demand::None, |_| soap_ok())).await;
    let (proxy, tunnels) = connect_proxy(None).await;
    let t = builder(&s)
        .proxy(Proxy::new(&format!("http://{proxy}")).unwrap())
        .build()
        .unwrap();
    call_ok(&t).await;
    call_ok(&t).await;
    assert_eq!(tunnels.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn through_connect_proxy_with_basic_auth() {
    let s = server::start(Opts::new(Demand::None, |_| soap_ok())).await;
    let (proxy, tunnels) = connect_proxy(Some("puser:ppass")).await;
    let t = builder(&s)
        .proxy(Proxy::new(&format!("http://puser:ppass@{proxy}")).unwrap())
        .build()
        .unwrap();
    call_ok(&t).await;
    assert_eq!(tunnels.load(Ordering::SeqCst), 1);

    let t = builder(&s)
        .proxy(Proxy::new(&proxy).unwrap().basic_auth("puser", "wrong"))
        .build()
        .unwrap();
    let e = call(&t).await.unwrap_err();
    assert!(matches!(e, Error::Proxy { status: 407 }), "{e:?}");
    assert_eq!(s.requests(), 1);
}
