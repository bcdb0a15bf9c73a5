"""Request validation generated from botocore's service model (installed with moto).

For every operation the sandbox serves, and for every top-level input member with a constraint in
the Cognito Identity model (length, pattern, range, enum, required, list and map sizes, map keys and
values, list members), send one request that breaks the constraint and expect ValidationException
naming the member, and send the boundary values and expect them not to be refused as invalid.

    python validate_from_model.py --endpoint http://127.0.0.1:PORT --operations Op1,Op2,...

Requests go through boto3 with client-side parameter validation switched off, so the server is the
one judging. Exits 1 when any case fails; prints every case that could not be generated, and why.
"""

import argparse
import re
import sys

import boto3
import botocore.loaders
from botocore.config import Config
from botocore.exceptions import ClientError

POOL_ID = "us-east-1:00000000-0000-4000-8000-000000000000"
EXAMPLES = {
    "IdentityPoolId": POOL_ID,
    "IdentityId": POOL_ID,
    "IdentityPoolName": "pool",
    "ResourceArn": "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/" + POOL_ID,
    "DeveloperProviderName": "login.example",
    "IdentityProviderName": "accounts.google.com",
    "DeveloperUserIdentifier": "user-1",
    "CognitoIdentityProviderName": "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123",
    "CognitoIdentityProviderClientId": "client1",
}
CANDIDATE_CHARS = ["a", "0", "_", "A"]
BAD_CANDIDATES = ["!", " ", "a b", "$", "\t", "é", "/"]


def java_to_python(pattern):
    # Java's \w and \s are ASCII-only; Python's are Unicode-aware.
    return pattern.replace("\\w", "0-9A-Za-z_").replace("\\s", " \\t\\n\\x0b\\f\\r") if "[" in pattern else pattern


def matches(pattern, text):
    if pattern is None:
        return True
    if "\\p{" in pattern:
        # Python's re has no Unicode classes; the patterns that use them are all "no whitespace".
        return not any(c.isspace() for c in text) and text != ""
    try:
        return re.fullmatch(java_to_python(pattern), text) is not None
    except re.error:
        return None


def repeated(shape, length):
    """A string of `length` that satisfies the shape's pattern, built from one repeated character."""
    pattern = shape.metadata.get("pattern")
    for char in CANDIDATE_CHARS:
        text = char * length
        if matches(pattern, text):
            return text
    return None


def lower_camel(name):
    return name[0].lower() + name[1:]


class Cases:
    def __init__(self, client):
        self.client = client
        self.passed = 0
        self.failed = []
        self.skipped = []

    def send(self, operation, params):
        method = getattr(self.client, re.sub(r"(?<!^)(?=[A-Z])", "_", operation).lower())
        try:
            method(**params)
            return None, ""
        except ClientError as e:
            return e.response["Error"].get("Code"), e.response["Error"].get("Message", "")

    def expect_invalid(self, operation, params, member, what):
        code, message = self.send(operation, params)
        if code == "ValidationException" and f"'{lower_camel(member)}" in message:
            self.passed += 1
        else:
            self.failed.append(f"{operation}.{member} {what}: expected ValidationException naming {lower_camel(member)}, got {code}: {message}")

    def expect_valid(self, operation, params, member, what):
        code, message = self.send(operation, params)
        if code in ("ValidationException", "SerializationException"):
            self.failed.append(f"{operation}.{member} {what}: refused as invalid: {code}: {message}")
        else:
            self.passed += 1


def valid_value(name, shape):
    kind = shape.type_name
    if kind == "string":
        if name in EXAMPLES:
            return EXAMPLES[name]
        if shape.name in EXAMPLES:
            return EXAMPLES[shape.name]
        if shape.enum:
            return shape.enum[0]
        return repeated(shape, max(shape.metadata.get("min", 1), 1))
    if kind in ("integer", "long"):
        return shape.metadata.get("max", shape.metadata.get("min", 1))
    if kind == "boolean":
        return True
    if kind == "list":
        member = valid_value(name, shape.member)
        return None if member is None else [member]
    if kind == "map":
        key = valid_value(name, shape.key)
        if name == "Roles":
            return {"authenticated": "arn:aws:iam::123456789012:role/example"}
        value = valid_value(name, shape.value)
        return None if key is None or value is None else {key: value}
    if kind == "structure":
        built = {}
        for member, member_shape in shape.members.items():
            value = valid_value(member, member_shape)
            if value is None and member in shape.required_members:
                return None
            if value is not None and member_shape.type_name != "boolean":
                built[member] = value
        return built
    if kind == "string" and shape.name in ("ARNString", "RoleARN"):
        return "arn:aws:iam::123456789012:role/example"
    return None


