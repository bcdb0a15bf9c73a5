//! Shared by the User access tests: the console (real update + runner + SDK) on a sandbox with the
//! tab open on a pool, a section edit run through its form and the safe save, and every field of
//! a pool read back with the SDK into one flat map, so a test can say which fields may change.
#![allow(dead_code)]

pub mod tabs;

use cognito_tui::app::Tab;

use cognito_tui::aws::Target;
use cognito_tui::console::{Action, Msg, Options};
use cognito_tui::headless::Headless;
use cognito_tui::sandbox::RunningSandbox;
use cognito_tui::screens::access::{Action as AccessAction, Panel};
use cognito_tui::screens::save::{Phase, Save};
use cognito_tui::wizard::Action as WizAction;
use cognito_tui::wizard::draft::Draft;
use cognito_tui::wizard::scoped::{EditScope, Section};
use std::collections::BTreeMap;
use std::time::Duration;

pub const WAIT: Duration = Duration::from_secs(60);

/// Every field of a pool as the SDK reads it, one entry per field.
pub type Fields = BTreeMap<String, String>;

/// The console connected to `sb`, on the User access tab of `pool_id`, its configuration read.
pub async fn console_on(sb: &RunningSandbox, pool_id: &str, options: Options) -> Headless {
    console_at(sb, pool_id, options, (140, 40)).await
}

/// [`console_on`] with a terminal of `size`.
pub async fn console_at(
    sb: &RunningSandbox,
    pool_id: &str,
    options: Options,
    size: (u16, u16),
) -> Headless {
    let target = Target::Sandbox {
        endpoint_url: sb.endpoint_url(),
    };
    let mut h = Headless::start(options, target, size);
    assert!(
        h.run_until(|m| m.session().is_some(), WAIT).await,
        "connected"
    );
    h.model.current_pool = Some((pool_id.to_string(), String::new()));
    h.send(Msg::Action(Action::GoTab(Tab::UserAccess)));
    reread(&mut h).await;
    h
}

/// Waits until the tab has read its pool (after a save closes, it reads again).
pub async fn reread(h: &mut Headless) {
    assert!(
        h.run_until(
            |m| m.access.read.config(&m.store).is_some() && m.access.read.reading.is_none(),
            WAIT
        )
        .await,
        "the pool was read: {:?}",
        h.model.access.read.error
    );
}

/// The pool's configuration as the User access tab draws it (from the store).
pub fn config_of(h: &Headless) -> cognito_tui::domain::config::PoolConfig {
    h.model
        .access
        .read
        .config(&h.model.store)
        .cloned()
        .unwrap_or_default()
}

/// Opens the form of `section`, lets `fill` change its draft, and asks to save (Ctrl-s): the
/// save's first read is awaited, so the save is on its review (or refused).
pub async fn edit(h: &mut Headless, section: Section, fill: impl FnOnce(&mut Draft)) -> Save {
    let config = config_of(h);
    let scope = EditScope {
        pool_id: config.pool.identity_pool_id.clone(),
        section,
        base: config,
        linked: None,
        origin: cognito_tui::app::Tab::UserAccess,
    };
    h.send(Msg::Wizard(cognito_tui::wizard::Msg::EditSection(
        Box::new(scope),
    )));
    {
        let form = h
            .model
            .wizard
            .edit
            .as_deref_mut()
            .unwrap_or_else(|| panic!("the form opened"));
        fill(&mut form.draft);
    }
    h.send(Msg::from(WizAction::NextStep));
    assert!(
        h.model
            .wizard
            .edit_for(cognito_tui::app::Tab::UserAccess)
            .is_none(),
        "the form is valid and held behind its save: {:?}",
        h.model.notice
    );
    settle(h).await
}

/// The save on screen.
pub fn save_of(h: &Headless) -> Save {
    match &h.model.access.panel {
        Some(Panel::Save(view)) => view.save.clone(),
        other => panic!("no save on screen: {other:?}"),
    }
}

