//! A subset of Advanced Query Syntax for `FindItem`'s `QueryString`.
//!
//! Terms are words or `"quoted phrases"`, optionally scoped by a property (`subject:`,
//! `body:`, `from:`, `to:`, `cc:`, `bcc:`, `participants:`, `category:`, `kind:`,
//! `hasattachment:`/`hasattachments:`, `isread:`). Terms are joined by `AND` (also implied)
//! and `OR` (`AND` binds tighter), and negated by a leading `NOT` or `-`. A term matches when
//! its text occurs in the property without regard to case; an unscoped term searches the
//! subject, body, sender, recipients and categories. Parentheses are not supported.

use ews_model::items::Item;
use ews_model::operations::MessageStatus;
use ews_model::properties::Mailbox as Address;
use ews_xml::ResponseCode;

/// A parsed query: alternatives (OR) of conjunctions (AND) of terms.
#[derive(Debug, Clone)]
pub(super) struct Aqs {
    any: Vec<Vec<Term>>,
}

#[derive(Debug, Clone)]
struct Term {
    negated: bool,
    scope: Option<String>,
    text: String,
}

fn invalid(why: &str) -> MessageStatus {
    MessageStatus::error(
        ResponseCode::ErrorInvalidRequest,
        format!("The query string is not understood: {why}."),
    )
}

const SCOPES: &[&str] = &[
    "subject",
    "body",
    "from",
    "to",
    "cc",
    "bcc",
    "participants",
    "category",
    "kind",
    "hasattachment",
    "hasattachments",
    "isread",
];

/// Splits into words and quoted phrases, keeping a `scope:` prefix attached.
fn tokens(query: &str) -> Result<Vec<String>, MessageStatus> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in query.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                cur.push(c);
            }
            '(' | ')' if !quoted => return Err(invalid("parentheses are not supported")),
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if quoted {
        return Err(invalid("a quote is not closed"));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

fn term(token: &str, negated: bool) -> Result<Term, MessageStatus> {
    let (negated, token) = match token.strip_prefix('-') {
        Some(rest) if !rest.is_empty() => (!negated, rest),
        _ => (negated, token),
    };
    let (scope, text) = match token.split_once(':') {
        Some((scope, text)) if !token.starts_with('"') => {
            let scope = scope.to_lowercase();
            if !SCOPES.contains(&scope.as_str()) {
                return Err(invalid(&format!("unknown property {scope:?}")));
            }
            (Some(scope), text)
        }
        _ => (None, token),
    };
    let text = text.trim_matches('"').to_lowercase();
    if text.is_empty() {
        return Err(invalid("an empty term"));
    }
    Ok(Term {
        negated,
        scope,
        text,
    })
}

impl Aqs {
    pub(super) fn parse(query: &str) -> Result<Self, MessageStatus> {
        let mut any = vec![Vec::new()];
        let mut negate = false;
        for token in tokens(query)? {
            match token.as_str() {
                "AND" => {}
                "OR" => {
                    if any.last().is_some_and(Vec::is_empty) {
                        return Err(invalid("OR without a term before it"));
                    }
                    any.push(Vec::new());
                }
                "NOT" => negate = !negate,
                t => {
                    let term = term(t, negate)?;
                    negate = false;
                    if let Some(all) = any.last_mut() {
                        all.push(term);
                    }
                }
            }
        }
        if any.iter().any(Vec::is_empty) {
            return Err(invalid("an operator without a term"));
        }
        Ok(Self { any })
    }

    pub(super) fn matches(&self, item: &Item) -> bool {
        self.any
            .iter()
            .any(|all| all.iter().all(|t| t.matches(item) != t.negated))
    }
}

fn addresses(list: &[Address]) -> impl Iterator<Item = String> + '_ {
    list.iter().flat_map(|a| {
        [a.name.clone(), a.email_address.clone()]
            .into_iter()
            .flatten()
            .map(|s| s.to_lowercase())
    })
}

impl Term {
    fn matches(&self, item: &Item) -> bool {
        let Some(base) = item.base() else {
            return false;
        };
        let message = item.message();
        let has = |s: Option<&str>| s.is_some_and(|s| s.to_lowercase().contains(&self.text));
        let subject = || has(base.subject.as_deref());
        let body = || has(base.body.as_ref().map(|b| b.content.as_str()));
        let from = || {
            message.is_some_and(|m| {
                m.from.iter().chain(&m.sender).any(|f| {
                    addresses(std::slice::from_ref(&f.mailbox)).any(|a| a.contains(&self.text))
                })
            })
        };
        let recipients = |pick: fn(&ews_model::items::Message) -> &Vec<Address>| {
            message.is_some_and(|m| addresses(pick(m)).any(|a| a.contains(&self.text)))
        };
        let to = || recipients(|m| &m.to_recipients);
        let cc = || recipients(|m| &m.cc_recipients);
        let bcc = || recipients(|m| &m.bcc_recipients);
        let category = || {
            base.categories
                .iter()
                .any(|c| c.to_lowercase().contains(&self.text))
        };
        let flag = |value: Option<bool>| {
            let wanted = matches!(self.text.as_str(), "true" | "yes" | "1");
            value.unwrap_or(false) == wanted
        };
        match self.scope.as_deref() {
            None => subject() || body() || from() || to() || cc() || category(),
            Some("subject") => subject(),
            Some("body") => body(),
            Some("from") => from(),
            Some("to") => to(),
            Some("cc") => cc(),
            Some("bcc") => bcc(),
            Some("participants") => from() || to() || cc() || bcc(),
            Some("category") => category(),
            Some("hasattachment" | "hasattachments") => flag(Some(!base.attachments.is_empty())),
            Some("isread") => flag(message.and_then(|m| m.is_read)),
            Some("kind") => {
                let kind = match item {
                    Item::Message(_) => "email",
                    Item::CalendarItem(_) => "meetings",
                    Item::MeetingRequest(_)
                    | Item::MeetingResponse(_)
                    | Item::MeetingCancellation(_)
                    | Item::MeetingMessage(_) => "meetings",
                    Item::Contact(_) | Item::DistributionList(_) => "contacts",
                    Item::Task(_) => "tasks",
                    Item::PostItem(_) => "posts",
                    _ => "",
                };
                kind.starts_with(self.text.trim_end_matches('s'))
            }
            Some(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ews_model::Compose;
    use ews_model::items::Message;
    use ews_model::properties::Body;

    fn msg(subject: &str, body: &str, to: &str) -> Item {
        Message::new()
            .subject(subject)
            .body(Body::text(body))
            .to([to])
            .into()
    }

    #[test]
    fn terms_scopes_and_operators() {
        let a = msg("Quarterly report", "numbers attached", "bob@example.test");
        let b = msg("Lunch", "at noon", "carol@example.test");
        let q = |s: &str| Aqs::parse(s).unwrap();
        assert!(q("quarterly").matches(&a) && !q("quarterly").matches(&b));
        assert!(q("subject:lunch").matches(&b));
        assert!(!q("body:lunch").matches(&b));
        assert!(q("to:carol").matches(&b));
        assert!(q("\"at noon\"").matches(&b));
        assert!(q("lunch OR report").matches(&a) && q("lunch OR report").matches(&b));
        assert!(!q("lunch AND report").matches(&a));
        assert!(q("NOT lunch").matches(&a) && !q("-lunch").matches(&b));
        assert!(q("kind:email hasattachments:false").matches(&a));
        for bad in ["(a)", "\"open", "OR a", "a OR", "nope:x", "subject:"] {
            assert!(Aqs::parse(bad).is_err(), "{bad}");
        }
    }
}
