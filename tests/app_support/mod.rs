//! Shared by the `update` and snapshot tests: models in known states, fed through `update` only.
#![allow(dead_code)]

pub mod access;
pub mod roles;
pub mod test_access;
pub mod wizard;

use cognito_tui::app::Session;
use cognito_tui::app::{Effect, Response};
use cognito_tui::console::{Action, Model, Msg, Options, update};
use cognito_tui::domain::{CognitoProvider, IdentityPool, PoolSummary};
use cognito_tui::screens::pools;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_input::InputRequest;

/// The footer's notice text, or "" when there is none.
pub fn notice_text(model: &Model) -> String {
    model
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

/// A deterministic pool id for row `i`.
pub fn pool_id(i: usize) -> String {
    format!("us-east-1:00000000-0000-4000-8000-{i:012}")
}

/// `n` pool rows named `pool-000`, `pool-001`, …
pub fn summaries(range: std::ops::Range<usize>) -> Vec<PoolSummary> {
    range
        .map(|i| PoolSummary {
            id: pool_id(i),
            name: format!("pool-{i:03}"),
        })
        .collect()
}

/// The sandbox session.
pub fn session() -> Session {
    Session {
        profile: "sandbox".into(),
        region: "us-east-1".into(),
        endpoint: "sandbox 127.0.0.1:41237".into(),
        sandbox: true,
        caller: None,
    }
}

/// Runs `init` and answers the Connect effect; returns the model and the effects after connecting.
pub fn connected(options: Options, size: (u16, u16)) -> (Model, Vec<Effect>) {
    let mut model = Model::new(options, size);
    let effects = cognito_tui::console::update::init(&mut model);
    let Some(Effect::Connect { req, .. }) = effects.first().cloned() else {
        panic!("init connects first: {effects:?}");
    };
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::Connect(Ok(session())),
        },
    );
    (model, effects)
}

/// The request id of the only ListIdentityPools effect in `effects`.
pub fn list_req(effects: &[Effect]) -> u64 {
    let reqs: Vec<u64> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::ListIdentityPools { req, .. } => Some(*req),
            _ => None,
        })
        .collect();
    assert_eq!(reqs.len(), 1, "one page request: {effects:?}");
    reqs[0]
}

/// The DescribeIdentityPool effects in `effects`, as (req, pool id).
pub fn describes(effects: &[Effect]) -> Vec<(u64, String)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::DescribeIdentityPool { req, pool_id } => Some((*req, pool_id.clone())),
            _ => None,
        })
        .collect()
}

/// A described pool for row `i`: guest on for even rows, a user pool and Google on every third.
pub fn described(i: usize) -> IdentityPool {
    let mut pool = IdentityPool {
        identity_pool_id: pool_id(i),
        identity_pool_name: format!("pool-{i:03}"),
        allow_unauthenticated_identities: i.is_multiple_of(2),
        allow_classic_flow: if i.is_multiple_of(2) {
            Some(false)
        } else {
            None
        },
        ..Default::default()
    };
    if i.is_multiple_of(3) {
        pool.cognito_identity_providers.push(CognitoProvider {
            provider_name: "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123".into(),
            client_id: "abc123".into(),
            server_side_token_check: false,
        });
        pool.supported_login_providers.insert(
            "accounts.google.com".into(),
            "123.apps.googleusercontent.com".into(),
        );
        pool.identity_pool_tags.insert("env".into(), "prod".into());
    }
    pool
}

/// A connected model whose first ListIdentityPools page brought `n` pools and the last token;
/// the effects that page asked for (describes, the next page).
pub fn listed(
    options: Options,
    size: (u16, u16),
    page: Result<(Vec<PoolSummary>, Option<String>), cognito_tui::app::AwsError>,
) -> (Model, Vec<Effect>) {
    let (mut model, effects) = connected(options, size);
    let req = list_req(&effects);
    let effects = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(page),
        },
    );
    (model, effects)
}

