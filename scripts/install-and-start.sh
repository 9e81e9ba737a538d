#!/usr/bin/env bash
# First command of the README: installs everything and starts Kỷ Cương with the embedded defaults
# (PGlite under ./data, local disk storage, in-process bus) and the demo agency on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci; fi
npm run build:web
exec node bin/kycuong.mjs start "$@"
