//! Tasks: round trips over generated values, schema validity inside `CreateItem` and
//! `GetItemResponse`, and every `t:Task` of the ms-docs samples read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use ews_model::fields::HasFields;
use ews_model::items::task::{Task, TaskDelegateState, TaskStatus};
use ews_model::properties::ItemId;
use ews_model::recurrence::{NoEndRange, Range, RegenerationPattern, TaskPattern, TaskRecurrence};
use ews_model::time::Date;
use ews_xml::Name;
use jiff::civil::date;
use proptest::prelude::*;

fn status() -> impl Strategy<Value = Option<TaskStatus>> {
    prop_oneof![
        Just(None),
        Just(Some(TaskStatus::NotStarted)),
        Just(Some(TaskStatus::WaitingOnOthers)),
        Just(Some(TaskStatus::Other("Blocked".into()))),
    ]
}

fn recurrence() -> TaskRecurrence {
    TaskRecurrence {
        pattern: TaskPattern::DailyRegeneration(RegenerationPattern { interval: 2 }),
        range: Range::NoEnd(NoEndRange {
            start_date: Date(date(2026, 1, 5)),
        }),
    }
}

prop_compose! {
    fn task()(
        head in (opt_text(), proptest::option::of(item_id()), proptest::option::of(0..999_i32),
            opt_date_time(), opt_text(), proptest::option::of(0..99_i32),
            proptest::collection::vec(text(), 0..3), opt_date_time(),
            proptest::collection::vec(text(), 0..2),
            prop_oneof![Just(None), Just(Some(TaskDelegateState::Owned))], opt_text()),
        tail in (opt_date_time(), proptest::option::of(0..2_i32),
            proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()), opt_text(), opt_text(),
            proptest::option::of(0..=100_u8), any::<bool>(), opt_date_time(), status(),
            (opt_text(), proptest::option::of(0..999_i32))),
    ) -> Task {
        let mut t = Task::new();
        (t.item.subject, t.item.item_id, t.actual_work, t.assigned_time, t.billing_information,
            t.change_count, t.companies, t.complete_date, t.contacts, t.delegation_state,
            t.delegator) = head;
        let (due, editable, complete, recurring, team, mileage, owner, percent, rec, start,
            status, (description, total)) = tail;
        t.due_date = due;
        t.is_assignment_editable = editable;
        t.is_complete = complete;
        t.is_recurring = recurring;
        t.is_team_task = team;
        t.mileage = mileage;
        t.owner = owner;
        t.percent_complete = percent.map(f64::from);
        t.recurrence = rec.then(recurrence);
        t.start_date = start;
        t.status = status;
        t.status_description = description;
        t.total_work = total;
        t
    }
}

proptest! {
    #[test]
    fn tasks_round_trip(t in task()) {
        round_trip(&t, Name::t("Task"));
    }
}

fn writable() -> Task {
    let mut t = Task::new()
        .subject("Report")
        .start(at(0))
        .due(at(86_400))
        .status(TaskStatus::InProgress)
        .percent(50.0)
        .recurrence(recurrence());
    t.actual_work = Some(60);
    t.billing_information = Some("Project X".into());
    t.companies = vec!["Example".into()];
    t.contacts = vec!["Ann Lee".into()];
    t.mileage = Some("10".into());
    t.total_work = Some(120);
    t
}

fn everything() -> Task {
    let mut t = writable();
    t.item.item_id = Some(ItemId::new("AAMkTask="));
    t.assigned_time = Some(at(-10));
    t.change_count = Some(3);
    t.complete_date = Some(at(90_000));
    t.delegation_state = Some(TaskDelegateState::Owned);
    t.delegator = Some("Bob".into());
    t.is_assignment_editable = Some(0);
    t.is_complete = Some(false);
    t.is_recurring = Some(true);
    t.is_team_task = Some(false);
    t.owner = Some("Ann".into());
    t.status_description = Some("In Progress".into());
    t
}

#[test]
fn full_tasks_round_trip() {
    round_trip(&everything(), Name::t("Task"));
}

#[test]
fn create_item_request_validates() {
    let doc = create_item(&[("Task", &writable())]);
    ews_test_support::assert_valid("CreateItem with a task", &doc);
    assert_eq!(read_all::<Task>(&doc, "Task").unwrap(), [writable()]);
}

#[test]
fn get_item_response_validates() {
    let doc = get_item_response(&[("Task", &everything())]);
    ews_test_support::assert_valid("GetItemResponse with a task", &doc);
    assert_eq!(read_all::<Task>(&doc, "Task").unwrap(), [everything()]);
}

#[test]
fn field_table_describes_task_fields() {
    let status = Task::FIELDS.get("status").unwrap();
    assert!(status.is_searchable() && !status.is_read_only());
    assert!(Task::FIELDS.get("is_complete").unwrap().is_read_only());
    assert!(Task::FIELDS.by_uri("task:Recurrence").is_some());
    assert_eq!(Task::FIELDS.own.len(), 22);
}

#[test]
fn ms_docs_tasks_read() {
    let tasks = ms_docs_items::<Task>("Task");
    if tasks.is_empty() {
        return; // no fixtures here: ms_docs said so
    }
    assert!(
        tasks
            .iter()
            .any(|(_, t)| t.status == Some(TaskStatus::NotStarted)),
        "{tasks:?}"
    );
}
