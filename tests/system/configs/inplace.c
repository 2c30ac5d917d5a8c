/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One VM whose image is mapped where it lies in bao.bin instead of being
 * copied: the region around it comes from RAM as usual.
 */
#include <config.h>

VM_IMAGE(baremetal_image, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = {
                .base_addr = 0x80200000,
                .load_addr = VM_IMAGE_OFFSET(baremetal_image),
                .size = VM_IMAGE_SIZE(baremetal_image),
                .inplace = true,
            },
            .entry = 0x80200000,
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
