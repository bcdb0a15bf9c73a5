//! Faults on demand: added latency with jitter, per-operation request-rate limits that answer
//! as each service's quotas do (TooManyRequestsException for Cognito, Throttling for IAM and STS),
//! and a random rate of the service's own 500 (InternalErrorException, ServiceFailure,
//! InternalFailure).

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::protocol::ServiceError;

/// Whose error codes an injected fault carries: each service names throttling and its own
/// failures differently, and clients show (and retry on) the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Cognito identity pools and user pools (JSON protocol).
    Cognito,
    /// IAM (Query protocol).
    Iam,
    /// STS (Query protocol).
    Sts,
}

impl Dialect {
    fn throttled(self) -> ServiceError {
        let code = match self {
            Self::Cognito => "TooManyRequestsException",
            Self::Iam | Self::Sts => "Throttling",
        };
        ServiceError::client(code, "Rate exceeded")
    }

    fn failed(self) -> ServiceError {
        let message = "An internal error occurred (injected by the sandbox).";
        match self {
            Self::Cognito => ServiceError::internal(message),
            Self::Iam => ServiceError {
                status: 500,
                code: "ServiceFailure",
                message: message.into(),
            },
            Self::Sts => ServiceError {
                status: 500,
                code: "InternalFailure",
                message: message.into(),
            },
        }
    }
}

/// How a region answers every Cognito call when it can't be used from the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegionFault {
    /// An opt-in region the account has not enabled: the region does not know the credentials.
    NotEnabled,
    /// A service control policy denies the region.
    Denied,
}

impl RegionFault {
    /// Parses `REGION=not-enabled|denied`, as `--region-fault` takes it.
    pub fn parse(text: &str) -> Result<(String, Self), String> {
        let (region, kind) = text
            .split_once('=')
            .ok_or_else(|| format!("expected REGION=not-enabled|denied, got {text:?}"))?;
        let fault = match kind {
            "not-enabled" => Self::NotEnabled,
            "denied" => Self::Denied,
            other => {
                return Err(format!(
                    "{other:?} is not a region fault: not-enabled or denied"
                ));
            }
        };
        Ok((region.to_string(), fault))
    }

    /// The service's answer: an unknown access key where the region is not enabled, an explicit
    /// deny where a policy refuses it.
    fn answer(self, service: &str, operation: &str) -> ServiceError {
        match self {
            Self::NotEnabled => ServiceError::client(
                "UnrecognizedClientException",
                "The security token included in the request is invalid.",
            ),
            Self::Denied => ServiceError::client(
                "AccessDeniedException",
                format!(
                    "User: arn:aws:iam::{}:user/sandbox is not authorized to perform: {service}:{operation} with an explicit deny in a service control policy",
                    super::store::SANDBOX_ACCOUNT
                ),
            ),
        }
    }
}

/// What to inject. The default injects nothing (fast and reliable).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// Added to every request.
    pub latency: Duration,
    /// A random extra delay, up to this much.
    pub jitter: Duration,
    /// The share of requests (0–1) that fail with the service's own HTTP 500.
    pub fault_rate: f64,
    /// Requests per second allowed per operation; more are throttled.
    pub rate_limits: BTreeMap<String, f64>,
    /// The share of ids (0–1) that DeleteIdentities returns as unprocessed (InternalServerError).
    pub delete_failure_rate: f64,
    /// Regions whose Cognito calls are all refused, and how.
    pub region_faults: BTreeMap<String, RegionFault>,
}

impl Faults {
    /// The `--realistic` preset: 40 ms ± 10 ms per call and the service's published per-operation quotas.
    pub fn realistic() -> Self {
        let quotas = [
            ("GetId", 25.0),
            ("GetOpenIdToken", 200.0),
            ("GetCredentialsForIdentity", 200.0),
            ("GetOpenIdTokenForDeveloperIdentity", 200.0),
        ];
        Self {
            latency: Duration::from_millis(40),
            jitter: Duration::from_millis(10),
            fault_rate: 0.0,
            delete_failure_rate: 0.0,
            region_faults: BTreeMap::new(),
            rate_limits: quotas
                .iter()
                .map(|(op, rps)| (op.to_string(), *rps))
                .collect(),
        }
    }

