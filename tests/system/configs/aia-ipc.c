/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ipc-baremetal.c on the AIA platform: each VM's notifications are a
 * virtual source of its APLIC at 0xd000000, in direct mode, or with
 * -DIPC_MSI in MSI mode, where the hypervisor stores a notification into
 * the peer vCPU's interrupt file (0x28000000).
 */
#ifdef IPC_MSI
#define IPC_VM_IRQC                                                            \
    .irqc.aia.aplic.base = 0xd000000, .irqc.aia.imsic.base = 0x28000000
#else
#define IPC_VM_IRQC .irqc.aia.aplic.base = 0xd000000
#endif
#include "ipc-baremetal.c"
