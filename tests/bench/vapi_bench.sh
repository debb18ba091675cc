#!/usr/bin/env bash
# Vapi paths under load (issue 4): tool-call latency (bookings and availability checks) and
# end-of-call-report ingest rate through the full pipeline, at 32 concurrent clients, next to
# pgbench running the booking transaction itself on the same database. Prints figures; never
# fails on speed.
#
#   tests/bench/vapi_bench.sh                   # uses build/release
#   BUILD=build/dev REQUESTS=500 tests/bench/vapi_bench.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
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

WORK=$(mktemp -d /tmp/voxanne-bench.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
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
PSQL=(psql -qAtX "host=$WORK/data/postgres user=voxanne dbname=voxanne")

curl -sf -XPOST "$URL/api/auth/signup" -H 'content-type: application/json' \
    -d '{"organization_name":"Bench Clinic","email":"owner@bench.test","password":"correct horse battery"}' >/dev/null
ORG=$("${PSQL[@]}" -c "SELECT id FROM organizations LIMIT 1")
SERVICE=$("${PSQL[@]}" -c "SELECT id FROM services WHERE org_id = '$ORG' AND name = 'Consultation'")
ASSISTANT=asst-bench
"${PSQL[@]}" -c "UPDATE agents SET vapi_assistant_id = '$ASSISTANT' WHERE org_id = '$ORG'"

load() {
    "$SANDBOX_BIN" load --server "$URL" --secret "$SECRET" --assistant "$ASSISTANT" \
        --clients "$CLIENTS" --requests "$1" --kind "$2" --seed "$3" 2>/dev/null
}
echo "== warm-up"
load 200 availability 1 >/dev/null
echo "== tool calls: bookClinicAppointment, $REQUESTS requests, $CLIENTS clients"
BOOK=$(load "$REQUESTS" book 2); echo "$BOOK"
echo "== tool calls: checkAvailability, $REQUESTS requests, $CLIENTS clients"
AVAIL=$(load "$REQUESTS" availability 3); echo "$AVAIL"
echo "== webhooks: end-of-call-report (redaction, sentiment, contact, outcome, events), $REQUESTS reports"
REPORT=$(load "$REQUESTS" report 4); echo "$REPORT"

pgb() {
    pgbench -n -c "$1" -j 2 -T "$SECONDS_PGBENCH" -f "$ROOT/tests/bench/booking.sql" \
        -D org="$ORG" -D service="$SERVICE" -h "$WORK/data/postgres" -U voxanne voxanne 2>&1
}
echo "== pgbench: the booking transaction, $CLIENTS clients, ${SECONDS_PGBENCH}s"
PGB=$(pgb "$CLIENTS")
echo "$PGB" | grep -E "number of transactions actually processed|number of failed|latency average|tps ="
# The server books through one connection per worker thread (4 x cores, 4 to 32) and prepared
# statements; the script's quoted variables need pgbench's simple protocol.
WORKERS=$(( $(nproc) * 4 < 4 ? 4 : ( $(nproc) * 4 > 32 ? 32 : $(nproc) * 4 ) ))
echo "== pgbench: the booking transaction, $WORKERS clients (as many as the server's workers), ${SECONDS_PGBENCH}s"
PGB2=$(pgb "$WORKERS")
echo "$PGB2" | grep -E "number of transactions actually processed|number of failed|latency average|tps ="

field() { sed -n "s/.*$2 \([0-9.]*\).*/\1/p" <<<"$1"; }
rate() { sed -n 's/.* \([0-9.]*\)\/s,.*/\1/p' <<<"$1"; }
tps() { sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$1"; }
lat() { sed -n 's/^latency average = \([0-9.]*\).*/\1/p' <<<"$1"; }
PG_TPS=$(tps "$PGB")
PG2_TPS=$(tps "$PGB2")
echo
echo "== summary ($CLIENTS concurrent clients, $(nproc) cores, $(git -C "$ROOT" rev-parse --short HEAD))"
printf '%-44s %10s %10s %10s\n' "" "rate/s" "p50 ms" "p99 ms"
printf '%-44s %10s %10s %10s\n' "bookClinicAppointment via /api/vapi/tools" "$(rate "$BOOK")" "$(field "$BOOK" p50)" "$(field "$BOOK" p99)"
printf '%-44s %10s %10s %10s\n' "checkAvailability via /api/vapi/tools" "$(rate "$AVAIL")" "$(field "$AVAIL" p50)" "$(field "$AVAIL" p99)"
printf '%-44s %10s %10s %10s\n' "end-of-call-report via /api/webhooks/vapi" "$(rate "$REPORT")" "$(field "$REPORT" p50)" "$(field "$REPORT" p99)"
printf '%-44s %10.1f %10s\n' "pgbench booking tx, $CLIENTS clients" "$PG_TPS" "avg $(lat "$PGB")"
printf '%-44s %10.1f %10s\n' "pgbench booking tx, $WORKERS clients" "$PG2_TPS" "avg $(lat "$PGB2")"
awk -v s="$(rate "$BOOK")" -v p="$PG_TPS" -v q="$PG2_TPS" 'BEGIN {
    if (p > 0 && q > 0)
        printf "server bookings/s vs pgbench: %.2f x (%s clients), %.2f x (%s clients)\n", s / p, "'"$CLIENTS"'", s / q, "'"$WORKERS"'" }'
