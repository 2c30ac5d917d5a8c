/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The IPC benchmark (`make bench`, see docs/performance.md): two baremetal
 * VMs in mode "ipcbench", one vCPU each, sharing 64 KiB with two 8 KiB
 * channels (docs/ipc.md). VM 0 writes the first channel, so it drives:
 * it measures the notify latency and the message throughput; VM 1
 * receives and checks. Both take notifications on interrupt 52 of their
 * own virtual PLIC.
 */
#include <config.h>

/* Their interrupt controller (configs/bench-ipc-aia.c: an APLIC). */
#ifndef IPCBENCH_IRQC
#define IPCBENCH_IRQC .irqc.plic.base = 0xc000000
#endif

VM_IMAGE(ipcbench_image, XSTR(BAOBAB_IMGS/baremetal-ipcbench.bin));

#define IPCBENCH_VM                                                            \
    {                                                                          \
        .image = VM_IMAGE_BUILTIN(ipcbench_image, 0x80200000),                 \
        .entry = 0x80200000,                                                   \
        .platform = {                                                          \
            .cpu_num = 1,                                                      \
            .region_num = 1,                                                   \
            .regions = (struct vm_mem_region[]){                               \
                {.base = 0x80000000, .size = 0x4000000},                       \
            },                                                                 \
            .ipc_num = 1,                                                      \
            .ipcs = (struct ipc[]){{.base = 0xf0000000, .size = 0x10000,       \
                                    .shmem_id = 0, .interrupt_num = 1,         \
                                    .interrupts = (irqid_t[]){52}}},           \
            .arch = {IPCBENCH_IRQC},                                           \
        },                                                                     \
    }

struct config config = {
    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]){{.size = 0x10000, .channel_size = 0x2000}},
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){IPCBENCH_VM, IPCBENCH_VM},
};
