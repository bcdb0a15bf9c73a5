//! Random input never panics: key sequences through update and view at many terminal sizes, and
//! random request bodies and headers to the sandbox (never a 5xx, never a crash).

mod app_support;

use app_support::*;
use cognito_tui::app::{AwsError, Response, Tab};
use cognito_tui::console::{Action, DialogAction, Msg, Options, update};
use cognito_tui::screens::cursor::Move;
use cognito_tui::screens::identities::Action as IdAction;
use cognito_tui::screens::pools::Action as PoolAction;
use cognito_tui::wizard::Action as WizAction;
use proptest::prelude::*;
use tui_input::InputRequest;

fn global_action() -> impl Strategy<Value = Msg> {
    prop_oneof![
        Just(Action::Refresh),
        Just(Action::Help),
        Just(Action::Command),
        Just(Action::Quit),
        Just(Action::NextTab),
        Just(Action::PrevTab),
        Just(Action::GoTab(Tab::Pools)),
        Just(Action::GoTab(Tab::Identities)),
        Just(Action::GoTab(Tab::Roles)),
    ]
    .prop_map(Msg::Action)
}

fn dialog_action() -> impl Strategy<Value = Msg> {
    prop_oneof![
        Just(DialogAction::FocusNext),
        Just(DialogAction::Submit),
        Just(DialogAction::Back),
        Just(DialogAction::Help),
    ]
    .prop_map(Msg::Dialog)
}

fn pools_action() -> impl Strategy<Value = Msg> {
    prop_oneof![
        Just(PoolAction::Move(Move::Up)),
        Just(PoolAction::Move(Move::Down)),
        Just(PoolAction::Move(Move::Top)),
        Just(PoolAction::Move(Move::Bottom)),
        Just(PoolAction::Move(Move::PageUp)),
        Just(PoolAction::Move(Move::PageDown)),
        Just(PoolAction::Open),
        Just(PoolAction::Back),
        Just(PoolAction::Delete),
        Just(PoolAction::Refresh),
        Just(PoolAction::Filter),
        Just(PoolAction::Submit),
        Just(PoolAction::CopyId),
        Just(PoolAction::New),
    ]
    .prop_map(Msg::from)
}

fn identities_action() -> impl Strategy<Value = Msg> {
    prop_oneof![
        Just(IdAction::Move(Move::Up)),
        Just(IdAction::Move(Move::Down)),
        Just(IdAction::Move(Move::Top)),
        Just(IdAction::Move(Move::Bottom)),
        Just(IdAction::Move(Move::PageUp)),
        Just(IdAction::Move(Move::PageDown)),
        Just(IdAction::Open),
        Just(IdAction::Back),
        Just(IdAction::Delete),
        Just(IdAction::Refresh),
        Just(IdAction::Filter),
        Just(IdAction::Submit),
        Just(IdAction::CopyId),
        Just(IdAction::Mark),
        Just(IdAction::MarkAll),
        Just(IdAction::InvertMarks),
        Just(IdAction::ClearMarks),
        Just(IdAction::TogglePause),
        Just(IdAction::ToggleHideDisabled),
        Just(IdAction::Lookup),
        Just(IdAction::Cancel),
        Just(IdAction::FocusNext),
    ]
    .prop_map(Msg::from)
}

fn fails() -> AwsError {
    AwsError::service("X", "y")
}

/// Answers of every kind the Pools tab and the Identity browser wait for, to request ids that may or
/// may not be in flight.
fn console_response() -> impl Strategy<Value = Msg> {
    let identities = |req: u64, n: usize| -> Vec<cognito_tui::domain::Identity> {
        (0..n)
            .map(|i| identity(req as usize * 100 + i, NOW))
            .collect()
    };
    prop_oneof![
        (0u64..60, any::<bool>()).prop_map(|(_, ok)| Response::DeleteIdentityPool(if ok {
            Ok(())
        } else {
            Err(fails())
        })),
        (0u64..60).prop_map(|req| Response::DescribeIdentityPool(Ok(described(req as usize % 7)))),
        (0u64..60, any::<bool>()).prop_map(|(req, more)| Response::ListIdentityPools(Ok((
            summaries(req as usize..req as usize + 5),
            more.then(|| "t".into())
        )))),
        (0u64..60, 0usize..70, any::<bool>()).prop_map(move |(req, n, more)| {
            Response::ListIdentities(Ok((identities(req, n), more.then(|| format!("t{req}")))))
        }),
        Just(Response::ListIdentities(Err(fails()))),
        (0u64..60).prop_map(|req| Response::DescribeIdentity(Ok(identity(req as usize, NOW)))),
        Just(Response::LookupDeveloperIdentity(Ok((
            "us-east-1:x".into(),
            vec!["dev-user".into()]
        )))),
        Just(Response::LookupDeveloperIdentity(Err(AwsError::service(
            "ResourceNotFoundException",
            "gone"
        )))),
        (0u64..60, 0usize..4).prop_map(move |(req, n)| Response::DeleteIdentities(Ok(identities(
            req, n
        )
        .into_iter()
        .map(|i| (i.id, "InternalServerError".to_string()))
        .collect()))),
        Just(Response::DeleteIdentities(Err(AwsError::service(
            "TooManyRequestsException",
            "slow down"
        )))),
    ]
    .prop_flat_map(|response| {
        (0u64..80).prop_map(move |req| Msg::Response {
            req,
            response: response.clone(),
        })
    })
}

