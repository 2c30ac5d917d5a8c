/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Two baremetal VMs, 2 vCPUs each, on interleaved harts: cpu_affinity 0xa
 * puts VM 0's vCPUs 0 and 1 on harts 1 and 3, 0x5 puts VM 1's on harts 0
 * and 2 (tests/system/test_boot.py).
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
            .cpu_affinity = 0xa,
            .platform = {
                .cpu_num = 2,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(baremetal_image, 0x80200000),
            .entry = 0x80200000,
            .cpu_affinity = 0x5,
            .platform = {
                .cpu_num = 2,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
            },
        },
    },
};
