//! [`Compose`]: the builder methods of everything that is sent to recipients with a body (a
//! [`Message`], a reply or forward, a meeting answer), written once.

use super::{MeetingReply, Message, ReplyAllToItem, SmartResponse};
use crate::properties::{Body, Mailbox};

/// Recipients and a body, for what is sent: a [`Message`], a reply, reply-all or forward
/// ([`SmartResponse`], [`ReplyAllToItem`]) and a meeting answer ([`MeetingReply`]).
///
/// The types give access to their lists and body; the builder methods [`to`](Self::to),
/// [`cc`](Self::cc), [`bcc`](Self::bcc) and [`body`](Self::body) are the same for all.
///
/// ```
/// use ews_model::items::{Compose, ForwardItem, Message};
/// use ews_model::properties::{Body, ItemId};
///
/// let message = Message::new().to(["a@example.com"]).cc(["b@example.com"]).body(Body::text("Hi"));
/// assert_eq!(message.to_recipients.len(), 1);
/// let forward = ForwardItem::new(ItemId::new("AAMk…")).to(["c@example.com"]).body(Body::text("FYI"));
/// assert_eq!(forward.new_body_content.as_ref().map(|b| b.content.as_str()), Some("FYI"));
/// ```
pub trait Compose: Sized {
    /// The To recipients (`t:ToRecipients`).
    fn to_recipients_mut(&mut self) -> &mut Vec<Mailbox>;
    /// The Cc recipients (`t:CcRecipients`).
    fn cc_recipients_mut(&mut self) -> &mut Vec<Mailbox>;
    /// The Bcc recipients (`t:BccRecipients`).
    fn bcc_recipients_mut(&mut self) -> &mut Vec<Mailbox>;
    /// The body [`body`](Self::body) sets: a message's `t:Body`, a reply's or forward's
    /// `t:NewBodyContent` (the text above the quoted original), a meeting answer's `t:Body`.
    fn composed_body_mut(&mut self) -> &mut Option<Body>;

    /// With these To recipients added.
    #[must_use]
    fn to<M: Into<Mailbox>>(mut self, recipients: impl IntoIterator<Item = M>) -> Self {
        self.to_recipients_mut()
            .extend(recipients.into_iter().map(Into::into));
        self
    }

    /// With these Cc recipients added.
    #[must_use]
    fn cc<M: Into<Mailbox>>(mut self, recipients: impl IntoIterator<Item = M>) -> Self {
        self.cc_recipients_mut()
            .extend(recipients.into_iter().map(Into::into));
        self
    }

    /// With these Bcc recipients added.
    #[must_use]
    fn bcc<M: Into<Mailbox>>(mut self, recipients: impl IntoIterator<Item = M>) -> Self {
        self.bcc_recipients_mut()
            .extend(recipients.into_iter().map(Into::into));
        self
    }

    /// With the body `body` ([`Body::text`] or [`Body::html`]); for replies and forwards,
    /// the text above the quoted original.
    #[must_use]
    fn body(mut self, body: Body) -> Self {
        *self.composed_body_mut() = Some(body);
        self
    }
}

/// `impl Compose` from where a type keeps its recipient lists and its body (paths from
/// `self`).
macro_rules! compose {
    ($($ty:ty { lists: self $(.$lists:ident)*, body: self $(.$body:ident)+ })+) => {$(
        impl Compose for $ty {
            fn to_recipients_mut(&mut self) -> &mut Vec<Mailbox> {
                &mut self $(.$lists)* .to_recipients
            }
            fn cc_recipients_mut(&mut self) -> &mut Vec<Mailbox> {
                &mut self $(.$lists)* .cc_recipients
            }
            fn bcc_recipients_mut(&mut self) -> &mut Vec<Mailbox> {
                &mut self $(.$lists)* .bcc_recipients
            }
            fn composed_body_mut(&mut self) -> &mut Option<Body> {
                &mut self $(.$body)+
            }
        }
    )+};
}

compose! {
    Message { lists: self, body: self.item.body }
    SmartResponse { lists: self, body: self.new_body_content }
    ReplyAllToItem { lists: self.response, body: self.response.new_body_content }
    MeetingReply { lists: self, body: self.body }
}
