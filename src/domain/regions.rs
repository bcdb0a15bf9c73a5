//! Where Amazon Cognito identity pools are offered: the one list of regions the console sweeps
//! (`:region all`, `doctor --all-regions`) and completes (`:region`), and the web console's address
//! of a pool. `tests/regions_botocore.rs` holds the lists to botocore's endpoint data.

/// A partition's regions where the Cognito Identity API (`cognito-identity`) has an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partition {
    /// `aws`, `aws-cn`, `aws-us-gov`, `aws-eusc`.
    pub name: &'static str,
    /// The web console's host for a region (`{region}` is replaced), where known.
    console_host: Option<&'static str>,
    /// The regions, sorted.
    pub regions: &'static [&'static str],
}

/// The partitions the console knows, the commercial one first.
pub const PARTITIONS: &[Partition] = &[
    Partition {
        name: "aws",
        console_host: Some("{region}.console.aws.amazon.com"),
        regions: &[
            "af-south-1",
            "ap-east-1",
            "ap-east-2",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-south-1",
            "ap-south-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-southeast-5",
            "ap-southeast-6",
            "ap-southeast-7",
            "ca-central-1",
            "ca-west-1",
            "eu-central-1",
            "eu-central-2",
            "eu-north-1",
            "eu-south-1",
            "eu-south-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "il-central-1",
            "me-central-1",
            "me-south-1",
            "mx-central-1",
            "sa-east-1",
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
        ],
    },
    Partition {
        name: "aws-cn",
        console_host: Some("{region}.console.amazonaws.cn"),
        regions: &["cn-north-1"],
    },
    Partition {
        name: "aws-us-gov",
        console_host: Some("console.amazonaws-us-gov.com"),
        regions: &["us-gov-east-1", "us-gov-west-1"],
    },
    Partition {
        name: "aws-eusc",
        // Not confirmed from a source here: no address is made up for it.
        console_host: None,
        regions: &["eusc-de-east-1"],
    },
];

/// The partition a region belongs to (by its listed regions, then by its prefix; the commercial
/// one for a region no list names yet, as most new regions are).
pub fn partition_of(region: &str) -> &'static Partition {
    let by_prefix = |prefix: &str| region.starts_with(prefix);
    PARTITIONS
        .iter()
        .find(|p| p.regions.contains(&region))
        .or_else(|| {
            let name = if by_prefix("cn-") {
                "aws-cn"
            } else if by_prefix("us-gov-") {
                "aws-us-gov"
            } else if by_prefix("eusc-") {
                "aws-eusc"
            } else {
                "aws"
            };
            PARTITIONS.iter().find(|p| p.name == name)
        })
        .unwrap_or(&PARTITIONS[0])
}

/// The regions to sweep from a session in `region`: its partition's (credentials work within one
/// partition), with `region` itself included even when no list names it yet.
pub fn sweep_from(region: &str) -> Vec<&str> {
    let mut regions: Vec<&str> = partition_of(region).regions.to_vec();
    if !regions.contains(&region) {
        regions.push(region);
        regions.sort_unstable();
    }
    regions
}

/// Every region the console completes, all partitions, sorted.
pub fn all() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = PARTITIONS.iter().flat_map(|p| p.regions).copied().collect();
    all.sort_unstable();
    all
}

/// Why a region refused a call, in words, when its error code says the region itself can't be
/// used from the account (not enabled, or denied by a policy); `None` for any other failure.
pub fn unusable(code: Option<&str>) -> Option<&'static str> {
    match code? {
        "UnrecognizedClientException" | "InvalidClientTokenId" | "AuthFailure" => {
            Some("not enabled for this account")
        }
        code if code.starts_with("AccessDenied") => Some("access denied"),
        _ => None,
    }
}

/// The pool's page in the AWS web console (the address the AWS CDK's toolkit links to), or why
/// there is none.
pub fn console_url(pool_id: &str) -> Result<String, String> {
    let region = super::pool::region_of(pool_id).unwrap_or("us-east-1");
    let partition = partition_of(region);
    let host = partition
        .console_host
        .ok_or_else(|| {
            format!(
                "No web console address is known for the {} partition",
                partition.name
            )
        })?
        .replace("{region}", region);
    Ok(format!(
        "https://{host}/cognito/v2/identity/identity-pools/{pool_id}/user-statistics?region={region}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_finds_its_partition() {
        assert_eq!(partition_of("eu-west-1").name, "aws");
        assert_eq!(partition_of("cn-north-1").name, "aws-cn");
        assert_eq!(partition_of("cn-northwest-1").name, "aws-cn", "by prefix");
        assert_eq!(partition_of("us-gov-west-1").name, "aws-us-gov");
        assert_eq!(partition_of("xx-new-9").name, "aws", "an unknown region");
    }

    #[test]
    fn the_sweep_keeps_to_the_sessions_partition_and_includes_its_region() {
        let sweep = sweep_from("us-east-1");
        assert!(sweep.contains(&"eu-west-1") && !sweep.contains(&"cn-north-1"));
        assert_eq!(
            sweep_from("us-gov-west-1"),
            ["us-gov-east-1", "us-gov-west-1"]
        );
        let unknown = sweep_from("ap-future-1");
        assert!(unknown.contains(&"ap-future-1") && unknown.contains(&"us-east-1"));
        assert!(unknown.is_sorted());
    }

    #[test]
    fn lists_are_sorted_without_repeats() {
        for partition in PARTITIONS {
            assert!(
                partition.regions.windows(2).all(|w| w[0] < w[1]),
                "{}",
                partition.name
            );
        }
        assert!(all().windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_console_url_names_the_pool_and_its_region() {
        assert_eq!(
            console_url("eu-west-1:0c1f6e2b-3c55-4a40-9a0e-5d1c6b7a2f10").as_deref(),
            Ok(
                "https://eu-west-1.console.aws.amazon.com/cognito/v2/identity/identity-pools/eu-west-1:0c1f6e2b-3c55-4a40-9a0e-5d1c6b7a2f10/user-statistics?region=eu-west-1"
            )
        );
        assert!(
            console_url("cn-north-1:x")
                .is_ok_and(|u| u.starts_with("https://cn-north-1.console.amazonaws.cn/"))
        );
        assert!(
            console_url("us-gov-west-1:x")
                .is_ok_and(|u| u.starts_with("https://console.amazonaws-us-gov.com/"))
        );
        assert!(console_url("eusc-de-east-1:x").is_err(), "not made up");
    }
}
