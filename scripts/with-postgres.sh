#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server for the store tests, then stops it.
#   scripts/with-postgres.sh dotnet test
# Installs Debian's postgresql package when no server binaries are found (needs root, as on CI).
# The cluster lives in a temporary folder, listens on 127.0.0.1:${DYAD_PG_PORT:-54329} only, runs as the
# 'postgres' user, and is removed afterwards. The command sees DYAD_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/postgres.
set -euo pipefail

port="${DYAD_PG_PORT:-54329}"

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

bin="$(find_bin)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "with-postgres: installing PostgreSQL (Debian package postgresql)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || true
  apt-get install -y -qq postgresql >&2
  bin="$(find_bin)"
fi

if ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

as_postgres() {
  if [[ "$(id -un)" == "postgres" ]]; then "$@"; else runuser -u postgres -- "$@"; fi
}

dir="$(mktemp -d /tmp/dyad-pg.XXXXXX)"
chown postgres "$dir"
chmod 700 "$dir"
data="$dir/data"

stop() {
  as_postgres "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

as_postgres "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# Test cluster: durability off (tests never crash the server, only clients), sockets in the temp folder.
as_postgres "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }

export DYAD_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $NF}') on 127.0.0.1:$port ($DYAD_TEST_POSTGRES)" >&2

set +e
"$@"
status=$?
set -e
exit $status
