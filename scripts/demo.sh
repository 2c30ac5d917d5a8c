#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# The README's first command: install what is missing, build the default
# demo and boot it under QEMU. CONFIG=<name> picks another configuration.
# The default, baremetal-linux-shmem, downloads Debian's kernel on first use
# (guests/linux/build.sh; cached in ~/.cache/baobab).
set -eu
cd "$(dirname "$0")/.."
config="${CONFIG:-baremetal-linux-shmem}"
scripts/setup-deps.sh
make PLATFORM=qemu-riscv64-virt CONFIG="$config"
printf "%s\n" "demo: booting $config under QEMU. Ctrl-\\ then a VM number gives that"
printf "%s\n" "      VM the keyboard (Ctrl-\\ 1: the Linux shell; try"
printf "%s\n" "      cat /dev/baoipc0 & echo \"Hello, Bao!\" > /dev/baoipc0);"
printf "%s\n" "      Ctrl-A X quits QEMU."
exec make run PLATFORM=qemu-riscv64-virt CONFIG="$config"
