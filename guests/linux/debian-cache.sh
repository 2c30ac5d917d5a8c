# SPDX-License-Identifier: Apache-2.0
#
# Sourced by guests/linux/build.sh and guests/linux/baoipc/build.sh: where
# the downloads are cached, and which Debian archive to download from.
# shellcheck shell=bash

CACHE=${BAOBAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/baobab}/linux
APT_DIR=$CACHE/apt
DEB_DIR=$CACHE/debs
UNPACK_DIR=$CACHE/unpacked
# The kernel package linux-image-riscv64 resolved to on the last online run.
RESOLVED=$CACHE/kernel-package

# The Debian archive the machine's own apt uses: the first URI ending in
# /debian (not debian-security) in one-line or deb822 sources.
system_mirror() {
    local files=() f
    [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
    for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] && files+=("$f")
    done
    [ ${#files[@]} -gt 0 ] || return 0
    awk '
        /^[ \t]*#/ { next }
        /^[ \t]*deb[ \t]/ {
            # deb [opts] URI suite...: skip the bracketed options.
            line = $0
            sub(/^[ \t]*deb[ \t]+/, "", line)
            if (line ~ /^\[/) sub(/^\[[^]]*\][ \t]*/, "", line)
            split(line, w, /[ \t]+/)
            print w[1]
            next
        }
        /^[ \t]*URIs:/ {
            sub(/^[ \t]*URIs:[ \t]*/, "")
            n = split($0, w, /[ \t]+/)
            for (i = 1; i <= n; i++) print w[i]
        }' "${files[@]}" |
        sed 's:/*$::' | grep -E '^[a-z+]+://.*/debian$' | head -n 1
}

MIRROR=${DEBIAN_MIRROR:-$(system_mirror)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
MIRROR=${MIRROR%/}
