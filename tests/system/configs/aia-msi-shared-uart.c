/* SPDX-License-Identifier: Apache-2.0 */
/*
 * shared-uart.c for the AIA platform with MSI-mode VMs: each VM's emulated
 * 16550 is a virtual source of its APLIC (MSI mode, at 0xd000000), whose
 * MSIs the hypervisor stores into the vCPU's interrupt file (0x28000000).
 */
#define SHARED_UART_IRQC                                                       \
    .irqc.aia.aplic.base = 0xd000000, .irqc.aia.imsic.base = 0x28000000
#include "shared-uart.c"
