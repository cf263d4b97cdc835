#!/usr/bin/env bash
# Run the end-to-end browser tests.
#
#   tests/e2e/run.sh                      # every *.test.mjs in tests/e2e
#   tests/e2e/run.sh walk-375.test.mjs    # some of them
#   E2E_JOBS=1 tests/e2e/run.sh           # one file at a time
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
  # The longest first, so that the last to finish is a short one (times on the 2-core machine
  # in docs/testing.md); then the rest in name order.
  files=()
  for f in walk-375 walk-en-375 walk-1280 walk-en-1280 second-city consult training direct proposals console; do
    files+=("./$f.test.mjs")
  done
  for f in ./*.test.mjs; do
    [[ " ${files[*]} " == *" $f "* ]] || files+=("$f")
  done
fi

# Files run side by side (E2E_JOBS at a time, default 3): each has its own server on a free
# port, its own browser, and its own temporary folders, so they share nothing but the builds,
# which they only read. Within a file, tests run one after the other.
jobs=${E2E_JOBS:-3}

# A test that hangs (a server that never answers, a full disk) fails after 15 minutes instead of
# holding CI until its own limit. The limit also applies to each file as a whole: the longest,
# a walk (31 routes in two modes), takes about 2 minutes alone.
exec node --test --test-concurrency="$jobs" --test-timeout=900000 --test-reporter="${E2E_REPORTER:-spec}" "${files[@]}"
