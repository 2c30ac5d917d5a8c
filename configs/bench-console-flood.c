/* SPDX-License-Identifier: Apache-2.0 */
/*
 * make bench's console_flood row: one VM printing as fast as it can
 * (the baremetal guest's "conflood" mode: SBI DBCN, legacy putchar and
 * the emulated 16550), with the console's input focus so that its output
 * is written through as it comes, beside a victim that ticks every 100 ms
 * and after 20 ticks says how late its timer interrupt came at worst
 * ("victimbench"). Both list the console UART (each gets an emulated one)
 * and have 64 MiB and a vCPU. test_console_flood.py runs it too, under
 * -icount and in real time.
 */
#include <config.h>

VM_IMAGE(flood_image, XSTR(BAOBAB_IMGS/baremetal-conflood.bin));
VM_IMAGE(victim_image, XSTR(BAOBAB_IMGS/baremetal-victimbench.bin));

struct config config = {
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(flood_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){
                    {.pa = 0x10000000, .va = 0x10000000, .size = 0x1000},
                },
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
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){
                    {.pa = 0x10000000, .va = 0x10000000, .size = 0x1000},
                },
            },
        },
    },
};
