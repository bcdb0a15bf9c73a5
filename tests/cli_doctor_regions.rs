//! `cognito-tui doctor --all-regions` as a process against a sandbox serving several regions:
//! findings from every region, most severe first; a region not enabled for the account is
//! skipped and said (not a failure); a region whose pools can't be read is a failure (exit 1).

mod common;

use cognito_tui::sandbox::{Faults, RegionFault, Seed};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_region_is_checked_and_a_region_not_enabled_is_skipped() {
    let mut faults = Faults::default();
    faults
        .region_faults
        .insert("ap-east-2".into(), RegionFault::NotEnabled);
    let sb = common::sandbox_with(Seed::Empty, faults).await;
    let url = sb.endpoint_url();
    // us-east-1: the basic flow on (medium). eu-west-1: a default role that doesn't exist (high).
    let east = common::identity_client(&sb, "us-east-1").await;
    let classic = east
        .create_identity_pool()
        .identity_pool_name("classic")
        .allow_unauthenticated_identities(false)
        .allow_classic_flow(true)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .identity_pool_id()
        .to_string();
    let west = common::identity_client(&sb, "eu-west-1").await;
    let orphan = west
        .create_identity_pool()
        .identity_pool_name("orphan")
        .allow_unauthenticated_identities(false)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
        .identity_pool_id()
        .to_string();
    west.set_identity_pool_roles()
        .identity_pool_id(&orphan)
        .roles("authenticated", "arn:aws:iam::123456789012:role/gone")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));

    let (code, out, err) = common::run_cli(&url, "doctor", &["--all-regions", "--json"]);
    assert_eq!(code, 1, "a high finding in eu-west-1: {out}{err}");
    let doc: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(doc["pools_checked"], 2, "{out}");
    let regions = doc["regions"].as_array().map(Vec::len);
    assert_eq!(
        regions,
        Some(cognito_tui::domain::regions::sweep_from("us-east-1").len())
    );
    let found: Vec<(&str, &str, &str)> = doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            (
                f["severity"].as_str().unwrap_or_default(),
                f["check"].as_str().unwrap_or_default(),
                f["pool_id"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found.first().map(|f| (f.0, f.2)),
        Some(("high", orphan.as_str())),
        "{out}"
    );
    assert!(
        found
            .iter()
            .any(|f| f == &("medium", "classic-flow", classic.as_str())),
        "{out}"
    );
    assert_eq!(doc["regions_skipped"][0]["region"], "ap-east-2");
    assert_eq!(
        doc["regions_skipped"][0]["reason"],
        "not enabled for this account"
    );
    assert_eq!(doc["regions_skipped"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["regions_failed"].as_array().map(Vec::len), Some(0));

    // Lines: the scope, then the skipped region.
    let (_, out, _) = common::run_cli(&url, "doctor", &["--all-regions"]);
    let regions = cognito_tui::domain::regions::sweep_from("us-east-1").len();
    assert!(
        out.starts_with(&format!(
            "Security report for {regions} regions (2 pools checked): 1 high, 1 medium"
        )),
        "{out}"
    );
    assert!(
        out.contains(
            "skipped ap-east-2: not enabled for this account (UnrecognizedClientException"
        ),
        "{out}"
    );

    // Without it, only the session's region: the medium finding, exit 0.
    let (code, out, _) = common::run_cli(&url, "doctor", &["--json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out)
            .map(|d| d["pools_checked"].clone())
            .ok(),
        Some(serde_json::json!(1))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_region_that_fails_otherwise_fails_the_run() {
    let mut faults = Faults::default();
    // One DescribeIdentityPool goes through, then the quota throttles every other even after the
    // SDK's retries: a region whose pools can't be read, which is no "not enabled".
    faults
        .rate_limits
        .insert("DescribeIdentityPool".into(), 0.001);
    let sb = common::sandbox_with(Seed::Demo, faults).await;
    let (code, out, err) = common::run_cli(&sb.endpoint_url(), "doctor", &["--all-regions"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("FAILED  us-east-1: its pools could not be read (TooManyRequestsException"),
        "{out}"
    );
    assert!(!out.contains("skipped"), "{out}");
}
