#!/usr/bin/env bash
# Installs what is missing, builds, and starts Voxanne on this computer.
#
#   ./run.sh              the console on a demo clinic: the companion server (with its own
#                         PostgreSQL) and the provider sandbox run inside the console, which
#                         creates the demo clinic and signs in by itself (falls back to --headless
#                         when there is no display)
#   ./run.sh --headless   the server and the provider sandbox as processes; prints where they
#                         listen
#
# Data lives in ${VOXANNE_DATA_DIR:-~/.local/share/Voxanne/demo}. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

headless=0
[[ "${1:-}" == "--headless" ]] && headless=1
if [[ $headless -eq 0 && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "run.sh: no display found; starting headless (the console needs a desktop session)."
    headless=1
fi

packaging/install-deps
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"

bin=build/release/app
data="${VOXANNE_DATA_DIR:-$HOME/.local/share/Voxanne/demo}"
mkdir -p "$data"
logs="$data/logs"
mkdir -p "$logs"

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# start_listening VAR NAME COMMAND...: starts a program that prints "listening on URL" and puts
# that URL in VAR (in this shell, so its pid is kept for the clean-up).
start_listening() {
    local var=$1 name=$2
    shift 2
    local out="$logs/$name.out"
    : >"$out"
    "$@" >"$out" 2>"$logs/$name.log" &
    local pid=$!
    pids+=("$pid")
    for _ in $(seq 1 600); do
        if grep -q '^listening on ' "$out"; then
            printf -v "$var" '%s' "$(sed -n 's/^listening on //p' "$out" | head -1)"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "run.sh: $name stopped; its log:" >&2
            tail -20 "$logs/$name.log" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "run.sh: $name did not start in time" >&2
    return 1
}

if [[ $headless -eq 0 ]]; then
    # The console stops its embedded server and database cleanly when it quits (or on Ctrl+C).
    echo "Voxanne Console: demo clinic in $data/console (log: ~/.local/share/Voxanne/voxanne-console/logs)"
    exec "$bin/voxanne-console" --demo --data-dir "$data/console"
fi

start_listening sandbox_url sandbox "$bin/voxanne-sandbox" --listen 127.0.0.1:0 --simulate-outbound
start_listening server_url server "$bin/voxanne-server" serve --data-dir "$data/server" \
    --listen 127.0.0.1:0 --sandbox "$sandbox_url"
server_pid=${pids[-1]}

# The demo clinic and its calls: signed up on the first run, a batch of simulated calls, then a
# new call every 45 seconds, all through the server's real webhook and tool endpoints.
secret=$(sed -n 's/^VAPI_WEBHOOK_SECRET=//p' "$data/server/secrets.ini")
"$bin/voxanne-sandbox" demo --server "$server_url" --secret "$secret" --sandbox "$sandbox_url" >"$logs/demo.log" 2>&1 &
pids+=($!)

echo "Voxanne server:   $server_url   (logs: $logs/server.log)"
echo "Provider sandbox: $sandbox_url"
echo "Demo clinic:      frontdesk@voxanne.local / voxanne-front-desk (front desk)"
echo "                  demo@voxanne.local / voxanne-demo-clinic (owner, for the admin pages)"
echo "                  (open it with: $bin/voxanne-console --server $server_url)"
echo "Running headless. Press Ctrl+C to stop."
wait "$server_pid"
