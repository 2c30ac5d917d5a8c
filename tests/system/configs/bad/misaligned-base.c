/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: a region base that is not page-aligned
 * expect: VM 0: platform.regions\[0\]: base 0x80000800 and size 0x4000000 must be multiples of 0x1000
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000800, .size = 0x4000000}},
            },
        },
    },
};
