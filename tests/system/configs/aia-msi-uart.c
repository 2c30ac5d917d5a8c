/* SPDX-License-Identifier: Apache-2.0 */
/*
 * configs/baremetal-uart.c for the AIA platform with an MSI-mode VM: the
 * UART (0x10000000, interrupt 10) belongs to the VM, which sees an APLIC
 * domain in MSI mode at 0xd000000 and its vCPUs' interrupt files (guest
 * interrupt files of their harts) at 0x28000000.
 */
#define UART_VM_IRQC                                                           \
    .irqc.aia.aplic.base = 0xd000000, .irqc.aia.imsic.base = 0x28000000
#include "../../../configs/baremetal-uart.c"
