#!/usr/bin/env bash
# Boots the BUILT app worker (.svelte-kit/cloudflare/_worker.js, from `npm run build`) in
# workerd via `wrangler dev --local`, waits until it answers, and checks that GET /signin
# returns 200 with "Sign in" in the page, a nonce-based Content-Security-Policy and the
# other security headers, and that the dev-only pages (/dev/ui, /dev/mail) answer 404.
# Proves the production bundle starts and renders in the Workers runtime (nodejs_compat, no
# Node-only imports) and ships with its protections on. HSTS is not checked: it is only
# sent over HTTPS (unit-tested in src/lib/server/security).
#
# Offline by design: no Cloudflare account, no remote bindings (R2 and the queue are
# simulated locally by miniflare), metrics and the cf-object fetch disabled. No secrets are
# set, so the page must render without touching a database. The tracked wrangler.toml has no
# APP_URL or MAIL_FROM (operators supply them at deploy), so they are passed here as --var.
#
# Usage (from anywhere): scripts/ci/boot-workerd.sh
# env: BOOT_TIMEOUT (seconds, default 90), SMOKE_PATH (default /signin),
#      SMOKE_TEXT (default "Sign in")
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export WRANGLER_SEND_METRICS=false
export CLOUDFLARE_CF_FETCH_ENABLED=false
BOOT_TIMEOUT="${BOOT_TIMEOUT:-90}"
SMOKE_PATH="${SMOKE_PATH:-/signin}"
SMOKE_TEXT="${SMOKE_TEXT:-Sign in}"

if [[ ! -f .svelte-kit/cloudflare/_worker.js ]]; then
	echo "boot-workerd: .svelte-kit/cloudflare/_worker.js is missing; run 'npm run build' first." >&2
	exit 1
fi

free_port() {
	node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
PORT="$(free_port)"
INSPECTOR_PORT="$(free_port)"
WORK="$(mktemp -d)"
LOG="$WORK/wrangler-dev.log"
PID=""

cleanup() {
	local status=$?
	if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
		# wrangler dev runs in its own session (setsid below): stop the whole group, i.e.
		# wrangler, esbuild and workerd, and nothing else.
		kill -TERM -- "-$PID" 2>/dev/null || true
		for _ in $(seq 1 50); do
			kill -0 "$PID" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL -- "-$PID" 2>/dev/null || true
	fi
	if [[ $status -ne 0 && -f "$LOG" ]]; then
		echo "---- wrangler dev log (last 60 lines) ----" >&2
		tail -n 60 "$LOG" >&2 || true
	fi
	rm -rf "$WORK"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "boot-workerd: starting wrangler dev on 127.0.0.1:$PORT"
setsid npx wrangler dev \
	--local \
	--ip 127.0.0.1 \
	--port "$PORT" \
	--inspector-port "$INSPECTOR_PORT" \
	--persist-to "$WORK/state" \
	--show-interactive-dev-session=false \
	--live-reload=false \
	--log-level info \
	--var "APP_URL:http://127.0.0.1:$PORT" \
	--var "MAIL_FROM:Tandem CI <ci@tandem.invalid>" \
	</dev/null >"$LOG" 2>&1 &
PID=$!

URL="http://127.0.0.1:$PORT$SMOKE_PATH"
deadline=$((SECONDS + BOOT_TIMEOUT))
until curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$PORT/"; do
	if ! kill -0 "$PID" 2>/dev/null; then
		echo "boot-workerd: wrangler dev exited before answering." >&2
		exit 1
	fi
	if ((SECONDS >= deadline)); then
		echo "boot-workerd: no answer on port $PORT within ${BOOT_TIMEOUT}s." >&2
		exit 1
	fi
	sleep 1
done

BODY="$WORK/page.html"
HEADERS="$WORK/headers.txt"
STATUS="$(curl -s -D "$HEADERS" -o "$BODY" -w '%{http_code}' --max-time 30 "$URL" || echo 000)"
if [[ "$STATUS" != "200" ]]; then
	echo "boot-workerd: GET $SMOKE_PATH returned HTTP $STATUS, expected 200." >&2
	head -c 2000 "$BODY" >&2 2>/dev/null || true
	exit 1
fi
if ! grep -qF "$SMOKE_TEXT" "$BODY"; then
	echo "boot-workerd: GET $SMOKE_PATH returned 200 but the page has no \"$SMOKE_TEXT\"." >&2
	head -c 2000 "$BODY" >&2
	exit 1
fi

# expect_header NAME EXTENDED-REGEX: the response to $SMOKE_PATH has that header, matching.
expect_header() {
	if ! grep -iE "^$1: .*$2" "$HEADERS" >/dev/null; then
		echo "boot-workerd: GET $SMOKE_PATH has no \"$1\" header matching /$2/. Headers were:" >&2
		cat "$HEADERS" >&2
		exit 1
	fi
}
expect_header content-security-policy "script-src 'self' 'nonce-[A-Za-z0-9+/=]+'"
expect_header content-security-policy "default-src 'self'"
expect_header content-security-policy "object-src 'none'"
expect_header content-security-policy "frame-ancestors 'none'"
expect_header x-frame-options 'DENY'
expect_header x-content-type-options 'nosniff'
expect_header referrer-policy 'strict-origin-when-cross-origin'
expect_header permissions-policy 'camera=\(\), microphone=\(\), geolocation=\(\)'

for DEV_PATH in /dev/ui /dev/mail; do
	DEV_STATUS="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$PORT$DEV_PATH" || echo 000)"
	if [[ "$DEV_STATUS" != "404" ]]; then
		echo "boot-workerd: GET $DEV_PATH returned HTTP $DEV_STATUS; dev-only pages must answer 404 in production." >&2
		exit 1
	fi
done
echo "boot-workerd: OK, workerd served $SMOKE_PATH (HTTP 200, contains \"$SMOKE_TEXT\", CSP and security headers set) and hid /dev/ui and /dev/mail (404)."
