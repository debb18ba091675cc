#!/usr/bin/env bash
# How soon the console is on screen and usable, and what it holds after a long calls list: the
# demo clinic on this computer, offscreen, through voxanne-console-bench (the console's own
# controller and embedded server, as voxanne-console's main builds them).
#
#   tests/bench/coldstart_bench.sh     builds release, prepares the demo, seeds, measures
#
# Environment: BENCH_CALLS (100000) calls seeded into the demo clinic, BENCH_RUNS (3) warm starts,
# BENCH_KEEP=1 keeps the work folder, BENCH_LOG=1 puts the console's and the server's log (with
# timestamps) in the work folder's bench.err, to see where the time goes. Prints figures: when the
# window is shown, the server ready, the front desk signed in, the calls page read (interactive),
# the event loop's longest stall until then, and memory. Never fails on speed.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/bench/serve.sh"
calls=${BENCH_CALLS:-100000}
runs=${BENCH_RUNS:-3}

BENCH_NO_DEPS=1 bench_prepare coldstart voxanne-console-bench voxanne-server
bench_bin="$root/build/release/tests/bench/voxanne-console-bench"
export QT_QPA_PLATFORM=offscreen HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" \
    XDG_DATA_HOME="$work/home/data" XDG_RUNTIME_DIR="$work/home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
data="$work/demo"

run() { # label rows
    "$bench_bin" "$data" "$2" 2>"$work/bench.err" | sed "s/^/$1  /" ||
        { cat "$work/bench.err" >&2; exit 1; }
}

say "first start: creates the cluster, migrates, builds the demo clinic"
run first 1

say "seed $calls calls into the demo clinic"
serve_embedded "$data"
"$pg_bin/psql" -h "$socket_dir" -p 5432 -U voxanne_admin -d voxanne -X -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO call_logs (org_id, occurred_at, started_at, ended_at, duration_seconds, direction,
                       status, phone_number, caller_name, transcript, summary, sentiment_label,
                       sentiment_score, booking_confirmed, financial_value_cents)
SELECT o.id, t, t, t + make_interval(secs => d), d,
       CASE WHEN g % 5 = 0 THEN 'outbound' ELSE 'inbound' END,
       CASE WHEN g % 17 = 0 THEN 'failed' ELSE 'ended' END,
       '+1555' || lpad((g * 7919 % 10000000)::text, 7, '0'), 'Caller ' || (g % 5000),
       (ARRAY['Hi, I would like to book botox next week please',
              'Calling about rhinoplasty pricing and recovery time',
              'Can I move my filler appointment to Friday afternoon',
              'Do you offer a consultation for liposuction'])[1 + g % 4],
       'The caller asked about a treatment.',
       (ARRAY['positive', 'neutral', 'negative'])[1 + g % 3], ((g % 200) - 100) / 100.0,
       g % 4 = 0, CASE WHEN g % 4 = 0 THEN 40000 ELSE 0 END
FROM (SELECT id FROM organizations ORDER BY created_at LIMIT 1) o,
     LATERAL (SELECT g, now() - interval '1 day' - make_interval(secs => g * 29) AS t,
                     30 + g % 600 AS d
              FROM generate_series(1, $calls) g) s;
ANALYZE;
SQL
kill -TERM "$server_pid" && wait "$server_pid" 2>/dev/null || true
server_pid=""

say "warm starts ($runs), then browse the calls list to its end"
for i in $(seq 1 "$runs"); do
    run "warm$i" "$calls"
done
