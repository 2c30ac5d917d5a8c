/*
 * The Linux boot benchmark VM (`make bench`, see docs/performance.md): the
 * VM of configs/linux.c (same kernel, initramfs, bootargs, memory and
 * devices) with one vCPU. One, because the bench runs QEMU with
 * -icount shift=0, and QEMU 7.2's single-threaded icount scheduler can
 * starve a hart that another hart spins on (an SBI remote fence waiting for
 * its acknowledgement), which hangs an SMP Linux boot. The native run of
 * the bench uses one hart too.
 */
#include <config.h>

#ifndef LINUX_BOOTARGS
#define LINUX_BOOTARGS "console=ttyS0"
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
                .cpu_num = 1,
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
                .arch = {
                    .irqc.plic.base = 0xc000000,
                },
            },
        },
    },
};
