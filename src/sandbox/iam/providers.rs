//! IAM OpenID Connect and SAML providers.

use super::{IamState, OidcProvider, SamlProvider, iso8601, now};
use crate::domain::validation::StrRule;
use crate::sandbox::protocol::ServiceError;
use crate::sandbox::query::{QueryInput, element};
use crate::sandbox::store::SANDBOX_ACCOUNT;

const URL: StrRule = StrRule {
    min: 1,
    max: 255,
    pattern: None,
    allowed: "an https:// issuer URL",
};
const CLIENT_ID: StrRule = StrRule {
    min: 1,
    max: 255,
    pattern: None,
    allowed: "1–255 characters",
};
const THUMBPRINT: StrRule = StrRule {
    min: 40,
    max: 40,
    pattern: None,
    allowed: "a 40-character SHA-1 thumbprint",
};
const SAML_NAME: StrRule = StrRule {
    min: 1,
    max: 128,
    pattern: Some(r"[\w._-]+"),
    allowed: "1–128 of letters, digits and . _ -",
};
const METADATA: StrRule = StrRule {
    min: 1000,
    max: 10_000_000,
    pattern: None,
    allowed: "a SAML metadata document",
};

fn exists(arn: &str) -> ServiceError {
    ServiceError {
        status: 409,
        code: "EntityAlreadyExists",
        message: format!("Provider with url {arn} already exists."),
    }
}

/// CreateOpenIDConnectProvider.
pub fn create_oidc(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let url = input.string("Url", &URL, true);
    let client_ids = input.members("ClientIDList", &CLIENT_ID);
    let thumbprints = input.members("ThumbprintList", &THUMBPRINT);
    input.finish()?;
    let url = url.unwrap_or_default();
    let Some(host) = url.strip_prefix("https://").filter(|h| !h.is_empty()) else {
        return Err(ServiceError::client(
            "InvalidInput",
            "The URL must start with https:// and name a host.",
        ));
    };
    let arn = format!(
        "arn:aws:iam::{SANDBOX_ACCOUNT}:oidc-provider/{}",
        host.trim_end_matches('/')
    );
    if iam.oidc_providers.contains_key(&arn) {
        return Err(exists(&url));
    }
    iam.oidc_providers.insert(
        arn.clone(),
        OidcProvider {
            url,
            client_ids,
            thumbprints,
            created: now(),
        },
    );
    Ok(element("OpenIDConnectProviderArn", &arn))
}

/// ListOpenIDConnectProviders.
pub fn list_oidc(iam: &IamState) -> String {
    let members: String = iam
        .oidc_providers
        .keys()
        .map(|arn| format!("<member>{}</member>", element("Arn", arn)))
        .collect();
    format!("<OpenIDConnectProviderList>{members}</OpenIDConnectProviderList>")
}

/// CreateSAMLProvider.
pub fn create_saml(iam: &mut IamState, mut input: QueryInput) -> Result<String, ServiceError> {
    let name = input.string("Name", &SAML_NAME, true);
    let metadata = input.string("SAMLMetadataDocument", &METADATA, true);
    input.finish()?;
    let arn = format!(
        "arn:aws:iam::{SANDBOX_ACCOUNT}:saml-provider/{}",
        name.unwrap_or_default()
    );
    if iam.saml_providers.contains_key(&arn) {
        return Err(exists(&arn));
    }
    iam.saml_providers.insert(
        arn.clone(),
        SamlProvider {
            metadata: metadata.unwrap_or_default(),
            created: now(),
        },
    );
    Ok(element("SAMLProviderArn", &arn))
}

/// ListSAMLProviders.
pub fn list_saml(iam: &IamState) -> String {
    let members: String = iam
        .saml_providers
        .iter()
        .map(|(arn, p)| {
            // The sandbox's metadata never expires: valid for ten years from creation.
            let valid_until = iso8601(p.created + 10 * 365 * 86_400);
            format!(
                "<member>{}{}{}</member>",
                element("Arn", arn),
                element("ValidUntil", &valid_until),
                element("CreateDate", &iso8601(p.created))
            )
        })
        .collect();
    format!("<SAMLProviderList>{members}</SAMLProviderList>")
}
