#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# The README's first command: install what is missing, build the default
# demo and boot it under QEMU. CONFIG=<name> picks another configuration.
set -eu
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
make PLATFORM=qemu-riscv64-virt CONFIG="${CONFIG:-baremetal-4cpu}"
echo "demo: booting under QEMU (the guest powers the machine off when done;"
echo "      Ctrl-A X quits QEMU at any time)"
exec make run PLATFORM=qemu-riscv64-virt CONFIG="${CONFIG:-baremetal-4cpu}"