fn msg() -> impl Strategy<Value = Msg> {
    prop_oneof![
        2 => global_action(),
        2 => dialog_action(),
        3 => pools_action(),
        3 => identities_action(),
        2 => any::<char>().prop_map(|c| Msg::Input(InputRequest::InsertChar(c))),
        1 => Just(Msg::Input(InputRequest::DeletePrevChar)),
        1 => (0u16..300, 0u16..120).prop_map(|(w, h)| Msg::Resize(w, h)),
        1 => (0u16..300, 0u16..120).prop_map(|(x, y)| Msg::Click(x, y)),
        1 => (-20i16..20).prop_map(Msg::Scroll),
        4 => console_response(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        (w, h) in (0u16..220, 0u16..80),
        read_only in any::<bool>(),
        msgs in prop::collection::vec(msg(), 0..40),
    ) {
        let (mut model, effects) = connected(Options { read_only, ..Default::default() }, (w, h));
        let req = list_req(&effects);
        let _ = update(&mut model, Msg::Response { req, response: Response::ListIdentityPools(Ok((summaries(0..50), None))) });
        let _ = update(&mut model, Msg::Tick(NOW));
        for msg in msgs {
            let _ = update(&mut model, msg);
            let text = render(&model);
            prop_assert_eq!(text.lines().count(), usize::from(model.size.1));
            // The selection is always a row that is shown (or 0 when none is).
            let pools = &model.pools;
            prop_assert!(pools.list.selected < pools.list.shown.len().max(1), "pools: {} of {}", pools.list.selected, pools.list.shown.len());
            let ids = &model.identities;
            prop_assert!(ids.list.selected < ids.list.shown.len().max(1), "identities: {} of {}", ids.list.selected, ids.list.shown.len());
            prop_assert!(ids.list.shown.iter().all(|&i| i < ids.list.rows.len()));
            prop_assert_eq!(ids.marked, ids.list.rows.iter().filter(|r| r.marked).count());
        }
    }
}

fn wizard_action() -> impl Strategy<Value = Msg> {
    prop_oneof![
        Just(WizAction::NextStep),
        Just(WizAction::PrevStep),
        Just(WizAction::FocusNext),
        Just(WizAction::FocusPrev),
        Just(WizAction::Toggle),
        Just(WizAction::ChooseNext),
        Just(WizAction::ChoosePrev),
        Just(WizAction::Open),
        Just(WizAction::Submit),
        Just(WizAction::Back),
        Just(WizAction::Create),
        Just(WizAction::Edit),
        Just(WizAction::ViewPolicy),
        Just(WizAction::DeleteRow),
        Just(WizAction::MoveRowUp),
        Just(WizAction::MoveRowDown),
        Just(WizAction::Undo),
        Just(WizAction::Keep),
        Just(WizAction::Retry),
        Just(WizAction::Up),
        Just(WizAction::Down),
        Just(WizAction::PageUp),
        Just(WizAction::PageDown),
    ]
    .prop_map(Msg::from)
}

fn wizard_response() -> impl Strategy<Value = Msg> {
    prop_oneof![
        2 => (0u64..60, any::<bool>()).prop_map(|(req, ok)| Response::CreateRole(if ok { Ok(format!("arn:aws:iam::123456789012:role/r{req}")) } else { Err(fails()) })),
        1 => (0u64..60).prop_map(|req| Response::CreateIdentityPool(Ok(described(req as usize % 7)))),
        1 => any::<bool>().prop_map(|ok| Response::PutRolePolicy(if ok { Ok(()) } else { Err(fails()) })),
        1 => any::<bool>().prop_map(|ok| Response::SetIdentityPoolRoles(if ok { Ok(()) } else { Err(fails()) })),
        1 => any::<bool>().prop_map(|ok| Response::DeleteRole(if ok { Ok(()) } else { Err(fails()) })),
        1 => any::<bool>().prop_map(|ok| Response::DeleteIdentityPool(if ok { Ok(()) } else { Err(fails()) })),
        1 => (0u64..60, any::<bool>()).prop_map(|(req, more)| Response::ListUserPools(Ok((vec![(format!("us-east-1_P{req}"), "p".into())], more.then(|| "t".into()))))),
        1 => (0u64..60, any::<bool>()).prop_map(|(req, more)| Response::ListUserPoolClients(Ok((vec![(format!("client{req}"), "c".into())], more.then(|| "t".into()))))),
        1 => Just(Response::ListRoles(Ok((vec![app_support::wizard::existing_role("r")], None)))),
        1 => Just(Response::ListSamlProviders(Ok(vec!["arn:aws:iam::1:saml-provider/x".into()]))),
        1 => Just(Response::ListOpenIdConnectProviders(Err(fails()))),
    ]
    .prop_flat_map(|response| (0u64..60).prop_map(move |req| Msg::Response { req, response: response.clone() }))
}

fn wizard_msg() -> impl Strategy<Value = Msg> {
    prop_oneof![
        6 => wizard_action(),
        2 => any::<char>().prop_map(|c| Msg::Input(InputRequest::InsertChar(c))),
        1 => (0u16..300, 0u16..120).prop_map(|(w, h)| Msg::Resize(w, h)),
        2 => (0u16..220, 0u16..80).prop_map(|(x, y)| Msg::Click(x, y)),
        1 => (-9i16..9).prop_map(Msg::Scroll),
        1 => Just(PoolAction::New).prop_map(Msg::from),
        4 => wizard_response(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_wizard_input_never_panics(
        (w, h) in (0u16..220, 0u16..80),
        filled in any::<bool>(),
        msgs in prop::collection::vec(wizard_msg(), 0..60),
    ) {
        let draft = app_support::wizard::user_pool_draft("p", "a", "g", app_support::wizard::existing_role("partner"));
        let mut model = if filled {
            app_support::wizard::on_review(draft, (w, h))
        } else {
            app_support::wizard::open_wizard((w, h)).0
        };
        for msg in msgs {
            let _ = update(&mut model, msg);
            let text = render(&model);
            prop_assert_eq!(text.lines().count(), usize::from(model.size.1));
        }
    }
}

/// The operations the sandbox serves, and some it does not.
const TARGETS: &[&str] = &[
    "AWSCognitoIdentityService.CreateIdentityPool",
    "AWSCognitoIdentityService.DescribeIdentityPool",
    "AWSCognitoIdentityService.ListIdentityPools",
    "AWSCognitoIdentityService.UpdateIdentityPool",
    "AWSCognitoIdentityService.DeleteIdentityPool",
    "AWSCognitoIdentityService.TagResource",
    "AWSCognitoIdentityService.UntagResource",
    "AWSCognitoIdentityService.ListTagsForResource",
    "AWSCognitoIdentityService.GetId",
    "AWSCognitoIdentityService.GetCredentialsForIdentity",
    "AWSCognitoIdentityService.ListIdentities",
    "AWSCognitoIdentityService.DeleteIdentities",
    "AWSCognitoIdentityService.SetIdentityPoolRoles",
    "AWSCognitoIdentityService.SetPrincipalTagAttributeMap",
    "AWSCognitoIdentityProviderService.CreateUserPool",
    "AWSCognitoIdentityProviderService.CreateUserPoolClient",
    "AWSCognitoIdentityProviderService.AdminCreateUser",
    "AWSCognitoIdentityProviderService.InitiateAuth",
    "AWSCognitoIdentityProviderService.RespondToAuthChallenge",
    "AWSCognitoIdentityService.",
    "Nope.Nothing",
    "",
];

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>().prop_map(|n| serde_json::json!(n)),
        ".{0,80}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("IdentityPoolId".to_string()),
                    Just("IdentityPoolName".to_string()),
                    Just("AllowUnauthenticatedIdentities".to_string()),
                    Just("MaxResults".to_string()),
                    Just("NextToken".to_string()),
                    Just("CognitoIdentityProviders".to_string()),
                    Just("SupportedLoginProviders".to_string()),
                    Just("IdentityPoolTags".to_string()),
                    Just("ResourceArn".to_string()),
                    Just("Tags".to_string()),
                    Just("TagKeys".to_string()),
                    "[A-Za-z]{1,12}",
                ],
                inner,
                0..6,
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Query-protocol bodies (IAM, STS) with known actions and random parameters.
fn form() -> impl Strategy<Value = Vec<u8>> {
    let action = prop::sample::select(vec![
        "CreateRole",
        "GetRole",
        "ListRoles",
        "DeleteRole",
        "PutRolePolicy",
        "GetRolePolicy",
        "AttachRolePolicy",
        "UpdateAssumeRolePolicy",
        "CreateOpenIDConnectProvider",
        "CreateSAMLProvider",
        "GetCallerIdentity",
        "Nope",
    ]);
    let param = prop::sample::select(vec![
        "RoleName",
        "AssumeRolePolicyDocument",
        "PolicyDocument",
        "PolicyName",
        "PolicyArn",
        "MaxItems",
        "Marker",
        "Url",
        "ClientIDList.member.1",
        "Name",
        "SAMLMetadataDocument",
        "Tags.member.1.Key",
        "Path",
    ]);
    (action, prop::collection::vec((param, ".{0,40}"), 0..5)).prop_map(|(action, params)| {
        let mut body =
            form_urlencoded::Serializer::new(format!("Action={action}&Version=2010-05-08"));
        for (k, v) in params {
            body.append_pair(k, &v);
        }
        body.finish().into_bytes()
    })
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        form(),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..200),
    ]
}

