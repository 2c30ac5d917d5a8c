/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: an image outside the VM memory
 * expect: VM 0: image \(0x90000000, 0x[0-9a-f]+ bytes\) does not fit
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(img, 0x90000000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
            },
        },
    },
};
