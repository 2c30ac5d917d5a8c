/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The soak test (`make soak`, scripts/soak.py): VM 0 floods the hypervisor
 * (the baremetal guest's mode "flood": IPIs, timer requests, console lines
 * full of escape sequences, IPC messages and notifications) while VM 1
 * ("victim") ticks every 100 ms, checks its canary, says how late each
 * tick came and checks that no IPC message is lost. Both have a vPLIC and
 * the IPC window at 0xf0000000 (interrupt 52) on shared memory 0.
 */
#include <config.h>

VM_IMAGE(flood_image, XSTR(BAOBAB_IMGS/baremetal-flood.bin));
VM_IMAGE(victim_image, XSTR(BAOBAB_IMGS/baremetal-victim.bin));

#define SOAK_IPC                                                               \
    .ipc_num = 1,                                                              \
    .ipcs = (struct ipc[]){{.base = 0xf0000000, .size = 0x10000,               \
                            .shmem_id = 0, .interrupt_num = 1,                 \
                            .interrupts = (irqid_t[]){52}}},                   \
    .arch = {.irqc.plic.base = 0xc000000}

struct config config = {
    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]){{.size = 0x10000, .channel_size = 0x2000}},
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(flood_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
                SOAK_IPC,
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(victim_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
                SOAK_IPC,
            },
        },
    },
};