/// Waits until the save stops waiting for answers; the save as it is then.
pub async fn settle(h: &mut Headless) -> Save {
    let busy = |m: &cognito_tui::console::Model| match &m.access.panel {
        Some(Panel::Save(view)) => matches!(
            view.save.phase,
            Phase::Reading(_)
                | Phase::Rereading(_)
                | Phase::Writing
                | Phase::Verifying(_)
                | Phase::FailedReading(_)
        ),
        _ => false,
    };
    assert!(h.run_until(|m| !busy(m), WAIT).await, "the save settled");
    save_of(h)
}

/// ⏎ on the review: the save writes and verifies.
pub async fn confirm(h: &mut Headless) -> Save {
    h.send(Msg::from(AccessAction::Submit));
    settle(h).await
}

/// Esc on a finished save: it closes and the tab reads the pool again. A save that wrote
/// nothing goes back to its form: Esc leaves that too (the tests fill drafts directly, so the
/// form has no typed edit to ask about).
pub async fn close(h: &mut Headless) {
    h.send(Msg::from(AccessAction::Back));
    if h.model
        .wizard
        .edit_for(cognito_tui::app::Tab::UserAccess)
        .is_some()
    {
        h.send(Msg::from(WizAction::Back));
    }
    reread(h).await;
}

