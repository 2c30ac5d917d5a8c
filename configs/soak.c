/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The soak test (`make soak`, scripts/soak.py): VM 0 floods the hypervisor
 * (the baremetal guest's mode "flood": IPIs, timer requests, console lines
 * full of escape sequences) while VM 1 ("victim") ticks every 100 ms,
 * checks its canary and says how late each tick came.
 */
#include <config.h>

VM_IMAGE(flood_image, XSTR(BAOBAB_IMGS/baremetal-flood.bin));
VM_IMAGE(victim_image, XSTR(BAOBAB_IMGS/baremetal-victim.bin));

struct config config = {
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
            },
        },
    },
};
