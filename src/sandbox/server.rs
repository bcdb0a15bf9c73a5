//! The HTTP front: one POST endpoint, routed by `X-Amz-Target`.

use axum::Router;
use axum::body::Bytes;
use axum::extract::Path;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use std::sync::Arc;

use super::faults::{Dialect, FaultInjector, FaultsJson};
use super::iam;
use super::identity;
use super::input::parse_body;
use super::protocol::{RequestContext, ServiceError, json_error, json_ok};
use super::query::{QueryInput, xml_error, xml_ok};
use super::store::Store;
use super::sts;
use super::userpools;

/// What every request handler shares.
struct Shared {
    store: Arc<Store>,
    faults: Arc<FaultInjector>,
}

/// The router serving every sandbox service on `/`.
pub fn router(store: Arc<Store>, faults: Arc<FaultInjector>) -> Router {
    Router::new()
        .route("/", post(handle))
        .route("/{pool_id}/.well-known/jwks.json", get(jwks))
        .route("/_sandbox/faults", get(get_faults).post(set_faults))
        .fallback(not_a_service_path)
        .with_state(Arc::new(Shared { store, faults }))
}

async fn not_a_service_path(headers: HeaderMap) -> Response {
    let ctx = RequestContext::from_headers(&headers);
    let error = ServiceError {
        status: 404,
        code: "UnknownOperationException",
        message: "The sandbox serves the AWS APIs with POST /.".into(),
    };
    json_error(&ctx.request_id, &error)
}

async fn handle(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    let ctx = RequestContext::from_headers(&headers);
    let target = headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    // Query services (IAM, STS) have no target: they are told apart by the credential scope.
    if target.is_empty() && matches!(ctx.signed_service.as_deref(), Some("iam")) {
        return query_service(&shared, &ctx, &body).await;
    }
    // Unsigned AssumeRoleWithWebIdentity has no scope: it is recognised by its Action.
    let unsigned_sts = ctx.signed_service.is_none()
        && QueryInput::parse(&body).action() == Some("AssumeRoleWithWebIdentity");
    if target.is_empty() && (matches!(ctx.signed_service.as_deref(), Some("sts")) || unsigned_sts) {
        return sts_service(&shared, &ctx, &body).await;
    }
    // Any other Query action must be signed, as IAM and STS require.
    if target.is_empty()
        && ctx.signed_service.is_none()
        && QueryInput::parse(&body).action().is_some()
    {
        let error = ServiceError {
            status: 403,
            code: "MissingAuthenticationToken",
            message: "Request is missing Authentication Token".into(),
        };
        return xml_error(iam::NAMESPACE, &error, &ctx.request_id);
    }
    let result = match target.split_once('.') {
        Some((identity::TARGET_PREFIX, operation)) => {
            let refused = shared.faults.region_refusal(
                ctx.signed_region.as_deref(),
                "cognito-identity",
                operation,
            );
            match refused.and(shared.faults.before(operation, Dialect::Cognito).await) {
                Ok(()) => parse_body(&body).and_then(|input| {
                    identity::handle(
                        &shared.store,
                        &ctx,
                        operation,
                        input,
                        &shared.faults.faults(),
                    )
                }),
                Err(fault) => Err(fault),
            }
        }
        Some((userpools::TARGET_PREFIX, operation)) => {
            let refused = shared.faults.region_refusal(
                ctx.signed_region.as_deref(),
                "cognito-idp",
                operation,
            );
            match refused.and(shared.faults.before(operation, Dialect::Cognito).await) {
                Ok(()) => parse_body(&body)
                    .and_then(|input| userpools::handle(&shared.store, &ctx, operation, input)),
                Err(fault) => Err(fault),
            }
        }
        _ => Err(identity::unknown_operation(if target.is_empty() {
            "(none)"
        } else {
            target
        })),
    };
    match result {
        Ok(value) => {
            tracing::debug!(target, request_id = %ctx.request_id, "ok");
            json_ok(&ctx.request_id, &value)
        }
        Err(error) => {
            tracing::debug!(target, request_id = %ctx.request_id, code = error.code, "error");
            json_error(&ctx.request_id, &error)
        }
    }
}

/// IAM over the Query protocol.
async fn query_service(shared: &Shared, ctx: &RequestContext, body: &[u8]) -> Response {
    let input = QueryInput::parse(body);
    let action = input.action().unwrap_or_default().to_string();
    let result = match shared.faults.before(&action, Dialect::Iam).await {
        Ok(()) if action.is_empty() => Err(ServiceError::client("MissingAction", "Missing Action")),
        Ok(()) => shared.store.write_if(iam::is_write(&action), |state| {
            iam::handle(&mut state.iam, &action, input)
        }),
        Err(fault) => Err(fault),
    };
    match result {
        Ok(inner) => xml_ok(iam::NAMESPACE, &action, inner.as_deref(), &ctx.request_id),
        Err(error) => xml_error(iam::NAMESPACE, &error, &ctx.request_id),
    }
}

/// A user pool's JSON Web Key Set, where verifiers of its tokens find its public key.
async fn jwks(State(shared): State<Arc<Shared>>, Path(pool_id): Path<String>) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    match shared
        .store
        .write(|state| userpools::jwks(&mut state.user_pools, &pool_id))
    {
        Ok(keys) => {
            let mut response = json_ok(&request_id, &keys);
            response.headers_mut().insert(
                "content-type",
                axum::http::HeaderValue::from_static("application/json"),
            );
            response
        }
        Err(error) => json_error(&request_id, &error),
    }
}

/// STS over the Query protocol.
async fn sts_service(shared: &Shared, ctx: &RequestContext, body: &[u8]) -> Response {
    let input = QueryInput::parse(body);
    let action = input.action().unwrap_or_default().to_string();
    let result = match shared.faults.before(&action, Dialect::Sts).await {
        Ok(()) => shared
            .store
            .write_if(action != "GetCallerIdentity", |state| {
                sts::handle(state, ctx, &action, input)
            }),
        Err(fault) => Err(fault),
    };
    match result {
        Ok(inner) => xml_ok(sts::NAMESPACE, &action, Some(&inner), &ctx.request_id),
        Err(error) => xml_error(sts::NAMESPACE, &error, &ctx.request_id),
    }
}

/// The faults in force, as JSON.
async fn get_faults(State(shared): State<Arc<Shared>>) -> Response {
    let body = serde_json::to_value(FaultsJson::from(&shared.faults.faults())).unwrap_or_default();
    let mut response = json_ok(&uuid::Uuid::new_v4().to_string(), &body);
    response.headers_mut().insert(
        "content-type",
        axum::http::HeaderValue::from_static("application/json"),
    );
    response
}

/// Replaces the faults while the sandbox serves: `{"latency_ms": 40, "fault_rate": 0.1, …}`.
async fn set_faults(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    let parsed = serde_json::from_slice::<FaultsJson>(&body)
        .map_err(|e| e.to_string())
        .and_then(|json| json.to_faults());
    match parsed {
        Ok(faults) => {
            shared.faults.set(faults);
            tracing::info!("faults changed");
            get_faults(State(shared)).await
        }
        Err(message) => json_error(
            &request_id,
            &ServiceError::client("InvalidParameterException", message),
        ),
    }
}
