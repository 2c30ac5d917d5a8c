# SPDX-License-Identifier: Apache-2.0
# QEMU's virt machine with the AIA: an APLIC in MSI mode and IMSICs with one
# guest interrupt file per hart. The same board as qemu-riscv64-virt but for
# the interrupt controller, so it is described by the same sources.
QEMU_MACHINE := virt,aia=aplic-imsic,aia-guests=1
PLAT_SRCS := $(wildcard src/platform/qemu-riscv64-virt/*.c)
PLAT_CPPFLAGS := -DQEMU_VIRT_AIA
