//! Folder types: round trips over generated folders, schema validity of generated folders
//! inside a `GetFolder` response, and every folder of the ms-docs samples read back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ews_model::extended::Guid;
use ews_model::fields::HasFields;
use ews_model::folders::{
    BasePermission, CalendarFolder, CalendarPermission, CalendarPermissionLevel,
    CalendarPermissionReadAccess, CalendarPermissionSet, ContactsFolder, DistinguishedUser, Folder,
    FolderBase, FolderKind, ManagedFolderInformation, Permission, PermissionAction,
    PermissionLevel, PermissionReadAccess, PermissionSet, RetentionTag, SearchFolder,
    SearchFolderTraversal, SearchParameters, TasksFolder, UserId,
};
use ews_model::operations::{FieldPath, FolderInfoResponseMessage, GetFolderResponse};
use ews_model::properties::{DistinguishedFolderIdName, EffectiveRights, FolderId, FolderIdChoice};
use ews_model::restriction::{
    ContainmentComparison, ContainmentMode, Restriction, SearchExpression,
};
use ews_xml::{Event, Name, Reader, Writer, XmlChoice, XmlElement, XmlWrite};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

// ---------------------------------------------------------------------------------------------
// Helpers

/// Writes a choice inside `<t:Root>`, reads it back.
fn choice_round_trip<T: XmlChoice + PartialEq + std::fmt::Debug>(value: &T) {
    let mut doc = Vec::new();
    let mut w = Writer::new(&mut doc);
    w.start(Name::t("Root")).unwrap();
    value.write_choice(&mut w).unwrap();
    w.end().unwrap();
    w.finish().unwrap();
    let mut r = Reader::from_bytes(&doc);
    r.root().unwrap();
    let tag = r.next_child().unwrap().unwrap();
    assert!(T::matches(&tag), "{}", String::from_utf8_lossy(&doc));
    let back = T::read_choice(&mut r, &tag)
        .unwrap_or_else(|e| panic!("{e} in {}", String::from_utf8_lossy(&doc)));
    assert_eq!(&back, value, "{}", String::from_utf8_lossy(&doc));
}

/// A `GetFolder` response envelope holding `folder`.
fn response_doc(folder: &FolderKind) -> Vec<u8> {
    let response = GetFolderResponse::new(vec![FolderInfoResponseMessage::success(folder.clone())]);
    let mut out = Vec::new();
    ews_xml::soap::write_response_envelope(&mut out, None, |w| {
        response.write_xml(w, GetFolderResponse::NAME)
    })
    .unwrap();
    out
}

fn restriction(value: &str) -> Restriction {
    Restriction::new(SearchExpression::contains(
        FieldPath::field("item:Subject"),
        value,
        ContainmentMode::Substring,
        ContainmentComparison::IgnoreCase,
    ))
}

// ---------------------------------------------------------------------------------------------
// Strategies (schema-valid values only: no `Other` variants)

fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 <>&'\"é=/+-]{0,16}"
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn id() -> impl Strategy<Value = String> {
    "[A-Za-z0-9+/=]{1,24}"
}

fn folder_id() -> impl Strategy<Value = FolderId> {
    (id(), proptest::option::of(id())).prop_map(|(i, ck)| {
        let f = FolderId::new(i);
        match ck {
            Some(ck) => f.with_change_key(ck),
            None => f,
        }
    })
}

fn folder_id_choice() -> impl Strategy<Value = FolderIdChoice> {
    prop_oneof![
        folder_id().prop_map(FolderIdChoice::from),
        proptest::sample::select(DistinguishedFolderIdName::ALL).prop_map(FolderIdChoice::from),
    ]
}

fn effective_rights() -> impl Strategy<Value = EffectiveRights> {
    (any::<[bool; 6]>(), proptest::option::of(any::<bool>())).prop_map(|(b, v)| {
        let mut r = EffectiveRights::default();
        (r.create_associated, r.create_contents, r.create_hierarchy) = (b[0], b[1], b[2]);
        (r.delete, r.modify, r.read) = (b[3], b[4], b[5]);
        r.view_private_items = v;
        r
    })
}

fn managed() -> impl Strategy<Value = ManagedFolderInformation> {
    (
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        opt_text(),
        proptest::option::of(any::<i32>()),
    )
        .prop_map(|(a, b, c, q)| {
            let mut m = ManagedFolderInformation::default();
            m.can_delete = a;
            m.has_quota = b;
            m.comment = c.clone();
            m.storage_quota = q;
            m.home_page = c;
            m
        })
}

