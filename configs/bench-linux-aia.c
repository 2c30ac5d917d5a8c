/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The Linux boot benchmark VM (configs/bench-linux.c) on the AIA platform
 * (qemu-riscv64-virt-aia), MSI mode: its APLIC at 0xd000000 sends the
 * virtio devices' interrupts straight into its vCPU's guest interrupt file
 * at 0x28000000 (`make bench`, rows "linux_boot_aia_msi" and
 * "linux_boot_traps_aia_msi").
 */
#define LINUX_IRQC                                                             \
    .irqc.aia.aplic.base = 0xd000000, .irqc.aia.imsic.base = 0x28000000
#include "bench-linux.c"
