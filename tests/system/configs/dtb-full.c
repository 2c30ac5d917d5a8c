/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A VM with everything a generated device tree can show: 2 vCPUs, two
 * memory regions, bootargs, an initrd (any file serves: the baremetal
 * image), the UART and the virtio-mmio devices passed through, the PLIC,
 * an interrupt-only device region, an unknown device region and an IPC
 * window. VM 1 brings its own device tree (any file serves here), so none
 * is generated for it (tests/system/test_dtb.py; built, not booted).
 */
#include <config.h>

VM_IMAGE(dtb_full_image, XSTR(BAOBAB_IMGS/baremetal.bin));
VM_IMAGE(initrd_img, XSTR(BAOBAB_IMGS/baremetal.bin));
VM_IMAGE(user_dtb, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]){
        {.size = 0x10000},
    },
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(dtb_full_image, 0x80200000),
            .entry = 0x80200000,
            .bootargs = "console=ttyS0 earlycon",
            .initrd = VM_BLOB(initrd_img),
            .platform = {
                .cpu_num = 2,
                .region_num = 2,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                    {.base = 0x90000000, .size = 0x200000},
                },
                .ipc_num = 1,
                .ipcs = (struct ipc[]){
                    {
                        .base = 0xf0000000,
                        .size = 0x10000,
                        .shmem_id = 0,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]){52},
                    },
                },
                .dev_num = 4,
                .devs = (struct vm_dev_region[]){
                    {
                        .pa = 0x10000000,
                        .va = 0x10000000,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]){10},
                    },
                    {
                        .pa = 0x10001000,
                        .va = 0x10001000,
                        .size = 0x8000,
                        .interrupt_num = 8,
                        .interrupts = (irqid_t[]){1, 2, 3, 4, 5, 6, 7, 8},
                    },
                    {
                        /* interrupt only */
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]){20},
                    },
                    {
                        /* nothing the platform knows: QEMU's test device */
                        .pa = 0x100000,
                        .va = 0x200000,
                        .size = 0x1000,
                    },
                },
                .arch = {
                    .irqc.plic.base = 0xc000000,
                },
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(dtb_full_image, 0x80200000),
            .entry = 0x80200000,
            .dtb = VM_BLOB(user_dtb),
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
