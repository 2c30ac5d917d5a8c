/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A VM whose generated device tree the baremetal guest reads and reports:
 * 2 vCPUs, two memory regions, the virtio-mmio devices and the RTC with
 * their interrupts, a PLIC and bootargs.
 */
#include <config.h>

VM_IMAGE(guest_image, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(guest_image, 0x80200000),
            .entry = 0x80200000,
            .bootargs = "hello from the config",
            .platform = {
                .cpu_num = 2,
                .region_num = 2,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                    {.base = 0x100000000, .size = 0x200000},
                },
                .dev_num = 2,
                .devs = (struct vm_dev_region[]){
                    {
                        .pa = 0x10001000,
                        .va = 0x10001000,
                        .size = 0x8000,
                        .interrupt_num = 8,
                        .interrupts = (irqid_t[]){1, 2, 3, 4, 5, 6, 7, 8},
                    },
                    {
                        .pa = 0x101000,
                        .va = 0x20000000,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]){11},
                    },
                },
                .arch = {
                    .irqc.plic.base = 0xc000000,
                },
            },
        },
    },
};
