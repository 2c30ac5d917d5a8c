/* SPDX-License-Identifier: Apache-2.0 */
/*
 * PLIC register layout (RISC-V PLIC specification), at the QEMU virt address.
 * All registers are 32 bits wide. Context 2h is hart h's M-mode, 2h+1 its
 * S-mode.
 */
#ifndef BAREMETAL_PLIC_H
#define BAREMETAL_PLIC_H

#include <stdbool.h>
#include <stdint.h>

#define PLIC_BASE 0x0c000000UL
#define PLIC_PRIORITY(irq) (PLIC_BASE + 4 * (irq))
#define PLIC_ENABLE(ctx, irq)                                                  \
    (PLIC_BASE + 0x2000 + 0x80 * (ctx) + 4 * ((irq) / 32))
#define PLIC_THRESHOLD(ctx) (PLIC_BASE + 0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx) (PLIC_THRESHOLD(ctx) + 4) /* claim/complete */
#define PLIC_S_CONTEXT(hart) (2 * (hart) + 1)

static inline uint32_t plic_read(unsigned long addr)
{
    return *(volatile uint32_t *)addr;
}

static inline void plic_write(unsigned long addr, uint32_t v)
{
    *(volatile uint32_t *)addr = v;
}

/* Sets or clears the enable bit of irq in context ctx. */
static inline void plic_enable(unsigned long ctx, unsigned int irq, bool on)
{
    uint32_t bits = plic_read(PLIC_ENABLE(ctx, irq));
    uint32_t bit = 1U << (irq % 32);

    plic_write(PLIC_ENABLE(ctx, irq), on ? bits | bit : bits & ~bit);
}

#endif
