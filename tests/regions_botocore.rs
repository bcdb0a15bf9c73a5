//! The console's one list of regions where identity pools are offered, held to botocore's
//! endpoint data (installed by ./scripts/setup-python.sh): every region we list has a
//! `cognito-identity` endpoint in its partition there. A region botocore has added since is
//! printed, not failed on: the venv takes the newest botocore, and a region launched upstream
//! must not turn CI red overnight (the session's own region is swept even when unlisted).

mod common;

use cognito_tui::domain::regions::PARTITIONS;
use std::collections::BTreeMap;

const SCRIPT: &str = r#"
import json, os, botocore
data = json.load(open(os.path.join(os.path.dirname(botocore.__file__), "data", "endpoints.json")))
out = {}
for p in data["partitions"]:
    endpoints = p["services"].get("cognito-identity", {}).get("endpoints", {})
    regions = sorted(r for r in endpoints if r in p["regions"])
    if regions:
        out[p["partition"]] = regions
print(json.dumps(out))
"#;

#[test]
fn the_region_lists_are_botocores() {
    let botocore: BTreeMap<String, Vec<String>> =
        serde_json::from_value(common::venv_json(SCRIPT)).unwrap_or_else(|e| panic!("{e}"));
    for partition in PARTITIONS {
        let theirs = botocore.get(partition.name).cloned().unwrap_or_default();
        let unknown: Vec<&str> = partition
            .regions
            .iter()
            .copied()
            .filter(|r| !theirs.iter().any(|t| t == r))
            .collect();
        assert!(
            unknown.is_empty(),
            "{}: botocore has no cognito-identity endpoint in {unknown:?}",
            partition.name
        );
        let new: Vec<&String> = theirs
            .iter()
            .filter(|t| !partition.regions.contains(&t.as_str()))
            .collect();
        if !new.is_empty() {
            eprintln!(
                "note: botocore lists {new:?} in {} too: add them to domain::regions",
                partition.name
            );
        }
    }
    let known: Vec<&String> = botocore.keys().collect();
    for partition in PARTITIONS {
        assert!(
            known.contains(&&partition.name.to_string()),
            "{} is a partition",
            partition.name
        );
    }
}
