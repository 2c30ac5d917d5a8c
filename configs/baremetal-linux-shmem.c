/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Inter-VM communication: the baremetal-linux pair sharing 64 KiB of
 * memory, mapped at 0xf0000000 in both, each notifying the other with
 * interrupt 52. Each VM writes into its own 8 KiB channel and reads the
 * other's (VM 0 writes at offset 0, Linux at 0x2000). On Linux:
 *     echo "Hello, Bao!" > /dev/baoipc0
 * and the baremetal VM prints it. See docs/ipc.md.
 */
#include <config.h>

/* The VMs' interrupt controller (tests/system/configs/aia-*.c: APLICs). */
#ifndef VM_IRQC
#define VM_IRQC .irqc.plic.base = 0xc000000
#endif
#ifndef LINUX_BOOTARGS
#define LINUX_BOOTARGS "console=ttyS0"
#endif

VM_IMAGE(baremetal_image, XSTR(BAOBAB_IMGS/baremetal-ipc.bin));
VM_IMAGE(linux_image, XSTR(BAOBAB_LINUX/Image));
VM_IMAGE(linux_initrd, XSTR(BAOBAB_LINUX/initramfs.cpio));

#define SHMEM_IPC                                                              \
    {                                                                          \
        .base = 0xf0000000, .size = 0x10000, .shmem_id = 0,                    \
        .interrupt_num = 1, .interrupts = (irqid_t[]){52},                     \
    }

struct config config = {
    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]){
        {.size = 0x10000, .channel_size = 0x2000},
    },
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
                .ipc_num = 1,
                .ipcs = (struct ipc[]){SHMEM_IPC},
                .arch = {VM_IRQC},
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
                .ipc_num = 1,
                .ipcs = (struct ipc[]){SHMEM_IPC},
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