/// A connected model with `n` pools listed in one page and every describe answered.
pub fn loaded(n: usize, size: (u16, u16)) -> Model {
    let (mut model, effects) = connected(Options::default(), size);
    let req = list_req(&effects);
    let mut pending = update(
        &mut model,
        Msg::Response {
            req,
            response: Response::ListIdentityPools(Ok((summaries(0..n), None))),
        },
    );
    answer_describes(&mut model, &mut pending);
    model
}

/// Answers every DescribeIdentityPool effect (and the ones those answers trigger).
pub fn answer_describes(model: &mut Model, effects: &mut Vec<Effect>) {
    while let Some((req, pool_id)) = describes(effects).first().cloned() {
        effects.retain(|e| !matches!(e, Effect::DescribeIdentityPool { req: r, .. } if *r == req));
        let i: usize = pool_id
            .rsplit('-')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let more = update(
            model,
            Msg::Response {
                req,
                response: Response::DescribeIdentityPool(Ok(described(i))),
            },
        );
        effects.extend(more);
    }
}

/// Sends an intent: a global one, an overlay's, or a screen's.
pub fn act(model: &mut Model, action: impl Into<Msg>) -> Vec<Effect> {
    update(model, action.into())
}

/// Types text into the focused field.
pub fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        let effects = update(model, Msg::Input(InputRequest::InsertChar(c)));
        assert!(
            effects
                .iter()
                .all(|e| matches!(e, Effect::DescribeIdentityPool { .. })),
            "{effects:?}"
        );
    }
}

/// The screen as text, drawn at the model's size.
pub fn render(model: &Model) -> String {
    let (w, h) = model.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| cognito_tui::console::view(model, frame))
        .unwrap_or_else(|e| panic!("{e}"));
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Identity `i` of the fake pool: guests on even rows, Google on odd, created `i` days before `now`.
pub fn identity(i: usize, now: f64) -> cognito_tui::domain::Identity {
    cognito_tui::domain::Identity {
        id: format!("us-east-1:11111111-0000-4000-8000-{i:012}"),
        logins: if i.is_multiple_of(2) {
            Vec::new()
        } else {
            vec!["accounts.google.com".into()]
        },
        created: Some(now - i as f64 * 86_400.0),
        modified: Some(now - i as f64 * 43_200.0),
    }
}

/// The clock of the identity tests.
pub const NOW: f64 = 1_800_000_000.0;

/// A model on the Identity browser of pool 0, with the first ListIdentities effect returned.
pub fn on_identities(options: Options, size: (u16, u16)) -> (Model, Vec<Effect>) {
    let mut model = loaded(3, size);
    let _ = update(&mut model, Msg::Tick(NOW));
    let _ = act(&mut model, pools::Action::Open);
    let effects = act(&mut model, Action::GoTab(cognito_tui::app::Tab::Identities));
    model.options = options;
    (model, effects)
}

/// The request id of the only ListIdentities effect.
pub fn identities_req(effects: &[Effect]) -> u64 {
    let reqs: Vec<u64> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::ListIdentities { req, .. } => Some(*req),
            _ => None,
        })
        .collect();
    assert_eq!(reqs.len(), 1, "one page request: {effects:?}");
    reqs[0]
}

/// A model on the Identity browser with `n` identities loaded in pages of 60.
pub fn identities_loaded(n: usize, size: (u16, u16)) -> Model {
    let (mut model, mut effects) = on_identities(Options::default(), size);
    let mut start = 0;
    loop {
        let req = identities_req(&effects);
        let end = (start + 60).min(n);
        let page: Vec<_> = (start..end).map(|i| identity(i, NOW)).collect();
        let token = (end < n).then(|| format!("t{end}"));
        effects = update(
            &mut model,
            Msg::Response {
                req,
                response: Response::ListIdentities(Ok((page, token.clone()))),
            },
        );
        start = end;
        if token.is_none() {
            return model;
        }
    }
}

/// The DeleteIdentities effects, as (req, ids).
pub fn delete_batches(effects: &[Effect]) -> Vec<(u64, Vec<String>)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::DeleteIdentities { req, ids, .. } => Some((*req, ids.clone())),
            _ => None,
        })
        .collect()
}
