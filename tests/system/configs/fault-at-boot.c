/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The baremetal configuration, plus the test hook that makes the hypervisor
 * fault on its first C instruction, before it has a console or has set up
 * its per-hart state: the fault report must still come out and name the
 * hart (tests/system/test_machine_fit.py).
 */
#include <config.h>

const bool baobab_test_fault_at_boot = true;

VM_IMAGE(baremetal_image, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    CONFIG_HEADER
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(baremetal_image, 0x80200000),
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
