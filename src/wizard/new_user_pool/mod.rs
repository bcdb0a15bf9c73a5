//! The identity-provider step's "Create a new user pool": the AWS CDK UserPool construct's
//! settings as a form (name, self sign-up, verification and invitation messages, SMS role and its
//! external id, an app client), each field checked as it is typed with the service's rules, and
//! what the creation run sends for it. Until the user pool and its client exist, the identity
//! pool's provider names and mapping keys carry placeholders the run replaces.

use tui_input::Input;

mod rows;

pub use rows::{review, rows};

use crate::domain::new_user_pool::{ClientSettings, UserPoolSettings};
use crate::domain::roles::IamRole;
use crate::domain::user_pool_messages::{EmailStyle, Invitation, Verification};

pub use crate::domain::new_user_pool::{NEW_CLIENT, NEW_USER_POOL, NewUserPoolPlan, SmsRolePlan};

/// A field of the new user pool form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NewPoolField {
    /// The user pool's name.
    Name,
    /// Self sign-up on/off.
    SelfSignUp,
    /// Verify email addresses automatically.
    VerifyEmail,
    /// The verification email's subject.
    VerifySubject,
    /// The verification email's body.
    VerifyBody,
    /// Code or link.
    VerifyStyle,
    /// The verification SMS.
    VerifySms,
    /// The invitation email's subject.
    InviteSubject,
    /// The invitation email's body.
    InviteBody,
    /// The invitation SMS.
    InviteSms,
    /// No SMS role, a new one or an existing one.
    SmsRole,
    /// The new SMS role's name.
    SmsRoleName,
    /// The existing SMS role picked.
    SmsRoleExisting,
    /// The external id.
    ExternalId,
    /// The app client's name.
    ClientName,
    /// USER_PASSWORD_AUTH besides SRP.
    PasswordAuth,
    /// Generate a client secret.
    Secret,
}

/// Where the SMS role comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SmsRoleMode {
    /// No SMS (email only).
    #[default]
    None,
    /// A role the run creates.
    New,
    /// A role of the account.
    Existing,
}

/// The form's values.
#[derive(Debug, Clone)]
pub struct NewUserPoolDraft {
    /// Create a user pool (else pick an existing one).
    pub create: bool,
    /// Its name.
    pub name: Input,
    /// Users may sign themselves up (off, as in the construct).
    pub self_sign_up: bool,
    /// Email addresses are verified by the verification message.
    pub verify_email: bool,
    /// The verification email's subject.
    pub verify_subject: Input,
    /// The verification email's body.
    pub verify_body: Input,
    /// Code or link.
    pub style: EmailStyle,
    /// The verification SMS.
    pub verify_sms: Input,
    /// The invitation email's subject.
    pub invite_subject: Input,
    /// The invitation email's body.
    pub invite_body: Input,
    /// The invitation SMS.
    pub invite_sms: Input,
    /// Where the SMS role comes from.
    pub sms_role: SmsRoleMode,
    /// The new SMS role's name.
    pub sms_role_name: Input,
    /// The existing SMS role.
    pub sms_role_existing: Option<IamRole>,
    /// The external id Cognito presents when it assumes the role.
    pub external_id: Input,
    /// The app client's name.
    pub client_name: Input,
    /// USER_PASSWORD_AUTH besides SRP.
    pub password_auth: bool,
    /// Generate a client secret.
    pub secret: bool,
}

impl Default for NewUserPoolDraft {
    /// The AWS CDK UserPool construct's defaults: self sign-up off, verification by code, the
    /// service's own messages.
    fn default() -> Self {
        Self {
            create: false,
            name: Input::default(),
            self_sign_up: false,
            verify_email: true,
            verify_subject: Input::new("Verify your new account".into()),
            verify_body: Input::new("The verification code to your new account is {####}".into()),
            style: EmailStyle::Code,
            verify_sms: Input::new("The verification code to your new account is {####}".into()),
            invite_subject: Input::new("Your temporary password".into()),
            invite_body: Input::new(
                "Your username is {username} and temporary password is {####}.".into(),
            ),
            invite_sms: Input::new(
                "Your username is {username} and temporary password is {####}.".into(),
            ),
            sms_role: SmsRoleMode::None,
            sms_role_name: Input::default(),
            sms_role_existing: None,
            external_id: Input::default(),
            client_name: Input::default(),
            password_auth: false,
            secret: false,
        }
    }
}

impl NewUserPoolDraft {
    /// The verification message as the domain checks it.
    pub fn verification(&self) -> Verification {
        Verification {
            email_subject: self.verify_subject.value().to_string(),
            email_body: self.verify_body.value().to_string(),
            style: self.style,
            sms_message: self.verify_sms.value().to_string(),
        }
    }

    /// The invitation as the domain checks it.
    pub fn invitation(&self) -> Invitation {
        Invitation {
            email_subject: self.invite_subject.value().to_string(),
            email_body: self.invite_body.value().to_string(),
            sms_message: self.invite_sms.value().to_string(),
        }
    }

