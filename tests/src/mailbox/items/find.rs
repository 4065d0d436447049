//! `FindItem`: traversal, restrictions, AQS, sorting, grouping and paging, and calendar and
//! contacts views.

use ews_model::fields::{FieldTable, HasFields as _};
use ews_model::items::{Item, ItemBase, Message};
use ews_model::operations::{
    FieldPath, FindItem, FindItemResponse, FindItemResponseMessage, FindItemRoot, GroupedItems,
    MessageStatus,
};
use ews_model::properties::FolderIdChoice;
use ews_model::view::{
    Aggregate, BasePoint, FieldOrder, FolderView, Grouping, ItemTraversal, ItemView, SortDirection,
    SortOrder,
};
use ews_query::{Ordering, Q};
use ews_xml::ResponseCode;

use super::Ctx;
use super::recurrence::{expand, overlaps, start_of};
use crate::mailbox::Mailbox;

/// Exchange's cap on the items of one FindItem/FindFolder page.
pub(crate) const FIND_CAP: usize = 1000;

/// The tables a restriction or sort order may name fields of, most general first.
pub(in crate::mailbox) fn tables() -> [&'static FieldTable; 8] {
    use ews_model::items::calendar::CalendarItem as C;
    use ews_model::items::contact::Contact;
    use ews_model::items::distribution_list::DistributionList;
    use ews_model::items::task::Task;
    use ews_model::items::{MeetingRequest as R, PostItem};
    [
        &ItemBase::FIELDS,
        &Message::FIELDS,
        &C::FIELDS,
        &Contact::FIELDS,
        &Task::FIELDS,
        &DistributionList::FIELDS,
        &PostItem::FIELDS,
        &R::FIELDS,
    ]
}

/// Orders `candidates` by group (groups by their aggregate, items within a group in their
/// present order) and returns each one's group number.
pub(super) fn group(
    candidates: &mut Vec<(u64, Item)>,
    grouping: &Grouping,
) -> Result<Vec<usize>, MessageStatus> {
    let (by, aggregate, max, descending) = match grouping {
        Grouping::GroupBy(g) => (
            g.path.clone(),
            g.aggregate_on.path.clone(),
            matches!(g.aggregate_on.aggregate, Aggregate::Maximum),
            matches!(g.order, SortDirection::Descending),
        ),
        Grouping::DistinguishedGroupBy(d) => (
            FieldPath::field("message:ConversationTopic"),
            FieldPath::field("item:DateTimeReceived"),
            true,
            matches!(d.order, SortDirection::Descending),
        ),
    };
    let by = parse_order(&SortOrder::new(vec![FieldOrder::ascending(by)]))?;
    let agg = parse_order(&SortOrder::new(vec![FieldOrder::ascending(aggregate)]))?;
    // Runs of equal group values, in first-seen order (a stable sort keeps the item order).
    let mut runs: Vec<Vec<(u64, Item)>> = Vec::new();
    for c in candidates.drain(..) {
        match runs
            .iter_mut()
            .find(|r| ews_query::compare_items(&r[0].1, &c.1, &by).is_eq())
        {
            Some(run) => run.push(c),
            None => runs.push(vec![c]),
        }
    }
    let representative = |run: &[(u64, Item)]| -> usize {
        let mut best = 0;
        for (i, (_, item)) in run.iter().enumerate() {
            let o = ews_query::compare_items(item, &run[best].1, &agg);
            if (max && o.is_gt()) || (!max && o.is_lt()) {
                best = i;
            }
        }
        best
    };
    runs.sort_by(|a, b| {
        let o = ews_query::compare_items(&a[representative(a)].1, &b[representative(b)].1, &agg);
        if descending { o.reverse() } else { o }
    });
    let mut numbers = Vec::new();
    for (n, run) in runs.into_iter().enumerate() {
        numbers.extend(std::iter::repeat_n(n, run.len()));
        candidates.extend(run);
    }
    Ok(numbers)
}

/// A restriction, parsed once per item type.
pub(super) struct Filter<'a> {
    restriction: &'a ews_model::restriction::Restriction,
    parsed: std::cell::RefCell<Vec<(*const FieldTable, Option<Q>)>>,
}

