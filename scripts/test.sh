#!/usr/bin/env bash
# Runs the whole test suite on a fresh clone (installs what it needs first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
