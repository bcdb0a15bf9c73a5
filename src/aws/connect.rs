//! Building the SDK clients: the standard credential chain and config files (profiles, SSO,
//! credential_process, environment), or the sandbox's fixed credentials.

use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_credential_types::Credentials;
use aws_credential_types::provider::ProvideCredentials;
use aws_types::region::Region;
use std::time::Duration;

use crate::app::Session;
use crate::app::{AwsError, ErrorKind};

/// The region the sandbox uses when none is asked for.
pub const SANDBOX_DEFAULT_REGION: &str = "us-east-1";

/// Attempts per call, including the first: throttling and transient faults are retried with backoff.
const MAX_ATTEMPTS: u32 = 4;

/// Where the console sends its calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// AWS, through the standard chain, optionally at a custom endpoint (`--endpoint-url`).
    Aws {
        /// The endpoint override for every service.
        endpoint_url: Option<String>,
    },
    /// The built-in sandbox at this endpoint.
    Sandbox {
        /// `http://127.0.0.1:<port>`.
        endpoint_url: String,
    },
}

/// The SDK clients of one session (cheap to clone: they share their connection pool).
#[derive(Clone, Debug)]
pub struct Clients {
    /// Amazon Cognito Identity.
    pub identity: aws_sdk_cognitoidentity::Client,
    /// IAM (roles, OIDC and SAML providers).
    pub iam: aws_sdk_iam::Client,
    /// Amazon Cognito user pools.
    pub user_pools: aws_sdk_cognitoidentityprovider::Client,
    /// STS (whose account the pools' ARNs name).
    pub sts: aws_sdk_sts::Client,
}

impl Clients {
    /// The same clients (credentials, endpoint, retries, connection pool) for another region:
    /// for sweeping every region without reconnecting.
    pub fn in_region(&self, region: &str) -> Self {
        let region = Region::new(region.to_string());
        Self {
            identity: aws_sdk_cognitoidentity::Client::from_conf(
                self.identity
                    .config()
                    .to_builder()
                    .region(region.clone())
                    .build(),
            ),
            iam: self.iam.clone(),
            user_pools: aws_sdk_cognitoidentityprovider::Client::from_conf(
                self.user_pools
                    .config()
                    .to_builder()
                    .region(region.clone())
                    .build(),
            ),
            sts: aws_sdk_sts::Client::from_conf(
                self.sts.config().to_builder().region(region).build(),
            ),
        }
    }
}

fn timeouts() -> TimeoutConfig {
    // Generous per attempt (a slow network), bounded overall, so no spinner ever stays stuck.
    TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(3))
        .operation_attempt_timeout(Duration::from_secs(10))
        .operation_timeout(Duration::from_secs(40))
        .build()
}

/// A region name as AWS writes them (`us-east-1`, `us-gov-west-1`): said in one line when it
/// is not one (an empty `--region ""` used to end as a connection error, blaming the network).
fn check_region(region: &str) -> Result<(), AwsError> {
    let shaped = !region.is_empty()
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !region.starts_with('-')
        && !region.ends_with('-')
        && region.contains('-');
    if shaped {
        return Ok(());
    }
    let what = if region.is_empty() {
        "The region is empty".to_string()
    } else {
        format!("\"{region}\" is not a region name")
    };
    Err(AwsError::new(
        ErrorKind::NoRegion,
        format!(
            "{what}: give one such as us-east-1 (--region, AWS_REGION or the profile's region)"
        ),
    ))
}

/// Loads the configuration, checks that a region and credentials are there, and builds the clients.
pub async fn connect(
    target: &Target,
    profile: Option<String>,
    region: Option<String>,
) -> Result<(Session, Clients), AwsError> {
    if let Some(region) = &region {
        check_region(region)?;
    }
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(RetryConfig::standard().with_max_attempts(MAX_ATTEMPTS))
        .timeout_config(timeouts());
    let (endpoint_label, sandbox) = match target {
        Target::Sandbox { endpoint_url } => {
            let region = region
                .clone()
                .unwrap_or_else(|| SANDBOX_DEFAULT_REGION.to_string());
            loader = loader
                .region(Region::new(region))
                .endpoint_url(endpoint_url)
                .credentials_provider(Credentials::new(
                    "AKIASANDBOX000000000",
                    "sandbox-secret-not-a-real-key",
                    None,
                    None,
                    "cognito-tui-sandbox",
                ));
            let host = endpoint_url.trim_start_matches("http://").to_string();
            (format!("sandbox {host}"), true)
        }
        Target::Aws { endpoint_url } => {
            let asked = profile
                .clone()
                .or_else(|| std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty()));
            if let Some(asked) = &asked {
                check_profile(asked).await?;
            }
            if let Some(profile) = &profile {
                loader = loader.profile_name(profile);
            }
            if let Some(region) = &region {
                loader = loader.region(Region::new(region.clone()));
            }
            if let Some(url) = endpoint_url {
                loader = loader.endpoint_url(url);
            }
            (
                endpoint_url.clone().unwrap_or_else(|| "AWS".to_string()),
                false,
            )
        }
    };
    let config = loader.load().await;
    let Some(region) = config.region().map(|r| r.to_string()) else {
        return Err(AwsError::new(
            ErrorKind::NoRegion,
            "No region is configured.",
        ));
    };
    check_region(&region)?;
    if !sandbox {
        check_credentials(&config).await?;
    }
    let profile = match (sandbox, profile) {
        (true, _) => "sandbox".to_string(),
        (false, Some(profile)) => profile,
        (false, None) => std::env::var("AWS_PROFILE").unwrap_or_else(|_| "default".to_string()),
    };
    // Every client records its responses' request ids for the journal (see `journal::request_ids`).
    let record = crate::journal::request_ids::RecordRequestIds;
    let sts = aws_sdk_sts::Client::from_conf(
        aws_sdk_sts::config::Builder::from(&config)
            .interceptor(record)
            .build(),
    );
    // Who the console really is: the credentials proved once, the ARN shown in the header.
    let caller = if sandbox {
        None
    } else {
        let me = sts
            .get_caller_identity()
            .send()
            .await
            .map_err(super::error::from_sdk)?;
        me.arn().map(String::from)
    };
    let clients = Clients {
        identity: aws_sdk_cognitoidentity::Client::from_conf(
            aws_sdk_cognitoidentity::config::Builder::from(&config)
                .interceptor(record)
                .build(),
        ),
        iam: aws_sdk_iam::Client::from_conf(
            aws_sdk_iam::config::Builder::from(&config)
                .interceptor(record)
                .build(),
        ),
        user_pools: aws_sdk_cognitoidentityprovider::Client::from_conf(
            aws_sdk_cognitoidentityprovider::config::Builder::from(&config)
                .interceptor(record)
                .build(),
        ),
        sts,
    };
    Ok((
        Session {
            profile,
            region,
            endpoint: endpoint_label,
            sandbox,
            caller,
        },
        clients,
    ))
}

