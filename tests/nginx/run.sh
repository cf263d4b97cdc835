#!/usr/bin/env bash
# The publishing path end to end on Debian's nginx: `deputy-data deploy dist WWW` (a folder
# target), then nginx on loopback with docs/nginx.conf as it is written (only `listen` and
# `root` changed), then what a browser and a crawler get: deep links 200 with their own titles,
# unknown addresses 404 with the app's 404.html, missing data a plain 404, Content-Type,
# Cache-Control, the Content-Security-Policy header, gzip, and the deploy record hidden. Then a
# second deploy that uploads nothing, one with a changed data file, and a rollback.
#
#   bash tests/nginx/run.sh [DIST]      # default dist/ (scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
dist=${1:-dist}
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: run scripts/build.sh first" >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx missing: run scripts/setup.sh" >&2; exit 1; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
# The data tool as the tests built it (scripts/test.sh): one build of it per run, not two.
tool=$(native_bin deputy-data)

tmp=$(mktemp -d)
chmod 755 "$tmp"
www="$tmp/www"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$tmp/error.log" ] && tail -5 "$tmp/error.log" >&2; exit 1; }

# A copy of the build, so that the test can change its data without touching dist/.
cp -r "$dist" "$tmp/site"
"$tool" deploy "$tmp/site" "$www" | tee "$tmp/deploy.log"
chmod -R a+rX "$www"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s|listen 80;|listen 127.0.0.1:$port;|" -e "s|root /srv/renda/current;|root $www;|" docs/nginx.conf > "$tmp/site.conf"
grep -q "listen 127.0.0.1:$port;" "$tmp/site.conf" && grep -q "root $www;" "$tmp/site.conf" || fail "docs/nginx.conf no longer has the listen and root lines this test replaces"
cat > "$tmp/nginx.conf" <<EOF
worker_processes 1;
error_log $tmp/error.log;
pid $tmp/nginx.pid;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path $tmp/body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;
    include $tmp/site.conf;
}
EOF
"$nginx_bin" -t -p "$tmp" -c "$tmp/nginx.conf" 2>"$tmp/t.log" || { cat "$tmp/t.log" >&2; fail "nginx -t"; }
"$nginx_bin" -p "$tmp" -c "$tmp/nginx.conf" -g 'daemon off;' 2>>"$tmp/error.log" &
pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

base="http://127.0.0.1:$port"
# status URL → the status code; header URL NAME → that header's value; body URL → the body.
status() { curl -s -o /dev/null -w '%{http_code}' "$base$1"; }
header() { curl -s -o /dev/null -D - ${3:+-H "$3"} "$base$1" | tr -d '\r' | awk -v h="$(echo "$2" | tr A-Z a-z)" 'BEGIN{FS=": "} tolower($1)==h {print substr($0, length($1)+3)}' | tail -1; }
body() { curl -s "$base$1"; }
expect() { [ "$2" = "$3" ] || fail "$1: expected '$3', got '$2'"; }
has() { case "$2" in *"$3"*) ;; *) fail "$1: '$3' not in '${2:0:200}'";; esac; }

# Globs, not `ls | head`: with pipefail, ls killed by SIGPIPE would end the script.
deputies=("$www"/data/deputies/*.json)
deputy=$(basename "${deputies[0]}" .json)
name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["name"])' "$www/data/deputies/$deputy.json")
wasms=("$www"/pkg-*/*_bg.wasm "$www"/*_bg.wasm)
wasm=""
for w in "${wasms[@]}"; do [ -f "$w" ] && { wasm=${w#"$www"/}; break; }; done
[ -n "$wasm" ] || fail "no wasm file in the release"
csp_want="frame-ancestors 'none'"

expect "/ status" "$(status /)" 200
has "/ CSP header" "$(header / Content-Security-Policy)" "$csp_want"
expect "/ Cache-Control" "$(header / Cache-Control)" "no-cache"
expect "deep link /direct/deputy/$deputy" "$(status "/direct/deputy/$deputy")" 200
has "its title" "$(body "/direct/deputy/$deputy")" "<title>$name"
has "deep link CSP" "$(header "/direct/deputy/$deputy" Content-Security-Policy)" "$csp_want"
expect "/direct (a module page)" "$(status /direct)" 200
expect "unknown address" "$(status /direct/write/nobody)" 404
has "unknown address gets the app" "$(body /direct/write/nobody)" "<base href="
has "404 CSP" "$(header /direct/write/nobody Content-Security-Policy)" "$csp_want"
expect "404 Cache-Control" "$(header /direct/write/nobody Cache-Control)" "no-cache"
expect "data file" "$(status /data/site.json)" 200
has "data Content-Type" "$(header /data/site.json Content-Type)" "application/json"
expect "data Cache-Control" "$(header /data/site.json Cache-Control)" "no-cache"
expect "missing data file" "$(status /data/deputies/nobody.json)" 404
case "$(body /data/deputies/nobody.json)" in *"<base href="*) fail "a missing data file must not be the app's page";; esac
expect "wasm Content-Type" "$(header "/$wasm" Content-Type)" "application/wasm"
expect "wasm Cache-Control" "$(header "/$wasm" Cache-Control)" "public, max-age=31536000, immutable"
expect "wasm gzip" "$(header "/$wasm" Content-Encoding 'Accept-Encoding: gzip')" "gzip"
expect "data gzip" "$(header "/data/site.json" Content-Encoding 'Accept-Encoding: gzip')" "gzip"
expect "sw.js Cache-Control" "$(header /sw.js Cache-Control)" "no-cache"
expect "sitemap" "$(status /sitemap.xml)" 200
expect "deploy record hidden" "$(status /.deploy/current)" 404
echo "nginx: deep links, 404s, headers and gzip as docs/nginx.conf says"

# Deploy again: nothing changed, nothing uploaded. Then a data file changes, and rolls back.
"$tool" deploy "$tmp/site" "$www" | tee "$tmp/deploy2.log"
grep -q "上传 0 个" "$tmp/deploy2.log" || fail "an unchanged release uploaded files"
before=$(body /data/site.json)
python3 - "$tmp/site/data/site.json" <<'PY'
import json, sys
p = sys.argv[1]; d = json.load(open(p)); d["name"] = d["name"] + "（已更新）"; open(p, "w").write(json.dumps(d, ensure_ascii=False))
PY
"$tool" deploy "$tmp/site" "$www" | tee "$tmp/deploy3.log"
grep -q "上传 1 个（数据 1" "$tmp/deploy3.log" || fail "one changed data file should be one upload"
chmod -R a+rX "$www"
has "the new data is served" "$(body /data/site.json)" "（已更新）"
"$tool" deploy --rollback "$www"
expect "rolled back" "$(body /data/site.json)" "$before"
echo "nginx: deploy uploads only what changed, and rolls back"