impl<'a> Filter<'a> {
    fn new(restriction: &'a ews_model::restriction::Restriction) -> Result<Self, MessageStatus> {
        let mut last = None;
        for t in tables() {
            match ews_query::parse(restriction, t) {
                Ok(_) => {
                    return Ok(Self {
                        restriction,
                        parsed: std::cell::RefCell::new(Vec::new()),
                    });
                }
                Err(e) => last = Some(e),
            }
        }
        Err(MessageStatus::error(
            ResponseCode::ErrorInvalidRestriction,
            format!(
                "The restriction is invalid: {}",
                last.map(|e| e.to_string()).unwrap_or_default()
            ),
        ))
    }

    fn matches(&self, item: &Item) -> bool {
        let table = item.table();
        let key = std::ptr::from_ref(table);
        let mut parsed = self.parsed.borrow_mut();
        let q = match parsed.iter().find(|(k, _)| *k == key) {
            Some((_, q)) => q.clone(),
            None => {
                let q = ews_query::parse(self.restriction, table).ok();
                parsed.push((key, q.clone()));
                q
            }
        };
        q.is_some_and(|q| ews_query::eval(&q, item))
    }
}

pub(super) fn parse_order(sort: &SortOrder) -> Result<Vec<Ordering>, MessageStatus> {
    let mut last = None;
    for t in tables() {
        match ews_query::parse_order(sort, t) {
            Ok(keys) => return Ok(keys),
            Err(e) => last = Some(e),
        }
    }
    Err(MessageStatus::error(
        ResponseCode::ErrorUnsupportedPathForSortGroup,
        format!(
            "The sort order is invalid: {}",
            last.map(|e| e.to_string()).unwrap_or_default()
        ),
    ))
}

impl Mailbox {
    pub(crate) fn find_item(&self, req: &FindItem, ctx: &Ctx) -> FindItemResponse {
        let messages = req
            .parent_folder_ids
            .iter()
            .map(|folder| match self.find_in(req, folder, ctx) {
                Ok(root) => FindItemResponseMessage::success(root),
                Err(s) => FindItemResponseMessage::error(s),
            })
            .collect();
        FindItemResponse::new(messages)
    }

