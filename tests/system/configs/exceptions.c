/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One VM, one vCPU, running the baremetal guest's "exceptions" mode: the
 * guest's own illegal instructions, breakpoints, misaligned accesses and
 * page faults go straight to the guest (tests/system/test_exceptions.py).
 */
#include <config.h>

VM_IMAGE(exc_image, XSTR(BAOBAB_IMGS/baremetal-exceptions.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(exc_image, 0x80200000),
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
