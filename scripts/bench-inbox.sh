#!/usr/bin/env bash
# Benchmark (not a test) of deputy-inbox on this machine, on loopback (docs/operations.md):
#   1. sustained load: SECONDS (default 60) of CONNECTIONS (default 32) keep-alive clients
#      posting letters; submissions per second, p50/p99; then the count stored must equal the
#      count acknowledged;
#   2. crash: load, kill -9 mid-way, restart; every acknowledged submission must be there, whole;
#   3. two instances on one bucket (s3s-fs on loopback, SECONDS_BUCKET, default 20): the
#      submissions both acknowledged must all be in the bucket, each once. s3s-fs does not sync
#      to disk as a real object store does: this measures the service, not the storage.
# The bad-input sweep (40 kinds) is a test: cargo test -p deputy-inbox.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LOAD="${SECONDS_LOAD:-60}"
CONNECTIONS="${CONNECTIONS:-32}"

cargo build -q --profile server -p deputy-inbox --bin deputy-inbox --example load
bin=target/server/deputy-inbox
load=target/server/examples/load
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# The load comes from one address: lift the per-client limit, keep the global one high.
cat > "$work/inbox.toml" <<TOML
[limits]
per_client_per_minute = 100000000
per_client_burst = 1000000
global_per_second = 1000000
TOML

start() { # store-folder log-file; sets addr
  "$bin" --listen 127.0.0.1:0 --config "$work/inbox.toml" --store "$1" >"$2" 2>&1 &
  pid=$!
  for _ in $(seq 100); do
    addr=$(grep -o '"listen":"[^"]*"' "$2" | head -1 | cut -d'"' -f4 || true)
    [[ -n "$addr" ]] && return
    sleep 0.05
  done
  echo "the inbox did not start: $(cat "$2")" >&2; exit 1
}

echo "== sustained load: ${SECONDS_LOAD} s, ${CONNECTIONS} connections"
start "$work/store" "$work/inbox.log"
ACKNOWLEDGED_OUT="$work/acked" "$load" "$addr" "$SECONDS_LOAD" "$CONNECTIONS" 0
kill -TERM "$pid"; wait "$pid" || true
acked=$(wc -l < "$work/acked"); stored=$(ls "$work/store/new" | wc -l)
echo "acknowledged $acked, stored $stored"
[[ "$acked" -eq "$stored" ]] || { echo "MISMATCH: stored differs from acknowledged"; exit 1; }
while read -r code; do [[ -s "$work/store/new/$code.json" ]] || { echo "MISSING $code"; exit 1; }; done < "$work/acked"
grep -q '13812345678\|张丽\|路灯不亮' "$work/inbox.log" && { echo "personal data in the logs"; exit 1; }
echo "logs: $(wc -l < "$work/inbox.log") lines, no names, phones or letter text"

echo "== crash: kill -9 under load, restart"
start "$work/crash" "$work/crash.log"
ACKNOWLEDGED_OUT="$work/acked2" "$load" "$addr" 6 "$CONNECTIONS" 900000000000 > "$work/load2.json" &
loader=$!
sleep 3
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
wait "$loader"
start "$work/crash" "$work/crash2.log"
acked=$(wc -l < "$work/acked2")
# Every acknowledged code: its file is there and is whole JSON.
missing=$(node -e '
  const fs = require("fs"); const [list, dir] = process.argv.slice(1); let missing = 0;
  for (const code of fs.readFileSync(list, "utf8").split("\n").filter(Boolean)) {
    try { JSON.parse(fs.readFileSync(`${dir}/${code}.json`, "utf8")); } catch { missing++; }
  }
  console.log(missing);' "$work/acked2" "$work/crash/new")
echo "acknowledged before the crash $acked, missing or unreadable after restart $missing"
node -e 'fetch(process.argv[1]).then((r) => { console.log(`healthz after restart: ${r.status}`); process.exit(r.ok ? 0 : 1); })' "http://$addr/healthz"
kill -TERM "$pid"; wait "$pid" || true
[[ "$missing" -eq 0 ]] || exit 1

echo "== a bucket (s3s-fs on loopback) shared by two instances: ${SECONDS_BUCKET:-20} s, ${CONNECTIONS} connections each"
if ! command -v s3s-fs >/dev/null; then echo "s3s-fs is not installed (bash scripts/setup.sh): skipped"; exit 0; fi
mkdir -p "$work/s3/inbox"
s3port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
s3s-fs --host 127.0.0.1 --port "$s3port" --access-key bench --secret-key bench-secret "$work/s3" >/dev/null 2>&1 &
export AWS_ENDPOINT_URL="http://127.0.0.1:$s3port" AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_REGION=us-east-1 AWS_ALLOW_HTTP=true
sleep 1
start "s3://inbox/bench" "$work/a.log"; pid_a=$pid; addr_a=$addr
start "s3://inbox/bench" "$work/b.log"; pid_b=$pid; addr_b=$addr
ACKNOWLEDGED_OUT="$work/acked_a" "$load" "$addr_a" "${SECONDS_BUCKET:-20}" "$CONNECTIONS" 0 > "$work/load_a.json" &
loader_a=$!
ACKNOWLEDGED_OUT="$work/acked_b" "$load" "$addr_b" "${SECONDS_BUCKET:-20}" "$CONNECTIONS" 50000000 > "$work/load_b.json"
wait "$loader_a"
cat "$work/load_a.json" "$work/load_b.json"
kill -TERM "$pid_a" "$pid_b"; wait "$pid_a" "$pid_b" || true
acked=$(cat "$work/acked_a" "$work/acked_b" | sort -u | wc -l); stored=$(ls "$work/s3/inbox/bench/new" | grep -c '\.json$')
echo "acknowledged by the two $acked, stored in the bucket $stored"
[[ "$acked" -eq "$stored" ]] || { echo "MISMATCH: stored differs from acknowledged"; exit 1; }
