//! `cognito-tui export` as a process against an in-process sandbox: each format on standard
//! output, `-o` never replacing a file without `--force`, exit 1 with the service's code and
//! message for a pool that doesn't exist, exit 2 on bad usage.

mod common;

use cognito_tui::sandbox::Seed;

fn export(endpoint: &str, args: &[&str]) -> (i32, String, String) {
    common::run_cli(endpoint, "export", args)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn formats_files_and_exit_codes() {
    let sb = common::sandbox(Seed::Demo).await;
    let client = common::identity_client(&sb, "us-east-1").await;
    let orders = common::pool_id_named(&client, "orders-app").await;
    let url = sb.endpoint_url();
    for (format, expected) in [
        ("cloudformation", "Type: \"AWS::Cognito::IdentityPool\""),
        (
            "terraform",
            "resource \"aws_cognito_identity_pool\" \"pool\"",
        ),
        ("cdk", "new IdentityPool(this, 'IdentityPool'"),
        (
            "json",
            "aws cognito-identity create-identity-pool --cli-input-json",
        ),
    ] {
        let (code, out, err) = export(&url, &["--pool", &orders, "--format", format]);
        assert_eq!(code, 0, "{format}: {err}");
        assert!(out.contains(expected), "{format}:\n{out}");
        assert!(
            out.contains(&orders),
            "{format} names the pool it came from"
        );
        assert!(err.contains("note: Roles"), "{format}: {err}");
    }

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("pool.tf");
    let file_arg = file.to_string_lossy().into_owned();
    let args = [
        "--pool",
        &orders,
        "--format",
        "terraform",
        "--include-roles",
        "-o",
        &file_arg,
    ];
    let (code, out, err) = export(&url, &args);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let written = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(written.contains("resource \"aws_iam_role\""), "{written}");
    std::fs::write(&file, "keep me").unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = export(&url, &args);
    assert_eq!(
        code, 2,
        "an existing file is bad usage without --force: {err}"
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap_or_default(),
        "keep me"
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    let (code, _, err) = export(&url, &forced);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), written);

    let missing = "us-east-1:00000000-0000-4000-8000-000000000000";
    let (code, out, err) = export(&url, &["--pool", missing, "--format", "json"]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.contains("ResourceNotFoundException"), "{err}");
    assert!(
        err.contains(&format!("IdentityPool '{missing}' not found.")),
        "{err}"
    );

    let (code, _, err) = export(&url, &["--pool", &orders]);
    assert_eq!(code, 2, "no --format: {err}");
    let (code, _, err) = export(&url, &["--pool", &orders, "--format", "yaml"]);
    assert_eq!(code, 2, "an unknown format: {err}");
    assert!(
        err.contains("cloudformation"),
        "clap lists the formats: {err}"
    );
}
