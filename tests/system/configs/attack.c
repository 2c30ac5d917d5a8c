/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A hostile VM beside a victim (tests/system/test_attack.py): VM 0 runs
 * the baremetal guest's "attack" mode, every escape attempt it has, then
 * reboots to make them again (a reboot loop); it has a vPLIC of its own
 * at 0x40000000 to probe. VM 1 runs the "victim" mode, which ticks and
 * checks a canary in its memory. Both have 64 MiB at guest address
 * 0x80000000 and a vCPU each.
 */
#include <config.h>

VM_IMAGE(attack_image, XSTR(BAOBAB_IMGS/baremetal-attack.bin));
VM_IMAGE(victim_image, XSTR(BAOBAB_IMGS/baremetal-victim.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(attack_image, 0x80200000),
            .entry = 0x80200000,
#ifdef ATTACK_FAULT_POLICY
            .fault_policy = ATTACK_FAULT_POLICY,
#endif
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
                /* Its own vPLIC, where it probes for others' sources. */
                .arch = {.irqc.plic.base = 0x40000000},
            },
        },
        {
            .image = VM_IMAGE_BUILTIN(victim_image, 0x80200000),
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
