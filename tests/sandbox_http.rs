//! The sandbox's plumbing over raw HTTP: what a non-SDK client, or a broken one, gets back.

mod common;

use cognito_tui::sandbox::Seed;
use std::io::{Read, Write};
use std::net::TcpStream;

/// Sends one raw HTTP/1.1 POST and returns (status, body).
fn post(addr: std::net::SocketAddr, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect: {e}"));
    let mut request = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    stream
        .write_all(request.as_bytes())
        .unwrap_or_else(|e| panic!("write: {e}"));
    stream
        .write_all(body)
        .unwrap_or_else(|e| panic!("write: {e}"));
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .unwrap_or_else(|e| panic!("read: {e}"));
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    (status, body)
}

/// Headers, body, expected HTTP status, expected error code.
type Case<'a> = (Vec<(&'a str, &'a str)>, &'a [u8], u16, &'a str);

const SIGNED: (&str, &str) = (
    "Authorization",
    "AWS4-HMAC-SHA256 Credential=AKID/20261123/us-east-1/cognito-identity/aws4_request, SignedHeaders=host, Signature=0",
);

#[tokio::test(flavor = "multi_thread")]
async fn unknown_operations_and_bad_bodies_get_the_services_errors() {
    let sb = common::sandbox(Seed::Demo).await;
    let addr = sb.addr;
    let cases: Vec<Case> = vec![
        (
            vec![
                ("X-Amz-Target", "AWSCognitoIdentityService.Frobnicate"),
                SIGNED,
            ],
            b"{}",
            400,
            "UnknownOperationException",
        ),
        (vec![SIGNED], b"{}", 400, "UnknownOperationException"),
        (
            vec![
                (
                    "X-Amz-Target",
                    "AWSCognitoIdentityService.ListIdentityPools",
                ),
                SIGNED,
            ],
            b"{not json",
            400,
            "SerializationException",
        ),
        (
            vec![
                (
                    "X-Amz-Target",
                    "AWSCognitoIdentityService.ListIdentityPools",
                ),
                SIGNED,
            ],
            b"[]",
            400,
            "SerializationException",
        ),
        (
            vec![
                (
                    "X-Amz-Target",
                    "AWSCognitoIdentityService.ListIdentityPools",
                ),
                SIGNED,
            ],
            br#"{"MaxResults":"ten"}"#,
            400,
            "SerializationException",
        ),
        (
            vec![
                (
                    "X-Amz-Target",
                    "AWSCognitoIdentityService.ListIdentityPools",
                ),
                SIGNED,
            ],
            b"",
            400,
            "ValidationException",
        ),
        (
            vec![(
                "X-Amz-Target",
                "AWSCognitoIdentityService.ListIdentityPools",
            )],
            br#"{"MaxResults":5}"#,
            400,
            "MissingAuthenticationTokenException",
        ),
    ];
    for (headers, body, status, code) in cases {
        let (got_status, got_body) = tokio::task::spawn_blocking({
            let headers: Vec<(String, String)> = headers
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            let body = body.to_vec();
            move || {
                let h: Vec<(&str, &str)> = headers
                    .iter()
                    .map(|(a, b)| (a.as_str(), b.as_str()))
                    .collect();
                post(addr, &h, &body)
            }
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(got_status, status, "{got_body}");
        let json: serde_json::Value =
            serde_json::from_str(&got_body).unwrap_or_else(|e| panic!("{e}: {got_body}"));
        assert_eq!(json["__type"], code, "{got_body}");
        assert!(
            json["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{got_body}"
        );
    }
}

/// Sends a raw request to any path; (status, body).
fn request(addr: std::net::SocketAddr, method: &str, path: &str, body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect: {e}"));
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream
        .write_all(head.as_bytes())
        .unwrap_or_else(|e| panic!("write: {e}"));
    stream
        .write_all(body)
        .unwrap_or_else(|e| panic!("write: {e}"));
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .unwrap_or_else(|e| panic!("read: {e}"));
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (
        status,
        response
            .split("\r\n\r\n")
            .nth(1)
            .unwrap_or_default()
            .to_string(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn faults_change_while_the_sandbox_serves() {
    let sb = common::sandbox(Seed::Demo).await;
    let addr = sb.addr;
    tokio::task::spawn_blocking(move || {
        let list = |addr| {
            post(
                addr,
                &[
                    (
                        "X-Amz-Target",
                        "AWSCognitoIdentityService.ListIdentityPools",
                    ),
                    SIGNED,
                ],
                br#"{"MaxResults":5}"#,
            )
            .0
        };
        assert_eq!(list(addr), 200);
        let (status, body) = request(
            addr,
            "POST",
            "/_sandbox/faults",
            br#"{"fault_rate": 1.0, "latency_ms": 5}"#,
        );
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("\"fault_rate\":1.0"), "{body}");
        assert_eq!(
            list(addr),
            500,
            "every call now fails with InternalErrorException"
        );
        let (_, body) = request(addr, "GET", "/_sandbox/faults", b"");
        assert!(body.contains("\"latency_ms\":5"), "{body}");
        let (status, body) = request(addr, "POST", "/_sandbox/faults", br#"{"fault_rate": 2}"#);
        assert_eq!(status, 400, "{body}");
        assert!(body.contains("between 0 and 1"), "{body}");
        let (status, _) = request(addr, "POST", "/_sandbox/faults", b"{}");
        assert_eq!(status, 200);
        assert_eq!(list(addr), 200, "back to no faults");
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
}

#[tokio::test(flavor = "multi_thread")]
async fn unsigned_query_calls_are_refused_except_assume_role_with_web_identity() {
    let sb = common::sandbox(Seed::Demo).await;
    let addr = sb.addr;
    tokio::task::spawn_blocking(move || {
        let (status, body) = post(addr, &[("Content-Type", "application/x-www-form-urlencoded")], b"Action=ListRoles&Version=2010-05-08");
        assert_eq!(status, 403, "{body}");
        assert!(body.contains("<Code>MissingAuthenticationToken</Code>"), "{body}");
        let (status, body) = post(
            addr,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            b"Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fx&RoleSessionName=s1&WebIdentityToken=abcd",
        );
        assert_eq!(status, 400, "reaches STS unsigned and is judged on the token: {body}");
        assert!(body.contains("<Code>InvalidIdentityToken</Code>"), "{body}");
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
}
