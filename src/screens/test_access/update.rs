//! How the Test access panel reacts: it reads the pool fresh (providers, roles, attribute maps),
//! moves over its fields, warns once a session that runs create identities, asks the runner to
//! sign in, and reads the trust policies of the roles involved for the prediction.

use super::msg::Action;
use super::prediction::roles_to_read;
use super::state::{Done, Field, Mode, Panel, Run, Warned};
use crate::app::Level;
use crate::app::cover::{Covering, OnPool};
use crate::app::test_access::{Attempt, Flow, Secret, Trial, UserSignIn, shortened};
use crate::app::{Ctx, Effect, Event, RequestId, Response};
use crate::domain::edit::ProviderRef;
use crate::screens::save::tab_read::{self, Answered};
use crate::store::Store;

type Cx<'a> = crate::app::Cx<'a, Panel>;

impl Covering for Panel {
    type Open = OnPool;
    type Action = Action;
    type Kept = Warned;

    fn open(open: OnPool, _: &Ctx) -> Self {
        Panel::new(open.pool_id, open.name)
    }

    fn start(cx: &mut Cx) -> Vec<Effect> {
        tab_read::read(cx)
    }

    fn on_action(cx: &mut Cx, action: Action, warned: &mut Warned) -> (Vec<Effect>, bool) {
        let mut close = false;
        let effects = on_action(cx, action, &mut warned.confirmed, &mut close);
        (effects, close)
    }

    fn on_input(cx: &mut Cx, request: tui_input::InputRequest) {
        let focus = cx.state.focus;
        if let Some(input) = cx.state.input_mut(focus) {
            // A pasted token may arrive wrapped: its line breaks are not part of it.
            if !matches!(request, tui_input::InputRequest::InsertChar('\n' | '\r')) {
                input.handle(request);
            }
            cx.state.problem = None;
        }
    }

    fn on_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
        on_response(cx, req, response)
    }
}

fn on_action(cx: &mut Cx, action: Action, warned: &mut bool, close: &mut bool) -> Vec<Effect> {
    let panel = &mut *cx.state;
    match action {
        Action::Help => cx.emit(Event::ShowHelp),
        Action::Next | Action::Previous => {
            let fields = panel.fields();
            let at = fields.iter().position(|f| *f == panel.focus).unwrap_or(0);
            let step = if action == Action::Next {
                1
            } else {
                fields.len() - 1
            };
            panel.focus = fields[(at + step) % fields.len()];
        }
        Action::ChooseLeft | Action::ChooseRight => {
            let delta = if action == Action::ChooseRight { 1 } else { -1 };
            choose(panel, cx.ctx.store, delta);
        }
        Action::Refresh => {
            let mut effects = tab_read::read(cx);
            cx.state.roles.clear();
            effects.extend(read_roles(cx));
            return effects;
        }
        Action::CopyExports => return copy_exports(cx),
        Action::Back => match panel.run {
            Run::Confirming => panel.run = Run::Idle,
            Run::Running { req, .. } => {
                cx.finish_request(req);
                *close = true;
            }
            _ => *close = true,
        },
        Action::Run => {
            if panel.running() {
                return Vec::new();
            }
            if let Some(problem) = problem(panel, cx.ctx.store) {
                panel.focus = problem.0;
                panel.problem = Some(problem);
                return Vec::new();
            }
            if !*warned && panel.run != Run::Confirming {
                panel.run = Run::Confirming;
                return Vec::new();
            }
            *warned = true;
            return start(cx);
        }
    }
    Vec::new()
}

/// ←/→ on a choice field.
fn choose(panel: &mut Panel, store: &Store, delta: isize) {
    let turn = |at: usize, count: usize| -> usize {
        let count = count.max(1) as isize;
        (at as isize + delta).rem_euclid(count) as usize
    };
    match panel.focus {
        Field::Mode => {
            let modes = panel.modes(store);
            let at = modes.iter().position(|m| *m == panel.mode).unwrap_or(0);
            panel.mode = modes[turn(at, modes.len())];
            panel.provider = 0;
            panel.problem = None;
        }
        Field::Provider => panel.provider = turn(panel.provider, panel.providers(store).len()),
        Field::Flow => {
            const FLOWS: [Flow; 3] = [Flow::Auto, Flow::Srp, Flow::Password];
            let at = FLOWS.iter().position(|f| *f == panel.flow).unwrap_or(0);
            panel.flow = FLOWS[turn(at, FLOWS.len())];
        }
        _ => {}
    }
}

/// What stops a run, next to its field.
fn problem(panel: &Panel, store: &Store) -> Option<(Field, String)> {
    let empty = |input: &tui_input::Input| input.value().trim().is_empty();
    match panel.mode {
        Mode::Guest => None,
        Mode::User if panel.chosen_provider(store).is_none() => {
            Some((Field::Provider, "The pool has no user pool provider.".into()))
        }
        Mode::User if empty(&panel.username) => {
            Some((Field::Username, "Type the user's name (or an alias the user pool takes).".into()))
        }
        Mode::User if panel.password.value().is_empty() => {
            Some((Field::Password, "Type the user's password.".into()))
        }
        Mode::User if panel.challenged() && panel.new_password.value().is_empty() => Some((
            Field::NewPassword,
            "The user pool asks for a new password: type one its password policy allows.".into(),
        )),
        Mode::User => None,
        Mode::Token if empty(&panel.token) => Some((
            Field::Token,
            "Paste the provider's token: an ID token or OIDC token (eyJ…) or a SAML assertion (base64).".into(),
        )),
        Mode::Token => None,
        Mode::Developer if empty(&panel.developer_user) => Some((
            Field::DeveloperUser,
            "Type the developer user identifier your backend would send (1–1024 characters).".into(),
        )),
        Mode::Developer => None,
    }
}

