/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Build-time limits shared by start.S and the C code (keep this file free of
 * C declarations so the assembler can include it).
 */
#ifndef BAREMETAL_CONFIG_H
#define BAREMETAL_CONFIG_H

/* Hart ids 0..MAX_HARTS-1 get a stack; anything above is rejected at entry. */
#define MAX_HARTS 8

/* Per-hart stack; trap frames are pushed on the same stack. */
#define STACK_SHIFT 13
#define STACK_SIZE (1 << STACK_SHIFT) /* 8 KiB */

/* Shared stack used only to report an unsupported hart id. */
#define BAD_HART_STACK_SIZE 4096

/*
 * Timebase of the "time" CSR. QEMU virt uses 10 MHz; we do not parse the
 * device tree, so this is assumed rather than discovered.
 */
#define TIMEBASE_HZ 10000000UL
#define NS_PER_TICK (1000000000UL / TIMEBASE_HZ)

#endif
