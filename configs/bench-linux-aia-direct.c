/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The Linux boot benchmark VM (configs/bench-linux.c) on the AIA platform
 * (qemu-riscv64-virt-aia), direct mode: its APLIC at 0xd000000 with one
 * IDC, every device interrupt through the hypervisor (`make bench`, rows
 * "linux_boot_aia_direct" and "linux_boot_traps_aia_direct").
 */
#define LINUX_IRQC .irqc.aia.aplic.base = 0xd000000
#include "bench-linux.c"
