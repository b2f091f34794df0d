#!/usr/bin/env bash
# Runs every Dyad test. Installs and starts what the tests need (a throwaway PostgreSQL on 127.0.0.1),
# builds once, runs the test project, and prints a final line "N passed, N failed, N skipped".
# Usage: scripts/test.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf 'test.sh: %s\n' "$*" >&2; }

# --- services the tests need -------------------------------------------------------------------
cleanup_steps=()
cleanup() { for step in "${cleanup_steps[@]}"; do eval "$step" || true; done; }
trap cleanup EXIT

if [ -x scripts/with-postgres.sh ] || [ -f scripts/with-postgres.sh ]; then
  # shellcheck source=/dev/null
  source scripts/with-postgres.sh
  if declare -F start_test_postgres >/dev/null; then
    if start_test_postgres; then
      cleanup_steps+=("stop_test_postgres")
    elif [ "${CI:-}" = "true" ]; then
      log "PostgreSQL could not be started; CI requires the PostgreSQL store tests to run"
      echo "0 passed, 1 failed"
      exit 1
    else
      log "PostgreSQL could not be started; its store tests will be skipped"
    fi
  fi
fi

# --- build and test ----------------------------------------------------------------------------
log "building (Release)"
if ! dotnet build Dyad.sln -c Release -nologo -v quiet; then
  log "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

results=$(mktemp -d)
cleanup_steps+=("rm -rf '$results'")
log "running tests"
dotnet test tests/Dyad.Tests/Dyad.Tests.csproj -c Release --no-build -nologo \
  --logger "trx;LogFileName=tests.trx" --results-directory "$results" "$@"
status=$?

trx=$(find "$results" -name '*.trx' | head -n 1)
if [ -z "$trx" ]; then
  log "no test results were written"
  echo "0 passed, 1 failed"
  exit 1
fi

counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
num() { printf '%s' "$counters" | grep -o "$1=\"[0-9]*\"" | grep -o '[0-9]*'; }
passed=$(num passed); failed=$(num failed); total=$(num total); executed=$(num executed)
skipped=$(( ${total:-0} - ${executed:-0} ))
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped} skipped"
if [ "${passed:-0}" -eq 0 ]; then
  exit 1
fi
exit $status
