//! Tasks (`t:Task`, `TaskType` of `types.xsd`).
//!
//! ```
//! use ews_model::items::task::{Task, TaskStatus};
//! use ews_model::time::DateTime;
//!
//! let due: DateTime = "2026-04-30T17:00:00Z".parse()?;
//! let task = Task::new().subject("Report").due(due).status(TaskStatus::InProgress).percent(50.0);
//! assert_eq!(task.status, Some(TaskStatus::InProgress));
//! # Ok::<(), ews_model::time::TimeError>(())
//! ```

use ews_xml::{XmlRead, XmlValue, XmlWrite};

use crate::fields::{FieldValue, Kind};
use crate::items::ItemBase;
use crate::recurrence::TaskRecurrence;
use crate::time::DateTime;

/// A task (`t:Task`): the item base, then the task fields in the schema's order.
///
/// See [Task](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/task).
#[derive(Clone, Debug, Default, PartialEq, XmlWrite, XmlRead, crate::Fields)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[xml(ns = "t", name = "Task")]
#[non_exhaustive]
pub struct Task {
    /// The fields every item has.
    #[xml(flatten)]
    #[field(base)]
    pub item: ItemBase,
    /// `t:ActualWork`: minutes spent.
    #[field(uri = "task:ActualWork", searchable)]
    pub actual_work: Option<i32>,
    /// `t:AssignedTime`.
    #[field(uri = "task:AssignedTime", searchable, read_only)]
    pub assigned_time: Option<DateTime>,
    /// `t:BillingInformation`.
    #[field(uri = "task:BillingInformation", searchable)]
    pub billing_information: Option<String>,
    /// `t:ChangeCount`.
    #[field(uri = "task:ChangeCount", searchable, read_only)]
    pub change_count: Option<i32>,
    /// `t:Companies/t:String`.
    #[xml(wrapper = "Companies", item = "String")]
    #[field(uri = "task:Companies")]
    pub companies: Vec<String>,
    /// `t:CompleteDate`.
    #[field(uri = "task:CompleteDate", searchable, read_only)]
    pub complete_date: Option<DateTime>,
    /// `t:Contacts/t:String`: names of the contacts the task is about.
    #[xml(wrapper = "Contacts", item = "String")]
    #[field(uri = "task:Contacts")]
    pub contacts: Vec<String>,
    /// `t:DelegationState`.
    #[field(uri = "task:DelegationState", searchable, read_only)]
    pub delegation_state: Option<TaskDelegateState>,
    /// `t:Delegator`.
    #[field(uri = "task:Delegator", searchable, read_only)]
    pub delegator: Option<String>,
    /// `t:DueDate`.
    #[field(uri = "task:DueDate", searchable)]
    pub due_date: Option<DateTime>,
    /// `t:IsAssignmentEditable` (an integer in the schema).
    #[field(uri = "task:IsAssignmentEditable", searchable, read_only)]
    pub is_assignment_editable: Option<i32>,
    /// `t:IsComplete`.
    #[field(uri = "task:IsComplete", searchable, read_only)]
    pub is_complete: Option<bool>,
    /// `t:IsRecurring`.
    #[field(uri = "task:IsRecurring", searchable, read_only)]
    pub is_recurring: Option<bool>,
    /// `t:IsTeamTask`.
    #[field(uri = "task:IsTeamTask", searchable, read_only)]
    pub is_team_task: Option<bool>,
    /// `t:Mileage`.
    #[field(uri = "task:Mileage", searchable)]
    pub mileage: Option<String>,
    /// `t:Owner`.
    #[field(uri = "task:Owner", searchable, read_only)]
    pub owner: Option<String>,
    /// `t:PercentComplete`: 0 to 100.
    #[field(uri = "task:PercentComplete", searchable)]
    pub percent_complete: Option<f64>,
    /// `t:Recurrence`.
    #[field(uri = "task:Recurrence")]
    pub recurrence: Option<TaskRecurrence>,
    /// `t:StartDate`.
    #[field(uri = "task:StartDate", searchable)]
    pub start_date: Option<DateTime>,
    /// `t:Status`.
    #[field(uri = "task:Status", searchable)]
    pub status: Option<TaskStatus>,
    /// `t:StatusDescription`: the status as text, in the server's language.
    #[field(uri = "task:StatusDescription", searchable, read_only)]
    pub status_description: Option<String>,
    /// `t:TotalWork`: minutes planned.
    #[field(uri = "task:TotalWork", searchable)]
    pub total_work: Option<i32>,
}

impl Task {
    /// An empty task, to fill with the builder methods.
    pub fn new() -> Self {
        Self::default()
    }

    /// With the subject (`t:Subject` of the item base).
    #[must_use]
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.item.subject = Some(subject.into());
        self
    }

    /// With the start date.
    #[must_use]
    pub fn start(mut self, start: DateTime) -> Self {
        self.start_date = Some(start);
        self
    }

    /// With the due date.
    #[must_use]
    pub fn due(mut self, due: DateTime) -> Self {
        self.due_date = Some(due);
        self
    }

    /// With the status.
    #[must_use]
    pub fn status(mut self, status: TaskStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// With the percentage done.
    #[must_use]
    pub fn percent(mut self, percent: f64) -> Self {
        self.percent_complete = Some(percent);
        self
    }

    /// As a recurring task.
    #[must_use]
    pub fn recurrence(mut self, recurrence: TaskRecurrence) -> Self {
        self.recurrence = Some(recurrence);
        self
    }
}

/// The progress of a task (`t:TaskStatusType`).
///
/// See [Status (Task)](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/status-task).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum TaskStatus {
    /// `NotStarted`.
    NotStarted,
    /// `InProgress`.
    InProgress,
    /// `Completed`.
    Completed,
    /// `WaitingOnOthers`.
    WaitingOnOthers,
    /// `Deferred`.
    Deferred,
    /// A value this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

impl TaskStatus {
    /// Every value of the schema, in its order.
    pub const VALUES: &'static [&'static str] = &[
        "NotStarted",
        "InProgress",
        "Completed",
        "WaitingOnOthers",
        "Deferred",
    ];
}

/// The delegation state of a task (`t:TaskDelegateStateType`).
///
/// See [DelegationState](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/delegationstate).
#[derive(Clone, Debug, PartialEq, Eq, Hash, XmlValue)]
#[non_exhaustive]
pub enum TaskDelegateState {
    /// `NoMatch`.
    NoMatch,
    /// `OwnNew`.
    OwnNew,
    /// `Owned`.
    Owned,
    /// `Accepted`.
    Accepted,
    /// `Declined`.
    Declined,
    /// `Max`.
    Max,
    /// A value this schema does not know, kept verbatim.
    #[xml(other)]
    Other(String),
}

impl TaskDelegateState {
    /// Every value of the schema, in its order.
    pub const VALUES: &'static [&'static str] =
        &["NoMatch", "OwnNew", "Owned", "Accepted", "Declined", "Max"];
}

serde_as_xml_value!(TaskStatus, TaskDelegateState);

impl FieldValue for TaskStatus {
    const KIND: Kind = Kind::enumeration(Self::VALUES);
}

impl FieldValue for TaskDelegateState {
    const KIND: Kind = Kind::enumeration(Self::VALUES);
}
