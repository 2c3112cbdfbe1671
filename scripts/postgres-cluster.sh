# A throw-away PostgreSQL cluster, sourced by scripts/test-postgres.sh and Benchmarks/server-benchmark.sh.
# `pg_cluster_start` installs PostgreSQL from Debian when missing, runs initdb in a temporary folder (as the
# system user jixiaotest when we are root: PostgreSQL refuses to run as root), starts it on 127.0.0.1 on a free
# port, creates the database `jixiao` and sets PG_URL; on failure it returns 1 with PG_SKIP_REASON set.
# `pg_cluster_stop` stops the cluster and deletes its folder (safe to call twice).

pg_find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

pg_cluster_start() {
  PG_SKIP_REASON=""
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
  if ! PG_BIN=$(pg_find_bin); then
    echo "正在安装 PostgreSQL（postgresql）"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null; }; then
      PG_SKIP_REASON="无法安装 postgresql（apt-get 失败）"
      return 1
    fi
    PG_BIN=$(pg_find_bin) || { PG_SKIP_REASON="安装后仍找不到 initdb/pg_ctl"; return 1; }
  fi
  PG_AS_USER=()
  if [ "$(id -u)" -eq 0 ]; then
    if ! id jixiaotest >/dev/null 2>&1 && ! useradd --system --no-create-home --shell /usr/sbin/nologin jixiaotest; then
      PG_SKIP_REASON="无法创建系统用户 jixiaotest"
      return 1
    fi
    PG_AS_USER=(runuser -u jixiaotest --)
  fi
  PG_WORK=$(mktemp -d /tmp/jixiao-pg.XXXXXX)
  chmod 755 "$PG_WORK"
  [ ${#PG_AS_USER[@]} -gt 0 ] && chown jixiaotest "$PG_WORK"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  if ! "${PG_AS_USER[@]}" "$PG_BIN/initdb" -D "$PG_WORK/data" -U jixiao --auth=trust --encoding=UTF8 --locale=C \
    >"$PG_WORK/initdb.log" 2>&1; then
    PG_SKIP_REASON="initdb 失败：$(tail -3 "$PG_WORK/initdb.log")"
    return 1
  fi
  # Throw-away data: no durability needed; many short-lived connections (every test opens its own pool).
  if ! "${PG_AS_USER[@]}" "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_WORK -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null; then
    PG_SKIP_REASON="PostgreSQL 未能启动：$(tail -3 "$PG_WORK/server.log")"
    return 1
  fi
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U jixiao jixiao || { PG_SKIP_REASON="createdb 失败"; return 1; }
  PG_URL="postgres://jixiao@127.0.0.1:$port/jixiao?sslmode=disable"
}

pg_cluster_stop() {
  [ -n "${PG_WORK:-}" ] || return 0
  "${PG_AS_USER[@]}" "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_WORK"
  PG_WORK=""
}
