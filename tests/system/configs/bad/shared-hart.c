/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: two VMs pinned to the same hart with cpu_affinity
 * expect: VM 1: platform.cpu_num 1: vCPU 0 has no free physical CPU \(cpu_affinity 0x2
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .cpu_affinity = 0x2,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .cpu_affinity = 0x2,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
            },
        },
    },
};