fn retention_tag() -> impl Strategy<Value = RetentionTag> {
    (any::<u128>(), any::<bool>()).prop_map(|(g, e)| RetentionTag::new(Guid::from_u128(g), e))
}

fn user_id() -> BoxedStrategy<UserId> {
    prop_oneof![
        Just(UserId::default_user()),
        Just(UserId::anonymous()),
        "[a-z]{1,8}@contoso\\.com".prop_map(UserId::smtp),
        ("S-1-5-21-[0-9]{3,9}", opt_text()).prop_map(|(sid, name)| {
            let mut u = UserId::sid(sid);
            u.display_name = name;
            u
        }),
    ]
    .boxed()
}

fn action() -> impl Strategy<Value = Option<PermissionAction>> {
    proptest::option::of(proptest::sample::select(vec![
        PermissionAction::None,
        PermissionAction::Owned,
        PermissionAction::All,
    ]))
}

fn base_permission() -> impl Strategy<Value = BasePermission> {
    (
        user_id(),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        action(),
        action(),
    )
        .prop_map(|(u, a, b, e, d)| {
            let mut p = BasePermission::default();
            p.user_id = u;
            p.can_create_items = a;
            p.is_folder_visible = b;
            p.edit_items = e;
            p.delete_items = d;
            p
        })
}

fn permission() -> BoxedStrategy<Permission> {
    let levels = vec![
        PermissionLevel::None,
        PermissionLevel::Owner,
        PermissionLevel::PublishingEditor,
        PermissionLevel::Editor,
        PermissionLevel::PublishingAuthor,
        PermissionLevel::Author,
        PermissionLevel::NoneditingAuthor,
        PermissionLevel::Reviewer,
        PermissionLevel::Contributor,
        PermissionLevel::Custom,
    ];
    let read = proptest::option::of(proptest::sample::select(vec![
        PermissionReadAccess::None,
        PermissionReadAccess::FullDetails,
    ]));
    (base_permission(), read, proptest::sample::select(levels))
        .prop_map(|(base, read, level)| {
            let mut p = Permission::new(base.user_id.clone(), level);
            p.base = base;
            p.read_items = read;
            p
        })
        .boxed()
}

fn calendar_read() -> impl Strategy<Value = CalendarPermissionReadAccess> {
    proptest::sample::select(vec![
        CalendarPermissionReadAccess::None,
        CalendarPermissionReadAccess::TimeOnly,
        CalendarPermissionReadAccess::TimeAndSubjectAndLocation,
        CalendarPermissionReadAccess::FullDetails,
    ])
}

fn calendar_permission() -> BoxedStrategy<CalendarPermission> {
    let levels = vec![
        CalendarPermissionLevel::None,
        CalendarPermissionLevel::Owner,
        CalendarPermissionLevel::Reviewer,
        CalendarPermissionLevel::FreeBusyTimeOnly,
        CalendarPermissionLevel::FreeBusyTimeAndSubjectAndLocation,
        CalendarPermissionLevel::Custom,
    ];
    (
        base_permission(),
        proptest::option::of(calendar_read()),
        proptest::sample::select(levels),
    )
        .prop_map(|(base, read, level)| {
            let mut p = CalendarPermission::new(base.user_id.clone(), level);
            p.base = base;
            p.read_items = read;
            p
        })
        .boxed()
}

fn unknown_entries() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec("[A-Za-z0-9 ]{1,10}", 0..2)
}

fn permission_set() -> BoxedStrategy<PermissionSet> {
    (
        proptest::collection::vec(permission(), 0..3),
        unknown_entries(),
    )
        .prop_map(|(p, u)| {
            let mut set = p
                .into_iter()
                .fold(PermissionSet::new(), PermissionSet::with);
            set.unknown_entries = u;
            set
        })
        .boxed()
}

fn calendar_permission_set() -> BoxedStrategy<CalendarPermissionSet> {
    (
        proptest::collection::vec(calendar_permission(), 0..3),
        unknown_entries(),
    )
        .prop_map(|(p, u)| {
            let mut set = p
                .into_iter()
                .fold(CalendarPermissionSet::new(), CalendarPermissionSet::with);
            set.unknown_entries = u;
            set
        })
        .boxed()
}

