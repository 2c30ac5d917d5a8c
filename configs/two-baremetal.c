/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Two baremetal VMs side by side on disjoint harts: VM 0 with 3 vCPUs on
 * harts 0-2, VM 1 with 1 vCPU on hart 3. Both run the same image, each in
 * its own 64 MiB at the same guest-physical address.
 */
#include <config.h>

VM_IMAGE(baremetal_image, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    CONFIG_HEADER
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(baremetal_image, 0x80200000),
            .entry = 0x80200000,
            .cpu_affinity = 0x7,
            .platform = {
                .cpu_num = 3,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(baremetal_image, 0x80200000),
            .entry = 0x80200000,
            .cpu_affinity = 0x8,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
            },
        },
    },
};
