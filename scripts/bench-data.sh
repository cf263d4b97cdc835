#!/usr/bin/env bash
# Benchmark of the data tool at national scale (a benchmark, not a test). Reports, for the
# national data set (~2.7 million deputies at full scale):
#   * generate --profile national: wall time and peak memory (GNU time; goal ≤ 10 min),
#   * the number of files, their total size and disk use,
#   * the largest file any page fetches, gzip (budget 64 KB),
#   * the files and gzip bytes a name search fetches, for typical queries,
#   * validate of the generated folder: wall time and peak memory (it streams, see
#     crates/datatool/src/stream_check.rs),
#   * generate --source-out, then build SRC OUT from that source folder (build validates the
#     staging folder before swapping it in): wall time and peak memory of each.
#
#   scripts/bench-data.sh [OUT] [SCALE]     # default /tmp/deputy-national-bench 1
#   DEPUTY_DATA=/path/to/deputy-data scripts/bench-data.sh   # use a built binary
#
# Needs ~12 GB free disk at full scale (one served folder at a time: each step's output is
# deleted before the next and at the end). GNU time comes from scripts/setup.sh (apt: time).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
out=${1:-/tmp/deputy-national-bench}
scale=${2:-1}
src="$out.src"
[ -x /usr/bin/time ] || { echo "GNU time missing: run scripts/setup.sh (apt-get install time)" >&2; exit 1; }
# DEPUTY_DATA=path/to/deputy-data skips the build (e.g. while another build holds cargo's lock).
bin=${DEPUTY_DATA:-}
if [ -z "$bin" ]; then
  cargo build --release -q -p deputy-data
  bin=${CARGO_TARGET_DIR:-target}/release/deputy-data
fi
log=$(mktemp)
cleanup() { rm -rf "$out" "$src" "$log"; }
trap cleanup EXIT
# Run a step under GNU time and print its wall time and peak memory.
timed() {
  local what=$1
  shift
  echo "== $what"
  /usr/bin/time -v "$@" 2>"$log" >/dev/null || { cat "$log" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  echo "  wall time: $wall   peak memory: $((rss / 1024)) MB   ($(awk -F': ' '/Percent of CPU/ {print $2}' "$log") CPU)"
}
cleanup
timed "generate --profile national --seed 2025 --scale $scale --out $out" \
  "$bin" generate --profile national --seed 2025 --scale "$scale" --out "$out"
echo "== files, size and the largest file (gzip, level 6)"
"$bin" sizes "$out" | sed 's/^/  /'
echo "  disk use: $(du -sh "$out" | cut -f1)"
echo "== name search: files fetched and gzip bytes per query"
# A full Chinese name (common, paged), a rarer one, a Mongolian name, full pinyin, a pinyin
# prefix, initials, and one letter (too many: the app asks for more).
"$bin" search-cost "$out" 王建国 李海燕 娜仁其其格 lihaiyan lihai lhy z | sed 's/^/  /'
timed "validate $out" "$bin" validate "$out"
rm -rf "$out"
timed "generate --profile national --seed 2025 --scale $scale --out $out --source-out $src" \
  "$bin" generate --profile national --seed 2025 --scale "$scale" --out "$out" --source-out "$src"
echo "  source folder: $(du -sh "$src" | cut -f1)"
rm -rf "$out"
timed "build $src $out (validates the staging folder before swapping it in)" "$bin" build "$src" "$out"
echo "  files: $(find "$out" -type f | wc -l)"
