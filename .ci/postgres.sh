#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: the one place that knows how one is made.
#   .ci/postgres.sh start   initdb into a new temp folder, start postgres on 127.0.0.1 at a free
#                           port, create a database; prints `export QUIZDECK_TEST_PG_URL=…` and
#                           `export QUIZDECK_TEST_PG_DIR=…` lines (eval them, or parse them)
#                           ($QUIZDECK_PG_OPTIONS: more server options, e.g. the bench's
#                           `-c fsync=on -c shared_preload_libraries=pg_stat_statements`)
#   .ci/postgres.sh stop    stops the cluster in $QUIZDECK_TEST_PG_DIR (or $2) and removes it
# initdb refuses to run as root: as root, the cluster belongs to a system user made for it.
set -euo pipefail

PG_BIN=${PG_BIN:-}
if [ -z "$PG_BIN" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "postgres.sh: no PostgreSQL server binaries (apt-get install postgresql)" >&2
  exit 1
fi

PG_USER=quizdeck-pg
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ "$(id -u)" = 0 ] && ! id "$PG_USER" >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
    fi
    dir=$(mktemp -d "${TMPDIR:-/tmp}/quizdeck-pg.XXXXXX")
    if [ "$(id -u)" = 0 ]; then chown "$PG_USER" "$dir"; fi
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U quizdeck -A trust -E UTF8 --locale=C \
      --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: the kernel's pick for a socket bound to port 0, released at once.
    port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200 ${QUIZDECK_PG_OPTIONS:-}" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U quizdeck quizdeck_test
    echo "export QUIZDECK_TEST_PG_URL=postgres://quizdeck@127.0.0.1:$port/quizdeck_test"
    echo "export QUIZDECK_TEST_PG_DIR=$dir"
    ;;
  stop)
    dir=${2:-${QUIZDECK_TEST_PG_DIR:-}}
    case "$dir" in
      */quizdeck-pg.*) ;;
      *) echo "postgres.sh stop: no cluster folder (QUIZDECK_TEST_PG_DIR)" >&2; exit 1 ;;
    esac
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
