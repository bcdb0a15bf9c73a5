//! What the Role settings simulator predicts for a test run (the same `domain::simulation` the
//! Role settings tab and the sandbox's GetCredentialsForIdentity use), whether the service agreed,
//! and — when the service refused the role — what the trust check finds in that role's policy.

use serde_json::Value;

use super::state::{Done, Mode, Panel};
use crate::app::test_access::Trial;
use crate::domain::config::PoolConfig;
use crate::domain::policy::Audience;
use crate::domain::resolution::Refusal;
use crate::domain::simulation::{Login, RoleTrust, SessionTag, Simulation, simulate};
use crate::domain::trust_check::{Target, diagnose};
use crate::store::{Fetch, Store};

/// The simulator's answer for a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// The role, or the refusal.
    pub outcome: Result<String, Refusal>,
    /// Why, in words: the resolution's reason and each rule tried.
    pub why: Vec<String>,
    /// The principal tags the session carries.
    pub tags: Vec<SessionTag>,
}

/// The claims the run's token carried (an empty set when it had none, or was no JWT).
pub fn claims_of(trial: &Trial) -> Value {
    let claims = match trial {
        Trial::Issued(access) => access.claims.clone(),
        Trial::Refused(refused) => refused.claims.clone(),
        Trial::NewPasswordRequired { .. } => None,
    };
    claims.unwrap_or_else(|| Value::Object(Default::default()))
}

/// The prediction for a finished run, or None when the run never reached Cognito Identity.
pub fn predict(store: &Store, config: &PoolConfig, done: &Done) -> Option<Prediction> {
    let trust_of = |arn: &str| store.trust_of(arn);
    if matches!(done.trial, Trial::NewPasswordRequired { .. }) {
        return None;
    }
    let simulation: Simulation = match (done.mode, &done.provider) {
        (Mode::Guest, _) => simulate(config, &Login::Guest, &Value::Null, trust_of),
        (Mode::Developer, _) => {
            // Developer identities get the default authenticated role: role mappings are keyed
            // by the providers whose tokens carry claims, and a developer provider is none of them.
            let outcome = config
                .roles
                .roles
                .get("authenticated")
                .cloned()
                .ok_or_else(Refusal::bad_configuration);
            return Some(Prediction {
                why: vec![
                    "Developer identities get the default authenticated role (role mappings apply to providers' tokens).".into(),
                ],
                outcome,
                tags: Vec::new(),
            });
        }
        (Mode::User | Mode::Token, Some(provider)) => simulate(
            config,
            &Login::Provider(provider.clone()),
            &claims_of(&done.trial),
            trust_of,
        ),
        (Mode::User | Mode::Token, None) => return None,
    };
    let mut why = Vec::new();
    if let Some(resolution) = &simulation.resolution {
        why.push(resolution.reason.clone());
        for (i, step) in resolution.steps.iter().enumerate() {
            let mark = if step.matched { "✓" } else { "·" };
            why.push(format!("rule {}: {mark} {}", i + 1, step.why));
        }
    }
    Some(Prediction {
        outcome: simulation.outcome().map(String::from),
        why,
        tags: simulation.tags,
    })
}

/// Whether the service did what the simulator predicted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Agreement {
    /// It did.
    Agrees,
    /// It did not: what each said.
    Differs(String),
}

