/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: a shared memory coloured with a colour the platform
 * does not have (qemu-riscv64-virt describes 32)
 * expect: config: shmemlist\[0\].colors 0x300000000: the platform has 32 colours \(bits 0 to 31\)
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]){{.size = 0x10000, .colors = 0x300000000}},
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
                .ipc_num = 1,
                .ipcs = (struct ipc[]){{.base = 0xf0000000, .size = 0x10000, .shmem_id = 0}},
            },
        },
    },
};
