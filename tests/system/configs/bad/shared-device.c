/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: one device region (not the console UART) given to
 * two VMs
 * expect: VM 0: platform.devs\[0\] and VM 1's platform.devs\[0\] both claim device memory at 0x10001000: a device .* cannot be shared safely between VMs; give it to one VM
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){{.pa = 0x10001000, .va = 0x10001000, .size = 0x1000}},
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){{.pa = 0x10001000, .va = 0x20001000, .size = 0x1000}},
            },
        },
    },
};
