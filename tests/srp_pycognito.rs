//! The sandbox's USER_SRP_AUTH against a client no one here wrote: pycognito (installed by
//! ./scripts/setup-python.sh) signs in to `cognito-tui sandbox serve` and the ID token it gets is
//! accepted by GetId; see tests/conformance/srp_pycognito.py.

mod serve;

use std::process::Command;

#[test]
fn pycognito_signs_in_with_srp_and_the_token_gets_an_identity() {
    let root = env!("CARGO_MANIFEST_DIR");
    let python = format!("{root}/.venv/bin/python");
    let served = serve::start();
    let endpoint = served.endpoint.clone();
    let output = Command::new(python)
        .arg(format!("{root}/tests/conformance/srp_pycognito.py"))
        .args(["--endpoint", &endpoint])
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
    assert!(text.contains("srp: 5 passed, 0 failed"), "{text}");
}
