//! Every tab shows what the service holds (issue: one source of truth). The console (real update,
//! runner and SDK) has the demo's orders-app open on every tab; a save made from Role settings
//! then shows on the Pools summary and User access exactly as a console started afterwards draws
//! them; a guest-access save from User access shows on the Pools list and summary without `r`;
//! and a pool deleted by someone else leaves every tab once any read finds it gone.

mod access;
mod common;

use access::WAIT;
use access::tabs::{SIZE, assert_tabs_match_fresh, drawn, visit_tabs};
use cognito_tui::app::Tab;
use cognito_tui::console::{Action, Msg, Options};
use cognito_tui::domain::roles::IamRole;
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::{SANDBOX_ACCOUNT, Seed};
use cognito_tui::screens::roles::{Action as Ra, Panel};
use cognito_tui::screens::save::Phase;
use cognito_tui::wizard::draft::RoleMode;
use cognito_tui::wizard::scoped::{EditScope, Section};

fn save_phase(h: &Headless) -> Option<Phase> {
    match &h.model.roles.panel {
        Some(Panel::Save(view)) => Some(view.save.phase.clone()),
        _ => None,
    }
}

async fn settled(h: &mut Headless) -> Option<Phase> {
    let busy = |m: &cognito_tui::console::Model| match &m.roles.panel {
        Some(Panel::Save(view)) => matches!(
            view.save.phase,
            Phase::Reading(_) | Phase::Rereading(_) | Phase::Writing | Phase::Verifying(_)
        ),
        _ => false,
    };
    assert!(h.run_until(|m| !busy(m), WAIT).await, "the save settled");
    save_phase(h)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_role_settings_save_shows_on_every_tab_without_a_refresh() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&sdk, "orders-app").await;
    let mut h = access::console_at(&sb, &orders, Options::default(), SIZE).await;
    visit_tabs(&mut h, &orders).await;
    let before = drawn(&mut h).await;

    // Role settings: the default authenticated role becomes orders-app-partner.
    h.send(Msg::Action(Action::GoTab(Tab::Roles)));
    let config = h
        .model
        .roles
        .read
        .config(&h.model.store)
        .cloned()
        .unwrap_or_else(|| panic!("Role settings read the pool"));
    h.send(Msg::Wizard(cognito_tui::wizard::Msg::EditSection(
        Box::new(EditScope {
            pool_id: orders.clone(),
            section: Section::Authenticated,
            base: config,
            linked: None,
            origin: Tab::Roles,
        }),
    )));
    if let Some(form) = h.model.wizard.edit.as_deref_mut() {
        form.draft.auth_role.mode = RoleMode::Existing;
        form.draft.auth_role.existing = Some(IamRole {
            name: "orders-app-partner".into(),
            arn: format!("arn:aws:iam::{SANDBOX_ACCOUNT}:role/orders-app-partner"),
            trust_policy: String::new(),
        });
    }
    h.send(Msg::from(cognito_tui::wizard::Action::NextStep));
    assert_eq!(settled(&mut h).await, Some(Phase::Review));
    h.send(Msg::from(Ra::Submit));
    assert_eq!(settled(&mut h).await, Some(Phase::Done(Vec::new())));

    // The service has it.
    let roles = sdk
        .get_identity_pool_roles()
        .identity_pool_id(&orders)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(
        roles
            .roles()
            .and_then(|r| r.get("authenticated"))
            .is_some_and(|arn| arn.ends_with("role/orders-app-partner")),
        "{roles:?}"
    );
    // Every tab says so, as a fresh console does, without `r` (the save's panel closed first).
    h.send(Msg::from(Ra::Back));
    assert_tabs_match_fresh(&mut h, &sb, &orders, "the authenticated role changed").await;
    let after = drawn(&mut h).await;
    let pools = |d: &[(Tab, String)]| d[0].1.clone();
    assert_ne!(pools(&before), pools(&after), "the Pools summary changed");
    assert!(
        pools(&after).contains("orders-app-partner"),
        "{}",
        pools(&after)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guest_access_turned_off_shows_on_the_pools_list_and_summary() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&sdk, "orders-app").await;
    let mut h = access::console_at(&sb, &orders, Options::default(), SIZE).await;
    visit_tabs(&mut h, &orders).await;
    // The walk of the issue: guest access off on User access, `Space ⏎`, then `1`.
    h.send(Msg::from(cognito_tui::screens::access::Action::ToggleGuest));
    let save = access::settle(&mut h).await;
    assert_eq!(save.phase, Phase::Review);
    let done = access::confirm(&mut h).await;
    assert_eq!(done.phase, Phase::Done(Vec::new()));
    h.send(Msg::Action(Action::GoTab(Tab::Pools)));
    let summary = drawn(&mut h).await.remove(0).1;
    assert!(
        summary.contains("Guest access          inactive"),
        "{summary}"
    );
    // The list: Esc back to it; the row's GUEST column.
    h.send(Msg::Action(Action::GoTab(Tab::Pools)));
    h.send(Msg::from(cognito_tui::screens::pools::Action::Back));
    let list = drawn(&mut h).await.remove(0).1;
    let row = list
        .lines()
        .find(|l| l.contains(&orders))
        .unwrap_or_else(|| panic!("orders-app listed:\n{list}"));
    assert!(row.contains(" off "), "{row}");
    let pool = sdk
        .describe_identity_pool()
        .identity_pool_id(&orders)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(!pool.allow_unauthenticated_identities());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pool_deleted_elsewhere_leaves_every_tab_once_a_read_finds_it_gone() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&sdk, "orders-app").await;
    let mut h = access::console_at(&sb, &orders, Options::default(), SIZE).await;
    visit_tabs(&mut h, &orders).await;
    assert!(h.model.store.pool(&orders).is_some());

    sdk.delete_identity_pool()
        .identity_pool_id(&orders)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    // Role settings reads again (`r`): ResourceNotFoundException.
    h.send(Msg::Action(Action::GoTab(Tab::Roles)));
    h.send(Msg::from(Ra::Refresh));
    assert!(
        h.run_until(|m| m.current_pool.is_none(), WAIT).await,
        "the pool is no longer the current one"
    );
    assert!(h.model.store.pool(&orders).is_none(), "it left the store");
    assert_eq!(h.model.store.gone(&orders), Some("orders-app"));
    assert!(
        h.model.pools.pool(&orders).is_none(),
        "it left the Pools list"
    );
    assert!(h.model.pools.open.is_none(), "its summary closed");
    for (tab, text) in drawn(&mut h).await {
        match tab {
            Tab::Pools => assert!(!text.contains(&orders), "{text}"),
            _ => assert!(
                text.contains("Pool \"orders-app\"") && text.contains("no longer exists"),
                "{tab:?}:\n{text}"
            ),
        }
    }
    h.send(Msg::Action(Action::GoTab(Tab::Identities)));
    let identities = access::tabs::body_of(&h.model);
    assert!(identities.contains("no longer exists"), "{identities}");
}
