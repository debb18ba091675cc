# Sourced by the benchmarks: CPU seconds (user + system) spent so far by processes, to print
# the CPU each request costs the server and its PostgreSQL cluster. Under a shared, noisy
# machine these move far less than rates do.

cpu_of() { # pid... -> seconds
    local ticks=0 p
    for p in "$@"; do
        [ -r "/proc/$p/stat" ] || continue
        ticks=$((ticks + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
    done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}

# The postmaster of a server's embedded cluster (started on the server's --data-dir).
postmaster_of() { # server pid
    local dir
    dir=$(tr '\0' '\n' <"/proc/$1/cmdline" | sed -n '/^--data-dir$/{n;p}')
    pgrep -f -x ".*postgres -D $dir/postgres" | head -1
}

# CPU seconds of a server's cluster: the live backends, and those that have exited (the
# postmaster collects their time), so that a pgbench run's backends count after they are gone.
cluster_cpu() { # server pid
    local pm ticks=0 p
    pm=$(postmaster_of "$1")
    [ -n "$pm" ] || { echo 0; return; }
    ticks=$(sed 's/.*) //' "/proc/$pm/stat" | awk '{print $12 + $13 + $14 + $15}')
    for p in $(pgrep -P "$pm"); do
        [ -r "/proc/$p/stat" ] && ticks=$((ticks + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
    done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
