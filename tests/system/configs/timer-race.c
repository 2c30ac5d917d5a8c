/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One VM, two vCPUs, running the baremetal guest's "timerrace" mode: the
 * boot vCPU's timer interrupts must all arrive although it writes sip just
 * as each one expires (tests/system/test_timer_race.py).
 */
#include <config.h>

VM_IMAGE(race_image, XSTR(BAOBAB_IMGS/baremetal-timerrace.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(race_image, 0x80200000),
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
