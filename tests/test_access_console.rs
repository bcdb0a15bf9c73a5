//! The Test access panel through `update` and the real runner against the sandbox: each demo user
//! signs in (SRP) to their own role, the role shown is GetCallerIdentity's and the simulator's
//! prediction agrees; a guest of a pool without guest access is refused and that too agrees; the
//! first run asks before creating identities.

mod common;

use cognito_tui::app::test_access::Trial;
use cognito_tui::aws::Target;
use cognito_tui::console::Options;
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::{DEMO_PASSWORD, Seed};
use cognito_tui::screens::test_access::prediction::Agreement;
use cognito_tui::screens::test_access::{Action, Field, Mode};
use common::panel::{WAIT, agreement, choose_mode, fill, key, open, run};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_demo_user_gets_their_role_as_predicted_and_a_refused_guest_too() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&client, "orders-app").await;
    let partner = common::pool_id_named(&client, "partner-portal").await;
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(Options::default(), target, (140, 40));
    assert!(h.run_until(|m| m.session().is_some(), WAIT).await);
    open(&mut h, &orders, "orders-app").await;
    for (i, (user, role)) in [
        ("demo-admin", "orders-app-admin"),
        ("demo-partner", "orders-app-partner"),
        ("demo-user", "orders-app-auth"),
    ]
    .into_iter()
    .enumerate()
    {
        fill(&mut h, Field::Username, user);
        fill(&mut h, Field::Password, DEMO_PASSWORD);
        // Asked once a session: only the first run finds the warning not yet confirmed.
        assert_eq!(
            h.model.test_access.kept.confirmed,
            i != 0,
            "asked once a session"
        );
        let trial = run(&mut h).await;
        assert!(h.model.test_access.kept.confirmed);
        let Trial::Issued(access) = &trial else {
            panic!("{user}: {trial:?}")
        };
        assert!(
            access
                .caller_arn
                .contains(&format!(":assumed-role/{role}/")),
            "{user}: {}",
            access.caller_arn
        );
        assert_eq!(
            access
                .role_arn
                .as_deref()
                .map(|r| r.ends_with(&format!("role/{role}"))),
            Some(true)
        );
        assert_eq!(access.flow, Some("USER_SRP_AUTH"));
        assert_eq!(agreement(&h), Some(Agreement::Agrees), "{user}");
        // The issued secret key is kept only as a Secret, which debug prints never show.
        let printed = format!("{:?}", h.model.test_access);
        assert!(
            !printed.contains(access.secret_key.reveal()),
            "the secret key is never printed"
        );
    }
    key(&mut h, Action::Back);
    assert!(h.model.test_access.view.is_none());

    open(&mut h, &partner, "partner-portal").await;
    // A pool with a user pool provider starts on a user: go back to the guest.
    choose_mode(&mut h, Mode::Guest);
    let trial = run(&mut h).await;
    let Trial::Refused(refused) = &trial else {
        panic!("{trial:?}")
    };
    assert_eq!(refused.call, "GetId");
    assert_eq!(
        refused.error.code.as_deref(),
        Some("NotAuthorizedException")
    );
    assert_eq!(
        agreement(&h),
        Some(Agreement::Agrees),
        "guest access is off, as predicted"
    );
    assert!(
        h.model
            .errors
            .iter()
            .any(|e| e.operation == "Test access: GetId"),
        "kept for :errors"
    );
}
