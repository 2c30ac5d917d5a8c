/* SPDX-License-Identifier: Apache-2.0 */
/*
 * shared-uart.c for the AIA platform (qemu-riscv64-virt-aia): both VMs
 * list the console UART and each gets an emulated 16550, its interrupt a
 * virtual source of the VM's APLIC (direct mode, at 0xd000000).
 */
#define SHARED_UART_IRQC .irqc.aia.aplic.base = 0xd000000
#include "shared-uart.c"
