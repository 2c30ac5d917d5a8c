/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: a device at a guest-physical address beyond the
 * 41 bits Sv39x4 translates
 * expect: VM 0: platform.devs\[0\].va 0x20000000000 is beyond the guest-physical limit
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
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){{.pa = 0x10001000, .va = 0x20000000000, .size = 0x1000}},
            },
        },
    },
};