/// The clients alone, for a command that runs without the console (`test-access`).
pub async fn connect_clients(
    target: &Target,
    profile: Option<String>,
    region: Option<String>,
) -> Result<Clients, AwsError> {
    connect(target, profile, region)
        .await
        .map(|(_, clients)| clients)
}

/// Refuses a profile that is in neither AWS config file, as aws-cli does (the SDK would quietly
/// fall back to the environment's credentials), naming the profiles there are.
/// The profiles of ~/.aws/config and ~/.aws/credentials (or the files AWS_CONFIG_FILE and
/// AWS_SHARED_CREDENTIALS_FILE name), sorted; none when they can't be read.
pub async fn profile_names() -> Vec<String> {
    use aws_runtime::env_config::file::EnvConfigFiles;
    use aws_types::os_shim_internal::{Env, Fs};
    let mut names: Vec<String> = match aws_config::profile::load(
        &Fs::real(),
        &Env::real(),
        &EnvConfigFiles::default(),
        None,
    )
    .await
    {
        Ok(set) => set.profiles().map(String::from).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

async fn check_profile(asked: &str) -> Result<(), AwsError> {
    let known = profile_names().await;
    if known.iter().any(|p| p == asked) {
        return Ok(());
    }
    let there = if known.is_empty() {
        "there are no profiles".to_string()
    } else {
        format!("the profiles are: {}", known.join(", "))
    };
    Err(AwsError::new(
        ErrorKind::NoProfile,
        format!("The profile \"{asked}\" is not in ~/.aws/config or ~/.aws/credentials ({there})."),
    ))
}

/// An error and its causes in words, each once (`DisplayErrorContext` would end with the SDK's
/// `Debug` dump of the same chain, which says nothing more to an operator).
fn causes(error: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next = Some(error);
    while let Some(e) = next {
        let text = e.to_string();
        if !text.is_empty() && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        next = e.source();
    }
    parts.join(": ")
}

/// Resolves credentials once, so a missing or expired login is reported up front, not on every call.
async fn check_credentials(config: &aws_types::SdkConfig) -> Result<(), AwsError> {
    let Some(provider) = config.credentials_provider() else {
        return Err(AwsError::new(
            ErrorKind::Credentials,
            "No credentials provider is configured.",
        ));
    };
    match tokio::time::timeout(Duration::from_secs(20), provider.provide_credentials()).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => Err(AwsError::new(ErrorKind::Credentials, causes(&e))),
        Err(_) => Err(AwsError::new(
            ErrorKind::Credentials,
            "Resolving credentials took longer than 20 s (an SSO or credential_process step may be waiting).",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::{causes, check_region};

    #[test]
    fn a_region_that_is_not_one_is_said_in_one_line() {
        for good in ["us-east-1", "us-gov-west-1", "eu-central-2", "cn-north-1"] {
            assert!(check_region(good).is_ok(), "{good}");
        }
        let empty = check_region("").map_err(|e| e.message);
        assert_eq!(
            empty,
            Err(
                "The region is empty: give one such as us-east-1 (--region, AWS_REGION or the profile's region)"
                    .into()
            )
        );
        for bad in ["US-EAST-1", "useast1", "-us-east-1", "us east 1"] {
            assert!(check_region(bad).is_err(), "{bad}");
        }
    }
    use aws_credential_types::provider::error::CredentialsError;

    #[test]
    fn a_credentials_failure_reads_as_words_not_a_debug_dump() {
        let inner = std::io::Error::other("the SSO session has expired; run aws sso login");
        let error = CredentialsError::provider_error(inner);
        let text = causes(&error);
        assert!(
            text.contains("the SSO session has expired; run aws sso login"),
            "{text}"
        );
        assert!(!text.contains("ProviderError("), "{text}");
        assert!(!text.contains("Custom {"), "{text}");
    }
}