    pub(super) fn find_in(
        &self,
        req: &FindItem,
        folder: &FolderIdChoice,
        ctx: &Ctx,
    ) -> Result<FindItemRoot, MessageStatus> {
        let folder_idx = self.resolve(folder).map_err(|e| e.status())?;
        let projection = self.projection(&req.item_shape, true, ctx)?;
        let query = req
            .query_string
            .as_ref()
            .map(|q| crate::mailbox::aqs::Aqs::parse(&q.query))
            .transpose()?;
        let folder_ids = [self.folders[folder_idx].id.as_str()];
        let soft = match &req.traversal {
            ItemTraversal::Shallow => false,
            ItemTraversal::SoftDeleted => true,
            // No item here is associated (hidden): the view is empty.
            ItemTraversal::Associated => {
                let (_, paging) = crate::mailbox::page(&[], None);
                return Ok(FindItemRoot::items(paging, Vec::new()));
            }
            other => {
                return Err(MessageStatus::error(
                    ResponseCode::ErrorInvalidRequest,
                    format!("Unknown traversal {other:?}."),
                ));
            }
        };
        // Candidates as full items.
        let mut candidates: Vec<(u64, Item)> = Vec::new();
        if let Some(ItemView::Calendar(view)) = &req.view {
            if soft {
                return Err(MessageStatus::error(
                    ResponseCode::ErrorInvalidOperation,
                    "A calendar view cannot be combined with SoftDeleted traversal.",
                ));
            }
            let (from, to) = (view.start_date, view.end_date);
            if to.0 < from.0 {
                return Err(MessageStatus::error(
                    ResponseCode::ErrorCalendarEndDateIsEarlierThanStartDate,
                    "The end date is earlier than the start date.",
                ));
            }
            for (i, r) in self.items.iter().enumerate() {
                if r.soft_deleted || !folder_ids.contains(&r.folder.as_str()) {
                    continue;
                }
                let Item::CalendarItem(c) = &r.item else {
                    continue;
                };
                if c.occurrences.recurrence.is_some() {
                    for occ in expand(c, Some((from, to)), usize::MAX).unwrap_or_default() {
                        if !occ.deleted && self.exception_index(&r.id, occ.index).is_none() {
                            candidates.push((r.seq, self.render_occurrence(i, c, &occ)));
                        }
                    }
                } else if overlaps(c, from, to) {
                    candidates.push((r.seq, self.full(i)));
                }
            }
            candidates.sort_by_key(|(seq, item)| (start_of(item), *seq));
        } else {
            for (i, r) in self.items.iter().enumerate() {
                if r.soft_deleted == soft
                    && r.exception_of.is_none()
                    && folder_ids.contains(&r.folder.as_str())
                {
                    candidates.push((r.seq, self.full(i)));
                }
            }
            // Newest first, like Exchange's default order (by DateTimeReceived).
            candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
        }
        if let Some(restriction) = &req.restriction {
            let filter = Filter::new(restriction)?;
            candidates.retain(|(_, item)| filter.matches(item));
        }
        if let Some(query) = &query {
            candidates.retain(|(_, item)| query.matches(item));
        }
        if let Some(sort) = &req.sort_order {
            let keys = parse_order(sort)?;
            candidates.sort_by(|a, b| ews_query::compare_items(&a.1, &b.1, &keys));
        }
        if let Some(ItemView::Contacts(v)) = &req.view {
            let name = |item: &Item| -> String {
                match item {
                    Item::Contact(c) => c.display_name.clone().unwrap_or_default(),
                    Item::DistributionList(d) => d.display_name.clone().unwrap_or_default(),
                    other => other
                        .base()
                        .and_then(|b| b.subject.clone())
                        .unwrap_or_default(),
                }
                .to_lowercase()
            };
            let lo = v.initial_name.as_deref().map(str::to_lowercase);
            let hi = v.final_name.as_deref().map(str::to_lowercase);
            candidates.retain(|(_, item)| {
                let n = name(item);
                lo.as_ref().is_none_or(|lo| n >= *lo) && hi.as_ref().is_none_or(|hi| n <= *hi)
            });
            candidates.sort_by_key(|(_, item)| name(item));
        }
        // Grouping: the items in group order, and each item's group number.
        let groups = match &req.grouping {
            Some(g) => Some(group(&mut candidates, g)?),
            None => None,
        };
        let indices: Vec<usize> = (0..candidates.len()).collect();
        let folder_view = match &req.view {
            Some(ItemView::IndexedPage(v)) => Some(FolderView::IndexedPage(v.clone())),
            Some(ItemView::FractionalPage(v)) => Some(FolderView::FractionalPage(v.clone())),
            Some(ItemView::Calendar(v)) => v
                .max_entries_returned
                .map(|m| FolderView::IndexedPage(ews_model::view::IndexedPageView::new(0, m))),
            Some(ItemView::Contacts(v)) => v
                .max_entries_returned
                .map(|m| FolderView::IndexedPage(ews_model::view::IndexedPageView::new(0, m))),
            Some(ItemView::SeekToCondition(v)) => {
                // The page starts at the first item matching the condition, searched from
                // the beginning (or, from the end, the last one).
                let condition = Filter::new(&v.condition)?;
                let hit = match v.base_point {
                    BasePoint::End => candidates.iter().rposition(|(_, i)| condition.matches(i)),
                    _ => candidates.iter().position(|(_, i)| condition.matches(i)),
                };
                let offset = hit.unwrap_or(candidates.len());
                let max = v.max_entries_returned.unwrap_or(i32::MAX);
                Some(FolderView::IndexedPage(
                    ews_model::view::IndexedPageView::new(
                        i32::try_from(offset).unwrap_or(i32::MAX),
                        max,
                    ),
                ))
            }
            _ => None,
        };
        let (page, mut paging) = crate::mailbox::page(&indices, folder_view.as_ref());
        if matches!(
            req.view,
            Some(ItemView::Calendar(_) | ItemView::Contacts(_))
        ) {
            // These views report no paging offset.
            paging.indexed_paging_offset = None;
        }
        if let Some(groups) = groups {
            let mut out: Vec<GroupedItems> = Vec::new();
            for &i in page {
                let item = projection.apply(candidates[i].1.clone(), &req.item_shape);
                let index = groups[i].to_string();
                match out.last_mut() {
                    Some(g) if g.group_index == index => {
                        g.items.get_or_insert_with(Vec::new).push(item);
                    }
                    _ => out.push(GroupedItems::new(index, vec![item])),
                }
            }
            return Ok(FindItemRoot::groups(paging, out));
        }
        let items = page
            .iter()
            .map(|&i| projection.apply(candidates[i].1.clone(), &req.item_shape))
            .collect();
        Ok(FindItemRoot::items(paging, items))
    }
}
