//! Delivering an answer as its fault directs: late, not at all (the connection drops), or
//! cut short.

use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use http::Response;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Frame;
use tokio::time::Sleep;

/// What to do when delivering an answer, carried in its extensions.
#[derive(Clone, Copy, Debug)]
pub(super) enum Directive {
    Close,
    Delay(Duration),
    Truncate,
}

pub(super) fn directed(directive: Directive) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::new()));
    r.extensions_mut().insert(directive);
    r
}

/// The connection was dropped on purpose (the error makes hyper close it unanswered).
#[derive(Debug, thiserror::Error)]
#[error("connection dropped by an injected fault")]
pub(crate) struct Dropped;

/// Carries out an answer's [`Directive`]: waits, drops the connection, or cuts the body.
pub(crate) async fn deliver(
    mut response: Response<Full<Bytes>>,
) -> Result<Response<Body>, Dropped> {
    let directive = response.extensions_mut().remove::<Directive>();
    let (mut parts, full) = response.into_parts();
    let body = match directive {
        None => Body::Full(full),
        Some(Directive::Close) => return Err(Dropped),
        Some(Directive::Delay(d)) => {
            tokio::time::sleep(d).await;
            Body::Full(full)
        }
        Some(Directive::Truncate) => {
            let bytes = match full.collect().await {
                Ok(c) => c.to_bytes(),
                Err(never) => match never {},
            };
            parts.headers.insert(
                http::header::CONTENT_LENGTH,
                http::HeaderValue::from(bytes.len()),
            );
            let sent = (bytes.len() / 2).min(bytes.len().saturating_sub(1));
            Body::Cut {
                part: Some(bytes.slice(..sent)),
                pause: Box::pin(tokio::time::sleep(Duration::from_millis(20))),
            }
        }
    };
    Ok(Response::from_parts(parts, body))
}

/// A response body: whole, or cut short (the part is sent, flushed during a short pause,
/// then the body fails, which makes hyper close the connection).
#[derive(Debug)]
pub(crate) enum Body {
    Full(Full<Bytes>),
    Cut {
        part: Option<Bytes>,
        pause: Pin<Box<Sleep>>,
    },
}

impl hyper::body::Body for Body {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        match self.get_mut() {
            Self::Full(full) => match ready!(Pin::new(full).poll_frame(cx)) {
                Some(Ok(frame)) => Poll::Ready(Some(Ok(frame))),
                Some(Err(never)) => match never {},
                None => Poll::Ready(None),
            },
            Self::Cut { part, pause } => {
                if let Some(part) = part.take().filter(|p| !p.is_empty()) {
                    return Poll::Ready(Some(Ok(Frame::data(part))));
                }
                ready!(pause.as_mut().poll(cx));
                Poll::Ready(Some(Err(
                    "response body cut short by an injected fault".into()
                )))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            Self::Full(full) => full.is_end_stream(),
            Self::Cut { .. } => false,
        }
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        match self {
            Self::Full(full) => full.size_hint(),
            // Unknown, so that hyper sends the Content-Length header as set.
            Self::Cut { .. } => hyper::body::SizeHint::default(),
        }
    }
}
