#!/usr/bin/env bash
# HTTP benchmark of the companion server, next to references measured the same way on the same
# machine: nginx serving the same bytes as static files, and pgbench running the very SQL the
# calls endpoint runs (captured from PostgreSQL's own log, not retyped).
#
#   tests/bench/http_bench.sh          installs what it needs, builds release, seeds, measures
#
# Environment: BENCH_ORGS (100), BENCH_CALLS (1000000), BENCH_DURATION (15s),
# BENCH_CONNECTIONS (32), BENCH_KEEP=1 keeps the work folder, BENCH_HOOK (a command run as
# `hook start|stop health|calls <server pid>` around the server's runs; profile.sh uses it). Prints figures and ratios; never fails on speed. wrk, nginx, pgbench and the server
# share this machine's cores, so the figures compare shapes of cost, not absolute capacity.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/bench/serve.sh"
orgs=${BENCH_ORGS:-100}
calls=${BENCH_CALLS:-1000000}
duration=${BENCH_DURATION:-15s}
connections=${BENCH_CONNECTIONS:-32}
threads=2

bench_prepare bench voxanne-server
nginx_pid=""
bench_cleanup_extra() { [[ -z "$nginx_pid" ]] || kill -QUIT "$nginx_pid" 2>/dev/null; }

say "server with its own PostgreSQL in $work/data"
serve_embedded "$work/data"
cluster="$work/data/postgres"
echo "server: $url" >&2
sign_up_bench_clinic

say "seed $calls calls across $orgs clinics"
start=$(date +%s)
psql_admin <<SQL
INSERT INTO organizations (name) SELECT 'Clinic ' || g FROM generate_series(2, $orgs) g;
INSERT INTO contacts (org_id, name, phone, lead_temperature, lead_score)
SELECT o.id, 'Caller ' || g, '+1555' || lpad((g * 7919 % 10000000)::text, 7, '0'),
       (ARRAY['hot', 'warm', 'cold'])[1 + g % 3], (g * 37) % 100
FROM organizations o, generate_series(1, 200) g;
INSERT INTO call_logs (org_id, contact_id, occurred_at, started_at, ended_at, duration_seconds,
                       direction, status, phone_number, caller_name, transcript, summary,
                       sentiment_label, sentiment_score, booking_confirmed,
                       financial_value_cents, recording_url, recording_status)
SELECT o.id, NULL, t, t, t + make_interval(secs => d), d,
       CASE WHEN g % 5 = 0 THEN 'outbound' ELSE 'inbound' END,
       CASE WHEN g % 17 = 0 THEN 'failed' ELSE 'ended' END,
       '+1555' || lpad((g * 7919 % 10000000)::text, 7, '0'), 'Caller ' || (g % 5000),
       (ARRAY['Hi, I would like to book botox next week please',
              'Calling about rhinoplasty pricing and recovery time',
              'Can I move my filler appointment to Friday afternoon',
              'Do you offer a consultation for liposuction'])[1 + g % 4],
       'The caller asked about a treatment.',
       (ARRAY['positive', 'neutral', 'negative'])[1 + g % 3], ((g % 200) - 100) / 100.0,
       g % 4 = 0, CASE WHEN g % 4 = 0 THEN 40000 ELSE 0 END,
       CASE WHEN g % 3 = 0 THEN NULL ELSE 'https://recordings.example/' || g || '.wav' END,
       CASE WHEN g % 3 = 0 THEN NULL ELSE 'completed' END
FROM (SELECT id FROM organizations) o,
     LATERAL (SELECT g, now() - make_interval(secs => g * 29) AS t, 30 + g % 600 AS d
              FROM generate_series(1, $calls / $orgs) g) s;
ANALYZE;
SQL
echo "seeded in $(( $(date +%s) - start )) s: $(psql_admin -c 'SELECT count(*) FROM call_logs') calls" >&2

say "capture the SQL GET /api/calls-dashboard runs, from PostgreSQL's log"
psql_admin -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
curl -sf "$url/api/calls-dashboard?limit=50" -H "Authorization: Bearer $token" >"$work/calls.json"
sleep 1
psql_admin -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
sql=$(grep -a "execute [^:]*: SELECT json_build_object('id', c.id" "$cluster/server.log" | tail -1 |
    sed 's/.*execute [^:]*: //')