def base_request(operation_model):
    shape = operation_model.input_shape
    params = {}
    for name in shape.required_members:
        value = valid_value(name, shape.members[name])
        if value is None:
            return None, name
        params[name] = value
    return params, None


def string_cases(cases, op, params, member, shape, wrap):
    """Length and pattern cases for a string shape; `wrap` puts a value where the member goes."""
    lo, hi = shape.metadata.get("min"), shape.metadata.get("max")
    pattern = shape.metadata.get("pattern")
    if shape.enum:
        cases.expect_invalid(op, {**params, member: wrap("NotOneOfThem")}, member, "enum")
        for value in shape.enum:
            cases.expect_valid(op, {**params, member: wrap(value)}, member, f"enum {value}")
        return
    has_example = member in EXAMPLES and (lo is None or len(EXAMPLES[member]) >= lo)
    if lo and lo > 1:
        short = repeated(shape, lo - 1)
        if short is not None:
            cases.expect_invalid(op, {**params, member: wrap(short)}, member, f"length {lo - 1} < {lo}")
        else:
            cases.skipped.append(f"{op}.{member}: no value of length {lo - 1} fits the pattern to test the minimum")
    elif lo == 1:
        cases.expect_invalid(op, {**params, member: wrap("")}, member, "empty")
    if hi is not None:
        long = repeated(shape, hi + 1)
        if long is None and has_example:
            long = EXAMPLES[member] + "0" * (hi + 1 - len(EXAMPLES[member]))
        if long is not None:
            cases.expect_invalid(op, {**params, member: wrap(long)}, member, f"length {hi + 1} > {hi}")
        else:
            cases.skipped.append(f"{op}.{member}: no value of length {hi + 1} to test the maximum")
        edge = repeated(shape, hi)
        if edge is None and has_example and len(EXAMPLES[member]) <= hi and matches(pattern, EXAMPLES[member] + "0" * (hi - len(EXAMPLES[member]))):
            edge = EXAMPLES[member] + "0" * (hi - len(EXAMPLES[member]))
        if edge is not None:
            cases.expect_valid(op, {**params, member: wrap(edge)}, member, f"length {hi} (the maximum)")
    if pattern:
        for bad in BAD_CANDIDATES:
            if (lo is None or len(bad) >= lo) and matches(pattern, bad) is False:
                cases.expect_invalid(op, {**params, member: wrap(bad)}, member, f"pattern {pattern!r} with {bad!r}")
                break
        else:
            cases.skipped.append(f"{op}.{member}: no candidate breaks pattern {pattern!r}")


def structure_cases(cases, op, params, member, shape, wrap):
    """Cases for every constrained member inside a structure; `wrap(struct)` puts it in place."""
    base = valid_value(member, shape)
    if base is None:
        cases.skipped.append(f"{op}.{member}: cannot build a valid {shape.name}")
        return
    for sub, sub_shape in shape.members.items():
        inner = lambda value, sub=sub: wrap({**base, sub: value})
        kind = sub_shape.type_name
        if sub in shape.required_members:
            without = {k: v for k, v in base.items() if k != sub}
            cases.expect_invalid(op, {**params, member: wrap(without)}, member, f"{shape.name}.{sub} missing (required)")
        if kind == "string":
            string_cases(cases, op, params, member, sub_shape, inner)
        elif kind == "structure":
            structure_cases(cases, op, params, member, sub_shape, inner)
        elif kind == "list" and sub_shape.member.type_name == "structure":
            element = valid_value(sub, sub_shape.member)
            hi, lo = sub_shape.metadata.get("max"), sub_shape.metadata.get("min")
            if element is not None and lo:
                cases.expect_invalid(op, {**params, member: inner([])}, member, f"{shape.name}.{sub}: 0 items < {lo}")
            structure_cases(cases, op, params, member, sub_shape.member, lambda value, inner=inner: inner([value]))