fn role_name(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

/// Compares the run with the prediction; None when the run stopped before Cognito Identity
/// (a sign-in refused by the user pool says nothing about roles).
pub fn compare(prediction: &Prediction, trial: &Trial) -> Option<Agreement> {
    const IDENTITY_CALLS: [&str; 3] = [
        "GetId",
        "GetCredentialsForIdentity",
        "GetOpenIdTokenForDeveloperIdentity",
    ];
    let agreement = match (trial, &prediction.outcome) {
        (Trial::Issued(access), Ok(predicted)) => match &access.role_arn {
            Some(got) if got == predicted => Agreement::Agrees,
            got => Agreement::Differs(format!(
                "The service handed out {}; the simulator predicted {}.",
                got.as_deref()
                    .map_or("a role not named in the caller's ARN", role_name),
                role_name(predicted)
            )),
        },
        (Trial::Issued(access), Err(refusal)) => Agreement::Differs(format!(
            "The service handed out {}; the simulator predicted a refusal ({}).",
            access.role_arn.as_deref().map_or("credentials", role_name),
            refusal.code
        )),
        (Trial::Refused(refused), predicted) if IDENTITY_CALLS.contains(&refused.call) => {
            let code = refused.error.code.as_deref().unwrap_or("an error");
            match predicted {
                Err(refusal) if refusal.code == code => Agreement::Agrees,
                Err(refusal) => Agreement::Differs(format!(
                    "The service refused with {code}; the simulator predicted {}.",
                    refusal.code
                )),
                Ok(role) => Agreement::Differs(format!(
                    "The service refused with {code}; the simulator predicted {}.",
                    role_name(role)
                )),
            }
        }
        _ => return None,
    };
    Some(agreement)
}

/// The roles whose trust policies the prediction needs (the pool's default roles and every
/// role its mappings can choose), and the role the service handed out.
pub fn roles_to_read(config: &PoolConfig, trial: Option<&Trial>) -> Vec<String> {
    let mut arns: Vec<String> = config.roles.roles.values().cloned().collect();
    for mapping in config.roles.role_mappings.values() {
        let rules = mapping.rules_configuration.iter().flat_map(|c| &c.rules);
        arns.extend(rules.map(|r| r.role_arn.clone()));
    }
    if let Some(Trial::Issued(access)) = trial
        && let Some(arn) = &access.role_arn
    {
        arns.push(arn.clone());
    }
    arns.sort();
    arns.dedup();
    arns
}

/// For InvalidIdentityPoolConfigurationException: what the trust check finds in the role the
/// simulator chose (or why it can't say).
pub fn trust_finding(
    panel: &Panel,
    store: &Store,
    config: &PoolConfig,
    done: &Done,
) -> Option<Vec<String>> {
    let Trial::Refused(refused) = &done.trial else {
        return None;
    };
    if refused.error.code.as_deref() != Some("InvalidIdentityPoolConfigurationException") {
        return None;
    }
    // The role the resolution chose, before any trust judgement.
    let role = match (done.mode, &done.provider) {
        (Mode::Guest, _) => config.roles.roles.get("unauthenticated").cloned(),
        (Mode::Developer, _) => config.roles.roles.get("authenticated").cloned(),
        (_, Some(provider)) => simulate(
            config,
            &Login::Provider(provider.clone()),
            &claims_of(&done.trial),
            |_| RoleTrust::Unknown,
        )
        .role
        .ok(),
        (_, None) => None,
    };
    let Some(role) = role else {
        return Some(vec![
            "No role applies to this identity: the pool has no default role for it.".into(),
        ]);
    };
    let name = role_name(&role).to_string();
    Some(match store.role(&name).map(|f| &f.role) {
        Some(Fetch::Got(read)) => {
            let audience = if done.mode == Mode::Guest {
                Audience::Guest
            } else {
                Audience::Authenticated
            };
            let tagged = done.provider.as_ref().is_some_and(|p| {
                config
                    .principal_tags
                    .get(&p.tag_provider())
                    .is_some_and(|t| t.use_defaults || !t.principal_tags.is_empty())
            });
            let found = diagnose(
                &read.trust_policy,
                audience,
                tagged,
                Target::Pool(&panel.pool_id),
            );
            if found.is_empty() {
                vec![format!(
                    "The trust policy of {name} admits this pool's identities: the refusal has another cause (a permissions boundary or an SCP)."
                )]
            } else {
                found.into_iter().map(|f| format!("{name}: {f}")).collect()
            }
        }
        Some(Fetch::Missing(_)) => vec![format!("The role {name} does not exist in IAM.")],
        Some(Fetch::Denied(why) | Fetch::Failed(why)) => {
            vec![format!(
                "The trust policy of {name} could not be read: {why}"
            )]
        }
        Some(Fetch::Waiting) | None => {
            vec![format!("Reading the trust policy of {name}…")]
        }
    })
}
