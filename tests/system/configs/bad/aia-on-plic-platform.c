/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: an AIA interrupt controller (APLIC) on a platform
 * whose interrupt controller is a PLIC
 * expect: VM 0: platform.arch.irqc.aia is set, but this platform's interrupt controller is a PLIC
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(img, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){{.base = 0x80000000, .size = 0x4000000}},
                .arch = {.irqc.aia.aplic.base = 0xd000000},
            },
        },
    },
};
