#!/usr/bin/env bash
# The live call desk's latency: a Vapi transcript webhook to the console's live.transcript
# event, with BENCH_LIVE_CALLS (20) calls in progress and BENCH_LISTENED (5) of them listened in
# to; the reference is the same with one call speaking, and the webhook's own round trip.
# Prints p50/p99/max; never fails on speed. See livedeskbench.cpp.
#
#   tests/bench/livedesk_bench.sh                 # builds and uses build/release
#   BENCH_LINES=300 BENCH_GAP_MS=50 tests/bench/livedesk_bench.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/release}
nice cmake --build "$BUILD" -j2 --target voxanne-livedesk-bench voxanne-testdb >/dev/null
PG=$(mktemp -d -t voxanne-livedesk-pg.XXXXXX)
cleanup() {
    "$BUILD/tests/support/voxanne-testdb" stop "$PG" >/dev/null 2>&1 || true
    rm -rf "$PG"
}
trap cleanup EXIT
"$BUILD/tests/support/voxanne-testdb" start "$PG"
VOXANNE_TEST_PG_DIR=$PG "$BUILD/tests/bench/voxanne-livedesk-bench" 2>"$PG/bench.log" ||
    { tail -20 "$PG/bench.log" >&2; exit 1; }
