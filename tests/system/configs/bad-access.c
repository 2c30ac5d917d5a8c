/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One VM, one vCPU, with a virtual PLIC, running the baremetal guest's
 * "badaccess" mode: accesses the hypervisor cannot emulate, and a flood of
 * accesses outside the VM, each contained and reported at a bounded rate
 * (tests/system/test_bad_access.py).
 */
#include <config.h>

VM_IMAGE(bad_image, XSTR(BAOBAB_IMGS/baremetal-badaccess.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(bad_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
                .arch = {.irqc.plic.base = 0xc000000},
            },
        },
    },
};
