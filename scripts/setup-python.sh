#!/usr/bin/env bash
# Creates .venv with the Python tools the benchmarks (and conformance tests) use: aws-cli and boto3.
# Idempotent: an existing, complete venv is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x .venv/bin/aws ] && .venv/bin/python -c "import boto3" 2>/dev/null; then
  exit 0
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet "awscli>=1.33" "boto3>=1.34"
