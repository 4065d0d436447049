//! Request and response bodies: bytes or a stream going out, a back-pressured stream coming
//! in (with an idle timeout), and the bridge into a blocking `std::io::Read` for the XML parser.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use futures_core::Stream;
use http_body::{Body, Frame};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;

use crate::dump::DumpSink;
use crate::pool::{Conn, Pool, ReqBody};
use crate::{Error, TimeoutKind};

/// A request body: bytes (which can be sent again for retries and authentication round
/// trips) or a one-shot stream.
pub struct RequestBody(pub(crate) Source);

pub(crate) enum Source {
    Bytes(Bytes),
    Stream(Option<ReqBody>),
}

impl std::fmt::Debug for RequestBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Source::Bytes(b) => write!(f, "RequestBody::Bytes({} bytes)", b.len()),
            Source::Stream(_) => f.write_str("RequestBody::Stream"),
        }
    }
}

impl RequestBody {
    /// A body of bytes, replayable.
    pub fn from_bytes(bytes: impl Into<Bytes>) -> Self {
        Self(Source::Bytes(bytes.into()))
    }

    /// A body read from a stream of chunks, sent once with chunked transfer encoding.
    /// A stream cannot be sent twice: the transport authenticates the connection first (with
    /// an empty request) when the scheme needs a round trip, and does not retry after the
    /// stream was sent.
    pub fn from_stream<S>(stream: S) -> Self
    where
        S: Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static,
    {
        Self::from_body(StreamBody(Box::pin(stream)))
    }

    /// A body from any [`http_body::Body`] of bytes, sent once (see [`Self::from_stream`]).
    pub fn from_body<B>(body: B) -> Self
    where
        B: Body<Data = Bytes, Error = std::io::Error> + Send + 'static,
    {
        Self(Source::Stream(Some(body.boxed_unsync())))
    }

    pub(crate) fn is_stream(&self) -> bool {
        matches!(self.0, Source::Stream(_))
    }

    pub(crate) fn bytes(&self) -> Option<&Bytes> {
        match &self.0 {
            Source::Bytes(b) => Some(b),
            Source::Stream(_) => None,
        }
    }

    /// The body for the next send; fails when a stream was already sent.
    pub(crate) fn take(&mut self) -> Result<ReqBody, Error> {
        match &mut self.0 {
            Source::Bytes(b) => Ok(full(b.clone())),
            Source::Stream(s) => s.take().ok_or(Error::BodyNotReplayable),
        }
    }

    /// Gives back a stream hyper returned unsent.
    pub(crate) fn restore(&mut self, body: ReqBody) {
        if let Source::Stream(s) = &mut self.0 {
            *s = Some(body);
        }
    }
}

pub(crate) fn full(bytes: Bytes) -> ReqBody {
    Full::new(bytes)
        .map_err(|never| match never {})
        .boxed_unsync()
}

struct StreamBody<S>(Pin<Box<S>>);

impl<S: Stream<Item = Result<Bytes, std::io::Error>>> Body for StreamBody<S> {
    type Data = Bytes;
    type Error = std::io::Error;
    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        self.0
            .as_mut()
            .poll_next(cx)
            .map(|o| o.map(|r| r.map(Frame::data)))
    }
}

/// A response body: a stream of chunks with back-pressure (nothing is read from the socket
/// until it is polled), failing with [`Error::Timeout`] when no data comes for the idle
/// timeout. When it ends, its connection goes back to the pool; dropped early, the
/// connection is closed.
pub struct ResponseBody {
    kind: Kind,
    idle: Option<Duration>,
    sleep: Option<Pin<Box<tokio::time::Sleep>>>,
    /// `EWS_DUMP_DIR`: the body is written (redacted) as it is read.
    dump: Option<DumpSink>,
}

enum Kind {
    Buffered(Option<Bytes>),
    Streaming {
        incoming: Incoming,
        conn: Option<(Conn, Arc<Pool>)>,
    },
}

impl std::fmt::Debug for ResponseBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.kind {
            Kind::Buffered(_) => "ResponseBody::Buffered",
            Kind::Streaming { .. } => "ResponseBody::Streaming",
        })
    }
}

impl ResponseBody {
    pub(crate) fn buffered(bytes: Bytes, dump: Option<DumpSink>) -> Self {
        // Dump now: a buffered body may never be read.
        if let Some(mut sink) = dump {
            sink.write(&bytes);
            sink.finish();
        }
        Self {
            kind: Kind::Buffered(Some(bytes)),
            idle: None,
            sleep: None,
            dump: None,
        }
    }