def member_cases(cases, op, params, member, shape, required):
    kind = shape.type_name
    if required:
        without = {k: v for k, v in params.items() if k != member}
        cases.expect_invalid(op, without, member, "missing (required)")
    if kind == "string":
        string_cases(cases, op, params, member, shape, lambda v: v)
    elif kind in ("integer", "long"):
        lo, hi = shape.metadata.get("min"), shape.metadata.get("max")
        if lo is not None:
            cases.expect_invalid(op, {**params, member: lo - 1}, member, f"value {lo - 1} < {lo}")
            cases.expect_valid(op, {**params, member: lo}, member, f"value {lo} (the minimum)")
        if hi is not None:
            cases.expect_invalid(op, {**params, member: hi + 1}, member, f"value {hi + 1} > {hi}")
            cases.expect_valid(op, {**params, member: hi}, member, f"value {hi} (the maximum)")
    elif kind == "list":
        element = valid_value(member, shape.member)
        lo, hi = shape.metadata.get("min"), shape.metadata.get("max")
        if element is None:
            cases.skipped.append(f"{op}.{member}: cannot build a valid element")
            return
        if hi is not None:
            cases.expect_invalid(op, {**params, member: [element] * (hi + 1)}, member, f"{hi + 1} items > {hi}")
            cases.expect_valid(op, {**params, member: [element] * hi}, member, f"{hi} items (the maximum)")
        if lo:
            cases.expect_invalid(op, {**params, member: []}, member, f"0 items < {lo}")
        if shape.member.type_name == "string":
            string_cases(cases, op, params, member, shape.member, lambda v: [v])
        elif shape.member.type_name == "structure":
            for sub, sub_shape in shape.member.members.items():
                if sub_shape.type_name == "string":
                    string_cases(cases, op, params, member, sub_shape, lambda v, sub=sub: [{**element, sub: v}])
    elif kind == "map":
        hi = shape.metadata.get("max")
        value = valid_value(member, shape.value) if member != "Roles" else "arn:aws:iam::123456789012:role/example"
        if hi is not None and shape.key.type_name == "string" and value is not None:
            keys = [("k%d" % i) if member != "Roles" else k for i, k in enumerate(["authenticated", "unauthenticated", "x"])]
            keys = keys if member == "Roles" else ["k%03d" % i for i in range(hi + 1)]
            if member != "Roles":
                cases.expect_invalid(op, {**params, member: {k: value for k in keys}}, member, f"{hi + 1} entries > {hi}")
        if shape.key.type_name == "string" and (shape.key.metadata.get("pattern") or shape.key.metadata.get("max")):
            good_value = value
            if good_value is not None:
                string_cases(cases, op, params, member, shape.key, lambda k: {k: good_value})
        if shape.value.type_name == "string" and member != "Roles":
            key = valid_value(member, shape.key) or "k"
            string_cases(cases, op, params, member, shape.value, lambda v: {key: v})
        if shape.value.type_name == "structure":
            key = valid_value(member, shape.key) or "k"
            structure_cases(cases, op, params, member, shape.value, lambda v, key=key: {key: v})
    elif kind == "boolean":
        pass  # no constraint beyond "required", checked above
    else:
        cases.skipped.append(f"{op}.{member}: {kind} members are covered by the Rust integration tests")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--operations", required=True)
    args = parser.parse_args()
    served = args.operations.split(",")

    model = botocore.loaders.Loader().load_service_model("cognito-identity", "service-2")
    from botocore.model import ServiceModel

    service = ServiceModel(model, "cognito-identity")
    client = boto3.client(
        "cognito-identity",
        endpoint_url=args.endpoint,
        region_name="us-east-1",
        aws_access_key_id="AKIDSANDBOX",
        aws_secret_access_key="secret",
        config=Config(parameter_validation=False, retries={"max_attempts": 1}),
    )
    cases = Cases(client)
    not_served = [op for op in service.operation_names if op not in served]
    for op in service.operation_names:
        if op not in served:
            continue
        operation = service.operation_model(op)
        params, missing = base_request(operation)
        if params is None:
            cases.skipped.append(f"{op}: cannot build a valid request (member {missing})")
            continue
        shape = operation.input_shape
        for member, member_shape in shape.members.items():
            member_cases(cases, op, params, member, member_shape, member in shape.required_members)

    print(f"operations checked: {len(served)}; not served by the sandbox yet: {', '.join(not_served) or 'none'}")
    for line in cases.skipped:
        print(f"not generated: {line}")
    for line in cases.failed:
        print(f"FAILED: {line}")
    print(f"validation cases: {cases.passed} passed, {len(cases.failed)} failed")
    sys.exit(1 if cases.failed else 0)


if __name__ == "__main__":
    main()
