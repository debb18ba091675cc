# shellcheck shell=bash disable=SC2034,SC2154 # sets and reads the sourcing benchmark's variables
# Sourced by the benchmarks: what every one of them does before it measures. Needs $root.
#
#   bench_prepare NAME TARGET...   installs the bench packages (unless BENCH_NO_DEPS=1), builds
#                                  release TARGETs, makes the work folder $work and removes it on
#                                  exit (BENCH_KEEP=1 keeps it); a benchmark that starts more
#                                  processes defines bench_cleanup_extra, called first on exit
#   serve_embedded DATA-DIR        starts `voxanne-server serve` on its own data folder and waits
#                                  until it listens; sets $server_pid, $url and $socket_dir
#   psql_admin ARGS...             psql as the cluster's admin, unaligned tuples only
#   sign_up_bench_clinic [TZ]      signs up "Bench Clinic"; sets $token, $org and $user

say() { printf '\n== %s\n' "$*" >&2; }

bench_prepare() { # name target...
    local name=$1
    shift
    if [[ "${BENCH_NO_DEPS:-0}" != 1 ]]; then
        say "dependencies"
        "$root/packaging/install-deps" --bench >&2
    fi
    say "release build"
    (cd "$root" && cmake --preset release >/dev/null &&
        cmake --build --preset release -j2 --target "$@" >/dev/null)
    server_bin="$root/build/release/app/voxanne-server"
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    work=$(mktemp -d -t "voxanne-$name.XXXXXX")
    chmod 755 "$work" # the embedded database runs as the `voxanne` user when this runs as root
    server_pid=""
    trap bench_cleanup EXIT
}

bench_cleanup() {
    if declare -F bench_cleanup_extra >/dev/null; then bench_cleanup_extra || true; fi
    if [[ -n "$server_pid" ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "work folder kept: $work" >&2; else rm -rf "$work"; fi
}

serve_embedded() { # data-dir
    "$server_bin" serve --data-dir "$1" --listen 127.0.0.1:0 \
        >"$work/server.out" 2>"$work/server.err" &
    server_pid=$!
    for _ in $(seq 1 600); do
        grep -q '^listening on ' "$work/server.out" 2>/dev/null && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; exit 1; }
        sleep 0.2
    done
    url=$(sed -n 's/^listening on //p' "$work/server.out")
    socket_dir=$(sed -n "s/^unix_socket_directories = '\(.*\)'/\1/p" "$1/postgres/voxanne.conf")
}

psql_admin() {
    "$pg_bin/psql" -h "$socket_dir" -p 5432 -U voxanne_admin -d voxanne -X -q -A -t \
        -v ON_ERROR_STOP=1 "$@"
}

sign_up_bench_clinic() { # [time zone]
    local zone=""
    [[ -n "${1:-}" ]] && zone=",\"time_zone\":\"$1\""
    say "sign up the measured clinic"
    local session
    session=$(curl -sf -X POST "$url/api/auth/signup" -H 'Content-Type: application/json' \
        -d "{\"organization_name\":\"Bench Clinic\",\"email\":\"bench@clinic.test\",\"password\":\"benchmark password\"$zone}")
    token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$session")
    org=$(psql_admin -c "SELECT id FROM organizations WHERE name = 'Bench Clinic'")
    user=$(psql_admin -c "SELECT id FROM profiles WHERE email = 'bench@clinic.test'")
}
