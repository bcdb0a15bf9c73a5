//! SetIdentityPoolRoles / GetIdentityPoolRoles and Set/GetPrincipalTagAttributeMap.

use serde_json::{Value, json};

use crate::domain::limits;
use crate::domain::roles::{
    self, MAX_PRINCIPAL_TAGS, MAX_ROLE_MAPPINGS, MAX_RULES, MappingRule, PrincipalTagMap,
    RoleMapping, RulesConfiguration,
};
use crate::sandbox::input::Input;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::store::State;

fn pool_not_found(id: &str) -> ServiceError {
    ServiceError::not_found(format!("IdentityPool '{id}' not found."))
}

fn read_rule(input: &mut Input) -> MappingRule {
    MappingRule {
        claim: input.required("Claim", &roles::CLAIM),
        match_type: input
            .enumerated("MatchType", roles::MATCH_TYPES, true)
            .unwrap_or_default(),
        value: input.required("Value", &roles::RULE_VALUE),
        role_arn: input.required("RoleARN", &roles::ROLE_ARN),
    }
}

fn read_mapping(input: &mut Input) -> RoleMapping {
    RoleMapping {
        mapping_type: input
            .enumerated("Type", roles::MAPPING_TYPES, true)
            .unwrap_or_default(),
        ambiguous_role_resolution: input.enumerated(
            "AmbiguousRoleResolution",
            roles::RESOLUTIONS,
            false,
        ),
        rules_configuration: input.object("RulesConfiguration", false, |rc| {
            rc.require("Rules");
            RulesConfiguration {
                rules: rc
                    .object_list("Rules", (1, Some(400)), read_rule)
                    .unwrap_or_default(),
            }
        }),
    }
}

fn forbidden_role(arn: &str) -> ServiceError {
    ServiceError::client(
        "NotAuthorizedException",
        format!("Access to Role '{arn}' is forbidden."),
    )
}

fn check_mapping(key: &str, mapping: &RoleMapping) -> Result<(), ServiceError> {
    if mapping.ambiguous_role_resolution.is_none() {
        return Err(ServiceError::invalid_parameter(format!(
            "AmbiguousRoleResolution must be specified for the role mapping of {key}."
        )));
    }
    match (mapping.mapping_type.as_str(), &mapping.rules_configuration) {
        ("Rules", None) => Err(ServiceError::invalid_parameter(format!(
            "RulesConfiguration must be specified for the Rules role mapping of {key}."
        ))),
        ("Rules", Some(rules)) if rules.rules.len() > MAX_RULES => {
            Err(ServiceError::invalid_parameter(format!(
                "The role mapping of {key} has {} rules; at most {MAX_RULES} are allowed.",
                rules.rules.len()
            )))
        }
        ("Rules", Some(rules)) => match rules
            .rules
            .iter()
            .find(|r| !roles::is_role_arn(&r.role_arn))
        {
            Some(rule) => Err(forbidden_role(&rule.role_arn)),
            None => Ok(()),
        },
        (_, Some(_)) => Err(ServiceError::invalid_parameter(format!(
            "RulesConfiguration is only allowed for the Rules role mapping type ({key} is Token)."
        ))),
        _ => Ok(()),
    }
}

/// SetIdentityPoolRoles: replaces the pool's roles and role mappings with exactly what was sent.
pub fn set_roles(state: &mut State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let pool_id = input.string("IdentityPoolId", &limits::POOL_ID, true);
    let roles_in = input.string_map("Roles", Some(2), &roles::ROLES_KEY, &roles::ROLE_ARN, true);
    let mappings = input.object_map(
        "RoleMappings",
        Some(MAX_ROLE_MAPPINGS),
        &roles::PROVIDER_KEY,
        false,
        read_mapping,
    );
    input.finish()?;
    let pool_id = pool_id.unwrap_or_default();
    let stored = state
        .pool_mut(region, &pool_id)
        .ok_or_else(|| pool_not_found(&pool_id))?;
    let roles_in = roles_in.unwrap_or_default();
    if let Some(arn) = roles_in.values().find(|arn| !roles::is_role_arn(arn)) {
        return Err(forbidden_role(arn));
    }
    let mappings = mappings.unwrap_or_default();
    let allowed = stored.pool.mapping_keys();
    for (key, mapping) in &mappings {
        if !allowed.contains(key) {
            return Err(ServiceError::invalid_parameter(format!(
                "({key}) is not a valid RoleMapping ProviderName or is not a configured provider."
            )));
        }
        check_mapping(key, mapping)?;
    }
    stored.roles = roles_in;
    stored.role_mappings = mappings;
    Ok(json!({}))
}

