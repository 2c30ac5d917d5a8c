#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# Install the Debian packages Baobab needs to build, run and test, when they
# are missing. Safe to run again: it only installs what is not there.
set -eu

# gcc-riscv64-linux-gnu and libc6-dev-riscv64-cross build the Linux guest's
# kernel module and its test tool; debian-archive-keyring checks the Debian
# packages the Linux guest is made of. clang and its runtime build the
# fuzzers (libFuzzer). u-boot-tools (mkimage) and mtools make the FIT image
# and the boot disk, u-boot-qemu is the U-Boot of the board-flow tests, and
# gdb-multiarch is `make debug`'s debugger.
PACKAGES="make gcc libc6-dev gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf
gcc-riscv64-linux-gnu libc6-dev-riscv64-cross debian-archive-keyring
qemu-system-misc opensbi device-tree-compiler libcmocka-dev python3
python3-pytest python3-pexpect clang-format cppcheck curl ca-certificates
clang libclang-rt-14-dev u-boot-tools u-boot-qemu mtools gdb-multiarch"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "setup-deps: all Debian packages are installed"
    exit 0
fi

echo "setup-deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "setup-deps: error: these packages are missing and I am not root" >&2
    echo "  (and sudo is not available without a password). Run as root:" >&2
    echo "  apt-get install -y$missing" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends $missing
echo "setup-deps: done"
