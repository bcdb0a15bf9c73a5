//! Putting what a save created (a role's ARN, a user pool's and client's ids) where the edit
//! named it by a placeholder.

use super::{Edit, ProviderRef};

impl Edit {
    /// Puts a created role's ARN where the edit named it by its placeholder.
    pub fn fill_role(&mut self, placeholder: &str, arn: &str) {
        if let Edit::Many(edits) = self {
            for edit in edits {
                edit.fill_role(placeholder, arn);
            }
            return;
        }
        let role = match self {
            Edit::GuestAccess {
                role: Some(role), ..
            }
            | Edit::AuthenticatedRole(Some(role)) => role,
            _ => return,
        };
        if role == placeholder {
            *role = arn.to_string();
        }
    }

    /// Puts a created user pool's provider name and app client id where the edit named them by
    /// their placeholders (`new_user_pool::NEW_USER_POOL`, `NEW_CLIENT`).
    pub fn fill_user_pool(&mut self, provider_name: &str, client_id: &str) {
        let fill = |text: &mut String| {
            *text = crate::domain::new_user_pool::fill_placeholders(text, provider_name, client_id);
        };
        match self {
            Edit::Many(edits) => {
                for edit in edits {
                    edit.fill_user_pool(provider_name, client_id);
                }
            }
            Edit::UserPool { provider, .. } => {
                fill(&mut provider.provider_name);
                fill(&mut provider.client_id);
            }
            Edit::Mapping { provider, .. } | Edit::PrincipalTags { provider, .. } => {
                if let ProviderRef::UserPool {
                    provider_name,
                    client_id,
                } = provider
                {
                    fill(provider_name);
                    fill(client_id);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CognitoProvider;
    use crate::domain::new_user_pool::{NEW_CLIENT, NEW_USER_POOL};
    use crate::domain::roles::PrincipalTagMap;

    #[test]
    fn a_new_user_pools_placeholders_are_filled_everywhere_and_never_read() {
        let placeholder = ProviderRef::UserPool {
            provider_name: NEW_USER_POOL.into(),
            client_id: NEW_CLIENT.into(),
        };
        let mut edit = Edit::Many(vec![
            Edit::UserPool {
                provider: CognitoProvider {
                    provider_name: NEW_USER_POOL.into(),
                    client_id: NEW_CLIENT.into(),
                    server_side_token_check: true,
                },
                replacing: None,
            },
            Edit::Mapping {
                provider: placeholder.clone(),
                mapping: None,
            },
            Edit::PrincipalTags {
                provider: placeholder,
                map: PrincipalTagMap::default(),
            },
        ]);
        assert_eq!(
            edit.providers_read(),
            Vec::<String>::new(),
            "nothing to read yet"
        );
        let name = "cognito-idp.us-east-1.amazonaws.com/us-east-1_New";
        edit.fill_user_pool(name, "client1");
        let filled = ProviderRef::UserPool {
            provider_name: name.into(),
            client_id: "client1".into(),
        };
        let Edit::Many(edits) = &edit else {
            panic!("{edit:?}")
        };
        assert!(matches!(&edits[0], Edit::UserPool { provider, .. }
            if provider.provider_name == name && provider.client_id == "client1"));
        assert!(matches!(&edits[1], Edit::Mapping { provider, .. } if *provider == filled));
        assert!(matches!(&edits[2], Edit::PrincipalTags { provider, .. } if *provider == filled));
        assert_eq!(edit.providers_read(), vec![name.to_string()]);
    }
}
