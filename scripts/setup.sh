#!/usr/bin/env sh
# Sets up a fresh clone with only Node 20 and npm: installs pnpm, then the workspace's packages.
# Prints one line per step; the installers' own output (the native build of better-sqlite3 among
# it) goes to a log file, shown only when a step fails.
set -eu
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
LOG="$(mktemp "${TMPDIR:-/tmp}/liushou-setup.XXXXXX")"

# Runs a command with its output in the log, printing a dot every few seconds on a terminal and
# the time taken at the end; on failure prints the end of the log and exits with its status.
quietly() {
  started=$(date +%s)
  "$@" >>"$LOG" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 3
    if [ -t 1 ]; then printf '.'; fi
  done
  if wait "$pid"; then
    echo " done in $(($(date +%s) - started)) s"
  else
    status=$?
    echo " failed (exit $status). The end of the log ($LOG):" >&2
    tail -n 40 "$LOG" >&2
    exit "$status"
  fi
}

echo "Setting up Liushou (installer output: $LOG)"
printf '[1/2] pnpm %s ' "$PNPM_VERSION"
if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version)" = "$PNPM_VERSION" ]; then
  echo "already installed"
else
  quietly npm install -g "pnpm@$PNPM_VERSION"
fi

# better-sqlite3 (the embedded SQLite default) builds from source; node-gyp needs Node's own
# headers, which ship with Node under its install prefix.
npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
export npm_config_nodedir

printf '[2/2] dependencies (the first time, the SQLite driver builds from source: about 2 min) '
quietly pnpm install --frozen-lockfile --reporter=append-only
rm -f "$LOG"
echo "Ready. Next: pnpm demo"
