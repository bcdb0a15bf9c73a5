//! Safe saves through the real runner and SDK against the sandbox: the save engine's reads, diff,
//! conflict check, ordered writes and verification, each checked with a fresh read by the SDK.

mod common;

use cognito_tui::app::{Effect, Response};

use cognito_tui::aws::{Runner, Target};
use cognito_tui::console::Msg;
use cognito_tui::domain::edit::{Edit, ProviderRef};
use cognito_tui::sandbox::{RunningSandbox, Seed};
use cognito_tui::screens::save::{Phase, Save};
use std::time::Duration;
use tokio::sync::mpsc;

struct Driver {
    runner: Runner,
    rx: mpsc::UnboundedReceiver<Msg>,
    next: u64,
}

impl Driver {
    async fn connect(sb: &RunningSandbox) -> Self {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let runner = Runner::new(
            tx,
            Target::Sandbox {
                endpoint_url: sb.endpoint_url(),
            },
        );
        runner.spawn(Effect::Connect {
            req: 1,
            profile: None,
            region: None,
        });
        let answer = tokio::time::timeout(Duration::from_secs(30), rx.recv()).await;
        assert!(matches!(
            answer,
            Ok(Some(Msg::Response {
                response: Response::Connect(Ok(_)),
                ..
            }))
        ));
        Self {
            runner,
            rx,
            next: 2,
        }
    }

    fn ids(&mut self) -> impl FnMut(&'static str, bool) -> u64 + '_ {
        |_, _| {
            self.next += 1;
            self.next
        }
    }

    /// Runs `effects` and feeds their answers to the save until it stops waiting.
    async fn settle(&mut self, save: &mut Save, effects: Vec<Effect>) {
        for effect in effects {
            self.runner.spawn(effect);
        }
        while matches!(
            save.phase,
            Phase::Reading(_) | Phase::Rereading(_) | Phase::Writing | Phase::Verifying(_)
        ) {
            let msg = tokio::time::timeout(Duration::from_secs(30), self.rx.recv())
                .await
                .ok()
                .flatten();
            let Some(Msg::Response { req, response }) = msg else {
                panic!("no answer: {:?}", save.phase)
            };
            let mut next = self.next;
            let effects = save.on_response(req, response, |_, _| {
                next += 1;
                next
            });
            self.next = next;
            for effect in effects {
                self.runner.spawn(effect);
            }
        }
    }

    async fn begin(&mut self, pool_id: &str, edit: Edit) -> Save {
        let (mut save, effects) = Save::begin(pool_id, edit, self.ids());
        self.settle(&mut save, effects).await;
        save
    }

    async fn confirm(&mut self, save: &mut Save) {
        let effects = save.confirm(self.ids());
        self.settle(save, effects).await;
    }
}

async fn described(
    sdk: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
) -> aws_sdk_cognitoidentity::operation::describe_identity_pool::DescribeIdentityPoolOutput {
    sdk.describe_identity_pool()
        .identity_pool_id(pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
}

async fn roles_of(
    sdk: &aws_sdk_cognitoidentity::Client,
    pool_id: &str,
) -> aws_sdk_cognitoidentity::operation::get_identity_pool_roles::GetIdentityPoolRolesOutput {
    sdk.get_identity_pool_roles()
        .identity_pool_id(pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
}

#[tokio::test]
async fn a_rename_shows_its_diff_writes_once_and_verifies() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "orders-app").await;
    let before = described(&sdk, &pool_id).await;
    let roles_before = roles_of(&sdk, &pool_id).await;
    let mut driver = Driver::connect(&sb).await;

    let mut save = driver.begin(&pool_id, Edit::Rename("orders".into())).await;
    assert_eq!(save.phase, Phase::Review);
    let lines: Vec<String> = save.changes.iter().map(|c| c.to_string()).collect();
    assert_eq!(lines, vec!["Name: orders-app → orders"]);
    assert_eq!(
        described(&sdk, &pool_id).await.identity_pool_name(),
        "orders-app",
        "nothing is written before ⏎"
    );
    driver.confirm(&mut save).await;
    assert_eq!(
        save.phase,
        Phase::Done(Vec::new()),
        "verified: {:?}",
        save.calls
    );

    let after = described(&sdk, &pool_id).await;
    assert_eq!(after.identity_pool_name(), "orders");
    // Every other field as it was.
    assert_eq!(
        after.allow_unauthenticated_identities(),
        before.allow_unauthenticated_identities()
    );
    assert_eq!(after.allow_classic_flow(), before.allow_classic_flow());
    assert_eq!(
        after.cognito_identity_providers(),
        before.cognito_identity_providers()
    );
    assert_eq!(
        after.supported_login_providers(),
        before.supported_login_providers()
    );
    assert_eq!(after.identity_pool_tags(), before.identity_pool_tags());
    assert_eq!(
        after.developer_provider_name(),
        before.developer_provider_name()
    );
    let roles_after = roles_of(&sdk, &pool_id).await;
    assert_eq!(roles_after.roles(), roles_before.roles());
    assert_eq!(roles_after.role_mappings(), roles_before.role_mappings());
}

#[tokio::test]
async fn a_change_elsewhere_before_the_write_stops_the_save_and_can_be_reapplied() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "orders-app").await;
    let mut driver = Driver::connect(&sb).await;

    let mut save = driver.begin(&pool_id, Edit::ClassicFlow(true)).await;
    assert_eq!(save.phase, Phase::Review);
    // Another operator renames the pool meanwhile (a full update from their own fresh read).
    let now = described(&sdk, &pool_id).await;
    sdk.update_identity_pool()
        .identity_pool_id(&pool_id)
        .identity_pool_name("renamed-elsewhere")
        .allow_unauthenticated_identities(now.allow_unauthenticated_identities())
        .set_allow_classic_flow(now.allow_classic_flow())
        .set_supported_login_providers(now.supported_login_providers().cloned())
        .set_cognito_identity_providers(Some(now.cognito_identity_providers().to_vec()))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));

    driver.confirm(&mut save).await;
    let Phase::Conflict { elsewhere, .. } = &save.phase else {
        panic!("a conflict: {:?}", save.phase)
    };
    let lines: Vec<String> = elsewhere.iter().map(|c| c.to_string()).collect();
    assert_eq!(lines, vec!["Name: orders-app → renamed-elsewhere"]);
    assert_eq!(
        described(&sdk, &pool_id).await.allow_classic_flow(),
        now.allow_classic_flow(),
        "nothing was written"
    );

    save.reapply();
    assert_eq!(save.phase, Phase::Review);
    driver.confirm(&mut save).await;
    assert_eq!(save.phase, Phase::Done(Vec::new()));
    let after = described(&sdk, &pool_id).await;
    assert_eq!(
        after.identity_pool_name(),
        "renamed-elsewhere",
        "their change kept"
    );
    assert_eq!(after.allow_classic_flow(), Some(true), "and ours made");
}

