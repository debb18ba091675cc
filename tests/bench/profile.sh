#!/usr/bin/env bash
# Where the server's time goes: perf records voxanne-server (call graphs) while vapi_bench.sh
# loads each Vapi path and while http_bench.sh loads GET /api/health, then writes a report per
# path (perf report --no-children, with call chains) and a summary by thread and by library.
#
#   tests/bench/profile.sh                  # reports in /tmp/voxanne-profile
#   OUT=/tmp/p PATHS=vapi tests/bench/profile.sh     # PATHS: vapi, health or both (default)
#
# Needs linux-perf (apt-get install linux-perf) and, unless run as root with a permissive
# kernel, `sysctl kernel.perf_event_paranoid=-1`. Call graphs come from DWARF unwinding
# (the release build keeps no frame pointers), so the recordings are large: keep runs short.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-/tmp/voxanne-profile}
PATHS=${PATHS:-both}
FREQ=${FREQ:-499}

# Hook mode: vapi_bench.sh / http_bench.sh call `profile.sh hook start|stop <name> <pid>`.
if [ "${1:-}" = hook ]; then
    case "$2" in
    start)
        perf record -q -F "$FREQ" --call-graph dwarf,16384 -p "$4" -o "$OUT/perf-$3.data" \
            >"$OUT/perf-$3.record.log" 2>&1 &
        echo $! >"$OUT/perf-$3.pid"
        sleep 1 # perf attaches before the load starts
        ;;
    stop)
        kill -INT "$(cat "$OUT/perf-$3.pid")" 2>/dev/null || true
        while kill -0 "$(cat "$OUT/perf-$3.pid")" 2>/dev/null; do sleep 0.2; done
        ;;
    esac
    exit 0
fi

command -v perf >/dev/null || { echo "perf is missing: apt-get install -y linux-perf" >&2; exit 1; }
if [ "$(cat /proc/sys/kernel/perf_event_paranoid)" -gt 1 ] && [ "$(id -u)" != 0 ]; then
    echo "perf needs: sysctl kernel.perf_event_paranoid=-1" >&2
    exit 1
fi
mkdir -p "$OUT"
rm -f "$OUT"/perf-*
export BENCH_HOOK="$ROOT/tests/bench/profile.sh hook"
export OUT FREQ
if [ "$PATHS" = vapi ] || [ "$PATHS" = both ]; then
    REQUESTS=${REQUESTS:-3000} SECONDS_PGBENCH=${SECONDS_PGBENCH:-10} \
        "$ROOT/tests/bench/vapi_bench.sh" | tee "$OUT/vapi_bench.txt"
fi
if [ "$PATHS" = health ] || [ "$PATHS" = both ]; then
    BENCH_CALLS=${BENCH_CALLS:-10000} BENCH_DURATION=${BENCH_DURATION:-10s} \
        "$ROOT/tests/bench/http_bench.sh" | tee "$OUT/http_bench.txt"
fi

for data in "$OUT"/perf-*.data; do
    [ -f "$data" ] || continue
    name=$(basename "$data" .data)
    {
        echo "### $name: samples by thread"
        perf report -i "$data" --no-children --stdio --sort comm 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15
        echo
        echo "### $name: samples by library"
        perf report -i "$data" --no-children --stdio --sort dso 2>/dev/null | grep -v '^#' | grep -v '^$' | head -20
        echo
        echo "### $name: hottest functions with call chains"
        perf report -i "$data" --no-children --stdio --sort dso,symbol \
            -g caller,0.5,callee,function,percent --percent-limit 1 2>/dev/null | grep -v '^$' | head -400
    } >"$OUT/$name.txt"
    echo "wrote $OUT/$name.txt" >&2
done
