#!/usr/bin/env bash
# Captures the statements the server really runs for a bookClinicAppointment tool call and for
# an end-of-call report, from PostgreSQL's own statement log, and writes them as pgbench
# scripts (booking.sql, availability.sql, report.sql, each with the constants it binds in
# <name>.vars.json) that vapi_bench.sh runs with pgbench -M prepared as the database's reference.
#
#   tests/bench/capture_sql.sh              # writes tests/bench/booking.sql and report.sql
#   OUT=build/capture BUILD=build/dev tests/bench/capture_sql.sh
#
# A fresh server with its embedded cluster plays two requests of each kind with logging on
# (log_min_duration_statement = 0); sqllog2pgbench.py keeps the request's connection, turns
# parameters that are the same in both requests into constants and the ones that differ into
# values made afresh per transaction (see there). Redo it whenever the server's SQL changes.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/release}
OUT=${OUT:-$ROOT/tests/bench}
PORT=${PORT:-18879}
SERVER_BIN=$BUILD/app/voxanne-server
SANDBOX_BIN=$BUILD/app/voxanne-sandbox
for b in "$SERVER_BIN" "$SANDBOX_BIN"; do
    [ -x "$b" ] || { echo "build first: $b is missing" >&2; exit 1; }
done

WORK=$(mktemp -d -t voxanne-capture.XXXXXX)
chmod 755 "$WORK" # the embedded cluster runs as `voxanne` when this runs as root
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

"$SERVER_BIN" serve --listen "127.0.0.1:$PORT" --data-dir "$WORK/data" \
    >"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 120); do
    grep -q "listening on" "$WORK/server.out" 2>/dev/null && break
    sleep 0.5
done
grep -q "listening on" "$WORK/server.out" || { echo "the server did not start:" >&2; tail "$WORK/server.log" >&2; exit 1; }
URL="http://127.0.0.1:$PORT"
CLUSTER=$WORK/data/postgres
SOCKET=$(sed -n "s/^unix_socket_directories = '\(.*\)'/\1/p" "$CLUSTER/voxanne.conf")
PSQL=(psql -qAtX -v ON_ERROR_STOP=1 -h "$SOCKET" -U voxanne_admin -d voxanne)
SECRET=$(sed -n 's/^VAPI_WEBHOOK_SECRET=//p' "$WORK/data/secrets.ini")
ASSISTANT=asst-bench

curl -sf -XPOST "$URL/api/auth/signup" -H 'content-type: application/json' \
    -d '{"organization_name":"Bench Clinic","email":"owner@bench.test","password":"correct horse battery"}' >/dev/null
ORG=$("${PSQL[@]}" -c "SELECT id FROM organizations LIMIT 1")
SERVICE=$("${PSQL[@]}" -c "SELECT id FROM services WHERE org_id = '$ORG' AND name = 'Consultation'")
"${PSQL[@]}" -c "UPDATE agents SET vapi_assistant_id = '$ASSISTANT' WHERE org_id = '$ORG'"

# One request per load run (index 0), told apart by seed; B books a week after A.
FIRST_DAY=$(date -u -d '+14 days' +%F)
B_DAY=$(date -u -d '+21 days' +%F)
one() { # kind seed first-day
    local out
    out=$("$SANDBOX_BIN" load --server "$URL" --secret "$SECRET" --assistant "$ASSISTANT" \
        --clients 1 --requests 1 --kind "$1" --seed "$2" --first-day "$3")
    grep -q 'errors 0,' <<<"$out" || { echo "capture request failed: $out" >&2; exit 1; }
}
mark() { "${PSQL[@]}" -c "SELECT 'capture:$1'" >/dev/null; }

one availability 1 "$FIRST_DAY" # warm-up: statements prepared, caches filled
"${PSQL[@]}" -c "ALTER SYSTEM SET log_min_duration_statement = 0" \
    -c "ALTER SYSTEM SET log_line_prefix = '%m [%p] %a '" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
mark book-a; one book 11 "$FIRST_DAY"
mark book-b; one book 12 "$B_DAY"
mark report-a; one report 13 "$FIRST_DAY"
mark report-b; one report 14 "$FIRST_DAY"
mark avail-a; one availability 15 "$FIRST_DAY"
mark avail-b; one availability 16 "$FIRST_DAY"
mark end
sleep 1
"${PSQL[@]}" -c "ALTER SYSTEM RESET log_min_duration_statement" \
    -c "ALTER SYSTEM RESET log_line_prefix" -c "SELECT pg_reload_conf()" >/dev/null

