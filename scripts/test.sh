#!/usr/bin/env bash
# The whole test suite: unit, update, screen snapshots, sandbox integration over HTTP, and the
# real binary in a pseudo-terminal. Everything it needs is built or installed from here.
set -euo pipefail
cd "$(dirname "$0")/.."

# moto (the conformance tests' reference emulator) and botocore's models live in .venv.
./scripts/setup-python.sh

# Snapshots are compared, never rewritten, when run from this script.
export INSTA_UPDATE=no
cargo test --locked "$@"
