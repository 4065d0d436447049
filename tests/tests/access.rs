//! Impersonation and delegate access, end to end.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::Session;
use ews_model::items::{Item, Message};
use ews_model::operations::{
    BaseShape, CreateItem, FindItem, FolderShape, GetFolder, GetItem, ItemShape, MessageDisposition,
};
use ews_model::properties::{
    DistinguishedFolderId, DistinguishedFolderIdName, FolderIdChoice, Mailbox,
};
use ews_tests::FakeExchange;
use ews_xml::ResponseCode;
use ews_xml::soap::Impersonation;

const ALICE: (&str, &str) = ("alice@example.test", "a");
const BOB: (&str, &str) = ("bob@example.test", "b");
const CAROL: (&str, &str) = ("carol@example.test", "c");
const SVC: (&str, &str) = ("svc@example.test", "s");

async fn start() -> FakeExchange {
    FakeExchange::builder()
        .user(ALICE.0, ALICE.1)
        .user(BOB.0, BOB.1)
        .user(CAROL.0, CAROL.1)
        .user(SVC.0, SVC.1)
        .impersonator(SVC.0)
        .delegate(ALICE.0, BOB.0)
        .check_documents_on_drop(common::gate)
        .start()
        .await
        .unwrap()
}

fn alices(name: &str) -> FolderIdChoice {
    let mut d = DistinguishedFolderId::new(DistinguishedFolderIdName::from(name));
    d.mailbox = Some(Mailbox::new(ALICE.0));
    d.into()
}

fn own(name: &str) -> FolderIdChoice {
    DistinguishedFolderIdName::from(name).into()
}

#[tokio::test]
async fn delegates_reach_the_owners_folders_and_items() {
    let server = start().await;
    let mut alice = Session::new(&server, ALICE);
    let mut bob = Session::new(&server, BOB);
    let mut carol = Session::new(&server, CAROL);
    let get = |f: FolderIdChoice| GetFolder::new(FolderShape::new(BaseShape::IdOnly)).folder(f);
    let alice_inbox = alice
        .call(&get(own("inbox")))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let via_bob = bob
        .call(&get(alices("inbox")))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    assert_eq!(alice_inbox.base().folder_id, via_bob.base().folder_id);
    let bobs = bob
        .call(&get(own("inbox")))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    assert_ne!(bobs.base().folder_id, via_bob.base().folder_id);

    // Bob files a draft in Alice's drafts; Alice sees it; Bob reads it by id.
    bob.call(
        &CreateItem::new()
            .disposition(MessageDisposition::SaveOnly)
            .save_to(alices("drafts"))
            .item(Message::new().subject("for alice")),
    )
    .await;
    let found = alice
        .call(&FindItem::new(ItemShape::new(BaseShape::IdOnly)).folder(own("drafts")))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    assert_eq!(found.items.len(), 1);
    let id = found.items[0].id().cloned().unwrap();
    let read = bob
        .call(&GetItem::new(ItemShape::new(BaseShape::Default)).item(id.clone()))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    assert_eq!(read.base().unwrap().subject.as_deref(), Some("for alice"));

    // Carol has no access, by folder or by id: each response message says so.
    let denied = carol.call(&get(alices("inbox"))).await.into_results();
    assert_eq!(
        denied[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorAccessDenied)
    );
    let denied = carol
        .call(&GetItem::new(ItemShape::new(BaseShape::IdOnly)).item(id))
        .await
        .into_results();
    assert_eq!(
        denied[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorAccessDenied)
    );
    // A mailbox that does not exist.
    let mut nobody = DistinguishedFolderId::new(DistinguishedFolderIdName::from("inbox"));
    nobody.mailbox = Some(Mailbox::new("nobody@example.test"));
    let missing = bob.call(&get(nobody.into())).await.into_results();
    assert_eq!(
        missing[0].as_ref().unwrap_err().code(),
        Some(&ResponseCode::ErrorNonExistentMailbox)
    );
    alice.finish();
    bob.finish();
    carol.finish();
}

