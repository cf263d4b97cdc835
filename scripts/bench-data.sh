#!/usr/bin/env bash
# Benchmark of the data tool at national scale (a benchmark, not a test): generate and write the
# full national data set (~2.7 million deputies), then report
#   * wall time and peak memory of `generate --profile national` (GNU time; goal ≤ 10 min),
#   * the number of files, their total size and disk use,
#   * the largest file any page fetches, gzip (budget 64 KB),
#   * the files and gzip bytes a name search fetches, for typical queries.
#
#   scripts/bench-data.sh [OUT] [SCALE]     # default /tmp/deputy-national-bench 1
#   DEPUTY_DATA=/path/to/deputy-data scripts/bench-data.sh   # use a built binary
#
# Needs ~12 GB free disk for OUT at full scale. GNU time comes from scripts/setup.sh (apt: time).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
out=${1:-/tmp/deputy-national-bench}
scale=${2:-1}
[ -x /usr/bin/time ] || { echo "GNU time missing: run scripts/setup.sh (apt-get install time)" >&2; exit 1; }
# DEPUTY_DATA=path/to/deputy-data skips the build (e.g. while another build holds cargo's lock).
bin=${DEPUTY_DATA:-}
if [ -z "$bin" ]; then
  cargo build --release -q -p deputy-data
  bin=${CARGO_TARGET_DIR:-target}/release/deputy-data
fi
log=$(mktemp)
echo "== generate --profile national --seed 2025 --scale $scale --out $out"
/usr/bin/time -v "$bin" generate --profile national --seed 2025 --scale "$scale" --out "$out" 2>"$log"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU' "$log" | sed 's/^\s*/  /'
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
echo "  peak memory: $((rss_kb / 1024)) MB"
rm -f "$log"
echo "== files, size and the largest file (gzip, level 6)"
"$bin" sizes "$out" | sed 's/^/  /'
echo "  disk use: $(du -sh "$out" | cut -f1)"
echo "== name search: files fetched and gzip bytes per query"
# A full Chinese name (common, paged), a rarer one, a Mongolian name, full pinyin, a pinyin
# prefix, initials, and one letter (too many: the app asks for more).
"$bin" search-cost "$out" 王建国 李海燕 娜仁其其格 lihaiyan lihai lhy z | sed 's/^/  /'
