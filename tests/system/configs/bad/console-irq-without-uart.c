/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: the VM takes the console UART's interrupt but not
 * the UART, whose emulated stand-in already uses that interrupt
 * expect: VM 0: platform.devs\[0\].interrupts\[0\] = 10 is the interrupt of the VM's emulated console UART
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
                .devs = (struct vm_dev_region[]){{.interrupt_num = 1, .interrupts = (irqid_t[]){10}}},
                .arch = {.irqc.plic.base = 0xc000000},
            },
        },
    },
};
