/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One baremetal VM whose memory is placed at physical 0xa0000000: it fits
 * a machine with more than 512 MiB of RAM from 0x80000000, and the
 * hypervisor refuses to start on a smaller one
 * (tests/system/test_machine_fit.py).
 */
#include <config.h>

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
                    {.base = 0x80000000, .size = 0x4000000,
                     .place_phys = true, .phys = 0xa0000000},
                },
            },
        },
    },
};