#[tokio::test]
async fn removing_a_provider_takes_its_mapping_and_tags_and_keeps_everything_else() {
    let sb = common::sandbox(Seed::Demo).await;
    let sdk = common::identity_client(&sb, "us-east-1").await;
    let pool_id = common::pool_id_named(&sdk, "orders-app").await;
    let before = described(&sdk, &pool_id).await;
    let roles_before = roles_of(&sdk, &pool_id).await;
    let user_pool = before.cognito_identity_providers()[0].clone();
    let provider_name = user_pool.provider_name().unwrap_or_default().to_string();
    let client_id = user_pool.client_id().unwrap_or_default().to_string();
    let key = format!("{provider_name}:{client_id}");
    assert!(
        roles_before
            .role_mappings()
            .is_some_and(|m| m.contains_key(&key)),
        "the demo maps its user pool"
    );
    let mut driver = Driver::connect(&sb).await;

    let edit = Edit::Remove(ProviderRef::UserPool {
        provider_name: provider_name.clone(),
        client_id,
    });
    let mut save = driver.begin(&pool_id, edit).await;
    assert_eq!(save.phase, Phase::Review);
    let ops: Vec<&str> = save.calls.iter().map(|(w, _)| w.operation()).collect();
    assert_eq!(
        ops,
        vec![
            "SetPrincipalTagAttributeMap",
            "SetIdentityPoolRoles",
            "UpdateIdentityPool"
        ]
    );
    driver.confirm(&mut save).await;
    assert_eq!(save.phase, Phase::Done(Vec::new()), "{:?}", save.calls);

    let after = described(&sdk, &pool_id).await;
    assert!(after.cognito_identity_providers().is_empty());
    assert_eq!(
        after.supported_login_providers(),
        before.supported_login_providers()
    );
    assert_eq!(after.identity_pool_tags(), before.identity_pool_tags());
    assert_eq!(after.allow_classic_flow(), before.allow_classic_flow());
    let roles_after = roles_of(&sdk, &pool_id).await;
    assert_eq!(
        roles_after.roles(),
        roles_before.roles(),
        "default roles kept"
    );
    let mut expected = roles_before.role_mappings().cloned().unwrap_or_default();
    expected.remove(&key);
    assert_eq!(
        roles_after.role_mappings().cloned().unwrap_or_default(),
        expected
    );
    let gone = sdk
        .get_principal_tag_attribute_map()
        .identity_pool_id(&pool_id)
        .identity_provider_name(&provider_name)
        .send()
        .await;
    assert!(gone.is_err(), "the provider is not configured any more");
}
