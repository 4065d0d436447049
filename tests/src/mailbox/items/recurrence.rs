//! Recurrence expansion: the occurrences of a recurring master (calendar views, occurrence
//! ids).

use ews_model::items::Item;
use ews_model::items::calendar::{CalendarItem, CalendarItemType};
use ews_model::properties::ItemId;
use ews_model::time::{DateTime, TimeZone};

use crate::mailbox::Mailbox;

/// How many occurrences of one master a calendar view expands at most.
pub(super) const MAX_OCCURRENCES: usize = 10_000;

/// One expanded occurrence.
#[derive(Debug, Clone)]
pub(super) struct Occ {
    pub(super) index: usize,
    pub(super) start: DateTime,
    pub(super) end: DateTime,
    pub(super) deleted: bool,
}

/// The occurrences of a recurring master overlapping `window` (all when `None`), up to
/// index `upto`; `None` when the item does not recur.
pub(super) fn expand(
    c: &CalendarItem,
    window: Option<(DateTime, DateTime)>,
    upto: usize,
) -> Option<Vec<Occ>> {
    let recurrence = c.occurrences.recurrence.as_ref()?;
    let (start, end) = (c.schedule.start?, c.schedule.end?);
    let length = end.0.duration_since(start.0);
    let tz = c
        .settings
        .start_time_zone
        .as_ref()
        .and_then(TimeZone::resolve_definition)
        .map_or(jiff::tz::TimeZone::UTC, |z| z.jiff_zone());
    let first = start.0.to_zoned_datetime(tz.clone()).datetime();
    let mut out = Vec::new();
    for (i, zoned) in recurrence
        .occurrences(first, &tz)
        .enumerate()
        .take(MAX_OCCURRENCES.min(upto))
    {
        let index = i + 1;
        let s = zoned.timestamp();
        let Ok(e) = s.checked_add(length) else {
            break;
        };
        if let Some((from, to)) = window {
            if s >= to.0 {
                break;
            }
            if e <= from.0 {
                continue;
            }
        }
        let deleted = c
            .occurrences
            .deleted_occurrences
            .iter()
            .any(|d| d.start.0 == s);
        out.push(Occ {
            index,
            start: DateTime(s),
            end: DateTime(e),
            deleted,
        });
    }
    Some(out)
}

pub(super) fn overlaps(c: &CalendarItem, from: DateTime, to: DateTime) -> bool {
    match (c.schedule.start, c.schedule.end) {
        (Some(s), Some(e)) => s.0 < to.0 && (e.0 > from.0 || (e.0 == s.0 && s.0 >= from.0)),
        _ => false,
    }
}

pub(super) fn start_of(item: &Item) -> Option<jiff::Timestamp> {
    match item {
        Item::CalendarItem(c) => c.schedule.start.map(|s| s.0),
        _ => None,
    }
}

impl Mailbox {
    /// Occurrence `index` of the master, rendered as a calendar item of type `Occurrence`.
    pub(super) fn occurrence(&self, master: usize, index: usize) -> Option<Item> {
        let Item::CalendarItem(c) = &self.items[master].item else {
            return None;
        };
        let occ = expand(c, None, index)?
            .into_iter()
            .find(|o| o.index == index && !o.deleted)?;
        Some(self.render_occurrence(master, c, &occ))
    }

    pub(super) fn render_occurrence(&self, master: usize, c: &CalendarItem, occ: &Occ) -> Item {
        let mut o = c.clone();
        o.occurrences.recurrence = None;
        o.occurrences.first_occurrence = None;
        o.occurrences.last_occurrence = None;
        o.occurrences.modified_occurrences.clear();
        o.occurrences.deleted_occurrences.clear();
        o.schedule.start = Some(occ.start);
        o.schedule.end = Some(occ.end);
        o.schedule.original_start = Some(occ.start);
        o.attendance.calendar_item_type = Some(CalendarItemType::Occurrence);
        o.schedule.is_recurring = Some(true);
        o.item.item_id = Some(
            ItemId::new(self.occurrence_id(master, occ.index))
                .with_change_key(self.items[master].change_key.clone()),
        );
        o.item.parent_folder_id = self.folder_id_of(&self.items[master].folder);
        Item::CalendarItem(o)
    }
}
