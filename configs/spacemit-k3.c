/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The SpacemiT K3 Pico-ITX and CoM260 (PLATFORM=spacemit-k3,
 * docs/boards/spacemit-k3.md): a real-time baremetal VM on hart 0 beside
 * Debian's Linux on harts 1-7, talking over 64 KiB of shared memory. Each
 * VM gets a virtual APLIC in MSI mode and one guest interrupt file per
 * vCPU: device and IPC interrupts go straight into the vCPU's file, and
 * Sstc lets each guest program its own timer. The baremetal VM's memory
 * has cache colours 0-7 of the 64; Linux has the rest. Both share the
 * console UART through their emulated XScale UART.
 */
#include <config.h>

VM_IMAGE(baremetal_image, XSTR(BAOBAB_IMGS/baremetal-ipc.bin));
VM_IMAGE(linux_image, XSTR(BAOBAB_LINUX/Image));
VM_IMAGE(linux_initrd, XSTR(BAOBAB_LINUX/initramfs.cpio));

#define SHMEM_IPC                                                              \
    {                                                                          \
        .base = 0xf0000000, .size = 0x10000, .shmem_id = 0,                    \
        .interrupt_num = 1, .interrupts = (irqid_t[]){52},                     \
    }
/* The VMs' APLIC where the board's is; their interrupt files below. */
#define VM_IRQC                                                                \
    .irqc.aia.aplic.base = 0xe0804000, .irqc.aia.imsic.base = 0xe0400000

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
            .cpu_affinity = 0x1,
            .colors = 0xff,
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
            .image = VM_IMAGE_BUILTIN(linux_image, 0x90200000),
            .entry = 0x90200000,
            .cpu_affinity = 0xfe,
            .colors = ~0xffUL,
            .initrd = VM_BLOB(linux_initrd),
            .bootargs = "console=ttyS0,115200 earlycon",
            .platform = {
                .cpu_num = 7,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x90000000, .size = 0x40000000},
                },
                .ipc_num = 1,
                .ipcs = (struct ipc[]){SHMEM_IPC},
                .arch = {VM_IRQC},
            },
        },
    },
};
