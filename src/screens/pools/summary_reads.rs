//! What the open pool's summary reads besides DescribeIdentityPool: GetIdentityPoolRoles, and
//! GetPrincipalTagAttributeMap for every provider once the describe names them (all at once).

use super::state::SummaryTags;
use super::update::Cx;
use crate::app::{AwsError, Effect, Event, RequestId};
use crate::domain::IdentityPool;
use crate::domain::roles::{PoolRoles, PrincipalTagMap};

/// GetIdentityPoolRoles for the summary.
pub(super) fn load_roles(cx: &mut Cx, pool_id: String) -> Vec<Effect> {
    let req = cx.start_request("GetIdentityPoolRoles", false);
    cx.state.summary_roles = Some((req, None));
    vec![Effect::GetIdentityPoolRoles { req, pool_id }]
}

/// GetIdentityPoolRoles answered.
pub(super) fn on_roles(cx: &mut Cx, req: RequestId, result: Result<PoolRoles, AwsError>) {
    if !matches!(&cx.state.summary_roles, Some((awaited, _)) if *awaited == req) {
        return;
    }
    if let Err(error) = &result
        && !error.is_not_found()
    {
        cx.emit(Event::Record {
            operation: "GetIdentityPoolRoles".into(),
            error: error.clone(),
        });
    }
    cx.state.summary_roles = Some((req, result.err()));
}

/// GetPrincipalTagAttributeMap for each of the described pool's providers (replacing any read
/// still on its way).
pub(super) fn load_tags(cx: &mut Cx, pool: &IdentityPool) -> Vec<Effect> {
    if let Some(old) = cx.state.summary_tags.take() {
        for req in old.pending.keys() {
            cx.finish_request(*req);
        }
    }
    let mut tags = SummaryTags {
        pool_id: pool.identity_pool_id.clone(),
        ..Default::default()
    };
    let mut effects = Vec::new();
    for provider in pool.tag_providers() {
        let req = cx.start_request("GetPrincipalTagAttributeMap", false);
        tags.pending.insert(req, provider.clone());
        effects.push(Effect::GetPrincipalTagAttributeMap {
            req,
            pool_id: pool.identity_pool_id.clone(),
            provider,
        });
    }
    cx.state.summary_tags = Some(tags);
    effects
}

/// GetPrincipalTagAttributeMap answered.
pub(super) fn on_tags(cx: &mut Cx, req: RequestId, result: Result<PrincipalTagMap, AwsError>) {
    let Some(tags) = cx.state.summary_tags.as_mut() else {
        return;
    };
    let Some(provider) = tags.pending.remove(&req) else {
        return;
    };
    if let Err(error) = result {
        cx.emit(Event::Record {
            operation: "GetPrincipalTagAttributeMap".into(),
            error: error.clone(),
        });
        if let Some(tags) = cx.state.summary_tags.as_mut() {
            tags.failed.insert(provider, error);
        }
    }
}
