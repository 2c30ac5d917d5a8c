/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: more vCPUs than the platform has harts
 * expect: VM 0: platform.cpu_num 9 exceeds the limit of 8
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
                .cpu_num = 9,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
            },
        },
    },
};
