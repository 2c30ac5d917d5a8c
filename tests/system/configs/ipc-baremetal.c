/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Two baremetal VMs talking over shared memory (guests/baremetal mode
 * "ipc": VM 0 serves, VM 1 runs the client script), and VM 2 with the same
 * guest but no window: it can neither notify nor read the shared memory.
 * The window is at a different guest address in each VM on purpose. The
 * shared memory is cache-coloured (colours 1 and 3 of the platform's 32), so
 * the windows are mapped page by page.
 */
#include <config.h>

/* The VMs' interrupt controller (aia-ipc.c: an APLIC). */
/* The shared memory's cache colours; -DIPC_SHMEM_COLOURS=0 for a machine
 * whose cache is not described (the generic platform on QEMU). */
#ifndef IPC_SHMEM_COLOURS
#define IPC_SHMEM_COLOURS 0xa
#endif
#ifndef IPC_VM_IRQC
#define IPC_VM_IRQC .irqc.plic.base = 0xc000000
#endif

VM_IMAGE(ipc_image, XSTR(BAOBAB_IMGS/baremetal-ipc.bin));

#define BAREMETAL_VM(ipcs_, n_)                                                \
    {                                                                          \
        .image = VM_IMAGE_BUILTIN(ipc_image, 0x80200000),                      \
        .entry = 0x80200000,                                                   \
        .platform = {                                                          \
            .cpu_num = 1,                                                      \
            .region_num = 1,                                                   \
            .regions = (struct vm_mem_region[]){                               \
                {.base = 0x80000000, .size = 0x4000000},                       \
            },                                                                 \
            .ipc_num = (n_),                                                   \
            .ipcs = (ipcs_),                                                   \
            .arch = {IPC_VM_IRQC},                                             \
        },                                                                     \
    }

struct config config = {
    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]){{.size = 0x10000,
                                    .colors = IPC_SHMEM_COLOURS,
                                    .channel_size = 0x2000}},
    .vmlist_size = 3,
    .vmlist = (struct vm_config[]){
        BAREMETAL_VM(((struct ipc[]){{.base = 0xf0000000, .size = 0x10000,
                                      .shmem_id = 0, .interrupt_num = 1,
                                      .interrupts = (irqid_t[]){52}}}),
                     1),
        BAREMETAL_VM(((struct ipc[]){{.base = 0xe0000000, .size = 0x10000,
                                      .shmem_id = 0, .interrupt_num = 1,
                                      .interrupts = (irqid_t[]){40}}}),
                     1),
        BAREMETAL_VM(NULL, 0),
    },
};
