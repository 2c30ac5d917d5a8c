/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The IPC benchmark (configs/bench-ipc.c) on the AIA platform with
 * MSI-mode VMs: a notification is one store of its identity into the
 * receiving vCPU's guest interrupt file (`make bench`, row
 * "ipc_notify_aia_msi").
 */
#define IPCBENCH_IRQC                                                          \
    .irqc.aia.aplic.base = 0xd000000, .irqc.aia.imsic.base = 0x28000000
#include "bench-ipc.c"
