/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Two cache-coloured VMs: VM 0 (the default baremetal flow, 2 vCPUs) has
 * the platform's colours 0-15 through its `colors`, VM 1 (which reboots
 * itself over and over) colours 16-31 through its region's own `colors`.
 * Their pages interleave in the same blocks and never share a cache set.
 */
#include <config.h>

VM_IMAGE(baremetal_image, XSTR(BAOBAB_IMGS/baremetal.bin));
VM_IMAGE(reboot_image, XSTR(BAOBAB_IMGS/baremetal-reboot.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(baremetal_image, 0x80200000),
            .entry = 0x80200000,
            .colors = 0x0000ffff,
            .platform = {
                .cpu_num = 2,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(reboot_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000,
                     .size = 0x4000000,
                     .colors = 0xffff0000},
                },
            },
        },
    },
};