/// Sends one raw request; the HTTP status.
/// The services a request may be signed for (None: unsigned).
const SCOPES: &[Option<&str>] = &[
    None,
    Some("cognito-identity"),
    Some("cognito-idp"),
    Some("iam"),
    Some("sts"),
];

fn post_status(addr: std::net::SocketAddr, target: &str, scope: Option<&str>, body: &[u8]) -> u16 {
    post(addr, target, scope, body).0
}

/// Sends one raw request; the HTTP status and the body.
fn post(
    addr: std::net::SocketAddr,
    target: &str,
    scope: Option<&str>,
    body: &[u8],
) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect: {e}"));
    let mut head = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !target.is_empty() {
        head.push_str(&format!("X-Amz-Target: {target}\r\n"));
    }
    if let Some(service) = scope {
        head.push_str(&format!(
            "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261123/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0\r\n"
        ));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

/// The error code an error answer names: JSON's `__type` (after any `#`), or XML's `<Code>`.
fn error_code(body: &str) -> Option<String> {
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(body) {
        let kind = value.get("__type")?.as_str()?;
        return Some(kind.rsplit('#').next().unwrap_or(kind).to_string());
    }
    let (_, rest) = body.split_once("<Code>")?;
    rest.split_once("</Code>").map(|(code, _)| code.to_string())
}

#[test]
fn random_requests_never_get_a_5xx_or_crash_the_sandbox() {
    let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|e| panic!("{e}"));
    let sandbox = runtime
        .block_on(cognito_tui::sandbox::start(
            cognito_tui::sandbox::SandboxOptions {
                seed: cognito_tui::sandbox::Seed::Demo,
                ..Default::default()
            },
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    let addr = sandbox.addr;
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 400,
        ..ProptestConfig::default()
    });
    let strategy = (
        prop::sample::select(TARGETS),
        prop::sample::select(SCOPES),
        body(),
    );
    let result = runner.run(&strategy, |(target, scope, body)| {
        let (status, answer) = post(addr, target, scope, &body);
        prop_assert!((200..500).contains(&status), "{target} answered {status}");
        // Every refusal names its error, as the services' do.
        if status >= 400 {
            prop_assert!(
                error_code(&answer).is_some(),
                "{target} answered {status} without a code: {answer}"
            );
        }
        // Where the answer is known exactly: a body that is not JSON, signed for the operation's
        // own service, is a 400 SerializationException.
        let own_scope = match scope {
            Some("cognito-identity") => target
                .strip_prefix("AWSCognitoIdentityService.")
                .is_some_and(|op| !op.is_empty()),
            Some("cognito-idp") => target.starts_with("AWSCognitoIdentityProviderService."),
            _ => false,
        };
        if own_scope && serde_json::from_slice::<serde_json::Value>(&body).is_err() {
            prop_assert_eq!(status, 400, "{} answered {}: {}", target, status, answer);
            let code = error_code(&answer);
            prop_assert_eq!(
                code.as_deref(),
                Some("SerializationException"),
                "{}: {}",
                target,
                answer
            );
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // Still serving after all that.
    let status = post_status(
        addr,
        "AWSCognitoIdentityService.ListIdentityPools",
        Some("cognito-identity"),
        br#"{"MaxResults":60}"#,
    );
    assert_eq!(status, 200);
}
