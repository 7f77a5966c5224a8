#!/usr/bin/env bash
# The host's flow against the published package: packs @liushou/core as npm would publish it,
# installs the tarball with npm into a fresh project, compiles examples/host with a strict
# tsconfig (no source condition, NodeNext resolution, library types checked), runs it, and
# requires the root and a subpath from CommonJS. Needs `pnpm build` first; npm fetches zod,
# immer and @date-fns/tz (from its cache when it can).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
[ -f packages/core/dist/index.js ] || { echo "packages/core/dist is missing: run pnpm build first" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd packages/core && pnpm pack --pack-destination "$work" >/dev/null)
tarball="$(ls "$work"/liushou-core-*.tgz)"
echo "packed $(basename "$tarball") ($(du -k "$tarball" | cut -f1) KB)"

mkdir -p "$work/host/src"
cp examples/host/src/*.ts "$work/host/src/"
cd "$work/host"
cat > package.json <<JSON
{ "name": "host-check", "private": true, "type": "module" }
JSON
cat > tsconfig.json <<JSON
{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2023"],
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "exactOptionalPropertyTypes": true,
    "skipLibCheck": false,
    "types": ["node"],
    "outDir": "dist",
    "rootDir": "src"
  },
  "include": ["src"]
}
JSON
ts_version="$(node -p "require('$root/node_modules/typescript/package.json').version")"
npm install --prefer-offline --no-audit --no-fund --loglevel=error \
  "$tarball" "typescript@$ts_version" "@types/node@^20" >/dev/null

# No cast: the example must compile as it is.
if grep -nE " as (unknown|never|any)\b|as CalendarDate|as Instant" src/*.ts; then
  echo "the host flow needs a cast" >&2
  exit 1
fi
npx tsc -p tsconfig.json
node dist/main.js

cat > check.cjs <<'JS'
const core = require("@liushou/core");
const { planPairings } = require("@liushou/core/pairing");
const { ValidationError } = require("@liushou/core/errors");
if (core.ValidationError !== ValidationError) throw new Error("two copies of ValidationError");
if (typeof planPairings !== "function") throw new Error("no planPairings from the subpath");
if (core.toId(42) !== "42") throw new Error("toId");
console.log("ok: CommonJS root and subpaths share one ValidationError");
JS
node check.cjs
