use super::*;
use crate::app::AwsError;
use crate::app::ErrorKind;
use crate::domain::CognitoProvider;

const ID: &str = "us-east-1:00000000-0000-0000-0000-000000000001";

fn pool(name: &str, guest: bool) -> IdentityPool {
    IdentityPool {
        identity_pool_id: ID.into(),
        identity_pool_name: name.into(),
        allow_unauthenticated_identities: guest,
        ..Default::default()
    }
}

fn described(store: &mut Store, req: RequestId, pool: IdentityPool) -> Learned {
    store.absorb(
        req,
        &Subject::Pool(ID.into()),
        &Response::DescribeIdentityPool(Ok(pool)),
        Some(req as f64),
    )
}

fn roles(store: &mut Store, req: RequestId) -> Learned {
    store.absorb(
        req,
        &Subject::Roles(ID.into()),
        &Response::GetIdentityPoolRoles(Ok(PoolRoles::default())),
        None,
    )
}

fn not_found() -> AwsError {
    AwsError {
        code: Some("ResourceNotFoundException".into()),
        ..AwsError::new(ErrorKind::Service, "IdentityPool 'x' not found.")
    }
}

#[test]
fn an_older_answer_never_replaces_a_newer_one() {
    let mut store = Store::default();
    described(&mut store, 7, pool("new", false));
    assert_eq!(
        described(&mut store, 5, pool("old", true)),
        Learned::Nothing
    );
    assert_eq!(
        store.pool(ID).map(|p| p.identity_pool_name.as_str()),
        Some("new")
    );
    assert_eq!(
        store
            .entry(ID)
            .and_then(PoolEntry::described_at)
            .map(|s| s.req),
        Some(7)
    );
}

#[test]
fn the_whole_configuration_needs_the_pool_and_its_roles() {
    let mut store = Store::default();
    roles(&mut store, 1);
    assert!(
        store.config(ID).is_none(),
        "roles alone are not a configuration"
    );
    assert!(store.pool(ID).is_none());
    described(&mut store, 2, pool("a", true));
    assert!(
        store
            .config(ID)
            .is_some_and(|c| c.pool.allow_unauthenticated_identities)
    );
}

#[test]
fn a_first_read_and_a_rename_name_the_pool() {
    let mut store = Store::default();
    let renamed = |name: &str| Learned::Renamed {
        pool_id: ID.into(),
        name: name.into(),
    };
    assert_eq!(described(&mut store, 1, pool("a", true)), renamed("a"));
    assert_eq!(
        described(&mut store, 2, pool("a", false)),
        Learned::Changed(ID.into())
    );
    assert_eq!(described(&mut store, 3, pool("b", false)), renamed("b"));
}

#[test]
fn a_pool_not_found_is_forgotten_and_remembered_as_gone() {
    let mut store = Store::default();
    described(&mut store, 1, pool("orders", true));
    let learned = store.absorb(
        2,
        &Subject::Roles(ID.into()),
        &Response::GetIdentityPoolRoles(Err(not_found())),
        None,
    );
    assert_eq!(
        learned,
        Learned::Gone {
            pool_id: ID.into(),
            name: Some("orders".into())
        }
    );
    assert!(store.pool(ID).is_none());
    assert_eq!(store.gone(ID), Some("orders"));
    // Made again (or the id reused by a read that finds it): no longer gone.
    described(&mut store, 3, pool("orders", true));
    assert_eq!(store.gone(ID), None);
}

#[test]
fn other_failures_teach_nothing() {
    let mut store = Store::default();
    described(&mut store, 1, pool("orders", true));
    let throttled = AwsError::new(ErrorKind::Service, "slow down");
    let learned = store.absorb(
        2,
        &Subject::Pool(ID.into()),
        &Response::DescribeIdentityPool(Err(throttled)),
        None,
    );
    assert_eq!(learned, Learned::Nothing);
    assert!(store.pool(ID).is_some());
}

#[test]
fn a_provider_that_leaves_takes_its_attribute_map_with_it() {
    let mut store = Store::default();
    let with_provider = IdentityPool {
        cognito_identity_providers: vec![CognitoProvider {
            provider_name: "cognito-idp.us-east-1.amazonaws.com/us-east-1_A".into(),
            client_id: "client".into(),
            server_side_token_check: false,
        }],
        ..pool("a", true)
    };
    let provider = with_provider.tag_providers().remove(0);
    described(&mut store, 1, with_provider);
    roles(&mut store, 2);
    let map = PrincipalTagMap {
        use_defaults: true,
        ..Default::default()
    };
    store.absorb(
        3,
        &Subject::TagMap(ID.into(), provider.clone()),
        &Response::GetPrincipalTagAttributeMap(Ok(map.clone())),
        None,
    );
    assert_eq!(store.tag_map(ID, &provider), Some(Some(&map)));
    described(&mut store, 4, pool("a", true));
    assert_eq!(store.tag_map(ID, &provider), None);
    assert!(
        store
            .config(ID)
            .is_some_and(|c| c.principal_tags.is_empty())
    );
}

