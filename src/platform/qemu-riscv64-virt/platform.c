/* SPDX-License-Identifier: Apache-2.0 */
/*
 * QEMU's riscv64 "virt" machine (hw/riscv/virt.c memory map): RAM at
 * 0x80000000, NS16550A at 0x10000000 (IRQ 10), PLIC at 0xc000000. OpenSBI
 * occupies the first 2 MiB of RAM and loads us right after it.
 */
#include <platform.h>

const struct platform platform = {
    .name = "qemu-riscv64-virt",
    .max_harts = 8,
    .ram = {.base = 0x80000000UL, .size = 0x40000000UL},
    .firmware = {.base = 0x80000000UL, .size = 0x200000UL},
    .console_uart = {.base = 0x10000000UL, .size = 0x1000, .irq = 10},
    .plic = {.base = 0xc000000UL,
             .size = 0x600000,
             .num_sources = 96,
             .contexts_per_hart = 2, /* M-mode, then S-mode */
             .s_context = 1},
    .timebase_hz = 10000000,
};