    /// Parses `Operation=RPS`, as `--rate-limit` takes it.
    pub fn parse_rate_limit(text: &str) -> Result<(String, f64), String> {
        let (op, rps) = text
            .split_once('=')
            .ok_or_else(|| format!("expected Operation=RPS, got {text:?}"))?;
        let rps: f64 = rps
            .parse()
            .map_err(|_| format!("{rps:?} is not a number of requests per second"))?;
        if !(rps > 0.0 && rps.is_finite()) {
            return Err(format!("the rate for {op} must be above 0"));
        }
        Ok((op.to_string(), rps))
    }
}

/// A token bucket: `rate` tokens a second, holding at most one second's worth.
#[derive(Debug)]
struct Bucket {
    tokens: f64,
    refilled: Instant,
}

/// The faults in force and the rate limiters' state.
#[derive(Debug, Default)]
pub struct FaultInjector {
    // Behind a lock so that they can be changed while the sandbox serves (`POST /_sandbox/faults`).
    faults: std::sync::RwLock<Faults>,
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl FaultInjector {
    /// An injector for `faults`.
    pub fn new(faults: Faults) -> Self {
        Self {
            faults: std::sync::RwLock::new(faults),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// The faults in force.
    pub fn faults(&self) -> Faults {
        self.faults
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Replaces the faults in force; rate limiters start afresh.
    pub fn set(&self, faults: Faults) {
        *self.faults.write().unwrap_or_else(|p| p.into_inner()) = faults;
        self.buckets
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    /// Waits the configured latency, then says whether `operation` is throttled or faulted, in
    /// the error codes of `dialect`.
    pub async fn before(&self, operation: &str, dialect: Dialect) -> Result<(), ServiceError> {
        let faults = self.faults();
        let mut delay = faults.latency;
        if !faults.jitter.is_zero() {
            delay += faults.jitter.mul_f64(fastrand::f64());
        }
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        if let Some(&rate) = faults.rate_limits.get(operation)
            && !self.take_token(operation, rate)
        {
            return Err(dialect.throttled());
        }
        if faults.fault_rate > 0.0 && fastrand::f64() < faults.fault_rate {
            return Err(dialect.failed());
        }
        Ok(())
    }

    /// Refuses a Cognito call (`service` is `cognito-identity` or `cognito-idp`) signed for a
    /// region the faults make unusable.
    pub fn region_refusal(
        &self,
        region: Option<&str>,
        service: &str,
        operation: &str,
    ) -> Result<(), ServiceError> {
        let faults = self.faults.read().unwrap_or_else(|p| p.into_inner());
        match region.and_then(|r| faults.region_faults.get(r)) {
            Some(fault) => Err(fault.answer(service, operation)),
            None => Ok(()),
        }
    }

    fn take_token(&self, operation: &str, rate: f64) -> bool {
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        let capacity = rate.max(1.0);
        let bucket = buckets.entry(operation.to_string()).or_insert(Bucket {
            tokens: capacity,
            refilled: now,
        });
        let elapsed = now.duration_since(bucket.refilled).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(capacity);
        bucket.refilled = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_rate_limit_throttles_the_excess_and_recovers() {
        let mut faults = Faults::default();
        faults.rate_limits.insert("ListIdentityPools".into(), 5.0);
        let injector = FaultInjector::new(faults);
        let mut ok = 0;
        for _ in 0..20 {
            if injector
                .before("ListIdentityPools", Dialect::Cognito)
                .await
                .is_ok()
            {
                ok += 1;
            }
        }
        assert_eq!(ok, 5, "a burst gets one second's worth");
        assert!(
            injector
                .before("DescribeIdentityPool", Dialect::Cognito)
                .await
                .is_ok(),
            "other operations are not limited"
        );
        let err = injector
            .before("ListIdentityPools", Dialect::Cognito)
            .await
            .err()
            .map(|e| e.code);
        assert_eq!(err, Some("TooManyRequestsException"));
    }

    #[tokio::test]
    async fn a_full_fault_rate_always_fails_with_a_500() {
        let injector = FaultInjector::new(Faults {
            fault_rate: 1.0,
            ..Default::default()
        });
        let mut codes = Vec::new();
        for dialect in [Dialect::Cognito, Dialect::Iam, Dialect::Sts] {
            let err = injector.before("X", dialect).await.err();
            codes.push(err.map(|e| (e.status, e.code)));
        }
        assert_eq!(
            codes,
            [
                Some((500, "InternalErrorException")),
                Some((500, "ServiceFailure")),
                Some((500, "InternalFailure")),
            ],
            "each service's own 500"
        );
    }

    #[tokio::test]
    async fn iam_and_sts_are_throttled_in_their_own_words() {
        let mut faults = Faults::default();
        faults.rate_limits.insert("ListRoles".into(), 1.0);
        let injector = FaultInjector::new(faults);
        assert!(injector.before("ListRoles", Dialect::Iam).await.is_ok());
        let err = injector.before("ListRoles", Dialect::Iam).await.err();
        assert_eq!(err.map(|e| (e.status, e.code)), Some((400, "Throttling")));
    }

    #[test]
    fn a_faulted_region_is_refused_as_the_service_refuses_it() {
        let mut faults = Faults::default();
        faults
            .region_faults
            .insert("ap-east-2".into(), RegionFault::NotEnabled);
        faults
            .region_faults
            .insert("me-south-1".into(), RegionFault::Denied);
        let injector = FaultInjector::new(faults);
        let refused = |region| {
            injector
                .region_refusal(Some(region), "cognito-identity", "ListIdentityPools")
                .err()
        };
        assert_eq!(
            refused("ap-east-2").map(|e| (e.status, e.code)),
            Some((400, "UnrecognizedClientException"))
        );
        let denied = refused("me-south-1");
        assert_eq!(
            denied.as_ref().map(|e| e.code),
            Some("AccessDeniedException")
        );
        assert!(denied.is_some_and(|e| e.message.contains("cognito-identity:ListIdentityPools")));
        assert_eq!(refused("us-east-1"), None);
        assert_eq!(
            RegionFault::parse("eu-south-2=denied"),
            Ok(("eu-south-2".into(), RegionFault::Denied))
        );
        assert!(RegionFault::parse("eu-south-2=off").is_err());
    }

    #[test]
    fn rate_limits_parse() {
        assert_eq!(
            Faults::parse_rate_limit("GetId=25"),
            Ok(("GetId".into(), 25.0))
        );
        assert!(Faults::parse_rate_limit("GetId").is_err());
        assert!(Faults::parse_rate_limit("GetId=0").is_err());
        assert!(Faults::parse_rate_limit("GetId=x").is_err());
    }
}

/// The JSON form of faults for `GET`/`POST /_sandbox/faults` (milliseconds, rates 0–1, RPS per op).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FaultsJson {
    /// Added latency.
    pub latency_ms: u64,
    /// Random extra latency, up to this.
    pub jitter_ms: u64,
    /// Share of calls answered with the service's own HTTP 500.
    pub fault_rate: f64,
    /// Share of DeleteIdentities ids left unprocessed.
    pub delete_failure_rate: f64,
    /// Requests per second per operation.
    pub rate_limits: BTreeMap<String, f64>,
    /// Regions refused outright: `"not-enabled"` or `"denied"`.
    pub region_faults: BTreeMap<String, RegionFault>,
}

impl From<&Faults> for FaultsJson {
    fn from(f: &Faults) -> Self {
        Self {
            latency_ms: u64::try_from(f.latency.as_millis()).unwrap_or(u64::MAX),
            jitter_ms: u64::try_from(f.jitter.as_millis()).unwrap_or(u64::MAX),
            fault_rate: f.fault_rate,
            delete_failure_rate: f.delete_failure_rate,
            rate_limits: f.rate_limits.clone(),
            region_faults: f.region_faults.clone(),
        }
    }
}

impl FaultsJson {
    /// The faults, if the values are in range.
    pub fn to_faults(&self) -> Result<Faults, String> {
        for (name, rate) in [
            ("fault_rate", self.fault_rate),
            ("delete_failure_rate", self.delete_failure_rate),
        ] {
            if !(0.0..=1.0).contains(&rate) {
                return Err(format!("{name} must be between 0 and 1"));
            }
        }
        if let Some((op, _)) = self
            .rate_limits
            .iter()
            .find(|(_, rps)| !(**rps > 0.0 && rps.is_finite()))
        {
            return Err(format!("the rate limit for {op} must be above 0"));
        }
        Ok(Faults {
            latency: Duration::from_millis(self.latency_ms),
            jitter: Duration::from_millis(self.jitter_ms),
            fault_rate: self.fault_rate,
            delete_failure_rate: self.delete_failure_rate,
            rate_limits: self.rate_limits.clone(),
            region_faults: self.region_faults.clone(),
        })
    }
}
