/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The HiFive Premier P550 and the Milk-V Megrez (PLATFORM=eswin-eic7700x,
 * docs/boards/eswin-eic7700x.md): a real-time baremetal VM on hart 0 beside
 * Debian's Linux on harts 1-3, talking over 64 KiB of shared memory
 * (docs/ipc.md). The shared L3 is split by cache colouring: the baremetal
 * VM has colours 0-7 (512 KiB of the 4 MiB), Linux the other 56, so
 * Linux's memory traffic does not evict the control loop's. Both share the
 * console UART through their emulated DesignWare UART (Ctrl-\ then 0 or 1
 * moves the input). The P550 has no Sstc: the guest timers are emulated.
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
/* The VMs' PLIC where the board's is. */
#define VM_IRQC .irqc.plic.base = 0xc000000

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
            /* The kernel's header asks for a 2 MiB offset into RAM. */
            .image = VM_IMAGE_BUILTIN(linux_image, 0x90200000),
            .entry = 0x90200000,
            .cpu_affinity = 0xe,
            .colors = ~0xffUL,
            .initrd = VM_BLOB(linux_initrd),
            .bootargs = "console=ttyS0,115200 earlycon",
            .platform = {
                .cpu_num = 3,
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
