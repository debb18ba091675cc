#!/usr/bin/env bash
# Reports benchmark: each GET /api/reports/<name> over a 90-day range, one request at a time,
# next to pgbench running the very statements the server ran for it (captured from PostgreSQL's
# own log, with the same transaction and RLS setup), also one at a time.
#
#   tests/bench/reports_bench.sh            100k calls across 100 clinics (a year of calls), with
#                                           their texts, failed tool calls and reviews
#   BENCH_CALLS=1000000 tests/bench/reports_bench.sh
#
# Environment: BENCH_ORGS (100), BENCH_CALLS (100000), BENCH_REQUESTS (200 per report),
# BENCH_KEEP=1 keeps the work folder. Prints p50/p99 per report and the ratio to pgbench, then
# the plan of each report's statement (EXPLAIN ANALYZE). Never fails on speed.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/bench/serve.sh"
orgs=${BENCH_ORGS:-100}
calls=${BENCH_CALLS:-100000}
requests=${BENCH_REQUESTS:-200}
# A fixed range of the seeded year, and the days before it the reports compare with.
from=2026-09-02
to=2026-11-30
previous_from=2026-06-04
previous_to=2026-09-01
reports=(volume outcomes money quality messages)

bench_prepare reports-bench voxanne-server

say "server with its own PostgreSQL in $work/data"
serve_embedded "$work/data"
cluster="$work/data/postgres"
echo "server: $url" >&2
sign_up_bench_clinic America/New_York

say "seed $calls calls across $orgs clinics over 2026"
start=$(date +%s)
psql_admin <<SQL
INSERT INTO organizations (name) SELECT 'Clinic ' || g FROM generate_series(2, $orgs) g;
INSERT INTO org_settings (org_id, time_zone)
SELECT id, 'America/New_York' FROM organizations ON CONFLICT (org_id) DO NOTHING;
INSERT INTO business_hours (org_id, weekday, opens_at, closes_at)
SELECT o.id, d, '09:00', '17:00' FROM organizations o, generate_series(1, 5) d
ON CONFLICT DO NOTHING;
INSERT INTO contacts (org_id, name, phone)
SELECT o.id, 'Caller ' || g, '+1555' || lpad((g * 7919 % 10000000)::text, 7, '0')
FROM organizations o, generate_series(1, 200) g;
INSERT INTO call_logs (org_id, contact_id, occurred_at, duration_seconds, direction, status,
                       sentiment_label, sentiment_score, booking_confirmed,
                       financial_value_cents, matched_services, transfer_reason,
                       success_evaluation)
SELECT o.id, (SELECT id FROM contacts c WHERE c.org_id = o.id OFFSET g % 200 LIMIT 1),
       timestamptz '2026-01-01 00:00:00-05' + make_interval(secs => g * (31536000 / ($calls / $orgs))),
       CASE WHEN g % 23 = 0 THEN 0 ELSE 30 + g % 600 END,
       CASE WHEN g % 5 = 0 THEN 'outbound' ELSE 'inbound' END,
       CASE WHEN g % 17 = 0 THEN 'failed' ELSE 'ended' END,
       (ARRAY['positive', 'neutral', 'negative'])[1 + g % 3], ((g % 200) - 100) / 100.0,
       g % 4 = 0, CASE WHEN g % 4 = 0 THEN 40000 ELSE (g % 3) * 15000 END,
       CASE g % 4 WHEN 0 THEN ARRAY['Botox'] WHEN 1 THEN ARRAY['Rhinoplasty', 'Fillers']
                  WHEN 2 THEN ARRAY['Consultation'] ELSE '{}'::text[] END,
       CASE WHEN g % 11 = 0 THEN (ARRAY['The caller asked for a person.',
                                        'The transfer target was busy.'])[1 + g % 2] END,
       CASE g % 3 WHEN 0 THEN 'true' WHEN 1 THEN 'false' END
FROM (SELECT id FROM organizations) o, generate_series(1, $calls / $orgs) g;
-- The messages audit: per call half a text on average, as a clinic with reminders and
-- text-backs writes them: reminders mostly delivered, some sent, failed or still queued;
-- text-backs after missed calls; patients' replies (confirm, opt-out, free text).
INSERT INTO messages (org_id, contact_id, direction, method, purpose, recipient, sender, content,
                      status, reply_kind, external_message_id, created_at, sent_at)
