# SPDX-License-Identifier: Apache-2.0
# The QEMU machine this platform describes: `make run`, the system tests
# and `make bench` run QEMU with -M $(QEMU_MACHINE).
QEMU_MACHINE := virt
