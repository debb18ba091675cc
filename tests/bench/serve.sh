# Sourced by the benchmarks: starts `voxanne-server serve` on its own data folder and waits until
# it listens. Needs $server_bin and $work; sets $server_pid, $url and $socket_dir (the embedded
# cluster's socket folder, for psql).

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
