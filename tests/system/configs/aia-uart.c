/* SPDX-License-Identifier: Apache-2.0 */
/*
 * configs/baremetal-uart.c for the AIA platform (qemu-riscv64-virt-aia):
 * the UART (0x10000000, interrupt 10) belongs to the VM, which sees an
 * APLIC domain in direct delivery mode at 0xd000000 instead of a PLIC.
 */
#define UART_VM_IRQC .irqc.aia.aplic.base = 0xd000000
#include "../../../configs/baremetal-uart.c"