# The values each request carried and the rows it made, as the server wrote them in its SQL.
phone() { printf '+1556%07d' $(($1 % 100 * 100000)); }
row() { "${PSQL[@]}" -F $'\t' -c "SET TimeZone = 'UTC'" -c "$1"; }
tokens() { # seed kind
    local callid="load-$1-0" contact calllog appointment start end
    contact=$(row "SELECT id FROM contacts WHERE org_id = '$ORG' AND phone = '$(phone "$1")'")
    calllog=$(row "SELECT id FROM call_logs WHERE org_id = '$ORG' AND vapi_call_id = '$callid'")
    appointment=$(row "SELECT id FROM appointments WHERE org_id = '$ORG' AND vapi_call_id = '$callid'")
    IFS=$'\t' read -r start end < <(row "SELECT starts_at, ends_at FROM appointments WHERE id = '${appointment:-00000000-0000-0000-0000-000000000000}'" || true)
    jq -n --arg org "$ORG" --arg service "$SERVICE" --arg callid "$callid" \
        --arg toolcallid "call_load_$1_0" --arg phone "$(phone "$1")" --arg contact "$contact" \
        --arg calllog "$calllog" --arg appointment "$appointment" --arg start "$start" --arg stop "$end" \
        '{org: $org, service: $service, callid: $callid, toolcallid: $toolcallid, phone: $phone,
          contact: $contact, calllog: $calllog, appointment: $appointment, start: $start, "end": $stop}'
}
LOG=$CLUSTER/server.log
# How each value is made afresh per pgbench transaction: :n makes ids unique, :slot a free
# half hour for the exclusion constraint; rows made earlier in the request are found by the
# key the request gave them (one index lookup inside the statement, no extra round trip).
EXPRS=$(jq -n --arg q "'" '{
  org: ":org", service: ":service",
  callid: "(\($q)pgb-call-\($q) || :n)", toolcallid: "(\($q)pgb-tool-\($q) || :n)",
  phone: "(\($q)+1557\($q) || :phone)",
  contact: "(SELECT id::text FROM contacts WHERE org_id = :org::uuid AND phone = \($q)+1557\($q) || :phone)",
  calllog: "(SELECT id::text FROM call_logs WHERE org_id = :org::uuid AND vapi_call_id = \($q)pgb-call-\($q) || :n)",
  appointment: "(SELECT id::text FROM appointments WHERE org_id = :org::uuid AND source_tool_call_id = \($q)pgb-tool-\($q) || :n)",
  start: "(timestamptz \($q)2100-01-04 09:00Z\($q) + interval \($q)30 minutes\($q) * :slot)::text",
  "end": "(timestamptz \($q)2100-01-04 09:30Z\($q) + interval \($q)30 minutes\($q) * :slot)::text"}')
SETS='["\\set n random(1, 1000000000000)", "\\set phone random(1000000, 9999999)", "\\set slot random(1, 1000000000)"]'
convert() { # name marker-a marker-b marker-end seed-a seed-b title
    jq -n --argjson a "$(tokens "$5")" --argjson b "$(tokens "$6")" --argjson e "$EXPRS" \
        --argjson s "$SETS" \
        --arg signature "FROM agents WHERE" \
        '{a: $a, b: $b, expressions: $e, sets: $s, signature: $signature}' >"$WORK/$1.tokens.json"
    python3 "$ROOT/tests/bench/sqllog2pgbench.py" "$LOG" "$WORK/$1.tokens.json" \
        "capture:$2" "capture:$3" "capture:$4" "$7" "$OUT/$1.vars.json" >"$OUT/$1.sql"
    echo "wrote $OUT/$1.sql and $1.vars.json" >&2
}
convert booking book-a book-b report-a 11 12 \
    "What the server runs for one bookClinicAppointment tool call (POST /api/vapi/tools)."
convert report report-a report-b avail-a 13 14 \
    "What the server runs for one end-of-call report (POST /api/webhooks/vapi)."
convert availability avail-a avail-b end 15 16 \
    "What the server runs for one checkAvailability tool call (POST /api/vapi/tools)."
[ "${KEEP:-0}" = 1 ] && cp "$LOG" "$WORK/statements.log"
exit 0
