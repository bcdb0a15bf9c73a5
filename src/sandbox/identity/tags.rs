//! TagResource, UntagResource, ListTagsForResource, and the tag rules CreateIdentityPool shares.

use serde_json::{Value, json};

use crate::domain::limits::{self, MAX_TAGS};
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::store::{SANDBOX_ACCOUNT, State, StoredPool};

/// Tag rules beyond the model's lengths: at most 50 per pool, no `aws:` keys.
pub fn check_tags<'a>(
    mut keys: impl Iterator<Item = (&'a String, &'a String)>,
    total: usize,
) -> Result<(), ServiceError> {
    if total > MAX_TAGS {
        return Err(ServiceError::invalid_parameter(format!(
            "An identity pool can have at most {MAX_TAGS} tags; this request would leave it with {total}."
        )));
    }
    if let Some((key, _)) = keys.find(|(k, _)| k.to_ascii_lowercase().starts_with("aws:")) {
        return Err(ServiceError::invalid_parameter(format!(
            "Tag key '{key}' is not allowed: the aws: prefix is reserved for AWS use."
        )));
    }
    Ok(())
}

/// The pool id an ARN names: `arn:aws:cognito-identity:<region>:<account>:identitypool/<id>`.
fn pool_id_of<'a>(region: &str, arn: &'a str) -> Result<&'a str, ServiceError> {
    let prefix = format!("arn:aws:cognito-identity:{region}:{SANDBOX_ACCOUNT}:identitypool/");
    arn.strip_prefix(&prefix).ok_or_else(|| {
        ServiceError::invalid_parameter(format!(
            "Invalid ResourceArn: {arn} (expected {prefix}<identity pool id>)."
        ))
    })
}

fn not_found(id: &str) -> ServiceError {
    ServiceError::not_found(format!("IdentityPool '{id}' not found."))
}

fn pool_by_arn<'a>(
    state: &'a mut State,
    region: &str,
    arn: &str,
) -> Result<&'a mut StoredPool, ServiceError> {
    let id = pool_id_of(region, arn)?;
    state.pool_mut(region, id).ok_or_else(|| not_found(id))
}

fn resource_arn(input: &mut Input) -> Option<String> {
    input.string("ResourceArn", &limits::RESOURCE_ARN, true)
}

/// TagResource: merges the tags into the pool's.
pub fn tag(state: &mut State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let arn = resource_arn(&mut input);
    let tags = input.string_map("Tags", None, &limits::TAG_KEY, &limits::TAG_VALUE, true);
    input.finish()?;
    let tags = tags.unwrap_or_default();
    let stored = pool_by_arn(state, region, &arn.unwrap_or_default())?;
    let current = &stored.pool.identity_pool_tags;
    let total = current.len() + tags.keys().filter(|k| !current.contains_key(*k)).count();
    check_tags(tags.iter(), total)?;
    stored.pool.identity_pool_tags.extend(tags);
    Ok(json!({}))
}

/// UntagResource: removes the named keys (unknown keys are ignored).
pub fn untag(state: &mut State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let arn = resource_arn(&mut input);
    let keys = input.string_list("TagKeys", &limits::TAG_KEY, (0, None), true);
    input.finish()?;
    let stored = pool_by_arn(state, region, &arn.unwrap_or_default())?;
    for key in keys.unwrap_or_default() {
        stored.pool.identity_pool_tags.remove(&key);
    }
    Ok(json!({}))
}

/// ListTagsForResource.
pub fn list(state: &State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let arn = resource_arn(&mut input).unwrap_or_default();
    input.finish()?;
    let id = pool_id_of(region, &arn)?;
    let stored = state.pool(region, id).ok_or_else(|| not_found(id))?;
    Ok(json!({ "Tags": stored.pool.identity_pool_tags }))
}
