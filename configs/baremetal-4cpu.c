/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One baremetal VM with 4 vCPUs and 128 MiB: the VM of the Bao tutorial,
 * tuned for this machine (the UART stays with the hypervisor console).
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
                .cpu_num = 4,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x8000000},
                },
                .arch = {
                    .irqc.plic.base = 0xc000000,
                },
            },
        },
    },
};
