//! boto3 and aws-cli (installed by ./scripts/setup-python.sh) drive `cognito-tui sandbox serve` as a
//! separate process through the whole enhanced flow; see tests/conformance/other_clients.py.

mod serve;

use std::process::Command;

#[test]
fn boto3_and_aws_cli_sign_in_and_get_the_mapped_role() {
    let root = env!("CARGO_MANIFEST_DIR");
    let python = format!("{root}/.venv/bin/python");
    let aws = format!("{root}/.venv/bin/aws");
    assert!(
        std::path::Path::new(&aws).exists(),
        "aws-cli is not installed: run ./scripts/setup-python.sh (the test script does)"
    );
    let served = serve::start();
    let endpoint = served.endpoint.clone();
    let output = Command::new(python)
        .arg(format!("{root}/tests/conformance/other_clients.py"))
        .args(["--endpoint", &endpoint, "--aws", &aws])
        .output()
        .unwrap_or_else(|e| panic!("python: {e}"));
    drop(served);
    let text = String::from_utf8_lossy(&output.stdout);
    println!("{text}");
    assert!(
        output.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(text.contains("other clients: 2 passed, 0 failed"), "{text}");
}
