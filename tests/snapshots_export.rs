//! The export view as text at a fixed size: CloudFormation with roles as parameters, Terraform
//! with the roles included, the read in flight, a refused read, and the file prompt after the
//! file turned out to exist. The Twitter secret of the pool is never drawn.

mod app_support;

use app_support::access::every_kind;
use app_support::*;
use cognito_tui::app::{AwsError, Effect, FileError, Response};
use cognito_tui::console::{Model, Msg};
use cognito_tui::export::{ExportedRole, PoolExport};
use cognito_tui::screens::export::{Action as Ex, Read};
use cognito_tui::screens::pools;
use insta::assert_snapshot;

const SIZE: (u16, u16) = (120, 34);

fn read_req(effects: &[Effect]) -> (u64, bool) {
    match effects {
        [
            Effect::ReadExport {
                req, include_roles, ..
            },
        ] => (*req, *include_roles),
        other => panic!("one ReadExport: {other:?}"),
    }
}

/// The view opened with `x` on pool 0, its read not answered yet.
fn opened() -> (Model, u64) {
    let mut model = loaded(1, SIZE);
    let effects = act(&mut model, pools::Action::Export);
    let (req, roles) = read_req(&effects);
    assert!(!roles, "roles are left out at first");
    (model, req)
}

fn export(roles: bool) -> PoolExport {
    let mut config = every_kind();
    config.pool.identity_pool_id = pool_id(0);
    PoolExport {
        config,
        roles: roles.then(|| {
            vec![ExportedRole {
                arn: "arn:aws:iam::123456789012:role/orders-app-auth".into(),
                name: "orders-app-auth".into(),
                trust_policy: cognito_tui::domain::policy::cognito_trust_policy(
                    &pool_id(0),
                    cognito_tui::domain::policy::Audience::Authenticated,
                    true,
                ),
                inline: vec![("read".into(), r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#.into())],
                attached: vec![],
            }]
        }),
    }
}

fn answered(model: &mut Model, req: u64, roles: bool) {
    let effects = cognito_tui::console::update(
        model,
        Msg::Response {
            req,
            response: Response::Export(Ok(Box::new(export(roles)))),
        },
    );
    assert!(effects.is_empty(), "{effects:?}");
}

fn drawn(model: &Model) -> String {
    let text = render(model);
    assert!(
        !text.contains("kAcSOqF21Fu85e7zjz7ZN2U4"),
        "the Twitter secret is drawn:\n{text}"
    );
    text
}

#[test]
fn cloudformation_with_roles_as_parameters() {
    let (mut model, req) = opened();
    answered(&mut model, req, false);
    let text = drawn(&model);
    assert!(text.contains("TwitterConsumerSecret"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn terraform_with_the_roles_included_scrolled_down() {
    let (mut model, req) = opened();
    answered(&mut model, req, false);
    let _ = act(&mut model, Ex::NextFormat);
    let (req, roles) = read_req(&act(&mut model, Ex::ToggleRoles));
    assert!(roles);
    answered(&mut model, req, true);
    let _ = act(&mut model, Ex::PageDown);
    assert_snapshot!(drawn(&model));
}

#[test]
fn the_read_in_flight_and_a_refused_read() {
    let (mut model, req) = opened();
    let reading = drawn(&model);
    assert!(reading.contains("Reading the pool"), "{reading}");
    let _ = cognito_tui::console::update(
        &mut model,
        Msg::Response {
            req,
            response: Response::Export(Err(AwsError {
                request_id: Some("0f3c-req".into()),
                ..AwsError::service(
                    "AccessDeniedException",
                    "User is not authorized to perform: cognito-identity:DescribeIdentityPool",
                )
            })),
        },
    );
    let view = model
        .export
        .view
        .as_deref()
        .unwrap_or_else(|| panic!("open"));
    assert!(matches!(view.read, Read::Failed(_)));
    assert!(
        model.errors.iter().any(|e| e.operation == "Export"),
        "kept for :errors"
    );
    assert_snapshot!(format!("{reading}\n{}", drawn(&model)));
}

#[test]
fn the_file_prompt_asks_before_replacing() {
    let (mut model, req) = opened();
    answered(&mut model, req, false);
    let _ = act(&mut model, Ex::Write);
    let effects = act(&mut model, Ex::Submit);
    let [
        Effect::WriteFile {
            req, path, replace, ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert!(!replace, "a first ⏎ never replaces");
    assert_eq!(path.to_string_lossy(), "pool-000-identity-pool.yaml");
    let _ = cognito_tui::console::update(
        &mut model,
        Msg::Response {
            req: *req,
            response: Response::FileWritten(Err(FileError {
                exists: true,
                message: "exists".into(),
            })),
        },
    );
    let text = drawn(&model);
    assert!(text.contains("exists: ⏎ replaces it"), "{text}");
    let effects = act(&mut model, Ex::Submit);
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::WriteFile { replace: true, .. }]
        ),
        "the second ⏎ replaces: {effects:?}"
    );
    assert_snapshot!(text);
}
