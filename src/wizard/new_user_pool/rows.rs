//! The new user pool form's rows (each message checked next to its field) and its lines on
//! Review.

use super::{NewPoolField, NewUserPoolDraft, SmsRoleMode};
use crate::domain::limits::IAM_ROLE_NAME;
use crate::domain::new_user_pool::{CLIENT_NAME, EXTERNAL_ID, USER_POOL_NAME};
use crate::domain::user_pool_messages::{self as messages, EmailStyle, MessageField};
use crate::domain::validation::StrRule;
use crate::wizard::draft::Draft;
use crate::wizard::fields::{FieldId, Kind, PickerKind, Row, choice, pick, plain, text};

const SMS_ROLE_OPTIONS: [&str; 3] = [
    "None (email only)",
    "Create a new role",
    "Use an existing role",
];

fn field_of(message: MessageField) -> NewPoolField {
    match message {
        MessageField::VerificationSubject => NewPoolField::VerifySubject,
        MessageField::VerificationBody => NewPoolField::VerifyBody,
        MessageField::VerificationSms => NewPoolField::VerifySms,
        MessageField::InvitationSubject => NewPoolField::InviteSubject,
        MessageField::InvitationBody => NewPoolField::InviteBody,
        MessageField::InvitationSms => NewPoolField::InviteSms,
    }
}

/// A text field of the form, its message problem (if any) beside it.
fn message_field(
    form: &NewUserPoolDraft,
    field: NewPoolField,
    label: &str,
    rule: &StrRule,
    problems: &[(MessageField, String)],
) -> Row {
    let input = form.input(field).cloned().unwrap_or_default();
    let mut row = text(FieldId::NewPool(field), label, &input, rule);
    if row.error.is_none() {
        row.error = problems
            .iter()
            .find(|(f, _)| field_of(*f) == field)
            .map(|(_, p)| p.clone());
    }
    Row::Field(row)
}

