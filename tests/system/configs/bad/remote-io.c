/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Bao's Remote I/O (virtio backend and frontend VMs over shared memory, as
 * in bao-demos' virtio demo, with both names of the device key): it
 * compiles, and the build refuses it, naming the VM.
 * expect: VM 0: platform.remio_devs: Remote I/O is not supported yet \(remio_dev_num is 1\)
 */
#include <config.h>

VM_IMAGE(backend, XSTR(BAOBAB_IMGS/baremetal.bin));
VM_IMAGE(frontend, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]){{.size = 0x01000000}},
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(backend, 0x80200000),
            .entry = 0x80200000,
            .cpu_affinity = 0x1,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
                .remio_dev_num = 1,
                .remio_devs = (struct remio_dev[]){
                    {
                        .bind_key = 0,
                        .type = REMIO_DEV_BACKEND,
                        .interrupt = 40,
                        .shmem = {.base = 0xd0000000, .size = 0x01000000, .shmem_id = 0},
                    },
                },
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(frontend, 0x80200000),
            .entry = 0x80200000,
            .cpu_affinity = 0x2,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
                .remio_dev_num = 1,
                .remio_devs = (struct remio_dev[]){
                    {
                        .id = 0,
                        .type = REMIO_DEV_FRONTEND,
                        .va = 0x10001000,
                        .size = 0x200,
                        .interrupt = 37,
                        .shmem = {.base = 0xd0000000, .size = 0x01000000, .shmem_id = 0},
                    },
                },
            },
        },
    },
};
