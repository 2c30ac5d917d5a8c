/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: the PLIC window placed over the VM memory
 * expect: VM 0: platform.arch.irqc.plic.base 0x83e00000: the PLIC window overlaps the VM.s memory
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){{.pa = 0x10001000, .va = 0x10001000, .size = 0x1000, .interrupt_num = 1, .interrupts = (irqid_t[]){1}}},
                .arch = {.irqc.plic.base = 0x83e00000},
            },
        },
    },
};
