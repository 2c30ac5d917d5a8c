/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: two VMs need more harts than the platform has
 * expect: VM 1: platform.cpu_num 3: vCPU 2 has no free physical CPU
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 6,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 3,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
            },
        },
    },
};
