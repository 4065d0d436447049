//! Item, attachment and conversation ids (`t:ItemIdType` and its relatives).
//!
//! An id is an opaque string the server hands out; the optional change key names one
//! version of the item, and operations that change an item reject a stale one.
//!
//! ```
//! use ews_model::properties::{ItemId, ItemIdChoice};
//!
//! let id = ItemId::new("AAMkAD…").with_change_key("CQAAABYA…");
//! assert_eq!(id.change_key.as_deref(), Some("CQAAABYA…"));
//! let choice: ItemIdChoice = id.into();
//! assert!(matches!(choice, ItemIdChoice::ItemId(_)));
//! ```

use ews_xml::{XmlRead, XmlWrite};

/// The id of an item, with its optional change key (`t:ItemIdType`).
///
/// Also the type of `t:ParentItemId`, `t:ReferenceItemId` and others; see
/// [ItemId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/itemid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "ItemId")]
pub struct ItemId {
    /// `Id`: the item's id.
    #[xml(attr = "Id")]
    pub id: String,
    /// `ChangeKey`: the version of the item this id refers to.
    #[xml(attr = "ChangeKey")]
    pub change_key: Option<String>,
}

impl ItemId {
    /// An id without a change key.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            change_key: None,
        }
    }

    /// This id with the change key `change_key`.
    #[must_use]
    pub fn with_change_key(mut self, change_key: impl Into<String>) -> Self {
        self.change_key = Some(change_key.into());
        self
    }
}

/// The id of a conversation (`t:ConversationId`, an `ItemIdType`).
///
/// See [ConversationId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/conversationid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "ConversationId")]
pub struct ConversationId {
    /// `Id`: the conversation's id.
    #[xml(attr = "Id")]
    pub id: String,
    /// `ChangeKey`: the version of the conversation.
    #[xml(attr = "ChangeKey")]
    pub change_key: Option<String>,
}

impl ConversationId {
    /// A conversation id without a change key.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            change_key: None,
        }
    }

    /// This id with the change key `change_key`.
    #[must_use]
    pub fn with_change_key(mut self, change_key: impl Into<String>) -> Self {
        self.change_key = Some(change_key.into());
        self
    }
}

/// The id of an attachment, with the id of the item it belongs to (`t:AttachmentIdType`).
///
/// Requests need only [`id`](Self::id); responses also carry the root item's id and change
/// key. See [AttachmentId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/attachmentid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "AttachmentId")]
pub struct AttachmentId {
    /// `Id`: the attachment's id.
    #[xml(attr = "Id")]
    pub id: String,
    /// `RootItemId`: the id of the item the attachment belongs to.
    #[xml(attr = "RootItemId")]
    pub root_item_id: Option<String>,
    /// `RootItemChangeKey`: the change key of that item.
    #[xml(attr = "RootItemChangeKey")]
    pub root_item_change_key: Option<String>,
}

impl AttachmentId {
    /// An attachment id alone, as requests send it.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            ..Self::default()
        }
    }

    /// The id of the item the attachment belongs to, when the server sent it.
    pub fn root_item(&self) -> Option<ItemId> {
        self.root_item_id.as_ref().map(|id| ItemId {
            id: id.clone(),
            change_key: self.root_item_change_key.clone(),
        })
    }
}

/// One occurrence of a recurring series, by the master's id and the occurrence's 1-based
/// index (`t:OccurrenceItemIdType`).
///
/// See [OccurrenceItemId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/occurrenceitemid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "OccurrenceItemId")]
pub struct OccurrenceItemId {
    /// `RecurringMasterId`: the id of the recurring master.
    #[xml(attr = "RecurringMasterId")]
    pub recurring_master_id: String,
    /// `ChangeKey`: the version of the master.
    #[xml(attr = "ChangeKey")]
    pub change_key: Option<String>,
    /// `InstanceIndex`: which occurrence, starting at 1.
    #[xml(attr = "InstanceIndex")]
    pub instance_index: i32,
}

impl OccurrenceItemId {
    /// Occurrence `instance_index` (1-based) of the series `recurring_master_id`.
    pub fn new(recurring_master_id: impl Into<String>, instance_index: i32) -> Self {
        Self {
            recurring_master_id: recurring_master_id.into(),
            change_key: None,
            instance_index,
        }
    }

    /// This id with the change key `change_key`.
    #[must_use]
    pub fn with_change_key(mut self, change_key: impl Into<String>) -> Self {
        self.change_key = Some(change_key.into());
        self
    }
}

/// The recurring master of the series an occurrence or exception belongs to, by the
/// occurrence's id (`t:RecurringMasterItemIdType`).
///
/// See [RecurringMasterItemId](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/recurringmasteritemid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "RecurringMasterItemId")]
pub struct RecurringMasterItemId {
    /// `OccurrenceId`: the id of an occurrence or exception of the series.
    #[xml(attr = "OccurrenceId")]
    pub occurrence_id: String,
    /// `ChangeKey`: the version of the occurrence.
    #[xml(attr = "ChangeKey")]
    pub change_key: Option<String>,
}

impl RecurringMasterItemId {
    /// The master of the series the occurrence `occurrence_id` belongs to.
    pub fn new(occurrence_id: impl Into<String>) -> Self {
        Self {
            occurrence_id: occurrence_id.into(),
            change_key: None,
        }
    }

    /// This id with the change key `change_key`.
    #[must_use]
    pub fn with_change_key(mut self, change_key: impl Into<String>) -> Self {
        self.change_key = Some(change_key.into());
        self
    }
}

/// One entry of a list of item ids (`t:NonEmptyArrayOfBaseItemIdsType`, as in `m:ItemIds`
/// of `m:GetItem`): an item, an occurrence of a series, or the master of a series.
///
/// A parent declares it as `#[xml(ns = "m", wrapper = "ItemIds", choice)] ids: Vec<ItemIdChoice>`.
/// See [ItemIds](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/itemids).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlWrite, XmlRead)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(choice, ns = "t")]
#[non_exhaustive]
pub enum ItemIdChoice {
    /// `t:ItemId`.
    ItemId(ItemId),
    /// `t:OccurrenceItemId`.
    OccurrenceItemId(OccurrenceItemId),
    /// `t:RecurringMasterItemId`.
    RecurringMasterItemId(RecurringMasterItemId),
}

impl From<ItemId> for ItemIdChoice {
    fn from(id: ItemId) -> Self {
        Self::ItemId(id)
    }
}

impl From<OccurrenceItemId> for ItemIdChoice {
    fn from(id: OccurrenceItemId) -> Self {
        Self::OccurrenceItemId(id)
    }
}

impl From<RecurringMasterItemId> for ItemIdChoice {
    fn from(id: RecurringMasterItemId) -> Self {
        Self::RecurringMasterItemId(id)
    }
}
