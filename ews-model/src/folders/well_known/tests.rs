//! Tests of the well-known folder table.

use super::*;

#[test]
fn every_schema_name_has_a_row_and_ids_are_unique() {
    for name in DistinguishedFolderIdName::ALL {
        let f = WellKnownFolder::by_name(name.clone());
        assert!(f.is_some(), "{name:?} has no row");
    }
    let mut ids: Vec<_> = TABLE.iter().filter_map(|f| f.distinguished_id).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
    let mut names: Vec<_> = TABLE.iter().map(|f| f.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), TABLE.len());
}

#[test]
fn lookups() {
    let f = WellKnownFolder::by_localized_name("GELÖSCHTE ELEMENTE").unwrap();
    assert_eq!(f.distinguished_id, Some("deleteditems"));
    assert_eq!(f.localized_name("fr_CA"), Some("Éléments supprimés"));
    assert_eq!(f.localized_name("xx_XX"), None);
    let vm = WellKnownFolder::by_name("voicemail".into()).unwrap();
    assert_eq!(vm.localized_name("de_DE"), Some("Voice Mail"));
    let all = WellKnownFolder::by_name(DistinguishedFolderIdName::Other("allitems".into()));
    assert_eq!(all.unwrap().container_class, Some("IPF"));
    let birthday = WellKnownFolder::by_container_class("ipf.appointment.birthday").unwrap();
    assert_eq!(birthday.name, "Birthdays");
    assert!(birthday.deletable);
    assert_eq!(
        WellKnownFolder::by_container_class("IPF.Note.Custom")
            .unwrap()
            .name,
        "Inbox"
    );
    assert_eq!(WellKnownFolder::by_container_class("IPM.Nothing"), None);
    assert_eq!(
        WellKnownFolder::by_container_class("Outlook.Reminder")
            .unwrap()
            .name,
        "Reminders"
    );
    assert!(
        !WellKnownFolder::by_localized_name("System")
            .unwrap()
            .get_folder_allowed
    );
    assert_eq!(
        WellKnownFolder::by_distinguished_id("INBOX")
            .unwrap()
            .distinguished_name(),
        Some(DistinguishedFolderIdName::Inbox)
    );
}
