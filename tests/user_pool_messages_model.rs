//! The user pool message rules (`domain::user_pool_messages`) held to botocore's model of
//! cognito-idp (installed by ./scripts/setup-python.sh): each rule's length limits and pattern
//! are the model's for its shape.

mod common;

use cognito_tui::domain::user_pool_messages::{
    EMAIL_MESSAGE, EMAIL_MESSAGE_BY_LINK, EMAIL_SUBJECT, INVITE_EMAIL, INVITE_SMS, SMS_MESSAGE,
};
use cognito_tui::domain::validation::StrRule;

const SCRIPT: &str = r#"
import json, botocore.session
model = botocore.session.get_session().get_service_model("cognito-idp")
names = ["EmailVerificationSubjectType", "EmailVerificationSubjectByLinkType",
         "EmailVerificationMessageType", "EmailVerificationMessageByLinkType",
         "SmsVerificationMessageType", "SmsInviteMessageType", "EmailInviteMessageType"]
print(json.dumps({n: model.shape_for(n).metadata for n in names}))
"#;

#[test]
fn message_rules_are_the_models() {
    let model = common::venv_json(SCRIPT);
    let cases: [(&str, &StrRule); 7] = [
        ("SmsInviteMessageType", &INVITE_SMS),
        ("EmailInviteMessageType", &INVITE_EMAIL),
        ("EmailVerificationSubjectType", &EMAIL_SUBJECT),
        ("EmailVerificationSubjectByLinkType", &EMAIL_SUBJECT),
        ("EmailVerificationMessageType", &EMAIL_MESSAGE),
        ("EmailVerificationMessageByLinkType", &EMAIL_MESSAGE_BY_LINK),
        ("SmsVerificationMessageType", &SMS_MESSAGE),
    ];
    for (shape, rule) in cases {
        let m = &model[shape];
        assert_eq!(m["min"].as_u64(), Some(rule.min as u64), "{shape} min");
        assert_eq!(m["max"].as_u64(), Some(rule.max as u64), "{shape} max");
        assert_eq!(m["pattern"].as_str(), rule.pattern, "{shape} pattern");
    }
}
