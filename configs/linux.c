/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One Linux VM with 4 vCPUs and 1 GiB: Debian's riscv64 kernel and a
 * busybox initramfs (guests/linux/build.sh fetches and builds them; see
 * docs/linux-guest.md). Its memory sits at the same physical address as
 * its guest address because the virtio-mmio devices it drives do DMA with
 * guest-physical addresses and there is no IOMMU. The console is the
 * emulated 16550 every VM gets at 0x10000000.
 */
#include <config.h>

#ifndef LINUX_BOOTARGS
#define LINUX_BOOTARGS "console=ttyS0"
#endif
/* vCPUs (configs/bench-linux.c builds this VM with one). */
#ifndef LINUX_CPUS
#define LINUX_CPUS 4
#endif
/* Its interrupt controller (tests/system/configs/linux-aia*.c: an APLIC). */
#ifndef LINUX_IRQC
#define LINUX_IRQC .irqc.plic.base = 0xc000000
#endif

VM_IMAGE(linux_image, XSTR(BAOBAB_LINUX/Image));
VM_IMAGE(linux_initrd, XSTR(BAOBAB_LINUX/initramfs.cpio));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            /* The kernel's header asks for a 2 MiB offset into RAM. */
            .image = VM_IMAGE_BUILTIN(linux_image, 0x90200000),
            .entry = 0x90200000,
            .initrd = VM_BLOB(linux_initrd),
            .bootargs = LINUX_BOOTARGS,
            .platform = {
                .cpu_num = LINUX_CPUS,
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
                .arch = {LINUX_IRQC},
            },
        },
    },
};
