"""The sandbox with clients other than the Rust SDK: boto3 and aws-cli each run the enhanced flow
against `cognito-tui sandbox serve` — user-pool sign-in, GetId, GetCredentialsForIdentity, then STS
GetCallerIdentity with the credentials, which must show the role the pool's rules map to.

    python other_clients.py --endpoint http://127.0.0.1:PORT --aws .venv/bin/aws
"""

import argparse
import json
import os
import subprocess
import sys

import boto3

USER_POOL = "us-east-1_Ord3rsPl1"
CLIENT = "4f1s2d9k0q7n3b5v8c6x1z2m4a"
PROVIDER = f"cognito-idp.us-east-1.amazonaws.com/{USER_POOL}"
ADMIN_ROLE = "arn:aws:sts::123456789012:assumed-role/orders-app-admin/CognitoIdentityCredentials"
DEFAULT_ROLE = "arn:aws:sts::123456789012:assumed-role/orders-app-auth/CognitoIdentityCredentials"
ADMIN = {"aws_access_key_id": "AKIDSANDBOX", "aws_secret_access_key": "secret", "region_name": "us-east-1"}


def orders_pool(endpoint):
    identity = boto3.client("cognito-identity", endpoint_url=endpoint, **ADMIN)
    pools = identity.list_identity_pools(MaxResults=60)["IdentityPools"]
    return next(p["IdentityPoolId"] for p in pools if p["IdentityPoolName"] == "orders-app")


def make_user(endpoint, name, groups):
    idp = boto3.client("cognito-idp", endpoint_url=endpoint, **ADMIN)
    idp.admin_create_user(UserPoolId=USER_POOL, Username=name)
    idp.admin_set_user_password(UserPoolId=USER_POOL, Username=name, Password="Passw0rd!", Permanent=True)
    for group in groups:
        try:
            idp.create_group(UserPoolId=USER_POOL, GroupName=group)
        except idp.exceptions.GroupExistsException:
            pass
        idp.admin_add_user_to_group(UserPoolId=USER_POOL, Username=name, GroupName=group)


def boto3_flow(endpoint, pool_id):
    make_user(endpoint, "boto-admin", ["admins"])
    idp = boto3.client("cognito-idp", endpoint_url=endpoint, **ADMIN)
    auth = idp.initiate_auth(ClientId=CLIENT, AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": "boto-admin", "PASSWORD": "Passw0rd!"})
    token = auth["AuthenticationResult"]["IdToken"]
    identity = boto3.client("cognito-identity", endpoint_url=endpoint, **ADMIN)
    identity_id = identity.get_id(IdentityPoolId=pool_id, Logins={PROVIDER: token})["IdentityId"]
    creds = identity.get_credentials_for_identity(IdentityId=identity_id, Logins={PROVIDER: token})["Credentials"]
    sts = boto3.client("sts", endpoint_url=endpoint, region_name="us-east-1",
                       aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretKey"],
                       aws_session_token=creds["SessionToken"])
    arn = sts.get_caller_identity()["Arn"]
    return arn == ADMIN_ROLE, f"boto3: {arn}"


def cli(aws, endpoint, args, env):
    out = subprocess.run([aws, "--endpoint-url", endpoint, "--output", "json", *args],
                         capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"aws {' '.join(args[:2])} failed: {out.stderr.strip()}")
    return json.loads(out.stdout) if out.stdout.strip() else {}


def cli_flow(aws, endpoint, pool_id):
    make_user(endpoint, "cli-user", [])
    env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDSANDBOX", AWS_SECRET_ACCESS_KEY="secret",
               AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true")
    env.pop("AWS_SESSION_TOKEN", None)
    auth = cli(aws, endpoint, ["cognito-idp", "initiate-auth", "--client-id", CLIENT, "--auth-flow", "USER_PASSWORD_AUTH",
                               "--auth-parameters", "USERNAME=cli-user,PASSWORD=Passw0rd!"], env)
    token = auth["AuthenticationResult"]["IdToken"]
    logins = json.dumps({PROVIDER: token})
    identity_id = cli(aws, endpoint, ["cognito-identity", "get-id", "--identity-pool-id", pool_id, "--logins", logins], env)["IdentityId"]
    creds = cli(aws, endpoint, ["cognito-identity", "get-credentials-for-identity", "--identity-id", identity_id,
                                "--logins", logins], env)["Credentials"]
    env.update(AWS_ACCESS_KEY_ID=creds["AccessKeyId"], AWS_SECRET_ACCESS_KEY=creds["SecretKey"],
               AWS_SESSION_TOKEN=creds["SessionToken"])
    arn = cli(aws, endpoint, ["sts", "get-caller-identity"], env)["Arn"]
    return arn == DEFAULT_ROLE, f"aws-cli: {arn}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--aws", required=True)
    args = parser.parse_args()
    pool_id = orders_pool(args.endpoint)
    results = [boto3_flow(args.endpoint, pool_id), cli_flow(args.aws, args.endpoint, pool_id)]
    for ok, line in results:
        print(("ok     " if ok else "FAILED ") + line)
    passed = sum(1 for ok, _ in results if ok)
    print(f"other clients: {passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
