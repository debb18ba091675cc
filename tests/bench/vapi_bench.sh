#!/usr/bin/env bash
# Vapi paths under load: tool calls (bookClinicAppointment, checkAvailability) and
# end-of-call-report ingest through the full pipeline, at 32 concurrent clients, each next to
# pgbench running the very statements the server runs for that request (booking.sql,
# availability.sql, report.sql, captured from PostgreSQL's log by capture_sql.sh) on the same
# database, with as many connections as the server has. Prints figures and ratios; never fails
# on speed.
#
#   tests/bench/vapi_bench.sh                   # uses build/release
#   BUILD=build/dev REQUESTS=500 tests/bench/vapi_bench.sh
#
# Environment: CLIENTS (32), REQUESTS (3000 per path), SECONDS_PGBENCH (20), PORT (18877),
# BENCH_HOOK (a command run as `hook start|stop <path> <server pid>` around each server load
# phase; profile.sh records perf with it), KEEP=1 keeps the work folder.
# Only successful requests count in a rate: errors are printed beside it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=$ROOT/tests/bench
BUILD=${BUILD:-$ROOT/build/release}
CLIENTS=${CLIENTS:-32}
REQUESTS=${REQUESTS:-3000}
SECONDS_PGBENCH=${SECONDS_PGBENCH:-20}
PORT=${PORT:-18877}
SERVER_BIN=$BUILD/app/voxanne-server
SANDBOX_BIN=$BUILD/app/voxanne-sandbox
for b in "$SERVER_BIN" "$SANDBOX_BIN"; do
    [ -x "$b" ] || { echo "build first: $b is missing" >&2; exit 1; }
done
command -v pgbench >/dev/null || { echo "pgbench is missing (apt install postgresql-contrib)" >&2; exit 1; }

