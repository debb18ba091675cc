#!/usr/bin/env bash
# Where the server's time goes: perf records voxanne-server (call graphs) while vapi_bench.sh
# loads each Vapi path and while http_bench.sh loads GET /api/health and the calls page, then
# writes a report per path (perf report --no-children, with call chains) and a summary by
# thread and by library.
#
#   tests/bench/profile.sh                  # reports in a new temporary folder it names
#   OUT=build/profile PATHS=vapi tests/bench/profile.sh     # PATHS: vapi, health or both (default)
#   REPORT_ONLY=1 OUT=build/profile tests/bench/profile.sh  # the reports again from recorded data
#   PERF=0 tests/bench/profile.sh                    # only the CPU seconds per path
#
# Needs linux-perf (apt-get install linux-perf) and, unless run as root with a permissive
# kernel, `sysctl kernel.perf_event_paranoid=-1`. Call graphs come from DWARF unwinding
# (the release build keeps no frame pointers), so the recordings are large: keep runs short.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${REPORT_ONLY:-0}" = 1 ] && [ -z "${OUT:-}" ]; then
    echo "REPORT_ONLY needs OUT, the folder of an earlier run" >&2
    exit 1
fi
OUT=${OUT:-$(mktemp -d -t voxanne-profile.XXXXXX)}
mkdir -p "$OUT"
PATHS=${PATHS:-both}
FREQ=${FREQ:-499}

. "$ROOT/tests/bench/cpu.sh"

# Hook mode: vapi_bench.sh / http_bench.sh call `profile.sh hook start|stop <name> <pid>`.
if [ "${1:-}" = hook ]; then
    case "$2" in
    start)
        echo "$(date +%s.%N) $(cpu_of "$4") $(cluster_cpu "$4")" >"$OUT/cpu-$3.start"
        [ "${PERF:-1}" = 0 ] && exit 0
        perf record -q -F "$FREQ" --call-graph dwarf,16384 -p "$4" -o "$OUT/perf-$3.data" \
            >"$OUT/perf-$3.record.log" 2>&1 &
        echo $! >"$OUT/perf-$3.pid"
        perf record -q -a -F "$FREQ" -o "$OUT/perf-$3-system.data" \
            >"$OUT/perf-$3-system.record.log" 2>&1 &
        echo $! >"$OUT/perf-$3-system.pid"
        sleep 1 # perf attaches before the load starts
        ;;
    stop)
        for f in "$OUT/perf-$3.pid" "$OUT/perf-$3-system.pid"; do
            [ -f "$f" ] || continue
            kill -INT "$(cat "$f")" 2>/dev/null || true
            while kill -0 "$(cat "$f")" 2>/dev/null; do sleep 0.2; done
        done
        read -r t0 s0 p0 <"$OUT/cpu-$3.start"
        echo "$(date +%s.%N) $(cpu_of "$4") $(cluster_cpu "$4")" |
            awk -v t0="$t0" -v s0="$s0" -v p0="$p0" '{ printf "wall %.1f s, server CPU %.2f s, PostgreSQL CPU %.2f s\n", $1 - t0, $2 - s0, $3 - p0 }' >"$OUT/cpu-$3.txt"
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
export BENCH_HOOK="$ROOT/tests/bench/profile.sh hook"
export OUT FREQ
[ "${REPORT_ONLY:-0}" = 1 ] && PATHS=none || rm -f "$OUT"/perf-* "$OUT"/cpu-*
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
    if [[ "$name" == *-system ]]; then # the whole machine, no call graphs
        {
            echo "### $name: samples by command (whole machine; perf itself included)"
            perf report -i "$data" --stdio -g none --sort comm 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15 || true
            echo
            echo "### $name: by command and library"
            perf report -i "$data" --stdio -g none --sort comm,dso 2>/dev/null | grep -v '^#' | grep -v '^$' | head -25 || true
        } >"$OUT/$name.txt"
        echo "wrote $OUT/$name.txt" >&2
        continue
    fi
    report() { perf report -i "$data" --no-children --stdio "$@" 2>/dev/null | grep -v '^#' | grep -v '^$' || true; }
    {
        echo "### $name: samples by thread"
        report -g none --sort comm | head -15
        echo
        echo "### $name: samples by library"
        report -g none --sort dso | head -20
        echo
        echo "### $name: hottest functions, self time"
        report -g none --sort dso,symbol | head -60
        echo
        echo "### $name: hottest functions with call chains (callers)"
        report --sort symbol -g caller,0.5,callee,function,percent --percent-limit 2 | head -600
    } >"$OUT/$name.txt"
    echo "wrote $OUT/$name.txt" >&2
done
for f in "$OUT"/cpu-*.txt; do [ -f "$f" ] && echo "$(basename "$f" .txt): $(cat "$f")"; done
echo "reports in $OUT" >&2
