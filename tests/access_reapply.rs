//! Re-applying an edit after a concurrent change applies only what the edit names (the walk of
//! the safety issue): the Tags form changes `team`; meanwhile someone sets `env=staging`; the
//! save finds the change, and `a` re-applies the edit on the new state: `team` lands and
//! `env=staging` survives (before, the form's whole tag set was re-applied and put `env` back).

mod access;
mod common;

use access::{confirm, console_on, edit, settle};
use cognito_tui::console::{Msg, Options};
use cognito_tui::domain::pool::pool_arn;
use cognito_tui::sandbox::{SANDBOX_ACCOUNT, Seed};
use cognito_tui::screens::access::Action as AccessAction;
use cognito_tui::screens::save::Phase;
use cognito_tui::wizard::scoped::Section;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tag_changed_elsewhere_survives_the_reapplied_edit() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&sdk, "orders-app").await;
    let mut h = console_on(&sb, &orders, Options::default()).await;
    let save = edit(&mut h, Section::Tags, |d| {
        for (key, value) in &mut d.tags {
            if key.value() == "team" {
                *value = tui_input::Input::new("qa-v5".into());
            }
        }
    })
    .await;
    assert_eq!(save.phase, Phase::Review);

    sdk.tag_resource()
        .resource_arn(pool_arn(&orders, SANDBOX_ACCOUNT))
        .tags("env", "staging")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let conflict = confirm(&mut h).await;
    assert!(
        matches!(conflict.phase, Phase::Conflict { .. }),
        "{:?}",
        conflict.phase
    );
    h.send(Msg::from(AccessAction::Reapply));
    let again = settle(&mut h).await;
    assert_eq!(again.phase, Phase::Review, "{:?}", again.phase);
    let done = confirm(&mut h).await;
    assert_eq!(done.phase, Phase::Done(Vec::new()), "{:?}", done.calls);

    let pool = sdk
        .describe_identity_pool()
        .identity_pool_id(&orders)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let tags = pool.identity_pool_tags().cloned().unwrap_or_default();
    assert_eq!(
        tags.get("team").map(String::as_str),
        Some("qa-v5"),
        "the edit landed"
    );
    assert_eq!(
        tags.get("env").map(String::as_str),
        Some("staging"),
        "the change made elsewhere survived"
    );
    assert_eq!(tags.get("cost-center").map(String::as_str), Some("4410"));
}

/// Issue 29, item 3: Esc on a review goes back to the form with the edit as it was typed (it
/// used to throw the edit away); saving from there writes it, and the form is let go.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn esc_on_the_review_returns_to_the_form_with_the_edit_kept() {
    use cognito_tui::app::Tab;
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&sdk, "orders-app").await;
    let mut h = console_on(&sb, &orders, Options::default()).await;
    let team = |d: &cognito_tui::wizard::draft::Draft| {
        d.tags
            .iter()
            .find(|(k, _)| k.value() == "team")
            .map(|(_, v)| v.value().to_string())
    };
    let save = edit(&mut h, Section::Tags, |d| {
        for (key, value) in &mut d.tags {
            if key.value() == "team" {
                *value = tui_input::Input::new("qa-v6".into());
            }
        }
    })
    .await;
    assert_eq!(save.phase, Phase::Review);
    h.send(Msg::from(AccessAction::Back));
    assert!(h.model.access.panel.is_none(), "the review closed");
    let form = h
        .model
        .wizard
        .edit_for(Tab::UserAccess)
        .unwrap_or_else(|| panic!("the form is back"));
    assert_eq!(team(&form.draft).as_deref(), Some("qa-v6"), "the edit kept");

    h.send(Msg::from(cognito_tui::wizard::Action::NextStep));
    let again = settle(&mut h).await;
    assert_eq!(again.phase, Phase::Review, "{:?}", again.phase);
    let done = confirm(&mut h).await;
    assert_eq!(done.phase, Phase::Done(Vec::new()), "{:?}", done.calls);
    assert!(
        h.model.wizard.edit.is_none(),
        "the form is let go once saved"
    );
    let pool = sdk
        .describe_identity_pool()
        .identity_pool_id(&orders)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let tags = pool.identity_pool_tags().cloned().unwrap_or_default();
    assert_eq!(tags.get("team").map(String::as_str), Some("qa-v6"));
}
