/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One VM whose image a boot loader put in RAM (the test uses QEMU's
 * -device loader at LOADED_AT); GUEST_SIZE comes from CPPFLAGS.
 */
#include <config.h>

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_LOADED(0x80200000, LOADED_AT, GUEST_SIZE),
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
