//! The Test access panel's state: the pool read fresh (for its providers and the prediction),
//! who signs in and with what, the run, and the roles' trust policies read for the prediction.

use crate::store::Store;
use tui_input::Input;

use crate::screens::secret_input::SecretInput;

use crate::app::RequestId;
use crate::app::test_access::{Flow, Trial};
use crate::domain::edit::ProviderRef;
use crate::screens::save::tab_read::{ReadsPool, TabRead};

/// Who signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A guest.
    Guest,
    /// A user of a user pool provider.
    User,
    /// A pasted token of any provider.
    Token,
    /// A developer user.
    Developer,
}

impl Mode {
    /// How the choice reads.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Guest => "Guest",
            Mode::User => "User-pool user",
            Mode::Token => "A token (ID token, OIDC token or SAML assertion)",
            Mode::Developer => "Developer user",
        }
    }
}

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Who signs in (a choice).
    Mode,
    /// The provider (a choice).
    Provider,
    /// The user name.
    Username,
    /// The password (masked).
    Password,
    /// The user pool flow (a choice).
    Flow,
    /// The token (masked).
    Token,
    /// The developer user identifier.
    DeveloperUser,
    /// The new password asked by NEW_PASSWORD_REQUIRED (masked).
    NewPassword,
}

impl Field {
    /// Whether ←/→ choose (else the field takes typing).
    pub fn is_choice(self) -> bool {
        matches!(self, Field::Mode | Field::Provider | Field::Flow)
    }
}

/// The run.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Run {
    /// Nothing run yet.
    #[default]
    Idle,
    /// Asking, once, whether to go on (it creates identities).
    Confirming,
    /// Signing in.
    Running {
        /// The request.
        req: RequestId,
        /// What signs in ("guest", "user", …), for the view.
        kind: &'static str,
    },
    /// The answer.
    Done(Box<Done>),
}

/// A finished run: what was tried and what came.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    /// Who signed in.
    pub mode: Mode,
    /// The provider of the login (None for a guest or a developer user).
    pub provider: Option<ProviderRef>,
    /// What the service did.
    pub trial: Trial,
}

/// The open panel.
#[derive(Debug, Clone)]
pub struct Panel {
    /// The pool tested.
    pub pool_id: String,
    /// Its name.
    pub pool_name: String,
    /// The pool's configuration, read fresh.
    pub read: TabRead,
    /// Who signs in.
    pub mode: Mode,
    /// The field with the focus.
    pub focus: Field,
    /// The chosen provider, among those the mode offers.
    pub provider: usize,
    /// The user name.
    pub username: Input,
    /// The password.
    pub password: SecretInput,
    /// The flow.
    pub flow: Flow,
    /// The pasted token.
    pub token: SecretInput,
    /// The developer user identifier.
    pub developer_user: Input,
    /// The new password, when the user pool asks for one.
    pub new_password: SecretInput,
    /// The run.
    pub run: Run,
    /// The roles whose trust the panel asked IAM for (by ARN); what IAM said is in the store.
    pub roles: std::collections::BTreeSet<String>,
    /// What stops the run, shown next to its field.
    pub problem: Option<(Field, String)>,
}

impl Panel {
    /// A panel on a pool, about to read it.
    pub fn new(pool_id: String, pool_name: String) -> Self {
        Self {
            pool_id,
            pool_name,
            read: TabRead::default(),
            mode: Mode::Guest,
            focus: Field::Mode,
            provider: 0,
            username: Input::default(),
            password: SecretInput::default(),
            flow: Flow::Auto,
            token: SecretInput::default(),
            developer_user: Input::default(),
            new_password: SecretInput::default(),
            run: Run::Idle,
            roles: Default::default(),
            problem: None,
        }
    }

    /// The modes the pool offers: a guest always (a refusal is an answer too), a user with a
    /// user pool provider, a token with any provider, a developer user with a developer provider.
    pub fn modes(&self, store: &Store) -> Vec<Mode> {
        let mut modes = vec![Mode::Guest];
        let Some(config) = self.read.config(store) else {
            return modes;
        };
        if !config.pool.cognito_identity_providers.is_empty() {
            modes.push(Mode::User);
        }
        if !ProviderRef::all(&config.pool).is_empty() {
            modes.push(Mode::Token);
        }
        if config.pool.developer_provider_name.is_some() {
            modes.push(Mode::Developer);
        }
        modes
    }

    /// The providers the mode chooses among: the user pool providers for a user, every
    /// provider for a token.
    pub fn providers(&self, store: &Store) -> Vec<ProviderRef> {
        let Some(config) = self.read.config(store) else {
            return Vec::new();
        };
        let all = ProviderRef::all(&config.pool);
        match self.mode {
            Mode::User => all
                .into_iter()
                .filter(|p| matches!(p, ProviderRef::UserPool { .. }))
                .collect(),
            Mode::Token => all,
            Mode::Guest | Mode::Developer => Vec::new(),
        }
    }

    /// The provider chosen.
    pub fn chosen_provider(&self, store: &Store) -> Option<ProviderRef> {
        let providers = self.providers(store);
        let last = providers.len().checked_sub(1)?;
        providers.get(self.provider.min(last)).cloned()
    }

    /// Whether the user pool asked for a new password (its field is then on the form).
    pub fn challenged(&self) -> bool {
        matches!(&self.run, Run::Done(done) if matches!(done.trial, Trial::NewPasswordRequired { .. }))
    }

    /// The fields of the form, in order.
    pub fn fields(&self) -> Vec<Field> {
        let mut fields = vec![Field::Mode];
        match self.mode {
            Mode::Guest => {}
            Mode::User => {
                fields.extend([
                    Field::Provider,
                    Field::Username,
                    Field::Password,
                    Field::Flow,
                ]);
                if self.challenged() {
                    fields.push(Field::NewPassword);
                }
            }
            Mode::Token => fields.extend([Field::Provider, Field::Token]),
            Mode::Developer => fields.push(Field::DeveloperUser),
        }
        fields
    }

    /// The text input of a field, when it has one.
    pub fn input_mut(&mut self, field: Field) -> Option<&mut Input> {
        match field {
            Field::Username => Some(&mut self.username),
            Field::Password => Some(&mut self.password.0),
            Field::Token => Some(&mut self.token.0),
            Field::DeveloperUser => Some(&mut self.developer_user),
            Field::NewPassword => Some(&mut self.new_password.0),
            Field::Mode | Field::Provider | Field::Flow => None,
        }
    }

    /// Whether a sign-in is in flight.
    pub fn running(&self) -> bool {
        matches!(self.run, Run::Running { .. })
    }
}

impl ReadsPool for Panel {
    fn pool(&self) -> Option<String> {
        Some(self.pool_id.clone())
    }

    fn tab_read(&mut self) -> &mut TabRead {
        &mut self.read
    }
}

/// What Test access keeps from one panel to the next.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Warned {
    /// Whether the operator confirmed, this session, that test runs sign in for real and create
    /// identities (asked once).
    pub confirmed: bool,
}

/// The screen: the panel when open, and whether the warning was confirmed.
pub type TestAccessState = crate::app::cover::Cover<Panel>;
