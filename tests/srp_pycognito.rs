//! The sandbox's USER_SRP_AUTH against a client no one here wrote: pycognito (installed by
//! ./scripts/setup-python.sh) signs in to `cognito-tui sandbox serve` and the ID token it gets is
//! accepted by GetId; see tests/conformance/srp_pycognito.py.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn pycognito_signs_in_with_srp_and_the_token_gets_an_identity() {
    let root = env!("CARGO_MANIFEST_DIR");
    let python = format!("{root}/.venv/bin/python");
    let mut server = Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args(["sandbox", "serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("serve: {e}"));
    let mut stdout = BufReader::new(server.stdout.take().unwrap_or_else(|| panic!("stdout")));
    let mut first = String::new();
    let _ = stdout.read_line(&mut first);
    let endpoint = first
        .trim()
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string();
    let output = Command::new(python)
        .arg(format!("{root}/tests/conformance/srp_pycognito.py"))
        .args(["--endpoint", &endpoint])
        .output()
        .unwrap_or_else(|e| panic!("python: {e}"));
    let _ = server.kill();
    let _ = server.wait();
    let text = String::from_utf8_lossy(&output.stdout);
    println!("{text}");
    assert!(
        output.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(text.contains("srp: 5 passed, 0 failed"), "{text}");
}