WORK=$(mktemp -d -t voxanne-bench.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

echo "== starting voxanne-server (embedded PostgreSQL in $WORK)"
"$SERVER_BIN" serve --listen "127.0.0.1:$PORT" --data-dir "$WORK/data" \
    >"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 120); do
    grep -q "listening on" "$WORK/server.out" 2>/dev/null && break
    sleep 0.5
done
grep -q "listening on" "$WORK/server.out" || { echo "the server did not start:"; tail "$WORK/server.log"; exit 1; }
URL="http://127.0.0.1:$PORT"
SECRET=$(sed -n 's/^VAPI_WEBHOOK_SECRET=//p' "$WORK/data/secrets.ini")
SOCKET=$(sed -n "s/^unix_socket_directories = '\(.*\)'/\1/p" "$WORK/data/postgres/voxanne.conf")
PSQL=(psql -qAtX -v ON_ERROR_STOP=1 -h "$SOCKET" -U voxanne_admin -d voxanne)

curl -sf -XPOST "$URL/api/auth/signup" -H 'content-type: application/json' \
    -d '{"organization_name":"Bench Clinic","email":"owner@bench.test","password":"correct horse battery"}' >/dev/null
ORG=$("${PSQL[@]}" -c "SELECT id FROM organizations LIMIT 1")
SERVICE=$("${PSQL[@]}" -c "SELECT id FROM services WHERE org_id = '$ORG' AND name = 'Consultation'")
ASSISTANT=asst-bench # the captured scripts look the clinic up by this id too
"${PSQL[@]}" -c "UPDATE agents SET vapi_assistant_id = '$ASSISTANT' WHERE org_id = '$ORG'"

load() {
    "$SANDBOX_BIN" load --server "$URL" --secret "$SECRET" --assistant "$ASSISTANT" \
        --clients "$CLIENTS" --requests "$1" --kind "$2" --seed "$3" 2>/dev/null
}
hook() { if [ -n "${BENCH_HOOK:-}" ]; then $BENCH_HOOK "$1" "$2" "$SERVER_PID"; fi; }
. "$BENCH/cpu.sh"
# The load's output, then "cpu: S P": CPU milliseconds per request of the server, of PostgreSQL.
measured() { # kind seed
    local out s0 p0 s1 p1
    hook start "$1"
    s0=$(cpu_of "$SERVER_PID"); p0=$(cluster_cpu "$SERVER_PID")
    out=$(load "$REQUESTS" "$1" "$2")
    s1=$(cpu_of "$SERVER_PID"); p1=$(cluster_cpu "$SERVER_PID")
    hook stop "$1"
    echo "$out"
    awk -v n="$REQUESTS" -v s0="$s0" -v s1="$s1" -v p0="$p0" -v p1="$p1" \
        'BEGIN { printf "cpu: %.2f %.2f\n", (s1 - s0) * 1000 / n, (p1 - p0) * 1000 / n }'
}
cpums() { sed -n 's/^cpu: //p' <<<"$1"; }
echo "== warm-up: 200 requests of each kind, then ANALYZE"
for kind in availability book report; do load 200 "$kind" 1 >/dev/null; done
# A fresh database has no statistics until autovacuum's first pass (a minute or more), and the
# server prepares its statements on the first requests: plans made on empty tables (e.g. a
# call looked up through its clinic's phone index instead of its primary key) stay cached
# until statistics change, costing each request a scan of every call of the clinic.
# A running clinic has statistics; measure that steady state, as pgbench (which prepares
# later) sees it too.
"${PSQL[@]}" -c "ANALYZE"
# The warm-up's bookings took the same slots the measured run asks for (the load generator's
# slots do not depend on its seed): cancelled, they free them and leave the statistics as they
# are.
"${PSQL[@]}" -c "UPDATE appointments SET status = 'cancelled'"
echo "== tool calls: bookClinicAppointment, $REQUESTS requests, $CLIENTS clients"
BOOK=$(measured book 2); echo "$BOOK"
echo "== tool calls: checkAvailability, $REQUESTS requests, $CLIENTS clients"
AVAIL=$(measured availability 3); echo "$AVAIL"
echo "== webhooks: end-of-call-report (redaction, sentiment, contact, outcome, events), $REQUESTS reports"
REPORT=$(measured report 4); echo "$REPORT"

# The server's database connections: one per HTTP worker thread (4 x cores, 4 to 32).
WORKERS=$(($(nproc) * 4)); ((WORKERS < 4)) && WORKERS=4; ((WORKERS > 32)) && WORKERS=32

# pgbench with a per-transaction log; prints "tps failed p50 p99 aborted pgcpu" (ms; pgcpu:
# PostgreSQL CPU per transaction). Prepared statements like the server's; the constants each
# script binds come from its .vars.json.
pgb() { # script clients tag
    local prefix="$WORK/pgb-$3" out constants c0 c1
    c0=$(cluster_cpu "$SERVER_PID")
    mapfile -d '' constants < <(jq -j 'to_entries[] | "-D\u0000\(.key)=\(.value)\u0000"' "$BENCH/${1%.sql}.vars.json")
    out=$(cd "$WORK" && pgbench -n -M prepared -c "$2" -j 2 -T "$SECONDS_PGBENCH" -f "$BENCH/$1" \
        -D org="$ORG" -D service="$SERVICE" "${constants[@]}" -l --log-prefix="$prefix" \
        -h "$SOCKET" -U voxanne_admin voxanne 2>&1) || { echo "pgbench $1 failed:" >&2; echo "$out" >&2; }
    c1=$(cluster_cpu "$SERVER_PID")
    echo "$out" >"$WORK/pgb-$3.txt"
    local tps failed
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | tail -1)
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$out")
    aborted=$(grep -c 'aborted in command' <<<"$out" || true)
    cat "$prefix".* 2>/dev/null | awk '$3 ~ /^[0-9]+$/ {print $3}' | sort -n | awk \
        -v tps="${tps:-0}" -v failed="${failed:-0}" -v aborted="$aborted" -v cpu="$c1 - $c0" '{v[NR] = $1}
        END { split(cpu, c, " - "); if (NR == 0) { printf "%s %s 0 0 %s 0\n", tps, failed, aborted; exit }
              i50 = int(NR * 0.50); if (i50 < 1) i50 = 1; i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
              printf "%.1f %s %.2f %.2f %s %.2f\n", tps, failed, v[i50] / 1000, v[i99] / 1000, aborted,
                  (c[1] - c[2]) * 1000 / NR }'
}
# "statements/round trips" from the script's header (older scripts: one round trip each).
statements() { sed -n -e "s/^-- \([0-9]*\) statements, \([0-9]*\) round trips.*/\1\/\2/p" \
    -e "s/^-- \([0-9]*\) statements (round trips).*/\1\/\1/p" "$BENCH/$1"; }
echo "== pgbench, $SECONDS_PGBENCH s each: booking.sql at $WORKERS and $CLIENTS clients, availability.sql and report.sql at $WORKERS"
read -r PB_TPS PB_FAIL PB_P50 PB_P99 PB_AB PB_CPU < <(pgb booking.sql "$WORKERS" book)
if [ "$CLIENTS" != "$WORKERS" ]; then
    read -r PB32_TPS PB32_FAIL PB32_P50 PB32_P99 PB32_AB PB32_CPU < <(pgb booking.sql "$CLIENTS" book32)
