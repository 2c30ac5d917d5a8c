/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The PLIC's memory map (riscv-plic-spec 1.0.0, chapter 3; "spec <n>"
 * names its chapters), for the physical driver and the virtual model.
 */
#ifndef PLIC_REGS_H
#define PLIC_REGS_H

#define PLIC_REG_SIZE 4 /* spec 3: 32-bit registers, LW/SW only */

/* spec 4: priority of source N at 4 * N; source 0's word is reserved. */
#define PLIC_PRIORITY_BASE 0x0
#define PLIC_PRIORITY_END 0x1000
/* spec 5: pending bit N is bit N % 32 of the word at 0x1000 + 4 * (N / 32). */
#define PLIC_PENDING_BASE 0x1000
#define PLIC_PENDING_END 0x1080
/* spec 6: context C's enable words at 0x2000 + 0x80 * C, packed as pending. */
#define PLIC_ENABLE_BASE 0x2000
#define PLIC_ENABLE_STRIDE 0x80
#define PLIC_ENABLE_END 0x1f2000
/* spec 7 and 8/9: context C's 4 KiB page at 0x200000 + 0x1000 * C. */
#define PLIC_CONTEXT_BASE 0x200000
#define PLIC_CONTEXT_STRIDE 0x1000
#define PLIC_THRESHOLD 0x0 /* spec 7: priority threshold */
#define PLIC_CLAIM 0x4     /* spec 8/9: claim (read), complete (write) */

#endif
