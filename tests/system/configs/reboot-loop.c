/* SPDX-License-Identifier: Apache-2.0 */
/*
 * VM 0 reboots itself over and over with SBI SRST; VM 1 keeps ticking.
 * Each reboot restarts VM 0 alone, from a pristine copy of its image.
 */
#include <config.h>

VM_IMAGE(reboot_image, XSTR(BAOBAB_IMGS/baremetal-reboot.bin));
VM_IMAGE(ticker_image, XSTR(BAOBAB_IMGS/baremetal-ticker.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(reboot_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 2,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(ticker_image, 0x80200000),
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
