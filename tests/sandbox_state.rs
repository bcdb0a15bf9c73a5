//! `--state`: the sandbox's data in an SQLite database. Everything the demo account holds, plus
//! what requests add (identities with logins, a developer user, temporary credentials, a role
//! and its policies, a user, a pool's tags and attribute map), reads back the same after a
//! restart; tokens and credentials issued before it still work after. Files that are not a
//! database this build reads are refused and left as they were; a JSON state file of an earlier
//! version is imported once.

mod common;
mod readback;

use cognito_tui::sandbox::{
    self, DEMO_PASSWORD, RunningSandbox, SandboxOptions, Seed, State, Store,
};
use std::path::Path;

const CLIENT: &str = "4f1s2d9k0q7n3b5v8c6x1z2m4a";
const USER_POOL: &str = "us-east-1_Ord3rsPl1";
const PROVIDER: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ord3rsPl1";

async fn start(path: &Path) -> RunningSandbox {
    sandbox::start(SandboxOptions {
        seed: Seed::Demo,
        state_file: Some(path.to_path_buf()),
        ..Default::default()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_data_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("state.db");
    let sb = start(&path).await;
    let identity = common::identity_client(&sb, "us-east-1").await;
    let idp = common::idp_client(&sb, "us-east-1").await;
    let iam = common::iam_client(&sb).await;
    let orders = common::pool_id_named(&identity, "orders-app").await;
    let tools = common::pool_id_named(&identity, "internal-tools").await;

    // Identities: a guest (then deleted), a user pool user with a login, a developer user.
    let guest = common::identity_id(&identity, &orders, &[]).await;
    identity
        .delete_identities()
        .identity_ids_to_delete(&guest)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let token = common::id_token(&idp, CLIENT, "demo-admin", DEMO_PASSWORD).await;
    let admin = common::identity_id(&identity, &orders, &[(PROVIDER, &token)]).await;
    let credentials = identity
        .get_credentials_for_identity()
        .identity_id(&admin)
        .logins(PROVIDER, &token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .credentials()
        .cloned()
        .unwrap_or_else(|| panic!("credentials"));
    let developer = identity
        .get_open_id_token_for_developer_identity()
        .identity_pool_id(&tools)
        .logins("login.tools.internal", "ops-oncall")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    // A new user, a new role with an inline and an attached policy, a tag, an attribute map.
    idp.admin_create_user()
        .user_pool_id(USER_POOL)
        .username("restart-user")
        .temporary_password("Temp-Passw0rd!")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    idp.admin_set_user_password()
        .user_pool_id(USER_POOL)
        .username("restart-user")
        .password("Restart-Passw0rd1!")
        .permanent(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let trust = cognito_tui::domain::policy::cognito_trust_policy(
        &orders,
        cognito_tui::domain::policy::Audience::Authenticated,
        false,
    );
    iam.create_role()
        .role_name("restart-role")
        .assume_role_policy_document(&trust)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    iam.put_role_policy()
        .role_name("restart-role")
        .policy_name("read")
        .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let managed = iam
        .create_policy()
        .policy_name("restart-managed")
        .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}"#)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    iam.attach_role_policy()
        .role_name("restart-role")
        .policy_arn(managed.policy().and_then(|p| p.arn()).unwrap_or_default())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    identity
        .tag_resource()
        .resource_arn(format!(
            "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/{orders}"
        ))
        .tags("restarted", "yes")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    identity
        .set_principal_tag_attribute_map()
        .identity_pool_id(&orders)
        .identity_provider_name(PROVIDER)
        .use_defaults(false)
        .principal_tags("team", "custom:team")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));

    let before = readback::everything(&sb).await;
    drop(sb);
    let sb = start(&path).await;
    let after = readback::everything(&sb).await;
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b, a, "read back the same after a restart");
    }
    let joined = after.join("\n");
    for expected in [
        "restart-role",
        "restart-managed",
        "restarted",
        "custom:team",
        &admin,
        developer.identity_id().unwrap_or_default(),
    ] {
        assert!(joined.contains(expected), "{expected} is kept");
    }
    assert!(!joined.contains(&guest), "a deleted identity stays deleted");

    // What was issued before still works: the ID token (the user pool's key), the credentials
    // (the STS session), the user's new password (its SRP verifier and hash).
    let identity = common::identity_client(&sb, "us-east-1").await;
    let again = common::identity_id(&identity, &orders, &[(PROVIDER, &token)]).await;
    assert_eq!(again, admin, "the same login finds the same identity");
    let caller = common::caller_of(&sb, &credentials).await;
    assert!(
        caller.contains("assumed-role/orders-app-admin/"),
        "{caller}"
    );
    let idp = common::idp_client(&sb, "us-east-1").await;
    let token = common::id_token(&idp, CLIENT, "restart-user", "Restart-Passw0rd1!").await;
    assert!(token.starts_with("eyJ"));
    drop(sb);

    // An ordinary SQLite database: the tables the README documents, one row per identity.
    let db = rusqlite::Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let count = |sql: &str| -> i64 {
        db.query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    };
    assert_eq!(count("SELECT version FROM schema_version"), 1);
    assert_eq!(
        count(&format!(
            "SELECT count(*) FROM identities WHERE pool_id = '{orders}' AND id = '{admin}'"
        )),
        1
    );
    assert_eq!(
        count(&format!(
            "SELECT count(*) FROM identities WHERE id = '{guest}'"
        )),
        0
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM identity_pools WHERE json_extract(body, '$.pool.IdentityPoolName') = 'orders-app'"
        ),
        1
    );
    assert!(count("SELECT count(*) FROM sts_sessions") >= 1);
    assert_eq!(
        count("SELECT count(*) FROM iam_roles WHERE name = 'restart-role'"),
        1
    );
}