/// The form's rows (under the user pool provider of the identity-provider step).
pub fn rows(draft: &Draft, rows: &mut Vec<Row>) {
    let form = &draft.new_user_pool;
    let verification = messages::verification_problems(&form.verification());
    let invitation = messages::invitation_problems(&form.invitation());
    let field = |f, label: &str, rule: &StrRule, problems: &[(MessageField, String)]| {
        message_field(form, f, label, rule, problems)
    };
    rows.push(field(
        NewPoolField::Name,
        "User pool name",
        &USER_POOL_NAME,
        &[],
    ));
    rows.push(Row::Field(plain(
        FieldId::NewPool(NewPoolField::SelfSignUp),
        "Self sign-up",
        Kind::Toggle(form.self_sign_up),
    )));
    rows.push(Row::Note(
        "User verification (sent when a user signs up or an address changes)".into(),
    ));
    rows.push(Row::Field(plain(
        FieldId::NewPool(NewPoolField::VerifyEmail),
        "Verify email addresses",
        Kind::Toggle(form.verify_email),
    )));
    rows.push(field(
        NewPoolField::VerifySubject,
        "Email subject",
        &messages::EMAIL_SUBJECT,
        &verification,
    ));
    rows.push(Row::Field(choice(
        FieldId::NewPool(NewPoolField::VerifyStyle),
        "Email style",
        vec!["Code ({####})", "Link ({##Verify Email##})"],
        usize::from(form.style == EmailStyle::Link),
    )));
    let body_rule = match form.style {
        EmailStyle::Code => &messages::EMAIL_MESSAGE,
        EmailStyle::Link => &messages::EMAIL_MESSAGE_BY_LINK,
    };
    rows.push(field(
        NewPoolField::VerifyBody,
        "Email body",
        body_rule,
        &verification,
    ));
    rows.push(field(
        NewPoolField::VerifySms,
        "SMS message",
        &messages::SMS_MESSAGE,
        &verification,
    ));
    rows.push(Row::Note(
        "User invitation (sent to users an administrator creates: {username} required, {####} is their temporary password)"
            .into(),
    ));
    rows.push(field(
        NewPoolField::InviteSubject,
        "Email subject",
        &messages::EMAIL_SUBJECT,
        &invitation,
    ));
    rows.push(field(
        NewPoolField::InviteBody,
        "Email body",
        &messages::INVITE_EMAIL,
        &invitation,
    ));
    rows.push(field(
        NewPoolField::InviteSms,
        "SMS message",
        &messages::INVITE_SMS,
        &invitation,
    ));
    if let Some((_, warning)) = messages::invitation_warnings(&form.invitation()).first() {
        rows.push(Row::Warning(warning.clone()));
    }
    let mode = [SmsRoleMode::None, SmsRoleMode::New, SmsRoleMode::Existing]
        .iter()
        .position(|m| *m == form.sms_role)
        .unwrap_or(0);
    rows.push(Row::Field(choice(
        FieldId::NewPool(NewPoolField::SmsRole),
        "SMS role",
        SMS_ROLE_OPTIONS.to_vec(),
        mode,
    )));
    match form.sms_role {
        SmsRoleMode::None => rows.push(Row::Note(
            "Without an SMS role the user pool sends no SMS: the SMS messages above are kept for later.".into(),
        )),
        SmsRoleMode::New => {
            rows.push(field(NewPoolField::SmsRoleName, "New role name", &IAM_ROLE_NAME, &[]));
            rows.push(Row::Note(
                "It trusts cognito-idp.amazonaws.com with sts:ExternalId and may sns:Publish.".into(),
            ));
        }
        SmsRoleMode::Existing => {
            rows.push(Row::Field(pick(
                FieldId::NewPool(NewPoolField::SmsRoleExisting),
                "Existing role",
                form.sms_role_existing.as_ref().map(|r| r.name.clone()),
                PickerKind::Roles,
                "a role Cognito user pools may assume",
            )));
            if let Some(problem) = form.sms_role_existing.as_ref().and_then(|role| {
                crate::domain::new_user_pool::sms_trust_problem(
                    &role.trust_policy,
                    form.external_id.value(),
                )
            }) {
                rows.push(Row::Warning(problem));
            }
        }
    }
    if form.sms_role != SmsRoleMode::None {
        rows.push(field(
            NewPoolField::ExternalId,
            "External id",
            &EXTERNAL_ID,
            &[],
        ));
    }
    rows.push(Row::Note("App client".into()));
    rows.push(field(
        NewPoolField::ClientName,
        "App client name",
        &CLIENT_NAME,
        &[],
    ));
    rows.push(Row::Note(
        "Sign-in: SRP (ALLOW_USER_SRP_AUTH) and refresh tokens always.".into(),
    ));
    rows.push(Row::Field(plain(
        FieldId::NewPool(NewPoolField::PasswordAuth),
        "Also password auth (USER_PASSWORD_AUTH)",
        Kind::Toggle(form.password_auth),
    )));
    rows.push(Row::Field(plain(
        FieldId::NewPool(NewPoolField::Secret),
        "Generate a client secret",
        Kind::Toggle(form.secret),
    )));
    if form.secret {
        rows.push(Row::Warning(
            "Browser and mobile apps can't keep a secret: give those a client without one.".into(),
        ));
    }
}

/// The form in Review's words.
pub fn review(form: &NewUserPoolDraft) -> Vec<String> {
    let on = |b: bool| if b { "on" } else { "off" };
    let sms = match form.sms_role {
        SmsRoleMode::None => "none".to_string(),
        SmsRoleMode::New => format!(
            "new role {} (external id {})",
            form.sms_role_name.value(),
            form.external_id.value()
        ),
        SmsRoleMode::Existing => format!(
            "{} (external id {})",
            form.sms_role_existing
                .as_ref()
                .map_or("—".to_string(), |r| r.arn.clone()),
            form.external_id.value()
        ),
    };
    let client = form.client();
    vec![
        format!(
            "new user pool {} · self sign-up {} · verify email {}",
            form.name.value(),
            on(form.self_sign_up),
            on(form.verify_email)
        ),
        format!(
            "    verification by {}: \"{}\" · SMS \"{}\"",
            match form.style {
                EmailStyle::Code => "code",
                EmailStyle::Link => "link",
            },
            form.verify_subject.value(),
            form.verify_sms.value()
        ),
        format!(
            "    invitation: \"{}\" · SMS \"{}\"",
            form.invite_subject.value(),
            form.invite_sms.value()
        ),
        format!("    SMS role: {sms}"),
        format!(
            "    app client {} · {}{}",
            client.name,
            client.flows().join(", "),
            if client.secret {
                " · with a secret"
            } else {
                ""
            }
        ),
    ]
}
