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

# Starts a program that prints "listening on URL" and echoes that URL.
start_listening() {
    local name=$1; shift
    local out="$logs/$name.out"
    : >"$out"
    "$@" >"$out" 2>"$logs/$name.log" &
    pids+=($!)
    for _ in $(seq 1 600); do
        if grep -q '^listening on ' "$out"; then
            sed -n 's/^listening on //p' "$out" | head -1
            return 0
        fi
        if ! kill -0 "${pids[-1]}" 2>/dev/null; then
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

sandbox_url=$(start_listening sandbox "$bin/voxanne-sandbox" --listen 127.0.0.1:0)
server_url=$(start_listening server "$bin/voxanne-server" serve --data-dir "$data/server" \
    --listen 127.0.0.1:0 --sandbox "$sandbox_url")

echo "Voxanne server:   $server_url   (logs: $logs/server.log)"
echo "Provider sandbox: $sandbox_url"
echo "Running headless. Press Ctrl+C to stop."
wait "${pids[0]}"
