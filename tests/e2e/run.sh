#!/usr/bin/env bash
# Run the end-to-end browser tests.
#
#   tests/e2e/run.sh                      # every *.test.mjs in tests/e2e
#   tests/e2e/run.sh walk.test.mjs        # some of them
#
# Needs the builds: DIST (default <repo>/dist, built for "/") and DIST_BASE (default
# <repo>/dist-renda, built with --public-url /renda/), and Chromium (CHROMIUM, default
# /usr/bin/chromium). The tests start their own servers in-process on free ports.
# Screenshots land in tests/e2e/screenshots/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# npm ci only when node_modules is missing or package-lock.json changed since the last install.
stamp="node_modules/.e2e-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -d node_modules || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "e2e: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

if [[ $# -gt 0 ]]; then
  files=("$@")
else
  files=(./*.test.mjs)
fi

exec node --test --test-concurrency=1 --test-reporter="${E2E_REPORTER:-spec}" "${files[@]}"
