/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One MSI-mode VM on the AIA platform, two vCPUs, running the baremetal
 * guest's "aiaipi" mode: IPIs by stores into the vCPUs' guest interrupt
 * files at 0x28000000, and a store beyond them (tests/system/test_aia.py).
 * The guest can also run natively on -M virt,aia=aplic-imsic.
 */
#include <config.h>

VM_IMAGE(aiaipi_image, XSTR(BAOBAB_IMGS/baremetal-aiaipi.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(aiaipi_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 2,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
                .arch = {.irqc.aia.aplic.base = 0xd000000,
                         .irqc.aia.imsic.base = 0x28000000},
            },
        },
    },
};
