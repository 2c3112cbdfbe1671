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
# The fuzz script must notice a crash (a self-test target that traps), then every reader is fuzzed for a fixed
# budget (8 targets × 25 s) and the hardened XML reader under libFuzzer for 20 s: about 4 minutes in all. A
# crash fails the run and its input is left in Fuzz/crashes/ (the fuzzer was built above with the tests).
bash scripts/test-fuzz-script.sh
bash scripts/fuzz.sh all 25
bash scripts/libfuzzer.sh 20
