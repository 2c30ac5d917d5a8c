/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The dual-guest setup: a baremetal VM (1 vCPU, 64 MiB) beside a Linux VM
 * (3 vCPUs, 1 GiB) on a 4-hart machine. Linux drives QEMU's virtio-mmio
 * devices directly (interrupts 1-8 passed through), so its memory sits at
 * the same physical address as its guest address: the devices do DMA with
 * guest-physical addresses and there is no IOMMU. Both VMs print to the
 * shared console through their emulated 16550; Ctrl-\ then 0 or 1 says
 * which one gets what is typed. See docs/linux-guest.md.
 */
#include <config.h>

/* The VMs' interrupt controller (tests/system/configs/aia-*.c: APLICs). */
#ifndef VM_IRQC
#define VM_IRQC .irqc.plic.base = 0xc000000
#endif
#ifndef LINUX_BOOTARGS
#define LINUX_BOOTARGS "console=ttyS0"
#endif
/* The baremetal guest (guests/baremetal): prints "ticker: N" each second. */
#ifndef BAREMETAL_IMAGE
#define BAREMETAL_IMAGE baremetal-heartbeat.bin
#endif

VM_IMAGE(baremetal_image, XSTR(BAOBAB_IMGS/BAREMETAL_IMAGE));
VM_IMAGE(linux_image, XSTR(BAOBAB_LINUX/Image));
VM_IMAGE(linux_initrd, XSTR(BAOBAB_LINUX/initramfs.cpio));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(baremetal_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
            },
        },
        {
            /* The kernel's header asks for a 2 MiB offset into RAM. */
            .image = VM_IMAGE_BUILTIN(linux_image, 0x90200000),
            .entry = 0x90200000,
            .initrd = VM_BLOB(linux_initrd),
            .bootargs = LINUX_BOOTARGS,
            .platform = {
                .cpu_num = 3,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {
                        .base = 0x90000000,
                        .size = 0x40000000,
                        .place_phys = true,
                        .phys = 0x90000000,
                    },
                },
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){
                    {
                        /* QEMU virt's eight virtio-mmio transports */
                        .pa = 0x10001000,
                        .va = 0x10001000,
                        .size = 0x8000,
                        .interrupt_num = 8,
                        .interrupts = (irqid_t[]){1, 2, 3, 4, 5, 6, 7, 8},
                    },
                },
                .arch = {VM_IRQC},
            },
        },
    },
};
