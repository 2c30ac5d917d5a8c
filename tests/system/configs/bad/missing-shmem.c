/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: an ipc naming a shared memory that does not exist
 * expect: VM 0: platform.ipcs\[0\].shmem_id 3 does not exist \(shmemlist_size is 1\)
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]){{.size = 0x10000}},
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
                .ipcs = (struct ipc[]){{.base = 0xf0000000, .size = 0x10000, .shmem_id = 3}},
            },
        },
    },
};
