#!/usr/bin/env bash
# Creates .venv with the Python tools the conformance tests and benchmarks use: moto (a third-party
# AWS emulator the sandbox is cross-checked against, with its server), botocore's service models,
# boto3, aws-cli, pycognito (an SRP client the sandbox's USER_SRP_AUTH is checked against), cfn-lint
# and python-hcl2 (the exports' CloudFormation and Terraform are checked with them). Idempotent: an
# existing, complete venv is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x .venv/bin/aws ] && [ -x .venv/bin/moto_server ] && [ -x .venv/bin/cfn-lint ] && .venv/bin/python -c "import boto3, moto, pycognito, hcl2" 2>/dev/null; then
  exit 0
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet "awscli>=1.33" "boto3>=1.34" "moto[server]==5.2.5" "pycognito>=2024.5" "cfn-lint>=1.20" "python-hcl2>=7"
