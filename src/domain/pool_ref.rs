//! A pool named on the command line (`:open`): its id (`us-east-1:1a2b3c4d-…`) or its ARN
//! (`arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:1a2b3c4d-…`), the
//! two forms the CDK's `fromIdentityPoolId` and `fromIdentityPoolArn` take.

const FORMS: &str = "a pool id like us-east-1:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d, or its ARN like arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

/// `us-east-1`, `eu-central-2`, `us-gov-west-1`…
pub fn is_region_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts
            .iter()
            .take(parts.len() - 1)
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts
            .last()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn pool_id(text: &str) -> Result<String, String> {
    match text.split_once(':') {
        Some((region, uuid)) if is_region_name(region) && is_uuid(uuid) => {
            Ok(format!("{region}:{}", uuid.to_ascii_lowercase()))
        }
        _ => Err(format!(
            "\"{text}\" is not a pool id or ARN: expected {FORMS}"
        )),
    }
}

/// The pool id `text` names (an id or an identity pool ARN), or a message saying what was
/// expected.
pub fn parse(text: &str) -> Result<String, String> {
    let text = text.trim();
    let Some(rest) = text.strip_prefix("arn:") else {
        return pool_id(text);
    };
    let fields: Vec<&str> = rest.splitn(5, ':').collect();
    let bad = |why: &str| {
        Err(format!(
            "\"{text}\" is not an identity pool ARN ({why}): expected {FORMS}"
        ))
    };
    let [partition, service, region, account, resource] = fields[..] else {
        return bad("too few fields");
    };
    if !["aws", "aws-cn", "aws-us-gov"].contains(&partition) {
        return bad("unknown partition");
    }
    if service != "cognito-identity" {
        return bad("not cognito-identity");
    }
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return bad("the account is not 12 digits");
    }
    let Some(id) = resource.strip_prefix("identitypool/") else {
        return bad("the resource is not identitypool/<pool id>");
    };
    let id = pool_id(id)?;
    if super::pool::region_of(&id) != Some(region) {
        return bad("the pool id's region is not the ARN's");
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "us-east-1:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    #[test]
    fn ids_and_arns_name_a_pool_and_anything_else_says_what_is_expected() {
        assert_eq!(parse(ID).as_deref(), Ok(ID));
        assert_eq!(
            parse(&format!(
                " {} ",
                ID.to_uppercase().replace("US-EAST-1", "us-east-1")
            ))
            .as_deref(),
            Ok(ID)
        );
        assert_eq!(
            parse(&format!(
                "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/{ID}"
            ))
            .as_deref(),
            Ok(ID)
        );
        let gov = "us-gov-west-1:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
        assert_eq!(
            parse(&format!(
                "arn:aws-us-gov:cognito-identity:us-gov-west-1:123456789012:identitypool/{gov}"
            ))
            .as_deref(),
            Ok(gov)
        );
        for (bad, says) in [
            ("orders-app", "is not a pool id or ARN"),
            ("us-east-1:not-a-uuid", "is not a pool id or ARN"),
            (
                "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_X",
                "not cognito-identity",
            ),
            (
                &format!("arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/{ID}"),
                "region is not the ARN's",
            ),
            (
                &format!("arn:aws:cognito-identity:us-east-1:1234:identitypool/{ID}"),
                "12 digits",
            ),
            ("arn:aws:cognito-identity", "too few fields"),
        ] {
            let message = parse(bad).err().unwrap_or_default();
            assert!(message.contains(says), "{bad}: {message}");
            assert!(
                message.contains("expected a pool id like"),
                "{bad}: {message}"
            );
        }
    }
}
