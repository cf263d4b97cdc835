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

# npm ci only when node_modules is missing or package-lock.json changed since the last install
# (npm writes node_modules/.package-lock.json on every install, including scripts/setup.sh's).
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "e2e: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

if [[ $# -gt 0 ]]; then
  files=("$@")
else
  files=(./*.test.mjs)
fi

# A test that hangs (a server that never answers, a full disk) fails after 15 minutes instead of
# holding CI until its own limit. The limit also applies to each file as a whole: the longest,
# walk.test.mjs (31 routes, two widths, two modes, two languages), takes about 5 minutes.
exec node --test --test-concurrency=1 --test-timeout=900000 --test-reporter="${E2E_REPORTER:-spec}" "${files[@]}"