fn folder_base() -> BoxedStrategy<FolderBase> {
    (
        (
            proptest::option::of(folder_id()),
            proptest::option::of(folder_id()),
            opt_text(),
            opt_text(),
        ),
        (
            proptest::option::of(0..10_000i32),
            proptest::option::of(0..100i32),
        ),
        (
            proptest::option::of(managed()),
            proptest::option::of(effective_rights()),
        ),
        (
            proptest::option::of(proptest::sample::select(DistinguishedFolderIdName::ALL)),
            proptest::option::of(retention_tag()),
            proptest::option::of(retention_tag()),
            proptest::option::of(proptest::collection::vec("[a-z0-9.]{1,12}", 0..3)),
        ),
    )
        .prop_map(
            |(
                (id, parent, class, name),
                (total, children),
                (mfi, rights),
                (dist, policy, archive, replicas),
            )| {
                let mut b = FolderBase::default();
                b.folder_id = id;
                b.parent_folder_id = parent;
                b.folder_class = class;
                b.display_name = name;
                b.total_count = total;
                b.child_folder_count = children;
                b.managed_folder_information = mfi;
                b.effective_rights = rights;
                b.distinguished_folder_id = dist;
                b.policy_tag = policy;
                b.archive_tag = archive;
                b.replica_list = replicas;
                b
            },
        )
        .boxed()
}

fn folder() -> BoxedStrategy<Folder> {
    (
        folder_base(),
        proptest::option::of(permission_set()),
        proptest::option::of(0..500i32),
    )
        .prop_map(|(base, set, unread)| {
            let mut f = Folder::default();
            f.base = base;
            f.permission_set = set;
            f.unread_count = unread;
            f
        })
        .boxed()
}

fn search_parameters() -> BoxedStrategy<SearchParameters> {
    (
        "[a-z]{1,8}",
        proptest::collection::vec(folder_id_choice(), 1..3),
        proptest::option::of(proptest::sample::select(vec![
            SearchFolderTraversal::Shallow,
            SearchFolderTraversal::Deep,
        ])),
    )
        .prop_map(|(value, ids, traversal)| {
            let mut p = SearchParameters::new(restriction(&value), ids);
            p.traversal = traversal;
            p
        })
        .boxed()
}

fn folder_kind() -> BoxedStrategy<FolderKind> {
    prop_oneof![
        folder().prop_map(FolderKind::from),
        (
            folder_base(),
            proptest::option::of(calendar_read()),
            proptest::option::of(calendar_permission_set())
        )
            .prop_map(|(base, rights, set)| {
                let mut f = CalendarFolder::default();
                f.base = base;
                f.sharing_effective_rights = rights;
                f.permission_set = set;
                f.into()
            }),
        (
            folder_base(),
            proptest::option::of(permission_set()),
            opt_text(),
            opt_text()
        )
            .prop_map(|(base, set, source, account)| {
                let mut f = ContactsFolder::default();
                f.base = base;
                f.sharing_effective_rights = Some(PermissionReadAccess::FullDetails);
                f.permission_set = set;
                f.source_id = source;
                f.account_name = account;
                f.into()
            }),
        (folder(), proptest::option::of(search_parameters())).prop_map(|(folder, search)| {
            let mut f = SearchFolder::default();
            f.folder = folder;
            f.search_parameters = search;
            f.into()
        }),
        folder().prop_map(|folder| {
            let mut f = TasksFolder::default();
            f.folder = folder;
            f.into()
        }),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------------
// Round trips and schema validity

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn folders_round_trip(kind in folder_kind()) {
        choice_round_trip(&kind);
    }

    #[test]
    fn folders_round_trip_through_serde(kind in folder_kind()) {
        let json = serde_json::to_string(&kind).unwrap();
        let back: FolderKind = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, kind);
    }
}

#[test]
fn generated_folders_are_schema_valid_in_a_response() {
    let mut docs = ews_test_support::Collector::new();
    let mut runner = TestRunner::deterministic();
    let strategy = folder_kind();
    for i in 0..60 {
        let kind = strategy.new_tree(&mut runner).unwrap().current();
        docs.add(
            format!("folder-{i}-{}", kind.element_name()),
            response_doc(&kind),
        );
    }
    docs.finish();
}

#[test]
fn permission_sets_always_write_the_permissions_list() {
    let mut f = Folder::new("Shared");
    f.permission_set = Some(PermissionSet::new());
    let doc = response_doc(&f.clone().into());
    let text = String::from_utf8(doc.clone()).unwrap();
    assert!(
        text.contains("<t:PermissionSet><t:Permissions></t:Permissions></t:PermissionSet>")
            || text.contains("<t:PermissionSet><t:Permissions/></t:PermissionSet>"),
        "{text}"
    );
    ews_test_support::assert_valid("empty-permission-set", &doc);
    choice_round_trip(&FolderKind::from(f));
}