    /// What the run creates for this form.
    pub fn plan(&self) -> NewUserPoolPlan {
        NewUserPoolPlan {
            settings: UserPoolSettings {
                name: self.name.value().trim().to_string(),
                self_sign_up: self.self_sign_up,
                verification: self.verification(),
                invitation: self.invitation(),
                verify_email: self.verify_email,
                sms: None,
            },
            client: self.client(),
            sms_role: match self.sms_role {
                SmsRoleMode::None => SmsRolePlan::None,
                SmsRoleMode::New => SmsRolePlan::New(self.sms_role_name.value().trim().to_string()),
                SmsRoleMode::Existing => SmsRolePlan::Existing(
                    self.sms_role_existing
                        .as_ref()
                        .map(|r| r.arn.clone())
                        .unwrap_or_default(),
                ),
            },
            external_id: self.external_id.value().to_string(),
        }
    }

    /// What CreateUserPoolClient is sent.
    pub fn client(&self) -> ClientSettings {
        ClientSettings {
            name: self.client_name.value().trim().to_string(),
            password_auth: self.password_auth,
            secret: self.secret,
        }
    }

    /// The text a field edits.
    pub fn input_mut(&mut self, field: NewPoolField) -> Option<&mut Input> {
        use NewPoolField as F;
        Some(match field {
            F::Name => &mut self.name,
            F::VerifySubject => &mut self.verify_subject,
            F::VerifyBody => &mut self.verify_body,
            F::VerifySms => &mut self.verify_sms,
            F::InviteSubject => &mut self.invite_subject,
            F::InviteBody => &mut self.invite_body,
            F::InviteSms => &mut self.invite_sms,
            F::SmsRoleName => &mut self.sms_role_name,
            F::ExternalId => &mut self.external_id,
            F::ClientName => &mut self.client_name,
            _ => return None,
        })
    }

    /// The text of a field.
    pub fn input(&self, field: NewPoolField) -> Option<&Input> {
        use NewPoolField as F;
        Some(match field {
            F::Name => &self.name,
            F::VerifySubject => &self.verify_subject,
            F::VerifyBody => &self.verify_body,
            F::VerifySms => &self.verify_sms,
            F::InviteSubject => &self.invite_subject,
            F::InviteBody => &self.invite_body,
            F::InviteSms => &self.invite_sms,
            F::SmsRoleName => &self.sms_role_name,
            F::ExternalId => &self.external_id,
            F::ClientName => &self.client_name,
            _ => return None,
        })
    }

    /// Space on one of its checkboxes; whether anything changed.
    pub fn toggle(&mut self, field: NewPoolField) -> bool {
        let flag = match field {
            NewPoolField::SelfSignUp => &mut self.self_sign_up,
            NewPoolField::VerifyEmail => &mut self.verify_email,
            NewPoolField::PasswordAuth => &mut self.password_auth,
            NewPoolField::Secret => &mut self.secret,
            _ => return false,
        };
        *flag = !*flag;
        true
    }

    /// ←/→ on one of its choices; `seed` makes an external id when one is first needed (the
    /// clock of the keystroke, so the draft stays a function of its messages).
    pub fn choose(&mut self, field: NewPoolField, delta: isize, seed: f64) -> bool {
        match field {
            NewPoolField::VerifyStyle => {
                self.style = match self.style {
                    EmailStyle::Code => EmailStyle::Link,
                    EmailStyle::Link => EmailStyle::Code,
                };
                // The body's placeholder follows the style, unless the operator wrote their own.
                let defaults = Self::default();
                if self.verify_body.value() == defaults.verify_body.value()
                    && self.style == EmailStyle::Link
                {
                    self.verify_body =
                        Input::new("Verify your new account: {##Verify Email##}".into());
                } else if self.verify_body.value() == "Verify your new account: {##Verify Email##}"
                {
                    self.verify_body = defaults.verify_body;
                }
            }
            NewPoolField::SmsRole => {
                let modes = [SmsRoleMode::None, SmsRoleMode::New, SmsRoleMode::Existing];
                let now = modes.iter().position(|m| *m == self.sms_role).unwrap_or(0);
                let next = (now as isize + delta).rem_euclid(modes.len() as isize) as usize;
                self.sms_role = modes[next];
                if self.sms_role != SmsRoleMode::None && self.external_id.value().is_empty() {
                    self.external_id = Input::new(external_id(seed));
                }
            }
            _ => return false,
        }
        true
    }
}

/// An external id made from a seed, shaped like the UUIDs the construct's examples use.
pub fn external_id(seed: f64) -> String {
    // splitmix64 over the seed's bits: spreads nearby clocks far apart.
    let mut x = seed.to_bits();
    let mut next = || {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let (a, b) = (next(), next());
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        b >> 52,
        b & 0xffff_ffff_ffff
    )
}
