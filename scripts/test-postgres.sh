#!/usr/bin/env bash
# Runs the store and server tests and the store commands' tests a second time, against PostgreSQL: a throw-away
# cluster (scripts/postgres-cluster.sh: installed from Debian when missing, initdb in a temporary folder as a
# non-root user, 127.0.0.1 on a free port), the tests run with JIXIAO_TEST_POSTGRES_URL set, then the cluster
# stopped and deleted. The browser test is not repeated (it tests the pages, which are the same on both).
# Expects `swift build --build-tests` to have run. Where PostgreSQL cannot be started this half is skipped,
# saying why (exit 0); a failing test fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres-cluster.sh
source scripts/postgres-cluster.sh
trap pg_cluster_stop EXIT
if ! pg_cluster_start; then
  echo "PostgreSQL 部分跳过（PostgreSQL half skipped）：$PG_SKIP_REASON" >&2
  exit 0
fi
export JIXIAO_TEST_POSTGRES_URL="$PG_URL"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') 测试库：$JIXIAO_TEST_POSTGRES_URL"
start=$(date +%s)
swift test --skip-build --filter 'JixiaoServerTests|StoreCommandTests' --skip BrowserEndToEndTests
echo "PostgreSQL 部分用时 $(($(date +%s) - start)) 秒"
