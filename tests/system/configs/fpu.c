/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One VM, two vCPUs, running the baremetal guest's "fpu" mode (built for
 * rv64gc/lp64d): FP code on a hart as it is started, across interrupts,
 * after HSM hart_start and after SRST reboots (tests/system/test_fpu.py).
 */
#include <config.h>

VM_IMAGE(fpu_image, XSTR(BAOBAB_IMGS/baremetal-fpu.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(fpu_image, 0x80200000),
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