/// GetIdentityPoolRoles: `Roles` always (`{}` when none), `RoleMappings` only when there are some.
pub fn get_roles(state: &State, region: &str, mut input: Input) -> Result<Value, ServiceError> {
    let pool_id = input.string("IdentityPoolId", &limits::POOL_ID, true);
    input.finish()?;
    let pool_id = pool_id.unwrap_or_default();
    let stored = state
        .pool(region, &pool_id)
        .ok_or_else(|| pool_not_found(&pool_id))?;
    let mut out = json!({ "IdentityPoolId": pool_id, "Roles": stored.roles });
    if !stored.role_mappings.is_empty() {
        out["RoleMappings"] = serde_json::to_value(&stored.role_mappings).unwrap_or_default();
    }
    Ok(out)
}

fn tag_map_json(pool_id: &str, provider: &str, map: &PrincipalTagMap) -> Value {
    let mut out = json!({
        "IdentityPoolId": pool_id,
        "IdentityProviderName": provider,
        "UseDefaults": map.use_defaults,
    });
    if !map.principal_tags.is_empty() {
        out["PrincipalTags"] = json!(map.principal_tags);
    }
    out
}

fn provider_not_configured(provider: &str) -> ServiceError {
    ServiceError::not_found(format!(
        "Identity provider '{provider}' is not configured on this identity pool."
    ))
}

/// SetPrincipalTagAttributeMap: a configured provider's attributes for access control, echoed back.
pub fn set_principal_tags(
    state: &mut State,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let pool_id = input.string("IdentityPoolId", &limits::POOL_ID, true);
    let provider = input.string("IdentityProviderName", &roles::PROVIDER_KEY, true);
    let use_defaults = input.boolean("UseDefaults", false);
    let tags = input.string_map(
        "PrincipalTags",
        Some(MAX_PRINCIPAL_TAGS),
        &roles::PRINCIPAL_TAG_KEY,
        &roles::PRINCIPAL_TAG_VALUE,
        false,
    );
    input.finish()?;
    let (pool_id, provider) = (pool_id.unwrap_or_default(), provider.unwrap_or_default());
    let stored = state
        .pool_mut(region, &pool_id)
        .ok_or_else(|| pool_not_found(&pool_id))?;
    if !stored.pool.tag_providers().contains(&provider) {
        return Err(provider_not_configured(&provider));
    }
    let map = PrincipalTagMap {
        use_defaults: use_defaults.unwrap_or(false),
        principal_tags: tags.unwrap_or_default(),
    };
    let out = tag_map_json(&pool_id, &provider, &map);
    stored.principal_tags.insert(provider, map);
    Ok(out)
}

/// GetPrincipalTagAttributeMap: a configured but never-mapped provider answers UseDefaults=false.
pub fn get_principal_tags(
    state: &State,
    region: &str,
    mut input: Input,
) -> Result<Value, ServiceError> {
    let pool_id = input.string("IdentityPoolId", &limits::POOL_ID, true);
    let provider = input.string("IdentityProviderName", &roles::PROVIDER_KEY, true);
    input.finish()?;
    let (pool_id, provider) = (pool_id.unwrap_or_default(), provider.unwrap_or_default());
    let stored = state
        .pool(region, &pool_id)
        .ok_or_else(|| pool_not_found(&pool_id))?;
    if !stored.pool.tag_providers().contains(&provider) {
        return Err(provider_not_configured(&provider));
    }
    let map = stored
        .principal_tags
        .get(&provider)
        .cloned()
        .unwrap_or_default();
    Ok(tag_map_json(&pool_id, &provider, &map))
}
