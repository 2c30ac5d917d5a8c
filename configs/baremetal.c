/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One baremetal VM: 1 vCPU, 64 MiB. The image is the guest in
 * guests/baremetal, which the top-level Makefile builds into BAOBAB_IMGS.
 */
#include <config.h>

VM_IMAGE(baremetal_image, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    CONFIG_HEADER
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(baremetal_image, 0x80200000),
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
