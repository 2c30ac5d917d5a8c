#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# guests/linux/build.sh [OUTDIR]
#
# Builds the Linux guest: Debian trixie's riscv64 kernel and a busybox
# initramfs made by mkinitramfs.py. OUTDIR (default build/guests/linux in
# the repo) receives Image, initramfs.cpio, kernel-version and rdtime (the
# initramfs's /bin/rdtime); each is replaced only when its content changes,
# so the hypervisor build does not relink for nothing.
#
# Downloads go to a cache outside the work tree (see README.md). apt runs
# with private lists, archives and sources: the system's apt configuration
# is read (for the mirror) but never changed. With a warm cache the script
# makes no network access at all.
#
# Environment:
#   LINUX_PACKAGE    kernel package (default: what linux-image-riscv64 needs)
#   DEBIAN_MIRROR    Debian archive URI (default: from the system's apt sources)
#   BAOBAB_CACHE     cache root (default: ${XDG_CACHE_HOME:-~/.cache}/baobab)
#   LINUX_REFRESH=1  ask the mirror again for the newest kernel and busybox
#   LINUX_EXTRA_MODULES  more kernel modules for the initramfs (names, spaces)
#   PYTHON           Python 3 interpreter for mkinitramfs.py
#   CROSS_COMPILE    prefix of the cross compiler for /bin/rdtime
#                    (default riscv64-unknown-elf-, as for the hypervisor)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=${1:-$ROOT/build/guests/linux}
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac

ARCH=riscv64
META_PACKAGE=linux-image-riscv64
BUSYBOX_PACKAGE=busybox-static
# Cache layout, Debian mirror and private apt, shared with baoipc/build.sh.
# shellcheck source=guests/linux/debian-cache.sh
. "$HERE/debian-cache.sh"
PYTHON=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3 || true)}
CROSS_CC=${CROSS_COMPILE:-riscv64-unknown-elf-}gcc
log() { printf 'linux-guest: %s\n' "$*"; }
die() { printf 'linux-guest: error: %s\n' "$*" >&2; exit 1; }

apt_setup "$ARCH"

offline_hint() {
    echo "the first build needs network access to download the Debian" \
         "kernel; set DEBIAN_MIRROR or pre-fill $CACHE"
}

# The kernel package named by the metapackage's dependency.
resolve_kernel_package() {
    local pkg
    pkg=$(apt_cmd apt-cache depends "$META_PACKAGE" 2>/dev/null |
          sed -n 's/^ *Depends: \(linux-image-[^ ]*\)$/\1/p' | head -n 1)
    [ -n "$pkg" ] ||
        die "$META_PACKAGE in $SUITE/$ARCH at $MIRROR names no kernel" \
            "package; set LINUX_PACKAGE"
    printf '%s\n' "$pkg"
}

# Path of the cached .deb of package $1 (empty if none).
cached_deb() {
    local found
    found=$(find "$DEB_DIR" -maxdepth 1 -name "$1_*_$ARCH.deb" 2>/dev/null |
            sort -V | tail -n 1)
    printf '%s\n' "$found"
}

# Downloads package $1 into the cache unless already there.
fetch_deb() {
    local pkg=$1 deb
    deb=$(cached_deb "$pkg")
    if [ -n "$deb" ] && [ "${LINUX_REFRESH:-0}" != 1 ]; then
        log "$pkg: cached $(basename "$deb")"
        return 0
    fi
    apt_update
    log "$pkg: downloading"
    mkdir -p "$DEB_DIR"
    if ! (cd "$DEB_DIR" && apt_cmd apt-get download "$pkg"); then
        die "cannot download $pkg from $MIRROR: $(offline_hint)"
    fi
    [ -n "$(cached_deb "$pkg")" ] ||
        die "apt-get download $pkg left no .deb in $DEB_DIR"
}

# Unpacks a .deb once into the cache; sets UNPACKED to the tree's path.
unpack_deb() {
    local deb=$1 dir tmp
    dir=$UNPACK_DIR/$(basename "$deb" .deb)
    if [ ! -e "$dir/.complete" ]; then
        log "unpacking $(basename "$deb")"
        tmp=$dir.tmp
        rm -rf "$tmp" "$dir"
        mkdir -p "$tmp"
        dpkg-deb -x "$deb" "$tmp"
        touch "$tmp/.complete"
        mv "$tmp" "$dir"
    fi
    UNPACKED=$dir
}

# Checks the RISC-V Image header: magic "RSC\x05" at offset 0x38.
check_image() {
    local magic
    magic=$(od -An -tx1 -j56 -N4 "$1" | tr -d ' \n')
    [ "$magic" = 52534305 ] || die "$1 is not a RISC-V Linux Image (magic $magic)"
}

