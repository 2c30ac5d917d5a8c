/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: two regions of one VM overlap
 * expect: VM 0: platform.regions\[1\] overlaps platform.regions\[0\]
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
                .region_num = 2,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}, {.base = 0x83000000, .size = 0x2000000}},
            },
        },
    },
};
