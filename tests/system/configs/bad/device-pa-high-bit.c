/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: a device whose physical address is the hypervisor's
 * with bit 63 set, which no stage-2 entry can hold (and which would slip
 * past the overlap rule)
 * expect: VM 0: platform.devs\[0\].pa 0x8000000080200000\+0x1000 is beyond the physical limit 0x100000000000000 stage 2 can map
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
                .devs = (struct vm_dev_region[]){{.pa = 0x8000000080200000, .va = 0x20000000, .size = 0x1000}},
            },
        },
    },
};
