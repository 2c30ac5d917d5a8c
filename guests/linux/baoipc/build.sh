#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# guests/linux/baoipc/build.sh [OUTDIR] [KVER]
#
# Builds baoipc.ko, the Baobab shared-memory IPC driver, for the Debian
# trixie riscv64 kernel that guests/linux/build.sh uses, and writes it to
# OUTDIR (default build/guests/linux in the repo), replaced only when its
# content changes.
#
# The kernel version (e.g. 6.12.107+deb13-riscv64) comes from, in order:
# the KVER argument, the KVER environment variable, OUTDIR/kernel-version,
# build/guests/linux/kernel-version, or the kernel package recorded in the
# cache by guests/linux/build.sh.
#
# Debian's build tree for out-of-tree modules is downloaded with apt (private
# sources, lists and archives in the same cache as guests/linux/build.sh;
# the system's apt configuration is only read, for the mirror):
#   linux-headers-<version>-riscv64, linux-headers-<abi>-common (riscv64/all)
#   linux-kbuild-<abi>, libc6 (the host's architecture, from trixie)
# trixie's modpost needs a newer glibc than older hosts have: it runs through
# the loader of trixie's libc6, unpacked in the cache. With a warm cache the
# script makes no network access.
#
# Environment:
#   KVER                  kernel version (see above)
#   KERNEL_CROSS_COMPILE  prefix of the Linux cross compiler
#                         (default riscv64-linux-gnu-: Debian's
#                         gcc-riscv64-linux-gnu)
#   DEBIAN_MIRROR         Debian archive URI (default: the system's apt sources)
#   BAOBAB_CACHE          cache root (default: ${XDG_CACHE_HOME:-~/.cache}/baobab)
#   LINUX_REFRESH=1       download the packages again even if cached
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
OUT=${1:-$ROOT/build/guests/linux}
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac
KVER=${2:-${KVER:-}}

ARCH=riscv64
FLAVOUR=riscv64
# Cache layout, Debian mirror and private apt, shared with ../build.sh.
# shellcheck source=guests/linux/debian-cache.sh
. "$HERE/../debian-cache.sh"
XPREFIX=${KERNEL_CROSS_COMPILE:-riscv64-linux-gnu-}
XCC=${XPREFIX}gcc
XSTRIP=${XPREFIX}strip
log() { printf 'baoipc: %s\n' "$*"; }
die() { printf 'baoipc: error: %s\n' "$*" >&2; exit 1; }

HOST_ARCH=$(dpkg --print-architecture 2>/dev/null || true)

# apt sees riscv64 (the kernel's packages) and the host's architecture
# (the build tools, which run here).
apt_setup "$ARCH" "$HOST_ARCH"

offline_hint() {
    echo "the first build needs network access to download Debian's" \
         "kernel build tree; set DEBIAN_MIRROR or pre-fill $CACHE"
}

# Path of the cached .deb of package $1 for architecture $2 (empty if none).
cached_deb() {
    [ -d "$DEB_DIR" ] || return 0
    find "$DEB_DIR" -maxdepth 1 -name "$1_*_$2.deb" | sort -V | tail -n 1
}

# Downloads package $1 (architecture $2; version $3 if not empty) into the
# cache unless already there; sets DEB to its path.
fetch_deb() {
    local pkg=$1 arch=$2 ver=${3:-} spec
    DEB=$(cached_deb "$pkg" "$arch")
    if [ -n "$DEB" ] && [ "${LINUX_REFRESH:-0}" != 1 ]; then
        log "$pkg: cached $(basename "$DEB")"
        return 0
    fi
    apt_update
    spec=$pkg:$arch
    [ "$arch" = all ] && spec=$pkg
    [ -n "$ver" ] && spec=$spec=$ver
    log "$pkg ($arch): downloading"
    mkdir -p "$DEB_DIR"
    local out
    if ! out=$(cd "$DEB_DIR" && apt_cmd apt-get download "$spec" 2>&1); then
        die "cannot download $spec from $MIRROR ($(apt_error "$out")):" \
            "$(offline_hint)"
    fi
    DEB=$(cached_deb "$pkg" "$arch")
    [ -n "$DEB" ] || die "apt-get download $spec left no .deb in $DEB_DIR"
}

# Unpacks the .debs given as arguments together into directory $1, once:
# the directory's .complete lists the .debs it was made from.
unpack_tree() {
    local dir=$1 stamp tmp deb
    shift
    stamp=$(for deb in "$@"; do basename "$deb"; done)
    if [ ! -e "$dir/.complete" ] || [ "$(cat "$dir/.complete")" != "$stamp" ]; then
        log "unpacking into $(basename "$dir")"
        tmp=$dir.tmp
        rm -rf "$tmp" "$dir"
        mkdir -p "$tmp"
        for deb in "$@"; do dpkg-deb -x "$deb" "$tmp"; done
        printf '%s\n' "$stamp" >"$tmp/.complete"
        mv "$tmp" "$dir"
    fi
}

# The kernel version, from the sources named at the top.
find_kver() {
    local f
    if [ -n "$KVER" ]; then
        printf '%s\n' "$KVER"
        return
    fi
    for f in "$OUT/kernel-version" "$ROOT/build/guests/linux/kernel-version"; do
        if [ -s "$f" ]; then
            head -n 1 "$f"
            return
        fi
    done
    if [ -s "$RESOLVED" ]; then
        sed -n '1s/^linux-image-//p' "$RESOLVED"
        return
    fi
}

