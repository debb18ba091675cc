#!/usr/bin/env bash
# The Debian packages as an administrator meets them: made with cpack from a build folder, then
# installed with apt in a brand-new minimal Debian 12 (mmdebstrap, this machine's apt sources,
# the way ../shared/tools/fresh-debian-check makes one), where the server must create its user,
# answer on its embedded database, the console must start, the systemd unit must verify, the
# sandbox must be absent, and a purge must take the user away and keep the data.
#
#   tests/e2e/package-check.sh BUILD_DIR      (e.g. build/release, after a full build)
#   PACKAGE_CHECK_KEEP=1 ...                  keeps the root folder (path printed at the end)
#
# Needs root (chroot, bind mounts): uses sudo when it is not root, and fails when it cannot.
set -euo pipefail

say() { echo "package-check: $*" >&2; }
die() { say "FAIL: $*"; exit 1; }

[[ $# -eq 1 ]] || die "usage: $0 BUILD_DIR"
build=$(cd "$1" && pwd) || die "no build folder $1"
[[ -f "$build/CPackConfig.cmake" ]] || die "$build has no CPackConfig.cmake: configure it first"

if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null ||
        die "needs root for chroot and bind mounts, and sudo is not installed: run it as root"
    sudo -n true 2>/dev/null ||
        die "needs root for chroot and bind mounts, and sudo asks for a password: run it as root"
    exec sudo -n --preserve-env=TMPDIR,PACKAGE_CHECK_KEEP -- "$0" "$build"
fi

# The cpack beside the cmake that configured the build.
cmake_command=$(sed -n 's/^CMAKE_COMMAND:INTERNAL=//p' "$build/CMakeCache.txt")
cpack="$(dirname "$cmake_command")/cpack"
[[ -x "$cpack" ]] || cpack=$(command -v cpack) || die "cpack not found"
for tool in mmdebstrap dpkg-shlibdeps dpkg-deb chroot mount; do
    command -v "$tool" >/dev/null || die "$tool is missing: run packaging/install-deps"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/package-check.XXXXXX")
root="$work/root"
mounted=()
server_pid=
# Processes running inside the new system: all of them started by this script.
pids_in_root() {
    local proc
    for proc in /proc/[0-9]*; do
        if [[ "$(readlink "$proc/root" 2>/dev/null)" == "$root" ]]; then echo "${proc#/proc/}"; fi
    done
}
cleanup() {
    local rc=$? pid
    if [[ -d "$root" ]]; then
        for pid in $(pids_in_root); do kill -KILL "$pid" 2>/dev/null || true; done
    fi
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
    if grep -q " $root/" /proc/mounts; then
        say "something is still mounted under $root: not deleting it"
    elif [[ "${PACKAGE_CHECK_KEEP:-0}" == 1 ]]; then
        say "kept $work"
    else
        rm -rf "$work"
    fi
    exit $rc
}
trap cleanup EXIT
start=$(date +%s)
step() { say "[$(($(date +%s) - start)) s] $*"; }

step "cpack -G DEB from $build"
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/debs" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; die "cpack failed"; }
shopt -s nullglob
server_deb=("$work"/debs/voxanne-server_*.deb)
console_deb=("$work"/debs/voxanne-console_*.deb)
sandbox_deb=("$work"/debs/voxanne-sandbox_*.deb)
shopt -u nullglob
[[ ${#server_deb[@]} -eq 1 && ${#console_deb[@]} -eq 1 && ${#sandbox_deb[@]} -eq 1 ]] ||
    die "expected one voxanne-server, voxanne-console and voxanne-sandbox .deb, got: $(ls "$work/debs")"
for deb in "${server_deb[0]}" "${console_deb[0]}" "${sandbox_deb[0]}"; do
    say "  $(basename "$deb"): $(($(stat -c %s "$deb") / 1024)) KiB, installed $(dpkg-deb -f "$deb" Installed-Size) KiB"
    say "    Depends: $(dpkg-deb -f "$deb" Depends)"
done
for deb in "${server_deb[0]}" "${console_deb[0]}"; do
    contents=$(dpkg-deb -c "$deb")
    if grep -q voxanne-sandbox <<<"$contents"; then die "$(basename "$deb") contains the sandbox"; fi
done

# This machine's Debian sources: deb822 paragraphs if there are any, else one-line entries.
sources="$work/sources"
cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk 'BEGIN{RS="";ORS="\n\n"} /Types:/' >"$sources" || true
if [[ ! -s "$sources" ]]; then
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -E '^deb ' >"$sources" || true
fi
[[ -s "$sources" ]] || die "no apt sources found on this machine"

step "a minimal Debian 12 in $root (mmdebstrap)"
# curl for the health check, systemd for systemd-analyze: both on any real Debian server.
mmdebstrap --quiet --variant=apt --include=ca-certificates,curl,systemd bookworm "$root" "$sources" \
    >"$work/mmdebstrap.log" 2>&1 || { cat "$work/mmdebstrap.log" >&2; die "mmdebstrap failed"; }
for m in proc sys dev dev/pts; do mount --bind "/$m" "$root/$m"; mounted+=("$root/$m"); done
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
mkdir -p "$root/tmp" && chmod 1777 "$root/tmp"
# No daemon starts in the chroot (PostgreSQL's package would start its main cluster, on this
# machine's network): the usual policy for chroots.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"

in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

step "apt-get install ./voxanne-server ./voxanne-console (Depends only, from the network)"
mkdir -p "$root/srv/debs"
cp "${server_deb[0]}" "${console_deb[0]}" "$root/srv/debs/"
# Without Recommends: the Depends alone must make both programs work.
# mmdebstrap leaves no package lists behind: fetch them as an administrator would.
if ! in_root bash -c 'cd /srv/debs && apt-get update -q && apt-get install -y --no-install-recommends \
        ./voxanne-server_*.deb ./voxanne-console_*.deb' >"$work/install.log" 2>&1; then
    tail -n 40 "$work/install.log" >&2
    die "apt-get install failed"
fi
grep '^voxanne-server:' "$work/install.log" >&2 || true

failures=0
check() { # check DESCRIPTION COMMAND...: runs COMMAND, reports, counts failures.
    local what=$1
    shift
    if "$@"; then say "  ok   $what"; else say "  FAIL $what"; failures=$((failures + 1)); fi
}
mode_owner() { in_root stat -c '%a %U:%G' "$1" 2>/dev/null; }

step "checks in the installed system"
check "the voxanne system user and group exist" in_root getent passwd voxanne >/dev/null
check "/var/lib/voxanne is 0700 voxanne:voxanne" test "$(mode_owner /var/lib/voxanne)" = "700 voxanne:voxanne"
check "/etc/voxanne is 0750 root:voxanne" test "$(mode_owner /etc/voxanne)" = "750 root:voxanne"
check "/etc/voxanne/voxanne.env.example is installed" test -f "$root/etc/voxanne/voxanne.env.example"
check "the unit is not enabled" \
    test ! -e "$root/etc/systemd/system/multi-user.target.wants/voxanne-server.service"
check "voxanne-sandbox is not installed" test ! -e "$root/usr/bin/voxanne-sandbox"
check "the console's icon is installed" \
    test -f "$root/usr/share/icons/hicolor/scalable/apps/voxanne-console.svg" -a \
    -f "$root/usr/share/icons/hicolor/48x48/apps/voxanne-console.png"

# The server as the unit runs it: user voxanne, data in /var/lib/voxanne, its own PostgreSQL,
# the settings an administrator gets by copying the example as it says. Only the port differs
# (a free one; a flag wins over the file), since this system shares the machine's network.
in_root install -m 0600 /etc/voxanne/voxanne.env.example /etc/voxanne/voxanne.env
mapfile -t settings < <(grep -E '^[A-Z_][A-Z0-9_]*=' "$root/etc/voxanne/voxanne.env")
say "  settings from the example: ${settings[*]}"
serve_log="$root/tmp/serve.log"
chroot "$root" /usr/bin/setpriv --reuid=voxanne --regid=voxanne --clear-groups \
    /usr/bin/env -i LANG=C.UTF-8 PATH=/usr/bin:/bin "${settings[@]}" VOXANNE_DATA_DIR=/var/lib/voxanne \
    /usr/bin/voxanne-server serve --listen 127.0.0.1:0 >"$serve_log" 2>&1 &
server_pid=$!
url=
for _ in $(seq 1 240); do
    url=$(sed -n 's/^listening on //p' "$serve_log" | head -n 1)
    [[ -n "$url" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
done
if [[ -n "$url" ]]; then
    status=$(in_root curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url/api/health" || true)
    check "voxanne-server serve (embedded PostgreSQL, user voxanne) answers GET /api/health with 200 (got $status at $url)" \
        test "$status" = 200
else
    tail -n 20 "$serve_log" >&2
    check "voxanne-server serve started (log above)" false
fi
if kill -TERM "$server_pid" 2>/dev/null; then
    wait "$server_pid" || true
fi
server_pid=
for _ in $(seq 1 60); do
    [[ -z "$(pids_in_root)" ]] && break
    sleep 0.5
done
left=$(pids_in_root | xargs -r ps -o pid=,user=,args= -p || true)
check "nothing keeps running after the server stops (SIGTERM)${left:+: $left}" test -z "$left"
check "the server's database cluster is in /var/lib/voxanne" test -f "$root/var/lib/voxanne/postgres/PG_VERSION"

check "QT_QPA_PLATFORM=offscreen voxanne-console --help exits 0" \
    in_root env QT_QPA_PLATFORM=offscreen voxanne-console --help >/dev/null

verify_out=$(in_root systemd-analyze verify /lib/systemd/system/voxanne-server.service 2>&1) &&
    verify_rc=0 || verify_rc=$?
[[ -z "$verify_out" ]] || say "  systemd-analyze verify says: $verify_out"
check "systemd-analyze verify voxanne-server.service is clean" \
    test "$verify_rc" -eq 0 -a -z "$verify_out"

step "apt-get purge voxanne-server"
if in_root apt-get purge -y voxanne-server >"$work/purge.log" 2>&1; then
    grep '^voxanne-server:' "$work/purge.log" >&2 || true
    check "the voxanne user is gone" bash -c "! chroot '$root' getent passwd voxanne >/dev/null"
    check "the voxanne group is gone" bash -c "! chroot '$root' getent group voxanne >/dev/null"
    check "the administrator's /etc/voxanne/voxanne.env is kept" test -f "$root/etc/voxanne/voxanne.env"
    check "the example settings are gone" test ! -e "$root/etc/voxanne/voxanne.env.example"
    check "the data in /var/lib/voxanne is kept" test -f "$root/var/lib/voxanne/postgres/PG_VERSION"
else
    tail -n 20 "$work/purge.log" >&2
    check "apt-get purge voxanne-server" false
fi

step "apt-get install ./voxanne-server again, on the kept data"
if in_root bash -c 'cd /srv/debs && apt-get install -y --no-install-recommends ./voxanne-server_*.deb' \
    >"$work/reinstall.log" 2>&1; then
    check "the new voxanne user owns the kept data again" \
        test "$(in_root stat -c %U /var/lib/voxanne/postgres)" = voxanne
else
    tail -n 20 "$work/reinstall.log" >&2
    check "apt-get install voxanne-server again" false
fi

step "done: $failures failure(s)"
[[ $failures -eq 0 ]] || die "$failures check(s) failed"
say "PASS"