SELECT o.id, NULL, CASE WHEN g % 5 = 4 THEN 'inbound' ELSE 'outbound' END,
       CASE WHEN g % 10 = 3 THEN 'email' ELSE 'sms' END,
       CASE WHEN g % 5 = 4 THEN NULL WHEN g % 5 = 3 THEN 'missed_call_textback'
            ELSE 'appointment_reminder' END,
       '+1555' || lpad((g * 7919 % 10000000)::text, 7, '0'), '+15550000000', 'Bench text ' || g,
       CASE WHEN g % 5 = 4 THEN 'received' WHEN g % 29 = 0 THEN 'failed'
            WHEN g % 31 = 0 THEN 'queued' WHEN g % 7 = 0 THEN 'sent' ELSE 'delivered' END,
       CASE WHEN g % 5 = 4 THEN (ARRAY['confirm', 'opt_out', 'free_text', 'confirm'])[1 + g % 4] END,
       'SM' || md5(o.id::text || g),
       timestamptz '2026-01-01 00:00:00-05' + make_interval(secs => g * (31536000 / ($calls / $orgs / 2))),
       CASE WHEN g % 5 <> 4 THEN timestamptz '2026-01-01 00:00:00-05'
                                 + make_interval(secs => g * (31536000 / ($calls / $orgs / 2)) + 5) END
FROM (SELECT id FROM organizations) o, generate_series(1, $calls / $orgs / 2) g;
-- Failed tool calls: one in fifty calls of each clinic, of every kind, at the call's time.
INSERT INTO tool_errors (org_id, vapi_call_id, tool, kind, occurred_at)
SELECT c.org_id, 'bench-' || c.id,
       (ARRAY['bookClinicAppointment', 'checkAvailability', 'lookupService'])[1 + n % 3],
       (ARRAY['booking_refused', 'unknown_service', 'slot_taken', 'appointment_not_found',
              'unknown_tool', 'bad_arguments', 'system_error'])[1 + n % 7],
       c.occurred_at + interval '30 seconds'
FROM (SELECT id, org_id, occurred_at,
             row_number() OVER (PARTITION BY org_id ORDER BY occurred_at) AS n FROM call_logs) c
WHERE c.n % 50 = 0;
-- Reviews: one call in twenty of each clinic, scored 1 to 5 with one or two tags of the default list.
INSERT INTO call_reviews (call_id, org_id, score, tags, note, reviewed_at)
SELECT c.id, c.org_id, 1 + n % 5,
       CASE WHEN n % 3 = 0 THEN ARRAY['great']
            WHEN n % 3 = 1 THEN ARRAY['wrong price', 'too long']
            ELSE ARRAY['should have transferred'] END,
       'Bench review ' || n, c.occurred_at + interval '1 day'
FROM (SELECT id, org_id, occurred_at,
             row_number() OVER (PARTITION BY org_id ORDER BY occurred_at) AS n FROM call_logs) c
WHERE c.n % 20 = 7;
ANALYZE;
SQL
echo "seeded in $(( $(date +%s) - start )) s: $(psql_admin -c "SELECT format('%s calls, %s messages, %s tool errors, %s reviews', (SELECT count(*) FROM call_logs), (SELECT count(*) FROM messages), (SELECT count(*) FROM tool_errors), (SELECT count(*) FROM call_reviews))")" >&2

say "capture the SQL each report runs, from PostgreSQL's log"
psql_admin -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
for name in "${reports[@]}"; do
    curl -sf "$url/api/reports/$name?from=$from&to=$to" -H "Authorization: Bearer $token" \
        >"$work/$name.json"
done
sleep 1
psql_admin -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
# A logged statement runs over several lines, up to the next line that starts a log entry.
python3 - "$cluster/server.log" "$work" <<'PY'
import re, sys
log, work = sys.argv[1], sys.argv[2]
entry = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d')
statements, current = [], None
for line in open(log, errors='replace'):
    if entry.match(line):
        if current is not None:
            statements.append(''.join(current))
        m = re.search(r'execute [^:]*: (WITH span AS \(.*)', line, re.S)
        current = [m.group(1)] if m else None
    elif current is not None:
        current.append(line)
if current is not None:
    statements.append(''.join(current))
marks = {'volume': 'hours AS', 'outcomes': 'inbound AS', 'money': 'offered AS', 'quality': 'edges AS',
         'messages': 'texts AS'}
for name, mark in marks.items():
    found = [s for s in statements if mark in s]
    if not found:
        sys.exit(f'no statement of the {name} report in {log}')
    open(f'{work}/{name}.stmt', 'w').write(found[0].strip())
