# SPDX-License-Identifier: Apache-2.0
#
# Sourced by guests/linux/build.sh and guests/linux/baoipc/build.sh: where
# the downloads are cached, which Debian archive to download from, and the
# private apt both run. The sourcing script defines log, die and
# offline_hint, and calls apt_setup with its architectures.
# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables are for the sourcing scripts

SUITE=trixie
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

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

# apt_setup ARCH...: apt with private lists, archives and state in the
# cache, seeing packages of these architectures (the first is the default).
apt_setup() {
    local a
    APT_ARCHS=("$@")
    APT_OPTS=(-o "APT::Architecture=$1")
    for a in "$@"; do APT_OPTS+=(-o "APT::Architectures::=$a"); done
    APT_OPTS+=(
        -o "Dir::Etc::SourceList=$APT_DIR/sources.list"
        -o Dir::Etc::SourceParts=/dev/null
        -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null
        -o "Dir::State::Lists=$APT_DIR/lists"
        -o "Dir::Cache::Archives=$APT_DIR/archives"
        -o "Dir::Cache=$APT_DIR/cache"
        -o Dir::State::Status=/dev/null
        -o Debug::NoLocking=1
        -o APT::Sandbox::User=root
        -o Acquire::http::Timeout=20 -o Acquire::https::Timeout=20
        -o Acquire::Retries=1
        -o Acquire::Languages=none
        -q
    )
}

apt_cmd() { "$@" "${APT_OPTS[@]}"; }

# The first error or warning line of apt's output $1, without its prefix,
# so that a failure is reported on one line.
apt_error() {
    local line
    line=$(printf '%s\n' "$1" | grep -E '^(E|W):' | head -n 1 || true)
    line=${line#*: }
    printf '%s\n' "${line:-apt failed}" | tr -s ' \t' ' '
}

# Fetches the package index once per run, and only when something must be
# downloaded or resolved.
APT_UPDATED=0
apt_update() {
    local archs out
    [ "$APT_UPDATED" = 1 ] && return 0
    archs=$(IFS=,; echo "${APT_ARCHS[*]}")
    mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/archives/partial" "$APT_DIR/cache"
    [ -r "$KEYRING" ] || die "$KEYRING is missing: install debian-archive-keyring"
    echo "deb [arch=$archs signed-by=$KEYRING] $MIRROR $SUITE main" \
        >"$APT_DIR/sources.list"
    log "updating the $SUITE $archs package index from $MIRROR"
    # apt-get update only warns about some failures: a fetch error line
    # counts as failure too.
    if ! out=$(apt_cmd apt-get update 2>&1) ||
       grep -qE '^(E|W): (Failed to fetch|Some index files failed)' <<<"$out"
    then
        die "cannot reach $MIRROR ($(apt_error "$out")): $(offline_hint)"
    fi
    APT_UPDATED=1
}

# Moves $1 to $2 unless $2 already has the same content (then drops $1).
install_if_changed() {
    if cmp -s "$1" "$2"; then
        rm -f "$1"
        log "$(basename "$2"): unchanged"
    else
        mv -f "$1" "$2"
        log "$(basename "$2"): updated ($(stat -c %s "$2") bytes)"
    fi
}
