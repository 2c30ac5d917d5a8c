/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The benchmark VM (`make bench`): the baremetal guest in bench mode with
 * 2 vCPUs, the Goldfish RTC (interrupt 11) as a deterministic interrupt
 * source, and its own PLIC (configs/bench-aia*.c: its own APLIC).
 */
#include <config.h>

/* Its interrupt controller (configs/bench-aia*.c: an APLIC). */
#ifndef BENCH_IRQC
#define BENCH_IRQC .irqc.plic.base = 0xc000000
#endif

VM_IMAGE(bench_image, XSTR(BAOBAB_IMGS/baremetal-bench.bin));

struct config config = {
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]){
        {
            .image = VM_IMAGE_BUILTIN(bench_image, 0x80200000),
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 2,
                .region_num = 1,
                .regions = (struct vm_mem_region[]){
                    {.base = 0x80000000, .size = 0x4000000},
                },
                .dev_num = 1,
                .devs = (struct vm_dev_region[]){
                    {
                        .pa = 0x101000,
                        .va = 0x101000,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]){11},
                    },
                },
                .arch = {BENCH_IRQC},
            },
        },
    },
};
