/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Linux in cache-coloured memory beside a baremetal VM with the other
 * colours: Linux (2 vCPUs, 512 MiB) gets colours 0-15 of the platform's 32,
 * the baremetal ticker colours 16-31. Linux has no virtio devices: they DMA
 * to guest-physical addresses, which coloured memory does not keep. Its
 * console is the emulated UART (tests/system/test_linux_coloured.py).
 */
#include <config.h>

VM_IMAGE(ticker_image, XSTR(BAOBAB_IMGS/baremetal-ticker.bin));
VM_IMAGE(linux_image, XSTR(BAOBAB_LINUX/Image));
VM_IMAGE(linux_initrd, XSTR(BAOBAB_LINUX/initramfs.cpio));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(ticker_image, 0x80200000),
            .entry = 0x80200000,
            .colors = 0xffff0000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(linux_image, 0x90200000),
            .entry = 0x90200000,
            .initrd = VM_BLOB(linux_initrd),
            .bootargs = "console=ttyS0",
            .colors = 0x0000ffff,
            .platform = {
                .cpu_num = 2,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x90000000, .size = 0x20000000},
                },
                .arch = {.irqc.plic.base = 0xc000000},
            },
        },
    },
};