#[test]
fn an_inactive_map_is_read_and_holds_nothing() {
    let mut store = Store::default();
    described(&mut store, 1, pool("a", true));
    store.absorb(
        2,
        &Subject::TagMap(ID.into(), "accounts.google.com".into()),
        &Response::GetPrincipalTagAttributeMap(Ok(PrincipalTagMap::default())),
        None,
    );
    assert_eq!(store.tag_map(ID, "accounts.google.com"), Some(None));
    assert_eq!(store.tag_map(ID, "graph.facebook.com"), None);
}

#[test]
fn a_write_marks_what_was_read_before_it_until_read_again() {
    let mut store = Store::default();
    described(&mut store, 1, pool("a", true));
    roles(&mut store, 2);
    let wrote = Response::SetIdentityPoolRoles(Ok(()));
    store.absorb(3, &Subject::Wrote(ID.into()), &wrote, None);
    assert!(store.entry(ID).is_some_and(PoolEntry::written_since_read));
    described(&mut store, 4, pool("a", true));
    assert!(
        store.entry(ID).is_some_and(PoolEntry::written_since_read),
        "the roles were read before the write"
    );
    roles(&mut store, 5);
    assert!(!store.entry(ID).is_some_and(PoolEntry::written_since_read));
    // A refused write changes nothing.
    let refused = Response::SetIdentityPoolRoles(Err(AwsError::new(ErrorKind::Service, "no")));
    store.absorb(6, &Subject::Wrote(ID.into()), &refused, None);
    assert!(!store.entry(ID).is_some_and(PoolEntry::written_since_read));
}

#[test]
fn subjects_come_from_the_effects_that_read_and_write_pools() {
    let describe = crate::app::Effect::DescribeIdentityPool {
        req: 9,
        pool_id: ID.into(),
    };
    assert_eq!(Subject::of(&describe), Some((9, Subject::Pool(ID.into()))));
    let tag = crate::app::Effect::TagResource {
        req: 4,
        pool_id: ID.into(),
        tags: Default::default(),
    };
    assert_eq!(Subject::of(&tag), Some((4, Subject::Wrote(ID.into()))));
    assert_eq!(Subject::of(&crate::app::Effect::Quit), None);
}

#[test]
fn what_iam_said_of_a_role_is_filed_by_name_from_whichever_request_read_it() {
    let mut store = Store::default();
    let role = crate::domain::roles::IamRole {
        name: "app-auth".into(),
        arn: "arn:aws:iam::123456789012:role/app-auth".into(),
        trust_policy: "{}".into(),
    };
    let subject = Subject::Role("app-auth".into());
    store.absorb(1, &subject, &Response::GetRole(Ok(role.clone())), None);
    let listed = Response::ListRolePolicies(Ok(vec!["basic".into(), "old".into()]));
    store.absorb(2, &subject, &listed, None);
    let attached = Response::ListAttachedRolePolicies(Ok(vec![(
        "ReadOnly".into(),
        "arn:aws:iam::aws:policy/ReadOnly".into(),
    )]));
    store.absorb(3, &subject, &attached, None);
    for name in ["basic", "old"] {
        store.absorb(
            4,
            &Subject::RolePolicy("app-auth".into(), name.into()),
            &Response::GetRolePolicy(Ok(format!("{{\"{name}\":1}}"))),
            None,
        );
    }
    store.absorb(
        5,
        &Subject::ManagedPolicy("arn:aws:iam::aws:policy/ReadOnly".into()),
        &Response::GetManagedPolicy(Ok("{\"ro\":1}".into())),
        None,
    );
    let facts = store.role("app-auth").unwrap_or_else(|| panic!("filed"));
    assert_eq!(facts.role, Fetch::Got(role));
    assert_eq!(facts.policies().len(), 3);
    assert_eq!(
        facts.documents.len(),
        3,
        "two inline documents and the managed one"
    );
    assert!(matches!(
        store.trust_of("arn:aws:iam::123456789012:role/app-auth"),
        crate::domain::simulation::RoleTrust::Policy("{}")
    ));
    // An inline policy deleted: listed no more, its document goes with it.
    let listed = Response::ListRolePolicies(Ok(vec!["basic".into()]));
    store.absorb(6, &subject, &listed, None);
    let facts = store.role("app-auth").unwrap_or_else(|| panic!("filed"));
    assert!(
        !facts
            .documents
            .contains_key(&PolicyRef::Inline("old".into()))
    );
    // A role IAM says does not exist, and one the caller may not read.
    let missing = AwsError {
        code: Some("NoSuchEntity".into()),
        ..AwsError::new(ErrorKind::Service, "The role cannot be found.")
    };
    store.absorb(
        7,
        &Subject::Role("gone".into()),
        &Response::GetRole(Err(missing)),
        None,
    );
    assert!(matches!(
        store.role("gone").map(|f| &f.role),
        Some(Fetch::Missing(_))
    ));
}
