#!/usr/bin/env sh
# Sets up a fresh clone with only Node 20 and npm: installs pnpm, then the workspace's packages.
set -eu
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  npm install -g "pnpm@$PNPM_VERSION"
fi

# better-sqlite3 (used by the benchmarks) builds from source; node-gyp needs Node's own headers,
# which ship with Node under its install prefix.
npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
export npm_config_nodedir

pnpm install --frozen-lockfile