#[tokio::test]
async fn impersonation_needs_the_role() {
    let server = start().await;
    let mut svc = Session::new(&server, SVC);
    svc.impersonate = Some(Impersonation::PrimarySmtpAddress(ALICE.0.to_owned()));
    svc.call(
        &CreateItem::new()
            .disposition(MessageDisposition::SaveOnly)
            .item(Message::new().subject("filed as alice")),
    )
    .await;
    let mut alice = Session::new(&server, ALICE);
    let drafts = alice
        .call(&FindItem::new(ItemShape::new(BaseShape::Default)).folder(own("drafts")))
        .await
        .into_results()
        .remove(0)
        .unwrap();
    let Item::Message(m) = &drafts.items[0] else {
        panic!()
    };
    assert_eq!(m.item.subject.as_deref(), Some("filed as alice"));
    assert_eq!(
        m.from.as_ref().unwrap().mailbox.email_address.as_deref(),
        Some(ALICE.0)
    );

    let mut carol = Session::new(&server, CAROL);
    carol.impersonate = Some(Impersonation::PrimarySmtpAddress(ALICE.0.to_owned()));
    let denied = carol
        .try_call(&FindItem::new(ItemShape::new(BaseShape::IdOnly)).folder(own("drafts")))
        .await
        .unwrap_err();
    assert_eq!(
        denied.response_code(),
        Some(ResponseCode::ErrorImpersonateUserDenied)
    );
    svc.impersonate = Some(Impersonation::SmtpAddress("ghost@example.test".to_owned()));
    let ghost = svc
        .try_call(&FindItem::new(ItemShape::new(BaseShape::IdOnly)).folder(own("drafts")))
        .await
        .unwrap_err();
    assert_eq!(
        ghost.response_code(),
        Some(ResponseCode::ErrorNonExistentMailbox)
    );
    svc.finish();
    alice.finish();
    carol.finish();
}

/// The build decides which `RequestServerVersion` values are taken, and what
/// `ServerVersionInfo` says: Exchange 2013 SP1, 2016 and 2019 builds.
#[tokio::test]
async fn versions_follow_the_configured_build() {
    use ews_model::version::Build;
    for (build, reported, newest_taken, refused) in [
        (
            Build::new(15, 0, 1497, 2),
            "Exchange2013_SP1",
            "Exchange2013_SP1",
            Some("Exchange2016"),
        ),
        (
            Build::new(15, 1, 2507, 6),
            "Exchange2016",
            "Exchange2016",
            Some("V2017_07_11"),
        ),
        (
            Build::new(15, 2, 1118, 7),
            "Exchange2016",
            "Exchange2016",
            None,
        ),
    ] {
        let server = FakeExchange::builder()
            .user(ALICE.0, ALICE.1)
            .server_version(build)
            .check_documents_on_drop(common::gate)
            .start()
            .await
            .unwrap();
        let mut s = Session::new(&server, ALICE);
        s.version = newest_taken;
        let get = GetFolder::new(FolderShape::new(BaseShape::IdOnly)).folder(own("inbox"));
        assert!(s.call(&get).await.into_results()[0].is_ok());
        let reply = common::post(&server, ALICE, {
            let mut body = Vec::new();
            ews_xml::soap::write_request(
                &mut body,
                &ews_xml::soap::RequestHeader::new(newest_taken),
                &get,
            )
            .unwrap();
            body
        })
        .await;
        let text = String::from_utf8(reply.body).unwrap();
        assert!(
            text.contains(&format!("Version=\"{reported}\"")),
            "{build}: {text}"
        );
        if let Some(v) = refused {
            s.version = v;
            let fault = s.try_call(&get).await.unwrap_err();
            assert_eq!(
                fault.response_code(),
                Some(ResponseCode::ErrorInvalidServerVersion),
                "{build} {v}"
            );
        }
        s.finish();
    }
}