else
    read -r PB32_TPS PB32_FAIL PB32_P50 PB32_P99 PB32_AB <<<"$PB_TPS $PB_FAIL $PB_P50 $PB_P99 $PB_AB $PB_CPU"
fi
read -r PA_TPS PA_FAIL PA_P50 PA_P99 PA_AB PA_CPU < <(pgb availability.sql "$WORKERS" avail)
read -r PR_TPS PR_FAIL PR_P50 PR_P99 PR_AB PR_CPU < <(pgb report.sql "$WORKERS" report)

# "book: requests N, errors E, S s, R/s, p50 ..." -> "successes errors rate p50 p99"
server() {
    sed -n 's/.*requests \([0-9]*\), errors \([0-9]*\), \([0-9.]*\) s,.* p50 \([0-9.]*\) ms.* p99 \([0-9.]*\) ms.*/\1 \2 \3 \4 \5/p' <<<"$1" |
        awk '{ ok = $1 - $2; printf "%d %d %.1f %s %s\n", ok, $2, ($3 > 0 ? ok / $3 : 0), $4, $5 }'
}
read -r B_CPU_S B_CPU_P < <(cpums "$BOOK")
read -r A_CPU_S A_CPU_P < <(cpums "$AVAIL")
read -r R_CPU_S R_CPU_P < <(cpums "$REPORT")
read -r B_OK B_ERR B_RATE B_P50 B_P99 < <(server "$BOOK")
read -r A_OK A_ERR A_RATE A_P50 A_P99 < <(server "$AVAIL")
read -r R_OK R_ERR R_RATE R_P50 R_P99 < <(server "$REPORT")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo
echo "== summary ($CLIENTS concurrent clients, $(nproc) cores shared with pgbench and the load generator, $(git -C "$ROOT" rev-parse --short HEAD))"
echo "   server rate = successful requests / elapsed; p50/p99 over all requests (errors included)"
printf '%-46s %9s %7s %9s %8s %8s\n' "" "ok/s" "errors" "stmts/rt" "p50 ms" "p99 ms"
row() { printf '%-46s %9s %7s %9s %8s %8s\n' "$@"; }
row "bookClinicAppointment (/api/vapi/tools)" "$B_RATE" "$B_ERR" "" "$B_P50" "$B_P99"
row "  pgbench booking.sql, $WORKERS clients" "$PB_TPS" "$PB_FAIL/$PB_AB" "$(statements booking.sql)" "$PB_P50" "$PB_P99"
row "  pgbench booking.sql, $CLIENTS clients" "$PB32_TPS" "$PB32_FAIL/$PB32_AB" "$(statements booking.sql)" "$PB32_P50" "$PB32_P99"
row "checkAvailability (/api/vapi/tools)" "$A_RATE" "$A_ERR" "" "$A_P50" "$A_P99"
row "  pgbench availability.sql, $WORKERS clients" "$PA_TPS" "$PA_FAIL/$PA_AB" "$(statements availability.sql)" "$PA_P50" "$PA_P99"
row "end-of-call-report (/api/webhooks/vapi)" "$R_RATE" "$R_ERR" "" "$R_P50" "$R_P99"
row "  pgbench report.sql, $WORKERS clients" "$PR_TPS" "$PR_FAIL/$PR_AB" "$(statements report.sql)" "$PR_P50" "$PR_P99"
echo "   (pgbench errors: failed/aborted clients; stmts/rt: statements/round trips per request)"
echo
echo "ratios, server / pgbench at the server's $WORKERS connections (goal):"
echo "  bookings rate      $(ratio "$B_RATE" "$PB_TPS")   (>= 0.9)    p99 $(ratio "$B_P99" "$PB_P99")  (<= 2)"
echo "  availability rate  $(ratio "$A_RATE" "$PA_TPS")   (>= 0.9)    p99 $(ratio "$A_P99" "$PA_P99")  (<= 2)"
echo "  report ingest rate $(ratio "$R_RATE" "$PR_TPS")   (>= 0.8)    p99 $(ratio "$R_P99" "$PR_P99")"
echo "  bookings rate vs pgbench at $CLIENTS clients: $(ratio "$B_RATE" "$PB32_TPS")"
echo
echo "CPU ms per request: server process / its PostgreSQL cluster, and PostgreSQL per pgbench"
echo "transaction of the same statements (steadier than rates when other work shares the machine):"
echo "  bookClinicAppointment  $B_CPU_S / $B_CPU_P   pgbench $PB_CPU"
echo "  checkAvailability      $A_CPU_S / $A_CPU_P   pgbench $PA_CPU"
echo "  end-of-call-report     $R_CPU_S / $R_CPU_P   pgbench $PR_CPU"
