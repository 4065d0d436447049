//! Reading the items of a large response one at a time.
//!
//! A `GetItem` or `FindItem` response can hold thousands of items. [`ItemStream`] walks the
//! response messages and yields each item as soon as it is read, so memory holds one item,
//! not the document, and a consumer can start working before the response is read to the
//! end.

use ews_xml::{Name, ReadError, ReadErrorKind, Reader, StartTag, XmlChoice, XmlRead};

use super::{MessageStatus, ResponseError};
use crate::items::Item;

/// One step of an [`ItemStream`].
#[derive(Debug)]
#[non_exhaustive]
pub enum Streamed {
    /// An item of a successful response message.
    Item(Box<Item>),
    /// A response message that failed (one per failed input, in input order).
    Error(ResponseError),
}

/// The items of a response, read as they arrive: see [`stream_items`].
#[derive(Debug)]
pub struct ItemStream<'r, 'a> {
    reader: &'r mut Reader<'a>,
    /// Inside an item list: the depth of its response message.
    in_items: Option<usize>,
    /// Inside `m:ResponseMessages`.
    in_messages: bool,
    done: bool,
}

/// Streams the items of the response whose body element (`m:GetItemResponse`,
/// `m:FindItemResponse`, `m:CreateItemResponse`...) was just read from `reader`.
///
/// Items are yielded in document order; a response message with class `Error` yields a
/// [`Streamed::Error`] in its place. Elements the stream does not know are skipped.
///
/// ```
/// use ews_model::operations::{Streamed, stream_items};
/// use ews_xml::Reader;
///
/// let doc = br#"<m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
///     xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>
///   <m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>
///     <m:Items><t:Message><t:Subject>Hello</t:Subject></t:Message></m:Items></m:GetItemResponseMessage>
///   <m:GetItemResponseMessage ResponseClass="Error"><m:MessageText>Gone</m:MessageText>
///     <m:ResponseCode>ErrorItemNotFound</m:ResponseCode></m:GetItemResponseMessage>
/// </m:ResponseMessages></m:GetItemResponse>"#;
/// let mut r = Reader::from_bytes(doc);
/// r.root()?;
/// let steps: Vec<_> = stream_items(&mut r).collect::<Result<_, _>>()?;
/// assert!(matches!(&steps[0], Streamed::Item(item) if item.base().and_then(|b| b.subject.as_deref()) == Some("Hello")));
/// assert!(matches!(&steps[1], Streamed::Error(e) if e.text() == Some("Gone")));
/// # Ok::<(), ews_xml::ReadError>(())
/// ```
pub fn stream_items<'r, 'a>(reader: &'r mut Reader<'a>) -> ItemStream<'r, 'a> {
    ItemStream {
        reader,
        in_items: None,
        in_messages: false,
        done: false,
    }
}

/// Where [`ItemStream::enter_message`] stopped.
enum Entered {
    /// The message is read to its end; it failed.
    Failed(ResponseError),
    /// The message is read to its end; it had no items.
    Done,
    /// The reader is inside the message's item list.
    Items,
}

impl ItemStream<'_, '_> {
    /// Reads one response message's status, stopping inside its item list if it has one.
    fn enter_message(&mut self, start: &StartTag) -> Result<Entered, ReadError> {
        let class = match start.attr("ResponseClass") {
            Some(v) => self.reader.parse_value(v)?,
            None => {
                return Err(self
                    .reader
                    .error(ReadErrorKind::MissingAttribute("ResponseClass")));
            }
        };
        let mut status = MessageStatus {
            class,
            ..MessageStatus::default()
        };
        while let Some(child) = self.reader.next_child()? {
            match child.local_name() {
                "MessageText" => status.message_text = Some(self.reader.read_text()?),
                "ResponseCode" => status.response_code = Some(self.reader.read_value(&child)?),
                "MessageXml" => status.message_xml = Some(XmlRead::read_xml(self.reader, &child)?),
                // `m:Items` directly, or `m:RootFolder` holding `t:Items` (FindItem).
                "Items" if status.check().is_ok() => return Ok(Entered::Items),
                "RootFolder" if status.check().is_ok() => {
                    while let Some(inner) = self.reader.next_child()? {
                        if inner.local_name() == "Items" {
                            return Ok(Entered::Items);
                        }
                        self.reader.skip_element()?;
                    }
                }
                _ => self.reader.skip_element()?,
            }
        }
        Ok(status.check().err().map_or(Entered::Done, Entered::Failed))
    }

    /// Consumes the rest of the current response message (after its item list).
    fn finish_message(&mut self, message_depth: usize) -> Result<(), ReadError> {
        while self.reader.depth() >= message_depth {
            if self.reader.next_child()?.is_some() {
                self.reader.skip_element()?;
            }
        }
        Ok(())
    }

    fn step(&mut self) -> Result<Option<Streamed>, ReadError> {
        loop {
            if let Some(message_depth) = self.in_items {
                match self.reader.next_child()? {
                    Some(tag) if Item::matches(&tag) => {
                        let item = Item::read_choice(self.reader, &tag)?;
                        return Ok(Some(Streamed::Item(Box::new(item))));
                    }
                    Some(_) => self.reader.skip_element()?,
                    None => {
                        self.in_items = None;
                        self.finish_message(message_depth)?;
                    }
                }
                continue;
            }
            if !self.in_messages {
                match self.reader.next_child()? {
                    Some(tag) if tag.is(Name::m("ResponseMessages")) => self.in_messages = true,
                    Some(_) => self.reader.skip_element()?,
                    None => return Ok(None),
                }
                continue;
            }
            let Some(message) = self.reader.next_child()? else {
                self.in_messages = false;
                continue;
            };
            let message_depth = self.reader.depth();
            match self.enter_message(&message)? {
                Entered::Failed(error) => return Ok(Some(Streamed::Error(error))),
                Entered::Done => {}
                Entered::Items => self.in_items = Some(message_depth),
            }
        }
    }
}

impl Iterator for ItemStream<'_, '_> {
    type Item = Result<Streamed, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.step() {
            Ok(Some(s)) => Some(Ok(s)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}