# /bin/rdtime (rdtime.c): a static, libc-free Linux executable that prints
# the time CSR; make bench reads the boot time with it. Built with the
# bare-metal cross compiler, stripped and without a build id, so the bytes
# depend only on the source and the compiler. Without a compiler the
# initramfs is built without it (and make bench says so).
build_rdtime() {
    if ! command -v "$CROSS_CC" >/dev/null; then
        log "warning: $CROSS_CC not found: /bin/rdtime left out"
        rm -f "$OUT/rdtime"
        return 0
    fi
    "$CROSS_CC" -march=rv64imac_zicsr -mabi=lp64 -O2 -static -nostdlib \
        -ffreestanding -fno-pie -no-pie -fno-stack-protector \
        -Wall -Wextra -Werror -s -Wl,--build-id=none -Wl,--no-relax \
        -Wl,-z,noexecstack -o "$OUT/rdtime.tmp" "$HERE/rdtime.c"
    install_if_changed "$OUT/rdtime.tmp" "$OUT/rdtime"
}

# The IPC driver (baoipc/: /dev/baoipcN) and its test tool. The module is
# built against the headers of this very kernel, which baoipc/build.sh
# fetches into the same cache; ipctest is a static program.
build_baoipc() {
    local kver=$1

    BAOBAB_CACHE_LOCKED=1 "$HERE/baoipc/build.sh" "$OUT" "$kver" ||
        die "the baoipc module did not build"
    command -v riscv64-linux-gnu-gcc >/dev/null ||
        die "riscv64-linux-gnu-gcc not found (scripts/setup-deps.sh installs it)"
    riscv64-linux-gnu-gcc -static -O2 -Wall -Wextra -Werror -s \
        -Wl,--build-id=none -o "$OUT/ipctest.tmp" "$HERE/baoipc/ipctest.c"
    install_if_changed "$OUT/ipctest.tmp" "$OUT/ipctest"
}

main() {
    local kpkg kdeb bdeb ktree btree kver vmlinux

    for tool in apt-get apt-cache dpkg-deb od cmp; do
        command -v "$tool" >/dev/null ||
            die "$tool not found (this script needs a Debian-based host)"
    done
    [ -n "$PYTHON" ] || die "python3 not found"
    mkdir -p "$CACHE" "$OUT"
    trap 'rm -f "$OUT"/{Image,kernel-version,initramfs.cpio,rdtime,ipctest}.tmp' EXIT
    log "cache $CACHE, output $OUT"
    # apt runs without its own locks (Debug::NoLocking): builds sharing the
    # cache take turns.
    exec 9>"$CACHE/.lock"
    if command -v flock >/dev/null && ! flock -n 9; then
        log "waiting for another build that uses the cache"
        flock 9
    fi

    if [ -n "${LINUX_PACKAGE:-}" ]; then
        kpkg=$LINUX_PACKAGE
    elif [ -s "$RESOLVED" ] && [ "${LINUX_REFRESH:-0}" != 1 ] &&
         [ -n "$(cached_deb "$(cat "$RESOLVED")")" ]; then
        kpkg=$(cat "$RESOLVED")
        log "$META_PACKAGE: using the cached resolution $kpkg"
    else
        apt_update
        kpkg=$(resolve_kernel_package)
        printf '%s\n' "$kpkg" >"$RESOLVED"
        log "$META_PACKAGE: depends on $kpkg"
    fi

    fetch_deb "$kpkg"
    fetch_deb "$BUSYBOX_PACKAGE"
    kdeb=$(cached_deb "$kpkg")
    bdeb=$(cached_deb "$BUSYBOX_PACKAGE")
    unpack_deb "$kdeb"
    ktree=$UNPACKED
    unpack_deb "$bdeb"
    btree=$UNPACKED

    kver=$(find "$ktree/usr/lib/modules" -mindepth 1 -maxdepth 1 \
                -printf '%f\n' 2>/dev/null | sort | head -n 1)
    [ -n "$kver" ] || die "$kpkg has no usr/lib/modules/<version>"
    vmlinux=$ktree/boot/vmlinux-$kver
    [ -f "$vmlinux" ] || die "$kpkg has no boot/vmlinux-$kver"
    check_image "$vmlinux"
    [ -x "$btree/usr/bin/busybox" ] || die "$BUSYBOX_PACKAGE has no usr/bin/busybox"

    log "kernel $kver"
    cp "$vmlinux" "$OUT/Image.tmp"
    install_if_changed "$OUT/Image.tmp" "$OUT/Image"
    printf '%s\n' "$kver" >"$OUT/kernel-version.tmp"
    install_if_changed "$OUT/kernel-version.tmp" "$OUT/kernel-version"

    build_rdtime
    build_baoipc "$kver"
    local extra=() m
    for m in ${LINUX_EXTRA_MODULES:-}; do extra+=(--module "$m"); done
    [ -f "$OUT/rdtime" ] && extra+=(--program "bin/rdtime=$OUT/rdtime")
    extra+=(--extra-module "$OUT/baoipc.ko" --program "bin/ipctest=$OUT/ipctest")
    log "building the initramfs"
    "$PYTHON" "$HERE/mkinitramfs.py" "${extra[@]}" \
        --kernel-tree "$ktree" --kernel-version "$kver" \
        --busybox "$btree/usr/bin/busybox" \
        --rootfs "$HERE/rootfs" \
        --output "$OUT/initramfs.cpio.tmp"
    install_if_changed "$OUT/initramfs.cpio.tmp" "$OUT/initramfs.cpio"
    if [ "$APT_UPDATED" = 1 ]; then
        log "done"
    else
        log "done (reused the cache, no network access)"
    fi
}

main
