//! The User access tab as text at a fixed size: a pool with every provider kind, guest inactive,
//! read-only, a provider's sections, the kinds to add, a removal's confirmation, a section's
//! form, a save's diff, the conflict dialog and a partial-failure report.

mod app_support;

use app_support::access::*;
use app_support::*;
use cognito_tui::app::{AwsError, Effect, Response};
use cognito_tui::console::{Model, Msg, Options, update};
use cognito_tui::domain::edit::{Edit, ProviderRef};
use cognito_tui::screens::access::{Action as Ua, Panel};
use cognito_tui::wizard::scoped::Finished;
use insta::assert_snapshot;

const SIZE: (u16, u16) = (120, 36);

fn model() -> Model {
    on_access(&every_kind(), Options::default(), SIZE)
}

fn user_pool() -> ProviderRef {
    ProviderRef::UserPool {
        provider_name: USER_POOL.into(),
        client_id: CLIENT.into(),
    }
}

fn begin(model: &mut Model, edit: Edit) {
    let effects = update(
        model,
        Msg::Access(cognito_tui::screens::access::Msg::Save {
            pool_id: pool_id(0),
            finished: Box::new(Finished {
                edit,
                new_role: None,
                new_user_pool: None,
                note: Some("Its users can no longer sign in to this pool.".into()),
            }),
        }),
    );
    let _ = answer_reads(model, effects, &every_kind());
}

#[test]
fn access_every_provider_kind() {
    assert_snapshot!(render(&model()));
}

#[test]
fn access_guest_inactive() {
    let mut config = every_kind();
    config.pool.allow_unauthenticated_identities = false;
    config.roles.roles.remove("unauthenticated");
    assert_snapshot!(render(&on_access(&config, Options::default(), SIZE)));
}

#[test]
fn access_read_only() {
    let options = Options {
        read_only: true,
        ..Options::default()
    };
    let mut model = on_access(&every_kind(), options, SIZE);
    let _ = act(&mut model, Ua::Edit);
    assert_snapshot!(render(&model));
}

#[test]
fn access_provider_sections() {
    let mut model = model();
    model.access.panel = Some(Panel::Provider {
        provider: user_pool(),
        focus: 1,
    });
    assert_snapshot!(render(&model));
}

#[test]
fn access_add_provider_kinds() {
    let mut model = model();
    let _ = act(&mut model, Ua::Add);
    assert_snapshot!(render(&model));
}

#[test]
fn access_remove_confirmation() {
    let mut model = model();
    model.access.panel = Some(Panel::ConfirmRemove {
        provider: user_pool(),
        remove: true,
    });
    assert_snapshot!(render(&model));
}

#[test]
fn access_role_settings_form() {
    let mut model = model();
    model.access.panel = Some(Panel::Provider {
        provider: user_pool(),
        focus: 1,
    });
    let _ = act(&mut model, Ua::Edit);
    assert_snapshot!(render(&model));
}

#[test]
fn access_twitter_form_masks_the_secret() {
    let mut model = model();
    model.access.panel = Some(Panel::Provider {
        provider: ProviderRef::Social("api.twitter.com".into()),
        focus: 0,
    });
    let _ = act(&mut model, Ua::Edit);
    let screen = render(&model);
    assert!(!screen.contains("kAcSOqF21Fu85e7zjz7ZN2U4"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn access_diff_review() {
    let mut model = model();
    begin(&mut model, Edit::Remove(user_pool()));
    assert_snapshot!(render(&model));
}

#[test]
fn access_conflict_dialog() {
    let mut model = model();
    begin(&mut model, Edit::Rename("orders".into()));
    let effects = act(&mut model, Ua::Submit);
    let mut elsewhere = every_kind();
    elsewhere.pool.allow_classic_flow = Some(true);
    let _ = answer_reads(&mut model, effects, &elsewhere);
    assert_snapshot!(render(&model));
}

#[test]
fn access_partial_failure_report() {
    let mut model = model();
    begin(&mut model, Edit::Remove(user_pool()));
    let effects = act(&mut model, Ua::Submit);
    let mut effects = answer_reads(&mut model, effects, &every_kind());
    // The first two calls succeed; UpdateIdentityPool fails.
    let mut now = every_kind();
    while let Some(effect) = effects.pop() {
        let (req, response) = match effect {
            Effect::SetPrincipalTagAttributeMap { req, .. } => {
                now.principal_tags.clear();
                (req, Response::SetPrincipalTagAttributeMap(Ok(())))
            }
            Effect::SetIdentityPoolRoles { req, .. } => {
                now.roles.role_mappings.clear();
                (req, Response::SetIdentityPoolRoles(Ok(())))
            }
            Effect::UpdateIdentityPool { req, .. } => (
                req,
                Response::UpdateIdentityPool(Err(AwsError {
                    request_id: Some("5d1c6b7a-rid".into()),
                    ..AwsError::service(
                        "ConcurrentModificationException",
                        "The pool is being modified",
                    )
                })),
            ),
            other => panic!("{other:?}"),
        };
        effects.extend(update(&mut model, Msg::Response { req, response }));
        if effects
            .iter()
            .any(|e| matches!(e, Effect::DescribeIdentityPool { .. }))
        {
            let _ = answer_reads(&mut model, std::mem::take(&mut effects), &now);
        }
    }
    assert_snapshot!(render(&model));
}
