"""pycognito (a client no one here wrote) signs in to `cognito-tui sandbox serve` with USER_SRP_AUTH;
the sandbox's Cognito Identity accepts the ID token it got. Also: a wrong password and an app client
that does not allow SRP are refused as the service refuses them."""

import argparse
import sys

import boto3
from botocore.exceptions import ClientError
from pycognito.aws_srp import AWSSRP

POOL = "us-east-1_Ord3rsPl1"
CLIENT = "4f1s2d9k0q7n3b5v8c6x1z2m4a"
PASSWORD = "Sandbox-Passw0rd!"

parser = argparse.ArgumentParser()
parser.add_argument("--endpoint", required=True)
args = parser.parse_args()
session = boto3.session.Session(
    aws_access_key_id="sandbox", aws_secret_access_key="sandbox", region_name="us-east-1"
)
idp = session.client("cognito-idp", endpoint_url=args.endpoint)
identity = session.client("cognito-identity", endpoint_url=args.endpoint)
passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def code_of(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"]
    return None, None


tokens = AWSSRP("demo-admin", PASSWORD, POOL, CLIENT, client=idp).authenticate_user()
id_token = tokens["AuthenticationResult"]["IdToken"]
check("SRP sign-in gives tokens", bool(id_token))

pool_id = next(
    p["IdentityPoolId"]
    for p in identity.list_identity_pools(MaxResults=60)["IdentityPools"]
    if p["IdentityPoolName"] == "orders-app"
)
logins = {f"cognito-idp.us-east-1.amazonaws.com/{POOL}": id_token}
got = identity.get_id(IdentityPoolId=pool_id, Logins=logins)
creds = identity.get_credentials_for_identity(IdentityId=got["IdentityId"], Logins=logins)
check("GetId accepts the SRP token", got["IdentityId"].startswith("us-east-1:"))
check("credentials come for it", bool(creds["Credentials"]["AccessKeyId"]))

code, message = code_of(
    lambda: AWSSRP("demo-admin", "wrong-password", POOL, CLIENT, client=idp).authenticate_user()
)
check(
    "a wrong password is refused",
    (code, message) == ("NotAuthorizedException", "Incorrect username or password."),
    f"{code}: {message}",
)

no_srp = idp.create_user_pool_client(
    UserPoolId=POOL,
    ClientName="no-srp",
    ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
)["UserPoolClient"]["ClientId"]
code, message = code_of(
    lambda: AWSSRP("demo-admin", PASSWORD, POOL, no_srp, client=idp).authenticate_user()
)
check("a client without ALLOW_USER_SRP_AUTH refuses it", code == "InvalidParameterException", f"{code}: {message}")

print(f"srp: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
