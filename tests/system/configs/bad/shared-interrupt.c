/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: one interrupt given to two VMs
 * expect: VM 0: platform.devs\[0\] and VM 1's platform.devs\[0\] both claim interrupt 5
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
                .arch = {.irqc.plic.base = 0xc000000},
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){{.interrupt_num = 1, .interrupts = (irqid_t[]){5}}},
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
                .arch = {.irqc.plic.base = 0xc000000},
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){{.interrupt_num = 1, .interrupts = (irqid_t[]){5}}},
            },
        },
    },
};
