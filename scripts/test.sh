#!/usr/bin/env bash
# Second command of the README: the whole test suite. Unit, database (PGlite, and PostgreSQL when DATABASE_URL is
# set), API, real ffmpeg/RTSP/NATS and Playwright (Debian Chromium) tests, after a strict type check and a web build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then npm ci; fi
echo "== type check"
npx tsc --noEmit -p tsconfig.json
echo "== import rules (tools/import-rules.cjs)"
npx depcruise src --config .dependency-cruiser.cjs --output-type err
echo "== web build"
npx vite build --config web/vite.config.ts --logLevel warn
if [ -n "${DATABASE_URL:-}" ]; then echo "== database tests run on PGlite and on PostgreSQL ($DATABASE_URL)"; else
  echo "== database tests run on PGlite only (set DATABASE_URL to add PostgreSQL)"; fi
mapfile -t files < <(find src test e2e bench web/src -name '*.test.ts' -not -path '*/node_modules/*' 2>/dev/null | sort)
echo "== ${#files[@]} test files"
exec node --import tsx --test --test-concurrency="${KC_TEST_CONCURRENCY:-1}" --test-timeout=600000 "${files[@]}"