/// The attempt the form describes.
fn attempt(panel: &Panel, store: &Store) -> Option<Attempt> {
    Some(match panel.mode {
        Mode::Guest => Attempt::Guest,
        Mode::User => {
            let Some(ProviderRef::UserPool {
                provider_name,
                client_id,
            }) = panel.chosen_provider(store)
            else {
                return None;
            };
            let sign_in = UserSignIn {
                user_pool_id: provider_name.rsplit('/').next()?.to_string(),
                client_id,
                username: panel.username.value().trim().to_string(),
                password: Secret(panel.password.value().to_string()),
                flow: panel.flow,
            };
            match &panel.run {
                Run::Done(done) => match &done.trial {
                    Trial::NewPasswordRequired {
                        sign_in: challenged,
                        session,
                        ..
                    } if challenged.username == sign_in.username => Attempt::NewPassword {
                        sign_in,
                        session: session.clone(),
                        new_password: Secret(panel.new_password.value().to_string()),
                    },
                    _ => Attempt::User(sign_in),
                },
                _ => Attempt::User(sign_in),
            }
        }
        Mode::Token => Attempt::Token {
            provider: panel.chosen_provider(store)?.login_name(),
            token: Secret(panel.token.value().split_whitespace().collect()),
        },
        Mode::Developer => Attempt::Developer {
            provider_name: panel
                .read
                .config(store)?
                .pool
                .developer_provider_name
                .clone()?,
            user_id: panel.developer_user.value().trim().to_string(),
        },
    })
}

fn start(cx: &mut Cx) -> Vec<Effect> {
    let Some(attempt) = attempt(cx.state, cx.ctx.store) else {
        cx.state.run = Run::Idle;
        return Vec::new();
    };
    let req = cx.start_request("TestAccess", true);
    cx.state.run = Run::Running {
        req,
        kind: attempt.kind(),
    };
    vec![Effect::TestAccess {
        req,
        pool_id: cx.state.pool_id.clone(),
        attempt: Box::new(attempt),
    }]
}

fn on_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
    match response {
        Response::TestAccess(trial) => {
            let Run::Running { req: awaited, .. } = cx.state.run else {
                return Vec::new();
            };
            if awaited != req {
                return Vec::new();
            }
            if let Trial::Refused(refused) = trial.as_ref() {
                cx.emit(Event::Record {
                    operation: format!("Test access: {}", refused.call),
                    error: refused.error.clone(),
                });
            }
            if matches!(*trial, Trial::NewPasswordRequired { .. }) {
                cx.state.focus = Field::NewPassword;
                cx.state.new_password.reset();
            }
            let provider = match cx.state.mode {
                Mode::User | Mode::Token => cx.state.chosen_provider(cx.ctx.store),
                Mode::Guest | Mode::Developer => None,
            };
            cx.state.run = Run::Done(Box::new(Done {
                mode: cx.state.mode,
                provider,
                trial: *trial,
            }));
            read_roles(cx)
        }
        // What IAM said of the role is in the store; the prediction reads it there.
        Response::GetRole(_) => Vec::new(),
        response => {
            let (answered, mut effects) = tab_read::answer(cx, req, response);
            if answered == Answered::Read {
                first_read(cx.state, cx.ctx.store);
                effects.extend(read_roles(cx));
            }
            effects
        }
    }
}

/// Once the pool is read: a pool with a user pool provider starts on a user's sign-in.
fn first_read(panel: &mut Panel, store: &Store) {
    if panel.run == Run::Idle
        && panel.mode == Mode::Guest
        && panel.modes(store).contains(&Mode::User)
    {
        panel.mode = Mode::User;
        panel.focus = Field::Username;
    }
}

/// GetRole for each role the prediction may need that is not read or being read.
fn read_roles(cx: &mut Cx) -> Vec<Effect> {
    let Some(config) = cx.state.read.config(cx.ctx.store) else {
        return Vec::new();
    };
    let trial = match &cx.state.run {
        Run::Done(done) => Some(&done.trial),
        _ => None,
    };
    let wanted: Vec<String> = roles_to_read(config, trial)
        .into_iter()
        .filter(|arn| !cx.state.roles.contains(arn))
        .collect();
    let mut effects = Vec::new();
    for arn in wanted {
        let req = cx.start_request("GetRole", false);
        let role_name = arn.rsplit('/').next().unwrap_or(&arn).to_string();
        cx.state.roles.insert(arn);
        effects.push(Effect::GetRole { req, role_name });
    }
    effects
}

/// Copies the issued credentials as `export` lines, saying what that hands over.
fn copy_exports(cx: &mut Cx) -> Vec<Effect> {
    let Run::Done(done) = &cx.state.run else {
        cx.notify(Level::Info, "Nothing to copy yet: run a test first");
        return Vec::new();
    };
    let Trial::Issued(access) = &done.trial else {
        cx.notify(Level::Info, "Nothing to copy: no credentials were issued");
        return Vec::new();
    };
    let lines = format!(
        "export AWS_ACCESS_KEY_ID={}\nexport AWS_SECRET_ACCESS_KEY={}\nexport AWS_SESSION_TOKEN={}\n",
        access.access_key_id,
        access.secret_key.reveal(),
        access.session_token.reveal()
    );
    cx.notify(
        Level::Warning,
        format!(
            "Copied export lines for {} with its secret key and session token: anyone who pastes them acts as this identity until {}",
            shortened(&access.access_key_id),
            access.expiration.as_deref().unwrap_or("they expire")
        ),
    );
    vec![Effect::CopyToClipboard(lines)]
}