# The Debian version of the cached kernel image package for $1, so the
# headers match it exactly (empty if the image is not cached).
image_version() {
    local deb v
    deb=$(cached_deb "linux-image-$1" "$ARCH")
    [ -n "$deb" ] || return 0
    v=$(basename "$deb" .deb)
    v=${v#linux-image-"$1"_}
    v=${v%_"$ARCH"}
    printf '%s\n' "${v//%3a/:}"
}

tmp=
cleanup() {
    [ -z "$tmp" ] || rm -rf "$tmp"
    rm -f "$OUT/baoipc.ko.tmp"
}
trap cleanup EXIT

main() {
    local kver abi ver tree src common libc ldso libdir modpost tool

    for tool in apt-get dpkg dpkg-deb make cmp "$XCC" "$XSTRIP"; do
        command -v "$tool" >/dev/null ||
            die "$tool not found (needs a Debian-based host with" \
                "gcc-riscv64-linux-gnu and make: scripts/setup-deps.sh)"
    done
    [ -n "$HOST_ARCH" ] || die "dpkg --print-architecture failed"

    kver=$(find_kver)
    [ -n "$kver" ] ||
        die "unknown kernel version: run guests/linux/build.sh first, or" \
            "pass KVER (e.g. 6.12.107+deb13-riscv64)"
    case $kver in
        *-"$FLAVOUR") ;;
        *) die "kernel version $kver is not a -$FLAVOUR kernel" ;;
    esac
    case $kver in
        *[!A-Za-z0-9.+~-]*) die "kernel version $kver: unexpected characters" ;;
    esac
    abi=${kver%-"$FLAVOUR"}
    case "$CACHE" in
        *[[:space:]]*) die "the cache path $CACHE contains spaces (make cannot use it)" ;;
    esac

    mkdir -p "$CACHE" "$OUT"
    log "kernel $kver, cache $CACHE, output $OUT"
    # apt runs without its own locks (Debug::NoLocking): builds sharing the
    # cache (guests/linux/build.sh too) take turns.
    # guests/linux/build.sh holds the lock already when it runs this.
    if [ "${BAOBAB_CACHE_LOCKED:-0}" != 1 ]; then
        exec 9>"$CACHE/.lock"
        if command -v flock >/dev/null && ! flock -n 9; then
            log "waiting for another build that uses the cache"
            flock 9
        fi
    fi

    ver=$(image_version "$kver")
    local debs=()
    fetch_deb "linux-headers-$kver" "$ARCH" "$ver"; debs+=("$DEB")
    fetch_deb "linux-headers-$abi-common" all "$ver"; debs+=("$DEB")
    fetch_deb "linux-kbuild-$abi" "$HOST_ARCH" "$ver"; debs+=("$DEB")
    fetch_deb libc6 "$HOST_ARCH"; local libc_deb=$DEB

    # The three packages unpacked into one tree, so the relative links
    # usr/src/linux-headers-*/scripts -> ../../lib/linux-kbuild-*/scripts
    # resolve. The flavour's Makefile only includes the common tree's by its
    # absolute /usr/src path: make is given that Makefile directly (-f), so
    # the unpacked tree is used as it is.
    tree=$UNPACK_DIR/linux-kbuild-tree_${kver}_$HOST_ARCH
    unpack_tree "$tree" "${debs[@]}"
    src=$tree/usr/src/linux-headers-$kver
    common=$tree/usr/src/linux-headers-$abi-common
    if [ ! -f "$src/.config" ] || [ ! -f "$src/Module.symvers" ]; then
        die "$src is not a kernel build tree"
    fi
    [ -f "$common/Makefile" ] || die "$common/Makefile is missing"
    modpost=$src/scripts/mod/modpost.real-lsb-64
    [ -x "$modpost" ] || die "$modpost is missing"

    libc=$UNPACK_DIR/$(basename "$libc_deb" .deb)
    unpack_tree "$libc" "$libc_deb"
    ldso=$(find "$libc/usr/lib" -maxdepth 2 -name 'ld-linux*.so.*' | sort | head -n 1)
    [ -n "$ldso" ] || die "no dynamic loader in $(basename "$libc_deb")"
    libdir=$(dirname "$ldso")

    tmp=$(mktemp -d "${TMPDIR:-/tmp}/baoipc.XXXXXX")
    mkdir "$tmp/src"
    cp "$HERE/baoipc.c" "$HERE/Kbuild" "$tmp/src/"
    # modpost of trixie, run by trixie's loader and libc.
    cat >"$tmp/modpost" <<EOF
#!/bin/sh
exec "$ldso" --library-path "$libdir" "$modpost" "\$@"
EOF
    chmod +x "$tmp/modpost"

    log "building baoipc.ko with $XCC ($("$XCC" -dumpfullversion))"
    # Parent makes' flags and variables are not for Kbuild. The module's
    # debug information is stripped (as Debian's installed modules are), and
    # the temporary and cache paths are mapped away (the build id covers the
    # debug information), so the bytes depend only on the source, the kernel
    # tree and the compiler.
    if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES LC_ALL=C \
        make -C "$src" -f "$common/Makefile" M="$tmp/src" \
            ARCH=riscv CROSS_COMPILE="$XPREFIX" CC="$XCC" \
            MODPOST="$tmp/modpost" CONFIG_DEBUG_INFO_BTF_MODULES= \
            KCFLAGS="-ffile-prefix-map=$tmp/src/= -ffile-prefix-map=$tree/=/" \
            modules >"$tmp/build.log" 2>&1
    then
        cat "$tmp/build.log" >&2
        die "the module build failed"
    fi
    grep -iE 'warning|error' "$tmp/build.log" >&2 || true
    "$XSTRIP" --strip-debug -o "$OUT/baoipc.ko.tmp" "$tmp/src/baoipc.ko"
    install_if_changed "$OUT/baoipc.ko.tmp" "$OUT/baoipc.ko"
    if [ "$APT_UPDATED" = 1 ]; then
        log "done"
    else
        log "done (reused the cache, no network access)"
    fi
}

main