[[ -n "$sql" ]] || { echo "could not find the endpoint's statement in $cluster/server.log" >&2; exit 1; }
claims="{\"role\":\"authenticated\",\"sub\":\"$user\",\"app_metadata\":{\"org_id\":\"$org\",\"role\":\"owner\"}}"
cat >"$work/calls.sql" <<SQL
BEGIN;
SELECT set_config('role', 'authenticated', true), set_config('request.jwt.claims', :claims, true);
${sql//\$1/:org};
COMMIT;
SQL
echo "rows on the page: $(grep -o '"id"' "$work/calls.json" | wc -l), bytes: $(wc -c <"$work/calls.json")" >&2
{
    echo "BEGIN; SET LOCAL role authenticated; SET LOCAL request.jwt.claims = '$claims';"
    echo "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql//\$1/\'$org\'};"
    echo "ROLLBACK;"
} | psql_admin >"$work/explain.txt"

say "nginx serving the same bytes"
curl -sf "$url/api/health" >"$work/health.json"
mkdir -p "$work/nginx/www/api"
cp "$work/health.json" "$work/nginx/www/api/health"
cp "$work/calls.json" "$work/nginx/www/api/calls-dashboard"
chmod -R a+rX "$work/nginx"
conf_template=$(cat <<'CONF'
worker_processes 2;
pid @WORK@/nginx/nginx.pid;
error_log @WORK@/nginx/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/json;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:@PORT@;
        root @WORK@/nginx/www;
        location / { try_files $uri =404; }
    }
}
CONF
)
nginx_port=0
for _ in $(seq 1 20); do # a free port below the ephemeral range
    candidate=$(shuf -i 20000-32000 -n 1)
    conf=${conf_template//@WORK@/$work}
    echo "${conf//@PORT@/$candidate}" >"$work/nginx/nginx.conf"
    nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>>"$work/nginx/start.log" &
    nginx_pid=$!
    sleep 1
    if kill -0 "$nginx_pid" 2>/dev/null; then nginx_port=$candidate; break; fi
    nginx_pid=""
done
[[ "$nginx_port" != 0 ]] || { cat "$work/nginx/start.log" >&2; exit 1; }

# wrk: requests/s, p50 and p99 in milliseconds.
measure() {
    local out
    out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@")
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
                         if (v ~ /s$/) return v * 1000; return v }
        /^Requests\/sec:/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        / Non-2xx or 3xx responses/ { bad = $NF }
        END { printf "%.0f %.3f %.3f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }' <<<"$out"
}

say "measuring ($duration each, $connections connections, $threads wrk threads)"
[[ -n "${BENCH_HOOK:-}" ]] && $BENCH_HOOK start health "$server_pid"
read -r h_rps h_p50 h_p99 h_bad < <(measure "$url/api/health")
[[ -n "${BENCH_HOOK:-}" ]] && $BENCH_HOOK stop health "$server_pid"
read -r n_rps n_p50 n_p99 _ < <(measure "http://127.0.0.1:$nginx_port/api/health")
[[ -n "${BENCH_HOOK:-}" ]] && $BENCH_HOOK start calls "$server_pid"
read -r c_rps c_p50 c_p99 c_bad < <(measure -H "Authorization: Bearer $token" "$url/api/calls-dashboard?limit=50")
[[ -n "${BENCH_HOOK:-}" ]] && $BENCH_HOOK stop calls "$server_pid"
read -r nc_rps nc_p50 nc_p99 _ < <(measure "http://127.0.0.1:$nginx_port/api/calls-dashboard")

# pgbench with as many connections as the server has database workers (4 per core, 4 to 32).
workers=$(( $(nproc) * 4 )); (( workers < 4 )) && workers=4; (( workers > 32 )) && workers=32
seconds=${duration%s}
(cd "$work" && "$pg_bin/pgbench" -h "$socket_dir" -p 5432 -U voxanne_admin -n -M prepared \
    -c "$workers" -j "$threads" -T "$seconds" -D org="$org" -D claims="$claims" \
    -f "$work/calls.sql" -l --log-prefix=pgb voxanne >"$work/pgbench.txt" 2>&1)
p_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.txt" | tail -1)
read -r p_p50 p_p99 < <(cat "$work"/pgb.* | awk '{print $3}' | sort -n |
    awk '{v[NR] = $1} END { printf "%.3f %.3f\n", v[int(NR * 0.50)] / 1000, v[int(NR * 0.99)] / 1000 }')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo
echo "Voxanne HTTP benchmark: $calls calls across $orgs clinics; $(nproc) cores shared by all."
echo "wrk -t$threads -c$connections -d$duration; pgbench -c$workers -j$threads -M prepared."
echo
printf '%-52s %10s %10s %10s\n' "target" "req/s" "p50 ms" "p99 ms"
printf '%-52s %10s %10s %10s\n' "GET /api/health (voxanne-server)" "$h_rps" "$h_p50" "$h_p99"
printf '%-52s %10s %10s %10s\n' "  reference: same bytes, static file (nginx)" "$n_rps" "$n_p50" "$n_p99"
printf '%-52s %10s %10s %10s\n' "GET /api/calls-dashboard?limit=50 (voxanne-server)" "$c_rps" "$c_p50" "$c_p99"
printf '%-52s %10s %10s %10s\n' "  reference: same bytes, static file (nginx)" "$nc_rps" "$nc_p50" "$nc_p99"
printf '%-52s %10s %10s %10s\n' "  reference: same SQL + RLS setup (pgbench)" "$p_tps" "$p_p50" "$p_p99"
echo
echo "ratios (voxanne / reference, throughput):"
echo "  health vs nginx static:        $(ratio "$h_rps" "$n_rps")"
echo "  calls page vs nginx static:    $(ratio "$c_rps" "$nc_rps")"
echo "  calls page vs pgbench same SQL: $(ratio "$c_rps" "$p_tps")"
echo "  calls page p99 vs pgbench p99:  $(ratio "$c_p99" "$p_p99")   (goal <= 1.5)"
echo "non-2xx answers: health $h_bad, calls $c_bad"
echo
echo "plan of the endpoint's SQL at this size (EXPLAIN ANALYZE):"
sed 's/^/  /' "$work/explain.txt"
