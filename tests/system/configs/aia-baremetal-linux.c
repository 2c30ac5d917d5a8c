/* SPDX-License-Identifier: Apache-2.0 */
/*
 * configs/baremetal-linux.c (seed setup IV: a baremetal VM beside Linux)
 * on the AIA platform, both VMs in MSI mode: their APLICs at 0xd000000,
 * their vCPUs' guest interrupt files at 0x28000000.
 */
#define VM_IRQC                                                                \
    .irqc.aia.aplic.base = 0xd000000, .irqc.aia.imsic.base = 0x28000000
#include "../../../configs/baremetal-linux.c"
