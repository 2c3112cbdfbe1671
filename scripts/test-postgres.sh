#!/usr/bin/env bash
# Runs the store and server tests (and the CLI's PostgreSQL tests) a second time, against PostgreSQL: installs
# the server from Debian when missing, creates a throw-away cluster in a temporary folder (initdb as a non-root
# user, listening on 127.0.0.1 on a free port), runs the tests with JIXIAO_TEST_POSTGRES_URL set, then stops the
# cluster and deletes it. Expects `swift build --build-tests` to have run. Where PostgreSQL cannot be started
# this half is skipped, saying why (exit 0); a failing test fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
  echo "PostgreSQL 部分跳过（PostgreSQL half skipped）：$1" >&2
  exit 0
}

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo -n"
if ! bin=$(find_bin); then
  echo "正在安装 PostgreSQL（postgresql）"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null; } \
    || skip "无法安装 postgresql（apt-get 失败）"
  bin=$(find_bin) || skip "安装后仍找不到 initdb/pg_ctl"
fi

# PostgreSQL refuses to run as root: as root, run it as the system user jixiaotest (created when missing).
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  id jixiaotest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin jixiaotest \
    || skip "无法创建系统用户 jixiaotest"
  as_user=(runuser -u jixiaotest --)
fi

work=$(mktemp -d /tmp/jixiao-pg.XXXXXX)
chmod 755 "$work"
[ ${#as_user[@]} -gt 0 ] && chown jixiaotest "$work"
cleanup() {
  "${as_user[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"${as_user[@]}" "$bin/initdb" -D "$work/data" -U jixiao --auth=trust --encoding=UTF8 --locale=C >"$work/initdb.log" 2>&1 \
  || skip "initdb 失败：$(tail -3 "$work/initdb.log")"
# A test cluster: no durability needed, many short-lived connections (every test opens its own pool).
"${as_user[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || skip "PostgreSQL 未能启动：$(tail -3 "$work/server.log")"
"$bin/createdb" -h 127.0.0.1 -p "$port" -U jixiao jixiao || skip "createdb 失败"

export JIXIAO_TEST_POSTGRES_URL="postgres://jixiao@127.0.0.1:$port/jixiao?sslmode=disable"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') 测试库：$JIXIAO_TEST_POSTGRES_URL"
start=$(date +%s)
swift test --skip-build --filter 'JixiaoServerTests|StoreCommandTests' --skip BrowserEndToEndTests
echo "PostgreSQL 部分用时 $(( $(date +%s) - start )) 秒"
