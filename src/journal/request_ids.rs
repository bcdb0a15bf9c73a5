//! The request ids of the HTTP exchanges one write makes, for its journal entry. The SDK's
//! outputs carry them only one operation type at a time; an interceptor on every client reads the
//! `x-amzn-RequestId` header of each response instead, into a slot the runner sets up around the
//! call (a task-local, so calls running side by side never mix their ids).

use std::cell::RefCell;

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeDeserializationInterceptorContextRef;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;

tokio::task_local! {
    static SLOT: RefCell<Vec<(String, String)>>;
}

/// The interceptor that records request ids where a slot is set.
#[derive(Debug, Clone, Copy, Default)]
pub struct RecordRequestIds;

impl Intercept for RecordRequestIds {
    fn name(&self) -> &'static str {
        "RecordRequestIds"
    }

    fn read_after_transmit(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let operation = cfg
            .load::<Metadata>()
            .map(|m| m.name().to_string())
            .unwrap_or_default();
        if let Some(id) = context.response().headers().get("x-amzn-requestid") {
            let _ = SLOT.try_with(|ids| ids.borrow_mut().push((operation, id.to_string())));
        }
        Ok(())
    }
}

/// Runs `call` and returns its output with the request ids of its exchanges of `operation`
/// (a write may read first, e.g. STS for the account in a pool's ARN: those are not its own).
pub async fn recording<T>(
    operation: &str,
    call: impl std::future::Future<Output = T>,
) -> (T, Vec<String>) {
    SLOT.scope(RefCell::new(Vec::new()), async move {
        let out = call.await;
        let ids = SLOT.with(|ids| ids.take());
        let own = ids
            .into_iter()
            .filter(|(op, _)| op == operation)
            .map(|(_, id)| id)
            .collect();
        (out, own)
    })
    .await
}
