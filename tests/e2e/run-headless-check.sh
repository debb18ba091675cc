#!/usr/bin/env bash
# The README's first command, checked as a newcomer would see it: `./run.sh --headless` reaches
# "Running headless", the server answers /api/health, the demo clinic has calls within two
# minutes, and Ctrl+C stops everything it started. Bounded in time; exits non-zero with the reason.
#
#   tests/e2e/run-headless-check.sh                 from the project's top folder
#   ../shared/tools/fresh-debian-check tests/e2e/run-headless-check.sh
#
# RUN_HEADLESS_START_SECONDS bounds the first phase, which on a new machine includes installing
# and building (default 3600); the demo's calls get CALLS_SECONDS (default 120).
set -euo pipefail
cd "$(dirname "$0")/../.."

start_limit=${RUN_HEADLESS_START_SECONDS:-3600}
calls_limit=${CALLS_SECONDS:-120}
work=$(mktemp -d "${TMPDIR:-/tmp}/voxanne-run-check.XXXXXX")
out="$work/run.out"
data="$work/data"
runner=0

say() { echo "run-headless-check: $*"; }
fail() {
    say "FAILED: $*"
    if [[ -s "$out" ]]; then
        echo "--- run.sh output (last 30 lines)"
        tail -30 "$out"
    fi
    for log in "$data"/logs/*.log; do
        [[ -s "$log" ]] || continue
        echo "--- $log (last 15 lines)"
        tail -15 "$log"
    done
    exit 1
}
cleanup() {
    if [[ $runner -ne 0 ]] && kill -0 "$runner" 2>/dev/null; then
        kill -INT "$runner" 2>/dev/null || true
        sleep 5
        kill -KILL "$runner" 2>/dev/null || true
    fi
    # Anything still running from this check's data folder is a leak; never leave it behind.
    pkill -KILL -f "$data" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# `setsid` gives run.sh its own process group, so Ctrl+C can be sent to it alone, as a terminal
# would send it to the foreground job.
began=$(date +%s)
VOXANNE_DATA_DIR="$data" setsid ./run.sh --headless >"$out" 2>&1 </dev/null &
runner=$!

deadline=$((began + start_limit))
until grep -q '^Running headless' "$out"; do
    kill -0 "$runner" 2>/dev/null || fail "run.sh stopped before 'Running headless'"
    [[ $(date +%s) -lt $deadline ]] || fail "no 'Running headless' within ${start_limit} s"
    sleep 1
done
ready=$(date +%s)
say "'Running headless' after $((ready - began)) s"
# run.sh's own install step brings these on a new machine.
for tool in curl pgrep; do
    command -v "$tool" >/dev/null || fail "$tool is missing after run.sh's install step"
done

server=$(sed -n 's/^Voxanne server: *\(http[^ ]*\).*/\1/p' "$out" | head -1)
[[ -n "$server" ]] || fail "run.sh did not say where the server listens"
email=$(sed -n 's/^Demo clinic: *\([^ ]*\) \/ .*/\1/p' "$out" | head -1)
password=$(sed -n 's/^Demo clinic: *[^ ]* \/ \([^ ]*\).*/\1/p' "$out" | head -1)
[[ -n "$email" && -n "$password" ]] || fail "run.sh did not name the demo clinic's account"

health=$(curl -sS -o "$work/health.json" -w '%{http_code}' --max-time 10 "$server/api/health") ||
    fail "the server at $server did not answer /api/health"
[[ "$health" == 200 ]] || fail "/api/health answered $health: $(cat "$work/health.json")"
say "/api/health answered 200: $(cat "$work/health.json")"

# The demo account exists once the demo feed has signed the clinic up; then its calls arrive.
calls=0
deadline=$(($(date +%s) + calls_limit))
while [[ $(date +%s) -lt $deadline ]]; do
    code=$(curl -sS -o "$work/login.json" -w '%{http_code}' --max-time 10 \
        -H 'Content-Type: application/json' \
        --data "{\"email\":\"$email\",\"password\":\"$password\"}" "$server/api/auth/login" ||
        echo 000)
    if [[ "$code" == 200 ]]; then
        token=$(sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' "$work/login.json")
        code=$(curl -sS -o "$work/calls.json" -w '%{http_code}' --max-time 10 \
            -H "Authorization: Bearer $token" "$server/api/calls-dashboard?limit=50" || echo 000)
        [[ "$code" == 200 ]] || fail "/api/calls-dashboard answered $code"
        calls=$(grep -o '"vapi_call_id"' "$work/calls.json" | wc -l || true)
        [[ $calls -gt 0 ]] && break
    fi
    sleep 2
done
[[ $calls -gt 0 ]] || fail "the demo clinic had no calls within ${calls_limit} s"
say "the demo clinic has $calls call(s) $(($(date +%s) - ready)) s after start"

# Ctrl+C, as a person would press it: everything stops within 30 s and nothing is left running.
kill -INT -- "-$runner"
stopped=0
for _ in $(seq 1 30); do
    if ! kill -0 "$runner" 2>/dev/null; then
        stopped=1
        break
    fi
    sleep 1
done
[[ $stopped -eq 1 ]] || fail "run.sh was still running 30 s after Ctrl+C"
wait "$runner" 2>/dev/null || true
runner=0
sleep 1
if pgrep -af "$data" >"$work/left.txt"; then
    fail "left running after Ctrl+C: $(cat "$work/left.txt")"
fi
say "stopped cleanly; nothing left running"
say "PASSED in $(($(date +%s) - began)) s"
