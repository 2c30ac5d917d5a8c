/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One VM, two vCPUs, running the baremetal guest's "cleanboot" mode: it
 * dirties the state a boot hands it, has vCPU 0 restarted through HSM with
 * an opaque value, and reboots, again and again; every boot must find what
 * the first found (tests/system/test_restart.py).
 */
#include <config.h>

VM_IMAGE(cleanboot_image, XSTR(BAOBAB_IMGS/baremetal-cleanboot.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(cleanboot_image, 0x80200000),
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
