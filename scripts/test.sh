#!/usr/bin/env bash
# Runs the whole test suite on a fresh clone (installs what it needs first): lint, build, tests; then the
# store, server and store-command tests again against a throw-away PostgreSQL (scripts/test-postgres.sh, which
# says so when PostgreSQL cannot be started and that half is skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The tree is kept formatted (.swift-format); `swift format -i -r Sources Tests Benchmarks Package.swift` fixes it.
swift format lint --strict -r Sources Tests Benchmarks Package.swift
swift build --build-tests
swift test --skip-build
bash scripts/test-postgres.sh
