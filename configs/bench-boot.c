/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The boot-time benchmark (`make bench`): a 64 MiB VM with 1 vCPU and a
 * 1 GiB VM with 3 vCPUs, both the baremetal guest in mode boottime, which
 * prints the instruction count at its first instruction and shuts down.
 */
#include <config.h>

VM_IMAGE(boottime_image, XSTR(BAOBAB_IMGS/baremetal-boottime.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(boottime_image, 0x80200000),
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
            .image = VM_IMAGE_BUILTIN(boottime_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 3,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x40000000},
                },
            },
        },
    },
};
