//! The messages a user pool sends, as CreateUserPool takes them: the verification message
//! (`VerificationMessageTemplate`: email subject and body, by code or by link, and the SMS) and
//! the invitation (`AdminCreateUserConfig.InviteMessageTemplate`). The lengths and patterns are
//! the service model's (held to botocore's by `tests/user_pool_messages_model.rs`). An invitation
//! must also carry `{username}`, the service's own rule the model does not state; its `{####}`
//! (the temporary password) the model no longer requires, since users created without a
//! password (passwordless sign-in) get none, so its absence is a warning, not a refusal.

use super::validation::StrRule;

/// An email subject (`EmailSubject`, `EmailSubjectByLink`).
pub const EMAIL_SUBJECT: StrRule = StrRule {
    min: 1,
    max: 140,
    pattern: Some(r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+"),
    allowed: "1–140 characters: letters, numbers, punctuation, symbols and spaces",
};

/// An email body with a code (`EmailMessage`).
pub const EMAIL_MESSAGE: StrRule = StrRule {
    min: 6,
    max: 20_000,
    pattern: Some(r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*"),
    allowed: "6–20,000 characters with the code placeholder {####}",
};

/// An email body with a link (`EmailMessageByLink`).
pub const EMAIL_MESSAGE_BY_LINK: StrRule = StrRule {
    min: 6,
    max: 20_000,
    pattern: Some(
        r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*##\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*",
    ),
    allowed: "6–20,000 characters with the link placeholder {##Verify Email##} (the link's text between {## and ##})",
};

/// An SMS (`SmsMessage`, and the invitation's `SMSMessage`).
pub const SMS_MESSAGE: StrRule = StrRule {
    min: 6,
    max: 140,
    pattern: Some(r".*\{####\}.*"),
    allowed: "6–140 characters with the code placeholder {####}",
};

/// An invitation SMS (`InviteMessageTemplate.SMSMessage`).
pub const INVITE_SMS: StrRule = StrRule {
    min: 6,
    max: 140,
    pattern: Some(r"(?s).*"),
    allowed: "6–140 characters with the user name placeholder {username}",
};

/// An invitation email body (`InviteMessageTemplate.EmailMessage`).
pub const INVITE_EMAIL: StrRule = StrRule {
    min: 6,
    max: 20_000,
    pattern: Some(r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*"),
    allowed: "6–20,000 characters with the user name placeholder {username}",
};

/// How the verification email lets the user confirm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmailStyle {
    /// A code to type (`CONFIRM_WITH_CODE`).
    #[default]
    Code,
    /// A link to follow (`CONFIRM_WITH_LINK`).
    Link,
}

impl EmailStyle {
    /// The service's `DefaultEmailOption`.
    pub fn option(self) -> &'static str {
        match self {
            Self::Code => "CONFIRM_WITH_CODE",
            Self::Link => "CONFIRM_WITH_LINK",
        }
    }
}

/// One message field of a form, for the problems' places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MessageField {
    /// The verification email's subject.
    VerificationSubject,
    /// The verification email's body.
    VerificationBody,
    /// The verification SMS.
    VerificationSms,
    /// The invitation email's subject.
    InvitationSubject,
    /// The invitation email's body.
    InvitationBody,
    /// The invitation SMS.
    InvitationSms,
}

/// What a verification message is made of.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verification {
    /// The email's subject.
    pub email_subject: String,
    /// The email's body.
    pub email_body: String,
    /// Code or link.
    pub style: EmailStyle,
    /// The SMS.
    pub sms_message: String,
}

/// What an invitation is made of.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Invitation {
    /// The email's subject.
    pub email_subject: String,
    /// The email's body.
    pub email_body: String,
    /// The SMS.
    pub sms_message: String,
}

/// What `value` breaks of `rule`, said for a person, or `None`.
fn problem(rule: &StrRule, value: &str) -> Option<String> {
    (!rule.check(value).is_empty()).then(|| format!("Allowed: {}", rule.allowed))
}

/// The verification message's problems, each next to its field.
pub fn verification_problems(v: &Verification) -> Vec<(MessageField, String)> {
    let body = match v.style {
        EmailStyle::Code => &EMAIL_MESSAGE,
        EmailStyle::Link => &EMAIL_MESSAGE_BY_LINK,
    };
    [
        (
            MessageField::VerificationSubject,
            problem(&EMAIL_SUBJECT, &v.email_subject),
        ),
        (MessageField::VerificationBody, problem(body, &v.email_body)),
        (
            MessageField::VerificationSms,
            problem(&SMS_MESSAGE, &v.sms_message),
        ),
    ]
    .into_iter()
    .filter_map(|(field, p)| p.map(|p| (field, p)))
    .collect()
}

