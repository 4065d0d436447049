//! Opening a connection: TCP, the proxy tunnel, TLS, the HTTP/1.1 handshake.

use std::sync::Arc;
use std::time::Duration;

use hyper::rt::{Read, Write};
use hyper_util::rt::TokioIo;
use rustls::pki_types::ServerName;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use crate::pool::{Conn, OriginKey, ReqBody, Slot};
use crate::proxy::Proxy;
use crate::tls::{TlsConfigs, server_end_point};
use crate::{Error, TimeoutKind};

/// What dialing needs from the configuration.
#[derive(Debug)]
pub(crate) struct Dialer {
    pub(crate) tls: TlsConfigs,
    pub(crate) proxy: Option<Proxy>,
    pub(crate) proxy_from_env: bool,
    pub(crate) connect_timeout: Option<Duration>,
}

impl Dialer {
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
        let target = key.target();
        let env_proxy;
        let proxy = match &self.proxy {
            Some(p) => Some(p),
            None if self.proxy_from_env => {
                env_proxy = Proxy::from_env(&key.host, key.tls);
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
        tracing::debug!(%target, via = ?proxy.map(Proxy::address), tls = key.tls, "connected");
        if !key.tls {
            let sender = handshake(TokioIo::new(tcp)).await?;
            return Ok(Conn::new(sender, None, slot));
        }
        let config = self.tls.for_host(&key.host)?;
        let name = ServerName::try_from(key.host.clone())
            .map_err(|e| Error::Config(format!("invalid server name {:?}: {e}", key.host)))?;
        let tls = TlsConnector::from(Arc::clone(&config))
            .connect(name, tcp)
            .await
            .map_err(|e| Error::Tls {
                host: key.host.clone(),
                source: e.into(),
            })?;
        let end_point = tls
            .get_ref()
            .1
            .peer_certificates()
            .and_then(|c| c.first())
            .map(|c| server_end_point(c));
        let sender = handshake(TokioIo::new(tls)).await?;
        Ok(Conn::new(sender, end_point, slot))
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
