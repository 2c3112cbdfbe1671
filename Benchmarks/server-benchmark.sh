#!/usr/bin/env bash
# Benchmark of `jixiao serve` (release build): a store of 10 000 self-evaluations; the reviewer dashboard's
# render time; the live recomputation under 50 concurrent clients (wrk from a second process, loopback),
# saturating and typing; the server's memory. Prints the figures recorded in README.md (## Server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq wrk >/dev/null
fi
forms="${FORMS:-10000}"
port="${PORT:-18181}"
duration="${DURATION:-30s}"
swift build -c release --product jixiao >/dev/null
swift build -c release --product ServerBenchmarks >/dev/null
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

.build/release/ServerBenchmarks "$work/bench.sqlite" "$forms" Forms > "$work/seed.env"
# shellcheck disable=SC1091
source "$work/seed.env"
export OFFICER_COOKIE OFFICER_CSRF
echo "store: $SEEDED_FORMS self-evaluations, seeded in ${SEED_SECONDS}s"

.build/release/jixiao serve --db "$work/bench.sqlite" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.1; done
echo "server: pid $server, RSS after start $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$server/status)"

# Dashboard: 30 requests one after another (all 10 000 forms counted, charted and listed by page).
for _ in $(seq 1 30); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $REVIEWER_COOKIE" "http://127.0.0.1:$port/review"
done > "$work/dashboard.txt"
grep -qv '^200 ' "$work/dashboard.txt" && { echo "dashboard answered other than 200"; exit 1; }
awk '{print $2 * 1000}' "$work/dashboard.txt" | sort -n | awk '{a[NR]=$1} END {printf "dashboard: median %.1f ms, max %.1f ms (%d runs)\n", a[int((NR+1)/2)], a[NR], NR}'

url="http://127.0.0.1:$port/api/forms/$OFFICER_FORM/score"
curl -s -o /dev/null -w 'one recomputation: %{http_code} in %{time_total}s\n' -X POST -H "Cookie: $OFFICER_COOKIE" \
  -H "X-CSRF-Token: $OFFICER_CSRF" -H 'Content-Type: application/json' -d '{"fields": {"total": "90"}}' "$url"
for think in 200 0; do
  echo "--- live recomputation, 50 connections, think time ${think} ms ---"
  THINK_MS=$think wrk -t2 -c50 -d"$duration" --latency -s Benchmarks/score.lua "$url" \
    | grep -E 'Latency|50%|90%|99%|Requests/sec|non-200|Socket errors'
done
awk '/VmRSS|VmHWM/ {printf "server %s %.1f MB\n", $1, $2 / 1024}' /proc/$server/status