    pub(crate) fn streaming(
        incoming: Incoming,
        conn: Conn,
        pool: Arc<Pool>,
        idle: Option<Duration>,
        dump: Option<DumpSink>,
    ) -> Self {
        Self {
            kind: Kind::Streaming {
                incoming,
                conn: Some((conn, pool)),
            },
            idle,
            sleep: None,
            dump,
        }
    }

    /// Reads the whole body, failing when it is longer than `limit` bytes.
    pub async fn bytes(mut self, limit: usize) -> Result<Bytes, Error> {
        let mut out = Vec::new();
        while let Some(chunk) = std::future::poll_fn(|cx| Pin::new(&mut self).poll_next(cx)).await {
            let chunk = chunk?;
            if out.len() + chunk.len() > limit {
                return Err(Error::Body(
                    format!("body longer than {limit} bytes").into(),
                ));
            }
            out.extend_from_slice(&chunk);
        }
        Ok(out.into())
    }

    /// The body as a `tokio::io::AsyncBufRead`.
    pub fn into_async_read(self) -> impl tokio::io::AsyncBufRead + Send + Unpin {
        tokio_util::io::StreamReader::new(IoStream(self))
    }

    /// The body as a blocking [`std::io::Read`], for a parser on a blocking thread (see
    /// `SoapResponse::read_with`). Call this inside a tokio runtime; read from the result
    /// only outside async code (in `tokio::task::spawn_blocking`), never on an executor thread.
    pub fn into_blocking_reader(self) -> impl std::io::Read + Send + 'static {
        tokio_util::io::SyncIoBridge::new(self.into_async_read())
    }

    fn poll_incoming(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Bytes, Error>>> {
        let Kind::Streaming { incoming, conn } = &mut self.kind else {
            return Poll::Ready(None);
        };
        loop {
            match Pin::new(&mut *incoming).poll_frame(cx) {
                Poll::Ready(Some(Ok(frame))) => {
                    if let Ok(data) = frame.into_data() {
                        if let (Some(s), Some(idle)) = (&mut self.sleep, self.idle) {
                            s.as_mut().reset(tokio::time::Instant::now() + idle);
                        }
                        return Poll::Ready(Some(Ok(data)));
                    }
                }
                Poll::Ready(Some(Err(e))) => {
                    conn.take();
                    return Poll::Ready(Some(Err(Error::Body(e.into()))));
                }
                Poll::Ready(None) => {
                    if let Some((c, pool)) = conn.take() {
                        pool.put(c);
                    }
                    return Poll::Ready(None);
                }
                Poll::Pending => {
                    let Some(idle) = self.idle else {
                        return Poll::Pending;
                    };
                    let sleep = self
                        .sleep
                        .get_or_insert_with(|| Box::pin(tokio::time::sleep(idle)));
                    ready!(sleep.as_mut().poll(cx));
                    conn.take();
                    return Poll::Ready(Some(Err(Error::Timeout(TimeoutKind::Idle, idle))));
                }
            }
        }
    }
}

impl Stream for ResponseBody {
    type Item = Result<Bytes, Error>;
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        let item = match &mut this.kind {
            Kind::Buffered(b) => Poll::Ready(b.take().filter(|b| !b.is_empty()).map(Ok)),
            Kind::Streaming { .. } => this.poll_incoming(cx),
        };
        match &item {
            Poll::Ready(Some(Ok(chunk))) => {
                if let Some(sink) = &mut this.dump {
                    sink.write(chunk);
                }
            }
            Poll::Ready(None) => {
                if let Some(sink) = this.dump.take() {
                    sink.finish();
                }
            }
            _ => {}
        }
        item
    }
}

/// Adapts the body's errors to `std::io::Error` for `StreamReader`.
struct IoStream(ResponseBody);

impl Stream for IoStream {
    type Item = Result<Bytes, std::io::Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Pin::new(&mut self.0)
            .poll_next(cx)
            .map(|o| o.map(|r| r.map_err(std::io::Error::other)))
    }
}

/// Reads up to `limit` bytes of `incoming` (the rest is dropped with the connection).
pub(crate) async fn collect(incoming: &mut Incoming, limit: usize) -> Result<(Bytes, bool), Error> {
    let mut out = Vec::new();
    while let Some(frame) = incoming.frame().await {
        let frame = frame.map_err(|e| Error::Body(e.into()))?;
        if let Ok(data) = frame.into_data() {
            out.extend_from_slice(&data);
            if out.len() > limit {
                return Ok((out.into(), false));
            }
        }
    }
    Ok((out.into(), true))
}