#[test]
fn field_tables_chain_to_the_base() {
    let names: Vec<_> = SearchFolder::FIELDS.iter().map(|f| f.uri.uri()).collect();
    assert_eq!(names.first(), Some(&"folder:FolderId"));
    assert!(names.contains(&"folder:UnreadCount"));
    assert_eq!(names.last(), Some(&"folder:SearchParameters"));
    let calendar = CalendarFolder::FIELDS
        .by_uri("folder:SharingEffectiveRights")
        .unwrap();
    assert!(calendar.is_read_only());
    assert!(
        FolderBase::FIELDS
            .by_uri("folder:DisplayName")
            .unwrap()
            .is_searchable()
    );
    assert!(
        !FolderBase::FIELDS
            .by_uri("folder:DisplayName")
            .unwrap()
            .is_read_only()
    );
    // Every `folder:` FieldURI of the schema is somewhere in a table.
    let schema = std::fs::read_to_string(ews_test_support::schema_dir().join("types.xsd"));
    let Ok(schema) = schema else { return };
    let tables = [
        Folder::FIELDS,
        CalendarFolder::FIELDS,
        ContactsFolder::FIELDS,
        SearchFolder::FIELDS,
        TasksFolder::FIELDS,
    ];
    for uri in schema
        .split("value=\"folder:")
        .skip(1)
        .filter_map(|s| s.split('"').next())
    {
        let uri = format!("folder:{uri}");
        assert!(
            tables.iter().any(|t| t.by_uri(&uri).is_some()),
            "{uri} is in no table"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Real documents

const KINDS: [&str; 5] = [
    "Folder",
    "CalendarFolder",
    "ContactsFolder",
    "SearchFolder",
    "TasksFolder",
];

/// Every folder element of every ms-docs sample, read as a [`FolderKind`].
fn sample_folders() -> Vec<(String, FolderKind)> {
    let mut out = Vec::new();
    for path in ews_test_support::ms_docs(None, "") {
        let bytes = std::fs::read(&path).unwrap();
        let mut r = Reader::from_bytes(&bytes);
        loop {
            match r.next_event().unwrap() {
                Event::Start(tag) if KINDS.iter().any(|k| tag.is(Name::t(k))) => {
                    let kind = FolderKind::read_choice(&mut r, &tag)
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    out.push((path.display().to_string(), kind));
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    out
}

#[test]
fn every_sample_folder_reads_and_round_trips() {
    let folders = sample_folders();
    if folders.is_empty() {
        return; // fixtures missing: reported by ms_docs
    }
    assert!(folders.len() > 20, "only {} folders found", folders.len());
    for (_, kind) in &folders {
        choice_round_trip(kind);
    }
    let drafts = folders
        .iter()
        .find(|(p, k)| p.contains("GetFolder/response-03") && k.display_name() == Some("Drafts"))
        .map(|(_, k)| k)
        .expect("the Drafts folder of GetFolder/response-03");
    let FolderKind::Folder(drafts) = drafts else {
        panic!("{drafts:?}")
    };
    assert_eq!(drafts.base.folder_class.as_deref(), Some("IPF.Note"));
    assert_eq!(drafts.base.total_count, Some(0));
    assert_eq!(drafts.unread_count, Some(0));
    assert!(
        drafts
            .base
            .effective_rights
            .as_ref()
            .unwrap()
            .view_private_items
            .unwrap()
    );
    let set = drafts.permission_set.as_ref().unwrap();
    assert_eq!(set.permissions.len(), 3);
    assert_eq!(
        set.permissions[0].base.user_id.distinguished_user,
        Some(DistinguishedUser::Default)
    );
    let sadie = &set.permissions[2];
    assert_eq!(
        sadie.base.user_id.primary_smtp_address.as_deref(),
        Some("sadie@Contoso.com")
    );
    assert_eq!(sadie.permission_level, PermissionLevel::Editor);
    assert_eq!(sadie.read_items, Some(PermissionReadAccess::FullDetails));
    assert_eq!(sadie.base.edit_items, Some(PermissionAction::All));

    let with_extended = folders
        .iter()
        .find(|(p, _)| p.contains("GetFolder/response-05"))
        .map(|(_, k)| k)
        .unwrap();
    assert_eq!(with_extended.base().extended_properties.len(), 1);

    let search = folders
        .iter()
        .find_map(|(_, k)| match k {
            FolderKind::SearchFolder(s) => s.search_parameters.as_ref(),
            _ => None,
        })
        .expect("a search folder with its parameters (UpdateFolder/request-05)");
    assert_eq!(search.traversal, Some(SearchFolderTraversal::Deep));
    let SearchExpression::IsEqualTo(equal) = &search.restriction.expression else {
        panic!("{search:?}")
    };
    assert_eq!(equal.path.uri(), Some("message:Sender"));
    assert_eq!(search.base_folder_ids.len(), 1);
}
