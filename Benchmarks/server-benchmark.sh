#!/usr/bin/env bash
# Benchmark of `jixiao serve` (release build) on each store (STORES, default "sqlite postgres"; PostgreSQL in a
# throw-away cluster, scripts/postgres-cluster.sh): a store of FORMS self-evaluations over UNITS units (default
# 10 000 over 50; the province size is FORMS=100000 UNITS=2000); the reviewer dashboard's and a list page's
# render times; the live recomputation under 50 concurrent clients (wrk from a second process, loopback),
# saturating and typing; the throughput of officers' saves (Benchmarks/save.lua, 50 connections, each saving
# a draft of its own; other drafts for the second run), from one `jixiao serve` and — on PostgreSQL — from two processes on the same database;
# the servers' memory; the load average. Prints the figures recorded in README.md (## Server).
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
second=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "$second" ] && kill "$second" 2>/dev/null; pg_cluster_stop; rm -rf "$work"' EXIT

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

# Starts `jixiao serve` on a port and waits until it answers; its pid in $started.
serve() {
  "$bin/jixiao" serve --db "$db" --port "$1" > "$work/serve-$1.log" 2>&1 &
  started=$!
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$1/login" && break; sleep 0.1; done
}

# Saves per second of 50 officers (two wrk runs of 25 connections side by side, each connection saving its
# own draft; the seed's officers from the FROM-th on) against the ports given (the same port twice: one process).
saves() {
  local label=$1 from=$2 first=$3 other=$4
  SAVE_FROM=$from wrk -t25 -c25 -d"$duration" -s Benchmarks/save.lua "http://127.0.0.1:$first" > "$work/saves-a.txt" &
  local a=$!
  SAVE_FROM=$((from + 25)) wrk -t25 -c25 -d"$duration" -s Benchmarks/save.lua "http://127.0.0.1:$other" > "$work/saves-b.txt"
  wait $a
  cat "$work/saves-a.txt" "$work/saves-b.txt" | grep -E '^saves:' | sed 's/^/  /'
  rate=$(cat "$work/saves-a.txt" "$work/saves-b.txt" | awk '/^saves:/ {sum += $6} END {printf "%.1f", sum}')
  echo "saves, $label: $rate saves/s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
}

memory() { awk -v who="$1" '/VmRSS|VmHWM/ {printf "%s %s %.1f MB\n", who, $1, $2 / 1024}' "/proc/$2/status"; }

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
  export OFFICER_COOKIE OFFICER_CSRF SAVE_FORMS SAVE_COOKIES SAVE_CSRFS
  echo "store: $SEEDED_FORMS self-evaluations over $units units, seeded in ${SEED_SECONDS}s"
  echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"

  serve "$port"
  server=$started
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
  echo "load average after the recomputation runs: $(cut -d' ' -f1-3 /proc/loadavg)"

  echo "--- saves, 50 officers each saving a draft of their own ---"
  saves "one process" 0 "$port" "$port"
  one_process=$rate
  if [ "$store" = postgres ]; then
    serve $((port + 1))
    second=$started
    saves "two processes (25 connections each)" 50 "$port" $((port + 1))
    awk -v one="$one_process" -v two="$rate" 'BEGIN {printf "two processes / one: %.2f x\n", two / one}'
    memory "second server" "$second"
    kill "$second"
    wait "$second" 2>/dev/null || true
    second=""
  fi
  memory server "$server"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
  if [ "$store" = postgres ]; then pg_cluster_stop; fi
done
