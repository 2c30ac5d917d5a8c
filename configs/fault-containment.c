/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Isolation demo: VM 0 pokes memory it does not own, VM 1 keeps ticking.
 * The hypervisor reports each bad access and hands VM 0 an access fault,
 * which it handles; VM 1 never notices.
 */
#include <config.h>

#ifndef FAULT_POLICY
#define FAULT_POLICY VM_FAULT_INJECT
#endif

VM_IMAGE(fault_image, XSTR(BAOBAB_IMGS/baremetal-fault.bin));
VM_IMAGE(ticker_image, XSTR(BAOBAB_IMGS/baremetal-ticker.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(fault_image, 0x80200000),
            .entry = 0x80200000,
            .fault_policy = FAULT_POLICY,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(ticker_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
            },
        },
    },
};
