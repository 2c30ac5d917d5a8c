/* SPDX-License-Identifier: Apache-2.0 */
/*
 * configs/linux.c on the AIA platform (qemu-riscv64-virt-aia): Linux sees
 * an APLIC domain at 0xd000000, in direct mode (LINUX_AIA_MSI undefined)
 * or in MSI mode with its vCPUs' interrupt files at 0x28000000.
 */
#ifdef LINUX_AIA_MSI
#define LINUX_IRQC                                                             \
    .irqc.aia.aplic.base = 0xd000000, .irqc.aia.imsic.base = 0x28000000
#else
#define LINUX_IRQC .irqc.aia.aplic.base = 0xd000000
#endif
#include "../../../configs/linux.c"
