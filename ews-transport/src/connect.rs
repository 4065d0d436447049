//! Opening a connection: TCP and the proxy tunnel ([`Tunnel`]), TLS (hyper-rustls's
//! `HttpsConnector` over the tunnel, one per host for the host's rustls config), then the
//! HTTP/1.1 handshake of a pooled connection.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll};
use std::time::Duration;

use http::Uri;
use hyper::rt::{Read, Write};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder, MaybeHttpsStream};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tower_service::Service;

use crate::config::parse_url;
use crate::error::ConfigError;
use crate::pool::{Conn, OriginKey, ReqBody, Slot};
use crate::proxy::Proxy;
use crate::tls::{TlsConfigs, server_end_point};
use crate::{BoxError, Error, TimeoutKind};

/// What dialing needs from the configuration, and the TLS connectors made so far (one per
/// host: hosts differ in their extra roots).
#[derive(Debug)]
pub(crate) struct Dialer {
    tunnel: Tunnel,
    tls: TlsConfigs,
    connectors: Mutex<HashMap<String, HttpsConnector<Tunnel>>>,
    connect_timeout: Option<Duration>,
}

impl Dialer {
    pub(crate) fn new(
        tls: TlsConfigs,
        proxy: Option<Proxy>,
        proxy_from_env: bool,
        connect_timeout: Option<Duration>,
    ) -> Self {
        Self {
            tunnel: Tunnel {
                proxy,
                proxy_from_env,
            },
            tls,
            connectors: Mutex::default(),
            connect_timeout,
        }
    }

    /// Opens a connection to `key` that will hold `slot`.
    pub(crate) async fn dial(&self, key: &OriginKey, slot: Slot) -> Result<Conn, Error> {
        let fut = self.dial_inner(key, slot);
        match self.connect_timeout {
            Some(t) => tokio::time::timeout(t, fut)
                .await
                .map_err(|_| Error::Timeout(TimeoutKind::Connect, t))?,
            None => fut.await,
        }
    }

    async fn dial_inner(&self, key: &OriginKey, slot: Slot) -> Result<Conn, Error> {
        let scheme = if key.tls { "https" } else { "http" };
        let uri = parse_url(&format!("{scheme}://{}/", key.target()))?;
        if !key.tls {
            let tcp = self.tunnel.open(&uri).await?;
            return Ok(Conn::new(handshake(tcp).await?, None, slot));
        }
        let stream = self
            .https(&key.host)?
            .call(uri)
            .await
            .map_err(|e| https_error(e, &key.host))?;
        // The `tls-server-end-point` channel binding of connection-bound schemes.
        let end_point = match &stream {
            MaybeHttpsStream::Https(tls) => tls
                .inner()
                .get_ref()
                .1
                .peer_certificates()
                .and_then(|c| c.first())
                .map(|c| server_end_point(c)),
            MaybeHttpsStream::Http(_) => None,
        };
        Ok(Conn::new(handshake(stream).await?, end_point, slot))
    }

    /// The TLS connector for `host`, over the tunnel.
    fn https(&self, host: &str) -> Result<HttpsConnector<Tunnel>, Error> {
        let key = host.to_ascii_lowercase();
        let cached = self
            .connectors
            .lock()
            .ok()
            .and_then(|m| m.get(&key).cloned());
        if let Some(c) = cached {
            return Ok(c);
        }
        let connector = HttpsConnectorBuilder::new()
            .with_tls_config(self.tls.for_host(&key)?)
            .https_only()
            .enable_http1()
            .wrap_connector(self.tunnel.clone());
        if let Ok(mut m) = self.connectors.lock() {
            m.insert(key, connector.clone());
        }
        Ok(connector)
    }
}

/// The error of an `HttpsConnector` call: the tunnel's own [`Error`], an unusable server
/// name, or else the TLS handshake's failure.
fn https_error(e: BoxError, host: &str) -> Error {
    let e = match e.downcast::<Error>() {
        Ok(e) => return *e,
        Err(e) => e,
    };
    if e.is::<rustls::pki_types::InvalidDnsNameError>() {
        return ConfigError::ServerName {
            host: host.to_owned(),
            source: e,
        }
        .into();
    }
    Error::Tls {
        host: host.to_owned(),
        source: e,
    }
}

async fn handshake<T>(io: T) -> Result<hyper::client::conn::http1::SendRequest<ReqBody>, Error>
where
    T: Read + Write + Unpin + Send + 'static,
{
    let (sender, conn) = hyper::client::conn::http1::handshake(io)
        .await
        .map_err(Error::http)?;
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            tracing::debug!(error = %e, "connection closed with an error");
        }
    });
    Ok(sender)
}

/// The TCP connection to a URI's host and port (with `TCP_NODELAY`), through the `CONNECT`
/// tunnel of the configured proxy, or of the environment's: the connector under TLS.
#[derive(Clone, Debug)]
pub(crate) struct Tunnel {
    proxy: Option<Proxy>,
    proxy_from_env: bool,
}

impl Tunnel {
    async fn open(&self, uri: &Uri) -> Result<TokioIo<TcpStream>, Error> {
        let tls = uri.scheme() == Some(&http::uri::Scheme::HTTPS);
        let host = uri.host().unwrap_or_default();
        let port = uri.port_u16().unwrap_or(if tls { 443 } else { 80 });
        let target = format!("{host}:{port}");
        let env_proxy;
        let proxy = match &self.proxy {
            Some(p) => Some(p),
            None if self.proxy_from_env => {
                env_proxy = Proxy::from_env(host.trim_matches(['[', ']']), tls);
                env_proxy.as_ref()
            }
            None => None,
        };
        let address = proxy.map_or_else(|| target.clone(), Proxy::address);
        let mut tcp = TcpStream::connect(&address)
            .await
            .map_err(|e| Error::Connect {
                target: address.clone(),
                source: e.into(),
            })?;
        let _ = tcp.set_nodelay(true);
        if let Some(p) = proxy {
            p.connect(&mut tcp, &target).await?;
        }
        tracing::debug!(%target, via = ?proxy.map(Proxy::address), tls, "connected");
        Ok(TokioIo::new(tcp))
    }
}

impl Service<Uri> for Tunnel {
    type Response = TokioIo<TcpStream>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Error>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, uri: Uri) -> Self::Future {
        let tunnel = self.clone();
        Box::pin(async move { tunnel.open(&uri).await })
    }
}
