/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Linux in cache-coloured memory with virtio devices, confined by the
 * IOMMU (tests/system/test_linux_iommu.py; QEMU 10.0, -M virt,iommu-sys=on
 * and virtio-net, virtio-serial and virtio-rng on PCI at 00:01.0-00:03.0).
 * Linux (2 vCPUs, 512 MiB of colours 0-15) owns the PCIe host, its INTx
 * lines and its three masters (device ids 0x8, 0x10, 0x18); their DMA uses
 * guest-physical addresses, which the IOMMU translates by the VM's own
 * stage 2, so no memory needs placing at its host address. The baremetal
 * ticker has colours 16-31.
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
                .dev_num = 4,
                .devs = (struct vm_dev_region[]){
                    {.pa = 0x30000000, .va = 0x30000000, .size = 0x10000000,
                     .interrupt_num = 4,
                     .interrupts = (irqid_t[]){32, 33, 34, 35},
                     .id = 0x8},
                    {.pa = 0x40000000, .va = 0x40000000, .size = 0x40000000},
                    {.id = 0x10},
                    {.id = 0x18},
                },
                .arch = {.irqc.plic.base = 0xc000000},
            },
        },
    },
};
