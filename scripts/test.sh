#!/usr/bin/env bash
# Runs the whole test suite on a fresh clone (installs what it needs first): lint, build, tests; then the
# store, server and store-command tests again against a throw-away PostgreSQL (scripts/test-postgres.sh, which
# says so when PostgreSQL cannot be started and that half is skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The tree is kept formatted (.swift-format); `swift format -i -r Sources Tests Benchmarks Fuzz Package.swift` fixes it.
swift format lint --strict -r Sources Tests Benchmarks Fuzz Package.swift
swift build --build-tests
swift test --skip-build
bash scripts/test-postgres.sh
# Every reader fuzzed for a fixed budget (5 targets × 25 s, about 2.5 minutes); a crash fails the run and its
# input is left in Fuzz/crashes/ (the fuzzer was built above with the tests).
bash scripts/fuzz.sh all 25
