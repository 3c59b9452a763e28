#!/usr/bin/env bash
# Runs the browser tests: installs playwright-core (never a browser) and axe-core when
# node_modules is missing, then runs every *.test.js with node's test runner.
# Exits non-zero when a test fails. Environment: see harness.js.
set -euo pipefail
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ ! -d node_modules/playwright-core || ! -d node_modules/axe-core ]]; then
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
fi
exec node --test --test-concurrency=1 --test-reporter=spec "$@" ./*.test.js
