//! Faults on demand: added latency with jitter, per-operation request-rate limits that answer
//! TooManyRequestsException like the service's quotas, and a random InternalErrorException rate.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::protocol::ServiceError;

/// What to inject. The default injects nothing (fast and reliable).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// Added to every request.
    pub latency: Duration,
    /// A random extra delay, up to this much.
    pub jitter: Duration,
    /// The share of requests (0–1) that fail with InternalErrorException (HTTP 500).
    pub fault_rate: f64,
    /// Requests per second allowed per operation; more are throttled.
    pub rate_limits: BTreeMap<String, f64>,
    /// The share of ids (0–1) that DeleteIdentities returns as unprocessed (InternalServerError).
    pub delete_failure_rate: f64,
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
    faults: Faults,
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl FaultInjector {
    /// An injector for `faults`.
    pub fn new(faults: Faults) -> Self {
        Self {
            faults,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// The faults in force.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Waits the configured latency, then says whether `operation` is throttled or faulted.
    pub async fn before(&self, operation: &str) -> Result<(), ServiceError> {
        let mut delay = self.faults.latency;
        if !self.faults.jitter.is_zero() {
            delay += self.faults.jitter.mul_f64(fastrand::f64());
        }
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        if let Some(&rate) = self.faults.rate_limits.get(operation)
            && !self.take_token(operation, rate)
        {
            return Err(ServiceError::client(
                "TooManyRequestsException",
                "Rate exceeded",
            ));
        }
        if self.faults.fault_rate > 0.0 && fastrand::f64() < self.faults.fault_rate {
            return Err(ServiceError::internal(
                "An internal error occurred (injected by the sandbox).",
            ));
        }
        Ok(())
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
            if injector.before("ListIdentityPools").await.is_ok() {
                ok += 1;
            }
        }
        assert_eq!(ok, 5, "a burst gets one second's worth");
        assert!(
            injector.before("DescribeIdentityPool").await.is_ok(),
            "other operations are not limited"
        );
        let err = injector
            .before("ListIdentityPools")
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
        let err = injector.before("X").await.err();
        assert_eq!(
            err.map(|e| (e.status, e.code)),
            Some((500, "InternalErrorException"))
        );
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
