//! The transport's list of operations that must not be sent twice agrees with the model's
//! `Operation::IDEMPOTENT` for every operation.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use ews_model::operations::*;

fn check<O: Operation>(wrong: &mut Vec<&'static str>) {
    let listed = ews_transport::NOT_IDEMPOTENT.contains(&O::name());
    if listed == O::IDEMPOTENT {
        wrong.push(O::name());
    }
    assert_eq!(
        ews_transport::CallOptions::new(O::name()).is_idempotent(),
        O::IDEMPOTENT,
        "{}",
        O::name()
    );
}

#[test]
fn transport_and_model_agree_on_idempotency() {
    let mut wrong = Vec::new();
    check::<ArchiveItem>(&mut wrong);
    check::<ConvertId>(&mut wrong);
    check::<CopyFolder>(&mut wrong);
    check::<CopyItem>(&mut wrong);
    check::<CreateAttachment>(&mut wrong);
    check::<CreateFolder>(&mut wrong);
    check::<CreateItem>(&mut wrong);
    check::<DeleteAttachment>(&mut wrong);
    check::<DeleteFolder>(&mut wrong);
    check::<DeleteItem>(&mut wrong);
    check::<EmptyFolder>(&mut wrong);
    check::<ExpandDl>(&mut wrong);
    check::<ExportItems>(&mut wrong);
    check::<FindFolder>(&mut wrong);
    check::<FindItem>(&mut wrong);
    check::<GetAttachment>(&mut wrong);
    check::<GetFolder>(&mut wrong);
    check::<GetItem>(&mut wrong);
    check::<MarkAllItemsAsRead>(&mut wrong);
    check::<MarkAsJunk>(&mut wrong);
    check::<MoveFolder>(&mut wrong);
    check::<MoveItem>(&mut wrong);
    check::<ResolveNames>(&mut wrong);
    check::<SendItem>(&mut wrong);
    check::<UpdateFolder>(&mut wrong);
    check::<UpdateItem>(&mut wrong);
    check::<UploadItems>(&mut wrong);
    assert!(wrong.is_empty(), "disagree: {wrong:?}");
    assert_eq!(OPERATIONS.len(), 27, "a new operation needs a line here");
}
