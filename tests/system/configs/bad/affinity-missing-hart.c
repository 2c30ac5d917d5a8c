/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: cpu_affinity names a hart the platform lacks
 * expect: VM 0: cpu_affinity 0x100 names physical CPUs this machine does not have
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .cpu_affinity = 0x100,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
            },
        },
    },
};
