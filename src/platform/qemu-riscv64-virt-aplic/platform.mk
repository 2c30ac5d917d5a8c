# SPDX-License-Identifier: Apache-2.0
# QEMU's virt machine with the AIA but no IMSICs: an APLIC delivering
# directly to each hart's interrupt delivery control. VMs get a virtual
# APLIC in direct mode (no guest interrupt files to give them). The same
# board as qemu-riscv64-virt but for the interrupt controller, so it is
# described by the same sources.
QEMU_MACHINE := virt,aia=aplic
PLAT_SRCS := $(wildcard src/platform/qemu-riscv64-virt/*.c)
PLAT_CPPFLAGS := -DQEMU_VIRT_AIA -DQEMU_VIRT_AIA_DIRECT