/// Every field of the pool, read with the SDK: DescribeIdentityPool, GetIdentityPoolRoles, and
/// GetPrincipalTagAttributeMap for every provider (maps that map nothing are left out).
pub async fn fields(sdk: &aws_sdk_cognitoidentity::Client, pool_id: &str) -> Fields {
    let mut out = Fields::new();
    let pool = sdk
        .describe_identity_pool()
        .identity_pool_id(pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    out.insert("name".into(), pool.identity_pool_name().to_string());
    out.insert(
        "guest".into(),
        pool.allow_unauthenticated_identities().to_string(),
    );
    out.insert(
        "classic flow".into(),
        pool.allow_classic_flow().unwrap_or(false).to_string(),
    );
    if let Some(dev) = pool.developer_provider_name() {
        out.insert("developer".into(), dev.to_string());
    }
    let mut providers = Vec::new();
    for p in pool.cognito_identity_providers() {
        let name = p.provider_name().unwrap_or_default();
        out.insert(
            format!("user pool {name}:{}", p.client_id().unwrap_or_default()),
            format!("token check {:?}", p.server_side_token_check()),
        );
        providers.push(name.to_string());
    }
    for (domain, id) in pool.supported_login_providers().into_iter().flatten() {
        out.insert(format!("login {domain}"), id.clone());
        providers.push(domain.clone());
    }
    for (i, arn) in pool.open_id_connect_provider_arns().iter().enumerate() {
        out.insert(format!("oidc {arn}"), i.to_string());
        providers.push(arn.clone());
    }
    for (i, arn) in pool.saml_provider_arns().iter().enumerate() {
        out.insert(format!("saml {arn}"), i.to_string());
        providers.push(arn.clone());
    }
    for (k, v) in pool.identity_pool_tags().into_iter().flatten() {
        out.insert(format!("tag {k}"), v.clone());
    }
    let roles = sdk
        .get_identity_pool_roles()
        .identity_pool_id(pool_id)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    for (k, v) in roles.roles().into_iter().flatten() {
        out.insert(format!("role {k}"), v.clone());
    }
    for (k, m) in roles.role_mappings().into_iter().flatten() {
        out.insert(format!("mapping {k}"), mapping_text(m));
    }
    providers.sort();
    providers.dedup();
    for provider in providers {
        let Ok(map) = sdk
            .get_principal_tag_attribute_map()
            .identity_pool_id(pool_id)
            .identity_provider_name(&provider)
            .send()
            .await
        else {
            continue;
        };
        let tags: BTreeMap<_, _> = map
            .principal_tags()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .collect();
        let defaults = map.use_defaults().unwrap_or(false);
        if defaults || !tags.is_empty() {
            out.insert(
                format!("principal tags {provider}"),
                format!("defaults {defaults} {tags:?}"),
            );
        }
    }
    out
}

/// A role mapping as text: type, resolution, and the rules in order.
pub fn mapping_text(m: &aws_sdk_cognitoidentity::types::RoleMapping) -> String {
    let rules: Vec<String> = m
        .rules_configuration()
        .map(|c| {
            c.rules()
                .iter()
                .map(|r| {
                    format!(
                        "{} {} {} {}",
                        r.claim(),
                        r.match_type().as_str(),
                        r.value(),
                        r.role_arn()
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    format!(
        "{} {} [{}]",
        m.r#type().as_str(),
        m.ambiguous_role_resolution()
            .map(|r| r.as_str().to_string())
            .unwrap_or_default(),
        rules.join("; ")
    )
}

/// The keys that differ between two reads, with both values.
pub fn changed(
    before: &Fields,
    after: &Fields,
) -> BTreeMap<String, (Option<String>, Option<String>)> {
    let mut out = BTreeMap::new();
    for key in before.keys().chain(after.keys()) {
        let (b, a) = (before.get(key).cloned(), after.get(key).cloned());
        if b != a {
            out.insert(key.clone(), (b, a));
        }
    }
    out
}

/// The fields of a configuration the console read, in the same shape as [`fields`] (to compare
/// what a save reported with what the SDK reads).
pub fn fields_of(config: &cognito_tui::domain::config::PoolConfig) -> Fields {
    let pool = &config.pool;
    let mut out = Fields::new();
    out.insert("name".into(), pool.identity_pool_name.clone());
    out.insert(
        "guest".into(),
        pool.allow_unauthenticated_identities.to_string(),
    );
    out.insert(
        "classic flow".into(),
        pool.allow_classic_flow.unwrap_or(false).to_string(),
    );
    if let Some(dev) = &pool.developer_provider_name {
        out.insert("developer".into(), dev.clone());
    }
    for p in &pool.cognito_identity_providers {
        out.insert(
            format!("user pool {}:{}", p.provider_name, p.client_id),
            format!("token check {:?}", Some(p.server_side_token_check)),
        );
    }
    for (domain, id) in &pool.supported_login_providers {
        out.insert(format!("login {domain}"), id.clone());
    }
    for (i, arn) in pool.open_id_connect_provider_arns.iter().enumerate() {
        out.insert(format!("oidc {arn}"), i.to_string());
    }
    for (i, arn) in pool.saml_provider_arns.iter().enumerate() {
        out.insert(format!("saml {arn}"), i.to_string());
    }
    for (k, v) in &pool.identity_pool_tags {
        out.insert(format!("tag {k}"), v.clone());
    }
    for (k, v) in &config.roles.roles {
        out.insert(format!("role {k}"), v.clone());
    }
    for (k, m) in &config.roles.role_mappings {
        let rules: Vec<String> = m
            .rules_configuration
            .iter()
            .flat_map(|c| c.rules.iter())
            .map(|r| format!("{} {} {} {}", r.claim, r.match_type, r.value, r.role_arn))
            .collect();
        out.insert(
            format!("mapping {k}"),
            format!(
                "{} {} [{}]",
                m.mapping_type,
                m.ambiguous_role_resolution.clone().unwrap_or_default(),
                rules.join("; ")
            ),
        );
    }
    for (provider, map) in &config.principal_tags {
        if map.use_defaults || !map.principal_tags.is_empty() {
            out.insert(
                format!("principal tags {provider}"),
                format!("defaults {} {:?}", map.use_defaults, map.principal_tags),
            );
        }
    }
    out
}

/// Sets the sandbox's injected faults (`{}` for none) through its control endpoint.
pub fn set_faults(addr: std::net::SocketAddr, body: &str) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect: {e}"));
    let request = format!(
        "POST /_sandbox/faults HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .unwrap_or_else(|e| panic!("write: {e}"));
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .unwrap_or_else(|e| panic!("read: {e}"));
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
}
