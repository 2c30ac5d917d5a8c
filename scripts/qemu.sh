#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# scripts/qemu.sh VERSION
#
# Prints the path of a qemu-system-riscv64 of that version, getting it
# first if needed. Every test, `make run` and `make bench` take the QEMU
# they run from QEMU= (a command, a path, or one of these versions):
#
#   7.2    Debian 12's qemu-system-misc with its OpenSBI 1.2 (scripts/
#          setup-deps.sh installs them)
#   10.0   bookworm-backports' qemu-system-riscv 10.0 with OpenSBI 1.5,
#          built for Debian 12: downloaded with a private apt (the system's
#          apt sources are read for the mirror, never changed), unpacked
#          into the cache, and run through a wrapper that gives QEMU its own
#          firmware directory (-L), so `-bios default` is OpenSBI 1.5
#
# Beside the wrapper: opensbi/ (that OpenSBI's generic firmware, for the
# fw_jump tests) and versions (one line naming both, for test and bench
# output). With a warm cache nothing is downloaded.
#
# Environment: BAOBAB_CACHE, DEBIAN_MIRROR as for guests/linux/build.sh.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
log() { printf 'qemu: %s\n' "$*" >&2; }
die() { printf 'qemu: error: %s\n' "$*" >&2; exit 1; }
offline_hint() {
    echo "the first use needs network access to Debian's archive; set" \
         "DEBIAN_MIRROR or use QEMU=7.2"
}

SYSTEM_QEMU=qemu-system-riscv64
SYSTEM_OPENSBI=/usr/lib/riscv64-linux-gnu/opensbi/generic
# Packages of the backported QEMU: the emulator, its firmware directory and
# OpenSBI (qemu-system-data's OpenSBI links point into the opensbi package).
BACKPORTS_PACKAGES=(qemu-system-riscv qemu-system-data opensbi)

# Debian 12's own QEMU: what setup-deps.sh installed.
system_qemu() {
    local path
    path=$(command -v "$SYSTEM_QEMU") ||
        die "$SYSTEM_QEMU not found: run scripts/setup-deps.sh"
    printf '%s\n' "$path"
}

# The first "Version:" of package $1's .deb in directory $2.
deb_version() {
    dpkg-deb -f "$(find "$2" -maxdepth 1 -name "$1_*.deb" | head -n 1)" Version
}

# Libraries the unpacked QEMU needs that this machine lacks, one per line.
missing_libraries() {
    ldd "$1" 2>/dev/null | awk '/not found/ { print $1 }'
}

# Writes the wrapper, the firmware link and the versions line into $1.
install_wrapper() {
    local dir=$1 root=$1/root qemu_version opensbi_version
    cat >"$dir/qemu-system-riscv64.tmp" <<EOF
#!/bin/sh
# Made by scripts/qemu.sh: bookworm-backports' QEMU with its own firmware.
# -audio none: else it probes audio and display modules and finds Debian
# 12's QEMU 7.2 modules at the same path, which it refuses with warnings.
exec "$root/usr/bin/qemu-system-riscv64" -L "$root/usr/share/qemu" \\
    -audio none "\$@"
EOF
    chmod +x "$dir/qemu-system-riscv64.tmp"
    ln -sfn "root/usr/lib/riscv64-linux-gnu/opensbi/generic" "$dir/opensbi.tmp"
    mv -T "$dir/opensbi.tmp" "$dir/opensbi"
    qemu_version=$(deb_version qemu-system-riscv "$dir/debs")
    opensbi_version=$(deb_version opensbi "$dir/debs")
    printf 'QEMU %s (Debian %s), OpenSBI %s (Debian %s)\n' \
        "$(upstream "$qemu_version")" "$qemu_version" \
        "$(upstream "$opensbi_version")" "$opensbi_version" \
        >"$dir/versions.tmp"
    mv "$dir/versions.tmp" "$dir/versions"
    mv "$dir/qemu-system-riscv64.tmp" "$dir/qemu-system-riscv64"
}

# 1:10.0.2+ds-2+deb13u1~bpo12+1 -> 10.0.2
upstream() {
    local v=${1#*:}
    printf '%s\n' "${v%%[+~-]*}"
}

backports_qemu() {
    local dir lib missing
    # debian-cache.sh: the cache root, the mirror and a private apt.
    # shellcheck source=guests/linux/debian-cache.sh
    . "$HERE/../guests/linux/debian-cache.sh"
    SUITE=bookworm-backports
    dir=${BAOBAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/baobab}/qemu-10.0
    APT_DIR=$dir/apt
    mkdir -p "$dir"
    exec 9>"$dir/.lock"
    flock 9
    if [ ! -e "$dir/root/.complete" ]; then
        apt_setup "$(dpkg --print-architecture)"
        apt_update
        rm -rf "$dir/debs" "$dir/root"
        mkdir -p "$dir/debs" "$dir/root"
        log "downloading ${BACKPORTS_PACKAGES[*]} from $SUITE"
        (cd "$dir/debs" && apt_cmd apt-get download "${BACKPORTS_PACKAGES[@]}" \
            >/dev/null) ||
            die "cannot download ${BACKPORTS_PACKAGES[*]} from $SUITE at" \
                "$MIRROR: $(offline_hint)"
        for deb in "$dir"/debs/*.deb; do dpkg-deb -x "$deb" "$dir/root"; done
        touch "$dir/root/.complete"
        install_wrapper "$dir"
        log "$(cat "$dir/versions") in $dir"
    fi
    # Written every time (it is cheap): a cache from an older script gets
    # this script's wrapper.
    install_wrapper "$dir"
    missing=$(missing_libraries "$dir/root/usr/bin/qemu-system-riscv64")
    if [ -n "$missing" ]; then
        for lib in $missing; do log "missing library: $lib"; done
        die "QEMU 10.0 needs libraries this machine lacks (install the" \
            "Debian 12 packages that provide them, e.g. apt-file search)"
    fi
    printf '%s\n' "$dir/qemu-system-riscv64"
}

case ${1:-} in
7.2 | system) system_qemu ;;
10.0) backports_qemu ;;
*) die "usage: $0 7.2|10.0 (got '${1:-}')" ;;
esac
