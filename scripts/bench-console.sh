#!/usr/bin/env bash
# Benchmark (not a test) of the station console on this machine, on loopback: the demo city's
# source, CLERKS (default 8) signed-in clerks for SECONDS (default 30) each reading the letters
# queue and forwarding an open letter on the version they saw, as fast as the console answers
# (a real station has a handful of clerks at human speed: this is the ceiling). Prints
# sign-in time, reads and changes per second with p50/p99, and checks that the steps stored
# are exactly the steps acknowledged (each 409 stored nothing), that the audit log has one
# line per acknowledged step, and that the console's log has no phone number.
set -euo pipefail
cd "$(dirname "$0")/.."
CLERKS="${CLERKS:-8}"
SECONDS_LOAD="${SECONDS_LOAD:-30}"

cargo build -q --release -p deputy-data
bin=target/release/deputy-data
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" generate --profile city --seed 2025 --out "$work/generated" --source-out "$work/src" > /dev/null
mkdir -p "$work/site" && echo "<!doctype html>" > "$work/site/index.html"  # not published here
for i in $(seq "$CLERKS"); do
  printf 'bench password %s\n' "$i" | "$bin" console-user "$work/src" add "clerk$i" > /dev/null
done
"$bin" console "$work/src" --site "$work/site" --listen 127.0.0.1:0 > "$work/out" 2> "$work/console.log" &
for _ in $(seq 100); do
  url=$(grep -o 'http://[^ ]*' "$work/out" | head -1 || true)
  [[ -n "$url" ]] && break
  sleep 0.1
done
[[ -n "$url" ]] || { echo "the console did not start: $(cat "$work/console.log")"; exit 1; }

node bench/console/load.mjs "$url" "$CLERKS" "$SECONDS_LOAD" "$work/src"
audited=$(grep -c '"letter-forward"' "$work/src/.console/audit.log" || true)
echo "audit log: $audited letter-forward lines"
if grep -Eq '1[3-9][0-9]{9}' "$work/console.log"; then echo "a phone number in the console's log"; exit 1; fi
echo "console log: $(wc -l < "$work/console.log") lines, no phone numbers"
