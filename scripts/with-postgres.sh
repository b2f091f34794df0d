#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests.
#
#   scripts/with-postgres.sh COMMAND...     start a server, run COMMAND with DYAD_TEST_POSTGRES set, stop it
#   source scripts/with-postgres.sh         define start_test_postgres / stop_test_postgres (scripts/test.sh)
#
# Installs Debian's postgresql package when no server binaries are found (needs root, as on CI). The cluster
# lives in a temporary folder, runs as the 'postgres' user, listens on 127.0.0.1:${DYAD_PG_PORT:-54329} only,
# and is removed by stop_test_postgres. start_test_postgres exports
#   DYAD_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/postgres
# which the PostgreSQL store tests read; without it they are skipped with that reason.

_dyad_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

_dyad_pg_as_postgres() {
  if [ "$(id -un)" = "postgres" ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

start_test_postgres() {
  local port="${DYAD_PG_PORT:-54329}" bin
  bin="$(_dyad_pg_bin)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "with-postgres: installing PostgreSQL (Debian package postgresql)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || { echo "with-postgres: apt-get install postgresql failed" >&2; return 1; }
    bin="$(_dyad_pg_bin)"
  fi

  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || return 1
  fi

  DYAD_PG_DIR="$(mktemp -d /tmp/dyad-pg.XXXXXX)" || return 1
  DYAD_PG_BIN="$bin"
  chown postgres "$DYAD_PG_DIR" && chmod 700 "$DYAD_PG_DIR" || return 1
  if ! _dyad_pg_as_postgres "$bin/initdb" -D "$DYAD_PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$DYAD_PG_DIR/initdb.log" 2>&1; then
    cat "$DYAD_PG_DIR/initdb.log" >&2
    return 1
  fi

  # Test cluster: durability off (tests crash clients, never the server); socket in the temp folder.
  if ! _dyad_pg_as_postgres "$bin/pg_ctl" -D "$DYAD_PG_DIR/data" -l "$DYAD_PG_DIR/server.log" -w -t 60 start \
      -o "-h 127.0.0.1 -p $port -k $DYAD_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null; then
    cat "$DYAD_PG_DIR/server.log" >&2
    return 1
  fi

  export DYAD_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
  echo "with-postgres: $("$bin/postgres" --version) on 127.0.0.1:$port ($DYAD_TEST_POSTGRES)" >&2
}

stop_test_postgres() {
  if [ -n "${DYAD_PG_DIR:-}" ] && [ -d "$DYAD_PG_DIR" ]; then
    _dyad_pg_as_postgres "$DYAD_PG_BIN/pg_ctl" -D "$DYAD_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$DYAD_PG_DIR"
  fi
  unset DYAD_TEST_POSTGRES DYAD_PG_DIR
}

# Run as a wrapper when executed, not sourced.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  if [ $# -eq 0 ]; then
    echo "usage: scripts/with-postgres.sh COMMAND..." >&2
    exit 2
  fi
  start_test_postgres || exit 1
  trap stop_test_postgres EXIT
  "$@"
  exit $?
fi