/// The invitation's messages that carry no temporary password (`{####}`): fine for users created
/// without one, not for users given a password.
pub fn invitation_warnings(i: &Invitation) -> Vec<(MessageField, String)> {
    [
        (MessageField::InvitationBody, &i.email_body),
        (MessageField::InvitationSms, &i.sms_message),
    ]
    .into_iter()
    .filter(|(_, message)| !message.contains("{####}"))
    .map(|(field, _)| {
        (
            field,
            "No {####}: users created with a temporary password won't be told it (fine for passwordless users only)".to_string(),
        )
    })
    .collect()
}

/// Whether an invitation message has the user name placeholder the service requires.
pub fn names_the_user(message: &str) -> bool {
    message.contains("{username}")
}

/// The invitation's problems, each next to its field.
pub fn invitation_problems(i: &Invitation) -> Vec<(MessageField, String)> {
    let with_user = |rule: &StrRule, value: &str| {
        problem(rule, value).or_else(|| {
            (!names_the_user(value))
                .then(|| "An invitation must name the user: add {username}".to_string())
        })
    };
    [
        (
            MessageField::InvitationSubject,
            problem(&EMAIL_SUBJECT, &i.email_subject),
        ),
        (
            MessageField::InvitationBody,
            with_user(&INVITE_EMAIL, &i.email_body),
        ),
        (
            MessageField::InvitationSms,
            with_user(&INVITE_SMS, &i.sms_message),
        ),
    ]
    .into_iter()
    .filter_map(|(field, p)| p.map(|p| (field, p)))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn construct_example() -> (Verification, Invitation) {
        // The AWS CDK UserPool construct's own examples.
        (
            Verification {
                email_subject: "Verify your email for our awesome app!".into(),
                email_body: "Thanks for signing up to our awesome app! Your verification code is {####}".into(),
                style: EmailStyle::Code,
                sms_message: "Thanks for signing up to our awesome app! Your verification code is {####}".into(),
            },
            Invitation {
                email_subject: "Invite to join our awesome app!".into(),
                email_body: "Hello {username}, you have been invited to join our awesome app! Your temporary password is {####}".into(),
                sms_message: "Hello {username}, your temporary password for our awesome app is {####}".into(),
            },
        )
    }

    #[test]
    fn the_constructs_examples_pass() {
        let (v, i) = construct_example();
        assert_eq!(verification_problems(&v), vec![]);
        assert_eq!(invitation_problems(&i), vec![]);
    }

    #[test]
    fn each_placeholder_and_limit_is_said_next_to_its_field() {
        let (mut v, mut i) = construct_example();
        v.email_body = "Your code".into();
        v.sms_message = format!("{} {{####}}", "x".repeat(140));
        v.email_subject.clear();
        let fields: Vec<MessageField> = verification_problems(&v)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            [
                MessageField::VerificationSubject,
                MessageField::VerificationBody,
                MessageField::VerificationSms
            ]
        );
        v = construct_example().0;
        v.style = EmailStyle::Link;
        v.email_body = "Follow the link to verify".into();
        assert_eq!(
            verification_problems(&v)
                .first()
                .map(|(f, p)| (*f, p.contains("{##Verify Email##}"))),
            Some((MessageField::VerificationBody, true)),
            "a link body needs {{##…##}}"
        );
        v.email_body = "Please {##Verify Email##} now".into();
        assert_eq!(verification_problems(&v), vec![]);
        i.sms_message = "Your temporary password is {####}".into();
        let problems = invitation_problems(&i);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, MessageField::InvitationSms);
        assert!(problems[0].1.contains("{username}"), "{}", problems[0].1);
        i.email_body = "Hello {username}".into();
        assert!(
            !invitation_problems(&i)
                .iter()
                .any(|(f, _)| *f == MessageField::InvitationBody),
            "the model no longer requires {{####}} in an invitation"
        );
        assert_eq!(
            invitation_warnings(&i).first().map(|(f, _)| *f),
            Some(MessageField::InvitationBody),
            "but its absence is said"
        );
    }
}
