//! Request validation checked against botocore's service model (installed with moto by
//! ./scripts/setup-python.sh): tests/conformance/validate_from_model.py generates, from the model, a
//! violating value and the boundary values for every constrained input member of every Cognito
//! Identity operation the sandbox serves, and sends them to an in-process sandbox.

mod common;

use cognito_tui::sandbox::{IDENTITY_OPERATIONS, Seed};
use std::process::Command;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_constrained_member_is_validated_like_the_model_says() {
    let root = env!("CARGO_MANIFEST_DIR");
    let python = format!("{root}/.venv/bin/python");
    assert!(
        std::path::Path::new(&python).exists(),
        "botocore is not installed: run ./scripts/setup-python.sh (the test script does)"
    );
    let sandbox = common::sandbox(Seed::Empty).await;
    let endpoint = sandbox.endpoint_url();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(python)
            .arg(format!("{root}/tests/conformance/validate_from_model.py"))
            .args([
                "--endpoint",
                &endpoint,
                "--operations",
                &IDENTITY_OPERATIONS.join(","),
            ])
            .output()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    .unwrap_or_else(|e| panic!("run the validation script: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "validation cases failed:\n{stdout}\n{stderr}"
    );
    let passed: usize = stdout
        .lines()
        .find_map(|l| l.strip_prefix("validation cases: "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        passed > 150,
        "the model yields well over 150 cases for the served operations, got {passed}"
    );
}