fn refused(path: &Path) -> String {
    match Store::open(path, State::default) {
        Ok(_) => panic!("{} was opened", path.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn files_that_are_not_a_state_database_are_refused_and_left_as_they_were() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let check = |name: &str, bytes: &[u8], says: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        let message = refused(&path);
        assert!(message.contains(says), "{name}: {message}");
        assert!(message.contains("left untouched"), "{name}: {message}");
        assert_eq!(
            std::fs::read(&path).unwrap_or_default(),
            bytes,
            "{name} unchanged"
        );
    };
    check(
        "notes.txt",
        b"remember the milk\n",
        "neither an SQLite database nor a JSON state file",
    );
    check(
        "broken.json",
        b"{\"version\": 1, \"pools\": 3",
        "is not a cognito-tui sandbox state file",
    );
    let mut garbage = b"SQLite format 3\0".to_vec();
    garbage.extend(std::iter::repeat_n(0xA5u8, 4096));
    check(
        "garbage.db",
        &garbage,
        "is not a cognito-tui sandbox state file",
    );

    // Someone else's SQLite database.
    let foreign = dir.path().join("app.db");
    {
        let db = rusqlite::Connection::open(&foreign).unwrap_or_else(|e| panic!("{e}"));
        db.execute_batch("CREATE TABLE todo (id INTEGER PRIMARY KEY, what TEXT); INSERT INTO todo (what) VALUES ('x');")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let bytes = std::fs::read(&foreign).unwrap_or_default();
    let message = refused(&foreign);
    assert!(
        message.contains("without cognito-tui's tables"),
        "{message}"
    );
    assert_eq!(std::fs::read(&foreign).unwrap_or_default(), bytes);

    // Ours, from a newer version.
    let newer = dir.path().join("newer.db");
    drop(Store::open(&newer, State::default).unwrap_or_else(|e| panic!("{e}")));
    {
        let db = rusqlite::Connection::open(&newer).unwrap_or_else(|e| panic!("{e}"));
        db.execute_batch("UPDATE schema_version SET version = 7; PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let bytes = std::fs::read(&newer).unwrap_or_default();
    let message = refused(&newer);
    assert!(
        message.contains("written by a newer cognito-tui (state schema 7"),
        "{message}"
    );
    assert_eq!(std::fs::read(&newer).unwrap_or_default(), bytes);
}

#[test]
fn a_json_state_file_of_an_earlier_version_is_imported_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("state.json");
    let demo = sandbox::demo_state();
    let json = serde_json::to_vec(&demo).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, &json).unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open(&path, State::default).unwrap_or_else(|e| panic!("{e}"));
    let names = |store: &Store| -> Vec<String> {
        store.read(|s| {
            s.pools
                .iter()
                .map(|p| p.pool.identity_pool_name.clone())
                .collect()
        })
    };
    let imported = names(&store);
    assert_eq!(imported.len(), demo.pools.len());
    drop(store);
    let kept = dir.path().join("state.json.v1.json");
    assert_eq!(
        std::fs::read(&kept).unwrap_or_default(),
        json,
        "the original is kept"
    );
    assert_eq!(
        std::fs::read(&path).unwrap_or_default().get(..16),
        Some(&b"SQLite format 3\0"[..]),
        "the file is a database now"
    );
    let reopened = Store::open(&path, State::default).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        names(&reopened),
        imported,
        "read from the database, not imported again"
    );
}
