#!/usr/bin/env bash
# Benchmark of `jixiao serve` (release build) on each store (STORES, default "sqlite postgres"; PostgreSQL in a
# throw-away cluster, scripts/postgres-cluster.sh): a store of FORMS self-evaluations over UNITS units (default
# 10 000 over 50; the province size is FORMS=100000 UNITS=2000); the reviewer dashboard's and a list page's
# render times; the live recomputation under 50 concurrent clients (wrk from a second process, loopback),
# saturating and typing; the server's memory. Prints the figures recorded in README.md (## Server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq wrk >/dev/null
fi
# shellcheck source=scripts/postgres-cluster.sh
source scripts/postgres-cluster.sh
forms="${FORMS:-10000}"
units="${UNITS:-50}"
stores="${STORES:-sqlite postgres}"
port="${PORT:-18181}"
duration="${DURATION:-30s}"
# CONFIGURATION=debug only to try the script quickly: the figures are a release build's.
configuration="${CONFIGURATION:-release}"
swift build -c "$configuration" --product jixiao >/dev/null
swift build -c "$configuration" --product ServerBenchmarks >/dev/null
bin=".build/$configuration"
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; pg_cluster_stop; rm -rf "$work"' EXIT

# The median and maximum of 30 requests of one page, one after another.
timed() {
  local name=$1 path=$2
  for _ in $(seq 1 30); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $REVIEWER_COOKIE" "http://127.0.0.1:$port$path"
  done > "$work/$name.txt"
  grep -qv '^200 ' "$work/$name.txt" && { echo "$name answered other than 200"; exit 1; }
  awk '{print $2 * 1000}' "$work/$name.txt" | sort -n \
    | awk -v name="$name" '{a[NR]=$1} END {printf "%s: median %.1f ms, max %.1f ms (%d runs)\n", name, a[int((NR+1)/2)], a[NR], NR}'
}

for store in $stores; do
  echo "=== store: $store ==="
  case $store in
    sqlite) db="$work/bench.sqlite" ;;
    postgres)
      pg_cluster_start || { echo "PostgreSQL 跳过：$PG_SKIP_REASON"; continue; }
      db="$PG_URL" ;;
    *) echo "未知的 STORES 项：$store（sqlite 或 postgres）"; exit 64 ;;
  esac
  "$bin/ServerBenchmarks" "$db" "$forms" Forms "$units" > "$work/seed.env"
  # shellcheck disable=SC1091
  source "$work/seed.env"
  export OFFICER_COOKIE OFFICER_CSRF
  echo "store: $SEEDED_FORMS self-evaluations over $units units, seeded in ${SEED_SECONDS}s"

  "$bin/jixiao" serve --db "$db" --port "$port" > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.1; done
  echo "server: pid $server, RSS after start $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"

  # The dashboard (every form counted, charted, and its first page listed) and a list page (a search, sorted by
  # score, page 3).
  timed dashboard /review
  timed list "/review?q=%E4%BC%9A%E8%AE%AE&sort=total&desc=1&page=3"

  url="http://127.0.0.1:$port/api/forms/$OFFICER_FORM/score"
  curl -s -o /dev/null -w 'one recomputation: %{http_code} in %{time_total}s\n' -X POST -H "Cookie: $OFFICER_COOKIE" \
    -H "X-CSRF-Token: $OFFICER_CSRF" -H 'Content-Type: application/json' -d '{"fields": {"total": "90"}}' "$url"
  for think in 200 0; do
    echo "--- live recomputation, 50 connections, think time ${think} ms ---"
    THINK_MS=$think wrk -t2 -c50 -d"$duration" --latency -s Benchmarks/score.lua "$url" \
      | grep -E 'Latency|50%|90%|99%|Requests/sec|non-200|Socket errors'
  done
  awk '/VmRSS|VmHWM/ {printf "server %s %.1f MB\n", $1, $2 / 1024}' /proc/$server/status
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
  if [ "$store" = postgres ]; then pg_cluster_stop; fi
done
