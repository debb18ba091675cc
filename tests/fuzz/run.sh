#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang++, ASan + UBSan) and runs each for SECONDS
# (default 30), starting from its committed seed corpus and dictionary. The corpus is copied to a
# scratch directory first, so the committed seeds never change; a run with findings keeps that
# directory (crash inputs, logs) and exits non-zero.
#
#   tests/fuzz/run.sh              every target for 30 s
#   tests/fuzz/run.sh 120          every target for 120 s (a campaign)
#   tests/fuzz/run.sh 20 jwt       only the targets named
#
# Reproduce a finding: build/fuzz/tests/fuzz/fuzz_<target> <crash file>
set -euo pipefail

seconds="${1:-30}"
shift || true
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: tests/fuzz/run.sh [SECONDS] [TARGET...]" >&2
    exit 2
fi

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

build_start=$SECONDS
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target fuzz_all
echo "run.sh: fuzz targets built in $((SECONDS - build_start)) s."

if [[ $# -gt 0 ]]; then
    targets=("$@")
else
    targets=()
    for source in "$here"/fuzz_*.cpp; do
        name="$(basename "$source" .cpp)"
        targets+=("${name#fuzz_}")
    done
fi

base="${TMPDIR:-/tmp}/voxanne-fuzz"
mkdir -p "$base"
run_dir="$(mktemp -d "$base/run-$(date -u +%Y%m%dT%H%M%SZ)-XXXXXX")"

findings=0
total_execs=0
rows=()
for target in "${targets[@]}"; do
    binary="build/fuzz/tests/fuzz/fuzz_$target"
    if [[ ! -x "$binary" ]]; then
        echo "run.sh: no fuzz target '$target' ($binary)." >&2
        exit 2
    fi
    work="$run_dir/$target"
    mkdir -p "$work/corpus" "$work/artifacts"
    if [[ -d "$here/corpus/$target" ]]; then
        cp "$here/corpus/$target"/. "$work/corpus/" -R
    fi
    args=(-max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048
          -artifact_prefix="$work/artifacts/")
    if [[ -f "$here/dict/$target.dict" ]]; then
        args+=(-dict="$here/dict/$target.dict")
    fi
    echo "run.sh: fuzz_$target for $seconds s ..."
    status=0
    UBSAN_OPTIONS=print_stacktrace=1 "$binary" "${args[@]}" "$work/corpus" >"$work/log" 2>&1 ||
        status=$?

    # libFuzzer's final stats; a run that crashed early may lack some of them.
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -1)"
    cov="$( (grep -o 'cov: [0-9]*' "$work/log" || true) | tail -1 | cut -d' ' -f2)"
    features="$( (grep -o 'ft: [0-9]*' "$work/log" || true) | tail -1 | cut -d' ' -f2)"
    corpus="$(find "$work/corpus" -type f | wc -l)"
    result=ok
    if [[ $status -ne 0 ]] || compgen -G "$work/artifacts/*" >/dev/null; then
        result=FINDING
        findings=$((findings + 1))
        echo "run.sh: fuzz_$target found a problem (exit $status); inputs in $work/artifacts:" >&2
        ls -1 "$work/artifacts" >&2 || true
        grep -m1 -A25 -E '^==[0-9]+==ERROR|runtime error|fuzz: property broken|deadly signal' \
            "$work/log" >&2 || tail -40 "$work/log" >&2
    fi
    total_execs=$((total_execs + ${execs:-0}))
    rows+=("$(printf '%-16s %12s %10s %6s %7s %7s  %s' "$target" "${execs:-?}" "${rate:-?}" \
        "${cov:-?}" "${features:-?}" "$corpus" "$result")")
done

echo
printf '%-16s %12s %10s %6s %7s %7s  %s\n' target executions exec/s cov ft corpus result
printf '%s\n' "${rows[@]}"
printf '%-16s %12s\n' total "$total_execs"

if [[ $findings -gt 0 ]]; then
    echo "run.sh: $findings target(s) with findings; kept in $run_dir." >&2
    exit 1
fi
rm -rf "$run_dir"