PY
claims="{\"role\":\"authenticated\",\"sub\":\"$user\",\"app_metadata\":{\"org_id\":\"$org\",\"role\":\"owner\"}}"
edges=$(python3 -c "import json,sys; print('{' + ','.join(str(b['from_seconds']) for b in json.load(open(sys.argv[1]))['current']['call_length']) + '}')" "$work/quality.json")
for name in "${reports[@]}"; do
    stmt=$(cat "$work/$name.stmt")
    period() { local s=${stmt//\$1/:org}; s=${s//\$2/:$1}; s=${s//\$3/:$2}; echo "${s//\$4/:edges};"; }
    {
        echo "BEGIN;"
        echo "SELECT set_config('role', 'authenticated', true), set_config('request.jwt.claims', :claims, true);"
        period from to
        period pfrom pto
        echo "SELECT time_zone FROM org_settings WHERE org_id = :org::uuid;"
        echo "COMMIT;"
    } >"$work/$name.sql"
    s=${stmt//\$1/\'$org\'}; s=${s//\$2/\'$from\'}; s=${s//\$3/\'$to\'}; s=${s//\$4/\'$edges\'}
    {
        echo "BEGIN; SET LOCAL role authenticated; SET LOCAL request.jwt.claims = '$claims';"
        echo "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $s;"
        echo "ROLLBACK;"
    } | psql_admin >"$work/$name.explain"
done

# p50 and p99 in milliseconds of a list of seconds, one a line.
percentiles() {
    sort -n | awk '{v[NR] = $1} END { a = int(NR * 0.50); if (a < 1) a = 1; b = int(NR * 0.99); if (b < 1) b = 1; printf "%.2f %.2f\n", v[a] * 1000, v[b] * 1000 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

say "measuring: $requests requests per report, one at a time, server then pgbench"
declare -A s50 s99 p50 p99
for name in "${reports[@]}"; do
    for _ in $(seq 1 10); do # warm caches and prepared statements
        curl -sf -o /dev/null "$url/api/reports/$name?from=$from&to=$to" -H "Authorization: Bearer $token"
    done
    read -r s50[$name] s99[$name] < <(
        for _ in $(seq 1 "$requests"); do
            curl -sf -o /dev/null -w '%{time_total}\n' \
                "$url/api/reports/$name?from=$from&to=$to" -H "Authorization: Bearer $token"
        done | percentiles)
    rm -f "$work"/pgb.*
    (cd "$work" && "$pg_bin/pgbench" -h "$socket_dir" -p 5432 -U voxanne_admin -n -M prepared \
        -c 1 -j 1 -t "$requests" -D org="$org" -D claims="$claims" -D from="$from" -D to="$to" \
        -D pfrom="$previous_from" -D pto="$previous_to" -D edges="$edges" \
        -f "$work/$name.sql" -l --log-prefix=pgb voxanne >"$work/pgbench-$name.txt" 2>&1) ||
        { cat "$work/pgbench-$name.txt" >&2; exit 1; }
    read -r p50[$name] p99[$name] < <(cat "$work"/pgb.* | awk '{print $3 / 1000000}' | percentiles)
done

echo
echo "Voxanne reports benchmark: $calls calls across $orgs clinics over 2026 (~$((calls / orgs)) per"
echo "clinic); range $from..$to (90 days) and the 90 days before; $(nproc) cores shared by all."
echo "One request at a time: curl against the server, pgbench -c1 -M prepared running the same"
echo "statements (both periods, RLS setup, one transaction)."
echo
printf '%-34s %10s %10s %12s %12s %9s\n' "report" "p50 ms" "p99 ms" "pgbench p50" "pgbench p99" "p99 ratio"
for name in "${reports[@]}"; do
    printf '%-34s %10s %10s %12s %12s %9s\n' "GET /api/reports/$name" "${s50[$name]}" "${s99[$name]}" \
        "${p50[$name]}" "${p99[$name]}" "$(ratio "${s99[$name]}" "${p99[$name]}")"
done
echo
echo "goal: p99 under 300 ms at 1M calls across 100 clinics (BENCH_CALLS=1000000)."
for name in "${reports[@]}"; do
    echo
    echo "plan of the $name statement for the measured clinic (EXPLAIN ANALYZE, first lines):"
    grep -E "Execution Time|Planning Time|Index|Seq Scan|Bitmap" "$work/$name.explain" | head -20 | sed 's/^/  /'
done
