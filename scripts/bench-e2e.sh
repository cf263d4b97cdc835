#!/usr/bin/env bash
# The CPU an end-to-end file costs: busy CPU-seconds of the whole machine (from /proc/stat, so
# Chromium's processes count too) and wall seconds while it runs alone. Run it with the machine
# otherwise idle; it is a measurement, not a test. Needs the release builds (scripts/build.sh).
#
#   bash scripts/bench-e2e.sh walk-375.test.mjs [more files…]
#
# docs/testing.md has the figures (the 375 px walk: 98 CPU-s before keeping one page per walk
# and taking screenshots at one pixel per CSS pixel, 46 after).
set -euo pipefail
cd "$(dirname "$0")/../tests/e2e"
[ $# -gt 0 ] || { echo "usage: bench-e2e.sh FILE.test.mjs [FILE…]" >&2; exit 2; }
busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
hz=$(getconf CLK_TCK)
for file in "$@"; do
  before=$(busy)
  start=$(date +%s.%N)
  node --test --test-reporter=dot "$file" >/dev/null
  end=$(date +%s.%N)
  after=$(busy)
  awk -v f="$file" -v b=$((after - before)) -v hz="$hz" -v s="$start" -v e="$end" \
    'BEGIN { printf "%-28s %6.1f CPU-s  %6.1f s\n", f, b / hz, e - s }'
done
