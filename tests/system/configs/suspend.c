/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One VM, two vCPUs, running the baremetal guest's "suspend" mode: HSM
 * retentive and non-retentive suspend, each woken by an IPI that must still
 * be pending afterwards (tests/system/test_hsm_suspend.py).
 */
#include <config.h>

/* The VM's interrupt controller: none (the IPIs are SBI's), or an AIA one
 * (tests/system/configs/aia-suspend.c). */
#ifndef SUSPEND_IRQC
#define SUSPEND_IRQC
#endif

VM_IMAGE(suspend_image, XSTR(BAOBAB_IMGS/baremetal-suspend.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(suspend_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 2,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
                .arch = {SUSPEND_IRQC},
            },
        },
    },
};
