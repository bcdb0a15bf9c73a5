#!/usr/bin/env bash
# The whole test suite: unit, update, screen snapshots, sandbox integration over HTTP, and the
# real binary in a pseudo-terminal. Everything it needs is built or installed from here.
set -euo pipefail
cd "$(dirname "$0")/.."

# Snapshots are compared, never rewritten, when run from this script.
export INSTA_UPDATE=no
cargo test --locked "$@"
