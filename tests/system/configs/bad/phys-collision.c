/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: two VMs placed on the same physical RAM
 * expect: VM 0: platform.regions\[0\] and VM 1's platform.regions\[0\] are placed on the same physical memory
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
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000, .place_phys = true, .phys = 0x90000000}},
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000, .place_phys = true, .phys = 0x92000000}},
            },
        },
    },
};
